"""Helpers to drive Debian's Chromium with Playwright against a local copy of the site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    prefix = "/"

    def log_message(self, *args):
        pass

    def send_head(self):
        # Under a sub-path (a municipality's own site: gemeente.nl/veiligheid/), only that
        # path holds the site; anything outside it is another site's, here: not found.
        if not self.path.startswith(self.prefix):
            self.send_error(404, "outside the site")
            return None
        return super().send_head()

    def translate_path(self, path):
        return super().translate_path("/" + path[len(self.prefix):])


@contextlib.contextmanager
def serve(folder: Path, prefix: str = "/"):
    """Serve `folder` on 127.0.0.1 (Material's search needs http, not file://),
    at the root or under a sub-path such as "/veiligheid/"."""
    handler = functools.partial(type("Handler", (_Quiet,), {"prefix": prefix}), directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()


class _Links(HTMLParser):
    """The addresses a page refers to (links, scripts, styles, images, forwarding) and its ids."""

    def __init__(self, html: str):
        super().__init__()
        self.refs, self.ids = [], set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for name in ("href", "src"):
            if attrs.get(name):
                self.refs.append(attrs[name])
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "refresh" and "url=" in attrs.get("content", ""):
            self.refs.append(attrs["content"].split("url=", 1)[1].strip())


@dataclass
class Crawl:
    pages: set = field(default_factory=set)      # HTML pages reached by following links
    broken: set = field(default_factory=set)     # (page, reference, why)
    checked: dict = field(default_factory=dict)  # address -> status
    ids: dict = field(default_factory=dict)      # page -> ids on it


def _get(url: str, method: str = "GET") -> tuple[int, str]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, method=method), timeout=10) as response:
            body = response.read().decode("utf-8", errors="replace") if method == "GET" else ""
            return response.status, body
    except urllib.error.HTTPError as err:
        return err.code, ""


def _is_page(url: str) -> bool:
    return url.endswith("/") or url.endswith(".html")


def crawl(start: str, also: tuple[str, ...] = ()) -> Crawl:
    """Follow every link from `start` (the served site's root, e.g. http://127.0.0.1:PORT/veiligheid/).

    Every reference on a page must resolve inside the site (under `start`) to a file that
    is there, and a link to #id must find that id. `also`: more pages whose links to check,
    without counting them as reached. Other hosts (the canonical address, external sites)
    are not followed."""
    result = Crawl()
    site = urlsplit(start)
    # Material's version selector (drawn by JavaScript from versions.json) links to every version's home.
    import json
    status, versions = _get(urljoin(start, "versions.json"))
    homes = [urljoin(start, v["version"] + "/") for v in json.loads(versions)] if status == 200 else []
    queue = [start, *homes]
    seen = set(queue)
    extra = [p for p in also if p not in seen]

    def check(page: str, html: str) -> None:
        links = _Links(html)
        result.ids[page] = links.ids
        for ref in links.refs:
            if ref.startswith(("mailto:", "tel:", "javascript:", "data:")):
                continue
            target, fragment = urldefrag(urljoin(page, ref))
            parts = urlsplit(target)
            if parts.netloc != site.netloc:
                continue
            if not parts.path.startswith(site.path):
                result.broken.add((page, ref, "leaves the site"))
                continue
            if target not in result.checked:
                result.checked[target] = _get(target, "GET" if _is_page(target) else "HEAD")
            status, body = result.checked[target]
            if status != 200:
                result.broken.add((page, ref, f"HTTP {status}"))
            elif _is_page(target):
                if fragment:
                    pending.append((page, ref, target, fragment))
                if target not in seen and not from_extra:
                    seen.add(target)
                    queue.append(target)

    pending = []
    from_extra = False
    while queue:
        page = queue.pop()
        status, html = result.checked.get(page) or _get(page)
        if status != 200:
            result.broken.add((page, page, f"HTTP {status}"))
            continue
        result.pages.add(page)
        check(page, html)
    from_extra = True
    for page in extra:
        status, html = _get(page)
        check(page, html)
    for page, ref, target, fragment in pending:
        if target not in result.ids:
            result.ids[target] = _Links(result.checked[target][1]).ids
        if fragment not in result.ids[target]:
            result.broken.add((page, ref, f"no id '{fragment}' there"))
    return result


@pytest.fixture(scope="module", name="browser")
def chromium():
    """Debian's Chromium, headless, once per test module (import this into a test module to use it)."""
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
