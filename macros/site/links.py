"""Relative addresses between pages, and the link a template writes.

Pages are named by their docs-relative Markdown path (`thema/x.md`). Markdown
links (`href`) point at that path, so mkdocs rewrites and checks them in
`--strict` mode; links inside HTML blocks (`url`) point at the directory URL
the built site has, because mkdocs leaves HTML alone.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Link:
    """A title and a relative address; templates write it as Markdown or as <a>."""

    title: str
    href: str


@lru_cache(maxsize=65536)
def relative(target: str, start: str) -> str:
    """posixpath.relpath for clean docs-relative paths, without its file-system
    lookups (a thousand links on a page made them a fifth of rendering)."""
    to, frm = target.split("/") if target else [], start.split("/") if start else []
    common = 0
    while common < min(len(to), len(frm)) and to[common] == frm[common]:
        common += 1
    return "/".join([".."] * (len(frm) - common) + to[common:]) or "."


def rel(here: str, target: str, anchor: str = "") -> str:
    """A Markdown link target from page `here` to page `target` (both docs-relative .md paths)."""
    path = relative(target, posixpath.dirname(here)) if target != here else ""
    return f"{path}#{anchor}" if anchor else (path or "#")


def md_link(here: str, target: str, title: str, anchor: str = "") -> Link:
    """A link for a Markdown context: mkdocs checks and rewrites it."""
    return Link(title, rel(here, target, anchor))


def page_url(md_path: str) -> str:
    """The site-relative directory URL of a page: 'thema/x.md' -> 'thema/x/', 'thema/index.md' -> 'thema/'."""
    stem = md_path[:-3]
    if stem == "index":
        return ""
    return (stem[: -len("/index")] if stem.endswith("/index") else stem) + "/"


def url(here: str, target: str, anchor: str = "") -> str:
    """The relative URL from page `here` to page `target` as the built site has them
    (directory URLs), for links inside HTML blocks that mkdocs does not rewrite."""
    path = relative(page_url(target).rstrip("/"), page_url(here).rstrip("/"))
    path = "" if path == "." else path + "/"
    return path + (f"#{anchor}" if anchor else "") or "./"


def html_link(here: str, target: str, title: str, anchor: str = "") -> Link:
    """A link for an HTML block: the built site's directory URL."""
    return Link(title, url(here, target, anchor))


def versions_root(here: str) -> str:
    """Relative URL from page `here` (a .md path) to the folder that holds all versions."""
    depth = page_url(here).count("/")  # 'thema/index.md' is served as 'thema/': one level, not two
    return "../" * (depth + 1)


def site_url(here: str, version_id: str, page: str = "") -> str:
    """Relative URL from page `here` to a page of another version's site."""
    return versions_root(here) + f"{version_id}/{page}"
