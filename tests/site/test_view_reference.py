"""Partners grouped by kind, where a partner is named, and the open-data licence."""

import dataclasses

from tiny import data

from macros.site import view_reference


def test_partners_are_grouped_by_kind_in_the_order_of_the_kinds():
    groups = view_reference.partners(data(), "partners.md", "").groups
    assert [(g.label, [p.title for p in g.partners]) for g in groups] == [
        ("Externe partner", ["Politie", "Openbaar Ministerie (OM)"]), ("Gemeentelijk team", ["Aanpak"])]


def test_a_partner_page_lists_speerpunten_and_actions_per_theme_and_what_it_leads():
    police = view_reference.partner(data(), "partner/politie.md", "politie")
    assert [(m.group, [(noun, link.title) for noun, link in m.entries]) for m in police.mentions] == [
        ("Ondermijning", [("Speerpunt", "Voorlichting"), ("Actie", "Actie a1"), ("Actie", "Actie a2"), ("Actie", "Actie a3")])]
    assert police.led == ()
    team = view_reference.partner(data(), "partner/aanpak.md", "aanpak")
    assert team.mentions == () and [a.title for a in team.led] == ["Actie a1"]


def test_open_data_names_the_licence_only_when_the_municipality_set_one():
    d = data()
    assert view_reference.open_data(d, "open-data.md", "").license_name == ""
    licensed = dataclasses.replace(d, agenda=dataclasses.replace(d.agenda, license_name="CC0 1.0", license_url="https://x"))
    v = view_reference.open_data(licensed, "open-data.md", "", {"2024-2027/downloads/veiligheidsagenda-2024-2027.pdf": 5000})
    assert (v.license_name, v.license_url) == ("CC0 1.0", "https://x")
    assert v.files["json"] == "../open-data/beleid.json" and v.pdfs[0].size == "5 kB"
