"""The Dutch words shown to residents that are not policy data, in one place,
the helpers that write numbers and dates the Dutch way, and the marks in words
for what the editors added (shared by the web pages and the PDFs).

Templates read them as `words` (`{{ words.labels.source }}`); Python code that
writes text for people (the `agenda diff` report, the feed, the PDFs)
imports them from here. Words that differ per municipality (what it calls
its themes) are policy data in `policy/<name>/municipality.yaml`, not here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# --- labels on item pages and in print ------------------------------------------------
LABELS: dict[str, str] = {
    "source": "Bron",
    "partners": "Partners",
    "no_partners": "De bron noemt bij dit onderdeel geen partners.",
    "goal": "Doel",
    "no_goal": "De bron noemt voor dit onderdeel geen apart doel.",
    "speerpunten": "Speerpunten",
    "pillars": "Pijlers",
    "theme": "Thema",
    "pillar": "Pijler",
    "notes": "Voetnoten",
    "case": "Casus uit de praktijk",
    "no_description": "De bronnen geven geen beschrijving van deze partner.",
    "mentions": "Genoemd bij",
    # What our links say, not what the agenda's texts say: a text may name a partner
    # that no item links.
    "no_mentions": "Op deze site is deze partner niet gekoppeld aan een speerpunt of onderwerp van de agenda.",
    "fundament": "Veiligheidsfundament",
}

# What the editors of the site added, not the source (`editorial` in the policy files, `x-basis: editorial`
# in the schema): the kind of addition by field, then the field's name inside the mark.
EDITORIAL_KINDS = {"link": "Koppeling door de redactie", "text": "Tekst van de redactie",
                   "choice": "Keuze van de redactie",
                   # the line under an action's title
                   "derived": "Afgeleid door de redactie", "from_speerpunt": "uit het speerpunt",
                   "from_section": "uit", "in_list": "in de lijst"}
EDITORIAL_LINK_FIELDS = ("core_task", "serves", "informs", "answered_by", "change", "speerpunt")
# `mission` and `vision` are not here: on a strategy they mark which paragraph of the source the
# editors call the mission or the vision (a choice); their text is the source's and is checked.
EDITORIAL_TEXT_FIELDS = ("title", "description", "text", "statement", "label", "context", "name", "lead", "sections",
                         "goal", "measures")
EDITORIAL_FIELDS = {
    "core_task": "kerntaak", "serves": "draagt bij aan", "informs": "koppeling met de agenda",
    "answered_by": "koppeling met de thema's", "change": "verband met de vorige versie", "speerpunt": "speerpunt",
    "indicators": "indicatoren", "title": "titel", "description": "beschrijving", "text": "tekst",
    "statement": "doel", "label": "omschrijving", "context": "toelichting", "name": "naam", "lead": "inleiding",
    "mission": "missie", "vision": "visie", "sections": "indeling", "goal": "doel", "measures": "wat het meet",
    "type": "soort partner", "status": "status", "year": "jaar",
}


@dataclass(frozen=True)  # compared: a note that several items share is shown once
class EditorialNote:
    """A mark in words that a field is the editors' own: "Koppeling door de redactie (kerntaak): <reason>"."""

    kind: str  # Koppeling door de redactie / Tekst van de redactie / Keuze van de redactie
    field: str  # the field's Dutch name
    reason: str


def editorial_note(field_name: str, reason: str) -> EditorialNote:
    kind = EDITORIAL_KINDS["link" if field_name in EDITORIAL_LINK_FIELDS else
                           "text" if field_name in EDITORIAL_TEXT_FIELDS else "choice"]
    # Some reasons already start with the kind ("Koppeling door de redactie: ..."): say it once.
    if reason.lower().startswith(kind.lower() + ":"):
        reason = reason[len(kind) + 1:].strip()
        reason = reason[:1].upper() + reason[1:]
    return EditorialNote(kind, EDITORIAL_FIELDS.get(field_name, field_name.replace("_", " ")), reason)


def editorial_notes(entries, skip: tuple[str, ...] = ()) -> tuple[EditorialNote, ...]:
    """The marks for an item's editorial fields (`macros.policy.model.Editorial` entries: `field`, `reason`),
    except those a page shows next to the field itself."""
    return tuple(editorial_note(e.field, e.reason) for e in entries if e.field not in skip and e.field != "source")


def notes_on(entries, field_name: str) -> tuple[EditorialNote, ...]:
    """The marks for one field among `Editorial` entries (a version's status, a strategy's mission)."""
    return editorial_notes(e for e in entries if e.field == field_name)


def field_note(source, field_name: str, present: bool = True) -> EditorialNote | None:
    """The mark shown next to one field of an item (`source`: the item's `Source`, or None):
    None when the sources state it, or when the item leaves the field empty (`present` False)."""
    reason = source.reason(field_name) if source is not None and present else ""
    return editorial_note(field_name, reason) if reason else None


def shared_notes(sources, field_name: str) -> tuple[EditorialNote, ...]:
    """The marks for a field that many items share (the partners' kinds), each reason said once."""
    reasons = dict.fromkeys(s.reason(field_name) for s in sources if s is not None and s.reason(field_name))
    return tuple(editorial_note(field_name, r) for r in reasons)


def section_label(section: str) -> str:
    """"§ 4.3.1" for a numbered section, a heading ("Voorwoord") as it is."""
    return f"§ {section}" if section[:1].isdigit() else section


# Partner kinds (`kind` in partners.yaml).
PARTNER_TYPES = {
    "extern": "Externe partner",
    "gemeentelijk-programma": "Gemeentelijk programma",
    "gemeentelijk-team": "Gemeentelijk team",
    "netwerk": "Netwerk of overleg",
    "landelijk-programma": "Landelijk programma",
    "bestuursorgaan": "Bestuursorgaan",
}

# Shown where the sources leave a field of an action or indicator empty: they do not say,
# which is not the same as "not decided yet" (that would be a municipality's own word).
NOT_DECIDED = "niet vermeld in de bronnen"
NO_VALUE = "nog geen waarde"

# Action status (`status` in the uitvoeringsagenda).
ACTION_STATUS = {"gepland": "Gepland", "lopend": "Lopend", "afgerond": "Afgerond", "vervallen": "Vervallen"}

# Version status (`status` in version.yaml), as a word inside a sentence.
VERSION_STATUS = {"concept": "concept", "vastgesteld": "vastgesteld", "vervallen": "vervallen"}

# --- comparisons and change history ---------------------------------------------------
# The Dutch names of the kinds of item and of their fields are in the schema
# (schema/policy.schema.json, read by macros.policy.kinds), with everything else about them.

# What happened to the older item, said from its side: "<Drugs> is opgegaan in <this theme>".
CHANGE_LABELS = {"voortgezet": "voortgezet in", "hernoemd": "hernoemd tot", "samengevoegd": "samengevoegd in",
                 "gesplitst": "gesplitst; een deel gaat verder in", "opgegaan-in": "opgegaan in", "nieuw": "nieuw:"}

# Why a site shows no change history.
UNAVAILABLE_NO_GIT = "deze publicatie is niet gemaakt uit een git-repository"
UNAVAILABLE_SHALLOW = "deze publicatie is gemaakt uit een onvolledige (ondiepe) git-kopie"
UNAVAILABLE_UNTRACKED = "de beleidsbestanden van deze versie staan nog niet in git"

# --- dates and numbers -----------------------------------------------------------------
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(value: str) -> str:
    """"2023-06-12" -> "12 juni 2023", "2023-10" -> "oktober 2023"; other text as written."""
    match = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", value or "")
    if not match or not 1 <= int(match[2]) <= 12:
        return value
    month = f"{MONTHS[int(match[2]) - 1]} {match[1]}"
    return f"{int(match[3])} {month}" if match[3] else month


def dutch_number(value) -> str:
    """Dutch notation: 13.466 and 1,4."""
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,}".replace(",", " ").replace(".", ",").replace(" ", ".")
    return f"{int(value):,}".replace(",", ".")


# Everything above, for templates.
WORDS = {
    "labels": LABELS, "partner_types": PARTNER_TYPES, "not_decided": NOT_DECIDED, "no_value": NO_VALUE,
    "action_status": ACTION_STATUS, "version_status": VERSION_STATUS, "change_labels": CHANGE_LABELS, "editorial": EDITORIAL_KINDS,
}
