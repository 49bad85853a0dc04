"""Pages about the context of the agenda: regional documents it answers to,
earlier programmes, and the history shown on a theme page."""

from __future__ import annotations

from macros.words import CHANGE_LABELS
from macros.policy.index import page_path
from macros.site.markup import block, heading, inline, join, link, text
from macros.policy.model import Programme, Regional
from macros.site.render_actions import url
from macros.site.render_versions import old_title, site_url
from macros.policy.text import escape


class ContextPages:
    """Mixed into `Renderer`: needs self.agenda, self.index, self.versions and its helpers."""

    def regional(self, regional: Regional, here: str) -> str:
        meta = ", ".join(escape(x) for x in (regional.authors, regional.date) if x)
        parts = [heading(1, regional.title), block(f"Regio {escape(regional.region)}" + (f" · {meta}" if meta else ""),
                                                   "agenda-meta", "p"),
                 text(regional.lead, "agenda-lead"), text(regional.text), self.source(regional.source),
                 heading(2, "Thema's van de regio", "themas")]
        for theme in regional.themes:
            answered = ", ".join(link(here, page_path("theme", t), self.index.link(t).title) for t in theme.answered_by)
            parts += [heading(3, theme.title, theme.id), text(theme.text),
                      f"**In de veiligheidsagenda:** {answered}\n" if answered else
                      "*De veiligheidsagenda koppelt geen eigen thema aan dit regionale thema.*\n",
                      self.source(theme.source)]
        parts += [self.section(s, 2) for s in regional.sections]
        return join(*parts)

    def programme(self, programme: Programme, here: str) -> str:
        history = ", ".join(link(here, page_path("theme", t), self.index.link(t).title) for t in programme.history_of)
        return join(
            heading(1, programme.title),
            block(f"Eerder programma{' · ' + escape(programme.date) if programme.date else ''}", "agenda-meta", "p"),
            f"Onderdeel van de geschiedenis van: {history}\n" if history else "",
            text(programme.lead, "agenda-lead"), text(programme.text), self.source(programme.source),
            heading(2, "Wat we zagen", "fenomenen") if programme.phenomena else "", self.items(programme.phenomena, 3),
            heading(2, "Sporen", "sporen") if programme.sporen else "", self.items(programme.sporen, 3),
            *(self.section(s, 2) for s in programme.sections),
        )

    def theme_context(self, theme, here: str) -> str:
        """Regional themes the theme answers, and its history: lineage and earlier programmes."""
        parts = []
        regional = self.index.regional_for.get(theme.id, [])
        if regional:
            lines = [f"- {link(here, f'regio/{doc.id}.md', rt.title, rt.id)} (uit *{escape(doc.title)}*)"
                     for doc, rt in regional]
            parts += [heading(2, "Regionale samenwerking", "regio"),
                      "Dit thema geeft antwoord op deze thema's van de regio:\n", "\n".join(lines) + "\n"]
        history = []
        known = {v.id for v in self.versions}
        for note in theme.lineage:
            target = next((v for v in self.versions if v.id == note.version), None)
            name = escape(old_title(self.versions, note.version, note.item))
            if note.version in known and note.item:
                name = f'<a href="{site_url(here, note.version, page_path("theme", note.item)[:-3] + "/")}">{name}</a>'
            origin = escape(target.title if target else note.version)
            history.append(f"<li>{name} (uit {origin}) is {CHANGE_LABELS.get(note.change, note.change)} dit thema"
                           f"{': ' + inline(note.text.strip()) if note.text else '.'}</li>")
        for programme in self.index.programmes_for.get(theme.id, []):
            history.append(f'<li>Eerder programma: <a href="{url(here, f"programma/{programme.id}.md")}">'
                           f'{escape(programme.title)}</a>{" (" + escape(programme.date) + ")" if programme.date else ""}</li>')
        if history:
            parts += [heading(2, "Geschiedenis", "geschiedenis"), block("".join(history), "agenda-history", "ul")]
        return join(*parts)
