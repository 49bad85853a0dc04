"""`extra.agenda` in mkdocs.yml is read into checked settings: a typo stops the build with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import agenda

from macros.policy.problems import PolicyError, format_problems
from macros.site.settings import AgendaSettings, EditorSettings, agenda_settings


def config(agenda_block, path="/project/mkdocs.yml") -> dict:
    return {"config_file_path": path, "extra": {"agenda": agenda_block}}


def problem(agenda_block) -> str:
    with pytest.raises(PolicyError) as err:
        agenda_settings(config(agenda_block))
    return format_problems(err.value.problems)


def test_settings_are_read_with_folders_relative_to_the_configuration():
    s = agenda_settings(config({"policy": "../../policy", "municipality": "stad", "version": 2024,
                                "templates": "templates", "editor": {"backend": "github", "repo": "o/r"}},
                               "/project/sites/stad/mkdocs.yml"))
    assert s == AgendaSettings(Path("/project/sites/stad/../../policy"), "stad", "2024", "/project/sites/stad/templates", {},
                               EditorSettings(backend="github", repo="o/r"))
    assert s.editor.given()["repo"] == "o/r" and "app_id" not in s.editor.given()


def test_nothing_given_means_the_defaults():
    assert agenda_settings({"config_file_path": "/p/mkdocs.yml", "extra": {}}) == AgendaSettings(Path("/p/policy"))


def test_a_misspelt_key_is_named_with_the_key_that_was_meant():
    assert problem({"municiplaity": "stad"}) == (
        "mkdocs.yml:1:1: extra.agenda: unknown key 'municiplaity'\n"
        "    hint: did you mean 'municipality'?\n1 problem found.")


def test_a_misspelt_editor_key_and_an_unknown_backend_are_named():
    assert "extra.agenda.editor: unknown key 'brnach'" in problem({"editor": {"brnach": "main"}})
    assert problem({"editor": {"backend": "bitbucket"}}) == (
        "mkdocs.yml:1:1: extra.agenda.editor.backend: 'bitbucket' is not supported\n"
        "    hint: use gitlab or github\n1 problem found.")


def test_a_value_of_the_wrong_type_is_named():
    assert "extra.agenda.version must be text, not list" in problem({"version": ["2024-2027"]})
    assert "extra.agenda must be a block of keys, not str" in problem("deventer")


def test_agenda_build_stops_on_a_typo_in_the_settings(project):
    """The command tells where and what, exits non-zero and writes no site."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "    municipality:" in text
    (project / "mkdocs.yml").write_text(text.replace("    municipality:", "    municiplaity:", 1), encoding="utf-8")
    result = agenda("build", "--preview", "-f", "mkdocs.yml", "-d", "out", cwd=project)
    assert result.returncode == 1
    assert result.stderr.endswith("mkdocs.yml:1:1: extra.agenda: unknown key 'municiplaity'\n"
                                  "    hint: did you mean 'municipality'?\n1 problem found.\nThe site was not changed.\n")
    assert not (project / "out").exists()
