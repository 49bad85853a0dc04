"""Every field counted once: a change to any field of any kind the schema describes reaches every place
that shows changes (issue 25). The fields and the changes come from the schema (tests/compare/every_field.py)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import replace

import pytest
from conftest import agenda
from every_field import VERSION, agenda_of, edits

import full_policy
from macros.compare.diff import diff
from macros.compare.history import version_history
from macros.policy.kinds import kind
from macros.print.comparison_view import comparison_document
from macros.publish.editor import editor_config
from macros.publish.export import actions_csv, agenda_to_json, partners_csv

GIT = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]


def _reported(changes, edit) -> bool:
    title_field = kind(edit.kind).title_field
    for change in changes:
        if change.kind != "changed":
            continue
        if edit.field == title_field and change.renamed:
            return True
        if any(f.field == edit.field and f.label == kind(edit.kind).field(edit.field).label for f in change.fields):
            return True
    return False


@pytest.fixture(scope="module")
def every_edit():
    """(edit, the key of its item in a list of changes) for every compared field of every kind."""
    before = agenda_of(full_policy.files())
    out, lost = [], []
    for edit in edits():
        after = agenda_of(edit.apply(full_policy.files()))
        reported = [c for c in diff(before, after) if _reported([c], edit)]
        if reported:
            out.append((edit, reported[0].entry.key))
        else:
            lost.append(edit.name)
    assert lost == [], "not compared by macros.compare.diff"
    return out


def test_every_field_reaches_the_diff(every_edit):
    """Within one version (a commit, a pull request) every described field is compared (the fixture
    checks this while it finds each edit's item), and the edits cover every kind."""
    assert {edit.kind for edit, _ in every_edit} == {k for k in _kinds_with_values()}


def _kinds_with_values() -> set[str]:
    from macros.policy.kinds import kinds
    return {k.name for k in kinds().values() if any(f.compared for f in k.fields)}


def _all_edits(every_edit) -> dict[str, dict]:
    files = full_policy.files()
    for edit, _ in every_edit:
        edit.apply(files)
    return files


def _changed_lines(markdown: str) -> dict[str, str]:
    """key -> the line of a changed item in `agenda diff` output."""
    return {m[1]: m[0] for m in re.finditer(r"^- \*\*Gewijzigd\*\*: .*?\(`([^`]+)`\):.*$", markdown, re.MULTILINE)}


def _missing_in(lines: dict[str, str], every_edit) -> list[str]:
    lost = []
    for edit, key in every_edit:
        f = kind(edit.kind).field(edit.field)
        word = "hernoemd" if edit.field == kind(edit.kind).title_field else f.label
        line = lines.get(key, "")
        if not re.search(rf"(gewijzigd: |, ){re.escape(word)}(,|$)" if word != "hernoemd" else "hernoemd", line):
            lost.append(edit.name)
    return lost


def test_every_field_reaches_agenda_diff_in_both_forms(every_edit, tmp_path, monkeypatch):
    """All edits in one commit: `agenda diff --git` (the pull-request comment) and `agenda diff OLD NEW`
    (two folders) name every changed field of every item; so does the item's history of that commit."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # the history's stored results stay here
    repo = tmp_path / "repo"
    full_policy.write(repo / "policy")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(GIT + ["add", "-A"], cwd=repo, check=True)
    subprocess.run(GIT + ["commit", "-qm", "Start"], cwd=repo, check=True)
    shutil.copytree(repo / "policy", tmp_path / "old" / "policy")
    full_policy.write(repo / "policy", _all_edits(every_edit))
    subprocess.run(GIT + ["commit", "-qam", "Every field"], cwd=repo, check=True)

    result = agenda("diff", "--git", "HEAD~1", "HEAD", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert _missing_in(_changed_lines(result.stdout), every_edit) == []

    result = agenda("diff", str(tmp_path / "old" / "policy" / VERSION), str(repo / "policy" / VERSION))
    assert result.returncode == 1, result.stderr
    assert _missing_in(_changed_lines(result.stdout), every_edit) == []

    # and the item's history after the commit
    history = version_history(repo / "policy" / VERSION, full_policy.files()["stad/municipality.yaml"])
    assert history.available, history.reason
    latest = {item.key: item for item in history.changes[0].items}
    lost = []
    for edit, key in every_edit:
        word = "titel" if edit.field == kind(edit.kind).title_field else kind(edit.kind).field(edit.field).label
        if key not in latest or word not in latest[key].fields:
            lost.append(edit.name)
    assert lost == [], "not in the item's history"


def test_every_field_reaches_the_comparison_of_two_versions(every_edit):
    """The comparison of two versions (its web page and PDF share the diff and its labels) shows every field,
    except those the description keeps to one version (where in the source, the version's own facts)."""
    files = full_policy.files()
    older = replace(agenda_of(files), id="2020-2023", period_start=2020, period_end=2023)
    lost = []
    for edit, key in every_edit:
        f, k = kind(edit.kind).field(edit.field), kind(edit.kind)
        if f.within_version or k.within_version:
            assert f.why or k.within_version
            continue
        newer = agenda_of(edit.apply(full_policy.files()))
        doc = comparison_document(older, newer, (older, newer))
        heading = f"{k.label}: "
        label = "Titel" if edit.field == k.title_field else f.label.capitalize()
        if not any(item.heading.label.startswith(heading) and label in [x.label for x in item.fields]
                   for item in doc.changed):
            lost.append(edit.name)
    assert lost == []


def test_every_field_reaches_the_open_data(every_edit):
    """The JSON holds every field; the CSV of actions and of partners every field of theirs."""
    before = agenda_of(full_policy.files())
    csv_of = {"action": actions_csv, "partner": partners_csv}
    lost = []
    for edit, _ in every_edit:
        after = agenda_of(edit.apply(full_policy.files()))
        if agenda_to_json(before) == agenda_to_json(after):
            lost.append(f"{edit.name} (JSON)")
        if edit.kind in csv_of and csv_of[edit.kind](before) == csv_of[edit.kind](after):
            lost.append(f"{edit.name} (CSV)")
    assert lost == []


def test_every_field_has_a_place_in_the_editor(every_edit, tmp_path):
    """The form editor's generated configuration has a widget for every field, or keeps it as it is."""
    full_policy.write(tmp_path / "policy")
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    config = editor_config(tmp_path / "policy", "stad")
    by_file = {f["file"]: f["fields"] for c in config["collections"] for f in c["files"]}
    lost = []
    for edit, _ in every_edit:
        fields = by_file.get(f"policy/{edit.file}")
        for step in edit.path:
            if fields is None or isinstance(step, int):
                continue  # a list's form holds the fields of each of its items
            found = next((x for x in fields if x["name"] == step), None)
            fields = found.get("fields") if found else None
        found = next((x for x in fields or () if x["name"] == edit.field), None)
        if found is None or not found.get("widget"):
            lost.append(edit.name)
    assert lost == []


def _site_of(files: dict[str, dict], root):
    """The site of the fixture's newer version, in memory, with a source text for every document."""
    from macros.policy.index import build_index
    from macros.policy.sources import version_texts
    from macros.policy.versions import current_version, ordered
    from macros.site.pages import build_pages
    from macros.site.render import Renderer
    from macros.site.site import Site

    agenda = agenda_of(files)
    for document in agenda.documents:
        text = root / "sources" / "stad" / document.file
        if document.file and not text.exists():
            text.parent.mkdir(parents=True, exist_ok=True)
            text.write_text("[[§ 2.1]]\n\nTekst.\n\n[[§ 2.2]]\n\nMeer.\n", encoding="utf-8")
    versions = tuple(ordered([agenda_of(files, "stad/2020-2023"), agenda]))
    current = current_version(list(versions))
    index = build_index(agenda)
    texts = version_texts(root / "policy" / VERSION, agenda.documents)
    return Site(agenda, index, tuple(build_pages(agenda, versions)),
                Renderer(agenda, index, versions, current, None, "", texts), versions, current,
                frozenset(p.path for p in build_pages(current, versions)))


def _markdown(site) -> dict[str, str]:
    return {p.path: site.renderer.page(p.kind, p.item_id, p.path, {}) for p in site.pages}


def test_every_field_reaches_the_preview_plan(every_edit, tmp_path):
    """The incremental preview rebuilds every page whose Markdown an edit of the field changes (or everything).
    Hand-written pages such as the home page are rebuilt on every edit anyway."""
    from macros.site.incremental import changed_pages

    full_policy.write(tmp_path / "policy")
    base = _site_of(full_policy.files(), tmp_path)
    before = _markdown(base)
    lost = []
    for edit, _ in every_edit:
        site = _site_of(edit.apply(full_policy.files()), tmp_path)
        plan = changed_pages(base, site)
        if plan.full:
            continue
        after = _markdown(site)
        changed = {path for path in {*before, *after} if before.get(path) != after.get(path)}
        if changed - plan.pages:
            lost.append(f"{edit.name}: {sorted(changed - plan.pages)}")
    assert lost == []


# --- the seven edits that `agenda diff --git` used to answer with "Geen wijzigingen in het beleid" ---------

ACTION = "stad/2024-2027/actions.yaml"


def _base() -> dict[str, dict]:
    files = full_policy.files()
    action = files[ACTION]["actions"][0]
    for key in ("budget", "led_by", "period"):  # the first three edits give the action these
        del action[key]
    return files


def _set(files, name, path, key, value):
    node = files[name]
    for step in path:
        node = node[step]
    node[key] = value
    return files


SEVEN = [  # (what, file, path, key, new value, the lines of the pull-request comment, Markdown-escaped)
    ("an action gets a budget", ACTION, ("actions", 0), "budget", "€ 250.000",
     ["- **Gewijzigd**: Actie *Voorlichting geven* (`actie-1`): gewijzigd: budget", r"  - budget: **€ 250\.000**"]),
    ("an action gets a lead partner", ACTION, ("actions", 0), "led_by", "politie",
     ["- **Gewijzigd**: Actie *Voorlichting geven* (`actie-1`): gewijzigd: trekker", "  - trekker: **politie**"]),
    ("an action gets a period", ACTION, ("actions", 0), "period", {"start": "2024", "end": "2025"},
     ["- **Gewijzigd**: Actie *Voorlichting geven* (`actie-1`): gewijzigd: looptijd", "  - looptijd: **2024–2025**"]),
    ("a glossary meaning changes", "stad/2024-2027/glossary.yaml", ("terms", 0), "meaning",
     "Algemene verordening persoonsgegevens",
     ["- **Gewijzigd**: Begrip *AVG* (`avg`): gewijzigd: betekenis",
      "  - betekenis: Algemene verordening ~~gegevensbescherming~~ **persoonsgegevens**"]),
    ("a partner's abbreviation changes", "stad/2024-2027/partners.yaml", ("partners", 0), "abbreviation", "PLT",
     ["- **Gewijzigd**: Partner *Politie* (`politie`): gewijzigd: afkorting", "  - afkorting: ~~POL~~ **PLT**"]),
    ("a version's date changes", "stad/2024-2027/version.yaml", (), "date", "2023-11-02",
     ["- **Gewijzigd**: Versie *Veiligheidsagenda 2024-2027* (`versie`): gewijzigd: datum",
      r"  - datum: ~~2023\-10\-05~~ **2023\-11\-02**"]),
    ("a key figure's origin changes", "stad/2024-2027/figures.yaml", ("figures", 0), "origin", "CBS",
     ["- **Gewijzigd**: Kerncijfer *woninginbraken* (`inbraken`): gewijzigd: herkomst van het getal",
      "  - herkomst van het getal: ~~Politie~~ **CBS**"]),
]


@pytest.fixture(scope="module")
def scratch_repo(tmp_path_factory):
    repo = tmp_path_factory.mktemp("repo")
    full_policy.write(repo / "policy", _base())
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=repo, check=True)
    subprocess.run(GIT + ["add", "-A"], cwd=repo, check=True)
    subprocess.run(GIT + ["commit", "-qm", "Start"], cwd=repo, check=True)
    return repo


@pytest.mark.parametrize("what, name, path, key, value, lines", SEVEN, ids=[s[0] for s in SEVEN])
def test_the_pull_request_comment_reports_the_edit(scratch_repo, what, name, path, key, value, lines):
    """Each edit of the issue's table, committed alone, is reported with its Dutch label, old and new value."""
    files = _set(_base(), name, path, key, value)
    full_policy.write(scratch_repo / "policy", files)
    subprocess.run(GIT + ["commit", "-qam", what], cwd=scratch_repo, check=True)
    try:
        result = agenda("diff", "--git", "HEAD~1", "HEAD", cwd=scratch_repo)
    finally:  # back to the start, so that every edit is compared with the same state
        full_policy.write(scratch_repo / "policy", _base())
        subprocess.run(GIT + ["commit", "-qam", "Back"], cwd=scratch_repo, check=True)
    assert result.returncode == 1, result.stderr
    body = result.stdout.splitlines()
    assert "Geen wijzigingen in het beleid." not in body
    changed = [line for line in body if line.startswith(("- **", "  - "))]
    assert changed == lines


def test_the_order_of_the_editors_reasons_is_no_change():
    """`agenda fmt` may put the keys under `editorial` in another order: that is layout, not policy."""
    files = full_policy.files()
    action = files[ACTION]["actions"][0]
    assert len(action["editorial"]) > 1
    action["editorial"] = dict(reversed(list(action["editorial"].items())))
    changes = [c for c in diff(agenda_of(full_policy.files()), agenda_of(files)) if c.kind != "unchanged"]
    assert changes == []
    action["editorial"]["title"] += " Anders."
    changes = [c for c in diff(agenda_of(full_policy.files()), agenda_of(files)) if c.kind != "unchanged"]
    assert [(c.entry.key, [f.label for f in c.fields]) for c in changes] == [("actie-1", ["toelichting van de redactie"])]
