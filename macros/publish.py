"""Build the site atomically and reproducibly.

mkdocs cleans its output folder before it renders pages, so a build that
fails halfway leaves a half-empty site. Here the site is built into a fresh
folder beside the target and swapped in only when the whole build succeeded.
Dates in the output (the sitemap) come from SOURCE_DATE_EPOCH: the time of
the last commit, so two builds of one commit are byte-identical.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

# Used when there is no git history (a tarball, a shallow export): any fixed value keeps builds identical.
FALLBACK_EPOCH = "1700000000"


def source_date_epoch(project: Path) -> str:
    """The commit time of HEAD, as the reproducible-builds convention asks."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True,
                             timeout=10, check=True).stdout.strip()
        return out or FALLBACK_EPOCH
    except (OSError, subprocess.SubprocessError):
        return FALLBACK_EPOCH


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True) -> Path:
    """Build into a temporary sibling of `site_dir`, then swap it in. Returns the site folder.

    Any exception leaves an existing `site_dir` exactly as it was.
    """
    config_file = Path(config_file).resolve()
    project = config_file.parent
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project)
    target = Path(site_dir).resolve() if site_dir else project / "site"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=strict)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
            os.rmdir(old)
            os.rename(target, old)
        os.rename(staging, target)
        if old:
            shutil.rmtree(old, ignore_errors=True)
        return target
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
