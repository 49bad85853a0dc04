"""mkdocs hooks: check the policy before anything is built, add its pages.

Listed under `hooks:` in mkdocs.yml. Runs before mkdocs-macros (higher
priority), so a broken policy stops the build with the same messages as
`agenda validate`.
"""

from __future__ import annotations

import gc
import logging

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from macros.site.pages import build_nav
from macros.site.preview import PREVIEW
from macros.site.preview_problems import BANNERS
from macros.site.whole import keep_whole_in_tables
from macros.policy.problems import PolicyError, format_problems
from macros.site.view_history import FEED, feed_url
from macros.site.site import (KEEP_LAST_GOOD, check_site_folders, downloads, last_good_site, load_site, remember, settings,
                              site_for_config)
from macros.policy.text import abbreviate

# Not under the "mkdocs" logger on purpose: mkdocs counts that logger's
# warnings in strict mode, which would make the preview fail instead of
# falling back to the last good site. Build failures are raised as Abort.
log = logging.getLogger("agenda")
if not log.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_handler)
    log.propagate = False

# Hand-written pages shown after the generated ones.
EXTRA_NAV: list[dict] = [{"Toegankelijkheid": "toegankelijkheid.md"}, {"Privacy": "privacy.md"}]


def on_startup(command, dirty):
    # The preview server keeps showing the last good site when an edit breaks
    # the YAML; `mkdocs build` must fail instead.
    KEEP_LAST_GOOD["on"] = command == "serve"
    PREVIEW.start(command, dirty)  # `mkdocs serve --dirty`: rebuild only what an edit touched


@event_priority(100)
def on_config(config):
    refused = check_site_folders(config)
    if refused:
        # Never published, never followed, also not while previewing: mkdocs would copy the target.
        for line in format_problems(refused).splitlines():
            log.error(line)
        raise Abort("The site folders hold symbolic links or special files (listed above); nothing was built.")
    problems = []
    try:
        site = load_site(*settings(config))
    except PolicyError as err:
        problems = err.problems
        for line in format_problems(err.problems).splitlines():
            log.error(line)
        site = last_good_site(config) if KEEP_LAST_GOOD["on"] else None
        if site is None:
            raise Abort("The policy YAML has problems (listed above); nothing was built.") from None
        log.warning("The preview shows the last version of the policy that passed validation; fix the problems above.")
    if KEEP_LAST_GOOD["on"]:
        BANNERS.record(config, problems, settings(config)[3])  # the preview's pages show them (or no banner)
    remember(config, site)
    config["nav"] = build_nav(site.agenda, EXTRA_NAV, site.versions)
    PREVIEW.plan(config, site)
    if not KEEP_LAST_GOOD["on"]:
        # A one-shot build keeps the model of every version until it ends; without
        # this, each of the cycle collector's full passes while mkdocs renders would
        # walk all of it again (about 8% of a 10x build). Not while previewing:
        # there, frozen objects of earlier rebuilds would never be collected.
        gc.freeze()
    return config


def on_files(files, config):
    site = site_for_config(config)
    for page in site.pages:
        files.append(File.generated(config, page.path, content=page.source))
    PREVIEW.mark(files, config)
    return files


@event_priority(50)  # before mkdocs-macros
def on_page_markdown(markdown, page, config, files):
    """Render a generated page straight from the model with its template.

    Its source is only a macro call; rendering it here skips mkdocs-macros'
    Jinja pass over the page (a fifth of our build time). Policy text reaches
    the templates only as data (escaped, or sanitised by `|text`), never as
    template source. Hand-written pages go to the macros.
    """
    site = site_for_config(config)
    spec = site.page_by_path.get(page.file.src_uri)
    if spec is None:
        return markdown
    page.meta["render_macros"] = False  # read by mkdocs-macros: leave this page alone
    return site.renderer.page(spec.kind, spec.item_id, page.file.src_uri, downloads(config))


def on_page_content(html, page, config, files):
    """Explain abbreviations from the glossary wherever they occur in the text; keep dates
    and ids in table cells on one line."""
    site = site_for_config(config)
    return keep_whole_in_tables(abbreviate(html, {t.term: t.meaning for t in site.agenda.glossary}))


def on_page_context(context, page, config, nav):
    """The banner for pages of a version that is not in force, and the address of
    the feed of changes (both rendered by overrides/main.html)."""
    site = site_for_config(config)
    context["agenda_banner"] = site.renderer.banner(page.file.src_uri, site.current_pages)
    context["agenda_feed"] = feed_url(page.file.src_uri)
    return context


@event_priority(100)  # before the search plugin writes its index
def on_post_build(config):
    """Write the open data files and the feed of changes of this version next to its pages."""
    PREVIEW.finish(config)
    import os
    from pathlib import Path

    from macros.publish.export import FILES, actions_csv, agenda_to_json, partners_csv
    from macros.policy.schema import SCHEMA_PATH

    from macros.site.feed import atom_feed
    from macros.publish.build import FALLBACK_EPOCH

    site = site_for_config(config)
    out = Path(config["site_dir"])
    epoch = int(os.environ.get("SOURCE_DATE_EPOCH") or FALLBACK_EPOCH)
    contents = {"json": agenda_to_json(site.agenda), "actions": actions_csv(site.agenda),
                "partners": partners_csv(site.agenda), "schema": SCHEMA_PATH.read_text(encoding="utf-8")}
    (out / FEED).write_text(atom_feed(site.agenda, site.renderer.history, config["site_url"] or "/", epoch),
                            encoding="utf-8")
    for key, path in FILES.items():
        target = out / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(contents[key], encoding="utf-8")


def on_serve(server, config, builder):
    server = PREVIEW.watch_faster(server)  # notice a save sooner while previewing incrementally
    return BANNERS.show_in_pages(server, config)  # the last save's problems on top of every served page


def on_build_error(error):
    PREVIEW.forget()  # pages may be half written: the next preview build is a full one
