"""Comparing versions: matched by id, so rewording is a change, not add + remove."""

from dataclasses import replace

from conftest import POLICY, VERSION, agenda
from helpers import edit

from macros.compare.diff import diff, summary, word_diff
from macros.policy.model import build_agenda
from macros.policy.validate import load_versions


def real(version: str):
    (source,), problems = load_versions(POLICY / "deventer" / version)
    assert problems == []
    return build_agenda(source.municipality.data, [f.data for f in source.files])


def test_identical_versions_have_no_changes():
    a = real("2024-2027")
    assert {c.kind for c in diff(a, a)} == {"unchanged"}


def test_reworded_pillar_title_is_one_change():
    old = real("2024-2027")
    theme = old.themes[0]
    pillar = replace(theme.pillars[0], title="Bewustwording en weerbaarheid vergroten")
    new = replace(old, themes=(replace(theme, pillars=(pillar,) + theme.pillars[1:]),) + old.themes[1:])
    (change,) = [c for c in diff(old, new) if c.kind != "unchanged"]
    assert change.kind == "changed" and change.entry.key == pillar.id
    assert change.renamed and not change.moved and change.fields == ()
    assert change.old_title == "Bewustwording en weerbaarheid"


def test_moved_speerpunt_is_one_change_not_removed_and_added():
    old = real("2024-2027")
    theme = old.themes[0]
    first, second = theme.pillars[0], theme.pillars[1]
    moved = first.speerpunten[0]
    pillars = (replace(first, speerpunten=first.speerpunten[1:]), replace(second, speerpunten=second.speerpunten + (moved,)))
    new = replace(old, themes=(replace(theme, pillars=pillars + theme.pillars[2:]),) + old.themes[1:])
    (change,) = [c for c in diff(old, new) if c.kind != "unchanged"]
    assert change.entry.key == moved.id and change.moved and change.old_parent == first.title
    assert summary(diff(old, new))["moved"] == 1


def test_added_and_removed_items():
    old = real("2024-2027")
    new = replace(old, partners=old.partners[1:] + (replace(old.partners[0], id="nieuwe-partner", name="Nieuw"),))
    kinds = sorted((c.kind, c.entry.key) for c in diff(old, new) if c.kind != "unchanged")
    assert kinds == [("added", "nieuwe-partner"), ("removed", old.partners[0].id)]


def test_concept_to_adopted_shows_the_new_vision_word_by_word():
    changes = diff(real("2024-2027-concept"), real("2024-2027"))
    vision = next(c for c in changes if c.entry.key == "visie")
    assert vision.kind == "changed"
    field = vision.fields[0]
    assert field.old.strip() == "Samen met onze (veiligheids)partners zetten we ons in voor een veilig Deventer."
    runs = word_diff(field.old, field.new)
    assert [t.strip() for op, t in runs if op == "-"] == ["met onze (veiligheids)partners"]
    inserted = [t.strip() for op, t in runs if op == "+"]
    assert inserted[0].startswith("Door de gezamenlijke inspanning van vele partners") and len(inserted) == 1
    assert any(c.kind == "added" and c.entry.key == "voorwoord" for c in changes)


def test_word_diff_keeps_every_word():
    runs = word_diff("Samen met onze partners zetten we", "Samen zetten we ons")
    assert "".join(t for op, t in runs if op != "+") == "Samen met onze partners zetten we"
    assert "".join(t for op, t in runs if op != "-") == "Samen zetten we ons"


def test_cli_diff_of_two_folders_is_markdown_and_exits_1():
    result = agenda("diff", "policy/deventer/2024-2027-concept", f"policy/{VERSION}")
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "### Van deventer/2024-2027-concept naar deventer/2024-2027"
    assert "- **Gewijzigd**: Missie en visie *Visie* (`visie`): gewijzigd: tekst" in lines
    assert "- **Toegevoegd**: Hoofdstuk *Voorwoord* (`voorwoord`)" in lines


def test_cli_diff_exit_codes(project, tmp_path):
    same = agenda("diff", f"policy/{VERSION}", f"policy/{VERSION}")
    assert same.returncode == 0 and same.stdout.strip() == "Geen wijzigingen in het beleid."
    edit(project, "fundament.yaml", "title: Voetbal", "titel: Voetbal")
    broken = agenda("diff", f"policy/{VERSION}", f"{project}/policy/{VERSION}")
    assert broken.returncode == 2 and "unknown key 'titel'" in broken.stderr


def test_cli_diff_between_git_revisions(project):
    import subprocess

    def git(*args):
        subprocess.run(["git", *args], cwd=project, check=True, capture_output=True)
    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@t", "add", "policy")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    edit(project, "fundament.yaml", "title: Voetbal", "title: Voetbal en veiligheid")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "rename")
    result = agenda("diff", "--git", "main~1", "main", cwd=project)
    assert result.returncode == 1, result.stderr
    assert "## Beleidswijzigingen van main~1 naar main" in result.stdout
    assert ("- **Gewijzigd**: Onderwerp van het fundament *Voetbal en veiligheid* (`voetbal`): "
            "hernoemd (was: *Voetbal*)") in result.stdout
    assert agenda("diff", "--git", "nope", "main", cwd=project).returncode == 2


def test_word_diff_runs_rebuild_both_texts():
    """Whatever the texts, the kept and deleted runs give the old text, the kept
    and inserted runs the new one: no word is lost or doubled by the diff."""
    import random

    words = ["de", "het", "veiligheid", "samen", "partners", "", "\n", "ondermijning", "in", "voor"]
    rng = random.Random(7)
    for _ in range(2000):
        old = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        new = " ".join(rng.choice(words) for _ in range(rng.randint(0, 25)))
        runs = word_diff(old, new)
        assert "".join(text for op, text in runs if op != "+") == old
        assert "".join(text for op, text in runs if op != "-") == new
        assert all(text for _, text in runs)
