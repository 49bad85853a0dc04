"""The nouns of a veiligheidsagenda, as frozen dataclasses built from checked data.

Built only from data that passed `validate`, so the builders trust the shape.
Render code reads these, never the raw YAML dicts.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Editorial:
    """A field of an item that the editors wrote or chose, and why (the source does not state it)."""

    field: str
    reason: str


@dataclass(frozen=True)
class Source:
    """Where an item comes from, and which of its fields are the editors' own rather than the source's."""

    document: str
    section: str
    editorial: tuple[Editorial, ...] = ()

    def reason(self, field_name: str) -> str:
        """Why the editors wrote or chose `field_name` of the item ('' if the source states it)."""
        return next((e.reason for e in self.editorial if e.field == field_name), "")


@dataclass(frozen=True)
class Document:
    id: str
    title: str
    date: str = ""
    publisher: str = ""
    file: str = ""


@dataclass(frozen=True)
class LineageNote:
    """How an item relates to an item of an earlier version."""

    version: str
    change: str
    item: str = ""
    text: str = ""
    source: Source | None = None


@dataclass(frozen=True)
class Note:
    number: str
    text: str


@dataclass(frozen=True)
class Item:
    """A named point in a list: a risk, a principle, a communication rule."""

    id: str
    title: str
    text: str = ""
    source: Source | None = None


@dataclass(frozen=True)
class Section:
    title: str
    id: str = ""
    number: str = ""
    style: str = "text"
    role: str = ""
    statement: str = ""
    lead: str = ""
    text: str = ""
    attribution: str = ""
    items: tuple[Item, ...] = ()
    figures: tuple[str, ...] = ()
    sections: tuple["Section", ...] = ()
    source: Source | None = None


@dataclass(frozen=True)
class Chapter:
    id: str
    title: str
    source: Source
    number: str = ""
    lead: str = ""
    text: str = ""
    author_name: str = ""
    author_role: str = ""
    sections: tuple[Section, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Statement:
    text: str
    source: Source
    lead: str = ""


@dataclass(frozen=True)
class Strategy:
    id: str
    title: str
    source: Source
    mission: Statement
    vision: Statement
    number: str = ""
    text: str = ""
    core_values_text: str = ""
    core_values: tuple[str, ...] = ()
    core_values_source: Source | None = None
    principles_text: str = ""
    principles: tuple[Item, ...] = ()
    principles_source: Source | None = None


@dataclass(frozen=True)
class CoreTask:
    id: str
    title: str
    source: Source
    role: str = ""
    text: str = ""


@dataclass(frozen=True)
class CoreTasks:
    id: str
    title: str
    source: Source
    tasks: tuple[CoreTask, ...]
    number: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Speerpunt:
    id: str
    title: str
    source: Source
    text: str = ""
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pillar:
    id: str
    title: str
    source: Source
    number: str = ""
    text: str = ""
    speerpunten: tuple[Speerpunt, ...] = ()
    lineage: tuple[LineageNote, ...] = ()


@dataclass(frozen=True)
class Theme:
    id: str
    title: str
    source: Source
    number: str = ""
    lead: str = ""  # an emphasised opening (bold or a quote in the source)
    intro: str = ""  # plain introductory paragraphs before the first section
    sections: tuple[Section, ...] = ()
    speerpunten: tuple[Speerpunt, ...] = ()
    pillars: tuple[Pillar, ...] = ()
    notes: tuple[Note, ...] = ()
    lineage: tuple[LineageNote, ...] = ()

    @property
    def goal(self) -> Section | None:
        """The section that states where the theme wants to go, if any."""
        return next((s for s in self.sections if s.role == "goal"), None)

    @property
    def all_speerpunten(self) -> tuple[Speerpunt, ...]:
        return self.speerpunten + tuple(sp for p in self.pillars for sp in p.speerpunten)


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    source: Source
    number: str = ""
    goal: str = ""
    text: str = ""
    partners: tuple[str, ...] = ()
    lineage: tuple[LineageNote, ...] = ()


@dataclass(frozen=True)
class FundamentGroup:
    id: str
    title: str
    source: Source
    number: str = ""
    goal: str = ""
    text: str = ""
    partners: tuple[str, ...] = ()
    topics: tuple[Topic, ...] = ()
    lineage: tuple[LineageNote, ...] = ()


@dataclass(frozen=True)
class Fundament:
    id: str
    title: str
    source: Source
    groups: tuple[FundamentGroup, ...]
    number: str = ""
    lead: str = ""


@dataclass(frozen=True)
class Figure:
    id: str
    value: str
    label: str
    source: Source
    context: str = ""
    year: int | None = None
    origin: str = ""


@dataclass(frozen=True)
class SeriesRow:
    label: str
    values: tuple[float | int | None, ...]


@dataclass(frozen=True)
class Series:
    id: str
    title: str
    categories: tuple
    rows: tuple[SeriesRow, ...]
    source: Source
    caption: str = ""


@dataclass(frozen=True)
class Reference:
    id: str
    text: str
    source: Source
    url: str = ""


@dataclass(frozen=True)
class Partner:
    id: str
    name: str
    type: str
    source: Source
    abbreviation: str = ""
    description: str = ""


@dataclass(frozen=True)
class Action:
    """One line of the uitvoeringsagenda: what is done, for which part of the agenda."""

    id: str
    title: str
    year: int
    serves: str
    source: Source
    description: str = ""
    speerpunt: str = ""
    core_task: str = ""
    led_by: str = ""
    partners: tuple[str, ...] = ()
    period_start: str = ""
    period_end: str = ""
    status: str = ""
    budget: str = ""


@dataclass(frozen=True)
class ActionPlan:
    year: int
    actions: tuple[Action, ...]
    title: str = ""
    text: str = ""
    editorial: tuple[Editorial, ...] = ()  # fields of the plan (year, title, text) that the editors chose


@dataclass(frozen=True)
class IndicatorValue:
    year: int
    value: str
    source: Source


@dataclass(frozen=True)
class Indicator:
    """Something measured to account for the agenda ("rijker verantwoorden")."""

    id: str
    title: str
    source: Source
    measures: str = ""
    informs: tuple[str, ...] = ()
    values: tuple[IndicatorValue, ...] = ()


@dataclass(frozen=True)
class RegionalTheme:
    id: str
    title: str
    source: Source
    text: str = ""
    answered_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class Regional:
    """A regional document the agenda answers to, with its themes."""

    id: str
    title: str
    region: str
    source: Source
    themes: tuple[RegionalTheme, ...]
    authors: str = ""
    date: str = ""
    lead: str = ""
    text: str = ""
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Programme:
    """An earlier programme that is part of a theme's history."""

    id: str
    title: str
    source: Source
    date: str = ""
    lead: str = ""
    text: str = ""
    history_of: tuple[str, ...] = ()
    phenomena: tuple[Item, ...] = ()
    sporen: tuple[Item, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class GlossaryTerm:
    id: str
    term: str
    meaning: str
    source: Source | None = None
    url: str = ""


@dataclass(frozen=True)
class Agenda:
    """One complete version of one municipality's policy."""

    municipality_id: str
    municipality_name: str
    id: str
    title: str
    status: str
    period_start: int
    period_end: int
    documents: tuple[Document, ...]
    subtitle: str = ""
    date: str = ""
    decision: str = ""
    incomplete: str = ""
    chapters: tuple[Chapter, ...] = ()
    strategy: Strategy | None = None
    core_tasks: CoreTasks | None = None
    themes: tuple[Theme, ...] = ()
    fundament: Fundament | None = None
    figures: tuple[Figure, ...] = ()
    series: tuple[Series, ...] = ()
    references: tuple[Reference, ...] = ()
    partners: tuple[Partner, ...] = field(default=())
    themes_label: str = "Strategische thema's"  # what the municipality calls its themes
    action_plans: tuple[ActionPlan, ...] = ()
    glossary: tuple[GlossaryTerm, ...] = ()
    indicators: tuple[Indicator, ...] = ()
    indicators_text: str = ""
    indicators_source: Source | None = None
    indicators_title: str = ""
    regionals: tuple[Regional, ...] = ()
    programmes: tuple[Programme, ...] = ()
    label: str = ""  # a short name where period and status alone do not tell versions apart ("plan van aanpak")
    editorial: tuple[Editorial, ...] = ()  # fields of version.yaml (status, title) that the editors chose
    license_name: str = ""  # the open-data license from municipality.yaml; empty: none chosen yet
    license_url: str = ""
    municipality_website: str = ""

    @property
    def actions(self) -> tuple[Action, ...]:
        return tuple(a for plan in self.action_plans for a in plan.actions)

    def document(self, document_id: str) -> Document | None:
        return next((d for d in self.documents if d.id == document_id), None)


# --- builders: checked data -> model -------------------------------------------------


# While an agenda is built: id(source dict) -> what of its item the editors added (see build_agenda).
_EDITORIAL: dict[int, tuple[Editorial, ...]] = {}


def _source(data) -> Source | None:
    return Source(data["document"], str(data["section"]), _EDITORIAL.get(id(data), ())) if data else None


def _editorial_of(files: list[dict]) -> tuple[dict[int, tuple[Editorial, ...]], dict[int, tuple[Editorial, ...]]]:
    """For every item that has a source: its editorial fields (the item's `editorial` entries and the
    schema's standing reasons), keyed by the id of its source dict; and the same for file roots."""
    from macros.policy.sources import basis_walk, editorial_reasons
    by_source, by_root = {}, {}
    for data in files:
        for path, node, marks in basis_walk(data):
            reasons = editorial_reasons(node, marks)
            if not reasons:
                continue
            notes = tuple(Editorial(k, v) for k, v in reasons.items())
            if isinstance(node.get("source"), dict):
                by_source[id(node["source"])] = notes
            if not path:
                by_root[id(data)] = notes
    return by_source, by_root


def _lineage(data) -> tuple[LineageNote, ...]:
    return tuple(LineageNote(n["version"], n["change"], n.get("item", ""), n.get("text", ""), _source(n.get("source")))
                 for n in data or ())


def _notes(data) -> tuple[Note, ...]:
    return tuple(Note(str(n["number"]), n["text"]) for n in data or ())


def _items(data) -> tuple[Item, ...]:
    return tuple(Item(i["id"], i["title"], i.get("text", ""), _source(i.get("source"))) for i in data or ())


def build_section(d: dict) -> Section:
    return Section(
        title=d["title"], id=d.get("id", ""), number=d.get("number", ""), style=d.get("style", "text"),
        role=d.get("role", ""), statement=d.get("statement", ""), lead=d.get("lead", ""), text=d.get("text", ""),
        attribution=d.get("attribution", ""), items=_items(d.get("items")), figures=tuple(d.get("figures") or ()),
        sections=tuple(build_section(s) for s in d.get("sections") or ()), source=_source(d.get("source")),
    )


def build_chapter(d: dict) -> Chapter:
    author = d.get("author") or {}
    return Chapter(
        id=d["id"], title=d["title"], source=_source(d["source"]), number=d.get("number", ""),
        lead=d.get("lead", ""), text=d.get("text", ""), author_name=author.get("name", ""),
        author_role=author.get("role", ""), sections=tuple(build_section(s) for s in d.get("sections") or ()),
        notes=_notes(d.get("notes")),
    )


def build_strategy(d: dict) -> Strategy:
    values = d.get("core_values") or {}
    principles = d.get("principles") or {}
    return Strategy(
        id=d["id"], title=d["title"], source=_source(d["source"]), number=d.get("number", ""), text=d.get("text", ""),
        mission=Statement(d["mission"]["text"], _source(d["mission"]["source"]), d["mission"].get("lead", "")),
        vision=Statement(d["vision"]["text"], _source(d["vision"]["source"]), d["vision"].get("lead", "")),
        core_values_text=values.get("text", ""), core_values=tuple(values.get("values") or ()),
        core_values_source=_source(values.get("source")), principles_text=principles.get("text", ""),
        principles=_items(principles.get("items")), principles_source=_source(principles.get("source")),
    )


def build_core_tasks(d: dict) -> CoreTasks:
    tasks = tuple(CoreTask(t["id"], t["title"], _source(t["source"]), t.get("role", ""), t.get("text", ""))
                  for t in d["tasks"])
    return CoreTasks(d["id"], d["title"], _source(d["source"]), tasks, d.get("number", ""), d.get("lead", ""))


def _speerpunten(data) -> tuple[Speerpunt, ...]:
    return tuple(Speerpunt(s["id"], s["title"], _source(s["source"]), s.get("text", ""), tuple(s.get("partners") or ()))
                 for s in data or ())


def build_theme(d: dict) -> Theme:
    pillars = tuple(Pillar(p["id"], p["title"], _source(p["source"]), p.get("number", ""), p.get("text", ""),
                           _speerpunten(p.get("speerpunten")), _lineage(p.get("lineage"))) for p in d.get("pillars") or ())
    return Theme(
        id=d["id"], title=d["title"], source=_source(d["source"]), number=d.get("number", ""), lead=d.get("lead", ""),
        intro=d.get("intro", ""),
        sections=tuple(build_section(s) for s in d.get("sections") or ()), speerpunten=_speerpunten(d.get("speerpunten")),
        pillars=pillars, notes=_notes(d.get("notes")), lineage=_lineage(d.get("lineage")),
    )


def build_fundament(d: dict) -> Fundament:
    groups = []
    for g in d["groups"]:
        topics = tuple(Topic(t["id"], t["title"], _source(t["source"]), t.get("number", ""), t.get("goal", ""),
                             t.get("text", ""), tuple(t.get("partners") or ()), _lineage(t.get("lineage")))
                       for t in g.get("topics") or ())
        groups.append(FundamentGroup(g["id"], g["title"], _source(g["source"]), g.get("number", ""), g.get("goal", ""),
                                     g.get("text", ""), tuple(g.get("partners") or ()), topics, _lineage(g.get("lineage"))))
    return Fundament(d["id"], d["title"], _source(d["source"]), tuple(groups), d.get("number", ""), d.get("lead", ""))


def build_action_plan(d: dict) -> ActionPlan:
    year = d["year"]
    actions = tuple(
        Action(id=a["id"], title=a["title"], year=year, serves=a["serves"], source=_source(a["source"]),
               description=a.get("description", ""), speerpunt=a.get("speerpunt", ""), core_task=a.get("core_task", ""),
               led_by=a.get("led_by", ""), partners=tuple(a.get("partners") or ()),
               period_start=(a.get("period") or {}).get("start", ""), period_end=(a.get("period") or {}).get("end", ""),
               status=a.get("status", ""), budget=a.get("budget", ""))
        for a in d["actions"])
    return ActionPlan(year, actions, d.get("title", ""), d.get("text", ""), _ROOTS.get(id(d), ()))


def section_key(number: str) -> tuple:
    """Sort "10" after "9", and unnumbered parts (the voorwoord) first."""
    return tuple(int(part) for part in number.split(".")) if number else ()


def build_agenda(municipality: dict, files: list[dict]) -> Agenda:
    """One Agenda from a version's checked file data (order of files does not matter)."""
    by_source, by_root = _editorial_of(files)
    _EDITORIAL.update(by_source)
    _ROOTS.update(by_root)
    try:
        return _build_agenda(municipality, files)
    finally:
        _EDITORIAL.clear()
        _ROOTS.clear()


_ROOTS: dict[int, tuple[Editorial, ...]] = {}


def _build_agenda(municipality: dict, files: list[dict]) -> Agenda:
    by_kind: dict[str, list[dict]] = {}
    for data in files:
        by_kind.setdefault(data["kind"], []).append(data)
    version = by_kind["version"][0]
    single = {k: (by_kind.get(k) or [None])[0] for k in ("strategy", "core_tasks", "fundament")}
    figures = [f for data in by_kind.get("figures", []) for f in data.get("figures") or ()]
    series = [s for data in by_kind.get("figures", []) for s in data.get("series") or ()]
    references = [r for data in by_kind.get("references", []) for r in data["references"]]
    partners = [p for data in by_kind.get("partners", []) for p in data["partners"]]
    chapters = sorted((build_chapter(c) for c in by_kind.get("chapter", [])), key=lambda c: (section_key(c.number), c.id))
    themes = sorted((build_theme(t) for t in by_kind.get("theme", [])), key=lambda t: (section_key(t.number), t.id))
    plans = sorted((build_action_plan(p) for p in by_kind.get("actions", [])), key=lambda p: p.year)
    glossary = sorted((GlossaryTerm(t["id"], t["term"], t["meaning"], _source(t.get("source")), t.get("url", ""))
                       for g in by_kind.get("glossary", []) for t in g["terms"]), key=lambda t: t.term.lower())
    indicator_files = by_kind.get("indicators", [])
    indicators = tuple(
        Indicator(i["id"], i["title"], _source(i["source"]), i.get("measures", ""), tuple(i.get("informs") or ()),
                  tuple(IndicatorValue(v["year"], v["value"], _source(v["source"])) for v in i.get("values") or ()))
        for f in indicator_files for i in f["indicators"])
    regionals = tuple(
        Regional(r["id"], r["title"], r["region"], _source(r["source"]),
                 tuple(RegionalTheme(t["id"], t["title"], _source(t["source"]), t.get("text", ""),
                                     tuple(t.get("answered_by") or ())) for t in r["themes"]),
                 r.get("authors", ""), r.get("date", ""), r.get("lead", ""), r.get("text", ""),
                 tuple(build_section(x) for x in r.get("sections") or ()))
        for r in sorted(by_kind.get("regional", []), key=lambda r: r["id"]))
    programmes = tuple(
        Programme(p["id"], p["title"], _source(p["source"]), p.get("date", ""), p.get("lead", ""), p.get("text", ""),
                  tuple(p.get("history_of") or ()), _items(p.get("phenomena")), _items(p.get("sporen")),
                  tuple(build_section(x) for x in p.get("sections") or ()))
        for p in sorted(by_kind.get("programme", []), key=lambda p: p["id"]))
    return Agenda(
        regionals=regionals, programmes=programmes,
        action_plans=tuple(plans), glossary=tuple(glossary), indicators=indicators,
        indicators_text=indicator_files[0].get("text", "") if indicator_files else "",
        indicators_source=_source(indicator_files[0].get("source")) if indicator_files else None,
        indicators_title=indicator_files[0].get("title", "") if indicator_files else "",
        municipality_website=municipality.get("website", ""),
        municipality_id=municipality["id"], municipality_name=municipality["name"],
        themes_label=(municipality.get("labels") or {}).get("themes", "Strategische thema's"),
        license_name=(municipality.get("license") or {}).get("name", ""),
        license_url=(municipality.get("license") or {}).get("url", ""),
        id=version["id"], title=version["title"], status=version["status"],
        period_start=version["period"]["start"], period_end=version["period"]["end"],
        documents=tuple(Document(x["id"], x["title"], x.get("date", ""), x.get("publisher", ""), x.get("file", ""))
                        for x in version["documents"]),
        subtitle=version.get("subtitle", ""), date=str(version.get("date", "")), decision=version.get("decision", ""),
        incomplete=version.get("incomplete", ""), label=version.get("label", ""), editorial=_ROOTS.get(id(version), ()),
        chapters=tuple(chapters),
        strategy=build_strategy(single["strategy"]) if single["strategy"] else None,
        core_tasks=build_core_tasks(single["core_tasks"]) if single["core_tasks"] else None,
        themes=tuple(themes),
        fundament=build_fundament(single["fundament"]) if single["fundament"] else None,
        figures=tuple(Figure(f["id"], f["value"], f["label"], _source(f["source"]), f.get("context", ""), f.get("year"),
                             f.get("origin", "")) for f in figures),
        series=tuple(Series(s["id"], s["title"], tuple(s["categories"]),
                            tuple(SeriesRow(r["label"], tuple(r["values"])) for r in s["rows"]), _source(s["source"]),
                            s.get("caption", "")) for s in series),
        references=tuple(Reference(r["id"], r["text"], _source(r["source"]), r.get("url", "")) for r in references),
        partners=tuple(Partner(p["id"], p["name"], p["type"], _source(p["source"]), p.get("abbreviation", ""),
                               p.get("description", "")) for p in partners),
    )
