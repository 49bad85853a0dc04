"""PDF downloads: each version, and each comparison of two versions, as a
document a council member can print or file.

Made by `agenda build` only (WeasyPrint takes seconds per document; the
preview and plain `mkdocs build` stay fast). Offline by construction: the
URL fetcher refuses everything but `data:` URLs, fonts are the system's
DejaVu. Reproducible: dates come from SOURCE_DATE_EPOCH and the PDF's file
identifier is a hash of its content, so one commit gives identical bytes.
"""

from __future__ import annotations

import datetime
import os

from macros.policy.model import Agenda
from macros.print.document import comparison_html, version_html
from macros.site.downloads import comparison_file, version_file


def offline_fetcher():
    """A WeasyPrint URL fetcher that refuses every URL but `data:`: no request
    can leave the machine, and a reference to anything else stops the build
    instead of being dropped silently. `.refused` lists what was asked for."""
    from weasyprint.urls import URLFetcher

    class OfflineFetcher(URLFetcher):
        def __init__(self):
            super().__init__(allowed_protocols={"data"}, fail_on_errors=True)
            self.refused: list[str] = []

        def fetch(self, url, headers=None):
            if not url.startswith("data:"):
                self.refused.append(url)
                raise ValueError(f"the PDF may not load anything from outside the document: {url}")
            return super().fetch(url, headers)

    return OfflineFetcher()


def created(epoch: str | None = None) -> str:
    """The W3C date WeasyPrint writes as the PDF's creation and modification date."""
    value = int(epoch or os.environ.get("SOURCE_DATE_EPOCH") or 0)
    return datetime.datetime.fromtimestamp(value, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def render_pdf(html: str, fetcher=None) -> bytes:
    """HTML -> PDF bytes, tagged for screen readers, with a content-derived file id."""
    from weasyprint import HTML

    return HTML(string=html, base_url="about:blank", url_fetcher=fetcher or offline_fetcher()).write_pdf(
        pdf_identifier=True, pdf_tags=True)


def version_pdf(agenda: Agenda, site_url: str = "", templates: str = "") -> bytes:
    return render_pdf(version_html(agenda, created(), site_url, templates))


def comparison_pdf(old: Agenda, new: Agenda, versions: tuple[Agenda, ...], templates: str = "") -> bytes:
    return render_pdf(comparison_html(old, new, versions, created(), templates))


def _render(job: tuple) -> bytes:
    """One PDF; a module-level function so a worker process can run it."""
    kind, *args = job
    return version_pdf(*args) if kind == "version" else comparison_pdf(*args)


def build_downloads(versions: tuple[Agenda, ...], site_url: str = "", workers: int = 1,
                    templates: str = "") -> dict[str, dict[str, bytes]]:
    """The PDF files of every version's site, by version id: `{id: {path: bytes}}`.

    Each version's site offers its own PDF and the comparison with every other
    version (as its comparison pages do); a pair is rendered once. With
    `workers` > 1 the documents are rendered in parallel processes.
    `templates` is the site's own template folder, if it has one.
    """
    order = list(versions)
    jobs, owners = [], []
    for v in order:
        jobs.append(("version", v, f"{site_url.rstrip('/')}/{v.id}/" if site_url else "", templates))
        owners.append(((v.id,), version_file(v)))
    for i, old in enumerate(order):
        for new in order[i + 1:]:
            jobs.append(("comparison", old, new, versions, templates))
            owners.append(((old.id, new.id), comparison_file(old, new)))
    if workers > 1 and len(jobs) > 1:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        # Largest first, so the long document does not start last.
        ranked = sorted(range(len(jobs)), key=lambda i: -len(repr(jobs[i][1])))
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            done = dict(zip(ranked, pool.map(_render, [jobs[i] for i in ranked])))
        results = [done[i] for i in range(len(jobs))]
    else:
        results = [_render(job) for job in jobs]
    out: dict[str, dict[str, bytes]] = {v.id: {} for v in order}
    for (ids, path), data in zip(owners, results):
        for version_id in ids:
            out[version_id][path] = data
    return out

