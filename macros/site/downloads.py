"""Where the downloadable files of a version live, and how a link shows their size.

The pages link to these files and `agenda build` writes them (`macros.print.pdf`,
`macros.publish.export`); both take the paths from here.
"""

from __future__ import annotations

from macros.policy.model import Agenda

FOLDER = "downloads"

# Open data, per version, relative to the version's root.
OPEN_DATA_FILES = {
    "json": "open-data/beleid.json",
    "actions": "open-data/uitvoeringsagenda.csv",
    "partners": "open-data/partners.csv",
    "schema": "open-data/policy.schema.json",
}


def version_file(agenda: Agenda) -> str:
    return f"{FOLDER}/veiligheidsagenda-{agenda.id}.pdf"


def comparison_file(old: Agenda, new: Agenda) -> str:
    return f"{FOLDER}/vergelijking-{old.id}-{new.id}.pdf"


def human_size(size: int) -> str:
    """Dutch notation, as a download link shows it: "PDF, 1,2 MB"."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} kB"
