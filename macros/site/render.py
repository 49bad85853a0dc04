"""Render the model into page bodies (Markdown with sanitised HTML blocks).

One function per kind of page; each takes the model objects and `here`, the
docs-relative path of the page being written, so that links are relative and
checked by mkdocs. Dutch words shown to residents live in `LABELS`.
"""

from __future__ import annotations

from macros.words import LABELS, PARTNER_TYPES, dutch_number
from macros.compare.history import History
from macros.policy.index import Index, page_path
from macros.site.markup import block, heading, inline, join, link, md_escape, text
from macros.policy.model import (Agenda, Chapter, FundamentGroup, Item, Note, Partner, Pillar, Section, Series,
                          Source, Speerpunt, Theme, Topic)
from macros.site.render_actions import ActionPages
from macros.site.render_context import ContextPages
from macros.site.render_figures import FigurePages
from macros.site.render_history import HistoryPages
from macros.site.render_versions import VersionPages
from macros.site.source_pages import source_document_page
from macros.policy.text import escape, render_text



class Renderer(ActionPages, VersionPages, FigurePages, ContextPages, HistoryPages):
    """Renders pages of one agenda; holds the model, its index and the other versions."""

    def __init__(self, agenda: Agenda, index: Index, versions: tuple[Agenda, ...] = (), current: Agenda | None = None,
                 history: History | None = None, source_texts: dict | None = None):
        self.source_texts = source_texts or {}  # document id -> SourceText (macros.policy.sources)
        self.history = history or History(False, "de geschiedenis is niet opgevraagd")
        self.agenda = agenda
        self.index = index
        self.versions = versions or (agenda,)
        self.current = current

    # --- shared pieces -----------------------------------------------------------------

    def page(self, kind: str, item_id: str, here: str, downloads: dict | None = None) -> str:
        """The body of one page: `kind` names the renderer, `item_id` the item;
        a page of one item ends with the item's history. `downloads`: sizes of
        the PDF files, known only when `agenda build` made them."""
        body = self._page_body(kind, item_id, here, downloads or {})
        if kind in _ITEM_PAGES:
            body += "\n" + self.item_history(item_id, here)
        return body

    def _page_body(self, kind: str, item_id: str, here: str, downloads: dict) -> str:
        agenda = self.agenda
        if kind == "chapter":
            return self.chapter(next(c for c in agenda.chapters if c.id == item_id), here)
        if kind == "theme":
            return self.theme(next(t for t in agenda.themes if t.id == item_id), here)
        if kind == "pillar":
            return self.pillar(next(p for t in agenda.themes for p in t.pillars if p.id == item_id), here)
        if kind == "topic":
            groups = agenda.fundament.groups
            found = [g for g in groups if g.id == item_id] + [t for g in groups for t in g.topics if t.id == item_id]
            return self.topic(found[0], here)
        if kind == "action":
            return self.action(self.index.actions[item_id], here)
        if kind == "regional":
            return self.regional(next(x for x in agenda.regionals if x.id == item_id), here)
        if kind == "programme":
            return self.programme(next(x for x in agenda.programmes if x.id == item_id), here)
        if kind == "progress":
            return self.progress(int(item_id), here)
        if kind == "comparison":
            return self.comparison(item_id, here, downloads)
        if kind in ("open_data", "version_overview"):
            return getattr(self, kind)(here, downloads)
        if kind == "partner":
            return self.partner(self.index.partners[item_id], here)
        if kind == "source_document":
            return source_document_page(agenda, self.source_texts[item_id], here)
        return getattr(self, kind)(here)

    def source(self, source: Source | None) -> str:
        if source is None:
            return ""
        doc = self.agenda.document(source.document)
        title = escape(doc.title if doc else source.document)
        section = source.section
        where = f"§ {escape(section)}" if section[:1].isdigit() else escape(section)
        return block(f'{LABELS["source"]}: <cite>{title}</cite>, {where}', "agenda-source", "p")

    def partner_links(self, here: str, partner_ids: tuple[str, ...], empty: str = "") -> str:
        if not partner_ids:
            return f"*{empty}*\n" if empty else ""
        names = [link(here, self.index.link(p).page, self._partner_label(p)) for p in partner_ids]
        return f"**{LABELS['partners']}:** " + ", ".join(names) + "\n"

    def _partner_label(self, partner_id: str) -> str:
        partner = self.index.partners[partner_id]
        return f"{partner.name} ({partner.abbreviation})" if partner.abbreviation and partner.abbreviation not in partner.name else partner.name

    def figures(self, figure_ids: tuple[str, ...]) -> str:
        figures = {f.id: f for f in self.agenda.figures}
        series = {s.id: s for s in self.agenda.series}
        cards = [self.figure_card(figures[i]) for i in figure_ids if i in figures]
        tables = [self.series_table(series[i]) for i in figure_ids if i in series]
        out = block("\n".join(cards), "agenda-figures") if cards else ""
        return join(out, *tables)

    def figure_card(self, figure) -> str:
        context = f'<span class="agenda-figure-context">{inline(figure.context)}</span>' if figure.context else ""
        origin = f'<span class="agenda-figure-origin">{escape(figure.origin)}</span>' if figure.origin else ""
        return (f'<div class="agenda-figure" id="{figure.id}"><span class="agenda-figure-value">{escape(figure.value)}</span>'
                f'<span class="agenda-figure-label">{escape(figure.label)}</span>{context}{origin}</div>')

    def series_table(self, series: Series) -> str:
        head = "".join(f'<th scope="col">{escape(str(c))}</th>' for c in series.categories)
        rows = []
        for row in series.rows:
            cells = "".join(f"<td>{'—' if v is None else dutch_number(v)}</td>" for v in row.values)
            rows.append(f'<tr><th scope="row">{escape(row.label)}</th>{cells}</tr>')
        caption = escape(series.title) + (f". {escape(series.caption)}" if series.caption else "")
        chart = self.series_chart(series)
        return chart + "\n" + block(f'<table id="{series.id}"><caption>{caption}</caption><thead><tr><td></td>{head}</tr></thead>'
                     f'<tbody>{"".join(rows)}</tbody></table>', "agenda-series")

    def notes(self, notes: tuple[Note, ...]) -> str:
        if not notes:
            return ""
        items = "".join(f'<li value="{escape(n.number)}" id="noot-{escape(n.number)}">{inline(n.text)}</li>' for n in notes)
        return join(heading(2, LABELS["notes"]), block(f"<ol>{items}</ol>", "agenda-notes"))

    def items(self, items: tuple[Item, ...], level: int) -> str:
        parts = []
        for item in items:
            if item.text:
                parts += [heading(level, item.title, item.id), text(item.text)]
            else:
                parts.append(f"- {md_escape(item.title)}")
        return join(*parts)

    def section(self, section: Section, level: int) -> str:
        body = join(
            block(inline(section.statement), "agenda-goal", "p") if section.statement else "",
            text(section.lead, "agenda-lead"),
            text(section.text),
            self.items(section.items, level + 1),
            self.figures(section.figures),
        )
        if section.style in ("case", "news", "quote"):
            attribution = f'<p class="agenda-attribution">{escape(section.attribution)}</p>' if section.attribution else ""
            label = LABELS["case"] if section.style == "case" and section.title != LABELS["case"] else ""
            title = f'<p class="agenda-box-title">{escape(label or section.title)}</p>'
            inner = [title]
            if label:
                inner.append(f"<p><strong>{escape(section.title)}</strong></p>")
            inner += [_html_only(body), attribution]
            return block("\n".join(x for x in inner if x), f"agenda-box agenda-{section.style}")
        children = join(*(self.section(s, min(level + 1, 6)) for s in section.sections))
        return join(heading(level, section.title, section.id, section.number), body, children, self.source(section.source))

    # --- pages -------------------------------------------------------------------------

    def home(self, here: str) -> str:
        a = self.agenda
        status = {"vastgesteld": "vastgestelde", "concept": "concept-", "vervallen": "vervallen"}[a.status]
        intro = (f"Dit is de {status} veiligheidsagenda van de gemeente {escape(a.municipality_name)} "
                 f"voor {a.period_start}-{a.period_end}: wat de gemeente samen met haar partners wil bereiken "
                 "om {0} veilig te houden. Hieronder leest u de kern; elk onderdeel verwijst naar de volledige tekst "
                 "en naar de bron.").format(escape(a.municipality_name))
        period = f"{a.period_start}-{a.period_end}"
        parts = [heading(1, a.title if period in a.title else f"{a.title} {period}"), block(intro, "agenda-lead", "p")]
        if a.strategy:
            parts += [heading(2, "Missie", "missie"), text(a.strategy.mission.text, "agenda-statement"),
                      heading(2, "Visie", "visie"), text(a.strategy.vision.text, "agenda-statement"),
                      f"{link(here, 'strategie.md', 'Missie, visie, kernwaarden en uitgangspunten')}\n"]
        if a.figures:
            parts += [heading(2, "Kerncijfers", "kerncijfers"),
                      block("\n".join(self.figure_card(f) for f in a.figures[:4]), "agenda-figures"),
                      f"{link(here, 'kerncijfers.md', 'Alle kerncijfers')}\n"]
        if a.themes:
            parts.append(heading(2, a.themes_label, "themas"))
            for theme in a.themes:
                goal = theme.goal
                summary = goal.statement or goal.text if goal else ""
                parts += [heading(3, theme.title), self.goal(summary) if goal else "",
                          f"{link(here, page_path('theme', theme.id), 'Naar het thema ' + theme.title)}\n"]
        if a.fundament:
            parts += [heading(2, a.fundament.title, "fundament"),
                      "Naast de thema's blijft de gemeente werken aan deze vaste taken:\n"]
            for group in a.fundament.groups:
                topics = ", ".join(link(here, page_path("topic", t.id), t.title) for t in group.topics)
                target = link(here, page_path("group", group.id), group.title)
                parts.append(f"- **{target}**" + (f": {topics}" if topics else ""))
            parts[-1] += "\n"
        if a.core_tasks:
            tasks = ", ".join(link(here, "kerntaken.md", f"{t.title} ({t.role})" if t.role else t.title, t.id)
                              for t in a.core_tasks.tasks)
            parts += [heading(2, a.core_tasks.title, "kerntaken"), f"De gemeente werkt vanuit drie kerntaken: {tasks}.\n"
                      if len(a.core_tasks.tasks) == 3 else f"{tasks}\n"]
        return join(*parts)

    def chapter(self, chapter: Chapter, here: str) -> str:
        author = ""
        if chapter.author_name:
            role = f"<br>{escape(chapter.author_role)}" if chapter.author_role else ""
            author = block(f"<strong>{escape(chapter.author_name)}</strong>{role}", "agenda-author", "p")
        return join(
            heading(1, chapter.title, number=chapter.number),
            text(chapter.lead, "agenda-lead"),
            text(chapter.text),
            author,
            self.source(chapter.source),
            *(self.section(s, 2) for s in chapter.sections),
            self.notes(chapter.notes),
        )

    def strategy(self, here: str) -> str:
        s = self.agenda.strategy
        values = ""
        if s.core_values:
            values = join(heading(2, "Kernwaarden", "kernwaarden"), text(s.core_values_text),
                          block("".join(f"<li>{escape(v)}</li>" for v in s.core_values), "agenda-values", "ul"),
                          self.source(s.core_values_source))
        principles = ""
        if s.principles:
            principles = join(heading(2, "Uitgangspunten", "uitgangspunten"), text(s.principles_text),
                              self.items(s.principles, 3), self.source(s.principles[0].source))
        return join(
            heading(1, s.title, number=s.number),
            text(s.text),
            heading(2, "Missie", "missie"), text(s.mission.lead), text(s.mission.text, "agenda-statement"),
            self.source(s.mission.source),
            heading(2, "Visie", "visie"), text(s.vision.lead), text(s.vision.text, "agenda-statement"),
            self.source(s.vision.source),
            values, principles,
        )

    def core_tasks(self, here: str) -> str:
        ct = self.agenda.core_tasks
        parts = [heading(1, ct.title, number=ct.number), text(ct.lead, "agenda-lead")]
        for task in ct.tasks:
            title = f"{task.title} ({task.role})" if task.role else task.title
            parts += [heading(2, title, task.id), text(task.text), self.source(task.source)]
            if self.agenda.actions:
                parts.append(self.action_list(here, task.id, 3, f"Acties vanuit {task.title.lower()}"))
        return join(*parts)

    def speerpunt(self, sp: Speerpunt, here: str, level: int) -> str:
        actions = self.index.actions_for.get(sp.id, [])
        action_links = ("**Acties:** " + ", ".join(link(here, page_path("action", a.id), a.title) for a in actions) + "\n"
                        if actions else "")
        return join(heading(level, sp.title, sp.id), text(sp.text),
                    self.partner_links(here, sp.partners, LABELS["no_partners"]), action_links, self.source(sp.source))

    def theme(self, theme: Theme, here: str) -> str:
        pillars = []
        if theme.pillars:
            pillars.append(heading(2, LABELS["pillars"], "pijlers"))
            for pillar in theme.pillars:
                target = page_path("pillar", pillar.id)
                titles = "\n".join(f"    - {link(here, target, sp.title, sp.id)}" for sp in pillar.speerpunten)
                pillars.append(f"- **{link(here, target, _numbered(pillar.number, pillar.title))}**\n{titles}\n")
        speerpunten = join(heading(2, LABELS["speerpunten"], "speerpunten"),
                           *(self.speerpunt(sp, here, 3) for sp in theme.speerpunten)) if theme.speerpunten else ""
        return join(
            heading(1, theme.title, number=theme.number),
            text(theme.lead, "agenda-lead"),
            self.source(theme.source),
            *(self.section(s, 2) for s in theme.sections),
            speerpunten,
            *pillars,
            self._actions_and_partners(here, theme.id, theme.all_speerpunten),
            self.theme_context(theme, here),
            self.notes(theme.notes),
        )

    def theme_overview(self, here: str) -> str:
        """All themes with their pillars: the way in when the navigation does not list every theme."""
        rows = []
        for theme in self.agenda.themes:
            pillars = ", ".join(link(here, page_path("pillar", p.id), p.title) for p in theme.pillars)
            rows.append(f"- {link(here, page_path('theme', theme.id), _numbered(theme.number, theme.title))}"
                        + (f": {pillars}" if pillars else ""))
        return join(heading(1, self.agenda.themes_label), "\n".join(rows) + "\n")

    def _actions_and_partners(self, here: str, item_id: str, speerpunten=(), partner_ids=()) -> str:
        partners = self.index.partners_of(item_id, speerpunten, partner_ids)
        actions = self.action_list(here, item_id) if self.agenda.actions else ""
        return join(actions, self.partner_list(here, partners, anchor=f"partners-{item_id}"),
                    self.indicators_for_item(here, item_id))

    def pillar(self, pillar: Pillar, here: str) -> str:
        theme = self.index.theme_of[pillar.id]
        return join(
            heading(1, pillar.title, number=pillar.number),
            f"*{LABELS['pillar']} van het thema {link(here, page_path('theme', theme.id), theme.title)}*\n",
            text(pillar.text),
            self.source(pillar.source),
            heading(2, LABELS["speerpunten"], "speerpunten") if pillar.speerpunten else "",
            *(self.speerpunt(sp, here, 3) for sp in pillar.speerpunten),
            self._actions_and_partners(here, pillar.id, pillar.speerpunten),
        )

    def fundament(self, here: str) -> str:
        f = self.agenda.fundament
        parts = [heading(1, f.title, number=f.number), text(f.lead, "agenda-lead"), self.source(f.source)]
        for group in f.groups:
            target = page_path("group", group.id)
            parts.append(heading(2, _numbered(group.number, group.title), group.id))
            if group.goal or not group.topics:
                parts.append(self.goal(group.goal))
                parts.append(f"{link(here, target, 'Lees meer over ' + group.title)}\n")
            for topic in group.topics:
                parts.append(heading(3, _numbered(topic.number, topic.title)))
                parts.append(self.goal(topic.goal))
                parts.append(f"{link(here, page_path('topic', topic.id), 'Lees meer over ' + topic.title)}\n")
        return join(*parts)

    def goal(self, goal: str) -> str:
        if not goal:
            return block(f'<strong>{LABELS["goal"]}:</strong> <em>{LABELS["no_goal"]}</em>', "agenda-goal", "p")
        if "\n\n" in goal.strip():  # several paragraphs: no <p> inside <p>
            return block(f'<p><strong>{LABELS["goal"]}:</strong></p>{render_text(goal)}', "agenda-goal")
        return block(f'<strong>{LABELS["goal"]}:</strong> {inline(goal)}', "agenda-goal", "p")

    def topic(self, topic: Topic | FundamentGroup, here: str) -> str:
        if isinstance(topic, Topic):
            group = self.index.group_of[topic.id]
            up = f"*Onderwerp van het {LABELS['fundament'].lower()}, {link(here, page_path('group', group.id), group.title)}*\n"
            topics = ""
        else:
            up = f"*Onderdeel van het {link(here, 'fundament.md', LABELS['fundament'].lower())}*\n"
            topics = join(heading(2, "Onderwerpen", "onderwerpen"),
                          "\n".join(f"- {link(here, page_path('topic', t.id), _numbered(t.number, t.title))}"
                                    for t in topic.topics)) if topic.topics else ""
        return join(
            heading(1, topic.title, number=topic.number),
            up,
            self.goal(topic.goal) if topic.goal or not getattr(topic, "topics", ()) else "",
            text(topic.text),
            self.source(topic.source),
            topics,
            self._actions_and_partners(here, topic.id, partner_ids=topic.partners),
        )

    def key_figures(self, here: str) -> str:
        parts = [heading(1, "Kerncijfers"),
                 "De cijfers die de veiligheidsagenda noemt, met de bron waar ze uit komen.\n"]
        if self.agenda.figures:
            parts.append(block("\n".join(self.figure_card(f) for f in self.agenda.figures), "agenda-figures"))
            for figure in self.agenda.figures:
                label = f"{figure.value}: {figure.label}"
                parts += [heading(3, label, f"{figure.id}-bron"), self.source(figure.source)]
        for series in self.agenda.series:
            parts += [heading(2, series.title, f"{series.id}-tabel"), self.series_table(series), self.source(series.source)]
        return join(*parts)

    def sources(self, here: str) -> str:
        parts = [heading(1, "Bronnen"),
                 "Alle tekst op deze site komt uit de onderstaande documenten. Bij elk onderdeel staat "
                 "uit welk document en welk hoofdstuk het komt, zodat u het kunt nalezen.\n",
                 heading(2, "Documenten", "documenten")]
        for doc in self.agenda.documents:
            meta = ", ".join(escape(x) for x in (doc.publisher, doc.date) if x)
            parts.append(block(f"<strong>{escape(doc.title)}</strong>" + (f"<br>{meta}" if meta else ""), "agenda-document", "p"))
        if self.agenda.references:
            parts.append(heading(2, "Verwijzingen", "verwijzingen"))
            for ref in self.agenda.references:
                url = f' <a href="{escape(ref.url)}">{escape(ref.url)}</a>' if ref.url else ""
                parts.append(block(f'<p id="{ref.id}">{inline(ref.text)}{url}</p>', "agenda-reference"))
        return join(*parts)

    def partners(self, here: str) -> str:
        parts = [heading(1, LABELS["partners"]),
                 "De organisaties, netwerken en programma's die de bronnen noemen als partners bij de veiligheidsagenda.\n"]
        by_type: dict[str, list[Partner]] = {}
        for partner in self.agenda.partners:
            by_type.setdefault(partner.type, []).append(partner)
        for kind, label in PARTNER_TYPES.items():
            if kind in by_type:
                parts.append(heading(2, label, kind))
                parts.append("\n".join(f"- {link(here, page_path('partner', p.id), self._partner_label(p.id))}"
                                       for p in by_type[kind]))
        return join(*parts)

    def partner(self, partner: Partner, here: str) -> str:
        groups: dict[str, list[str]] = {}
        items = list(self.index.partner_mentions.get(partner.id, [])) + [
            a for a in self.index.actions_for.get(partner.id, []) if a.led_by != partner.id]
        for item in items:
            target = self.index.link(item.id)
            owner = self.index.theme_of.get(getattr(item, "serves", item.id))
            group = owner.title if owner else LABELS["fundament"]
            noun = "Actie" if hasattr(item, "serves") else ("Speerpunt" if owner else "Onderwerp")
            groups.setdefault(group, []).append(f"- {noun}: {link(here, target.page, item.title, target.anchor)}")
        lines = []
        for group, entries in groups.items():
            lines += [f"**{md_escape(group)}**", "", *entries, ""]
        led = self.index.led_by.get(partner.id, [])
        led_part = join(heading(2, "Trekker van", "trekker-van"),
                        "\n".join(f"- {link(here, page_path('action', a.id), a.title)}" for a in led) + "\n") if led else ""
        return join(
            heading(1, partner.name),
            block(f"{PARTNER_TYPES[partner.type]}" + (f" · afkorting {escape(partner.abbreviation)}" if partner.abbreviation else ""),
                  "agenda-meta", "p"),
            text(partner.description) if partner.description else f"*{LABELS['no_description']}*\n",
            heading(2, LABELS["mentions"], "genoemd-bij"),
            "\n".join(lines) + "\n" if lines else f"*{LABELS['no_mentions']}*\n",
            led_part,
            self.source(partner.source),
        )

    def open_data(self, here: str, downloads: dict[str, int] | None = None) -> str:
        from macros.site.downloads import OPEN_DATA_FILES as FILES
        from macros.site.downloads import comparison_file, version_file
        from macros.site.render_actions import url
        from macros.site.render_versions import download_link

        def file_link(key: str, label: str) -> str:
            return f'<a href="{url(here, "index.md")}{FILES[key]}">{label}</a>'
        files = "".join(f"<li>{x}</li>" for x in (
            file_link("json", "Het hele beleid van deze versie (JSON)"),
            file_link("actions", "De uitvoeringsagenda (CSV)"),
            file_link("partners", "De partners (CSV)"),
            file_link("schema", "Het JSON Schema van de bronbestanden (YAML)")))
        root, sizes, a = url(here, "index.md"), downloads or {}, self.agenda
        pdfs = [download_link(root + version_file(a), "De hele veiligheidsagenda van deze versie",
                              sizes.get(f"{a.id}/{version_file(a)}"))]
        for other in self.versions:
            if other.id != a.id:
                old, new = self._pair(other.id)
                path = comparison_file(old, new)
                pdfs.append(download_link(root + path, f"Vergelijking {self._comparison_title(other)[0].lower()}"
                                          f"{self._comparison_title(other)[1:]}", sizes.get(f"{a.id}/{path}")))
        pdfs = "".join(f"<li>{x}</li>" for x in pdfs)
        return join(
            heading(1, "Open data"),
            f"Alles op deze site is ook als open data te downloaden, voor deze versie ({escape(self.agenda.id)}). "
            "De bestanden worden bij elke publicatie opnieuw gemaakt uit dezelfde bronnen als de pagina's.\n",
            block(files, "", "ul"),
            heading(2, "Licentie", "licentie"),
            self._license(),
            heading(2, "Om te lezen en te printen", "pdf"),
            "Dezelfde tekst als op deze site, als één document met voorblad, inhoudsopgave en paginanummers:\n",
            block(pdfs, "", "ul"),
            heading(2, "Velden", "velden"),
            "- **beleid.json**: het volledige model: missie, visie, kernwaarden, kerntaken, thema's met pijlers en "
            "speerpunten, het veiligheidsfundament, kerncijfers, indicatoren, partners en acties. Elk onderdeel heeft "
            "een vaste `id` en een `source` (document en paragraaf).\n"
            "- **uitvoeringsagenda.csv**: één regel per actie: `id`, `jaar`, `titel`, `omschrijving`, `draagt_bij_aan` "
            "(id van pijler of onderwerp), `speerpunt`, `kerntaak`, `trekker`, `partners` (ids, gescheiden door een "
            "spatie), `periode_start`, `periode_eind`, `status`, `budget`, `bron_document`, `bron_paragraaf`. "
            "Een leeg veld betekent: niet bepaald in de bronnen.\n"
            "- **partners.csv**: `id`, `naam`, `afkorting`, `soort`, `beschrijving`, `bron_document`, `bron_paragraaf`.\n",
        )

    def _license(self) -> str:
        a = self.agenda
        if not a.license_name:
            return (f"<p class=\"agenda-empty\">De gemeente {escape(a.municipality_name)} heeft in haar configuratie "
                    "(nog) geen licentie voor deze open data vastgelegd. Vraag de gemeente naar de voorwaarden voor "
                    "hergebruik.</p>\n")
        name = escape(a.license_name)
        named = f'<a href="{escape(a.license_url)}">{name}</a>' if a.license_url else name
        return f"<p>De gemeente {escape(a.municipality_name)} publiceert deze gegevens onder de licentie {named}.</p>\n"

    def glossary(self, here: str) -> str:
        parts = [heading(1, "Begrippen en afkortingen"),
                 "Afkortingen en begrippen die in de veiligheidsagenda voorkomen. In de tekst ziet u de uitleg "
                 "ook als u de muis op de afkorting houdt of erop tikt.\n"]
        for term in self.agenda.glossary:
            origin = self.source(term.source) if term.source else block(
                f'Uitleg: <a href="{escape(term.url)}">{escape(term.url)}</a>', "agenda-source", "p")
            parts += [heading(2, term.term, term.id), block(escape(term.meaning), "agenda-text", "p"), origin]
        return join(*parts)


# Kinds of page that show one item, and so its history.
_ITEM_PAGES = {"chapter", "theme", "pillar", "topic", "action", "partner"}


def _numbered(number: str, title: str) -> str:
    return f"{number} {title}" if number else title




def _html_only(markdown_and_html: str) -> str:
    """Inside a box everything must be HTML: the parts we join are HTML blocks already."""
    return markdown_and_html
