"""The printable documents (PDF downloads) of every version and comparison.

In the order the data flows: `headings` (anchors and table of contents),
`blocks` and `parts` (view data of a printed version's pieces),
`version_view` and `comparison_view` (a whole document's view data),
`document` (laid out by the templates in `templates/print/`), `pdf` (HTML to
PDF bytes, offline and reproducible, and the downloads of a site).
"""
