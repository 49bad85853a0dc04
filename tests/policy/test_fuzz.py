"""Fuzzing the loader and validator with mutated real policy files (Hypothesis).

Every example must give exit code 0 or 1 and problems that name a policy
file, quote at most a short excerpt, and take a few seconds of CPU time at most: never
a traceback, a crash or a hang. Derandomized, so every run checks the same
examples; `bench/fuzz.py` runs many more.
"""

from hypothesis import HealthCheck, given, settings

from conftest import agenda, make_project
from fuzzing import check_cli, children_cpu, mutated_file, run_in_process, small_project

def fuzz(examples: int) -> settings:
    return settings(max_examples=examples, derandomize=True, deadline=None, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


@fuzz(300)
@given(example=mutated_file())
def test_mutated_policy_files_get_clean_problems(tmp_path_factory, example):
    policy = small_project(tmp_path_factory.mktemp("fuzz"))
    problems, seconds, wrong = run_in_process(policy, example.name, example.raw, time_limit=10)
    assert wrong == []


@fuzz(8)
@given(example=mutated_file())
def test_mutated_policy_files_through_the_command_line(tmp_path_factory, example):
    project = make_project(tmp_path_factory.mktemp("cli") / "project")
    (project / "policy" / "deventer" / "2024-2027" / example.name).write_bytes(example.raw)
    started = children_cpu()  # CPU time of the command: a busy machine does not make it fail
    result = agenda("validate", cwd=project)
    assert check_cli(result, children_cpu() - started, time_limit=20) == []
    assert result.stdout == "" if result.returncode else result.stdout.startswith("OK:")
