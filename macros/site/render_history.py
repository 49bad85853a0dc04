"""Pages and page parts about changes: an item's history, the wijzigingen page.

The history comes from `macros.compare.history` (git); here it is only shown. Minor
changes appear in an item's history as "kleine correctie" but are not
announced: not on the wijzigingen page, not in the feed.
"""

from __future__ import annotations

from macros.words import dutch_date
from macros.compare.history import History, PolicyChange, kind_label
from macros.site.markup import heading
from macros.site.render_actions import url
from macros.policy.text import escape

FEED = "wijzigingen.xml"  # the Atom feed, next to the pages of the version
CHANGES_PAGE = "wijzigingen.md"


def feed_url(here: str) -> str:
    """The feed's address from page `here` (a file beside the version's pages)."""
    return url(here, "index.md") + FEED


def time_tag(iso: str) -> str:
    return f'<time datetime="{iso}">{dutch_date(iso)}</time>'


def change_summary(change: PolicyChange, version_title: str) -> str:
    """One sentence for a change without an author's note."""
    if change.first:
        return f"Eerste publicatie van {version_title}."
    if len(change.items) == 1:
        item = change.items[0]
        return f"{kind_label(item.kind)} {item.title}: {item.describe()}."
    counts = {"added": 0, "removed": 0, "changed": 0}
    for item in change.items:
        counts[item.change] += 1
    parts = [f"{n} {word}" for n, word in ((counts["changed"], "gewijzigd"), (counts["added"], "toegevoegd"),
                                          (counts["removed"], "verwijderd")) if n]
    return f"{len(change.items)} onderdelen: " + ", ".join(parts) + "." if parts else "Geen inhoudelijke wijziging."


class HistoryPages:
    history: History

    def item_history(self, key: str, here: str) -> str:
        """The history section at the end of an item page."""
        out = heading(2, "Geschiedenis", "geschiedenis")
        history = self.history
        if not history.available:
            return out + _unavailable(history)
        entries = history.of_item(key)
        last = history.last_changed(key)
        lines = []
        if last is not None:
            lines.append(f"<p>Laatst inhoudelijk gewijzigd op {time_tag(last.date)}.</p>")
        items = []
        for change, item in entries:
            what = "eerste publicatie" if change.first else item.describe()
            minor = "" if change.major else ' <span class="agenda-minor">(kleine correctie, niet aangekondigd)</span>'
            note = f" {escape(change.note)}" if change.note and change.major else ""
            items.append(f"<li>{time_tag(change.date)}: {escape(what)}.{note}{minor}</li>")
        if items:
            lines.append('<ul class="agenda-history">' + "".join(items) + "</ul>")
        lines.append(f'<p><a href="{url(here, CHANGES_PAGE)}">Alle wijzigingen in deze versie</a></p>')
        return out + "\n".join(lines) + "\n"

    def changes_page(self, here: str) -> str:
        """The wijzigingen page: every announced change of this version, newest first."""
        agenda = self.agenda
        out = heading(1, "Wijzigingen")
        feed = feed_url(here)
        out += (f"<p>Inhoudelijke wijzigingen in {escape(agenda.title)}, de nieuwste eerst. Kleine correcties, "
                "zoals een verbeterde tikfout, worden bij het onderdeel vastgelegd maar hier niet aangekondigd. "
                f'Volg de wijzigingen met een feedlezer: <a href="{feed}" type="application/atom+xml">'
                "wijzigingen als Atom-feed</a>.</p>\n\n")
        if not self.history.available:
            return out + _unavailable(self.history)
        announced = self.history.announced
        if not announced:
            return out + '<p class="agenda-empty">Er zijn nog geen wijzigingen aangekondigd.</p>\n'
        for change in announced:
            out += heading(2, dutch_date(change.date) + (f": {change.note}" if change.note else ""),
                           f"wijziging-{change.commit[:12]}")
            out += f"<p>{escape(change_summary(change, agenda.title))}</p>\n"
            if len(change.items) > 1:
                rows = []
                for item in change.items:
                    found = self.index.links.get(item.key) if item.change != "removed" else None
                    name = escape(item.title)
                    label = f'<a href="{url(here, found.page, found.anchor)}">{name}</a>' if found else name
                    rows.append(f"<li>{escape(kind_label(item.kind))} {label}: {escape(item.describe())}</li>")
                listing = '<ul class="agenda-changes">' + "".join(rows) + "</ul>"
                if len(rows) > 10:  # a long list (a new action plan) folded, so the page stays a list of changes
                    listing = f"<details><summary>De {len(rows)} onderdelen</summary>{listing}</details>"
                out += listing + "\n\n"
        return out


def _unavailable(history: History) -> str:
    return f'<p class="agenda-empty">De wijzigingsgeschiedenis is niet beschikbaar: {escape(history.reason)}.</p>\n'
