"""`macros.site.incremental.changed_pages` names every page an edit changes.

Each case edits one field of one item of the real policy in memory (a text
gets words added, a list of ids loses its last id), renders the Markdown of
every page before and after, and checks that every page whose Markdown
changed is in the plan (or that the plan rebuilds everything). The HTML of a
page is made from its Markdown, the navigation and the glossary only, and a
change of the last two always rebuilds everything (test_preview.py checks
whole builds byte for byte).
"""

from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import POLICY
from incremental_helpers import items, rendered, replace_item, site_with
from macros.site.incremental import changed_pages
from macros.site.site import load_site

# Items per kind that are edited; AGENDA_INCREMENTAL_ALL=1 edits every item (about a minute per version).
PER_KIND = 10_000 if os.environ.get("AGENDA_INCREMENTAL_ALL") else 3


def edits(agenda):
    """(item id, field, new value) for the sampled items of each kind."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for item_id, obj in items(agenda):
        kind = type(obj).__name__
        if seen[kind] >= PER_KIND:
            continue
        seen[kind] += 1
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            if f.name == "id":
                continue
            if isinstance(value, str) and value:
                out.append((item_id, f.name, value + " gewijzigd"))
            elif isinstance(value, tuple) and value and all(isinstance(v, str) for v in value):
                out.append((item_id, f.name, value[:-1]))
    return out


@pytest.fixture(scope="module", params=["2024-2027", "2024-2027-concept"])
def base(request):
    site = load_site(Path(POLICY).resolve(), "deventer", request.param)
    return site, rendered(site)


def test_every_page_whose_markdown_changes_is_in_the_plan(base):
    site, before = base
    checked, bounded, missed = 0, 0, []
    for item_id, name, value in edits(site.agenda):
        agenda = replace_item(site.agenda, item_id, lambda o: dataclasses.replace(o, **{name: value}))
        new = site_with(site, agenda)
        try:
            after = rendered(new)
        except (KeyError, StopIteration):  # a reference that no longer resolves: validation rejects that edit
            continue
        checked += 1
        plan = changed_pages(site, new)
        if plan.full:
            continue
        bounded += 1
        changed = {path for path, text in after.items() if before.get(path) != text} - {"index.md"}
        if changed - plan.pages:
            missed.append((item_id, name, sorted(changed - plan.pages)))
    assert checked > 50 and bounded > checked / 2, (checked, bounded)
    assert not missed, missed[:10]


@pytest.fixture(scope="module")
def current():
    return load_site(Path(POLICY).resolve(), "deventer", "2024-2027")


def test_a_text_edit_of_an_action_rebuilds_its_page_and_the_comparisons_that_show_it(current):
    site = current
    action = site.agenda.actions[0]
    agenda = replace_item(site.agenda, action.id, lambda o: dataclasses.replace(o, description=o.description + " Extra."))
    plan = changed_pages(site, site_with(site, agenda))
    shown_in = {f"vergelijk/{v.id}.md" for v in site.versions
                if v.id != site.agenda.id and any(a.id == action.id for a in v.actions)}
    assert plan.pages == {f"actie/{action.id}.md"} | shown_in


def test_a_title_edit_of_an_action_rebuilds_the_pages_that_list_it(current):
    site = current
    action = site.agenda.actions[0]
    agenda = replace_item(site.agenda, action.id, lambda o: dataclasses.replace(o, title=o.title + " (nieuw)"))
    plan = changed_pages(site, site_with(site, agenda))
    serves = site.index.link(action.serves).page
    assert {f"actie/{action.id}.md", "uitvoeringsagenda.md", serves} <= plan.pages
    assert {f"partner/{p}.md" for p in action.partners} <= plan.pages
    assert len(plan.pages) < len(site.pages) / 4


def test_an_edit_of_the_glossary_or_a_document_rebuilds_everything(current):
    site = current
    term = site.agenda.glossary[0]
    agenda = replace_item(site.agenda, term.id, lambda o: dataclasses.replace(o, meaning=o.meaning + " x"))
    assert changed_pages(site, site_with(site, agenda)).full
    doc = site.agenda.documents[0]
    agenda = replace_item(site.agenda, doc.id, lambda o: dataclasses.replace(o, title=o.title + " x"))
    assert changed_pages(site, site_with(site, agenda)).full
