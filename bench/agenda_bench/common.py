"""Paths, names and small helpers shared by the benchmark's modules."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
AGENDA = ROOT / ".venv" / "bin" / "agenda"
if not PYTHON.exists():  # pragma: no cover - run outside the project's venv
    PYTHON = Path(sys.executable)
RUN = ROOT / "bench" / "run.py"  # the CLI; child processes run it with --worker

MUNICIPALITY = "deventer"
CURRENT = "2024-2027"  # the version in force: mkdocs.yml builds this one, so it keeps its name
CONCEPT = "2024-2027-concept"


def walk(node, key=None):
    """(key of the list or mapping that holds it, node) for every dict, parents first."""
    if isinstance(node, dict):
        yield key, node
        for k, v in node.items():
            yield from walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v, key)


def log(message: str) -> None:
    print(message, flush=True)
