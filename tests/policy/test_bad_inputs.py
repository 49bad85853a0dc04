"""The corpus of bad inputs (tests/bad_inputs/*.yaml): each case breaks a copy of
the real policy in one way and states the exact message and exit code of
`agenda validate`.

A case file: `about`, `file` (in `version`, default deventer/2024-2027), then
`replace: [old, new]`, `content` or `content_hex` (the whole file), optional
`also` (more edits), `exit` and `expected` (stderr, exactly).

Cases git cannot hold well are made when the test runs: `symlink: target`
makes `file` a symbolic link (`OUTSIDE` in the target is a file outside the
project holding `outside_content`, which must never appear in any output),
`fifo: true` makes it a named pipe, and `nesting: N` replaces
`PLACEHOLDER_NESTING` by N nested lists.
"""

import os
from pathlib import Path

import pytest
import yaml

from conftest import agenda, make_project

CASES = sorted((Path(__file__).parents[1] / "bad_inputs").glob("*.yaml"))


def apply(project: Path, case: dict) -> None:
    for edit in [case] + case.get("also", []):
        path = project / "policy" / case.get("version", "deventer/2024-2027") / edit["file"]
        if "symlink" in edit:
            outside = project.parent / "outside.txt"
            outside.write_text(case.get("outside_content", ""), encoding="utf-8")
            path.symlink_to(edit["symlink"].replace("OUTSIDE", str(outside)))
        elif edit.get("fifo"):
            os.mkfifo(path)
        elif "content_hex" in edit:
            path.write_bytes(bytes.fromhex(edit["content_hex"]))
        elif "content" in edit:
            path.write_text(edit["content"], encoding="utf-8")
        else:
            old, new = edit["replace"]
            if "long_text" in case:
                new = new.replace("PLACEHOLDER_LONG_TEXT", "a" * case["long_text"])
            if "nesting" in case:
                new = new.replace("PLACEHOLDER_NESTING", "[" * case["nesting"] + "]" * case["nesting"])
            text = path.read_text(encoding="utf-8")
            assert old in text, f"{old!r} is not in {path}"
            path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_bad_input(path, tmp_path):
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    project = make_project(tmp_path / "project")
    apply(project, case)
    result = agenda("validate", cwd=project)
    if os.environ.get("REGEN_BAD_INPUTS"):  # write the current output; review every change before committing
        case["exit"], case["expected"] = result.returncode, result.stderr
        path.write_text(yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")
    assert result.returncode == case["exit"] != 0
    assert result.stdout == ""
    assert result.stderr == case["expected"]
    for secret in case.get("outside_content", "").splitlines():
        assert secret not in result.stderr
    lines = [line for line in result.stderr.splitlines() if not line.startswith("    hint:")][:-1]
    # file:line:column: message, or file: message where no position exists (a link, a pipe)
    assert lines and all(line.startswith("policy/") and (line.split(":")[1].isdigit() or line.split(":")[1][:1] == " ")
                         for line in lines)
    where = [(line.split(":")[0], int(line.split(":")[1]) if line.split(":")[1].isdigit() else 0) for line in lines]
    assert sorted(where) == where
    assert result.stderr.count("hint:") == len(lines)  # every problem comes with a hint
