#!/usr/bin/env python3
"""Benchmark of the preview: time from saving a policy file to the rebuilt page.

    .venv/bin/python bench/preview.py                    # real policy, 1x and 10x; 5 edits each
    .venv/bin/python bench/preview.py --sizes 10 --repeat 9 --out bench/out/preview.json
    .venv/bin/python bench/preview.py --sizes --steps --repeat 7   # real policy: save->page per step

Two measurements per set, each for the old preview (`mkdocs serve`: a full
rebuild after every save) and the new one (`mkdocs serve --dirty`: only the
pages the edit touches, macros/site/preview.py), alternating edit by edit:

- `rebuild`: in one child process, what the server's builder does after a
  save (`load_config` + `build`, as mkdocs/commands/serve.py calls them),
  timed alone, in wall and in CPU seconds of the process (the build runs in
  one thread: on an idle machine wall = CPU; on a shared one the CPU time is
  the figure that does not depend on the neighbours); the edit is one
  action's text (its description) or its title.
- `roundtrip`: the real `mkdocs serve` in a child process; after writing the
  file, the action's page is fetched over HTTP every 5 ms until it shows the
  new text. This includes mkdocs' file watcher and its wait for further changes.
- `--steps`: only the roundtrip, for `mkdocs serve --strict --dirty` as
  scripts/serve.sh runs it, split into steps by the server's own log lines
  (written with their wall-clock time by `--worker serve`): watcher (file
  written -> "Detected file changes"), wait for more changes (-> "Building
  documentation..."), load configuration (-> mkdocs' builder calls `build`),
  build (-> "Documentation built"), hand-over to the server (-> "Reloading
  browsers"), page served (-> the client has the new text); and the build's
  CPU time in its own thread. Text, title and partner-list edits (the last
  partner of the first action with two or more is removed, then put back).

Median, min and max of the repeats are reported. Hook point for bench/run.py:
`measure_preview(label, project, repeat)` takes one generated project (as
run.py's `measure()` makes it) and returns a dict for that size's row.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
if not PYTHON.exists():  # pragma: no cover
    PYTHON = Path(sys.executable)
MUNICIPALITY, CURRENT = "deventer", "2024-2027"
SERVE_URL = "http://127.0.0.1:8000/"


def _env(project: Path) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0",
            "PYTHONPATH": str(project) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")}


# --- the edit ----------------------------------------------------------------------------

def _actions_file(project: Path) -> Path:
    return sorted((project / "policy" / MUNICIPALITY / CURRENT).glob("uitvoeringsagenda*.yaml"))[0]


def edit(project: Path, what: str, marker: str) -> str:
    """Append `marker` to the first action's description ("text") or title ("title");
    returns the action's id."""
    path = _actions_file(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if re.match(r"^  - id: ", line))
    action_id = lines[first].split(":", 1)[1].strip()
    key = "description" if what == "text" else "title"
    i = next(i for i in range(first + 1, len(lines)) if re.match(rf"^    {key}: ", lines[i]))
    value = lines[i].split(": ", 1)[1]
    if value.startswith("|") or value.startswith(">"):  # a block: the first line of the text
        lines[i + 1] = lines[i + 1] + f" {marker}"
    elif value.startswith('"'):
        lines[i] = f"    {key}: " + json.dumps(json.loads(value) + f" {marker}", ensure_ascii=False)
    elif value.startswith("'"):
        lines[i] = lines[i][:-1] + f" {marker}'"
    else:
        lines[i] = lines[i] + f" {marker}"
    path.write_text("\n".join(lines), encoding="utf-8")
    return action_id


def toggle_partner(project: Path) -> tuple[str, str, bool]:
    """Remove the last partner of the first action with at least two (`partners: [a, b]`), or
    put it back if this removed it before; returns (action id, partner id, listed now)."""
    path = _actions_file(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    action_id = ""
    for i, line in enumerate(lines):
        if re.match(r"^  - id: ", line):
            action_id = line.split(":", 1)[1].strip()
        found = re.match(r"^(    partners: \[)(.*)\](  # bench removed: (\S+))?$", line)
        if not found:
            continue
        names = [n.strip() for n in found.group(2).split(",") if n.strip()]
        if found.group(4):  # removed before: put it back
            lines[i] = f"{found.group(1)}{', '.join(names + [found.group(4)])}]"
            listed, partner = True, found.group(4)
        elif len(names) >= 2:
            lines[i] = f"{found.group(1)}{', '.join(names[:-1])}]  # bench removed: {names[-1]}"
            listed, partner = False, names[-1]
        else:
            continue
        path.write_text("\n".join(lines), encoding="utf-8")
        return action_id, partner, listed
    raise SystemExit(f"no action with two partners in {path}")


# --- in-process rebuild (child) ---------------------------------------------------------

def _worker_rebuild(project: str, out_dir: str, dirty: str, repeat: str) -> dict:
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    project_dir, dirty_build = Path(project), dirty == "1"
    os.chdir(project_dir)

    def get_config():
        config = load_config(config_file=str(project_dir / "mkdocs.yml"), site_dir=out_dir)
        config.site_url = SERVE_URL
        return config

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=dirty_build)
    t0 = time.perf_counter()
    build(config, serve_url=SERVE_URL, dirty=dirty_build)
    result = {"first_build_s": time.perf_counter() - t0, "text": [], "title": [], "pages": {}}
    from macros.site.preview import PREVIEW

    for n in range(int(repeat)):
        for what in ("text", "title") if dirty_build else ("text",):  # a full rebuild costs the same for both
            edit(project_dir, what, f"(wijziging {what} {n} {dirty})")
            t0, c0 = time.perf_counter(), time.process_time()
            build(get_config(), serve_url=SERVE_URL, dirty=dirty_build)
            result[what].append(time.perf_counter() - t0)
            result.setdefault(f"{what}_cpu", []).append(time.process_time() - c0)
            plan = PREVIEW.last_plan
            result["pages"][what] = None if plan is None or plan.full else len(plan.pages)
    return result


STEP_MARKS = {  # log line (start) -> the step that ends there
    "Detected file changes": "watcher",
    "Building documentation...": "wait for more changes",
    "bench: build starts": "load configuration",
    "Documentation built in": "build",
    "Reloading browsers": "hand-over to the server",
}


def _worker_serve(log_path: str, *serve_args: str) -> None:
    """`mkdocs serve ...` in this process, each of mkdocs' log lines also written to `log_path`
    with its wall-clock time (`time.time()`, comparable with the parent's), plus one line
    where mkdocs' builder calls `build` after loading the configuration."""
    import logging

    import mkdocs.commands.serve as serve_module
    from mkdocs.__main__ import cli

    handler = logging.FileHandler(log_path, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(created).6f\t%(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    timed = logging.getLogger("mkdocs.bench")
    build = serve_module.build

    def build_with_mark(*args, **kwargs):
        timed.info("bench: build starts")
        cpu = time.thread_time()
        try:
            return build(*args, **kwargs)
        finally:  # CPU seconds of the building thread: what the neighbours on a shared machine do not change
            timed.info(f"bench: build cpu {time.thread_time() - cpu:.6f}")

    serve_module.build = build_with_mark
    cli(["serve", *serve_args], standalone_mode=True)


def steps(log_text: str, written: float, served: float) -> dict[str, float]:
    """Seconds per step of one save, from the marks in the server's log after `written`."""
    marks = []
    for line in log_text.splitlines():
        stamp, _, message = line.partition("\t")
        try:
            at = float(stamp)
        except ValueError:
            continue
        if at < written:
            continue
        for start, step in STEP_MARKS.items():
            if start in message and step not in (m[0] for m in marks):  # mkdocs' server puts [hh:mm:ss] first
                marks.append((step, at))
    out, before = {}, written
    for step, at in marks:
        out[step] = at - before
        before = at
    out["page served"] = served - before
    cpu = re.findall(r"bench: build cpu ([0-9.]+)", "\n".join(
        line for line in log_text.splitlines() if line.split("\t", 1)[0].replace(".", "", 1).isdigit()
        and float(line.split("\t", 1)[0]) >= written))
    if cpu:
        out["(build: CPU time of its thread)"] = float(cpu[0])
    return out


def _run_worker(project: Path, *args: str) -> dict:
    cmd = [str(PYTHON), str(Path(__file__).resolve()), "--worker", *args]
    proc = subprocess.run(cmd, cwd=project, env=_env(project), capture_output=True, text=True, timeout=3600)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-3000:] + "\n" + proc.stderr[-6000:] + "\n")
        raise SystemExit("bench/preview.py: worker failed; see above")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --- the real server ----------------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def roundtrip(project: Path, dirty: bool, repeat: int, what: str = "text", per_step: list | None = None) -> list[float]:
    """Seconds from writing the file to the page served with the new text, `repeat` times;
    with `per_step`, each save's `steps` are appended to it."""
    port = _free_port()
    trace = project.parent / f"serve-{'dirty' if dirty else 'full'}-{what}.trace"
    trace.write_text("", encoding="utf-8")
    cmd = [str(PYTHON), str(Path(__file__).resolve()), "--worker", "serve", str(trace), "--strict", "--dev-addr",
           f"127.0.0.1:{port}"] + (["--dirty"] if dirty else [])
    log = open(project.parent / f"serve-{'dirty' if dirty else 'full'}.log", "w")
    server = subprocess.Popen(cmd, cwd=project, env=_env(project), stdout=log, stderr=subprocess.STDOUT)
    times = []
    try:
        if what == "partners":  # a list: the served page must gain or lose the partner's link
            action_id, partner, listed = toggle_partner(project)
            url = f"http://127.0.0.1:{port}/actie/{action_id}/"

            def shows(page: str, n: int) -> bool:
                return "<h1" in page and (f"partner/{partner}/" in page) == listed
        else:
            action_id = edit(project, what, "(start)")
            url = f"http://127.0.0.1:{port}/actie/{action_id}/"

            def shows(page: str, n: int) -> bool:
                return f"(rondgang {what} {n} {int(dirty)})" in page if n >= 0 else "(start)" in page
        deadline = time.time() + 600
        while not shows(_get(url), -1):
            if server.poll() is not None or time.time() > deadline:
                raise SystemExit(f"mkdocs serve did not come up; see {log.name}")
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle after the first build
        for n in range(repeat):
            t0, written = time.perf_counter(), time.time()
            if what == "partners":
                listed = toggle_partner(project)[2]
            else:
                edit(project, what, f"(rondgang {what} {n} {int(dirty)})")
            while not shows(_get(url), n):
                if time.perf_counter() - t0 > 120:
                    raise SystemExit(f"no rebuilt page after 120 s; see {log.name}")
                time.sleep(0.005)
            times.append(time.perf_counter() - t0)
            if per_step is not None:
                time.sleep(0.05)  # the log line of the hand-over may be flushed just after the page is served
                per_step.append(steps(trace.read_text(encoding="utf-8"), written, written + times[-1]))
            time.sleep(0.7)  # past the watcher's next look, so edits do not merge
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()
    return times


# --- one set ---------------------------------------------------------------------------------

def _stats(values: list[float]) -> dict:
    return {"median_s": statistics.median(values), "min_s": min(values), "max_s": max(values), "runs_s": values}


def measure_preview(label: str, project: Path, repeat: int = 5) -> dict:
    """The preview figures of one set (hook point for bench/run.py's `measure()`)."""
    out = Path(tempfile.mkdtemp(prefix=f"agenda-preview-{label}-"))
    row: dict = {"size": label, "loadavg_before": os.getloadavg()[0]}
    try:
        for dirty in (False, True):
            name = "incremental" if dirty else "full"
            r = _run_worker(project, "rebuild", str(project), str(out / name), "1" if dirty else "0", str(repeat))
            row[f"{name}_first_build_s"] = r["first_build_s"]
            for what in ("text", "title"):
                if r.get(what):
                    row[f"{name}_rebuild_{what}"] = _stats(r[what])
                    row[f"{name}_rebuild_{what}_cpu"] = _stats(r[f"{what}_cpu"])
            if dirty:
                row["pages_rebuilt"] = r["pages"]
        for dirty in (False, True):
            name = "incremental" if dirty else "full"
            row[f"{name}_roundtrip_text"] = _stats(roundtrip(project, dirty, repeat))
    finally:
        shutil.rmtree(out, ignore_errors=True)
    row["loadavg_after"] = os.getloadavg()[0]
    return row


def table(rows: list[dict]) -> str:
    def cell(s: dict) -> str:
        return f"{s['median_s']:.2f} ({s['min_s']:.2f}-{s['max_s']:.2f})"

    def opt(r: dict, key: str) -> str:
        return cell(r[key]) if key in r else "-"

    head = ("size", "full rebuild, text", "incremental, text", "incremental, title", "CPU s full / incr. text",
            "pages (text/title)", "save->page, full", "save->page, incremental", "load")
    lines = [head]
    for r in rows:
        pages = r.get("pages_rebuilt") or {}
        lines.append((r["size"], cell(r["full_rebuild_text"]), cell(r["incremental_rebuild_text"]),
                      cell(r["incremental_rebuild_title"]),
                      f"{opt(r, 'full_rebuild_text_cpu')} / {opt(r, 'incremental_rebuild_text_cpu')}",
                      f"{pages.get('text')}/{pages.get('title')}",
                      cell(r["full_roundtrip_text"]), cell(r["incremental_roundtrip_text"]),
                      f"{r['loadavg_before']:.1f}-{r['loadavg_after']:.1f}"))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = [" | ".join(c.ljust(w) for c, w in zip(line, widths)) for line in lines]
    out.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(out)


WHATS = ("text", "title", "partners")  # --steps: an action's description, its title, its list of partners


def measure_steps(label: str, project: Path, repeat: int) -> dict:
    """Save->page of `mkdocs serve --strict --dirty` (scripts/serve.sh) per step, for a text
    and a title edit: {what: {"total": stats, "steps": {step: stats}}}."""
    out: dict = {"size": label, "loadavg_before": os.getloadavg()[0]}
    for what in WHATS:
        per_step: list = []
        total = roundtrip(project, True, repeat, what, per_step)
        names = list(dict.fromkeys(k for s in per_step for k in s))
        out[what] = {"total": _stats(total),
                     "steps": {k: _stats([s[k] for s in per_step if k in s]) for k in names}}
    out["loadavg_after"] = os.getloadavg()[0]
    return out


def steps_table(row: dict) -> str:
    def cell(s: dict) -> str:
        return f"{s['median_s'] * 1000:.0f} ({s['min_s'] * 1000:.0f}-{s['max_s'] * 1000:.0f})"

    whats = [w for w in WHATS if w in row]
    names = list(dict.fromkeys(k for what in whats for k in row[what]["steps"]))
    lines = [f"| step ({row['size']}, ms, median (min-max)) | " + " | ".join(f"{w} edit" for w in whats) + " |",
             "| --- |" + " ---: |" * len(whats)]
    for name in names:
        lines.append(f"| {name} | " + " | ".join(cell(row[w]["steps"][name]) if name in row[w]["steps"] else "-"
                                                for w in whats) + " |")
    lines.append("| **save -> page** | " + " | ".join(f"**{cell(row[w]['total'])}**" for w in whats) + " |")
    lines.append(f"\nload average {row['loadavg_before']:.1f} before, {row['loadavg_after']:.1f} after")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:2] == ["--worker", "serve"]:  # mkdocs' own options follow: not for argparse
        _worker_serve(*argv[2:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="*", type=int, default=[1, 10], help="scale factors (default: 1 10)")
    parser.add_argument("--no-real", action="store_true", help="skip the real policy")
    parser.add_argument("--repeat", type=int, default=5, help="edits per measurement (default 5)")
    parser.add_argument("--out", default=str(HERE / "out" / "preview.json"))
    parser.add_argument("--steps", action="store_true",
                        help="only save->page of scripts/serve.sh's server, per step (text and title edits)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        fn = {"rebuild": _worker_rebuild}[args.worker[0]]
        print(json.dumps(fn(*args.worker[1:])))
        return 0

    sys.path.insert(0, str(HERE))
    from agenda_bench.generate import Generator, Pool  # the generated sets of the main benchmark
    from agenda_bench.project import make_project, snapshot

    workdir = Path(tempfile.mkdtemp(prefix="agenda-bench-preview-"))
    rows = []
    try:
        snap = snapshot(workdir)
        os.environ["PYTHONPATH"] = snap.env["PYTHONPATH"]
        sets = ([] if args.no_real else [("real", None)]) + [(str(s), s) for s in args.sizes]
        pool = Pool(snap.policy)
        for label, size in sets:
            project = workdir / f"project-{label}"
            if size is None:
                make_project(project, snap.code, snap.policy)
            else:
                make_project(project, snap.code)
                Generator(size, pool, snap.policy).write(project)
            print(f"[{label}] measuring ...", flush=True)
            if args.steps:
                rows.append(measure_steps(label, project, args.repeat))
                print(steps_table(rows[-1]), flush=True)
                continue
            rows.append(measure_preview(label, project, args.repeat))
            print(table(rows[-1:]), flush=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps({"argv": sys.argv[1:], "rows": rows}, indent=1), encoding="utf-8")
    print()
    print("\n\n".join(steps_table(r) for r in rows) if args.steps else table(rows))
    print(f"results: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
