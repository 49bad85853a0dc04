"""Legitimate edits a civil servant makes to a policy, applied to a copy of any project.

Used by tests/test_civil_servant_edits.py to prove that the checks on the live policy hold for
any valid policy: after these edits `agenda validate` passes and so must every live-policy test.
Each edit finds its own target in the policy it is given (no id or wording of today's policy is
written here) and writes the file back in the canonical layout, as the form editor does.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from macros.policy.layout import dump


def _config(root: Path) -> dict:
    """The agenda settings of the project's mkdocs.yml (tags such as !ENV are read as plain text)."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["extra"]["agenda"]


def version_in_force(root: Path) -> Path:
    agenda = _config(root)
    return root / agenda.get("policy", "policy") / agenda["municipality"] / str(agenda["version"])


def _load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _save(path: Path, data) -> None:
    path.write_text(dump(data), encoding="utf-8")


def _files(folder: Path, kind: str) -> list[Path]:
    return [p for p in sorted(folder.glob("*.yaml")) if (_load(p) or {}).get("kind") == kind]


def _walk(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list):
        for value in node:
            yield from _walk(value)


def reword_an_editorial_text(root: Path) -> str:
    """The editors explain their own choice in other words (editorial texts are not quotes)."""
    for path in sorted(version_in_force(root).glob("*.yaml")):
        data = _load(path)
        for node in _walk(data):
            editorial = node.get("editorial")
            if isinstance(editorial, dict):
                field, text = next(((k, v) for k, v in editorial.items() if isinstance(v, str)), (None, None))
                if field:
                    editorial[field] = text.rstrip() + " De redactie heeft deze toelichting herschreven."
                    _save(path, data)
                    return f"{path.relative_to(root)}: reworded the editorial note on '{field}'"
    raise LookupError("no editorial text in the version in force")


def _partner_ids(folder: Path) -> list[str]:
    return [p["id"] for path in _files(folder, "partners") for p in _load(path).get("partners", [])]


def add_a_partner_to_an_action(root: Path) -> str:
    folder = version_in_force(root)
    partners = _partner_ids(folder)
    for path in _files(folder, "actions"):
        data = _load(path)
        for action in data.get("actions", []):
            new = next((p for p in partners if p not in action.get("partners", [])), None)
            if new:
                action["partners"] = [*action.get("partners", []), new]
                _save(path, data)
                return f"{path.relative_to(root)}: added partner {new} to {action['id']}"
    raise LookupError("no action to add a partner to")


def remove_a_partner_nothing_refers_to(root: Path) -> str | None:
    """None when every partner of the version in force is referred to."""
    folder = version_in_force(root)
    others = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.yaml"))
                       if p not in _files(folder, "partners"))
    for path in _files(folder, "partners"):
        data = _load(path)
        for partner in data.get("partners", []):
            text = path.read_text(encoding="utf-8")
            if not re.search(rf"(?<![\w-]){re.escape(partner['id'])}(?![\w-])", others) and \
                    text.count(partner["id"]) == 1:
                data["partners"].remove(partner)
                _save(path, data)
                return f"{path.relative_to(root)}: removed partner {partner['id']}"
    return None


def add_a_concept_for_the_next_period(root: Path) -> str:
    """A copy of the version in force as the concept of the next plan period, e.g. 2028-2031."""
    folder = version_in_force(root)
    version = _load(folder / "version.yaml")
    start, end = version["period"]["start"], version["period"]["end"]
    new_start, new_end = end + 1, end + 1 + (end - start)
    target = folder.parent / f"{new_start}-{new_end}"
    assert not target.exists(), target
    shutil.copytree(folder, target)
    version.update(id=f"{new_start}-{new_end}", status="concept", period={"start": new_start, "end": new_end})
    version.pop("decision", None)
    _save(target / "version.yaml", version)
    return f"{target.relative_to(root)}: a concept for {new_start}-{new_end}, copied from {folder.name}"


EDITS = (reword_an_editorial_text, add_a_partner_to_an_action, remove_a_partner_nothing_refers_to,
         add_a_concept_for_the_next_period)


def apply_all(root: Path) -> list[str]:
    """Apply every edit to the project at `root`; what was done, one line each."""
    return [done for edit in EDITS if (done := edit(root))]
