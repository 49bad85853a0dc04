"""Dates, periods, document numbers and hyphenated words stay on one line in table cells.

Browsers break a line after a hyphen: in a narrow cell "12-06-2023" became "12-06-"
and "2023", "2024-2027" became "2024-" and "2027". `keep_whole` wraps each such
token of an HTML fragment in `<span class="agenda-whole">` (`white-space: nowrap`
in docs/assets/agenda.css); the text itself is unchanged, so copying, searching and
screen readers get the same characters. `keep_whole_in_tables` does so in every
table of a page (macros/hooks.py, on_page_content): generated and hand-written pages.
"""

from __future__ import annotations

import re

from markupsafe import Markup

# Letters or digits joined by hyphens (12-06-2023, 2023-572, 2024-2027, up-to-date), up to
# 32 characters: longer compounds may still break, so that a cell never gets wider than a phone.
_TOKEN = re.compile(r"(?<![\w-])(?=[\w-]{3,32}(?![\w-]))\w+(?:-\w+)+(?![\w-])")
_TAG = re.compile(r"(<[^>]*>)")
_OPEN = '<span class="agenda-whole">'


def keep_whole(html) -> Markup:
    """`html` (escaped HTML) with every hyphenated token outside its tags kept whole."""
    parts = _TAG.split(str(html))
    for i in range(0, len(parts), 2):  # the text between tags; tags (and their attributes) stay as they are
        if "-" in parts[i]:
            parts[i] = _TOKEN.sub(lambda m: f"{_OPEN}{m.group(0)}</span>", parts[i])
    return Markup("".join(parts))


_TABLE = re.compile(r"<table\b.*?</table>", re.S)


def keep_whole_in_tables(html: str) -> str:
    """`html` (a page) with `keep_whole` applied inside each of its tables."""
    if "<table" not in html:
        return html
    return _TABLE.sub(lambda m: str(keep_whole(m.group(0))), html)
