"""Open data (macros/publish/export.py) carries what the editors added, as the site's model does."""

import csv
import io
import json

from conftest import POLICY

from macros.publish.export import agenda_from_json
from macros.site.site import load_site


def test_open_data_flags_the_editors_choices(published):
    base = published / "actueel" / "open-data"
    site = load_site(POLICY.resolve(), "deventer", "2024-2027")
    data = json.loads((base / "beleid.json").read_text(encoding="utf-8"))["agenda"]
    first = data["action_plans"][0]["actions"][0]
    assert first["id"] == "actie-bewustwording-vergroten"
    basis = {e["field"]: e["reason"] for e in first["source"]["editorial"]}
    assert basis["core_task"] == "De agenda noemt geen kerntaak bij deze actie; de redactie koppelt haar aan een kerntaak."
    assert basis["description"] == "Samenvatting door de redactie van de tekst in § 4.3.1."
    assert {e["field"] for e in data["action_plans"][0]["editorial"]} == {"year", "title", "text"}
    # a quote the editors left alone carries no flag
    assert data["strategy"]["mission"]["source"]["editorial"] == []
    assert agenda_from_json((base / "beleid.json").read_text(encoding="utf-8")) == site.agenda
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO((base / "uitvoeringsagenda.csv").read_text(encoding="utf-8")))}
    assert "core_task: De agenda noemt geen kerntaak bij deze actie" in rows["actie-wijknetwerken-inzetten"]["redactie"]
    assert "serves: § 5.3 rekent dit speerpunt tot het hele thema" in rows["actie-wijknetwerken-inzetten"]["redactie"]
    partners = {r["id"]: r for r in csv.DictReader(io.StringIO((base / "partners.csv").read_text(encoding="utf-8")))}
    assert partners["procesregisseurs"]["redactie"].startswith("type: Indeling in soorten door de redactie")
    assert partners["procesregisseurs"]["bron_paragraaf"] == "5.3, voetnoot 2"
