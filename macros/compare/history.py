"""The change history of one version's policy, derived from git.

Each commit that touched the version's folder is compared with the state
before it (the same `diff` as the version comparisons), so the history lists
policy changes in words (which goal of which pillar changed), not commits.

Whether a change is announced follows GOV.UK's publishing practice: a change
is *major* (announced on the item, on the wijzigingen page and in the feed)
unless its author marks it *minor* (a typo fix: recorded, not announced).
The author says so in the commit message or pull-request description, with
trailers:

    Change-type: minor          (or: Wijziging: klein)
    Change-note: De doelen van de pijler zijn aangescherpt.   (or: Toelichting: ...)

Without a Change-note the change is described from the diff. A merge commit
takes the trailers of the commits it merges. Without full git history (no
git, a shallow clone, an export) the history is marked unavailable and the
site says so, rather than guessing.
"""

from __future__ import annotations

from macros.policy.kinds import fingerprint, kind_label
from macros.words import UNAVAILABLE_NO_GIT, UNAVAILABLE_SHALLOW, UNAVAILABLE_UNTRACKED
import json
import re
import subprocess
from dataclasses import asdict, dataclass
from pathlib import Path

from macros.policy.compiled_schema import cache_dir
from macros.compare.diff import diff
from macros.policy.load import load_bytes
from macros.policy.model import build_agenda

# Bump when what is stored per commit changes: cached entries of another format are recomputed.
# What a diff compares comes from the schema; its fingerprint is part of the key as well.
FORMAT = 3
_TRAILER = re.compile(r"^(change-type|wijziging|change-note|toelichting)\s*:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
_MINOR = {"minor", "klein", "kleine", "typo"}


@dataclass(frozen=True)
class ItemChange:
    key: str  # the item's id
    kind: str  # its kind (theme, pillar, action, ...)
    title: str
    change: str  # "added", "removed", "changed"
    fields: tuple[str, ...] = ()  # Dutch names of the changed fields; "titel", "plaats" for renames and moves

    def describe(self) -> str:
        """In words: "tekst en doel gewijzigd"."""
        if self.change == "added":
            return "toegevoegd"
        if self.change == "removed":
            return "verwijderd"
        names = list(self.fields)
        if not names:
            return "gewijzigd"
        return (", ".join(names[:-1]) + " en " + names[-1] if len(names) > 1 else names[0]) + " gewijzigd"


@dataclass(frozen=True)
class PolicyChange:
    commit: str
    timestamp: int  # commit time, seconds since the epoch
    major: bool
    note: str  # the author's change note, or "" (then the items say it)
    first: bool  # the version's first appearance: everything is new, nothing is listed
    items: tuple[ItemChange, ...] = ()

    @property
    def date(self) -> str:
        import datetime as dt
        return dt.datetime.fromtimestamp(self.timestamp, dt.timezone.utc).date().isoformat()


@dataclass(frozen=True)
class History:
    available: bool
    reason: str = ""  # why not, in Dutch, when unavailable
    changes: tuple[PolicyChange, ...] = ()  # newest first

    def of_item(self, key: str) -> list[tuple[PolicyChange, ItemChange]]:
        """The changes to one item, newest first; the first publication counts for every item."""
        out = []
        for change in self.changes:
            if change.first:
                out.append((change, ItemChange(key, "", "", "added")))
                continue
            out += [(change, item) for item in change.items if item.key == key]
        return out

    def last_changed(self, key: str) -> PolicyChange | None:
        """The last announced (major) change of an item."""
        return next((c for c, _ in self.of_item(key) if c.major), None)

    @property
    def announced(self) -> list[PolicyChange]:
        return [c for c in self.changes if c.major and (c.items or c.first)]




def _git(cwd: Path, *args: str, data: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=True, timeout=120).stdout


_MEMO: dict[tuple, History] = {}


def version_history(folder: Path, municipality: dict) -> History:
    """The history of the version in `folder` (a policy/<municipality>/<version> folder)."""
    folder = Path(folder).resolve()
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
        if _git(folder, "rev-parse", "--is-shallow-repository").decode().strip() == "true":
            return History(False, UNAVAILABLE_SHALLOW)
        head = _git(folder, "rev-parse", "HEAD").decode().strip()
    except (OSError, subprocess.SubprocessError):
        return History(False, UNAVAILABLE_NO_GIT)
    rel = folder.relative_to(top).as_posix()
    key = (str(top), rel, head)
    if key not in _MEMO:
        _MEMO.clear()
        _MEMO[key] = _compute(top, rel, municipality)
    return _MEMO[key]


def _compute(top: Path, rel: str, municipality: dict) -> History:
    # The municipality's own file belongs to every version of it (its name, license, ...).
    log = _git(top, "log", "--first-parent", "--format=%H%x1f%P%x1f%ct%x1e", "--", rel, _municipality_file(rel)).decode()
    commits = [line.strip("\n").split("\x1f") for line in log.split("\x1e") if line.strip()]
    if not commits:
        return History(False, UNAVAILABLE_UNTRACKED)
    store = cache_dir() / "history"
    changes: list[PolicyChange] = []
    reader = _BlobReader(top)
    try:
        previous_state = None
        for sha, parents, timestamp in reversed(commits):  # oldest first
            cached = _read_cache(store, sha, rel)
            if cached is not None:
                changes.append(cached)
                previous_state = None  # not needed unless the next commit is not cached
                continue
            state = reader.agenda(sha, rel, municipality)
            if state is None:
                continue  # a state that could not be read (it never validated): compare the next with the last good one
            before = previous_state
            if before is None and changes:
                parent = parents.split()[0] if parents else ""
                before = reader.agenda(parent, rel, municipality) if parent else None
            message = _messages(top, sha, parents)
            change = _describe(sha, int(timestamp), message, before, state, first=not changes)
            _write_cache(store, sha, rel, change)
            changes.append(change)
            previous_state = state
    finally:
        reader.close()
    return History(True, "", tuple(reversed(changes)))


def _messages(top: Path, sha: str, parents: str) -> str:
    """The commit message, with those of the commits a merge brings in."""
    parent_list = parents.split()
    if len(parent_list) > 1:
        return _git(top, "log", "--format=%B", f"{parent_list[0]}..{sha}").decode()
    return _git(top, "log", "-1", "--format=%B", sha).decode()


def trailers(message: str) -> tuple[bool, str]:
    """(major, change note) from a commit message or pull-request description."""
    major, note = True, ""
    for name, value in _TRAILER.findall(message):
        if name.lower() in ("change-type", "wijziging"):
            major = value.strip().lower() not in _MINOR
        elif not note:
            note = value.strip()
    return major, note


def _describe(sha: str, timestamp: int, message: str, before, after, first: bool) -> PolicyChange:
    major, note = trailers(message)
    if before is None:
        return PolicyChange(sha, timestamp, major, note, first=True)
    items = []
    for c in diff(before, after):
        if c.kind == "unchanged":
            continue
        names = [f.label for f in c.fields]
        if c.renamed:
            names.insert(0, "titel")
        if c.moved:
            names.append("plaats")
        items.append(ItemChange(c.entry.key, c.entry.kind, c.entry.title, c.kind, tuple(dict.fromkeys(names))))
    return PolicyChange(sha, timestamp, major, note, first=False, items=tuple(items))


class _BlobReader:
    """Reads files of any commit through one `git cat-file --batch` process."""

    def __init__(self, top: Path):
        self.top = top
        self.proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE)

    def read(self, object_id: str) -> bytes:
        self.proc.stdin.write(object_id.encode() + b"\n")
        self.proc.stdin.flush()
        header = self.proc.stdout.readline().split()
        if len(header) < 3 or header[1] == b"missing":
            return b""
        data = self.proc.stdout.read(int(header[2]))
        self.proc.stdout.read(1)  # the newline after the content
        return data

    def agenda(self, sha: str, rel: str, municipality: dict):
        """The version's Agenda at a commit, or None when it cannot be read; with the municipality's
        file of that commit when it has one (else `municipality`)."""
        listing = _git(self.top, "ls-tree", "-r", "-z", sha, "--", rel, _municipality_file(rel)).decode()
        files = []
        for entry in filter(None, listing.split("\0")):
            meta, path = entry.split("\t", 1)
            if meta.split()[0] not in ("100644", "100755"):
                return None  # a symbolic link or submodule: such a state never validated, and is never read
            if not path.endswith((".yaml", ".yml")):
                continue
            loaded, problems = load_bytes(self.read(meta.split()[2]), Path(path), path)
            if problems or not isinstance(loaded.data, dict):
                return None
            if path == _municipality_file(rel):
                municipality = loaded.data
                continue
            files.append(loaded.data)
        try:
            return build_agenda(municipality, files)
        except Exception:  # noqa: BLE001  (an old state that never validated: no history entry, no crash)
            return None

    def close(self):
        self.proc.stdin.close()
        self.proc.wait(timeout=30)


def _municipality_file(rel: str) -> str:
    """policy/<municipality>/municipality.yaml for policy/<municipality>/<version>."""
    return rel.rsplit("/", 1)[0] + "/municipality.yaml" if "/" in rel else "municipality.yaml"


def _cache_file(store: Path, sha: str, rel: str) -> Path:
    import hashlib
    return store / f"{sha}-{hashlib.sha256(f'{rel}:{FORMAT}:{fingerprint()}'.encode()).hexdigest()[:12]}.json"


def _read_cache(store: Path, sha: str, rel: str) -> PolicyChange | None:
    try:
        data = json.loads(_cache_file(store, sha, rel).read_text(encoding="utf-8"))
        return PolicyChange(**{**data, "items": tuple(ItemChange(**{**i, "fields": tuple(i["fields"])})
                                                      for i in data["items"])})
    except (OSError, ValueError, TypeError, KeyError):
        return None


def _write_cache(store: Path, sha: str, rel: str, change: PolicyChange) -> None:
    # A commit never changes, so neither does what it changed: safe to keep forever.
    try:
        store.mkdir(parents=True, exist_ok=True)
        target = _cache_file(store, sha, rel)
        partial = target.with_suffix(".tmp")
        partial.write_text(json.dumps(asdict(change), ensure_ascii=False), encoding="utf-8")
        partial.replace(target)
    except OSError:
        pass
