"""Find the policy files, check each against the schema, then check them together.

Every problem is collected; nothing raises halfway, so one run of
`agenda validate` reports all of them, sorted by file and line.
"""

from __future__ import annotations

import gc
import os
import stat
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from macros.policy import schema
from macros.policy.files import check_path, walk
from macros.policy.kinds import references
from macros.policy.load import LoadedFile, display_name, load_file
from macros.policy.problems import Problem
from macros.policy.sources import check_quotes

MUNICIPALITY_FILE = "municipality.yaml"
VERSION_FILE = "version.yaml"
# Parts a version has at most once; the registries may be split over files.
_SINGLE_KINDS = ("version", "strategy", "core_tasks", "fundament")


@dataclass
class VersionSource:
    """The files of one version folder, loaded and checked."""

    municipality: LoadedFile | None
    folder: Path
    files: list[LoadedFile] = field(default_factory=list)
    ids: dict = field(default_factory=dict)  # id -> (file, path, kind of item)
    cache: dict = field(default_factory=dict, repr=False)  # facts derived once, e.g. the period

    def of_kind(self, kind: str) -> list[LoadedFile]:
        return [f for f in self.files if isinstance(f.data, dict) and f.data.get("kind") == kind]


def _yaml_files(folder: Path) -> list[Path]:
    # Sorted, so that output never depends on the order the file system lists.
    # Only regular files: links and special files are reported by find_versions.
    return [p for p in walk(folder)[0] if p.suffix in (".yaml", ".yml")]


def find_versions(root: Path) -> tuple[list[tuple[Path, Path]], list[Problem]]:
    """(municipality folder, version folder) pairs under `root`.

    `root` may be the whole policy folder, one municipality or one version.
    Every symbolic link, device or pipe found is a problem, and is not read.
    """
    root = Path(root)
    refused = check_path(root, _display)
    if refused:
        return [], [refused]
    if not root.is_dir():
        return [], [Problem(str(root), 1, 1, "this folder does not exist",
                            "give the policy folder, e.g. 'agenda validate policy'")]
    files, problems = walk(root, _display)
    regular = set(files)
    if root / VERSION_FILE in regular:
        # One version is checked in the company of its siblings, which its
        # lineage may name; `load_versions` reports only this version.
        if _is_regular(root.parent / MUNICIPALITY_FILE):
            around, _ = walk(root.parent, _display)
            siblings = sorted(p.parent for p in around if p.name == VERSION_FILE and p.parent.parent == root.parent)
        else:
            siblings = [root]
        return [(root.parent, v) for v in siblings], problems
    municipalities = [root] if root / MUNICIPALITY_FILE in regular else sorted(
        p.parent for p in files if p.name == MUNICIPALITY_FILE and p.parent.parent == root)
    pairs = []
    # Each file's folders, looked up once: membership tests against every
    # version folder in turn were quadratic (9 s of a 100x validate).
    folders = {p: set(p.parents) for p in files}
    for municipality in municipalities:
        versions = sorted(p.parent for p in files if p.name == VERSION_FILE and p.parent.parent == municipality)
        pairs.extend((municipality, v) for v in versions)
        inside = set(versions)
        known = {municipality / MUNICIPALITY_FILE} | {p for p in files if not inside.isdisjoint(folders[p])}
        for stray in files:
            if stray.suffix in (".yaml", ".yml") and municipality in folders[stray] and stray not in known:
                problems.append(Problem(_display(stray), 1, 1, "this file is not inside a version folder",
                                        f"move it into a folder that has a {VERSION_FILE}"))
    if not pairs and not problems:
        problems.append(Problem(str(root), 1, 1, "no policy versions found here",
                                f"a version is a folder with a {VERSION_FILE}, inside a folder with a {MUNICIPALITY_FILE}"))
    return pairs, problems


def _is_regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _display(path: Path) -> str:
    from macros.policy.load import display_name
    return display_name(path)


@contextmanager
def _collector_paused():
    """Loading creates millions of objects and no garbage cycles; Python's cycle
    collector would rescan all of them again and again (at 100x the real data
    it took two thirds of the time), so it waits until loading is done."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_versions(root: Path, quotes: bool = True, workers: int = 1) -> tuple[list[VersionSource], list[Problem]]:
    """Load and check every version under `root`; return them and all problems.

    `quotes=False` leaves out the check of quotes against the source texts: for comparing the
    policy at two git revisions, where an older revision may predate its source texts.
    `workers` > 1 reads and schema-checks the files of a large policy set in that many
    processes (`agenda validate` does; the build and the preview read in process)."""
    with _collector_paused():
        return _load_versions(root, quotes, workers)


def _load_versions(root: Path, quotes: bool = True, workers: int = 1) -> tuple[list[VersionSource], list[Problem]]:
    pairs, problems = find_versions(root)
    cache: dict[Path, LoadedFile] = {}
    versions = []
    wanted: list[tuple[VersionSource, Path]] = []
    for municipality_folder, folder in pairs:
        municipality = cache.get(municipality_folder)
        if municipality is None and _is_regular(municipality_folder / MUNICIPALITY_FILE):
            municipality, found = _load_checked(municipality_folder / MUNICIPALITY_FILE)
            problems += found
            problems += _check_folder_id(municipality, municipality_folder, "municipality")
            cache[municipality_folder] = municipality
        source = VersionSource(municipality, folder)
        wanted += [(source, path) for path in _yaml_files(folder)]
        versions.append(source)
    for (source, _), (loaded, found) in zip(wanted, _load_all([path for _, path in wanted], workers)):
        problems += found
        source.files.append(loaded)
    for source in versions:
        problems += collect_ids(source)
    for found in _check_all(versions, quotes, workers if len(wanted) > 1 and _parallel(p for _, p in wanted) else 1):
        problems += found
    root = Path(root)
    if (root / VERSION_FILE).exists():
        focus = root.resolve()
        versions = [v for v in versions if v.folder.resolve() == focus]
        own = {f.display for v in versions for f in v.files} | {v.municipality.display for v in versions if v.municipality}
        inside = _display(root).rstrip("/")
        problems = [p for p in problems if p.file in own or p.file == inside or p.file.startswith(inside + "/")]
    return versions, sorted(set(problems))


# The preview server (macros/site/preview.py) turns this on: a file whose
# modification time, size and inode are unchanged is not read and checked again
# (its LoadedFile is reused, which also lets macros.site.site reuse the model
# of a version none of whose files changed). Off for every other command.
_UNCHANGED_FILES: dict | None = None


def reuse_unchanged_files(on: bool) -> None:
    global _UNCHANGED_FILES
    _UNCHANGED_FILES = {} if on else None


def reusing_files() -> bool:
    """Whether unchanged files come back as the same objects (only while previewing)."""
    return _UNCHANGED_FILES is not None


# Below this many bytes of YAML, starting worker processes costs more than it saves
# (the real policy has about 0.4 MB, the 10x benchmark set 2.5 MB, the 100x set 27 MB).
PARALLEL_MIN_BYTES = 5_000_000


def _parallel(paths) -> bool:
    """Whether a set of files is worth reading in several processes (and can be)."""
    if _UNCHANGED_FILES is not None or not hasattr(os, "fork"):
        return False  # the preview's cache of unchanged files lives in this process
    try:
        return sum(os.lstat(p).st_size for p in paths) >= PARALLEL_MIN_BYTES
    except OSError:
        return False


def _load_all(paths: list[Path], workers: int) -> list[tuple[LoadedFile, list[Problem]]]:
    """_load_checked of every path, in order; in `workers` processes for a large set.

    Reading YAML is CPU-bound Python (libyaml's events turned into data in a loop, see
    `load`), so threads would not help; the loaded files come back pickled. Forked workers
    inherit the imported modules and the compiled schema."""
    if workers > 1 and len(paths) > 1 and _parallel(paths):
        with _pool(workers) as pool:
            return list(pool.map(_load_checked, paths, chunksize=max(1, len(paths) // (workers * 8))))
    return [_load_checked(p) for p in paths]


def _pool(workers: int):
    # Imported here: most runs (the real policy, every build) never start a process.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    return ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))


_FORKED: tuple = ()  # (versions, quotes), inherited by the processes of _check_all


def _check_all(versions: list[VersionSource], quotes: bool, workers: int) -> list[list[Problem]]:
    """check_version of every version; in `workers` forked processes, which see the
    loaded versions without copying them and send back only their problems."""
    global _FORKED
    if workers <= 1 or len(versions) <= 1:
        return [_check_one(i, versions, quotes) for i in range(len(versions))]
    _FORKED = (versions, quotes)
    try:
        with _pool(workers) as pool:
            return list(pool.map(_check_forked, range(len(versions))))
    finally:
        _FORKED = ()


def _check_forked(index: int) -> list[Problem]:
    return _check_one(index, *_FORKED)


def _check_one(index: int, versions: list[VersionSource], quotes: bool) -> list[Problem]:
    source = versions[index]
    if any(f.data is None for f in source.files):
        # A file that cannot be read defines no ids: checking references
        # now would only repeat that problem many times over.
        return []
    siblings = {v.folder.name: v for v in versions if v.folder.parent == source.folder.parent and v is not source}
    return check_version(source, siblings, quotes)


def _load_checked(path: Path) -> tuple[LoadedFile, list[Problem]]:
    """load_file and the schema check of one file."""
    if _UNCHANGED_FILES is None:
        loaded, found = load_file(path)
        return loaded, found + schema.check_file(loaded)
    st = path.lstat()  # never through a link
    key = (st.st_mtime_ns, st.st_size, st.st_ino, display_name(path))
    hit = _UNCHANGED_FILES.get(path)
    if hit is None or hit[0] != key:
        loaded, found = load_file(path)
        hit = _UNCHANGED_FILES[path] = (key, loaded, tuple(found + schema.check_file(loaded)))
    return hit[1], list(hit[2])


def _check_folder_id(loaded: LoadedFile | None, folder: Path, kind: str) -> list[Problem]:
    if loaded is None or not isinstance(loaded.data, dict):
        return []
    if loaded.data.get("kind") != kind:
        return [Problem(loaded.display, *loaded.where(("kind",)), f"this file must have 'kind: {kind}'",
                        f"{loaded.path.name} describes the {kind} of its folder")]
    value = loaded.data.get("id")
    if isinstance(value, str) and value != folder.name:
        return [Problem(loaded.display, *loaded.where(("id",)),
                        f"the id '{schema.short(value)}' differs from the folder name '{folder.name}'",
                        f"use 'id: {folder.name}', or rename the folder")]
    return []


def collect_ids(source: VersionSource) -> list[Problem]:
    """Fill `source.ids`; every id defined twice in the version is a problem."""
    problems = []
    for loaded in source.files:
        file_kind = loaded.data.get("kind") if isinstance(loaded.data, dict) else None
        if not isinstance(file_kind, str):  # e.g. 'kind: []': reported by the schema check
            file_kind = None
        for path, node in _walk(loaded.data):
            if not isinstance(node, dict) or not isinstance(node.get("id"), str):
                continue
            node_id, item_kind = node["id"], _item_kind(path)
            if not path:
                if file_kind in ("version", "municipality"):
                    continue
                item_kind = file_kind  # a file-level id (a theme, a chapter) is an item like any other
            if item_kind == "document":
                continue
            if node_id in source.ids:
                first, first_path, _ = source.ids[node_id]
                line, _ = first.where(first_path + ("id",))
                problems.append(Problem(loaded.display, *loaded.where(path + ("id",)),
                                        f"the id '{schema.short(node_id)}' is used twice in this version",
                                        f"it is already used in {first.display}:{line}; ids must be unique: choose another"))
            else:
                source.ids[node_id] = (loaded, path, item_kind)
    return problems


def check_version(source: VersionSource, siblings: dict[str, VersionSource] | None = None,
                  quotes: bool = True) -> list[Problem]:
    """Checks across the files of one version: references, lineage, single parts."""
    siblings = siblings or {}
    problems: list[Problem] = []
    version_files = [f for f in source.files if f.path.name == VERSION_FILE]
    problems += _check_folder_id(version_files[0] if version_files else None, source.folder, "version")
    for kind in _SINGLE_KINDS:
        files = source.of_kind(kind)
        for extra in files[1:]:
            problems.append(Problem(extra.display, *extra.where(("kind",)),
                                    f"a second file of kind '{schema.short(kind)}' in this version",
                                    f"the first is {files[0].display}; a version has one {kind}: merge them"))
    for loaded in source.files:
        if loaded.path.name != VERSION_FILE and isinstance(loaded.data, dict) and loaded.data.get("kind") in ("version", "municipality"):
            problems.append(Problem(loaded.display, *loaded.where(("kind",)),
                                    f"a file of kind '{loaded.data['kind']}' must be named "
                                    f"{VERSION_FILE if loaded.data['kind'] == 'version' else MUNICIPALITY_FILE}",
                                    "rename the file or change its kind"))

    defined = source.ids
    refs: list[tuple[str, LoadedFile, tuple, str]] = []  # (reference key, file, path, value)
    lineage: list[tuple[LoadedFile, tuple, dict]] = []
    for loaded in source.files:
        for path, node in _walk(loaded.data):
            if not isinstance(node, dict) or (path and path[-1] == "editorial"):
                continue  # 'editorial' maps field names to reasons, not to ids
            if isinstance(node.get("lineage"), list):
                lineage += [(loaded, path + ("lineage", i), entry) for i, entry in enumerate(node["lineage"])
                            if isinstance(entry, dict)]
            source_ref = node.get("source")
            if isinstance(source_ref, dict) and isinstance(source_ref.get("document"), str):
                refs.append(("document", loaded, path + ("source", "document"), source_ref["document"]))
            for key in REFERENCES:
                value = node.get(key)
                if key in ("partners", "figures") and path == ():
                    continue  # the registry itself, not references to it
                if isinstance(value, str):
                    refs.append((key, loaded, path + (key,), value))
                elif isinstance(value, list):
                    refs += [(key, loaded, path + (key, i), v) for i, v in enumerate(value) if isinstance(v, str)]

    documents = _documents(version_files)
    for key, loaded, path, value in refs:
        if key == "document":
            if value not in documents:
                problems.append(Problem(loaded.display, *loaded.where(path), f"unknown document '{schema.short(value)}'" + _in_trail(loaded, path),
                                        _ref_hint("the documents of version.yaml", value, documents)))
            continue
        wanted = REFERENCES[key]
        found = defined.get(value)
        if found is None or found[2] not in wanted:
            candidates = {i for i, (_, _, kind) in defined.items() if kind in wanted}
            what = " or ".join(_KIND_WORDS[k] for k in wanted)
            other = (_KIND_WORDS.get(found[2]) or (schema.short(found[2]) if found[2] else "")) if found else ""
            message = f"unknown {what} '{schema.short(value)}'" if found is None else \
                f"'{schema.short(value)}' is {'a ' + other if other else 'the id of another kind of item'}, not a {what}"
            elsewhere = [name for name, v in sorted(siblings.items()) if value in v.ids]
            if found is not None:
                hint = f"'{key}' takes the id of a {what}" + (f"; {schema.suggest(value, candidates)}" if
                                                                schema.suggest(value, candidates).startswith("did") else "")
            elif elsewhere:
                hint = (f"this version does not define '{schema.short(value)}' (version {elsewhere[0]} does); a version may only "
                        "refer to its own items: define it in this version too, or correct the id")
            else:
                hint = _ref_hint(f"the {what} ids of this version", value, candidates)
            problems.append(Problem(loaded.display, *loaded.where(path), message + _in_trail(loaded, path), hint))
    problems += _check_lineage(source, siblings, lineage)
    if quotes and version_files and isinstance(version_files[0].data, dict):
        entries = {d["id"]: (i, d) for i, d in enumerate(version_files[0].data.get("documents") or [])
                   if isinstance(d, dict) and isinstance(d.get("id"), str)}
        problems += check_quotes(source.folder, source.files, entries, version_files[0].display)
    return problems


def _check_lineage(source: VersionSource, siblings: dict[str, VersionSource], entries) -> list[Problem]:
    """Lineage names an item of an *earlier* version; pointing forward or to itself
    would let versions form a cycle."""
    problems = []
    start = _period_start(source)
    for loaded, path, entry in entries:
        name, item = entry.get("version"), entry.get("item")
        if not isinstance(name, str):
            continue
        trail = _in_trail(loaded, path)
        if name == source.folder.name:
            problems.append(Problem(loaded.display, *loaded.where(path + ("version",)),
                                    f"lineage points to its own version '{schema.short(name)}'{trail}",
                                    "lineage says where an item came from in an earlier version"))
            continue
        other = siblings.get(name)
        if other is None:
            problems.append(Problem(loaded.display, *loaded.where(path + ("version",)), f"unknown version '{schema.short(name)}'{trail}",
                                    schema.suggest(name, siblings) if siblings else "there are no other versions of this municipality"))
            continue
        other_start = _period_start(other)
        if start is not None and other_start is not None and other_start > start:
            problems.append(Problem(loaded.display, *loaded.where(path + ("version",)),
                                    f"lineage points to the later version '{schema.short(name)}'{trail}",
                                    "lineage may only name earlier versions; otherwise versions could point at each other in a cycle"))
        if isinstance(item, str) and item not in other.ids:
            problems.append(Problem(loaded.display, *loaded.where(path + ("item",)),
                                    f"version '{schema.short(name)}' has no item '{schema.short(item)}'{trail}",
                                    schema.suggest(item, other.ids)))
    return problems


def _period_start(source: VersionSource):
    if "period_start" not in source.cache:
        source.cache["period_start"] = _read_period_start(source)
    return source.cache["period_start"]


def _read_period_start(source: VersionSource):
    for f in source.of_kind("version"):
        period = f.data.get("period")
        if isinstance(period, dict) and isinstance(period.get("start"), int):
            date = f.data.get("date") if isinstance(f.data.get("date"), str) else ""
            status_rank = {"concept": 0, "vastgesteld": 1, "vervallen": 1}.get(f.data.get("status"), 1)
            return (period["start"], date, status_rank)
    return None


# Keys that hold ids of other items, and the kinds of item they may name: the schema's `x-refers`.
REFERENCES = references()
_LIST_KINDS = {
    "pillars": "pillar", "speerpunten": "speerpunt", "groups": "group", "topics": "topic", "tasks": "core_task",
    "partners": "partner", "actions": "action", "figures": "figure", "series": "figure", "documents": "document",
    "references": "reference", "items": "item", "sections": "section", "indicators": "indicator",
    "themes": "regional_theme", "phenomena": "item", "sporen": "item",
}
_KIND_WORDS = {
    "partner": "partner", "figure": "key figure", "pillar": "pillar", "topic": "fundament topic",
    "group": "fundament group", "speerpunt": "speerpunt", "core_task": "kerntaak", "action": "action",
    "reference": "reference", "item": "item", "section": "section", "theme": "theme", "indicator": "indicator",
}


def _item_kind(path: tuple) -> str:
    """What an item at `path` is, from the list that holds it ("pillars" -> pillar)."""
    keys = [step for step in path if isinstance(step, str)]
    return _LIST_KINDS.get(keys[-1], "") if keys and isinstance(path[-1], int) else ""


def _in_trail(loaded: LoadedFile, path: tuple) -> str:
    trail = schema.describe_trail(loaded.data, path)
    return f" ({trail})" if trail else ""


def _ref_hint(where: str, value: str, known: set[str]) -> str:
    hint = schema.suggest(value, known) if known else ""
    if hint.startswith("did you mean"):
        return f"{hint} (known ids are listed in {where})"
    return f"add it to {where} first, or correct the id"


def _documents(version_files: list[LoadedFile]) -> set[str]:
    ids = set()
    for f in version_files:
        for doc in (f.data or {}).get("documents") or [] if isinstance(f.data, dict) else []:
            if isinstance(doc, dict) and isinstance(doc.get("id"), str):
                ids.add(doc["id"])
    return ids


def _walk(data, path=()):
    """Every dict and list in `data` with its path, parents first."""
    stack = [(path, data)]
    pop = stack.pop
    while stack:
        here, node = pop()
        yield here, node
        if node.__class__ is dict:
            children = [(here + (key,), value) for key, value in node.items() if value.__class__ in (dict, list)]
        elif node.__class__ is list:
            children = [(here + (i,), value) for i, value in enumerate(node) if value.__class__ in (dict, list)]
        else:
            continue
        stack.extend(reversed(children))  # keep document order
