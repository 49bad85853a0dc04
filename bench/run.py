#!/usr/bin/env python3
"""Benchmark: validate, build, compare and rebuild synthetic policy sets.

    .venv/bin/python bench/run.py                      # real data, then 1x, 10x and 100x
    .venv/bin/python bench/run.py --quick              # real data, 1x and 10x
    .venv/bin/python bench/run.py --sizes 1 10 --out bench/out/results.json
    .venv/bin/python bench/run.py --profile 10         # also cProfile one in-process build at 10x

Not part of the test suite. See bench/README.md for what each number means
and bench/agenda_bench/ for the parts: generate (the policy sets), measure
and workers (the numbers), report (table, targets, JSON). Every measurement
that matters runs in a fresh child process, so one size's caches and memory
never leak into the next.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # bench/agenda_bench, also when imported

from agenda_bench.common import ROOT, log  # noqa: E402
from agenda_bench.generate import Pool  # noqa: E402
from agenda_bench.measure import measure  # noqa: E402
from agenda_bench.project import snapshot  # noqa: E402
from agenda_bench.report import machine, summary, targets  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1, 10, 100], help="scale factors (default: 1 10 100)")
    parser.add_argument("--quick", action="store_true", help="sizes 1 and 10 only")
    parser.add_argument("--no-real", action="store_true", help="skip the row for the real data in policy/")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "results.json"))
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (printed at the end)")
    parser.add_argument("--profile", nargs="*", type=int, metavar="SIZE",
                        help="also profile one in-process build at these sizes (default with no value: 10)")
    parser.add_argument("--baseline-nav", choices=("same", "auto"), default="same",
                        help="baseline nav: 'same' = our nav (item pages unlisted, as in our site); "
                             "'auto' = no nav key, mkdocs lists every page")
    parser.add_argument("--build-timeout", type=int, default=3600, metavar="S",
                        help="stop a mkdocs build after S seconds and report it as a lower bound (default 3600)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="run validate and the two builds N times and report the median (default 3) ...")
    parser.add_argument("--repeat-below", type=float, default=40, metavar="S",
                        help="... when one run takes less than S seconds (default 40)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:  # a child process started by measure.worker
        from agenda_bench import workers

        return workers.main(*args.worker)

    if args.profile is not None and not args.profile:
        args.profile = [10]
    sizes = [1, 10] if args.quick else sorted(set(args.sizes))
    if any(s < 1 for s in sizes):
        parser.error("sizes are whole numbers >= 1")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="agenda-bench-"))
    log(f"bench: working in {workdir}; sizes {'real, ' if not args.no_real else ''}{', '.join(f'{s}x' for s in sizes)}")
    started = time.perf_counter()
    rows = []
    try:
        snap = snapshot(workdir)
        code = snap.info
        log(f"bench: code and policy copied to {snap.code} (macros sha256 {code['macros_sha256']})")
        pool = Pool(snap.policy)
        if not args.no_real:
            rows.append(measure("real", workdir, snap, None, None, args))
        for size in sizes:
            rows.append(measure(str(size), workdir, snap, pool, size, args))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    result = {"machine": machine(), "code": code, "total_s": time.perf_counter() - started,
              "baseline_nav": args.baseline_nav, "argv": sys.argv[1:],
              "rows": rows, "targets": targets(rows)}
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print(summary(result, args.out, workdir if args.keep else None))
    return 0


if __name__ == "__main__":
    sys.exit(main())
