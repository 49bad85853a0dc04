"""Pages about versions: the overview, the comparisons, and the banner on
pages of a version that is not in force."""

from __future__ import annotations

from macros.diff import FIELD_LABELS, KIND_LABELS, Change, diff, lineage, summary, word_diff
from macros.markup import block, heading, join
from macros.model import Agenda
from macros.text import escape
from macros.versions import STATUS_LABELS, describe, version_title

CHANGE_LABELS = {"voortgezet": "voortgezet als", "hernoemd": "hernoemd tot", "samengevoegd": "samengevoegd in",
                 "gesplitst": "gesplitst in", "opgegaan-in": "opgegaan in", "nieuw": "nieuw:"}


def site_url(here: str, version_id: str, page_url: str = "") -> str:
    """Relative URL from page `here` (a .md path) to a page of another version's site."""
    stem = here[:-3]
    depth = 0 if stem == "index" else stem.count("/") + 1
    return "../" * (depth + 1) + f"{version_id}/{page_url}"


def page_url(md_path: str) -> str:
    stem = md_path[:-3]
    return "" if stem == "index" else stem + "/"


class VersionPages:
    """Mixed into `Renderer`: needs self.agenda, self.versions, self.current, self.index."""

    def _by_id(self, version_id: str) -> Agenda:
        return next(v for v in self.versions if v.id == version_id)

    def banner(self, here: str, current_pages: frozenset[str]) -> str:
        """HTML for the top of every page of a version that is not in force ('' otherwise)."""
        a, current = self.agenda, self.current
        if current is None or a.id == current.id:
            return ""
        target = here if here in current_pages else "index.md"
        same = "dezelfde pagina" if here in current_pages else "de startpagina"
        kind = {"concept": "een concept", "vervallen": "een vervallen versie", "vastgesteld": "een andere versie"}[a.status]
        return (f'<p class="agenda-banner"><strong>U bekijkt {kind}: {escape(describe(a))}.</strong> '
                f'De versie die nu geldt is {escape(describe(current))}. '
                f'<a href="{site_url(here, current.id, page_url(target))}">Ga naar {same} in de geldende versie</a>.</p>')

    def version_overview(self, here: str) -> str:
        rows = []
        for v in reversed(self.versions):
            marks = []
            if self.current and v.id == self.current.id:
                marks.append("<strong>geldt nu</strong>")
            if v.id == self.agenda.id:
                marks.append("deze site")
            link = (f'<a href="{site_url(here, v.id)}">{escape(v.title)} {v.period_start}-{v.period_end}</a>')
            complete = f"onvolledig: {escape(v.incomplete.strip())}" if v.incomplete else "volledig"
            rows.append(f"<tr><th scope=\"row\">{link}{'<br>' + ', '.join(marks) if marks else ''}</th>"
                        f"<td>{STATUS_LABELS[v.status]}</td><td>{escape(v.date) or '<em>niet bekend</em>'}</td>"
                        f"<td>{escape(v.decision) or '<em>niet vermeld in de bronnen</em>'}</td><td>{complete}</td></tr>")
        table = block('<table class="agenda-versions"><caption>Alle versies van de veiligheidsagenda</caption>'
                      '<thead><tr><th scope="col">Versie</th><th scope="col">Status</th><th scope="col">Datum</th>'
                      '<th scope="col">Besluit</th><th scope="col">Volledigheid</th></tr></thead>'
                      f'<tbody>{"".join(rows)}</tbody></table>', "agenda-table-wrap")
        compare = [f'<li><a href="../vergelijk/{o.id}/">{escape(self._comparison_title(o))}</a></li>'
                   for o in reversed(self.versions) if o.id != self.agenda.id]
        return join(heading(1, "Versies en vergelijkingen"),
                    f"U bekijkt {escape(describe(self.agenda))}. "
                    "Elke versie heeft haar eigen adressen; met de keuzelijst bovenaan de pagina wisselt u van versie "
                    "en blijft u op hetzelfde onderdeel.\n",
                    table, heading(2, "Vergelijken", "vergelijken"),
                    "Zie wat er is toegevoegd, verwijderd of anders geformuleerd:\n",
                    block("".join(compare), "", "ul"))

    def _pair(self, other_id: str) -> tuple[Agenda, Agenda]:
        other = self._by_id(other_id)
        order = [v.id for v in self.versions]
        return (other, self.agenda) if order.index(other.id) < order.index(self.agenda.id) else (self.agenda, other)

    def _comparison_title(self, other: Agenda) -> str:
        old, new = self._pair(other.id)
        return f"Van {version_title(old)} naar {version_title(new)}"

    def comparison(self, other_id: str, here: str) -> str:
        old, new = self._pair(other_id)
        changes = diff(old, new)
        counts = summary(changes)
        parts = [heading(1, self._comparison_title(self._by_id(other_id))),
                 f"Wat er verandert van {escape(describe(old))} naar {escape(describe(new))}: onderdelen worden op hun vaste naam (id) "
                 "gekoppeld, zodat een anders geformuleerde titel als wijziging telt.\n",
                 block(f"{counts['added']} toegevoegd, {counts['removed']} verwijderd, {counts['changed']} gewijzigd.",
                       "agenda-lead", "p")]
        for v in (old, new):
            if v.incomplete:
                parts.append(block(f"<strong>Let op:</strong> {escape(version_title(v))} is onvolledig. "
                                   f"{escape(v.incomplete.strip())}", "agenda-goal", "p"))
        notes = lineage(new, old.id)
        if notes:
            items = "".join(f"<li><strong>{escape(n.item_title)}</strong>: {CHANGE_LABELS.get(n.change, n.change)} "
                            f"{escape(n.old_item) if n.old_item else ''}{' — ' + escape(n.text.strip()) if n.text else ''}</li>"
                            for n in notes)
            parts += [heading(2, "Wat de nieuwe versie zegt over de vorige", "herkomst"), block(items, "", "ul")]
        for kind, title in (("changed", "Gewijzigd"), ("added", "Toegevoegd"), ("removed", "Verwijderd")):
            selected = [c for c in changes if c.kind == kind]
            parts.append(heading(2, f"{title} ({len(selected)})", kind))
            if not selected:
                parts.append("*Geen.*\n")
            elif kind == "changed":
                parts += [self._changed(c) for c in selected]
            else:
                parts.append(block("".join(self._listed(c) for c in selected), "agenda-change-list", "ul"))
        return join(*parts)

    def _listed(self, change: Change) -> str:
        e = change.entry
        where = f" <span class=\"agenda-meta\">in {escape(e.parent)}</span>" if e.parent else ""
        return f"<li>{KIND_LABELS.get(e.kind, e.kind)}: <strong>{escape(e.title)}</strong>{where}</li>"

    def _changed(self, change: Change) -> str:
        e = change.entry
        rows = []
        for f in change.fields:
            runs = "".join(_run(op, text) for op, text in word_diff(f.old, f.new))
            rows.append(f'<p class="agenda-diff-field">{FIELD_LABELS.get(f.field, f.field).capitalize()}:</p>'
                        f'<p class="agenda-diff">{runs}</p>')
        title = escape(e.title)
        if change.old_title and change.old_title != e.title:
            title = f"{escape(change.old_title)} → {title}"
        where = f" <span class=\"agenda-meta\">in {escape(e.parent)}</span>" if e.parent else ""
        return block(f'<p><strong>{KIND_LABELS.get(e.kind, e.kind)}: {title}</strong>{where}</p>{"".join(rows)}',
                     "agenda-change")


def _run(op: str, text: str) -> str:
    """A diff run as HTML that screen readers announce: <del>/<ins> with a spoken label."""
    if op == "=":
        return escape(text)
    if op == "-":
        return f'<del><span class="agenda-sr">[verwijderd: </span>{escape(text)}<span class="agenda-sr">]</span></del>'
    return f'<ins><span class="agenda-sr">[toegevoegd: </span>{escape(text)}<span class="agenda-sr">]</span></ins>'
