"""The HTML of a print document: view data (`version_view`, `comparison_view`)
laid out by the templates in `templates/print/` (a site's own template
folder may replace any of them)."""

from __future__ import annotations

from macros.policy.index import build_index
from macros.policy.model import Agenda
from macros.print.comparison_view import comparison_document
from macros.print.version_view import version_document
from macros.site.templating import render


def version_html(agenda: Agenda, created: str, site_url: str = "", templates: str = "") -> str:
    """One version as a single printable HTML document; `created` is the W3C date of the PDF."""
    return render("print/version.html", templates, document=version_document(agenda, build_index(agenda), site_url),
                  created=created)


def comparison_html(old: Agenda, new: Agenda, versions: tuple[Agenda, ...], created: str, templates: str = "") -> str:
    """The comparison of `old` with `new` as a single printable HTML document."""
    return render("print/comparison.html", templates, document=comparison_document(old, new, versions),
                  created=created)
