"""A tiny agenda in two versions that uses every part and branch of the print
documents, for testing the print views and templates without a build."""

from dataclasses import replace

from macros.policy.model import (Action, ActionPlan, Agenda, Chapter, CoreTask, CoreTasks, Document, Figure,
                                 Fundament, FundamentGroup, GlossaryTerm, Indicator, IndicatorValue, Item,
                                 LineageNote, Note, Partner, Pillar, Programme, Reference, Regional, RegionalTheme,
                                 Section, Series, SeriesRow, Source, Speerpunt, Statement, Strategy, Theme, Topic)

SRC = Source("plan", "2.1")
NAMED = Source("plan", "Bijlage")


def tiny(version: str = "v2", status: str = "vastgesteld", **changes) -> Agenda:
    figure = Figure("f1", "1.234", "woninginbraken", SRC, context="Meer dan *vorig* jaar", origin="Politie")
    series = Series("s1", "Aangiften", (2022, 2023), (SeriesRow("Deventer", (13466, None)), SeriesRow("NL", (1.5, 2))),
                    SRC, caption="Per jaar")
    sections = (
        Section("Aanpak", number="1.1", statement="Samen **veilig**", lead="Korte inleiding.", text="Tekst.",
                items=(Item("i1", "Los punt"), Item("i2", "Punt met tekst", "Uitleg bij het punt.")),
                figures=("f1", "s1", "onbekend"),
                sections=(Section("Dieper", number="1.1.1", text="Nog dieper.", source=NAMED),), source=SRC),
        Section("Casus Anna", style="case", text="Anna vertelt.", attribution="Anna, bewoner"),
        Section("Casus uit de praktijk", style="case", text="Zonder eigen titel."),
        Section("Citaat", style="quote", text="Een citaat."),
    )
    agenda = Agenda(
        municipality_id="stad", municipality_name="Stad", id=version, title="Veiligheidsagenda", status=status,
        period_start=2024, period_end=2027, subtitle="Samen veilig", date="2023-10-05", decision="Raad, 5 oktober 2023",
        incomplete="  Hoofdstuk 4 ontbreekt.  ",
        documents=(Document("plan", "Het plan", "2023-10", "Gemeente Stad"), Document("bijlage", "De bijlage")),
        chapters=(Chapter("voorwoord", "Voorwoord", SRC, lead="Welkom.", text="Beste lezer,", author_name="B. Burgemeester",
                          author_role="burgemeester", notes=(Note("1", "Zie *bijlage*."),)),
                  Chapter("inleiding", "Inleiding", SRC, number="1", text="Zo werkt het.", sections=sections)),
        strategy=Strategy("strategie", "Strategie", SRC, Statement("Wij beschermen.", SRC, "Onze missie:"),
                          Statement("Veilig thuis.", SRC), number="2", text="Koers.", core_values_text="Waarden:",
                          core_values=("Open", "Samen"), core_values_source=SRC, principles_text="Uitgangspunten:",
                          principles=(Item("u1", "Preventie", "Eerst voorkomen.", SRC), Item("u2", "Lokaal"))),
        core_tasks=CoreTasks("kerntaken", "Kerntaken", SRC, (CoreTask("regie", "Regie", SRC, role="regisseur", text="Sturen."),
                                                           CoreTask("uitvoering", "Uitvoering", SRC)), number="3", lead="Drie taken."),
        themes=(Theme("jeugd", "Jeugd", SRC, number="4", lead="Jongeren.", sections=(Section("Beeld", number="4.1", text="Wat we zien."),),
                      speerpunten=(Speerpunt("sp1", "Vroeg erbij", SRC, "Snel.", ("politie",)),),
                      pillars=(Pillar("p1", "Preventie", SRC, number="4.2", text="Voorkomen.",
                                      speerpunten=(Speerpunt("sp2", "Scholen", SRC),),
                                      lineage=(LineageNote("v1", "samengevoegd", "vroeger", "Met *school*."),)),),
                      notes=(Note("2", "Noot."),)),),
        fundament=Fundament("fundament", "Fundament", SRC, (
            FundamentGroup("g1", "Zorg", SRC, number="5.1", goal="Goed *zorgen*.", text="Zorgtekst.", partners=("ggd",),
                           topics=(Topic("t1", "Huiselijk geweld", SRC, number="5.1.1", text="Thuis."),)),
            FundamentGroup("g2", "Toezicht", SRC, number="5.2", text="Zonder onderwerpen.")), number="5", lead="Basis."),
        figures=(figure,), series=(series,),
        references=(Reference("r1", "Het *rapport*", SRC, url="https://example.org/rapport"), Reference("r2", "Een brief", SRC)),
        partners=(Partner("politie", "Politie Oost", "extern", SRC, abbreviation="PO", description="De *politie*."),
                  Partner("ggd", "GGD", "extern", SRC, abbreviation="GGD"),
                  Partner("team", "Team Veiligheid", "gemeentelijk-team", SRC)),
        action_plans=(ActionPlan(2024, (
            Action("a1", "Buurtpreventie", 2024, "sp1", SRC, description="Met *buren*.", core_task="regie", led_by="politie",
                   partners=("ggd", "team"), period_start="2024", period_end="2025", status="lopend", budget="€ 10.000"),
            Action("a2", "Nazorg", 2024, "g1", SRC)), text="Het plan voor 2024."),),
        glossary=(GlossaryTerm("ggd", "GGD", "Gemeentelijke gezondheidsdienst"),),
        indicators=(Indicator("i1", "Inbraken", SRC, measures="Aantal *inbraken*.", informs=("jeugd", "weg"),
                              values=(IndicatorValue(2022, "10", SRC), IndicatorValue(2023, "12", SRC))),
                    Indicator("i2", "Overlast", SRC)),
        indicators_text="Zo meten we.", indicators_source=SRC,
        regionals=(Regional("regio", "Regionale agenda", "Oost", SRC, (RegionalTheme("rt1", "Ondermijning", SRC, "Regionaal.", ("jeugd",)),
                                                                     RegionalTheme("rt2", "Cyber", SRC)),
                            authors="De regio", date="2022-03", lead="Regio-inleiding.", text="Regiotekst.",
                            sections=(Section("Samenwerking", text="Samen."),)),),
        programmes=(Programme("oud", "Eerder programma", SRC, date="2019", lead="Vroeger.", text="Toen.",
                              phenomena=(Item("ph1", "Inbraak", "Veel."),), sporen=(Item("s1", "Spoor"),),
                              sections=(Section("Terugblik", text="Zo ging het."),)),),
    )
    return replace(agenda, **changes)


def older() -> Agenda:
    """The earlier version: the theme has another title and lead, one speerpunt sits
    elsewhere, the voorwoord is not there yet and a chapter is still there."""
    new = tiny()
    theme = new.themes[0]
    pillar = theme.pillars[0]
    changed = replace(theme, lead="Jonge mensen.\nIn de  wijk.", sections=(), title="Jeugd en jongeren",
                      speerpunten=theme.speerpunten + pillar.speerpunten, pillars=(replace(pillar, speerpunten=()),))
    return replace(new, id="v1", status="vervallen", date="", incomplete="",
                   themes=(changed,), chapters=new.chapters[1:] + (Chapter("weg", "Vervallen hoofdstuk", SRC, number="9"),))


TITLE_REASON = "Titel door de redactie afgeleid uit de tekst van de bron."
CORE_TASK_REASON = "De agenda noemt geen kerntaak bij deze actie; de redactie koppelt haar aan een kerntaak."
STATUS_REASON = "De bron noemt het plan vastgesteld; de redactie leest dat als de status van deze versie."
ANSWERED_REASON = "Koppeling door de redactie: de regio noemt geen thema's van de agenda."
TYPE_REASON = "Indeling in soorten door de redactie."


def edited() -> Agenda:
    """`tiny()` with what the editors added, as the model carries it (`Source.editorial`, `Agenda.editorial`):
    an action's derived title and its kerntaak, a regional theme's link, the partners' kinds and the status."""
    from macros.policy.model import Editorial
    agenda = tiny()
    plan = agenda.action_plans[0]
    first = plan.actions[0]
    first = replace(first, speerpunt="sp1", source=replace(first.source, editorial=(Editorial("title", TITLE_REASON),
                                                                   Editorial("core_task", CORE_TASK_REASON))))
    regional = agenda.regionals[0]
    theme = regional.themes[0]
    theme = replace(theme, source=replace(theme.source, editorial=(Editorial("answered_by", ANSWERED_REASON),)))
    partners = tuple(replace(p, source=replace(p.source, editorial=(Editorial("type", TYPE_REASON),)))
                     for p in agenda.partners)
    lineage = replace(agenda.themes[0].pillars[0].lineage[0],
                      source=Source("plan", "1.1", (Editorial("change", "De bron zegt niet welk programma opging."),)))
    theme0 = agenda.themes[0]
    return replace(agenda, action_plans=(replace(plan, actions=(first,) + plan.actions[1:]),),
                   regionals=(replace(regional, themes=(theme,) + regional.themes[1:]),), partners=partners,
                   themes=(replace(theme0, pillars=(replace(theme0.pillars[0], lineage=(lineage,)),)),),
                   editorial=(Editorial("status", STATUS_REASON),))
