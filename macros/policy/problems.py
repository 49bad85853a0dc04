"""A problem found in the policy sources, located at file:line:column."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, phrased for the person who edits it.

    Ordered by file, line and column so that reports read top to bottom.
    """

    file: str
    line: int  # 0: the problem concerns the file itself, not a place in it
    column: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        # Line 0: a problem with the file as a whole (a link, a device), where no position exists.
        text = f"{self.file}:{self.line}:{self.column}: {self.message}" if self.line else f"{self.file}: {self.message}"
        if self.hint:
            text += f"\n    hint: {self.hint}"
        return text


class PolicyError(Exception):
    """Raised once, with every problem, when the policy cannot be used."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    count = len(problems)
    lines = [str(p) for p in sorted(problems)]
    noun = "problem" if count == 1 else "problems"
    lines.append(f"{count} {noun} found.")
    return "\n".join(lines)
