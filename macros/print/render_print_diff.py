"""The comparison of two versions as a printable HTML document (for the PDF).

The same changes as the comparison page (`macros.compare.diff`, grouped by
`change_groups`): the summary first, then each changed item as was/wordt with
deletions struck through and insertions underlined. Every mark also has a text
label ("[verwijderd: ...]"), so the document reads right in black and white
and to a screen reader.
"""

from __future__ import annotations

from macros.words import CHANGE_LABELS, FIELD_LABELS, KIND_LABELS, VERSION_STATUS, dutch_date
import re

from macros.compare.diff import Change, diff, lineage, summary, word_diff
from macros.policy.model import Agenda
from macros.print.render_print import PrintDocument, page_head
from macros.site.render_versions import change_groups, old_title
from macros.policy.text import escape, render_inline
from macros.policy.versions import describe, version_title


class ComparisonPrinter:
    def __init__(self, old: Agenda, new: Agenda, versions: tuple[Agenda, ...]):
        self.old, self.new, self.versions = old, new, versions
        self.doc = PrintDocument()

    def title(self) -> str:
        return f"Van {version_title(self.old)} naar {version_title(self.new)}"

    def running(self) -> str:
        return f"Vergelijking van {version_title(self.old)} naar {version_title(self.new)}"

    def html(self, created: str, css: str) -> str:
        body = self.body()
        return (page_head(self.running(), created, css)
                + f"<body>{self.cover()}{self.doc.contents()}{body}</body></html>")

    def cover(self) -> str:
        rows = "".join(
            f'<tr><th scope="row">{label}</th><td>{escape(describe(v))}<br>versie {escape(v.id)}, '
            f"{VERSION_STATUS[v.status]}{', ' + escape(dutch_date(v.date)) if v.date else ' (datum niet bekend)'}</td></tr>"
            for label, v in (("Van", self.old), ("Naar", self.new)))
        notices = "".join(f'<p class="notice"><strong>Let op:</strong> {escape(version_title(v))} is onvolledig. '
                          f"{escape(v.incomplete.strip())}</p>" for v in (self.old, self.new) if v.incomplete)
        return (f'<section class="cover"><p class="cover-municipality">Gemeente {escape(self.new.municipality_name)}</p>'
                f'<p class="cover-title">Vergelijking van twee versies van de veiligheidsagenda</p>'
                f'<p class="cover-subtitle">{escape(self.title())}</p><table class="cover-facts">{rows}</table>'
                f'{notices}<p class="cover-origin">Gemaakt uit dezelfde gegevens als de website. Onderdelen worden op '
                "hun vaste naam (id) gekoppeld: een anders geformuleerde of verplaatste tekst telt als wijziging, "
                "niet als verwijderd en toegevoegd.</p></section>"
                f'<p class="running">{escape(self.running())}</p>')

    def body(self) -> str:
        changes = diff(self.old, self.new)
        groups = change_groups(changes)
        counts = summary(changes)
        h = self.doc.heading
        rows = "".join(f'<tr><th scope="row">{title}</th><td>{len(items)}</td></tr>' for title, items in groups)
        parts = [h(1, "Samenvatting")
                 + f"<p>Wat er verandert van {escape(describe(self.old))} naar {escape(describe(self.new))}.</p>"
                 f'<table class="summary"><thead><tr><th scope="col">Soort wijziging</th><th scope="col">Aantal '
                 f'onderdelen</th></tr></thead><tbody>{rows}<tr><th scope="row">Ongewijzigd</th>'
                 f"<td>{counts['unchanged']}</td></tr></tbody></table>"
                 '<p><strong>Zo leest u de wijzigingen:</strong> verwijderde tekst is <del>doorgestreept</del> en '
                 "staat tussen [verwijderd: ...]; toegevoegde tekst is <ins>onderstreept</ins> en staat tussen "
                 "[toegevoegd: ...].</p>"
                 + "".join(h(2, f"{title} ({len(items)})") + self._list(items) for title, items in groups)]
        notes = lineage(self.new, self.old.id)
        if notes:
            items = "".join(f"<li><strong>{escape(old_title(self.versions, self.old.id, n.old_item))}</strong> is "
                            f"{CHANGE_LABELS.get(n.change, n.change)} <strong>{escape(n.item_title)}</strong>"
                            f"{': ' + render_inline(n.text.strip()) if n.text else ''}</li>" for n in notes)
            parts.append(h(1, "Samengevoegd, gesplitst, voortgezet of vervallen")
                         + f"<p>Wat de nieuwere versie zelf zegt over onderdelen van de oudere:</p><ul>{items}</ul>")
        changed = [ch for ch in changes if ch.kind == "changed"]
        parts.append(h(1, "Wijzigingen per onderdeel (was / wordt)")
                     + ("".join(self._changed(ch) for ch in changed) or "<p><em>Geen.</em></p>"))
        unchanged = [ch for ch in changes if ch.kind == "unchanged"]
        parts.append(h(1, f"Ongewijzigd ({len(unchanged)})") + self._list(unchanged))
        return "".join(f'<section class="part">{p}</section>' for p in parts)

    def _list(self, changes: list[Change]) -> str:
        if not changes:
            return "<p><em>Geen.</em></p>"
        items = []
        for ch in changes:
            e = ch.entry
            extra = f" (was: {escape(ch.old_title)})" if ch.renamed else ""
            where = (f" – van {escape(ch.old_parent)} naar {escape(e.parent)}" if ch.moved
                     else f" – in {escape(e.parent)}" if e.parent else "")
            items.append(f"<li>{KIND_LABELS.get(e.kind, e.kind)}: <strong>{escape(e.title)}</strong>{extra}"
                         f'<span class="meta">{where}</span></li>')
        return f"<ul>{''.join(items)}</ul>"

    def _changed(self, change: Change) -> str:
        e = change.entry
        pairs = change.field_pairs()
        rows = "".join(
            f"<p><strong>{FIELD_LABELS.get(name, name).capitalize()}</strong></p>"
            f'<p class="was"><span class="diff-label">Was:</span> {escape(old)}</p>'
            f'<p class="wordt"><span class="diff-label">Wordt:</span> '
            f'{"".join(_run(op, text) for op, text in word_diff(old, new))}</p>'
            for name, old, new in pairs)
        where = f'<p class="meta">in {escape(e.parent)}</p>' if e.parent else ""
        return (f'<div class="change">{self.doc.heading(3, f"{KIND_LABELS.get(e.kind, e.kind)}: {e.title}", toc=False)}'
                f"{where}{rows}</div>")


def _run(op: str, text: str) -> str:
    """A diff run: struck through or underlined, and labelled in words. Line
    breaks of the YAML are spaces here, as in HTML (WeasyPrint kept them inside
    <ins>), and each label stands apart from the word before it."""
    text = re.sub(r"\s+", " ", text)
    if op == "=":
        return escape(text)
    label = "verwijderd" if op == "-" else "toegevoegd"
    tag = "del" if op == "-" else "ins"
    return (f' <span class="diff-label">[{label}:</span> <{tag}>{escape(text.strip())}</{tag}>'
            '<span class="diff-label">]</span> ')
