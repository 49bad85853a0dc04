"""Long fuzzing run: mutated real policy files through `agenda validate`.

The same mutations as tests/policy/test_fuzz.py (see tests/fuzzing.py), many
more examples, random seed unless given. Every example is validated in this
process (a copy of Deventer's 2024-2027 version); every `--cli-every`-th one
also through the real command line on a full project copy. Nothing stops at
a finding: each is saved to bench/out/fuzz-findings/ and counted.

    .venv/bin/python bench/fuzz.py --examples 20000
    .venv/bin/python bench/fuzz.py --examples 500 --seed 1 --cli-every 50

Prints a summary and writes it to bench/out/fuzz.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402

from conftest import agenda, make_project  # noqa: E402
from fuzzing import check_cli, mutated_file, run_in_process, small_project  # noqa: E402


CHUNK = 250


def kind_of(message: str) -> str:
    """A problem's message without what it quotes: 'unknown key '…'' -> 'unknown key …'."""
    text = re.sub(r"'[^']*'", "…", message)
    text = re.sub(r"\([^)]*\)", "", text)
    return re.sub(r"[0-9][0-9,.]*", "N", text).strip()[:70]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None, help="default: random (printed)")
    parser.add_argument("--cli-every", type=int, default=100, help="also run the command line on every N-th example")
    parser.add_argument("--time-limit", type=float, default=10.0, help="seconds one validation may take")
    parser.add_argument("--minutes", type=float, default=None, help="stop after this long (the summary says how many ran)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "fuzz.json")
    args = parser.parse_args()
    run_seed = args.seed if args.seed is not None else int.from_bytes(os.urandom(4), "big")
    findings_dir = args.out.parent / "fuzz-findings"
    stats = {"examples": 0, "cli_runs": 0, "exit_0": 0, "exit_1": 0, "findings": [], "slowest": [],
             "seconds_total": 0.0, "edit_kinds": Counter(), "problem_kinds": Counter()}
    work = Path(tempfile.mkdtemp(prefix="agenda-fuzz-"))
    policy = small_project(work / "small")
    originals = {p.name: p.read_bytes() for p in (policy / "deventer" / "2024-2027").iterdir()}
    started = time.perf_counter()

    def record(example, wrong, where):
        findings_dir.mkdir(parents=True, exist_ok=True)
        number = len(stats["findings"]) + 1
        (findings_dir / f"{number:04d}-{example.name}").write_bytes(example.raw)
        stats["findings"].append({"n": number, "where": where, "example": repr(example), "wrong": wrong[:5]})
        print(f"FINDING {number} ({where}): {repr(example)[:200]}\n  " + "\n  ".join(w[:300] for w in wrong[:5]),
              flush=True)

    def fuzz(example):
        n = stats["examples"] = stats["examples"] + 1
        for kind, _, _ in example.edits:
            stats["edit_kinds"][kind] += 1
        try:
            problems, seconds, wrong = run_in_process(policy, example.name, example.raw, args.time_limit)
        except BaseException as err:  # noqa: BLE001  (a finding, not the end of the run)
            problems, seconds, wrong = [], 0.0, [f"exception {type(err).__name__}: {err}"[:500]]
        finally:
            (policy / "deventer" / "2024-2027" / example.name).write_bytes(originals[example.name])
        stats["seconds_total"] += seconds
        stats["exit_1" if problems else "exit_0"] += 1
        for p in problems:
            stats["problem_kinds"][kind_of(p.message)] += 1
        stats["slowest"] = sorted(stats["slowest"] + [(round(seconds, 3), repr(example)[:160])], reverse=True)[:5]
        if wrong:
            record(example, wrong, "in process")
        if args.cli_every and n % args.cli_every == 0:
            project = make_project(work / f"cli-{n}")
            (project / "policy" / "deventer" / "2024-2027" / example.name).write_bytes(example.raw)
            t = time.perf_counter()
            result = agenda("validate", cwd=project)
            stats["cli_runs"] += 1
            wrong = check_cli(result, time.perf_counter() - t, args.time_limit * 2)
            if wrong:
                record(example, wrong, "command line")
        if n % 500 == 0:
            print(f"{n} examples, {len(stats['findings'])} findings, {time.perf_counter() - started:.0f} s", flush=True)

    # In chunks of CHUNK examples, each with its own seed (run seed + chunk number), so a
    # time budget can end the run between chunks and any chunk can be repeated alone.
    chunk = 0
    while stats["examples"] < args.examples:
        if args.minutes is not None and time.perf_counter() - started > args.minutes * 60:
            break
        size = min(CHUNK, args.examples - stats["examples"])
        run = settings(max_examples=size, deadline=None, database=None, phases=[Phase.generate],
                       suppress_health_check=list(HealthCheck))(given(example=mutated_file())(fuzz))
        seed(run_seed + chunk)(run)()
        chunk += 1
    elapsed = time.perf_counter() - started
    summary = {
        "seed": run_seed, "chunks": chunk, "examples": stats["examples"], "cli_runs": stats["cli_runs"],
        "wall_seconds": round(elapsed, 1), "validate_seconds_mean": round(stats["seconds_total"] / max(stats["examples"], 1), 4),
        "exit_0": stats["exit_0"], "exit_1": stats["exit_1"], "findings": stats["findings"],
        "slowest": stats["slowest"], "edit_kinds": dict(stats["edit_kinds"]),
        "problem_kinds": dict(stats["problem_kinds"].most_common(40)),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")
    print(f"\nseed {run_seed}: {summary['examples']} examples ({summary['cli_runs']} also through the command line) "
          f"in {elapsed:.0f} s; exit 0: {summary['exit_0']}, exit 1: {summary['exit_1']}; "
          f"findings: {len(stats['findings'])}; slowest validation {stats['slowest'][0][0] if stats['slowest'] else 0} s")
    print(f"written to {args.out}")
    return 1 if stats["findings"] else 0


if __name__ == "__main__":
    sys.exit(main())
