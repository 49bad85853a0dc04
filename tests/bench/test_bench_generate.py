"""bench/agenda_bench/generate.py: a generated 1x policy set is valid policy and the same on every run."""

import sys

import yaml

from conftest import POLICY, ROOT, agenda

sys.path.insert(0, str(ROOT / "bench"))

from agenda_bench.generate import Generator, Pool  # noqa: E402


def _data(project):
    return {p.relative_to(project).as_posix(): yaml.safe_load(p.read_text(encoding="utf-8"))
            for p in sorted((project / "policy").rglob("*.yaml"))}


def test_a_generated_set_passes_agenda_validate_and_is_reproducible(tmp_path):
    policy = POLICY
    first, second = tmp_path / "first", tmp_path / "second"
    written = Generator(1, Pool(policy), policy).write(first)
    Generator(1, Pool(policy), policy).write(second)

    result = agenda("validate", "policy", cwd=first)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK: 3 version(s) (deventer/2020-2023, deventer/2024-2027, deventer/2024-2027-concept)" in result.stdout
    assert written["files"] == len(list((first / "policy").rglob("*.yaml")))

    data = _data(first)
    assert data == _data(second)
    actions = [a for name, d in data.items() if name.startswith("policy/deventer/2024-2027/uitvoeringsagenda")
               for a in d["actions"]]
    assert len(actions) == 50  # ACTIONS_PER_REPLICA at 1x
