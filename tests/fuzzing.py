"""Mutations of real policy files for property-based fuzzing (Hypothesis).

Shared by tests/policy/test_fuzz.py (a few hundred examples, derandomized)
and bench/fuzz.py (long runs). An example is a real file of
policy/deventer/2024-2027 with one to four edits: random bytes, deletions,
duplications, deep nesting, control characters, huge values and odd YAML
(tags, anchors, aliases, merge keys, several documents, directives).
Nesting and huge values are drawn as (unit, count), so a megabyte of input
costs Hypothesis a few bytes.
"""

from __future__ import annotations

import resource
import shutil
import time
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
VERSION_DIR = ROOT / "tests" / "fixtures" / "project" / "policy" / "deventer" / "2024-2027"  # frozen
FILES = sorted(p.name for p in VERSION_DIR.glob("*.yaml"))

ODD_YAML = [
    b"!!python/object/apply:os.system ['echo hi'] ", b"!!python/name:os.system ", b"!foo ", b"!!str ", b"!!int ",
    b"!!binary aGk= ", b"!<tag:example.org,2000:x> ", b"!!map ", b"!!seq ", b"!!set ", b"!!omap ", b"!!timestamp ",
    b"&a ", b"*a ", b"&anchor [1, 2] ", b"<<: *a\n", b"<<: {title: x}\n", b"<<: ", b"? ", b"? [a, b]\n: c\n",
    b"\n---\n", b"\n...\n", b"---\n", b"%YAML 1.1\n---\n", b"%YAML 1.3\n---\n", b"%TAG ! tag:example.org,2000:\n---\n",
    b"%FOO bar\n---\n", b"|\n", b">-\n", b"|2+\n", b": ", b"- ", b"-", b":", b"{", b"}", b"[", b"]", b",", b"#", b"'",
    b'"', b"\\", b"\t", b"\r", b"\r\n", b"\xef\xbb\xbf", b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x00", b"\x1b[31m",
    b"\xc2\x85", b"\xe2\x80\xa8", b"\xef\xbf\xbe", b"no", b"yes", b"off", b"~", b"null", b".inf", b"-.nan", b"0x1F",
    b"0o17", b"1_000", b"1:30", b"2024-01-01", b"2024-01-01T12:00:00Z", b"1.10", b"'2024'", b'"2024"', b"=", b"<<",
    b"{{ 6*7 }}", b"<script>alert(1)</script>", b"id: ", b"kind: ", b"kind: theme\n", b"\n  - ", b"\n    ",
]
NEST_UNITS = [b"[", b"{", b"- ", b"{a: ", b"[[", b"- - ", b"? ", b"a:\n", b"[{a: ", b"!!seq [", b"&x ["]
HUGE_UNITS = [b"x", b"a ", b"\n", b"- x\n", b"a, ", b"1,", b"k: v\n", b"'", b"#", b"  ", b"[]", b"x\n  "]


@st.composite
def edit(draw):
    """One edit: (name, position as a fraction of the file, argument)."""
    kind = draw(st.sampled_from(["bytes", "delete", "duplicate", "nest", "control", "huge", "odd", "line", "value"]))
    at = draw(st.floats(0, 1))
    if kind == "bytes":
        arg = draw(st.binary(min_size=1, max_size=16))
    elif kind in ("delete", "duplicate"):
        arg = (draw(st.floats(0, 1)), draw(st.integers(1, 4000)))
    elif kind == "nest":
        arg = (draw(st.sampled_from(NEST_UNITS)), draw(st.sampled_from([10, 49, 50, 51, 100, 1000, 30_000, 200_000])))
    elif kind == "control":
        arg = chr(draw(st.sampled_from([*range(0, 9), 11, 12, *range(14, 32), 0x7F, *range(0x80, 0xA0), 0xFFFE, 0xFFFF])))
    elif kind == "huge":
        arg = (draw(st.sampled_from(HUGE_UNITS)), draw(st.sampled_from([1000, 100_000, 1_000_000, 2_100_000])))
    elif kind == "odd":
        arg = draw(st.sampled_from(ODD_YAML))
    elif kind == "line":
        arg = (draw(st.sampled_from(["swap", "indent", "dedent", "drop", "repeat"])), draw(st.floats(0, 1)))
    else:
        arg = draw(st.sampled_from([b"no", b"yes", b"~", b"1.10", b"'2024'", b'"2024"', b"2024", b"[]", b"{}",
                                    b"|", b"-1", b"x" * 300, b"true", b"''", b"!!int 3"]))
    return kind, at, arg


def apply(raw: bytes, kind: str, at: float, arg) -> bytes:
    i = int(at * len(raw))
    if kind == "bytes" or kind == "odd" or kind == "control":
        data = arg.encode("utf-8") if isinstance(arg, str) else arg
        return raw[:i] + data + raw[i:]
    if kind == "delete":
        return raw[:i] + raw[i + arg[1]:]
    if kind == "duplicate":
        j = int(arg[0] * len(raw))
        return raw[:i] + raw[j:j + arg[1]] + raw[i:]
    if kind in ("nest", "huge"):
        unit, count = arg
        closing = {b"[": b"]", b"{": b"}", b"[[": b"]]"}.get(unit, b"")
        return raw[:i] + unit * count + closing * count + raw[i:]
    if kind == "line":
        lines = raw.split(b"\n")
        if not lines:
            return raw
        a, b = int(at * (len(lines) - 1)), int(arg[1] * (len(lines) - 1))
        if arg[0] == "swap":
            lines[a], lines[b] = lines[b], lines[a]
        elif arg[0] == "indent":
            lines[a] = b"  " + lines[a]
        elif arg[0] == "dedent":
            lines[a] = lines[a][1:]
        elif arg[0] == "drop":
            del lines[a]
        else:
            lines[a:a] = [lines[b]] * 3
        return b"\n".join(lines)
    # value: replace what follows the first ': ' after the position
    j = raw.find(b": ", i)
    if j < 0:
        return raw
    end = raw.find(b"\n", j)
    return raw[:j + 2] + arg + (raw[end:] if end >= 0 else b"")


class Example:
    """A mutated file; its repr (what Hypothesis prints for a failure) names the
    file and the edits, not megabytes of content."""

    def __init__(self, name: str, edits: list):
        self.name, self.edits = name, edits
        raw = (VERSION_DIR / name).read_bytes()
        for e in edits:
            raw = apply(raw, *e)
        self.raw = raw

    def __repr__(self) -> str:
        def brief(x):
            if isinstance(x, (bytes, str)):
                return x[:40]
            if isinstance(x, tuple):
                return tuple(brief(y) for y in x)
            return round(x, 3) if isinstance(x, float) else x
        edits = [brief(e) for e in self.edits]
        return f"Example({self.name!r}, {edits!r})  # {len(self.raw):,} bytes"


@st.composite
def mutated_file(draw):
    """A real file of the version with one to four edits."""
    return Example(draw(st.sampled_from(FILES)), draw(st.lists(edit(), min_size=1, max_size=4)))


def small_project(target: Path) -> Path:
    """A policy folder with Deventer's municipality file and the 2024-2027 version only."""
    policy = target / "policy" / "deventer"
    shutil.copytree(VERSION_DIR, policy / "2024-2027")
    shutil.copy(VERSION_DIR.parent / "municipality.yaml", policy / "municipality.yaml")
    return target / "policy"


def check_problems(problems, allowed_prefix: str) -> list[str]:
    """What is wrong with a list of problems as a user would see them (empty: nothing)."""
    wrong = []
    for p in problems:
        text = str(p)
        if not p.file.startswith(allowed_prefix):
            wrong.append(f"a problem names no policy file: {text[:200]!r}")
        if len(p.message) > 400 or len(p.hint) > 400:
            wrong.append(f"a message quotes too much ({len(p.message)} + {len(p.hint)} characters): {text[:200]!r}")
        if "\n" in p.message or "\n" in p.hint:
            wrong.append(f"a message spans several lines: {text[:200]!r}")
    return wrong


def run_in_process(policy: Path, name: str, raw: bytes, time_limit: float) -> tuple[list, float, list[str]]:
    """Write the mutated file, validate the folder in this process; return the
    problems, the CPU seconds it took and what is wrong with the result. CPU time, not wall
    time: a busy machine slows a run down without making it use more CPU."""
    from macros.policy.validate import load_versions

    (policy / "deventer" / "2024-2027" / name).write_bytes(raw)
    started = time.process_time()
    _, problems = load_versions(policy)
    seconds = time.process_time() - started
    wrong = check_problems(problems, str(policy))
    if seconds > time_limit:
        wrong.append(f"validation took {seconds:.1f} s of CPU time (limit {time_limit} s)")
    return problems, seconds, wrong


def children_cpu() -> float:
    """CPU seconds used so far by this process's finished child processes (user + system)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def check_cli(result, time_taken: float, time_limit: float) -> list[str]:
    """What is wrong with one run of `agenda validate` (empty: nothing)."""
    wrong = []
    if result.returncode not in (0, 1):
        wrong.append(f"exit code {result.returncode}")
    if "Traceback" in result.stderr or "Error:" in result.stderr.split("\n", 1)[0]:
        wrong.append("a traceback: " + result.stderr[-500:])
    lines = [line for line in result.stderr.splitlines() if line and not line.startswith("    hint:")]
    if result.returncode == 1:
        if not lines or not lines[-1].endswith("found."):
            wrong.append("no summary line: " + result.stderr[-300:])
        for line in lines[:-1]:
            if not line.startswith("policy/"):
                wrong.append(f"a problem line without a file name: {line[:200]!r}")
    if time_taken > time_limit:
        wrong.append(f"took {time_taken:.1f} s (limit {time_limit} s)")
    return wrong
