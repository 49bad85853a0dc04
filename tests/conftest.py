"""Shared fixtures: a copy of the project to break, and built sites to read."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
POLICY = ROOT / "policy"
VERSION = "deventer/2024-2027"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run the mkdocs command line as a user would."""
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=300)


def agenda(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run `agenda` as a user would."""
    return subprocess.run([sys.executable, "-m", "macros.cli", *args], cwd=cwd, env=ENV,
                          capture_output=True, text=True, timeout=240)  # `build` renders the PDFs too


def make_project(target: Path) -> Path:
    """A copy of the site project in `target` whose policy can be edited freely."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, target / name)
    for name in ("docs", "overrides", "policy", "sources"):
        shutil.copytree(ROOT / name, target / name)
    for name in ("macros", "schema"):
        (target / name).symlink_to(ROOT / name)
    return target


@pytest.fixture()
def project(tmp_path) -> Path:
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with `mkdocs build --strict`."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs("build", "--strict", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


def read(site: Path, url: str) -> str:
    path = site / url.strip("/") / "index.html" if not url.endswith(".html") else site / url
    return path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """The whole published site: every version, the alias and versions.json (`agenda build`)."""
    out = tmp_path_factory.mktemp("published") / "site"
    result = agenda("build", "--preview", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def published_doetinchem(tmp_path_factory) -> Path:
    """Doetinchem's whole published site (`agenda build -f sites/doetinchem/mkdocs.yml`)."""
    out = tmp_path_factory.mktemp("doetinchem") / "site"
    result = agenda("build", "--preview", "-f", str(ROOT / "sites/doetinchem/mkdocs.yml"), "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out
