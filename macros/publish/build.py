"""Build the site atomically and reproducibly.

mkdocs cleans its output folder before it renders pages, so a build that
fails halfway leaves a half-empty site. Here the site is built into a fresh
folder beside the target and swapped in only when the whole build succeeded.
Dates in the output (the sitemap, the PDFs) come from SOURCE_DATE_EPOCH: the
time of the last commit, so two builds of one commit are byte-identical.
Only here are the PDF downloads made (`macros.print.pdf`): before the pages, so the
pages can give each file's size.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from macros.policy.problems import Problem
from macros.site.settings import agenda_settings
from macros.site.templating import render

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


def _build_one(config_file: Path, out: Path, strict: bool, version: str | None = None,
               downloads: dict[str, int] | None = None) -> None:
    config = load_config(str(config_file), site_dir=str(out), strict=strict)
    if version is not None:
        # `downloads`: "<version>/<path>" -> size in bytes of every PDF, for the download links.
        config["extra"]["agenda"] = {**config["extra"]["agenda"], "version": version, "downloads": downloads or {}}
        # Each version is a site of its own under <site_url>/<version>/; the
        # version selector reads that version's sitemap to find the same page.
        base = config["site_url"] or "http://127.0.0.1:8000/"
        config["site_url"] = base.rstrip("/") + f"/{version}/"
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def _versions(config_file: Path) -> tuple[list[str], str]:
    """All versions of the configured municipality, and the one in force."""
    from macros.site.site import load_site, settings

    config = load_config(str(config_file))
    site = load_site(*settings(config))
    return [v.id for v in site.versions], site.current.id


LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def is_local_address(url: str | None) -> bool:
    """True for a missing address or one that only this computer can reach
    (localhost, 127.0.0.0/8, ::1, 0.0.0.0): a published site must not name it."""
    from urllib.parse import urlsplit

    host = (urlsplit(url or "").hostname or "").rstrip(".").lower()
    if not host or host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_unspecified


def _site_url_line(config_file: Path) -> tuple[Path, int, int, str]:
    """Where `site_url` is set: this file or the one it inherits from
    (file, line, column, the environment variable it reads, if any)."""
    seen = set()
    path = config_file
    while path.is_file() and path not in seen:
        seen.add(path)
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            if line.startswith("site_url:"):
                env = re.search(r"!ENV\s*\[?\s*([A-Za-z_][A-Za-z0-9_]*)", line)
                return path, number, 1, env.group(1) if env else ""
        parent = re.search(r"^INHERIT:\s*(\S+)", text, re.MULTILINE)
        if not parent:
            break
        path = (path.parent / parent.group(1)).resolve()
    return config_file, 1, 1, ""


def check_site_url(config_file: Path, site_url: str | None) -> Problem | None:
    """The problem with publishing under `site_url`, or None when it is a public address."""
    if not is_local_address(site_url):
        return None
    path, line, column, env = _site_url_line(config_file)
    try:
        shown = str(path.relative_to(Path.cwd()))
    except ValueError:
        shown = str(path)
    what = f"'{site_url}' is an address on this computer" if site_url else "is not set"
    name = env or "site_url"
    return Problem(shown, line, column,
                   f"the site address (site_url) {what}: the sitemap, the canonical links, the Atom feed "
                   "and the PDF covers of a published site would point there",
                   f"set {name} to the public address (e.g. https://www.gemeente.nl/veiligheid/), "
                   "or build a local preview with `agenda build --preview`")


class SiteAddressError(Exception):
    """Raised before anything is built when the site would be published under a local address."""

    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def build_site(config_file: Path, site_dir: Path | None = None, strict: bool = True, preview: bool = False) -> Path:
    """Build every version into a temporary sibling of `site_dir`, then swap it in.

    Layout: `<version>/` per version, `actueel/` for the version in force,
    `versions.json` for Material's version selector, and `index.html` that
    forwards to `actueel/`. Any exception leaves an existing `site_dir`
    exactly as it was. Returns the site folder. Unless `preview`, refuses
    (SiteAddressError) a missing or local site address before building anything.
    """
    config_file = Path(config_file).resolve()
    if not preview:
        problem = check_site_url(config_file, load_config(str(config_file))["site_url"])
        if problem:
            raise SiteAddressError(problem)
    project = config_file.parent
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(project)
    target = Path(site_dir).resolve() if site_dir else project / "site"
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-new-", dir=target.parent))
    try:
        from macros.site.site import load_site, settings  # noqa: F401  (validates before any output)
        from macros.print.pdf import build_downloads
        from macros.policy.versions import ALIAS, versions_json

        versions, current = _versions(config_file)
        config = load_config(str(config_file))
        policy, municipality, version, templates = settings(config)
        site = load_site(policy, municipality, version, templates)
        pdfs = build_downloads(site.versions, config["site_url"] or "", workers=min(2, os.cpu_count() or 1),
                               templates=templates)  # a site's own print templates too
        sizes = {f"{version}/{path}": len(data) for version, files in pdfs.items() for path, data in files.items()}
        for version in versions:
            _build_one(config_file, staging / version, strict, version, sizes)
            for path, data in pdfs[version].items():
                (staging / version / path).parent.mkdir(parents=True, exist_ok=True)
                (staging / version / path).write_bytes(data)
        shutil.copytree(staging / current, staging / ALIAS)
        (staging / "versions.json").write_text(json.dumps(versions_json(list(site.versions)), ensure_ascii=False, indent=1),
                                               encoding="utf-8")
        (staging / "index.html").write_text(render("redirect.html", target=ALIAS), encoding="utf-8")
        from macros.publish.editor import editor_config, publish_editor

        editor_settings = agenda_settings(config).editor.given()
        editor_settings.setdefault("site_url", config["site_url"] or "")
        policy, municipality = settings(config)[:2]
        publish_editor(staging, editor_config(policy, municipality, editor_settings))
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
