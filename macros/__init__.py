"""mkdocs-macros entry point: registers the macros that render agenda pages.

Macros only render; the model is built once by `macros.site`.
"""


def define_env(env):
    from macros.site import site_for_config

    def renderer():
        return site_for_config(env.conf).renderer

    @env.macro
    def agenda_page(kind: str, item_id: str = "") -> str:
        """The body of a generated page: `{{ agenda_page("theme", "ondermijning") }}`."""
        r = renderer()
        here = env.page.file.src_uri
        if kind == "chapter":
            return r.chapter(next(c for c in r.agenda.chapters if c.id == item_id), here)
        if kind == "theme":
            return r.theme(next(t for t in r.agenda.themes if t.id == item_id), here)
        if kind == "pillar":
            return r.pillar(next(p for t in r.agenda.themes for p in t.pillars if p.id == item_id), here)
        if kind == "topic":
            groups = r.agenda.fundament.groups
            found = [g for g in groups if g.id == item_id] + [t for g in groups for t in g.topics if t.id == item_id]
            return r.topic(found[0], here)
        if kind == "action":
            return r.action(r.index.actions[item_id], here)
        if kind == "regional":
            return r.regional(next(x for x in r.agenda.regionals if x.id == item_id), here)
        if kind == "programme":
            return r.programme(next(x for x in r.agenda.programmes if x.id == item_id), here)
        if kind == "progress":
            return r.progress(int(item_id), here)
        # Sizes of the PDF downloads, known only when `agenda build` made them.
        downloads = (env.conf["extra"].get("agenda") or {}).get("downloads") or {}
        if kind == "comparison":
            return r.comparison(item_id, here, downloads)
        if kind in ("open_data", "version_overview"):
            return getattr(r, kind)(here, downloads)
        if kind == "partner":
            return r.partner(r.index.partners[item_id], here)
        return getattr(r, kind)(here)

    @env.macro
    def home() -> str:
        """The home page body."""
        return renderer().home(env.page.file.src_uri)
