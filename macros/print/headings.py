"""The headings of a print document and its table of contents.

Each heading gets an anchor (`k1`, `k2`, ...) in the order the view is built;
headings of level 1 and 2 are listed in the contents, where CSS adds the
page number of the anchor (`target-counter()`).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Heading:
    level: int
    anchor: str
    label: str


@dataclass
class Headings:
    """Numbers the headings of one document and collects its contents."""

    contents: list[Heading] = field(default_factory=list)
    _count: int = 0

    def add(self, level: int, title: str, number: str = "", toc: bool = True) -> Heading:
        self._count += 1
        heading = Heading(level, f"k{self._count}", f"{number} {title}" if number else title)
        if toc and level <= 2:
            self.contents.append(heading)
        return heading
