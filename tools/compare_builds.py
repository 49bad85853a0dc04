"""Build each site with MkDocs and with ProperDocs and compare what came out.

ProperDocs is the maintained fork of MkDocs 1.x. Building every site
configuration with both (`--strict`) and comparing the outputs proves the
site can switch tools without losing a page. The page sets (the relative
paths of the HTML files) and the sets of all other files must be equal;
content differences are reported, not failed, apart from the known ones
that are ignored: the generator meta tag names the tool, and the sitemap is
compared unzipped (a gzip header carries a time stamp).

Usage: python -m tools.compare_builds --mkdocs CMD --properdocs CMD CONFIG...
Exit code: 0 same page and file sets, 1 different, 2 a build failed.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shlex
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

SAME, DIFFERENT, BUILD_FAILED = 0, 1, 2
# How many paths a report lists per kind of difference before it says "and N more".
SHOWN = 10

_GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


@dataclass(frozen=True)
class Comparison:
    """What differs between two built sites, as paths relative to the site root."""

    only_left: frozenset[str]
    only_right: frozenset[str]
    both: frozenset[str] = frozenset()
    changed: tuple[str, ...] = field(default_factory=tuple)

    @property
    def same_files(self) -> bool:
        return not self.only_left and not self.only_right

    @property
    def exit_code(self) -> int:
        return SAME if self.same_files else DIFFERENT


def site_files(root: Path) -> set[str]:
    """Every file under `root`, as a relative POSIX path."""
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def pages(files: set[str] | frozenset[str]) -> set[str]:
    """The page set: the HTML files among `files`."""
    return {f for f in files if f.endswith(".html")}


def normalised(path: Path) -> bytes:
    """The content of a built file with the known tool differences taken out."""
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    if path.suffix == ".html":
        data = _GENERATOR.sub(b'<meta name="generator" content="">', data)
    return data


def compare_sites(left: Path, right: Path) -> Comparison:
    """Compare two built sites: files only in one of them, and files whose content differs."""
    a, b = site_files(left), site_files(right)
    changed = tuple(sorted(f for f in a & b if normalised(left / f) != normalised(right / f)))
    return Comparison(frozenset(a - b), frozenset(b - a), frozenset(a & b), changed)


def _listing(title: str, paths) -> list[str]:
    paths = sorted(paths)
    if not paths:
        return []
    lines = [f"  {title} ({len(paths)}):"] + [f"    {p}" for p in paths[:SHOWN]]
    if len(paths) > SHOWN:
        lines.append(f"    ... and {len(paths) - SHOWN} more")
    return lines


def render_report(config: str, comparison: Comparison, left: str = "mkdocs", right: str = "properdocs") -> str:
    """A readable summary of one comparison."""
    same = f"{config}: {left} and {right} built the same {len(pages(comparison.both))} pages and {len(comparison.both)} files"
    if comparison.same_files and not comparison.changed:
        return same + ", with the same content (the generator tag aside)."
    lines = []
    if comparison.same_files:
        lines.append(same + ".")
    else:
        lines.append(f"{config}: {left} and {right} built different sets of files.")
        lines += _listing(f"pages only built by {left}", pages(comparison.only_left))
        lines += _listing(f"pages only built by {right}", pages(comparison.only_right))
        lines += _listing(f"other files only built by {left}", comparison.only_left - pages(comparison.only_left))
        lines += _listing(f"other files only built by {right}", comparison.only_right - pages(comparison.only_right))
    lines += _listing("files with different content (reported, not an error)", comparison.changed)
    return "\n".join(lines)


def build(command: list[str], config: str, site_dir: Path, cwd: Path) -> subprocess.CompletedProcess:
    """`<command> build --strict` of one site configuration into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", "1700000000")}
    return subprocess.run([*command, "build", "--strict", "--config-file", config, "--site-dir", str(site_dir)],
                          cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


def check(configs: list[str], tools: dict[str, list[str]], cwd: Path) -> int:
    """Build every configuration with both tools, print a report per configuration; the worst exit code.

    The builds run side by side (one process each, as many at once as there
    are CPUs): they share nothing but the read-only sources.
    """
    left, right = list(tools)
    worst = SAME
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as tmp:
        jobs = {(config, name): (command, Path(tmp) / f"{index}-{name}")
                for index, config in enumerate(configs) for name, command in tools.items()}
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            futures = {key: pool.submit(build, command, key[0], out, cwd) for key, (command, out) in jobs.items()}
            results = {key: future.result() for key, future in futures.items()}
        for config in configs:
            failed = [(name, results[config, name]) for name in tools if results[config, name].returncode != 0]
            for name, result in failed:
                tail = "\n".join(result.stderr.strip().splitlines()[-15:])
                print(f"{config}: `{shlex.join(tools[name])} build --strict` failed (exit {result.returncode}):\n{tail}",
                      file=sys.stderr)
                worst = BUILD_FAILED
            if not failed:
                comparison = compare_sites(jobs[config, left][1], jobs[config, right][1])
                print(render_report(config, comparison, left, right))
                worst = max(worst, comparison.exit_code)
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.compare_builds", description=__doc__.split("\n\n")[0])
    parser.add_argument("--mkdocs", required=True, help="the MkDocs command, e.g. .venv/bin/mkdocs")
    parser.add_argument("--properdocs", required=True, help="the ProperDocs command, e.g. .venv-properdocs/bin/properdocs")
    parser.add_argument("configs", nargs="+", metavar="CONFIG", help="site configurations, e.g. mkdocs.yml")
    args = parser.parse_args(argv)
    tools = {"mkdocs": shlex.split(args.mkdocs), "properdocs": shlex.split(args.properdocs)}
    return check(args.configs, tools, Path.cwd())


if __name__ == "__main__":
    sys.exit(main())
