"""A small policy folder in which every field of every kind of item has a value.

Two versions of one municipality ("stad"): 2020-2023 holds only what lineage
needs; 2024-2027 holds every kind of file, and in it every field the schema
describes (a test checks that with the schema, so a new field must be given a
value here). Made up for the tests; quotes are not checked against sources
(`agenda diff` does not check them either).
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

SRC = {"document": "plan", "section": "2.1"}
ED = {"editorial": {"title": "Titel door de redactie."}}


def _files() -> dict[str, dict]:
    v = "stad/2024-2027"
    return {
        "stad/municipality.yaml": {
            "kind": "municipality", "id": "stad", "name": "Stad", "labels": {"themes": "Thema's"},
            "website": "https://www.stad.example", "license": {"name": "CC0 1.0", "url": "https://creativecommons.org/publicdomain/zero/1.0/"}},
        "stad/2020-2023/version.yaml": {
            "kind": "version", "id": "2020-2023", "title": "Veiligheidsagenda 2020-2023", "status": "vastgesteld",
            "period": {"start": 2020, "end": 2023}, "documents": [{"id": "oud", "title": "Het oude plan"}]},
        "stad/2020-2023/theme.yaml": {
            "kind": "theme", "id": "oud-thema", "title": "Oud thema", "source": {"document": "oud", "section": "1"}},
        f"{v}/version.yaml": {
            "kind": "version", "id": "2024-2027", "title": "Veiligheidsagenda 2024-2027", "subtitle": "Samen veilig",
            "period": {"start": 2024, "end": 2027}, "status": "vastgesteld", "date": "2023-10-05",
            "decision": "Vastgesteld door de raad.", "incomplete": "Hoofdstuk 9 ontbreekt nog.", "label": "plan",
            "editorial": {"status": "Status door de redactie."},
            "documents": [{"id": "plan", "title": "Het plan", "date": "2023-10", "publisher": "Gemeente Stad",
                           "file": "plan.md"}]},
        f"{v}/chapter.yaml": {
            "kind": "chapter", "id": "voorwoord", "number": "1", "title": "Voorwoord", "lead": "Een inleiding.",
            "text": "De tekst van het voorwoord.", "author": {"name": "A. de Burgemeester", "role": "burgemeester"},
            "sections": [{"id": "aanpak", "number": "1.1", "title": "Aanpak", "style": "text", "role": "approach",
                          "statement": "Samen veilig.", "lead": "Korte inleiding.", "text": "Tekst van de aanpak.",
                          "attribution": "Een bewoner", "figures": ["inbraken"],
                          "items": [{"id": "punt", "title": "Een punt", "text": "Uitleg bij het punt.", "source": SRC,
                                     **ED}],
                          "sections": [{"id": "dieper", "title": "Dieper", "text": "Nog dieper."}],
                          "source": SRC, **ED}],
            "notes": [{"number": "1", "text": "Een voetnoot."}], "source": SRC, **ED},
        f"{v}/strategy.yaml": {
            "kind": "strategy", "id": "strategie", "number": "2", "title": "Strategie", "text": "Onze strategie.",
            "mission": {"lead": "Missie:", "text": "Een veilige stad.", "source": SRC, **ED},
            "vision": {"lead": "Visie:", "text": "Samen werken.", "source": SRC, **ED},
            "core_values": {"text": "Wij staan voor:", "values": ["open", "samen"], "source": SRC, **ED},
            "principles": {"text": "Onze uitgangspunten.", "source": SRC, **ED,
                           "items": [{"id": "dichtbij", "title": "Dichtbij", "text": "In de wijk.", "source": SRC, **ED}]},
            "source": SRC, **ED},
        f"{v}/core_tasks.yaml": {
            "kind": "core_tasks", "id": "kerntaken", "number": "3", "title": "Kerntaken", "lead": "Wat wij doen.",
            "tasks": [{"id": "regie", "title": "Regie", "role": "regisseur", "text": "Wij voeren regie.", "source": SRC, **ED},
                      {"id": "toezicht", "title": "Toezicht", "source": SRC}],
            "source": SRC, **ED},
        f"{v}/theme.yaml": {
            "kind": "theme", "id": "ondermijning", "number": "4", "title": "Ondermijning", "lead": "Vet begin.",
            "intro": "Gewone inleiding.", "source": SRC, **ED,
            "lineage": [{"version": "2020-2023", "item": "oud-thema", "change": "voortgezet", "text": "Gaat door.",
                         "source": SRC}],
            "notes": [{"number": "1", "text": "Een voetnoot."}],
            "sections": [{"id": "beeld", "number": "4.1", "title": "Beeld", "text": "Wat wij zien."}],
            "speerpunten": [{"id": "sp-thema", "title": "Speerpunt van het thema", "text": "Tekst.",
                             "partners": ["politie"], "source": SRC, **ED}],
            "pillars": [{"id": "weerbaar", "number": "4.2", "title": "Weerbaarheid", "text": "Tekst van de pijler.",
                         "lineage": [{"version": "2020-2023", "item": "oud-thema", "change": "gesplitst", "source": SRC}],
                         "source": SRC, **ED,
                         "speerpunten": [{"id": "voorlichting", "title": "Voorlichting", "text": "Tekst.",
                                          "partners": ["politie"], "source": SRC, **ED}]},
                        {"id": "signaleren", "number": "4.3", "title": "Signaleren", "source": SRC}]},
        f"{v}/fundament.yaml": {
            "kind": "fundament", "id": "fundament", "number": "5", "title": "Fundament", "lead": "De basis.",
            "source": SRC, **ED,
            "groups": [{"id": "basis", "number": "5.1", "title": "Basis", "goal": "Een doel.", "text": "Tekst.",
                        "partners": ["politie"], "source": SRC, **ED,
                        "lineage": [{"version": "2020-2023", "item": "oud-thema", "change": "hernoemd", "source": SRC}],
                        "topics": [{"id": "wijk", "number": "5.1.1", "title": "Wijk", "goal": "Een doel.",
                                    "text": "Tekst.", "partners": ["politie"], "source": SRC, **ED,
                                    "lineage": [{"version": "2020-2023", "item": "oud-thema", "change": "nieuw",
                                                 "source": SRC}]}]}]},
        f"{v}/figures.yaml": {
            "kind": "figures",
            "figures": [{"id": "inbraken", "value": "1.234", "label": "woninginbraken", "context": "Meer dan vorig jaar.",
                         "year": 2022, "origin": "Politie", "source": SRC, **ED}],
            "series": [{"id": "aangiften", "title": "Aangiften", "caption": "Per jaar", "categories": [2021, 2022],
                        "rows": [{"label": "Stad", "values": [67, None]}], "source": SRC, **ED}]},
        f"{v}/references.yaml": {
            "kind": "references",
            "references": [{"id": "wet", "text": "De wet.", "url": "https://wetten.example/wet", "source": SRC,
                            "editorial": {"text": "Tekst door de redactie."}}]},
        f"{v}/actions.yaml": {
            "kind": "actions", "year": 2024, "title": "Uitvoeringsagenda 2024", "text": "Wat wij dit jaar doen.",
            "editorial": {"title": "Titel door de redactie."},
            "actions": [{"id": "actie-1", "title": "Voorlichting geven", "description": "Wij geven voorlichting.",
                         "serves": "weerbaar", "speerpunt": "voorlichting", "core_task": "regie", "led_by": "politie",
                         "partners": ["politie", "om"], "period": {"start": "2024", "end": "2025"},
                         "status": "gepland", "budget": "€ 10.000", "source": SRC,
                         "editorial": {"title": "Titel door de redactie.", "core_task": "Kerntaak door de redactie."}}]},
        f"{v}/indicators.yaml": {
            "kind": "indicators", "title": "Indicatoren", "text": "Wat wij meten.", "source": SRC, **ED,
            "indicators": [{"id": "ervaren", "title": "Ervaren veiligheid", "measures": "Hoe veilig men zich voelt.",
                            "informs": ["ondermijning"], "values": [{"year": 2022, "value": "7,1", "source": SRC}],
                            "source": SRC, "editorial": {"informs": "Koppeling door de redactie."}}]},
        f"{v}/regional.yaml": {
            "kind": "regional", "id": "regio", "title": "Regio", "region": "Oost", "authors": "De regio",
            "date": "2023", "lead": "Samen in de regio.", "text": "Tekst.", "source": SRC, **ED,
            "themes": [{"id": "regio-thema", "title": "Regionaal thema", "text": "Tekst.",
                        "answered_by": ["ondermijning"], "source": SRC, **ED}],
            "sections": [{"id": "regio-paragraaf", "title": "Paragraaf", "text": "Tekst."}]},
        f"{v}/programme.yaml": {
            "kind": "programme", "id": "programma", "title": "Programma", "date": "2023", "lead": "Inleiding.",
            "text": "Tekst.", "history_of": ["ondermijning"], "source": SRC, **ED,
            "phenomena": [{"id": "fenomeen", "title": "Fenomeen", "text": "Tekst.", "source": SRC}],
            "sporen": [{"id": "spoor", "title": "Spoor", "text": "Tekst.", "source": SRC}],
            "sections": [{"id": "programma-paragraaf", "title": "Paragraaf", "text": "Tekst."}]},
        f"{v}/glossary.yaml": {
            "kind": "glossary",
            "terms": [{"id": "avg", "term": "AVG", "meaning": "Algemene verordening gegevensbescherming",
                       "url": "https://wetten.example/avg", "source": SRC,
                       "editorial": {"meaning": "Uitleg door de redactie."}}]},
        f"{v}/partners.yaml": {
            "kind": "partners",
            "partners": [{"id": "politie", "name": "Politie", "abbreviation": "POL", "type": "extern",
                          "description": "De politie.", "source": SRC, **ED},
                         {"id": "om", "name": "Openbaar Ministerie", "type": "extern", "source": SRC}]},
    }


def files() -> dict[str, dict]:
    """Path under policy/ -> the file's data (a fresh copy to change)."""
    return json.loads(json.dumps(_files()))  # no shared dicts: YAML would write them as anchors


def write(policy: Path, data: dict[str, dict] | None = None) -> Path:
    """Write the files under `policy` (a folder named policy/), replacing what is there."""
    for name, content in (data or files()).items():
        path = policy / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(content, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return policy
