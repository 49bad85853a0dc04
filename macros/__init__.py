"""mkdocs-macros entry point: macros for hand-written pages.

Generated pages are rendered by the `on_page_markdown` hook (see
macros/hooks.py); these macros let a hand-written page embed the same
content, rendered by the same templates (`macros/templates/`). Macros only
render; the model is built once by `macros.site.site`.
"""


def define_env(env):
    from macros.site.site import downloads, site_for_config

    def renderer():
        return site_for_config(env.conf).renderer

    @env.macro
    def agenda_page(kind: str, item_id: str = "") -> str:
        """The body of a generated page: `{{ agenda_page("theme", "ondermijning") }}`."""
        return renderer().page(kind, item_id, env.page.file.src_uri, downloads(env.conf))

    @env.macro
    def home() -> str:
        """The home page body."""
        return renderer().home(env.page.file.src_uri)
