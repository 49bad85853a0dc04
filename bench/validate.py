"""Where `agenda validate` spends its time: CPU seconds per phase, in process.

    .venv/bin/python bench/validate.py POLICY_FOLDER [--workers N] [--repeat R]

Runs `macros.policy.validate.load_versions` on POLICY_FOLDER (a generated
benchmark set, e.g. one kept with `bench/run.py --keep`, or the real `policy/`)
R times and prints, per run, the wall time, the CPU time of this process and
of its worker processes, and the CPU seconds of each phase: finding the files,
reading them (YAML to data), the schema check, collecting ids, the cross-file
checks and the quote check. With --workers N > 1 the phases that run in worker
processes are not split up (their CPU time is in "workers").
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import macros.policy.schema as schema  # noqa: E402
import macros.policy.validate as validate  # noqa: E402

SPENT: dict[str, float] = defaultdict(float)


def _timed(module, name: str, label: str) -> None:
    fn = getattr(module, name)

    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            SPENT[label] += time.process_time() - start
    setattr(module, name, wrapper)


PHASES = [(validate, "find_versions", "find files"), (validate, "load_file", "read YAML"),
          (schema, "check_file", "schema"), (validate, "collect_ids", "collect ids"),
          (validate, "check_quotes", "quote check"), (validate, "check_version", "cross-file checks")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("policy", type=Path)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for module, name, label in PHASES:
        _timed(module, name, label)
    walls = []
    for run in range(args.repeat):
        SPENT.clear()
        gc.collect()
        self0, kids0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        versions, problems = validate.load_versions(args.policy, workers=args.workers)
        wall = time.perf_counter() - start
        self1, kids1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu_self = self1.ru_utime + self1.ru_stime - self0.ru_utime - self0.ru_stime
        cpu_kids = kids1.ru_utime + kids1.ru_stime - kids0.ru_utime - kids0.ru_stime
        items = sum(len(v.ids) for v in versions)
        SPENT["cross-file checks"] -= SPENT["quote check"]  # check_version includes the quote check
        walls.append(wall)
        phases = ", ".join(f"{label} {SPENT[label]:.2f}" for _, _, label in PHASES if SPENT.get(label))
        print(f"run {run + 1}: {items:,} items, {len(problems)} problems, wall {wall:.2f} s "
              f"({items / wall:,.0f} items/s), CPU: this process {cpu_self:.2f} s, workers {cpu_kids:.2f} s; "
              f"phases (CPU s, this process): {phases}; load average {__import__('os').getloadavg()[0]:.1f}")
    print(f"wall median {statistics.median(walls):.2f} s, range {min(walls):.2f}-{max(walls):.2f} s")


if __name__ == "__main__":
    main()
