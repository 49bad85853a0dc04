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

from macros.policy.index import build_index
from macros.policy.model import Agenda
from macros.site.downloads import comparison_file, version_file

CSS = """
@page {
  size: A4; margin: 22mm 20mm 24mm 20mm;
  @top-left { content: string(running); font-size: 8pt; color: #444; }
  @bottom-right { content: "pagina " counter(page) " van " counter(pages); font-size: 8pt; color: #444; }
}
@page :first { @top-left { content: none; } @bottom-right { content: none; } }
@page wide { size: A4 landscape; margin: 18mm 16mm 20mm 16mm; }
html { font-family: "DejaVu Sans", sans-serif; font-size: 9.5pt; line-height: 1.45; color: #000; }
.running { string-set: running content(); visibility: hidden; height: 0; margin: 0; }
h1, h2, h3, h4, h5, h6 { line-height: 1.25; break-after: avoid; }
h1 { font-size: 17pt; margin: 0 0 10pt; }
h2 { font-size: 13pt; margin: 16pt 0 6pt; }
h3 { font-size: 11pt; margin: 12pt 0 4pt; }
h4, h5, h6 { font-size: 10pt; margin: 10pt 0 4pt; }
section.part { break-before: page; }
.landscape { page: wide; }
.cover { page-break-after: always; padding-top: 40mm; }
.cover-municipality { font-size: 14pt; margin: 0 0 8mm; }
.cover-title { font-size: 26pt; font-weight: bold; line-height: 1.2; margin: 0 0 4mm; }
.cover-subtitle { font-size: 14pt; margin: 0 0 10mm; }
.cover-status { display: inline-block; border: 1.5pt solid #000; padding: 2pt 8pt; font-size: 12pt;
                text-transform: uppercase; letter-spacing: 1pt; margin: 0 0 10mm; }
.cover-facts th { text-align: left; vertical-align: top; padding: 2pt 12pt 2pt 0; white-space: nowrap; }
.cover-facts td { vertical-align: top; padding: 2pt 0; }
.cover-facts ul { margin: 0; padding-left: 12pt; }
.cover-origin { margin-top: 14mm; font-size: 8.5pt; color: #333; }
.notice, .goal, .box { border-left: 3pt solid #000; padding: 2pt 0 2pt 8pt; margin: 8pt 0; }
.box-title { font-weight: bold; }
.toc { break-after: page; }
.toc ol { list-style: none; padding: 0; }
.toc li { margin: 2pt 0; }
.toc li.toc-1 { font-weight: bold; margin-top: 6pt; }
.toc li.toc-2 { padding-left: 14pt; }
.toc a { color: #000; text-decoration: none; }
.toc a::after { content: leader(".") " " target-counter(attr(href), page); }
a { color: #000; }
a[href^="#"] { text-decoration: none; }
.lead { font-size: 10.5pt; }
.statement { font-weight: bold; }
.source, .meta, .attribution { font-size: 8pt; color: #333; }
.notes { font-size: 8pt; border-top: 0.5pt solid #000; margin-top: 12pt; }
.notes-title { font-weight: bold; }
.figures { display: flex; flex-wrap: wrap; gap: 6pt; margin: 8pt 0; }
.figure { border: 0.75pt solid #000; padding: 4pt 6pt; width: 46%; break-inside: avoid; }
.figure span { display: block; }
.figure-value { font-size: 14pt; font-weight: bold; }
.figure-context, .figure-origin { font-size: 8pt; }
table { border-collapse: collapse; margin: 8pt 0; }
table.series, table.actions, table.summary { width: 100%; }
table.series th, table.series td, table.actions th, table.actions td, table.summary th, table.summary td {
  border: 0.5pt solid #000; padding: 3pt 4pt; text-align: left; vertical-align: top; }
table.actions { font-size: 7.5pt; }
table.actions p { margin: 2pt 0 0; }
table.actions thead { display: table-header-group; }
table.actions td:nth-child(2) { width: 34%; }
caption { text-align: left; font-weight: bold; margin-bottom: 4pt; }
dt { font-weight: bold; margin-top: 6pt; }
dd { margin: 0 0 0 12pt; }
dd p { margin: 0; }
del { text-decoration: line-through; }
ins { text-decoration: underline; }
.diff-label { font-size: 7.5pt; font-weight: bold; }
.was, .wordt { margin: 2pt 0; }
.change { break-inside: avoid; margin-bottom: 10pt; }
"""


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






def version_pdf(agenda: Agenda, site_url: str = "") -> bytes:
    from macros.print.render_print import VersionPrinter

    return render_pdf(VersionPrinter(agenda, build_index(agenda), site_url).html(created(), CSS))


def comparison_pdf(old: Agenda, new: Agenda, versions: tuple[Agenda, ...]) -> bytes:
    from macros.print.render_print_diff import ComparisonPrinter

    return render_pdf(ComparisonPrinter(old, new, versions).html(created(), CSS))


def _render(job: tuple) -> bytes:
    """One PDF; a module-level function so a worker process can run it."""
    kind, *args = job
    return version_pdf(*args) if kind == "version" else comparison_pdf(*args)


def build_downloads(versions: tuple[Agenda, ...], site_url: str = "", workers: int = 1) -> dict[str, dict[str, bytes]]:
    """The PDF files of every version's site, by version id: `{id: {path: bytes}}`.

    Each version's site offers its own PDF and the comparison with every other
    version (as its comparison pages do); a pair is rendered once. With
    `workers` > 1 the documents are rendered in parallel processes.
    """
    order = list(versions)
    jobs, owners = [], []
    for v in order:
        jobs.append(("version", v, f"{site_url.rstrip('/')}/{v.id}/" if site_url else ""))
        owners.append(((v.id,), version_file(v)))
    for i, old in enumerate(order):
        for new in order[i + 1:]:
            jobs.append(("comparison", old, new, versions))
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

