"""Quotes checked against the sections they cite (macros/policy/sources.py), on the real
policy and on broken copies of it; the source texts and their recorded fixes."""

from pathlib import Path

from conftest import SOURCES, VERSION, agenda
from helpers import edit, line_of

from macros.policy.sources import fragments, load_source, normalise_line, parse_source
from macros.policy.validate import load_versions

SVA = SOURCES / "deventer" / "sva-2024-2027.txt"


def problems_of(root: Path) -> list[str]:
    _, problems = load_versions(root)
    return [str(p) for p in problems]


def test_the_frozen_policy_passes_the_quote_check():
    result = agenda("validate")
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_fabricated_clause_in_a_goal_fails_with_line_and_the_source_sentence(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "thema-ondermijning.yaml",
                "onaantrekkelijk te laten zijn voor de georganiseerde criminaliteit.",
                "onaantrekkelijk te laten zijn voor de georganiseerde criminaliteit, en sluiten we alle coffeeshops.")
    line = line_of(path, "en sluiten we alle coffeeshops")
    assert problems_of(Path("policy")) == [
        f"policy/{VERSION}/thema-ondermijning.yaml:{line}:7: not in the cited source (§ 4.2 of sva-2024-2027): "
        "\"...zijn voor de georganiseerde criminaliteit, en sluiten we alle coffeeshops\"\n"
        # the source writes "Doel: de samenleving ..."
        "    hint: the source says: \"de samenleving zo goed als mogelijk beschermen tegen de ondermijnende effecten "
        "van criminaliteit en de gemeente onaantrekkelijk te laten zijn voor de georganiseerde criminaliteit.\""]


def test_one_word_changed_in_the_vision_fails(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "strategie.yaml", "creëren we randvoorwaarden om", "creëren we voorwaarden om")
    line = line_of(path, "creëren we voorwaarden om")
    assert problems_of(Path("policy")) == [
        f"policy/{VERSION}/strategie.yaml:{line}:5: not in the cited source (§ 3.1 of sva-2024-2027): "
        "\"...buiten het veiligheidsdomein creëren we voorwaarden om in onderlinge verdraagzaamheid fijn samen te "
        "leven\"\n"
        "    hint: the source says: \"Door de gezamenlijke inspanning van vele partners binnen en buiten het "
        "veiligheidsdomein creëren we randvoorwaarden om in onderlinge verdraagzaamheid fijn samen te leven.\""]


def test_quote_attributed_to_the_wrong_section_names_the_right_one(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "partners.yaml", 'casussen.\n    source: {document: sva-2024-2027, section: "5.3, voetnoot 2"}',
                'casussen.\n    source: {document: sva-2024-2027, section: "1.1"}')
    line = line_of(path, "Procesregisseurs zijn verantwoordelijk")
    found = problems_of(Path("policy"))
    assert found[0] == (
        f"policy/{VERSION}/partners.yaml:{line}:7: not in the cited source (§ 1.1 of sva-2024-2027): "
        "\"Procesregisseurs zijn verantwoordelijk om het vastgelopen proces of stagnerende samenwerking in een casus "
        "weer vlot te trekken\"\n"
        "    hint: this sentence is in § 5.3, voetnoot 2: cite that section")
    # each sentence is reported at its own column of the line
    assert [p.split("\n")[0].split(":")[2] for p in found] == ["7", "135", "162"]


def test_a_section_the_source_does_not_have(project, monkeypatch):
    monkeypatch.chdir(project)
    path = edit(project, "thema-ondermijning.yaml", 'section: "4.1.3"}', 'section: "4.1.4"}')
    line = line_of(path, 'section: "4.1.4"')
    assert problems_of(Path("policy")) == [
        f"policy/{VERSION}/thema-ondermijning.yaml:{line}:52: section '4.1.4' is not marked in the source text of "
        "'sva-2024-2027'\n    hint: did you mean '4.1.3'? the sections are the [[§ ...]] markers of sva-2024-2027.txt"]


def test_editorial_text_is_not_checked_but_needs_an_existing_field(project, monkeypatch):
    monkeypatch.chdir(project)
    source = '    source: {document: sva-2024-2027, section: "6.2.1"}\n'
    path = edit(project, "partners.yaml", f"      Verhuurder.\n{source}    editorial:\n      description:",
                f"      Verhuurder met veel woningen.\n{source}    editorial:\n      beschrijving: geen reden\n"
                "      description:")
    line = line_of(path, "beschrijving: geen reden")
    assert problems_of(Path("policy")) == [
        f"policy/{VERSION}/partners.yaml:{line}:7: 'editorial' names 'beschrijving', which this item does not have\n"
        "    hint: list only fields of this item that the editors wrote or chose"]


def test_a_fix_that_no_longer_matches_is_reported(project, monkeypatch):
    monkeypatch.chdir(project)
    fixes = project / "sources" / "deventer" / "sva-2024-2027.fixes.yaml"
    fixes.write_text(fixes.read_text(encoding="utf-8").replace('find: "Rentrete"', 'find: "Rentreet"'), encoding="utf-8")
    line = line_of(fixes, 'find: "Rentreet"')
    found = problems_of(Path("policy"))
    assert found[-1] == (f"sources/deventer/sva-2024-2027.fixes.yaml:{line}:5: fix 13 no longer matches the text of "
                        "sva-2024-2027.txt: 'Rentreet'\n    hint: correct 'find' to the text as it stands, or remove the fix")
    # without the fix, the quote that relies on it fails where it is
    assert any("Rentree" in p and "fundament.yaml" in p for p in found[:-1])


def test_a_document_without_its_text(project, monkeypatch):
    monkeypatch.chdir(project)
    (project / "sources" / "deventer" / "ova-2018.txt").unlink()
    line = line_of(project / "policy" / VERSION / "version.yaml", "file: ova-2018.txt")
    assert problems_of(Path("policy")) == [
        f"policy/{VERSION}/version.yaml:{line}:11: source text 'ova-2018.txt' of document 'ova-2018' not found\n"
        "    hint: put the text of the document in sources/deventer/ova-2018.txt"]


def test_normalising_keeps_words_and_drops_markup():
    assert normalise_line("- ✓ **Samenwerking:** het “plan” is\u00ad klaar") == "Samenwerking: het 'plan' is klaar"
    assert normalise_line("> In het [Meerjarenbeleidsplan](#)<sup>2</sup> *staat*") == "In het Meerjarenbeleidsplan staat"
    assert normalise_line("1. Bewustwording en weerbaarheid") == "Bewustwording en weerbaarheid"
    assert [f for _, f in fragments("Eerste zin. Tweede zin:\n\n- punt een;\n- punt (...) twee")] == [
        "Eerste zin", "Tweede zin", "punt een", "punt", "twee"]


def test_sections_include_subsections_and_continue_after_a_footnote():
    text = load_source(SVA, "sva-2024-2027")
    assert text.parents["4.3.1"] == "4.3" and text.parents["4.3"] == "4" and text.parents["5.3, voetnoot 2"] == "5.3"
    # the footnote of 5.3 is printed inside 5.3.1, and is part of 5.3, not of 5.3.1
    footnote = "Procesregisseurs zijn verantwoordelijk om het vastgelopen proces"
    assert text.contains("5.3", footnote) and not text.contains("5.3.1", footnote)
    assert text.contains("5", footnote)
    # a case box printed in the middle of a sentence of 4.1.1 does not cut that sentence
    assert text.contains("4.1.1", "de omstandigheden worden als beter ervaren dan in het land van herkomst")
    # a citation of two sections
    assert text.contains("4.2 / 5.2", "De samenleving zo goed als mogelijk beschermen")


def test_fixes_are_applied_in_order_and_kept_for_review(tmp_path):
    (tmp_path / "doc.txt").write_text("[[§ 1]]\n\nDe Ondernijning is afgebro-\n\nken.\n", encoding="utf-8")
    (tmp_path / "doc.fixes.yaml").write_text(
        'document: doc\nfixes:\n  - find: "afgebro-\\n\\nken"\n    replace: "afgebroken"\n    kind: afbreking\n'
        "    reason: Woord afgebroken.\n  - find: Ondernijning\n    replace: Ondermijning\n    kind: ocr\n"
        "    reason: Misgelezen.\n", encoding="utf-8")
    text = parse_source(tmp_path / "doc.txt", "doc", "sources/x/doc.txt")
    assert text.problems == []
    assert [f.kind for f in text.fixes] == ["afbreking", "ocr"]
    assert text.contains("1", "De Ondermijning is afgebroken")
    assert not text.contains("1", "Ondernijning")


def test_a_source_text_that_is_a_link_is_refused_and_never_read(project, tmp_path):
    """Sources arrive in pull requests like policy files: a link to a file outside is named, not followed."""
    secret = tmp_path / "secret.txt"
    secret.write_text("[[§ 1.1]]\nGEHEIM-uit-een-ander-bestand\n", encoding="utf-8")
    text = project / "sources" / "deventer" / "sva-2024-2027.txt"
    text.unlink()
    text.symlink_to(secret)
    result = agenda("validate", cwd=project)
    assert result.returncode == 1
    assert ("sources/deventer/sva-2024-2027.txt: is a symbolic link (a shortcut to another file or folder); "
            "it is not read") in result.stdout + result.stderr
    assert "GEHEIM" not in result.stdout + result.stderr
