"""The code under test and the project folders the benchmark builds.

`snapshot` copies the code and data once, so that every size of one run
measures the same state even while someone edits the working tree; child
processes import `macros` from the copy (PYTHONPATH comes before the
editable install). `make_project` lays out one project per size."""

from __future__ import annotations

import compileall
import datetime as _dt
import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from agenda_bench.common import ROOT

SNAPSHOT = ("macros", "schema", "docs", "overrides", "mkdocs.yml", "policy", "sources")


def base_env() -> dict[str, str]:
    """The environment of every child process (before the snapshot is put on PYTHONPATH)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}


@dataclass
class Snapshot:
    code: Path  # the copy of SNAPSHOT; projects are made from it
    env: dict[str, str] = field(default_factory=base_env)  # child processes: the copy first on PYTHONPATH
    info: dict = field(default_factory=dict)  # `code` in results.json

    @property
    def policy(self) -> Path:
        return self.code / "policy"


def snapshot(workdir: Path) -> Snapshot:
    """Copy SNAPSHOT into `workdir/code` and byte-compile its `macros/`."""
    code = workdir / "code"
    code.mkdir()
    for name in SNAPSHOT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, code / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, code / name)
    env = base_env()
    env["PYTHONPATH"] = str(code) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    digest = hashlib.sha256()
    sources = sorted(p for p in (code / "macros").rglob("*") if p.is_file())
    # Byte-compile the copy as pip does for an installed package: with
    # PYTHONDONTWRITEBYTECODE set, every build would otherwise compile our
    # modules from source, a cost the baseline (installed packages only) never pays.
    compileall.compile_dir(code / "macros", quiet=1)
    for path in sources:  # path inside macros/, so that moving a module changes the hash
        digest.update(path.relative_to(code).as_posix().encode() + b"\0" + path.read_bytes())
    info = {"macros_sha256": digest.hexdigest()[:16], "snapshot_of": list(SNAPSHOT),
            "taken": _dt.datetime.now().astimezone().isoformat(timespec="seconds")}
    return Snapshot(code=code, env=env, info=info)


def make_project(target: Path, src: Path, policy_from: Path | None = None) -> Path:
    """Like tests/conftest.py's make_project: copies of mkdocs.yml, docs/, overrides/,
    symlinks to macros/ and schema/ (all from `src`); policy/ copied from
    `policy_from` if given."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(src / name, target / name)
    for name in ("macros", "schema"):
        (target / name).symlink_to(src / name)
    if policy_from is not None:
        shutil.copytree(policy_from, target / "policy")
        shutil.copytree(src / "sources", target / "sources")  # the texts the real quotes are checked against
    return target
