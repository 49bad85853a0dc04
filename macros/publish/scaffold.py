"""`agenda new <municipality>`: a minimal valid policy set and site configuration
that builds at once, with comments that say what to fill in."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

MUNICIPALITY = """\
kind: municipality
# The folder name; used in web addresses. Lowercase letters, digits and dashes.
id: {id}
name: {name}
# Optional: the words your plan uses, e.g. "Prioriteiten" instead of "Strategische thema's".
# labels:
#   themes: Prioriteiten
"""

VERSION = """\
kind: version
id: {version}
# The title of the plan as it is printed on its cover.
title: Veiligheidsagenda {name}
period: {{start: {start}, end: {end}}}
# concept, vastgesteld or vervallen. Only "vastgesteld" once the council adopted it.
status: concept
# date: {start_prev}-10            # as precise as the source: 2023-10 or 2023-10-12
# decision: Raad 12-12-2023        # the decision that adopted it
documents:
  # The documents the text on the site comes from. Every item says which one (source.document).
  # Its text, extracted from the PDF, goes in sources/{id}/agenda.txt, with a marker
  # [[§ 1]] before each section (see sources/README.md): quotes are checked against it.
  - id: agenda
    title: Veiligheidsagenda {name} {start}-{end}
    publisher: Gemeente {name}
    file: agenda.txt
"""

STRATEGY = """\
kind: strategy
id: strategie
title: Missie en visie
# Copy the mission and vision from your plan, word for word. Until then the site says so.
# Until then the placeholder is marked as the editors' text, with the reason.
mission:
  text: |
    De missie is nog niet overgenomen uit het plan.
  editorial:
    text: Plaatshouder tot de missie uit het plan is overgenomen.
  source: {document: agenda, section: "1"}
vision:
  text: |
    De visie is nog niet overgenomen uit het plan.
  editorial:
    text: Plaatshouder tot de visie uit het plan is overgenomen.
  source: {document: agenda, section: "1"}
source: {document: agenda, section: "1"}
"""

THEME = """\
kind: theme
# One file per theme. The id never changes, also when the title is reworded.
id: thema-1
number: "2"
title: Eerste thema
source: {document: agenda, section: "2"}
sections:
  - id: thema-1-doel
    title: Doel
    role: goal
    # The goal sentence, word for word from the plan.
    statement: |
      Het doel is nog niet overgenomen uit het plan.
    editorial:
      statement: Plaatshouder tot het doel uit het plan is overgenomen.
    source: {document: agenda, section: "2"}
# pillars:            # the pillars with their speerpunten, see policy/README.md
"""

SOURCE = """\
[[§ 1]]

(Hier komt de tekst van hoofdstuk 1 zoals die uit de PDF van het plan is gehaald.)

[[§ 2]]

(Hier komt de tekst van hoofdstuk 2.)
"""

SITE = """\
# {name}: the shared configuration with this municipality's own name and data.
# Publish: SITE_URL_{env}=https://... agenda build -f sites/{id}/mkdocs.yml -d site-{id}
# Preview on this computer: agenda build --preview -f sites/{id}/mkdocs.yml -d site-{id}
INHERIT: ../../mkdocs.yml
site_name: Veiligheidsagenda {name}
site_description: De veiligheidsagenda van de gemeente {name}.
site_url: !ENV [SITE_URL_{env}, "http://127.0.0.1:8000/"]
docs_dir: ../../docs
theme:
  name: material
  custom_dir: ../../overrides
hooks:
  - ../../macros/hooks.py
watch:
  - ../../policy
  - ../../sources
  - ../../macros
plugins:
  - search:
      lang: nl
  - macros:
      module_name: ../../macros
      on_undefined: strict
      on_error_fail: true
extra:
  agenda:
    policy: ../../policy
    municipality: {id}
    version: "{version}"
"""


def create(root: Path, municipality: str, name: str, start: int | None = None) -> list[Path]:
    """Write the scaffold under `root`; refuses to overwrite anything. Returns the files written."""
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", municipality):
        raise ValueError(f"'{municipality}' is not a valid id: use lowercase letters, digits and dashes, e.g. 'zutphen'")
    start = start or date.today().year + 1
    values = {"id": municipality, "name": name, "start": start, "end": start + 3, "start_prev": start - 1,
              "version": f"{start}-{start + 3}", "env": municipality.upper().replace("-", "_")}
    folder = root / "policy" / municipality
    files = {
        folder / "municipality.yaml": MUNICIPALITY.format(**values),
        folder / values["version"] / "version.yaml": VERSION.format(**values),
        folder / values["version"] / "strategie.yaml": STRATEGY,
        folder / values["version"] / "thema-1.yaml": THEME,
        root / "sources" / municipality / "agenda.txt": SOURCE,
        root / "sites" / municipality / "mkdocs.yml": SITE.format(**values),
    }
    existing = [p for p in files if p.exists()]
    if existing or folder.exists():
        raise ValueError(f"{folder if folder.exists() else existing[0]} already exists; choose another id")
    for path, content in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return list(files)
