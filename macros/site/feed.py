"""The Atom feed of announced policy changes (RFC 4287).

Built with ElementTree, so every text is escaped by the XML writer, never by
hand. Entries link to the wijzigingen page; ids are stable per commit and
version, so a feed reader shows each change once.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from macros.compare.history import History, kind_label
from macros.policy.model import Agenda
from macros.site.view_history import change_summary

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(timestamp: int) -> str:
    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def atom_feed(agenda: Agenda, history: History, site_url: str, fallback_time: int) -> str:
    """The feed of one version's site at `site_url` (its absolute base address)."""
    base = site_url.rstrip("/") + "/"
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})

    def add(parent, tag, text=None, **attrs):
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    announced = history.announced if history.available else []
    add(feed, "title", f"Wijzigingen in {agenda.title}")
    add(feed, "subtitle", f"Inhoudelijke wijzigingen in het veiligheidsbeleid van {agenda.municipality_name}, "
                          f"versie {agenda.id}")
    add(feed, "id", f"{base}wijzigingen.xml")
    add(feed, "link", rel="self", href=f"{base}wijzigingen.xml", type="application/atom+xml")
    add(feed, "link", rel="alternate", href=f"{base}wijzigingen/", type="text/html")
    add(feed, "updated", _stamp(announced[0].timestamp if announced else fallback_time))
    author = add(feed, "author")
    add(author, "name", f"Gemeente {agenda.municipality_name}")
    for change in announced:
        entry = add(feed, "entry")
        summary = change_summary(change, agenda.title)
        add(entry, "title", change.note or summary)
        add(entry, "id", f"{base}wijzigingen/#wijziging-{change.commit[:12]}")
        add(entry, "link", rel="alternate", href=f"{base}wijzigingen/#wijziging-{change.commit[:12]}", type="text/html")
        add(entry, "updated", _stamp(change.timestamp))
        lines = [summary] + [f"- {kind_label(i.kind)} {i.title}: {i.describe()}" for i in change.items]
        add(entry, "summary", "\n".join(lines))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"
