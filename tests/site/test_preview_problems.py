"""The preview's banner of problems (macros/site/preview_problems.py) on small
purpose-made problems, and the WSGI wrapper that puts it into served pages."""

from __future__ import annotations

from pathlib import Path

from macros.policy.problems import Problem
from macros.site.preview_problems import Banners, insert_banner, problem_views, render_banner

PROBLEMS = [
    Problem("policy/x/2024/b.yaml", 0, 0, "file is a symbolic link"),
    Problem("policy/x/2024/a.yaml", 12, 7, "unknown key '<titel>'", "did you mean 'title'?"),
]


def test_the_banner_lists_every_problem_with_file_line_column_and_hint_escaped():
    html = render_banner(problem_views(PROBLEMS, Path("/nowhere"))).decode()
    assert 'role="alert"' in html and "Deze wijziging is niet verwerkt" in html
    assert "Er zijn 2 problemen" in html and "laatste versie van het beleid" in html
    a, b = html.index("policy/x/2024/a.yaml, regel 12, kolom 7"), html.index("policy/x/2024/b.yaml</code>")
    assert a < b  # in report order
    assert "unknown key &#x27;&lt;titel&gt;&#x27;" in html and "<titel>" not in html
    assert "Tip: did you mean" in html
    assert html.count("Tip:") == 1  # no hint, no tip


def test_no_problems_no_banner():
    assert render_banner([]) == b""


def test_a_file_inside_the_project_is_shown_relative_to_it(tmp_path):
    views = problem_views([Problem(str(tmp_path / "policy" / "a.yaml"), 3, 1, "x")], tmp_path)
    assert views[0].file == "policy/a.yaml"


def test_the_banner_goes_right_after_the_body_tag():
    page = b'<html><body class="x" data-a="1"><p>tekst</p></body></html>'
    assert insert_banner(page, b"<div>B</div>") == b'<html><body class="x" data-a="1"><div>B</div><p>tekst</p></body></html>'
    assert insert_banner(page, b"") == page
    assert insert_banner(b"<p>geen body</p>", b"<div>B</div>") == b"<p>geen body</p>"


class _Server:
    """What the wrapper uses of mkdocs' LiveReloadServer (wsgiref's get_app/set_app)."""

    def __init__(self, app):
        self.app = app

    def get_app(self):
        return self.app

    def set_app(self, app):
        self.app = app


def _app(environ, start_response):
    if environ["PATH_INFO"].endswith(".txt"):
        start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "5")])
        return [b"<body"]
    body = b"<html><body><p>pagina</p></body></html>"
    start_response("200 OK", [("Content-Type", "text/html"), ("Content-Length", str(len(body)))])
    return [body]


def _get(server, path):
    got = {}

    def start_response(status, headers, exc_info=None):
        got["status"], got["headers"] = status, dict(headers)

    body = b"".join(server.app({"PATH_INFO": path}, start_response))
    assert int(got["headers"]["Content-Length"]) == len(body)
    return body


def test_served_html_pages_get_the_banner_of_the_last_build_and_lose_it_after_a_good_one():
    config = {"config_file_path": "/p/mkdocs.yml", "site_dir": "/p/site"}
    banners = Banners()
    server = banners.show_in_pages(_Server(_app), config)
    assert b"agenda-preview-problems" not in _get(server, "/")
    banners.record(config, PROBLEMS)
    page = _get(server, "/")
    assert page.startswith(b"<html><body><style>") and b"regel 12, kolom 7" in page
    assert _get(server, "/a.txt") == b"<body"  # only HTML pages
    banners.record({**config, "site_dir": "/other/site"}, [])  # another site's good build changes nothing here
    assert b"regel 12" in _get(server, "/")
    banners.record(config, [])
    assert b"agenda-preview-problems" not in _get(server, "/")
