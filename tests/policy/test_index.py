"""Goal -> actions -> partners and back, as links in the built site."""

import pytest

from conftest import read
from helpers import DATA, Page

ACTIONS = DATA["uitvoeringsagenda-2024.yaml"]["actions"]
PARTNERS = {p["id"]: p for p in DATA["partners.yaml"]["partners"]}


def items_naming(partner_id):
    """(url, anchor) of every speerpunt, topic and action that names the partner in the data."""
    found = []
    for name in ("thema-ondermijning.yaml", "thema-jeugd-zorg-veiligheid.yaml"):
        theme = DATA[name]
        found += [(f"thema/{theme['id']}/", sp["id"]) for sp in theme.get("speerpunten", []) if partner_id in sp.get("partners", [])]
        for pillar in theme["pillars"]:
            found += [(f"pijler/{pillar['id']}/", sp["id"]) for sp in pillar["speerpunten"] if partner_id in sp.get("partners", [])]
    for group in DATA["fundament.yaml"]["groups"]:
        for topic in group.get("topics", []) + [group]:
            if partner_id in topic.get("partners", []):
                found.append((f"fundament/{topic['id']}/", ""))
    found += [(f"actie/{a['id']}/", "") for a in ACTIONS if partner_id in a.get("partners", []) or a.get("led_by") == partner_id]
    return found


@pytest.mark.parametrize("partner_id", ["riec", "politie", "openbaar-ministerie", "halt", "dji", "programma-jeugd-en-onderwijs"])
def test_partner_page_links_to_everything_that_names_it_and_back(site, partner_id):
    partner_page = Page(read(site, f"partner/{partner_id}/"))
    assert partner_page.h1 == [PARTNERS[partner_id]["name"]]
    expected = items_naming(partner_id)
    assert expected, f"the data names {partner_id} nowhere: pick another sample"
    for url, anchor in expected:
        href = f"../../{url}" + (f"#{anchor}" if anchor else "")
        assert href in partner_page.links, f"{partner_id} page lacks {href}"
        back = Page(read(site, url))
        assert f"../../partner/{partner_id}/" in back.links, f"{url} does not link back to {partner_id}"


def test_every_partner_has_a_page_and_the_overview_lists_it(site):
    overview = Page(read(site, "partners/"))
    for partner_id, partner in PARTNERS.items():
        assert Page(read(site, f"partner/{partner_id}/")).h1 == [partner["name"]]
        assert f"../partner/{partner_id}/" in overview.links


def test_every_action_has_a_parent_and_links_up_and_out(site):
    pillars = {p["id"]: t["id"] for n in ("thema-ondermijning.yaml", "thema-jeugd-zorg-veiligheid.yaml")
               for t in [DATA[n]] for p in t["pillars"]}
    for action in ACTIONS:
        page = Page(read(site, f"actie/{action['id']}/"))
        serves = action["serves"]
        if serves in pillars:
            assert f"../../pijler/{serves}/" in page.links
            assert f"../../thema/{pillars[serves]}/" in page.links
            parent = Page(read(site, f"pijler/{serves}/"))
        else:
            assert f"../../fundament/{serves}/" in page.links
            parent = Page(read(site, f"fundament/{serves}/"))
        assert f"../../actie/{action['id']}/" in parent.links  # and back down
        for partner_id in action.get("partners", []):
            assert f"../../partner/{partner_id}/" in page.links
        if "core_task" in action:
            assert f"../../kerntaken/#{action['core_task']}" in page.links


def test_fields_the_sources_leave_empty_say_so(site):
    page = Page(read(site, f"actie/{ACTIONS[0]['id']}/")).plain
    for label in ("Trekker", "Periode", "Status", "Budget"):
        assert f"{label}: niet vermeld in de bronnen" in page


def test_uitvoeringsagenda_table_lists_every_action_without_javascript(site):
    page = Page(read(site, "uitvoeringsagenda/"))
    for action in ACTIONS:
        assert f"../actie/{action['id']}/" in page.links
    assert f"Alle acties ({len(ACTIONS)})" in page.plain


def test_abbreviations_are_explained_and_listed(site):
    html = read(site, "fundament/verplichte-zorg/")
    assert '<abbr title="Wet verplichte ggz">Wvggz</abbr>' in html
    glossary = Page(read(site, "begrippen/")).plain
    assert "Wvggz" in glossary and "Integrale Aanpak ter Voorkoming van Escalatie" in glossary
