"""Schema and cross-file checks, on the frozen policy (tests/fixtures/project) and on broken copies of it."""

from pathlib import Path

from conftest import POLICY, VERSION, agenda
from helpers import edit, line_of

from macros.policy.validate import load_versions


def problems_of(root: Path) -> list[str]:
    _, problems = load_versions(root)
    return [str(p) for p in problems]




def test_the_frozen_policy_is_valid_with_its_four_versions():
    versions, problems = load_versions(POLICY)
    assert problems == []
    assert [f"{v.folder.parent.name}/{v.folder.name}" for v in versions] == [
        "deventer/2020-2023", "deventer/2024-2027", "deventer/2024-2027-concept", "doetinchem/2020-2023"]


def test_unknown_key_suggests_the_right_one(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "thema-ondermijning.yaml", "\n    title: Bewustwording en weerbaarheid",
                "\n    titel: Bewustwording en weerbaarheid")
    line = line_of(path, "titel: Bewustwording")
    # One mistake, one message: not also "the key 'title' is missing".
    assert problems_of(Path("policy")) == [
        f"policy/{VERSION}/thema-ondermijning.yaml:{line}:5: unknown key 'titel' (pillar 'bewustwording-weerbaarheid')\n"
        "    hint: did you mean 'title'?"]


def test_missing_source(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "fundament.yaml", '        source: {document: sva-2024-2027, section: "6.1.1"}\n', "")
    line = line_of(path, "- id: voetbal")
    found = problems_of(Path("policy"))
    assert len(found) == 1
    assert found[0].startswith(f"policy/{VERSION}/fundament.yaml:{line}:9: the key 'source' is missing "
                               "(group 'openbare-orde' > topic 'voetbal')")
    assert "hint: add 'source: {document: <document id from version.yaml>, section: \"<number>\"}'" in found[0]


def test_number_where_text_expected_and_list_where_text_expected(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "thema-ondermijning.yaml", "id: bewustwording-weerbaarheid", "id: 12")
    found = problems_of(Path("policy"))
    line = line_of(path, "id: 12")
    assert found[0] == (f"policy/{VERSION}/thema-ondermijning.yaml:{line}:9: expected text, found a number (12) "
                        '(pillar 1)\n    hint: put the value between quotes: "12"')
    # the actions that served this pillar now point at nothing: said once per action
    assert all("unknown pillar or fundament topic or fundament group 'bewustwording-weerbaarheid'" in p for p in found[1:])


def test_duplicate_id_across_files_names_the_first(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "fundament.yaml", "id: voetbal", "id: bewustwording-weerbaarheid")
    found = problems_of(Path("policy"))
    first = line_of(path, "id: bewustwording-weerbaarheid")
    line = line_of(project / "policy" / VERSION / "thema-ondermijning.yaml", "id: bewustwording-weerbaarheid")
    # Files are read in name order, so the theme's id is the second one.
    assert (f"policy/{VERSION}/thema-ondermijning.yaml:{line}:9: the id 'bewustwording-weerbaarheid' is used twice in this version\n"
            f"    hint: it is already used in policy/{VERSION}/fundament.yaml:{first}; ids must be unique: choose another") in found


def test_unknown_partner_reference_with_did_you_mean(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "thema-ondermijning.yaml", ", riec,", ", riek,")
    found = problems_of(Path("policy"))
    assert len(found) == 1
    line = line_of(path, ", riek,")
    assert found[0].startswith(f"policy/{VERSION}/thema-ondermijning.yaml:{line}:")
    assert "unknown partner 'riek'" in found[0]
    assert "hint: did you mean 'riec'? (known ids are listed in the partner ids of this version)" in found[0]


def test_reference_to_the_wrong_kind_of_item(project, monkeypatch):
    monkeypatch.chdir(project)
    edit(project, "uitvoeringsagenda-2024.yaml", "serves: bewustwording-weerbaarheid", "serves: riec")
    found = problems_of(Path("policy"))
    assert len(found) == 1
    assert "'riec' is a partner, not a pillar or fundament topic or fundament group" in found[0]


def test_all_problems_are_reported_sorted(project, monkeypatch):
    monkeypatch.chdir(project)
    edit(project, "voorwoord.yaml", "kind: chapter", "kind: chaptr")
    edit(project, "fundament.yaml", "title: Voetbal", "title: Voetbal <b>")
    (project / "policy" / VERSION / "leeg.yaml").write_text("", encoding="utf-8")
    found = problems_of(Path("policy"))
    files = [p.split(":")[0] for p in found]
    assert files == sorted(files) and len(found) == 3
    assert "unknown kind 'chaptr'" in found[2] and "did you mean 'chapter'?" in found[2]
    assert "'Voetbal <b>' contains a character that is not allowed in a title" in found[0]
    assert "the file is empty" in found[1]


def test_cli_exit_codes_and_messages(project):
    ok = agenda("validate", cwd=project)
    assert ok.returncode == 0 and ok.stdout.startswith("OK: 4 version(s) (deventer/2020-2023, deventer/2024-2027, ")
    path = edit(project, "thema-ondermijning.yaml", "\n    title: Bewustwording en weerbaarheid",
                "\n    titel: Bewustwording en weerbaarheid")
    bad = agenda("validate", "policy", cwd=project)
    line = line_of(path, "titel:")
    assert bad.returncode == 1
    assert f"policy/{VERSION}/thema-ondermijning.yaml:{line}:5: unknown key 'titel'" in bad.stderr
    assert bad.stderr.rstrip().endswith("1 problem found.")  # the misspelt key, not also "title is missing"


def test_cli_on_a_missing_folder(tmp_path):
    result = agenda("validate", str(tmp_path / "nope"))
    assert result.returncode == 1 and "this folder does not exist" in result.stderr
