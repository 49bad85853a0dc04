"""mkdocs hooks: check the policy before anything is built, add its pages.

Listed under `hooks:` in mkdocs.yml. Runs before mkdocs-macros (higher
priority), so a broken policy stops the build with the same messages as
`agenda validate`.
"""

from __future__ import annotations

import logging

from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File

from macros.pages import build_nav
from macros.problems import PolicyError, format_problems
from macros.site import site_for_config
from macros.text import abbreviate

log = logging.getLogger("mkdocs.agenda")

# Hand-written pages shown after the generated ones.
EXTRA_NAV: list[dict] = []


@event_priority(100)
def on_config(config):
    try:
        site = site_for_config(config)
    except PolicyError as err:
        raise Abort("The policy YAML has problems; nothing was built.\n" + format_problems(err.problems)) from None
    config["nav"] = build_nav(site.agenda, EXTRA_NAV)
    return config


def on_files(files, config):
    site = site_for_config(config)
    for page in site.pages:
        files.append(File.generated(config, page.path, content=page.source))
    return files


def on_page_content(html, page, config, files):
    """Explain abbreviations from the glossary wherever they occur in the text."""
    site = site_for_config(config)
    return abbreviate(html, {t.term: t.meaning for t in site.agenda.glossary})
