"""Helpers shared by the tests: the policy as plain data, a page parser, a file editor."""

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import yaml

from conftest import POLICY, VERSION

DATA = {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (POLICY / VERSION).glob("*.yaml")}


class Page(HTMLParser):
    """Collects links, ids, headings and visible text of one HTML page."""

    def __init__(self, html: str):
        super().__init__()
        self.links, self.ids, self.h1, self.text = [], set(), [], []
        self._in_h1 = False
        self.lang = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "h1":
            self._in_h1 = True
            self.h1.append("")

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        self.text.append(data)
        if self._in_h1:
            self.h1[-1] += data

    @property
    def plain(self) -> str:
        return re.sub(r"\s+", " ", "".join(self.text))


def broken_links(site: Path) -> list[str]:
    """Every link inside a built site whose page or anchor does not exist ("/from.html -> href")."""
    broken = []
    cache = {}
    for path in sorted(site.rglob("*.html")):
        url = "/" + path.relative_to(site).as_posix()
        for href in Page(path.read_text(encoding="utf-8")).links:
            parsed = urlparse(href)
            if parsed.scheme or href.startswith("mailto:"):
                continue
            target_url = urljoin(url, href)
            target = site / unquote(urlparse(target_url).path).lstrip("/")
            if target.is_dir() or target_url.split("#")[0].endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{url} -> {href}")
                continue
            if parsed.fragment:
                ids = cache.setdefault(target, Page(target.read_text(encoding="utf-8")).ids)
                if parsed.fragment not in ids:
                    broken.append(f"{url} -> {href} (anchor)")
    return broken


def foreign_resources(site: Path, extra: dict | None = None) -> list[str]:
    """Every tag of a built site that makes the browser load something from another host
    (a canonical or alternate link is not loaded). `extra`: page texts to check instead."""
    found = []
    for path in sorted(site.rglob("*.html")):
        html = (extra or {}).get(path) or path.read_text(encoding="utf-8")
        for match in re.finditer(r'<(script|link|img|iframe|source|video|audio)\b[^>]*>', html):
            tag = match.group(0)
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue
            if re.search(r'(?:src|href)="(?:https?:)?//', tag):
                found.append(f"{path}: {tag}")
    return found


def plain(markdown_text: str) -> str:
    """The visible words of a Markdown text (for comparing with the page)."""
    text = re.sub(r"[*_]", "", markdown_text or "")
    return re.sub(r"\s+", " ", text).strip()


def edit(project: Path, name: str, old: str, new: str) -> Path:
    path = project / "policy" / VERSION / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


HOSTILE = (
    "Som: {{ 6*7 }} en {% if true %}ja{% endif %} en {# commentaar #}.\n\n"
    "<script>alert('x')</script>\n\n"
    'Plaatje: <img src="x" onerror="alert(1)"> en <a href="#" onclick="alert(2)">klik</a>.\n\n'
    "[js](javascript:alert(3)) en [data](data:text/html;base64,PHNjcmlwdD4=) en [goed](https://www.deventer.nl/).\n\n"
    '<div style="position:fixed">blok</div>\n'
)


class Marked(HTMLParser):
    """The source lines and editorial marks of one page: their classes, visible text and links."""

    def __init__(self, html: str):
        super().__init__()
        self.sources, self.marks, self._open = [], [], []  # (text, [(href, text)]) / (tag, attrs, text)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "agenda-source" in classes or "agenda-editorial" in classes:
            self._open.append({"tag": tag, "attrs": attrs, "text": "", "links": [], "kind": classes})
        elif self._open:
            if tag == "a":
                self._open[-1]["links"].append([attrs.get("href"), ""])
            self._open[-1].setdefault("depth", {}).setdefault(tag, 0)
            self._open[-1]["depth"][tag] += 1

    def handle_endtag(self, tag):
        if not self._open:
            return
        top = self._open[-1]
        if tag == top["tag"] and not top.get("depth", {}).get(tag):
            self._open.pop()
            text = re.sub(r"\s+", " ", top["text"]).strip()
            if "agenda-source" in top["kind"]:
                self.sources.append((text, [tuple(link) for link in top["links"]]))
            else:
                self.marks.append((top["tag"], top["attrs"], text, [tuple(link) for link in top["links"]]))
                if self._open:  # a mark inside a mark's parent keeps its words there too
                    self._open[-1]["text"] += top["text"]
        elif top.get("depth", {}).get(tag):
            top["depth"][tag] -= 1

    def handle_data(self, data):
        if self._open:
            self._open[-1]["text"] += data
            if self._open[-1]["links"] and self._open[-1]["depth"].get("a"):
                self._open[-1]["links"][-1][1] += data
