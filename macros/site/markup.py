"""Small builders for the Markdown/HTML that page renderers emit.

Structure (headings, links) is Markdown, so mkdocs builds the table of
contents and checks every link in `--strict` mode; policy text is inserted as
sanitised HTML from `macros.policy.text`. Every plain string from YAML goes through
`md_escape` or `escape` here; nothing is pasted raw.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache

from macros.policy.text import md_escape, render_inline, render_text


def heading(level: int, title: str, anchor: str = "", number: str = "") -> str:
    label = f"{number} {title}" if number else title
    suffix = f" {{#{anchor}}}" if anchor else ""
    return f"{'#' * level} {md_escape(label)}{suffix}\n"


def rel(here: str, target: str, anchor: str = "") -> str:
    """A link from page `here` to page `target` (both docs-relative .md paths)."""
    path = relative(target, posixpath.dirname(here)) if target != here else ""
    return f"{path}#{anchor}" if anchor else (path or "#")


@lru_cache(maxsize=65536)
def relative(target: str, start: str) -> str:
    """posixpath.relpath for clean docs-relative paths, without its file-system
    lookups (a thousand links on a page made them a fifth of rendering)."""
    to, frm = target.split("/") if target else [], start.split("/") if start else []
    common = 0
    while common < min(len(to), len(frm)) and to[common] == frm[common]:
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."


def link(here: str, target: str, title: str, anchor: str = "") -> str:
    return f"[{md_escape(title)}]({rel(here, target, anchor)})"


def block(html: str, css_class: str = "", tag: str = "div") -> str:
    """An HTML block; Markdown leaves its inside alone."""
    if not html:
        return ""
    attr = f' class="{css_class}"' if css_class else ""
    return f"<{tag}{attr}>\n{html}\n</{tag}>\n"


def text(source: str, css_class: str = "agenda-text") -> str:
    """A policy text field as a sanitised HTML block (empty when absent)."""
    return block(render_text(source), css_class) if source else ""


def inline(source: str) -> str:
    return render_inline(source)


def join(*parts: str) -> str:
    """Join page parts with blank lines, so Markdown and HTML blocks stay apart."""
    return "\n".join(p.rstrip("\n") + "\n" for p in parts if p)
