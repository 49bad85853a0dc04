"""The preview server's incremental rebuild: after an edit of the policy, mkdocs
renders only the pages the edit touches and keeps the others from the previous build.

Used by `macros/hooks.py` when `mkdocs serve --dirty` runs (`scripts/serve.sh`);
a plain `mkdocs build` or `mkdocs serve` never gets here. Per build:

1. `plan(config, site)` (on_config): compare with the last good build. A full
   rebuild (first build, anything `incremental.changed_pages` cannot bound, or
   a changed file outside `policy/`: configuration, `docs/`, `overrides/`,
   `macros/`, `schema/`; a policy file added or removed) empties the site
   folder first, as a clean build does.
2. `mark(files)` (on_files): mkdocs' dirty build skips a page whose
   `file.is_modified()` is False; every generated file reports True, so each
   page's File gets its own answer: the pages of the plan, and hand-written
   pages that call macros, are rebuilt.
3. `finish(config)` (on_post_build, before the search plugin writes its index):
   the search index gets the entries of skipped pages from the previous build,
   in page order, so it equals a full build's; then the state is kept.

A build that fails forgets the state, so the next one is full.
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:  # imported when the preview plans a rebuild: a plain build never needs it
    from macros.site.incremental import Plan

# Under "mkdocs." so `mkdocs serve` shows it with its own messages; info only, which strict mode does not count.
log = logging.getLogger("mkdocs.plugins.agenda.preview")

_DIRTY_WARNING = "A 'dirty' build is being performed"


class _QuietDirty(logging.Filter):
    """mkdocs warns on every dirty build, which `--strict` turns into a failure; the
    preview decides itself what to rebuild (and says so), so that one warning goes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(_DIRTY_WARNING)


@dataclass
class _Build:
    site: object
    inputs: dict  # path -> (mtime_ns, size) of everything outside policy/ that shapes the site
    policy_files: frozenset
    nav: list
    search: dict[str, list]  # page url -> its search index entries


@dataclass
class Preview:
    on: bool = False
    last: dict = field(default_factory=dict)  # (config file, site dir) -> _Build of the last good build
    pending: dict = field(default_factory=dict)  # the same key -> (plan, _Build without search, started)
    files: dict = field(default_factory=dict)  # the same key -> mkdocs' Files of the build under way
    last_plan: Plan | None = None  # what the last build did (for tests and the benchmark)

    def start(self, command: str, dirty: bool) -> None:
        self.on = command == "serve" and dirty
        from macros.policy.validate import reuse_unchanged_files

        reuse_unchanged_files(self.on)
        if self.on:
            _keep_git_info()
        if self.on and not any(isinstance(f, _QuietDirty) for f in logging.getLogger("mkdocs.commands.build").filters):
            logging.getLogger("mkdocs.commands.build").addFilter(_QuietDirty())

    def plan(self, config, site) -> Plan | None:
        if not self.on:
            return None
        from macros.site.incremental import changed_pages, full

        started = time.perf_counter()
        key = _key(config)
        inputs, policy_files = _inputs(config), _policy_files(config)
        before = self.last.get(key)
        if before is None:
            plan = full("first build")
        elif before.inputs != inputs:
            changed = sorted(set(before.inputs.items()) ^ set(inputs.items()))
            plan = full(f"{Path(changed[0][0]).name} changed (configuration, docs/, overrides/ or code)")
        elif before.policy_files != policy_files:
            plan = full("a policy file was added or removed")
        elif before.nav != config["nav"]:
            plan = full("the navigation changed")
        else:
            plan = changed_pages(before.site, site)
        if before is None or before.inputs != inputs:
            _TEMPLATE_NAMES.clear()  # overrides/ may have new templates
        _reuse_templates(config["theme"])
        if plan.full:
            from mkdocs.utils import clean_directory

            clean_directory(config["site_dir"])
        self.last_plan = plan
        self.pending[key] = (plan, _Build(site, inputs, policy_files, config["nav"], {}), started)
        return plan

    def mark(self, files, config) -> None:
        """Tell mkdocs' dirty build which pages to render again."""
        pending = self.pending.get(_key(config)) if self.on else None
        if pending is None:
            return
        plan = pending[0]
        self.files[_key(config)] = files
        for file in files.documentation_pages():
            if plan.full:
                rebuild = True
            elif file.generated_by is not None or file.abs_src_path is None:
                rebuild = file.src_uri in plan.pages
            else:  # hand-written: macros in it may show anything of the model
                rebuild = _calls_macros(file.abs_src_path)
            file.is_modified = _TRUE if rebuild else _FALSE

    def finish(self, config) -> None:
        """Complete the search index with the skipped pages' entries; keep the state."""
        key = _key(config)
        pending = self.pending.pop(key, None) if self.on else None
        if pending is None:
            return
        plan, build, started = pending
        files = self.files.pop(key)
        before = self.last.get(key)
        plugin = next((p for p in config.plugins.values() if hasattr(p, "search_index")), None)
        pages = [f for f in files.documentation_pages()]
        if plugin is not None:
            entries = _entries(plugin)
            fresh: dict[str, list] = {}
            for entry in entries:
                fresh.setdefault(entry["location"].split("#", 1)[0], []).append(entry)
            merged: list = []
            for f in pages:
                url = f.page.url if f.page is not None else f.url
                built = f.is_modified()
                own = fresh.get(url, []) if built or before is None else before.search.get(url, [])
                build.search[url] = own
                merged += own
            entries[:] = merged
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None  # Material's own dirty merge assumes one page per rebuild
        self.last[key] = build
        rebuilt = sum(1 for f in pages if f.is_modified())
        what = "all pages" if plan.full else f"{rebuilt} of {len(pages)} pages"
        log.info(f"Preview: rebuilt {what} ({plan.reason}) in {time.perf_counter() - started:.2f} s")

    def watch_faster(self, server):
        """Let the preview server notice a save sooner.

        mkdocs polls the watched folders every 0.5 s and then waits 0.1 s for more
        changes before it rebuilds: on average most of the time from saving a file
        to the rebuilt page. Where the operating system reports changes (inotify on
        Linux: `watchdog`'s native observer), every watched path moves to it, which
        tells of a save within milliseconds, and the wait for more changes becomes
        NATIVE_BUILD_DELAY. Elsewhere, or with AGENDA_PREVIEW_POLLING=1 (folders
        shared into a container or over the network, where no events arrive), the
        folders watched after this event (mkdocs.yml's `watch`: policy/, sources/,
        macros/) are polled every WATCH_INTERVAL seconds and the wait is BUILD_DELAY.
        """
        if not self.on:
            return server
        observer = _native_observer()
        watched = getattr(server, "_watched_paths", None)
        if observer is not None and isinstance(watched, dict) and hasattr(server, "unwatch"):
            paths = list(watched)  # docs/ and mkdocs.yml, already on mkdocs' polling observer
            for path in paths:
                server.unwatch(path)
            server.observer = observer
            for path in paths:
                server.watch(path)
            server.build_delay = min(getattr(server, "build_delay", NATIVE_BUILD_DELAY), NATIVE_BUILD_DELAY)
            log.info("Preview: watching for changes with the operating system's file events")
            return server
        server.build_delay = min(getattr(server, "build_delay", BUILD_DELAY), BUILD_DELAY)
        polling = getattr(server, "observer", None)
        if polling is not None and hasattr(polling, "_timeout"):  # watchdog's BaseObserver
            polling._timeout = WATCH_INTERVAL
        return server

    def forget(self) -> None:
        self.last.clear()
        self.pending.clear()
        self.files.clear()


PREVIEW = Preview()
WATCH_INTERVAL = 0.1  # seconds between two looks at the watched folders (mkdocs: 0.5)
BUILD_DELAY = 0.05  # seconds without further changes before a rebuild starts (mkdocs: 0.1)
# With file events, a save (truncate, write, close; or write a copy and rename it) reports all
# its events within a millisecond or two: this wait only gathers them into one rebuild.
NATIVE_BUILD_DELAY = 0.02


def _keep_git_info() -> None:
    """mkdocs-macros asks git twelve questions, each in a new process, on every build (its
    `git` page variable): 30-90 ms of each rebuild. While previewing, the answers of the
    first build are kept for the server's lifetime (no page of ours shows them; a commit
    made meanwhile shows after a restart of the preview). Nothing on disk is changed."""
    try:
        from mkdocs_macros import context
    except ImportError:  # pragma: no cover - mkdocs-macros is a dependency of the site
        return
    ask = context.get_git_info
    if getattr(ask, "kept_by_preview", False):
        return
    answers: dict = {}

    def kept():
        key = os.getcwd()
        if key not in answers:
            answers[key] = ask()
        return dict(answers[key]) if isinstance(answers[key], dict) else answers[key]

    kept.kept_by_preview = True
    context.get_git_info = kept


def _native_observer():
    """watchdog's observer on the operating system's file events, reporting only changes
    (None where there is none, or when AGENDA_PREVIEW_POLLING=1). mkdocs' callback
    rebuilds on any event: reading a file (the build reads the policy) must not count."""
    import os

    if os.environ.get("AGENDA_PREVIEW_POLLING") == "1":
        return None
    from watchdog import events
    from watchdog.observers import Observer
    from watchdog.observers.polling import PollingObserver

    if issubclass(Observer, PollingObserver):  # no native API on this system
        return None
    changes = [events.FileCreatedEvent, events.FileModifiedEvent, events.FileDeletedEvent, events.FileMovedEvent,
               events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]

    class ChangesOnly(Observer):
        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, follow_symlink=False):
            # follow_symlink: as mkdocs' polling observer, which follows a linked folder (a project's macros/).
            return super().schedule(event_handler, path, recursive=recursive, event_filter=event_filter or changes,
                                    follow_symlink=True)

    return ChangesOnly()


class _Bytecode(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between rebuilds. mkdocs makes a new
    Jinja environment for every build and compiled Material's templates again
    (a third of a rebuild); Jinja checks each template's source against the
    checksum stored with its bytecode, so a changed template is compiled anew."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


_BYTECODE = _Bytecode()
_TEMPLATE_NAMES: dict[tuple, list[str]] = {}  # theme folders -> their static files (cleared when overrides/ changes)


def _reuse_templates(theme) -> None:
    """Let the theme's Jinja environments of this build reuse compiled templates and
    the list of the theme's files (mkdocs walks Material's thousands of files per build)."""
    make_env = theme.get_env

    def get_env():
        env = make_env()
        env.bytecode_cache = _BYTECODE
        folders = tuple(getattr(env.loader, "searchpath", ()))
        list_all = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            # Only the listing of mkdocs' add_files_from_theme, whose filter depends on static_templates alone.
            if extensions is None and getattr(filter_func, "__qualname__", "").startswith("Files.add_files_from_theme"):
                key = (folders, tuple(sorted(theme.static_templates)))
                if key not in _TEMPLATE_NAMES:
                    _TEMPLATE_NAMES[key] = list_all(filter_func=filter_func)
                return list(_TEMPLATE_NAMES[key])
            return list_all(extensions, filter_func)
        env.list_templates = list_templates
        return env
    theme.get_env = get_env


def _TRUE() -> bool:
    return True


def _FALSE() -> bool:
    return False


def _key(config) -> tuple:
    return (str(config["config_file_path"]), str(config["site_dir"]))


def _entries(plugin) -> list:
    index = plugin.search_index
    return index.entries if hasattr(index, "entries") else index._entries  # Material's index, or mkdocs' own


_MACRO = re.compile(r"{{|{%")


def _calls_macros(path: str) -> bool:
    return bool(_MACRO.search(Path(path).read_text(encoding="utf-8")))


def _inputs(config) -> dict:
    """(mtime, size) of every file outside policy/ that the site is made from."""
    from macros.policy.schema import SCHEMA_PATH

    code = Path(__file__).resolve().parents[1]
    from macros.site.site import settings

    policy, _, _, templates = settings(config)
    # The source texts (source pages, the quote check) and the site's own templates count as
    # inputs too: an edit there is not bounded by the model, so it rebuilds everything.
    roots = [Path(config["docs_dir"]), code, SCHEMA_PATH.parent, policy.parent / "sources"]
    if templates:
        roots.append(Path(templates))
    if config["theme"].custom_dir:
        roots.append(Path(config["theme"].custom_dir))
    out = {}
    config_file = Path(config["config_file_path"])
    for path in [config_file, *_inherited(config_file)]:
        out[str(path)] = _stat(path)
    for root in roots:
        for path in root.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                out[str(path)] = _stat(path)
    return out


def _inherited(config_file: Path) -> list[Path]:
    found = re.search(r"^INHERIT:\s*['\"]?([^'\"\n]+)", config_file.read_text(encoding="utf-8"), re.M)
    if not found:
        return []
    parent = (config_file.parent / found.group(1).strip()).resolve()
    return [parent, *_inherited(parent)] if parent.is_file() else []


def _stat(path: Path) -> tuple:
    st = path.stat()
    return st.st_mtime_ns, st.st_size


def _policy_files(config) -> frozenset:
    from macros.site.site import settings

    policy = settings(config)[0]
    return frozenset(str(p) for p in policy.rglob("*.y*ml"))
