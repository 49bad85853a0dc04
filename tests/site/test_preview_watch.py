"""How the preview server notices a save (macros/site/preview.py, `Preview.watch_faster`):
mkdocs' own server, its watched paths moved to the operating system's file events; a read
of a watched file is not a change; AGENDA_PREVIEW_POLLING=1 keeps mkdocs' polling, faster;
and mkdocs-macros' git questions are asked once per preview, not on every rebuild."""

from __future__ import annotations

import time

import pytest
from mkdocs.livereload import LiveReloadServer

from macros.site import preview
from macros.site.preview import Preview


@pytest.fixture()
def server(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "policy").mkdir()
    (tmp_path / "policy" / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(tmp_path / "docs"))  # as mkdocs' serve does before the on_serve event
    yield server
    server.observer.stop()


def _changed(server, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server._want_rebuild:
            return True
        time.sleep(0.005)
    return False


def test_a_save_is_seen_within_a_fraction_of_a_second_and_a_read_is_not(server, tmp_path, monkeypatch):
    monkeypatch.delenv("AGENDA_PREVIEW_POLLING", raising=False)
    Preview(on=True).watch_faster(server)
    server.watch(str(tmp_path / "policy"))  # mkdocs.yml's `watch`, after the event
    assert server.build_delay == preview.NATIVE_BUILD_DELAY
    assert sorted(server._watched_paths) == [str(tmp_path / "docs"), str(tmp_path / "policy")]
    server.observer.start()
    time.sleep(0.2)
    (tmp_path / "policy" / "a.yaml").read_text(encoding="utf-8")  # the build reads the policy
    assert not _changed(server, 0.3)
    started = time.monotonic()
    (tmp_path / "policy" / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    assert _changed(server, 2)
    assert time.monotonic() - started < 0.25  # file events: milliseconds (mkdocs polls every 0.5 s); room for a loaded machine
    server._want_rebuild = False
    (tmp_path / "docs" / "b.md").write_text("x\n", encoding="utf-8")  # docs/ moved along
    assert _changed(server, 2)


def test_polling_on_request_looks_every_tenth_of_a_second(server, tmp_path, monkeypatch):
    monkeypatch.setenv("AGENDA_PREVIEW_POLLING", "1")
    polling = server.observer
    Preview(on=True).watch_faster(server)
    server.watch(str(tmp_path / "policy"))
    assert server.observer is polling and server.build_delay == preview.BUILD_DELAY
    server.observer.start()
    time.sleep(0.3)
    (tmp_path / "policy" / "a.yaml").write_text("a: 3\n", encoding="utf-8")
    assert _changed(server, 2)


def test_a_plain_serve_keeps_mkdocs_watcher(server):
    polling, delay = server.observer, server.build_delay
    Preview(on=False).watch_faster(server)
    assert server.observer is polling and server.build_delay == delay


def test_the_preview_asks_git_once_not_on_every_rebuild(monkeypatch):
    from mkdocs_macros import context

    asked = []
    monkeypatch.setattr(context, "get_git_info", lambda: asked.append(1) or {"status": True, "commit": "abc"})
    try:
        Preview().start("build", False)
        context.get_git_info(), context.get_git_info()
        assert len(asked) == 2  # a one-shot build: as mkdocs-macros does it
        Preview().start("serve", True)
        first, second = context.get_git_info(), context.get_git_info()
        assert len(asked) == 3 and first == second == {"status": True, "commit": "abc"}
    finally:
        Preview().start("build", False)  # the module-wide switches back off
