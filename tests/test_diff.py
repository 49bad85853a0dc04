"""Comparing versions: matched by id, so rewording is a change, not add + remove."""

from dataclasses import replace

from conftest import POLICY, VERSION, agenda

from macros.diff import diff, format_text, word_diff
from macros.model import build_agenda
from macros.validate import load_versions


def real(version: str):
    (source,), problems = load_versions(POLICY / "deventer" / version)
    assert problems == []
    return build_agenda(source.municipality.data, [f.data for f in source.files])


def test_identical_versions_have_no_changes():
    a = real("2024-2027")
    assert diff(a, a) == []


def test_reworded_pillar_title_is_one_change():
    old = real("2024-2027")
    theme = old.themes[0]
    pillar = replace(theme.pillars[0], title="Bewustwording en weerbaarheid vergroten")
    new = replace(old, themes=(replace(theme, pillars=(pillar,) + theme.pillars[1:]),) + old.themes[1:])
    (change,) = diff(old, new)
    assert change.kind == "changed" and change.entry.key == pillar.id
    assert [(f.field, f.old, f.new) for f in change.fields] == [
        ("title", "Bewustwording en weerbaarheid", "Bewustwording en weerbaarheid vergroten")]
    assert change.old_title == "Bewustwording en weerbaarheid"


def test_added_and_removed_items():
    old = real("2024-2027")
    new = replace(old, partners=old.partners[1:] + (replace(old.partners[0], id="nieuwe-partner", name="Nieuw"),))
    kinds = sorted((c.kind, c.entry.key) for c in diff(old, new))
    assert kinds == [("added", "nieuwe-partner"), ("removed", old.partners[0].id)]


def test_concept_to_adopted_shows_the_new_vision():
    changes = diff(real("2024-2027-concept"), real("2024-2027"))
    vision = next(c for c in changes if c.entry.key == "visie")
    assert vision.kind == "changed"
    assert vision.fields[0].old.strip() == "Samen met onze (veiligheids)partners zetten we ons in voor een veilig Deventer."
    assert any(c.kind == "added" and c.entry.key == "voorwoord" for c in changes)


def test_word_diff_keeps_every_word():
    runs = word_diff("Samen met onze partners zetten we", "Samen zetten we ons")
    assert "".join(t for op, t in runs if op != "+") == "Samen met onze partners zetten we"
    assert "".join(t for op, t in runs if op != "-") == "Samen zetten we ons"


def test_cli_diff():
    result = agenda("diff", "policy/deventer/2024-2027-concept", f"policy/{VERSION}")
    assert result.returncode == 0
    first = result.stdout.splitlines()[0]
    assert first.startswith("Changes from 2024-2027-concept to 2024-2027: ")
    assert "  ~ Missie en visie 'Visie' (visie): tekst" in result.stdout
