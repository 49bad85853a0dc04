"""Shared fixtures: a copy of the project to break, and built sites to read.

Two kinds of data:
- FIXTURE (tests/fixtures/project/): a frozen copy of the policy, the source documents and the
  site configurations of sites/. Every test that asserts a particular id, title, sentence, line
  number or count reads this copy (through POLICY, make_project and the built sites below), so a
  civil servant's edit of the live policy never turns such a test red.
- LIVE: the live policy/ and sources/ of the repository, or the project AGENDA_LIVE_ROOT names.
  Only the tests marked `live_policy` (tests/live/) read it, with checks that hold for any valid
  policy: `pytest -m live_policy` runs them alone.

Sites that several tests read are built once per run, also when pytest-xdist runs the suite in
several processes: the first worker that needs one builds it under a file lock in the run's
shared temporary folder, the others wait and read it (as pytest-xdist's documentation describes).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "project"
POLICY = FIXTURE / "policy"
SOURCES = FIXTURE / "sources"
VERSION = "deventer/2024-2027"
LIVE = Path(os.environ.get("AGENDA_LIVE_ROOT") or ROOT).resolve()
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
# Screenshots and reports of the browser tests, for a person to look at: never inside the repository.
REPORTS = Path(os.environ.get("AGENDA_TEST_REPORTS") or Path(tempfile.gettempdir()) / "agenda-test-reports")
IN_CI = os.environ.get("CI") == "true"

# Hypothesis writes nothing into the repository (.hypothesis/): no example database (every run is
# derandomized), and its caches go to the temporary folder.
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "agenda-test-hypothesis")
settings.register_profile("project", database=None)
settings.load_profile("project")


def mkdocs(*args: str, cwd: Path = FIXTURE) -> subprocess.CompletedProcess:
    """Run the mkdocs command line as a user would."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=300)


def agenda(*args: str, cwd: Path = FIXTURE) -> subprocess.CompletedProcess:
    """Run `agenda` as a user would (by default in the frozen copy, which has the same folders)."""
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=240)  # `build` renders the PDFs too


def make_project(target: Path, data: Path = FIXTURE) -> Path:
    """A copy of the site project in `target` whose policy can be edited freely: the code and
    configuration of this repository with the policy, sources and sites/ of `data`."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("policy", "sources", "sites"):
        if (data / name).is_dir():
            shutil.copytree(data / name, target / name)
    for name in ("macros", "schema"):
        (target / name).symlink_to(ROOT / name)
    return target


def git_repo(project: Path, message: str = "The frozen policy") -> Path:
    """Make `project` a git repository with one commit (the site's change history reads git)."""
    env = {**ENV, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_AUTHOR_DATE": "2026-01-05T12:00:00Z",
           "GIT_COMMITTER_DATE": "2026-01-05T12:00:00Z"}
    for args in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-qm", message]):
        subprocess.run(["git", *args], cwd=project, env=env, check=True, capture_output=True)
    return project


def shared(tmp_path_factory, name: str, make) -> Path:
    """`make(folder)` once per test run, whichever xdist worker asks first; the folder is read-only after."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the folder all workers of this run share
    folder = base / f"shared-{name}"
    done = base / f"shared-{name}.done"
    with FileLock(str(base / f"shared-{name}.lock")):
        if not done.exists():
            if folder.exists():
                shutil.rmtree(folder)  # a build that failed in another worker
            make(folder)
            done.touch()
    return folder


@pytest.fixture()
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def data_project(tmp_path_factory) -> Path:
    """The project with the frozen policy, as a git repository with one commit; read-only."""
    return shared(tmp_path_factory, "data-project", lambda folder: git_repo(make_project(folder)))


def _built(command: str, *args: str, cwd: Path):
    def make(folder: Path) -> None:
        run = mkdocs if command == "mkdocs" else agenda
        result = run(*args, "--site-dir", str(folder), cwd=cwd)
        assert result.returncode == 0, result.stderr
    return make


@pytest.fixture(scope="session")
def site(tmp_path_factory, data_project) -> Path:
    """The frozen policy's site, built once with `mkdocs build --strict`."""
    return shared(tmp_path_factory, "site", _built("mkdocs", "build", "--strict", cwd=data_project))


def read(site: Path, url: str) -> str:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def published(tmp_path_factory, data_project) -> Path:
    """The whole published site of the frozen policy: every version, the alias and versions.json (`agenda build`)."""
    return shared(tmp_path_factory, "published", _built("agenda", "build", "--preview", cwd=data_project))


@pytest.fixture(scope="session")
def published_doetinchem(tmp_path_factory, data_project) -> Path:
    """Doetinchem's whole published site (`agenda build -f sites/doetinchem/mkdocs.yml`), frozen policy."""
    return shared(tmp_path_factory, "doetinchem",
                  _built("agenda", "build", "--preview", "-f", "sites/doetinchem/mkdocs.yml", cwd=data_project))


def live_configs(root: Path = LIVE) -> list[str]:
    """Every site configuration of a project: mkdocs.yml and each sites/*/mkdocs.yml."""
    return ["mkdocs.yml"] + sorted(p.relative_to(root).as_posix() for p in root.glob("sites/*/mkdocs.yml"))


@pytest.fixture(scope="session")
def live_sites(tmp_path_factory) -> dict[str, Path]:
    """Every site of the live policy (or AGENDA_LIVE_ROOT), published as `agenda build` does, once per run."""
    key = hashlib.sha256(str(LIVE).encode()).hexdigest()[:8]
    return {config: shared(tmp_path_factory, f"live-{key}-{config.replace('/', '-')}",
                           _built("agenda", "build", "--preview", "-f", config, cwd=LIVE))
            for config in live_configs()}


def needs_npm(*paths: Path) -> pytest.MarkDecorator:
    """Skip a test that needs node and `npm ci` on a developer's machine that lacks them. Never in CI
    (CI=true): there the test runs and fails loudly, so a missing `npm ci` cannot pass unnoticed."""
    missing = [str(p.relative_to(ROOT)) for p in paths if not p.exists()] + ([] if shutil.which("node") else ["node"])
    return pytest.mark.skipif(bool(missing) and not IN_CI, reason=f"npm ci first (missing: {', '.join(missing)})")


def pytest_collection_modifyitems(config, items):
    """Folder marks: tests/live/ is the `live_policy` tier, tests/browser/ the `slow` one."""
    for item in items:
        parts = Path(str(item.path)).relative_to(ROOT / "tests").parts
        if parts[0] == "live":
            item.add_marker(pytest.mark.live_policy)
        if parts[0] == "browser":
            item.add_marker(pytest.mark.slow)
