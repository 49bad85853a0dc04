"""The CI configuration keeps pull requests from strangers harmless (parsed, not read).

Jobs that run a pull request's code get read-only permissions and no
secrets; only a separate job that fetches and runs nothing of the pull
request may post the comment; `pull_request_target` is never used; the
annotations and the comment do not wait for the test suite. The files are
also checked against the GitHub-workflow and GitLab-CI schemas that
check-jsonschema ships (no network).
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = {p.name: p for p in sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))}


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def triggers(workflow: dict) -> set[str]:
    on = workflow["on"]
    return {on} if isinstance(on, str) else set(on)


def writes(permissions) -> set[str]:
    if permissions in ("write-all",):
        return {"everything"}
    return {scope for scope, level in (permissions or {}).items() if level == "write"}


def steps(job: dict) -> list[dict]:
    return job.get("steps", [])


def runs_code_of_the_request(job: dict) -> bool:
    return any(str(s.get("uses", "")).startswith("actions/checkout") for s in steps(job))


def test_there_are_workflows():
    assert {"policy.yml", "policy-comment.yml", "tests.yml"} <= set(WORKFLOWS)


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_no_workflow_uses_pull_request_target(name):
    assert "pull_request_target" not in triggers(load(WORKFLOWS[name]))


@pytest.mark.parametrize("name", sorted(WORKFLOWS))
def test_jobs_that_run_pull_request_code_may_only_read(name):
    workflow = load(WORKFLOWS[name])
    if "pull_request" not in triggers(workflow):
        return
    assert workflow.get("permissions") == {"contents": "read"}, "the default for every job: read only"
    text = WORKFLOWS[name].read_text(encoding="utf-8")
    assert "secrets." not in text, "no secret in a workflow that runs pull request code"
    for job_name, job in workflow["jobs"].items():
        granted = writes(job.get("permissions", workflow["permissions"]))
        if granted:
            # Only the deploy may write, and it runs for pushes to main alone, after the checks.
            assert granted <= {"pages", "id-token"} and "github.event_name == 'push'" in job.get("if", ""), job_name
            assert not runs_code_of_the_request(job), job_name
        for step in steps(job):
            if str(step.get("uses", "")).startswith("actions/checkout"):
                assert step.get("with", {}).get("persist-credentials") is False, f"{job_name}: the token stays out of the checkout"
            assert "${{ github.event.pull_request" not in str(step.get("run", "")), \
                f"{job_name}: text from the pull request is passed as a variable, never pasted into a script"


def test_the_comment_is_posted_by_a_job_that_runs_nothing_of_the_pull_request():
    workflow = load(WORKFLOWS["policy-comment.yml"])
    assert set(workflow["on"]) == {"workflow_run"} and workflow["on"]["workflow_run"]["workflows"] == ["policy"]
    assert workflow["permissions"] == {}
    (job,) = workflow["jobs"].values()
    assert writes(job["permissions"]) == {"pull-requests"}
    assert set(job["permissions"]) == {"actions", "pull-requests"}
    assert [s.get("uses", "").split("@")[0] for s in steps(job) if "uses" in s] == ["actions/download-artifact"]
    script = "\n".join(s.get("run", "") for s in steps(job))
    assert "gh pr comment" in script
    for forbidden in ("scripts/", ".venv", "python", "agenda", "pip", "bash ", "source ", "git "):
        assert forbidden not in script, f"the comment job must not run {forbidden!r}"
    assert "headRefOid" in script and "HEAD_SHA" in script, "the pull request number is checked against the run's commit"
    assert "*[!0-9]*" in script, "the pull request number must be digits only"


def test_annotations_and_comment_do_not_wait_for_the_test_suite():
    policy = load(WORKFLOWS["policy.yml"])
    comment = load(WORKFLOWS["policy-comment.yml"])
    # The comment waits for the whole 'policy' workflow (workflow_run): it must not hold the slow tests.
    assert comment["on"]["workflow_run"]["workflows"] == [policy["name"]]
    for job in policy["jobs"].values():
        script = "\n".join(s.get("run", "") for s in steps(job))
        assert "test.sh" not in script and "pytest" not in script
    check = policy["jobs"]["check"]
    assert any("scripts/pr-check.sh" in s.get("run", "") and "github" in s.get("run", "") for s in steps(check))
    tests = load(WORKFLOWS["tests.yml"])
    assert any("scripts/test.sh" in s.get("run", "") for s in steps(tests["jobs"]["test"]))
    commands = [line for line in (ROOT / "scripts" / "pr-check.sh").read_text(encoding="utf-8").splitlines()
                if not line.lstrip().startswith("#")]
    assert not any("test.sh" in line or "pytest" in line for line in commands)


def test_gitlab_only_the_comment_job_holds_the_token_and_it_fetches_nothing():
    ci = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    jobs = {name: job for name, job in ci.items() if isinstance(job, dict) and "script" in job}
    comment = jobs["comment"]
    assert comment["variables"]["GIT_STRATEGY"] == "none"
    assert comment["environment"]["name"] == "policy-comment"  # the token is scoped to this environment
    assert comment["needs"] == [{"job": "check", "artifacts": True}]
    script = "\n".join(comment["script"])
    for forbidden in ("scripts/", ".venv", "agenda", "pip ", "bash "):
        assert forbidden not in script
    for name, job in jobs.items():
        if name != "comment":
            assert "POLICY_BOT_TOKEN" not in yaml.safe_dump(job), name
            assert "environment" not in job, name
    assert "test.sh" not in "\n".join(jobs["check"]["script"])
    assert jobs["test"]["needs"] == [] and jobs["check"]["needs"] == []  # in parallel, feedback first
    assert "pull_request_target" not in (ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8")


@pytest.mark.parametrize("schema, files", [
    ("vendor.github-workflows", [str(p) for p in WORKFLOWS.values()]),
    ("vendor.gitlab-ci", [str(ROOT / ".gitlab-ci.yml")]),
])
def test_ci_files_follow_the_published_schemas(schema, files):
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, *files],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def gitlab() -> dict:
    return yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))


def test_a_pull_request_that_changes_only_the_policy_skips_the_suite_but_not_the_live_checks():
    tests = load(WORKFLOWS["tests.yml"])
    assert tests["on"]["pull_request"] == {"paths-ignore": ["policy/**", "sources/**"]}
    assert tests["on"]["push"] == {"branches": ["main"]}  # always on main, and the deploy waits for it
    live = load(WORKFLOWS["live.yml"])
    assert live["on"]["pull_request"] is None and live["on"]["push"] == {"branches": ["main"]}
    assert [s["run"] for s in steps(live["jobs"]["live"]) if "run" in s] == ["bash scripts/test.sh -q -m live_policy"]


def test_gitlab_runs_the_suite_when_anything_but_the_policy_changes():
    ci = gitlab()
    (main, request) = ci[".full-suite"]["rules"]
    assert main == {"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"} and "changes" not in main
    assert request["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    files, folders = request["changes"]
    assert files == "*"  # every file at the top (mkdocs.yml, pyproject.toml, the CI files, ...)
    listed = set(re.fullmatch(r"\{(.+)\}/\*\*/\*", folders).group(1).split(","))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split("\n")
    top_folders = {path.split("/")[0] for path in tracked if "/" in path}
    assert listed == top_folders - {"policy", "sources"}
    for name in ("test", "properdocs"):
        assert ci[name]["extends"] == ".full-suite", name
    assert "rules" not in ci["live"] and ci["live"]["script"] == ["bash scripts/test.sh -q -m live_policy"]
    assert set(ci["pages"]["needs"]) == {"check", "live", "test", "properdocs"}


def test_no_municipality_is_named_in_the_ci_files():
    names = {p.name for p in (ROOT / "sites").iterdir()} | {p.name for p in (ROOT / "policy").iterdir() if p.is_dir()}
    files = [*WORKFLOWS.values(), ROOT / ".gitlab-ci.yml", ROOT / "scripts" / "pr-check.sh", ROOT / "scripts" / "build-all.sh"]
    for path in files:
        text = path.read_text(encoding="utf-8").lower()
        assert [n for n in names if re.search(rf"(?<![a-z0-9]){re.escape(n.lower())}(?![a-z0-9])", text)] == [], path


def test_every_site_is_built_with_its_own_public_address(tmp_path):
    """scripts/build-all.sh finds the sites by listing sites/. With --into (what CI publishes) each
    gets SITE_URL_<NAME> from the environment or from the repository variables GitHub passes as
    JSON, else <SITE_URL><name>/; without, site/ and site-<name>/ as before."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "build-all.sh", project / "scripts")
    for name in ("stad-noord", "dorp"):
        (project / "sites" / name).mkdir(parents=True)
        (project / "sites" / name / "mkdocs.yml").write_text("INHERIT: ../../mkdocs.yml\n", encoding="utf-8")
    (project / ".venv" / "bin").mkdir(parents=True)
    (project / ".venv" / "bin" / "python").symlink_to(sys.executable)
    log = tmp_path / "calls.txt"
    fake = project / ".venv" / "bin" / "agenda"  # records what the real `agenda build` would be given
    fake.write_text(f'#!/bin/sh\necho "$SITE_URL_STAD_NOORD|$SITE_URL_DORP|$*" >> {log}\n', encoding="utf-8")
    fake.chmod(0o755)
    env = {"PATH": "/usr/bin:/bin", "AGENDA_SKIP_SETUP": "1", "SITE_URL": "https://veiligheid.example/",
           "AGENDA_CI_VARIABLES": '{"SITE_URL_DORP": "https://dorp.example/", "HOME": "/x", "SITE_URL_X": "a\\nb"}'}
    result = subprocess.run(["bash", "scripts/build-all.sh", "--into", "out"], cwd=project, env=env, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "|https://dorp.example/|build -f mkdocs.yml -d out",
        "|https://dorp.example/|build -f sites/dorp/mkdocs.yml -d out/dorp",
        "https://veiligheid.example/stad-noord/|https://dorp.example/|build -f sites/stad-noord/mkdocs.yml -d out/stad-noord",
    ]
    log.unlink()
    preview = subprocess.run(["bash", "scripts/build-all.sh", "--preview"], cwd=project,
                             env={"PATH": "/usr/bin:/bin", "AGENDA_SKIP_SETUP": "1"}, capture_output=True, text=True,
                             timeout=60)
    assert preview.returncode == 0, preview.stderr
    assert log.read_text(encoding="utf-8").splitlines() == [
        "||build --preview -f mkdocs.yml -d site", "||build --preview -f sites/dorp/mkdocs.yml -d site-dorp",
        "||build --preview -f sites/stad-noord/mkdocs.yml -d site-stad-noord"]
