"""The preview's banner of problems: while `mkdocs serve` runs and the last save
failed validation, every page it serves starts with what is wrong.

The terminal already lists the problems (macros/hooks.py), but someone who
edits next to the browser's preview never looks there. So each build of the
preview records the problems of its policy (`record`, from on_config: none
when it passed), renders them once with `partials/preview_problems.html`, and
the preview server puts that HTML right after `<body>` of every HTML page it
serves (`show_in_pages`, from on_serve: a WSGI wrapper around mkdocs' own
server). The banner never reaches the site folder: a built site, and the pages
of the preview on disk, are exactly those of a good build; and no page has to
be rebuilt to show or hide it (mkdocs reloads the browser after every build).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from macros.policy.problems import Problem
from macros.site.templating import render

TEMPLATE = "partials/preview_problems.html"
_BODY = re.compile(rb"<body\b[^>]*>")


@dataclass(frozen=True)
class ProblemView:
    """One problem as the banner shows it; line and column 0 when the problem concerns the whole file."""

    file: str
    line: int
    column: int
    message: str
    hint: str


def problem_views(problems: list[Problem], root: Path) -> list[ProblemView]:
    """The problems in report order, their files relative to the project folder when inside it."""
    views = []
    for p in sorted(problems):
        file = Path(p.file)
        if file.is_absolute():
            try:
                file = file.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        views.append(ProblemView(file.as_posix(), p.line, p.column, p.message, p.hint))
    return views


def render_banner(problems: list[ProblemView], templates: str = "") -> bytes:
    """The banner's HTML ('' without problems), from the site's own template folder first."""
    if not problems:
        return b""
    return render(TEMPLATE, templates, problems=problems).strip().encode("utf-8")


def insert_banner(page: bytes, banner: bytes) -> bytes:
    """`page` with `banner` right after its `<body>` tag (unchanged without either)."""
    found = _BODY.search(page) if banner else None
    if found is None:
        return page
    return page[:found.end()] + banner + page[found.end():]


class Banners:
    """The banner HTML of the last build, per configuration (config file, site folder)."""

    def __init__(self):
        self.html: dict[tuple[str, str], bytes] = {}

    def record(self, config, problems: list[Problem], templates: str = "") -> None:
        root = Path(config["config_file_path"] or ".").resolve().parent
        self.html[_key(config)] = render_banner(problem_views(problems, root), templates)

    def current(self, key: tuple[str, str]) -> bytes:
        return self.html.get(key, b"")

    def show_in_pages(self, server, config):
        """Wrap the preview server's WSGI application: HTML pages get the banner of the
        last build (read per request, so the next build's result shows at once)."""
        key = _key(config)
        app = server.get_app()

        def with_banner(environ, start_response):
            captured: list = []

            def capture(status, headers, exc_info=None):
                captured[:] = [status, headers, exc_info]
                return lambda data: None  # mkdocs' server never uses write()

            result = app(environ, capture)
            banner = self.current(key)
            if not captured:
                return result
            status, headers, exc_info = captured
            html = any(k.lower() == "content-type" and v.startswith("text/html") for k, v in headers)
            if not (banner and html and status.startswith("200")):
                start_response(status, headers, exc_info)
                return result
            try:
                page = b"".join(result)
            finally:
                if hasattr(result, "close"):
                    result.close()
            page = insert_banner(page, banner)
            headers = [(k, str(len(page)) if k.lower() == "content-length" else v) for k, v in headers]
            start_response(status, headers, exc_info)
            return [page]

        server.set_app(with_banner)
        return server


def _key(config) -> tuple[str, str]:
    return (os.path.abspath(str(config["config_file_path"])), os.path.abspath(str(config["site_dir"])))


BANNERS = Banners()
