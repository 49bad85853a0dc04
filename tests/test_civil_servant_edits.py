"""A civil servant's valid edits never turn a test red: the proof.

A copy of the live project gets a set of legitimate edits (tests/civil_servant_edits.py: an
editorial text reworded, a partner added to an action, a partner nothing refers to removed, a
concept for the next plan period). Then the live-policy checks and the whole collection of
live-policy tests (`-m live_policy`) run against that copy, through AGENDA_LIVE_ROOT: all pass.
Every other test reads the frozen copy in tests/fixtures/project, which the edits do not touch.
"""

import subprocess
import sys

import pytest

from civil_servant_edits import apply_all
from conftest import ENV, LIVE, ROOT, agenda, make_project

pytestmark = pytest.mark.slow


def test_the_edits_change_what_they_say(tmp_path):
    copy = make_project(tmp_path / "live", data=LIVE)
    before = {p.relative_to(copy): p.read_bytes() for p in (copy / "policy").rglob("*.yaml")}
    done = apply_all(copy)
    after = {p.relative_to(copy): p.read_bytes() for p in (copy / "policy").rglob("*.yaml")}
    changed = {p for p in before if before[p] != after.get(p)}
    added = set(after) - set(before)
    assert len(done) >= 3 and len(changed) >= 2 and any(p.name == "version.yaml" for p in added)
    assert b"status: concept" in next(after[p] for p in added if p.name == "version.yaml")


@pytest.mark.timeout(1800)
def test_after_legitimate_edits_every_live_policy_check_passes(tmp_path):
    copy = make_project(tmp_path / "live", data=LIVE)
    done = apply_all(copy)
    assert agenda("validate", "policy", cwd=copy).returncode == 0, done
    assert agenda("fmt", "--check", "policy", cwd=copy).returncode == 0, done
    result = subprocess.run([sys.executable, "-m", "pytest", "-m", "live_policy", "-q", "-p", "no:xdist",
                             "--basetemp", str(tmp_path / "inner"), "tests"],
                            cwd=ROOT, env={**ENV, "AGENDA_LIVE_ROOT": str(copy)}, capture_output=True, text=True,
                            timeout=1800)
    assert result.returncode == 0, "\n".join(done) + "\n" + result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in result.stdout and " failed" not in result.stdout and "error" not in result.stdout
