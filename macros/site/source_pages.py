"""One page per source document: its extracted text with an anchor per section.

`source_url` gives, for a `Source` of the model, the link to the anchor of the
cited section, so that every "Bron: § x" on the site can take the reader to the
text in one click. The page body is laid out by `templates/source_document.html`.
"""

from __future__ import annotations

import re
import unicodedata

from macros.policy.model import Agenda, Source
from macros.policy.sources import SourceText
from macros.site.links import relative
from macros.words import section_label

FOLDER = "bron"
FIX_KINDS = {"afbreking": "afgebroken woord", "paginanummer": "paginanummer of kop", "tabel": "tabelrij",
             "ocr": "tekstherkenning", "bronfout": "fout in de bron"}


def source_page(document_id: str) -> str:
    """The docs-relative path of a document's page: 'bron/sva-2024-2027.md'."""
    return f"{FOLDER}/{document_id}.md"


def section_anchor(section: str) -> str:
    """The anchor of a section on its document's page: '4.3.1' -> 'sectie-4-3-1'.

    A citation of two sections ('A / B') goes to the first.
    """
    first = section.split(" / ")[0].strip()
    plain = unicodedata.normalize("NFKD", first).encode("ascii", "ignore").decode().lower()
    return "sectie-" + (re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "0")


def source_url(here: str, source: Source) -> str:
    """The URL, relative to page `here` (a docs-relative .md path), of the cited section's anchor
    on its document's page, as the built site has it (directory URLs)."""
    target = _directory(source_page(source.document))
    path = relative(target, _directory(here)) if target != _directory(here) else "."
    path = "" if path == "." else path + "/"
    return f"{path}#{section_anchor(source.section)}"


def _directory(md_path: str) -> str:
    stem = md_path[:-3]
    if stem == "index":
        return ""
    return stem[: -len("/index")] if stem.endswith("/index") else stem


def source_document_view(agenda: Agenda, text: SourceText) -> dict:
    """View data for the page of one document: its sections in order, each with anchor and level."""
    doc = agenda.document(text.document)
    seen, sections = set(), []
    for name, body in text.segments:
        first = bool(name) and name not in seen
        seen.add(name)
        depth, up = 0, text.parents.get(name)
        while up:
            depth, up = depth + 1, text.parents.get(up)
        label = section_label(name)
        sections.append({"name": name, "label": label, "anchor": section_anchor(name) if first else "",
                         "level": min(2 + depth, 6), "continued": bool(name) and not first, "text": body.strip()})
    return {
        "title": doc.title if doc else text.document, "publisher": doc.publisher if doc else "",
        "date": doc.date if doc else "", "document": text.document, "file": text.path.name,
        "sections": [s for s in sections if s["text"] or s["anchor"]],
        "fixes": [{"kind": FIX_KINDS.get(f.kind, f.kind), "find": f.find, "replace": f.replace, "reason": f.reason}
                  for f in text.fixes],
    }


def source_document(data, here: str, document_id: str) -> dict:
    """The view of a document's page (laid out by `pages/source_document.md`)."""
    return source_document_view(data.agenda, data.source_texts[document_id])
