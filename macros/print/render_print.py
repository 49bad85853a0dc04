"""One version of the agenda as a single printable HTML document (for the PDF).

The site splits the agenda into linked pages; on paper a council member reads
it front to back, like the document it replaces: cover, contents, chapters in
the order of their numbers, then the appendices. Same model, same sanitiser
(`macros.policy.text`) and the same Dutch words for empty fields as the site, so the
PDF says what the site says. Policy text never becomes markup or a template.
"""

from __future__ import annotations

from macros.words import ACTION_STATUS, LABELS, NO_VALUE, NOT_DECIDED, PARTNER_TYPES, VERSION_STATUS, dutch_date, dutch_number

from macros.policy.index import Index
from macros.policy.model import Agenda, Item, Note, Section, Source, Speerpunt
from macros.policy.text import escape, render_inline, render_text



def page_head(title: str, created: str, extra_css: str) -> str:
    """<head> with what WeasyPrint turns into PDF metadata (title, language, dates)."""
    return (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{escape(title)}</title>'
            f'<meta name="dcterms.created" content="{created}"><meta name="dcterms.modified" content="{created}">'
            f'<meta name="generator" content="veiligheidsagenda"><style>{extra_css}</style></head>')


class PrintDocument:
    """Collects headings (for the table of contents) while the body is written."""

    def __init__(self):
        self.toc: list[tuple[int, str, str]] = []  # (level, anchor, label)
        self._count = 0

    def heading(self, level: int, title: str, number: str = "", toc: bool = True, css: str = "") -> str:
        self._count += 1
        anchor = f"k{self._count}"
        label = f"{number} {title}" if number else title
        if toc and level <= 2:
            self.toc.append((level, anchor, label))
        attr = f' class="{css}"' if css else ""
        return f'<h{level} id="{anchor}"{attr}>{escape(label)}</h{level}>'

    def contents(self) -> str:
        """Entries link to their heading; CSS adds the page number with target-counter()."""
        rows = "".join(f'<li class="toc-{level}"><a href="#{anchor}">{escape(label)}</a></li>'
                       for level, anchor, label in self.toc)
        return f'<nav class="toc"><h1 class="toc-title">Inhoud</h1><ol>{rows}</ol></nav>'


def text(source: str, css: str = "text") -> str:
    return f'<div class="{css}">{render_text(source)}</div>' if source else ""


class VersionPrinter:
    """The print HTML of one version: `VersionPrinter(agenda, index).html(created, css)`."""

    def __init__(self, agenda: Agenda, index: Index, site_url: str = ""):
        self.agenda = agenda
        self.index = index
        self.site_url = site_url
        self.doc = PrintDocument()

    def html(self, created: str, css: str) -> str:
        body = self.body()  # first, so the contents know every heading
        a = self.agenda
        return (page_head(f"{a.title} – {self.version_label()}", created, css)
                + f"<body>{self.cover()}{self.doc.contents()}{body}</body></html>")

    def version_label(self) -> str:
        a = self.agenda
        return f"versie {a.id} ({VERSION_STATUS[a.status]})"

    # --- cover ---------------------------------------------------------------------------

    def cover(self) -> str:
        a = self.agenda
        period = f"{a.period_start}-{a.period_end}"
        title = a.title if period in a.title else f"{a.title} {period}"
        status = VERSION_STATUS[a.status] + (f", {dutch_date(a.date)}" if a.date else " (datum niet bekend)")
        facts = [("Versie", escape(a.id)), ("Periode", period), ("Status", escape(status))]
        if a.decision:
            facts.append(("Besluit", escape(a.decision)))
        docs = "".join(f"<li><cite>{escape(d.title)}</cite>"
                       + "".join(f", {escape(x)}" for x in (d.publisher, d.date) if x) + "</li>" for d in a.documents)
        facts.append(("Bron" if len(a.documents) == 1 else "Bronnen", f"<ul>{docs}</ul>"))
        rows = "".join(f"<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>" for k, v in facts)
        incomplete = (f'<p class="notice"><strong>Let op: deze versie is onvolledig.</strong> '
                      f"{escape(a.incomplete.strip())}</p>") if a.incomplete else ""
        origin = ("Gemaakt uit dezelfde gegevens als de website"
                  + (f' <a href="{escape(self.site_url)}">{escape(self.site_url)}</a>' if self.site_url else "") + ".")
        return (f'<section class="cover"><p class="cover-municipality">Gemeente {escape(a.municipality_name)}</p>'
                f'<p class="cover-title" data-running="{escape(title)}">{escape(title)}</p>'
                + (f'<p class="cover-subtitle">{escape(a.subtitle)}</p>' if a.subtitle else "")
                + f'<p class="cover-status">{escape(VERSION_STATUS[a.status])}</p>'
                f'<table class="cover-facts">{rows}</table>{incomplete}<p class="cover-origin">{origin}</p></section>'
                f'<p class="running">{escape(title)} · {escape(self.version_label())}</p>')

    # --- shared pieces -------------------------------------------------------------------

    def source(self, source: Source | None) -> str:
        if source is None:
            return ""
        doc = self.agenda.document(source.document)
        where = f"§ {escape(source.section)}" if source.section[:1].isdigit() else escape(source.section)
        return f'<p class="source">{LABELS["source"]}: <cite>{escape(doc.title if doc else source.document)}</cite>, {where}</p>'

    def partner_label(self, partner_id: str) -> str:
        p = self.index.partners.get(partner_id)
        if p is None:
            return partner_id
        return f"{p.name} ({p.abbreviation})" if p.abbreviation and p.abbreviation not in p.name else p.name

    def partners(self, partner_ids: tuple[str, ...]) -> str:
        if not partner_ids:
            return f'<p class="meta"><em>{LABELS["no_partners"]}</em></p>'
        names = ", ".join(escape(self.partner_label(p)) for p in partner_ids)
        return f'<p class="meta"><strong>{LABELS["partners"]}:</strong> {names}</p>'

    def actions(self, item_id: str) -> str:
        found = self.index.actions_for.get(item_id, [])
        if not found:
            return ""
        names = "; ".join(f'<a href="#actie-{a.id}">{escape(a.title)}</a>' for a in found)
        return f'<p class="meta"><strong>Acties (zie de uitvoeringsagenda):</strong> {names}</p>'

    def goal(self, goal: str) -> str:
        if not goal:
            return f'<p class="goal"><strong>{LABELS["goal"]}:</strong> <em>{LABELS["no_goal"]}</em></p>'
        return f'<div class="goal"><p><strong>{LABELS["goal"]}:</strong></p>{render_text(goal)}</div>'

    def notes(self, notes: tuple[Note, ...]) -> str:
        if not notes:
            return ""
        items = "".join(f'<li value="{escape(n.number)}">{render_inline(n.text)}</li>' for n in notes)
        return f'<div class="notes"><p class="notes-title">{LABELS["notes"]}</p><ol>{items}</ol></div>'

    def items(self, items: tuple[Item, ...], level: int) -> str:
        out, plain = [], []
        for item in items:
            if item.text:
                out += [self.doc.heading(min(level, 6), item.title, toc=False), text(item.text)]
            else:
                plain.append(f"<li>{escape(item.title)}</li>")
        return (f"<ul>{''.join(plain)}</ul>" if plain else "") + "".join(out)

    def figure_ids(self, ids: tuple[str, ...]) -> str:
        figures = {f.id: f for f in self.agenda.figures}
        series = {s.id: s for s in self.agenda.series}
        cards = "".join(self.figure(figures[i]) for i in ids if i in figures)
        return (f'<div class="figures">{cards}</div>' if cards else "") + "".join(
            self.series(series[i]) for i in ids if i in series)

    def figure(self, f) -> str:
        context = f'<span class="figure-context">{render_inline(f.context)}</span>' if f.context else ""
        origin = f'<span class="figure-origin">{escape(f.origin)}</span>' if f.origin else ""
        return (f'<div class="figure"><span class="figure-value">{escape(f.value)}</span>'
                f'<span class="figure-label">{escape(f.label)}</span>{context}{origin}</div>')

    def series(self, s) -> str:
        head = "".join(f"<th scope=\"col\">{escape(str(c))}</th>" for c in s.categories)
        rows = "".join(f'<tr><th scope="row">{escape(r.label)}</th>'
                       + "".join(f"<td>{'—' if v is None else dutch_number(v)}</td>" for v in r.values) + "</tr>"
                       for r in s.rows)
        caption = escape(s.title) + (f". {escape(s.caption)}" if s.caption else "")
        return (f'<table class="series"><caption>{caption}</caption><thead><tr><td></td>{head}</tr></thead>'
                f"<tbody>{rows}</tbody></table>")

    def section(self, s: Section, level: int) -> str:
        body = ((f'<p class="statement">{render_inline(s.statement)}</p>' if s.statement else "")
                + text(s.lead, "lead") + text(s.text) + self.items(s.items, level + 1) + self.figure_ids(s.figures))
        if s.style in ("case", "news", "quote"):
            label = LABELS["case"] if s.style == "case" and s.title != LABELS["case"] else ""
            title = f'<p class="box-title">{escape(label or s.title)}</p>' + (
                f"<p><strong>{escape(s.title)}</strong></p>" if label else "")
            attribution = f'<p class="attribution">{escape(s.attribution)}</p>' if s.attribution else ""
            return f'<div class="box box-{s.style}">{title}{body}{attribution}</div>'
        children = "".join(self.section(c, level + 1) for c in s.sections)
        return self.doc.heading(min(level, 6), s.title, s.number) + body + children + self.source(s.source)

    # --- the document ----------------------------------------------------------------------

    def body(self) -> str:
        a = self.agenda
        numbered = [(c.number, lambda c=c: self.chapter(c)) for c in a.chapters]
        if a.strategy:
            numbered.append((a.strategy.number, self.strategy))
        if a.core_tasks:
            numbered.append((a.core_tasks.number, self.core_tasks))
        numbered += [(t.number, lambda t=t: self.theme(t)) for t in a.themes]
        if a.fundament:
            numbered.append((a.fundament.number, self.fundament))
        parts = [render() for _, render in sorted(numbered, key=lambda x: _key(x[0]))]
        parts += [self.action_plan(p) for p in a.action_plans]
        for present, render in ((a.indicators, self.indicators), (a.figures or a.series, self.key_figures),
                                (a.partners, self.partner_list), (a.glossary, self.glossary)):
            if present:
                parts.append(render())
        parts += [self.regional(r) for r in a.regionals]
        parts += [self.programme(p) for p in a.programmes]
        parts.append(self.sources())
        return "".join(f'<section class="part">{p}</section>' for p in parts)

    def chapter(self, c) -> str:
        author = ""
        if c.author_name:
            role = f"<br>{escape(c.author_role)}" if c.author_role else ""
            author = f'<p class="author"><strong>{escape(c.author_name)}</strong>{role}</p>'
        return (self.doc.heading(1, c.title, c.number) + text(c.lead, "lead") + text(c.text) + author
                + self.source(c.source) + "".join(self.section(s, 2) for s in c.sections) + self.notes(c.notes))

    def strategy(self) -> str:
        s = self.agenda.strategy
        h = self.doc.heading
        out = [h(1, s.title, s.number), text(s.text),
               h(2, "Missie"), text(s.mission.lead), text(s.mission.text, "statement"), self.source(s.mission.source),
               h(2, "Visie"), text(s.vision.lead), text(s.vision.text, "statement"), self.source(s.vision.source)]
        if s.core_values:
            out += [h(2, "Kernwaarden"), text(s.core_values_text),
                    "<ul>" + "".join(f"<li>{escape(v)}</li>" for v in s.core_values) + "</ul>",
                    self.source(s.core_values_source)]
        if s.principles:
            out += [h(2, "Uitgangspunten"), text(s.principles_text), self.items(s.principles, 3),
                    self.source(s.principles[0].source)]
        return "".join(out)

    def core_tasks(self) -> str:
        ct = self.agenda.core_tasks
        out = [self.doc.heading(1, ct.title, ct.number), text(ct.lead, "lead")]
        for task in ct.tasks:
            out += [self.doc.heading(2, f"{task.title} ({task.role})" if task.role else task.title), text(task.text),
                    self.source(task.source)]
        return "".join(out)

    def speerpunt(self, sp: Speerpunt, level: int) -> str:
        return (self.doc.heading(level, sp.title, toc=False) + text(sp.text) + self.partners(sp.partners)
                + self.actions(sp.id) + self.source(sp.source))

    def theme(self, t) -> str:
        out = [self.doc.heading(1, t.title, t.number), text(t.lead, "lead"), self.source(t.source),
               *(self.section(s, 2) for s in t.sections)]
        if t.speerpunten:
            out += [self.doc.heading(2, LABELS["speerpunten"]), *(self.speerpunt(sp, 3) for sp in t.speerpunten)]
        for p in t.pillars:
            out += [self.doc.heading(2, p.title, p.number), text(p.text), self.source(p.source)]
            if p.speerpunten:
                out += [self.doc.heading(3, LABELS["speerpunten"], toc=False),
                        *(self.speerpunt(sp, 4) for sp in p.speerpunten)]
        out.append(self.notes(t.notes))
        return "".join(out)

    def fundament(self) -> str:
        f = self.agenda.fundament
        out = [self.doc.heading(1, f.title, f.number), text(f.lead, "lead"), self.source(f.source)]
        for g in f.groups:
            out += [self.doc.heading(2, g.title, g.number)]
            if g.goal or not g.topics:
                out.append(self.goal(g.goal))
            out += [text(g.text), self.partners(g.partners) if g.partners or not g.topics else "",
                    self.actions(g.id), self.source(g.source)]
            for topic in g.topics:
                out += [self.doc.heading(3, topic.title, topic.number), self.goal(topic.goal), text(topic.text),
                        self.partners(topic.partners), self.actions(topic.id), self.source(topic.source)]
        return "".join(out)

    def action_plan(self, plan) -> str:
        """A wide table on landscape pages, like the uitvoeringsagenda in print."""
        def cell(value: str) -> str:
            return value or f"<em>{NOT_DECIDED}</em>"
        rows = []
        for n, action in enumerate(plan.actions, 1):
            serves = self.index.links.get(action.serves)
            theme = self.index.theme_of_action(action)
            where = escape(serves.title if serves else action.serves) + (
                f'<br><span class="meta">{escape(theme.title if theme else LABELS["fundament"])}</span>')
            core = self.index.links.get(action.core_task) if action.core_task else None
            period = " tot en met ".join(escape(x) for x in (action.period_start, action.period_end) if x)
            partners = ", ".join(escape(self.partner_label(p)) for p in action.partners) or "<em>geen genoemd</em>"
            rows.append(
                f'<tr id="actie-{action.id}"><td>{n}</td><td><strong>{escape(action.title)}</strong>'
                f'{render_text(action.description)}</td><td>{where}</td><td>{cell(escape(core.title) if core else "")}</td>'
                f"<td>{cell(escape(self.partner_label(action.led_by)) if action.led_by else '')}</td><td>{partners}</td>"
                f"<td>{cell(period)}</td><td>{cell(ACTION_STATUS.get(action.status, ''))}</td>"
                f"<td>{cell(escape(action.budget))}</td></tr>")
        head = "".join(f'<th scope="col">{h}</th>' for h in ("Nr.", "Actie", "Draagt bij aan", "Kerntaak", "Trekker",
                                                            "Partners", "Periode", "Status", "Budget"))
        return (f'<div class="landscape">{self.doc.heading(1, plan.title or f"Uitvoeringsagenda {plan.year}")}'
                f'{text(plan.text)}<table class="actions"><thead><tr>{head}</tr></thead>'
                f'<tbody>{"".join(rows)}</tbody></table></div>')

    def indicators(self) -> str:
        a = self.agenda
        out = [self.doc.heading(1, "Indicatoren"), text(a.indicators_text), self.source(a.indicators_source)]
        for i in a.indicators:
            values = ", ".join(f"{v.year}: {escape(v.value)}" for v in i.values) or f"<em>{NO_VALUE}</em>"
            informs = ", ".join(escape(self.index.links[t].title) for t in i.informs if t in self.index.links)
            out += [self.doc.heading(3, i.title, toc=False), text(i.measures),
                    f'<p class="meta"><strong>Waarde:</strong> {values}</p>',
                    f'<p class="meta"><strong>Zegt iets over:</strong> {informs}</p>' if informs else ""]
        return "".join(out)

    def key_figures(self) -> str:
        a = self.agenda
        out = [self.doc.heading(1, "Kerncijfers"), "<p>De cijfers die de veiligheidsagenda noemt, met hun bron.</p>"]
        if a.figures:
            out.append(f'<div class="figures">{"".join(self.figure(f) for f in a.figures)}</div>')
        out += [self.series(s) + self.source(s.source) for s in a.series]
        return "".join(out)

    def partner_list(self) -> str:
        out = [self.doc.heading(1, LABELS["partners"])]
        for kind, label in PARTNER_TYPES.items():
            found = [p for p in self.agenda.partners if p.type == kind]
            if found:
                entries = "".join(f"<dt>{escape(self.partner_label(p.id))}</dt><dd>"
                                  + (render_text(p.description) or f"<em>{LABELS['no_description']}</em>") + "</dd>"
                                  for p in found)
                out += [self.doc.heading(2, label), f'<dl class="partners">{entries}</dl>']
        return "".join(out)

    def glossary(self) -> str:
        entries = "".join(f"<dt>{escape(t.term)}</dt><dd>{escape(t.meaning)}</dd>" for t in self.agenda.glossary)
        return self.doc.heading(1, "Begrippen en afkortingen") + f'<dl class="glossary">{entries}</dl>'

    def regional(self, r) -> str:
        meta = ", ".join(escape(x) for x in (r.authors, dutch_date(r.date)) if x)
        out = [self.doc.heading(1, r.title), f'<p class="meta">Regio {escape(r.region)}{" · " + meta if meta else ""}</p>',
               text(r.lead, "lead"), text(r.text), self.source(r.source), self.doc.heading(2, "Thema's van de regio")]
        for theme in r.themes:
            answered = ", ".join(escape(self.index.links[t].title) for t in theme.answered_by if t in self.index.links)
            out += [self.doc.heading(3, theme.title, toc=False), text(theme.text),
                    f'<p class="meta"><strong>In de veiligheidsagenda:</strong> {answered}</p>' if answered else "",
                    self.source(theme.source)]
        out += [self.section(s, 2) for s in r.sections]
        return "".join(out)

    def programme(self, p) -> str:
        out = [self.doc.heading(1, p.title),
               f'<p class="meta">Eerder programma{" · " + escape(dutch_date(p.date)) if p.date else ""}</p>',
               text(p.lead, "lead"), text(p.text), self.source(p.source)]
        if p.phenomena:
            out += [self.doc.heading(2, "Wat we zagen"), self.items(p.phenomena, 3)]
        if p.sporen:
            out += [self.doc.heading(2, "Sporen"), self.items(p.sporen, 3)]
        out += [self.section(s, 2) for s in p.sections]
        return "".join(out)

    def sources(self) -> str:
        a = self.agenda
        docs = "".join(f"<li><cite>{escape(d.title)}</cite>"
                       + "".join(f", {escape(x)}" for x in (d.publisher, d.date) if x) + "</li>" for d in a.documents)
        refs = "".join(f"<li>{render_inline(r.text)}"
                       + (f' <a href="{escape(r.url)}">{escape(r.url)}</a>' if r.url else "") + "</li>"
                       for r in a.references)
        return (self.doc.heading(1, "Bronnen") + f"<ul>{docs}</ul>"
                + (self.doc.heading(2, "Verwijzingen") + f"<ul>{refs}</ul>" if refs else ""))


def _key(number: str) -> tuple:
    return tuple(int(p) for p in number.split(".")) if number else ()
