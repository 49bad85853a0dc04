"""Measuring one size: the set written, `agenda validate`, the in-process
numbers (workers.inproc), our build against the baseline build, the
preview's rebuild and, if asked, a profile. Every step that is timed runs in
a child process with the snapshot first on PYTHONPATH."""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from agenda_bench.common import AGENDA, PYTHON, ROOT, RUN, log
from agenda_bench.generate import Generator, Pool
from agenda_bench.project import Snapshot, make_project

TIME_V = Path("/usr/bin/time")


def run(cmd: list[str], cwd: Path, what: str, env: dict[str, str], timeout: int | None = None,
        peak: bool = False) -> dict:
    """Run a command; fail loudly on a non-zero exit. Returns wall seconds (and peak RSS).

    With `timeout`, a command still running after that many seconds is stopped
    and reported as timed out (wall_s is then a lower bound)."""
    timed_out = False
    if timeout and shutil.which("timeout"):
        cmd = ["timeout", "-s", "TERM", str(int(timeout)), *cmd]  # so /usr/bin/time still reports the peak
    if peak and TIME_V.exists():
        cmd = [str(TIME_V), "-v", *cmd]
    before = _children_maxrss()
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True,
                              timeout=timeout + 60 if timeout else None)
    except subprocess.TimeoutExpired as err:
        out, errs = (x.decode() if isinstance(x, bytes) else (x or "") for x in (err.stdout, err.stderr))
        proc = subprocess.CompletedProcess(cmd, 124, out, errs)
    wall = time.perf_counter() - t0
    if timeout and proc.returncode == 124:
        timed_out = True
        log(f"{what}: stopped after {wall:.0f} s (--build-timeout {timeout})")
    elif proc.returncode != 0:
        sys.stderr.write(f"\nbench: {what} FAILED (exit {proc.returncode}): {' '.join(map(str, cmd))}\n")
        sys.stderr.write(proc.stdout[-4000:] + "\n" + proc.stderr[-8000:] + "\n")
        raise SystemExit(f"bench: {what} failed; see above")
    result = {"wall_s": wall, "stdout": proc.stdout, "stderr": proc.stderr, "timed_out": timed_out}
    if peak:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        if m:
            result["peak_rss_mb"] = int(m.group(1)) / 1024
            result["peak_rss_how"] = "/usr/bin/time -v"
        else:  # ru_maxrss of children is a high-water mark over all children so far
            after = _children_maxrss()
            result["peak_rss_mb"] = after / 1024 if after > before else None
            result["peak_rss_how"] = "getrusage(RUSAGE_CHILDREN)"
    return result


def _children_maxrss() -> int:
    import resource
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def worker(mode: str, env: dict[str, str], *args: str, timeout: int = 3600) -> dict:
    """Run bench/run.py in a child process in `mode` (see workers.py); it prints one JSON line last."""
    cmd = [str(PYTHON), str(RUN), "--worker", mode, *args]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + "\n" + proc.stderr[-8000:] + "\n")
        raise SystemExit(f"bench: worker '{mode}' failed; see above")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def measure(label: str, workdir: Path, snap: Snapshot, pool: Pool | None, size: int | None, args) -> dict:
    """All measurements of one size (`size` None: the real policy/); one row of the table."""
    project = workdir / f"project-{label}"
    row: dict = {"size": label}
    t0 = time.perf_counter()
    if size is None:
        make_project(project, snap.code, snap.policy)
        row["plan"] = {"source": "policy/ (the real data)"}
    else:
        make_project(project, snap.code)
        gen = Generator(size, pool, snap.policy)
        row["plan"] = gen.plan
        row.update(gen.write(project))
    row["generate_s"] = time.perf_counter() - t0
    if size is None:
        row["yaml_bytes"] = sum(p.stat().st_size for p in (project / "policy").rglob("*.y*ml"))
        row["files"] = sum(1 for _ in (project / "policy").rglob("*.y*ml"))
    log(f"[{label}] set written: {row['files']} files, {row['yaml_bytes'] / 1e6:.1f} MB YAML "
        f"({row['generate_s']:.1f} s)")

    # 1. agenda validate, as a user runs it (process start included); fails loudly
    row["loadavg_before_validate"] = os.getloadavg()[0]
    runs = []
    while not runs or (len(runs) < args.repeat and sum(runs) < args.repeat_below):
        v = run([str(AGENDA), "validate", "policy"], project, f"[{label}] agenda validate", snap.env)
        runs.append(v["wall_s"])
    row["validate_s"], row["validate_runs_s"] = statistics.median(runs), runs
    row["validate_output"] = v["stdout"].strip()
    log(f"[{label}] agenda validate: OK in {row['validate_s']:.2f} s (median of {len(runs)})")

    # 2. in-process: load_versions, diff, and the baseline's Markdown
    baseline = workdir / f"baseline-{label}"
    info = worker("inproc", snap.env, str(project), str(baseline), args.baseline_nav)
    row.update(info)
    row["items_per_s"] = row["items"] / row["validate_s"]
    log(f"[{label}] {row['items']:,} items, {row['versions']} versions; load_versions {info['load_versions_s']:.2f} s; "
        f"diff {info['diff_pair'][0]} -> {info['diff_pair'][1]} {info['diff_s']:.3f} s; {info['pages']} pages")

    # 3. full mkdocs build of the version in force, and the baseline build
    # ours and the baseline alternate, so that a change in machine load hits both alike;
    # builds that take less than --repeat-below seconds run --repeat times (median reported)
    out, base_out = workdir / f"site-{label}", workdir / f"site-baseline-{label}"
    row["loadavg_before_build"] = os.getloadavg()[0]
    ours, base = [], []
    while not ours or (len(ours) < args.repeat and max(ours[0]["wall_s"], base[0]["wall_s"]) < args.repeat_below):
        for folder in (out, base_out):
            shutil.rmtree(folder, ignore_errors=True)
        ours.append(run([str(PYTHON), "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                        project, f"[{label}] mkdocs build", snap.env, timeout=args.build_timeout, peak=True))
        base.append(run([str(PYTHON), "-m", "mkdocs", "build", "-f", str(baseline / "mkdocs.yml"), "-d", str(base_out)],
                        baseline, f"[{label}] baseline build", snap.env, timeout=args.build_timeout, peak=True))
    b, bb = ours[0], base[0]
    row["build_runs_s"], row["baseline_runs_s"] = [x["wall_s"] for x in ours], [x["wall_s"] for x in base]
    row["build_s"], row["baseline_s"] = statistics.median(row["build_runs_s"]), statistics.median(row["baseline_runs_s"])
    row["peak_rss_mb"] = max((x["peak_rss_mb"] for x in ours if x.get("peak_rss_mb")), default=None)
    row["baseline_peak_rss_mb"] = max((x["peak_rss_mb"] for x in base if x.get("peak_rss_mb")), default=None)
    row["peak_rss_how"] = b.get("peak_rss_how")
    row["build_timed_out"], row["baseline_timed_out"] = b["timed_out"], bb["timed_out"]
    row["built_pages"] = sum(1 for _ in out.rglob("index.html"))
    row["site_bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    pages_html = [p.stat().st_size for p in out.rglob("*.html")]
    row["avg_page_kb"] = sum(pages_html) / len(pages_html) / 1024 if pages_html else None
    row["baseline_pages"] = sum(1 for _ in base_out.rglob("index.html"))
    row["ratio"] = row["build_s"] / row["baseline_s"]
    log(f"[{label}] mkdocs build: {'stopped after ' if b['timed_out'] else ''}{row['build_s']:.1f} s, "
        f"peak RSS {row['peak_rss_mb'] or 0:.0f} MB, {row['built_pages']} pages; baseline {row['baseline_s']:.1f} s, "
        f"{row['baseline_pages']} pages; ratio {'>= ' if b['timed_out'] else ''}{row['ratio']:.2f} "
        f"(median of {len(ours)})")
    if row["baseline_pages"] != row["built_pages"] and not b["timed_out"]:
        log(f"[{label}] WARNING: the baseline has {row['baseline_pages']} pages, our build {row['built_pages']}")
    for folder in (out, base_out):
        shutil.rmtree(folder, ignore_errors=True)

    # 4. the incremental path (what `mkdocs serve` does on a change), 1x and 10x and the real data
    if size is None or size <= 10:
        r = worker("rebuild", snap.env, str(project), str(workdir / f"serve-{label}"))
        row.update({f"serve_{k}": v for k, v in r.items()})
        row["rebuild_s"] = r["rebuild_s"]
        log(f"[{label}] serve: first build {r['first_build_s']:.1f} s, unchanged rebuild "
            f"{r['rebuild_unchanged_s']:.1f} s, reload after edit {r['reload_policy_s']:.2f} s, "
            f"rebuild after edit {r['rebuild_s']:.1f} s")
        shutil.rmtree(workdir / f"serve-{label}", ignore_errors=True)
    if size is not None and size in (args.profile or []):
        report = Path(args.out).parent / f"profile-{label}.txt"
        p = worker("profile", snap.env, str(project), str(workdir / f"profile-{label}"), str(report.resolve()))
        row["profile"] = p
        shutil.rmtree(workdir / f"profile-{label}", ignore_errors=True)
        log(f"[{label}] profile written to {report}")
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
        shutil.rmtree(baseline, ignore_errors=True)
    return row
