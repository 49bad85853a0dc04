"""Pages about versions: the overview, the comparisons, and the banner on
pages of a version that is not in force."""

from __future__ import annotations

from macros.words import CHANGE_LABELS, FIELD_LABELS, KIND_LABELS, VERSION_STATUS
import re

from macros.compare.diff import Change, diff, lineage, summary, word_diff
from macros.site.markup import block, heading, inline, join
from macros.policy.model import Agenda
from macros.site.render_actions import page_url
from macros.policy.text import escape
from macros.policy.versions import describe, version_title



def old_title(versions, version_id: str, item_id: str) -> str:
    """The title of an item in another version (its id if it has no title there)."""
    agenda = next((v for v in versions if v.id == version_id), None)
    if agenda is None or not item_id:
        return item_id
    from macros.compare.diff import entries
    return next((e.title for e in entries(agenda) if e.key == item_id), item_id)


def change_groups(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    """The summary of a comparison, on the page and in the PDF alike."""
    return [
        ("Toegevoegd", [ch for ch in changes if ch.kind == "added"]),
        ("Verwijderd", [ch for ch in changes if ch.kind == "removed"]),
        ("Hernoemd", [ch for ch in changes if ch.renamed]),
        ("Verplaatst", [ch for ch in changes if ch.moved]),
        ("Tekst gewijzigd", [ch for ch in changes if ch.fields]),
    ]


def download_link(href: str, label: str, size: int | None) -> str:
    """A link to a PDF made by `agenda build`, with type and size; a plain
    `mkdocs build` has no PDFs, and then says when they are made."""
    from macros.site.downloads import human_size

    note = f"PDF, {human_size(size)}" if size else "PDF, wordt gemaakt bij het publiceren van de site"
    return f'<a href="{href}" type="application/pdf">{label}</a> ({note})'


def versions_root(here: str) -> str:
    """Relative URL from page `here` (a .md path) to the folder that holds all versions."""
    stem = here[:-3]
    depth = 0 if stem == "index" else stem.count("/") + 1
    return "../" * (depth + 1)


def site_url(here: str, version_id: str, page_url: str = "") -> str:
    """Relative URL from page `here` to a page of another version's site."""
    return versions_root(here) + f"{version_id}/{page_url}"


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

    def version_overview(self, here: str, downloads: dict[str, int] | None = None) -> str:
        from macros.site.downloads import comparison_file, version_file

        downloads = downloads or {}
        rows = []
        for v in reversed(self.versions):
            marks = []
            if self.current and v.id == self.current.id:
                marks.append("<strong>geldt nu</strong>")
            if v.id == self.agenda.id:
                marks.append("deze site")
            link = (f'<a href="{site_url(here, v.id)}">{escape(v.title)} {v.period_start}-{v.period_end}</a>')
            complete = f"onvolledig: {escape(v.incomplete.strip())}" if v.incomplete else "volledig"
            pdf = download_link(site_url(here, v.id, version_file(v)), "Als PDF", downloads.get(f"{v.id}/{version_file(v)}"))
            rows.append(f"<tr><th scope=\"row\">{link}{'<br>' + ', '.join(marks) if marks else ''}</th>"
                        f"<td>{VERSION_STATUS[v.status]}</td><td>{escape(v.date) or '<em>niet bekend</em>'}</td>"
                        f"<td>{escape(v.decision) or '<em>niet vermeld in de bronnen</em>'}</td><td>{complete}</td>"
                        f"<td>{pdf}</td></tr>")
        table = block('<table class="agenda-versions"><caption>Alle versies van de veiligheidsagenda</caption>'
                      '<thead><tr><th scope="col">Versie</th><th scope="col">Status</th><th scope="col">Datum</th>'
                      '<th scope="col">Besluit</th><th scope="col">Volledigheid</th><th scope="col">Downloaden</th></tr></thead>'
                      f'<tbody>{"".join(rows)}</tbody></table>', "agenda-table-wrap")
        ordered_versions = list(self.versions)
        compare = []
        for i, newer in enumerate(reversed(ordered_versions)):
            for older in list(reversed(ordered_versions))[i + 1:]:
                href = site_url(here, newer.id, f"vergelijk/{older.id}/")
                path = comparison_file(older, newer)
                pdf = download_link(site_url(here, newer.id, path), "als PDF", downloads.get(f"{newer.id}/{path}"))
                compare.append(f'<li><a href="{href}">Van {escape(version_title(older))} naar '
                               f'{escape(version_title(newer))}</a> · {pdf}</li>')
        options = "".join(f'<option value="{v.id}">{escape(version_title(v))}</option>' for v in reversed(ordered_versions))
        order = " ".join(v.id for v in ordered_versions)
        form = (f'<form class="agenda-compare" hidden data-order="{order}" data-base="{versions_root(here)}">'
                f'<div class="agenda-filter-field"><label for="vergelijk-van">Van</label>'
                f'<select id="vergelijk-van">{options}</select></div>'
                f'<div class="agenda-filter-field"><label for="vergelijk-naar">Naar</label>'
                f'<select id="vergelijk-naar">{options}</select></div>'
                '<button type="submit">Vergelijk</button>'
                '<p class="agenda-compare-message" role="status" aria-live="polite"></p></form>')
        return join(heading(1, "Versies en vergelijkingen"),
                    f"U bekijkt {escape(describe(self.agenda))}. "
                    "Elke versie heeft haar eigen adressen; met de keuzelijst bovenaan de pagina wisselt u van versie "
                    "en blijft u op hetzelfde onderdeel.\n",
                    table, heading(2, "Vergelijken", "vergelijken"),
                    "Kies twee versies, of open een van de vergelijkingen hieronder. U ziet wat er is toegevoegd, "
                    "verwijderd, verplaatst of anders geformuleerd:\n",
                    block(form, "agenda-filter-wrap"),
                    block("".join(compare), "agenda-comparisons", "ul"))

    def _pair(self, other_id: str) -> tuple[Agenda, Agenda]:
        other = self._by_id(other_id)
        order = [v.id for v in self.versions]
        return (other, self.agenda) if order.index(other.id) < order.index(self.agenda.id) else (self.agenda, other)

    def _comparison_title(self, other: Agenda) -> str:
        old, new = self._pair(other.id)
        return f"Van {version_title(old)} naar {version_title(new)}"

    def comparison(self, other_id: str, here: str, downloads: dict[str, int] | None = None) -> str:
        """Summary first (read in a minute), then each change in the renvooi
        convention: toegevoegd, was/wordt, verwijderd, ongewijzigd."""
        from macros.site.downloads import comparison_file
        from macros.site.render_actions import url

        old, new = self._pair(other_id)
        path = comparison_file(old, new)
        pdf = download_link(url(here, "index.md") + path, "Deze vergelijking als PDF",
                            (downloads or {}).get(f"{self.agenda.id}/{path}"))
        changes = diff(old, new)
        c = summary(changes)
        parts = [heading(1, self._comparison_title(self._by_id(other_id))),
                 f"Wat er verandert van {escape(describe(old))} naar {escape(describe(new))}. Onderdelen worden op "
                 "hun vaste naam (id) gekoppeld: een anders geformuleerde of verplaatste tekst telt als wijziging, "
                 "niet als verwijderd en toegevoegd.\n", block(pdf + ", om te printen of te bewaren.", "agenda-download", "p")]
        for v in (old, new):
            if v.incomplete:
                parts.append(block(f"<strong>Let op:</strong> {escape(version_title(v))} is onvolledig. "
                                   f"{escape(v.incomplete.strip())}", "agenda-goal", "p"))
        groups = change_groups(changes)
        rows = "".join(f'<li><a href="#{_slug(title)}">{title}: {len(items)}</a></li>' for title, items in groups)
        parts += [heading(2, "Samenvatting", "samenvatting"),
                  block(f"<ul>{rows}<li>Ongewijzigd: {c['unchanged']}</li></ul>", "agenda-summary")]
        for title, items in groups:
            listed = "".join(self._listed(ch) for ch in items) or "<li><em>Geen.</em></li>"
            parts.append(block(f'<h3 id="{_slug(title)}">{title} ({len(items)})</h3><ul>{listed}</ul>', "agenda-change-list"))
        notes = lineage(new, old.id)
        if notes:
            items = "".join(f"<li><strong>{escape(old_title(self.versions, old.id, n.old_item))}</strong> is "
                            f"{CHANGE_LABELS.get(n.change, n.change)} <strong>{escape(n.item_title)}</strong>"
                            f"{': ' + inline(n.text.strip()) if n.text else ''}</li>" for n in notes)
            parts += [heading(2, "Samengevoegd, gesplitst, voortgezet of vervallen", "herkomst"),
                      "Wat de nieuwere versie zelf zegt over onderdelen van de oudere:\n", block(items, "", "ul")]
        changed = [ch for ch in changes if ch.kind == "changed"]
        parts.append(heading(2, "Wijzigingen per onderdeel (was / wordt)", "per-onderdeel"))
        parts += [self._changed(ch) for ch in changed] or ["*Geen.*\n"]
        unchanged = [ch for ch in changes if ch.kind == "unchanged"]
        listed = "".join(self._listed(ch) for ch in unchanged) or "<li><em>Geen.</em></li>"
        parts += [heading(2, f"Ongewijzigd ({len(unchanged)})", "ongewijzigd"),
                  block(f"<details><summary>Toon de {len(unchanged)} ongewijzigde onderdelen</summary><ul>{listed}</ul></details>",
                        "agenda-unchanged")]
        return join(*parts)

    def _listed(self, change: Change) -> str:
        e = change.entry
        where = f" <span class=\"agenda-meta\">in {escape(e.parent)}</span>" if e.parent else ""
        title = f"<strong>{escape(e.title)}</strong>"
        if change.kind == "changed":
            title = f'<a href="#wijziging-{e.key}">{title}</a>'
            if change.renamed:
                title += f" <span class=\"agenda-meta\">(was: {escape(change.old_title)})</span>"
            if change.moved:
                where = f" <span class=\"agenda-meta\">van {escape(change.old_parent)} naar {escape(e.parent)}</span>"
        return f"<li>{KIND_LABELS.get(e.kind, e.kind)}: {title}{where}</li>"

    def _changed(self, change: Change) -> str:
        e = change.entry
        pairs = change.field_pairs()
        rows = []
        for field, old_text, new_text in pairs:
            name = FIELD_LABELS.get(field, field)
            anchor = f"{e.key}-{_slug(name)}"
            runs = "".join(_run(op, text) for op, text in word_diff(old_text, new_text))
            rows.append(f'<p class="agenda-diff-field">{name.capitalize()}</p>'
                        f'<p class="agenda-was" id="{anchor}-was"><span class="agenda-label">Was:</span> {escape(old_text)}</p>'
                        f'<p class="agenda-diff" id="{anchor}-wordt"><span class="agenda-label">Wordt:</span> {runs}</p>')
        where = f" <span class=\"agenda-meta\">in {escape(e.parent)}</span>" if e.parent else ""
        return block(f'<h3 id="wijziging-{e.key}">{KIND_LABELS.get(e.kind, e.kind)}: {escape(e.title)}</h3>'
                     f'<p>{where.strip()}</p>{"".join(rows)}', "agenda-change")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _run(op: str, text: str) -> str:
    """A diff run as HTML that screen readers announce: <del>/<ins> with a spoken label."""
    if op == "=":
        return escape(text)
    if op == "-":
        return f'<del><span class="agenda-sr">[verwijderd: </span>{escape(text)}<span class="agenda-sr">]</span></del>'
    return f'<ins><span class="agenda-sr">[toegevoegd: </span>{escape(text)}<span class="agenda-sr">]</span></ins>'
