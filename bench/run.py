#!/usr/bin/env python3
"""Benchmark: validate, build, compare and rebuild synthetic policy sets.

    .venv/bin/python bench/run.py                      # real data, then 1x, 10x and 100x
    .venv/bin/python bench/run.py --quick              # real data, 1x and 10x
    .venv/bin/python bench/run.py --sizes 1 10 --out bench/out/results.json
    .venv/bin/python bench/run.py --profile 10         # also cProfile one in-process build at 10x

Not part of the test suite. See bench/README.md for what each number means.
Every measurement that matters runs in a fresh child process, so one size's
caches and memory never leak into the next.
"""

from __future__ import annotations

import argparse
import copy
import datetime as _dt
import json
import math
import os
import platform
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
AGENDA = ROOT / ".venv" / "bin" / "agenda"
if not PYTHON.exists():  # pragma: no cover - run outside the project's venv
    PYTHON = Path(sys.executable)
SRC = ROOT  # where projects and the template come from; main() points it at a snapshot
SNAPSHOT = ("macros", "schema", "docs", "overrides", "mkdocs.yml", "policy", "sources")
POLICY = SRC / "policy"
MUNICIPALITY = "deventer"
CURRENT = "2024-2027"  # the version in force: mkdocs.yml builds this one, so it keeps its name
CONCEPT = "2024-2027-concept"
TEMPLATE = POLICY / MUNICIPALITY / CURRENT
CONCEPT_TEMPLATE = POLICY / MUNICIPALITY / CONCEPT
SEED = 20231012
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
TIME_V = Path("/usr/bin/time")
MAX_FILE_BYTES = 1_500_000  # stay well under load.py's 2,000,000-byte limit per file

# Keys whose values are policy text (Markdown); these are redrawn from the sentence pool.
TEXT_KEYS = {"text", "lead", "statement", "description", "goal", "context", "meaning", "measures"}
# Items the benchmark may drop from a derived version (never ids of the real data,
# so files copied verbatim keep valid references).
DROPPABLE = {"actions", "speerpunten", "partners", "topics"}
ACTIONS_PER_REPLICA = 50  # 100x -> 5,000 actions
ACTION_YEARS = 4  # one actions file per year of the plan period (100x: 1,250 actions a file)


# --------------------------------------------------------------------------------------
# scale
# --------------------------------------------------------------------------------------

def plan(size: int) -> dict:
    """What `size` means. The version in force holds `size` replicas of the real
    themes, fundament groups and uitvoeringsagenda; partners and versions grow
    sublinearly (1x: 61 partners, 3 versions; 100x: 1,000 partners, 20 versions)."""
    steps = math.log10(size) / 2  # 0 at 1x, 0.5 at 10x, 1 at 100x
    return {
        "size": size,
        "replicas": size,
        "versions": max(3, round(3 * (20 / 3) ** steps)),
        "partners": max(61, round(61 * (1000 / 61) ** steps)),
        "actions": ACTIONS_PER_REPLICA * size,
    }


# --------------------------------------------------------------------------------------
# YAML writer (block style like the real files; flow style for source/period/id lists)
# --------------------------------------------------------------------------------------

_PLAIN = re.compile(r"^[a-z][a-z0-9-]*$")
_YAML_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}
_FLOW_MAPS = {"source", "period", "author"}


def _scalar(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return repr(value)
    if _PLAIN.match(value) and value not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def _literal_ok(text: str) -> bool:
    return ("\n" in text and text.endswith("\n") and not text.endswith("\n\n")
            and "\r" not in text and "\t" not in text and not text.startswith((" ", "\n")))


def _emit_map(data: dict, indent: int, out: list[str]) -> None:
    pad = " " * indent
    for key, value in data.items():
        if isinstance(value, str) and _literal_ok(value):
            out.append(f"{pad}{key}: |")
            out.extend(f"{pad}  {line}" if line else "" for line in value[:-1].split("\n"))
        elif isinstance(value, dict):
            if key in _FLOW_MAPS and all(not isinstance(v, (dict, list)) for v in value.values()):
                out.append(f"{pad}{key}: {{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in value.items()) + "}")
            else:
                out.append(f"{pad}{key}:")
                _emit_map(value, indent + 2, out)
        elif isinstance(value, list):
            if not value:
                out.append(f"{pad}{key}: []")
            elif all(not isinstance(v, (dict, list)) for v in value):
                out.append(f"{pad}{key}: [" + ", ".join(_scalar(v) for v in value) + "]")
            else:
                out.append(f"{pad}{key}:")
                for item in value:
                    if isinstance(item, dict):
                        start = len(out)
                        _emit_map(item, indent + 4, out)
                        out[start] = f"{pad}  - " + out[start][indent + 4:]
                    else:
                        out.append(f"{pad}  - {_scalar(item)}")
        else:
            out.append(f"{pad}{key}: {_scalar(value)}")


def dump_yaml(data: dict) -> str:
    out: list[str] = []
    _emit_map(data, 0, out)
    return "\n".join(out) + "\n"


# --------------------------------------------------------------------------------------
# the real data: sentence and title pools
# --------------------------------------------------------------------------------------

def _load_plain(path: Path):
    import yaml
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _walk(node, key=None):
    """(key of the list or mapping that holds it, node) for every dict, parents first."""
    if isinstance(node, dict):
        yield key, node
        for k, v in node.items():
            yield from _walk(v, k)
    elif isinstance(node, list):
        for v in node:
            yield from _walk(v, key)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'(])")


class Pool:
    """Sentences and titles of the real policy, drawn from with seeded generators."""

    def __init__(self, policy: Path):
        self.sentences: list[str] = []
        self.titles: dict[str, list[str]] = {}
        for path in sorted(policy.rglob("*.yaml")):
            data = _load_plain(path)
            for key, node in _walk(data, "file"):
                if key == "editorial":
                    continue  # the editors' reasons, not policy text
                for field, value in node.items():
                    if field in TEXT_KEYS and isinstance(value, str):
                        self._add_text(value)
                title = node.get("title")
                if isinstance(title, str) and "{" not in title and "}" not in title:
                    self.titles.setdefault(key, []).append(title)
        self.sentences = sorted(set(self.sentences))  # set order is not stable across runs
        for k in self.titles:
            self.titles[k] = sorted(set(self.titles[k]))
        self.all_titles = sorted({t for ts in self.titles.values() for t in ts})
        if len(self.sentences) < 50:
            raise SystemExit(f"bench: only {len(self.sentences)} sentences found in {policy}; is the policy there?")

    def _add_text(self, text: str) -> None:
        for para in text.split("\n\n"):
            para = para.strip()
            if not para or para[0] in "-*>|#" or re.match(r"^\d+[.)] ", para) or "\n" in para:
                continue
            for sentence in _SENTENCE_END.split(para.replace("*", "")):
                sentence = sentence.strip()
                if len(sentence) >= 25 and "{" not in sentence and "}" not in sentence and "<" not in sentence:
                    self.sentences.append(sentence)

    def text_like(self, original: str, rng: random.Random) -> str:
        """A text with the paragraph count and about the length of `original`."""
        out = []
        for para in original.strip("\n").split("\n\n"):
            target, parts, length = max(len(para), 40), [], 0
            while length < 0.9 * target:
                sentence = rng.choice(self.sentences)
                parts.append(sentence)
                length += len(sentence) + 1
            out.append(" ".join(parts))
        return "\n\n".join(out) + "\n"

    def sentence(self, rng: random.Random) -> str:
        return rng.choice(self.sentences) + "\n"

    def title(self, kind: str, rng: random.Random, fallback: str) -> str:
        choices = self.titles.get(kind) or self.all_titles or [fallback]
        return rng.choice(choices)


def _rng(*parts) -> random.Random:
    return random.Random(":".join(str(p) for p in (SEED, *parts)))


# --------------------------------------------------------------------------------------
# generator
# --------------------------------------------------------------------------------------

def rid(item_id: str, k: int) -> str:
    return item_id if k == 0 else f"{item_id}-r{k}"


def _renumber(old_prefix: str, new_prefix: str):
    def apply(number: str) -> str:
        if number == old_prefix or number.startswith(old_prefix + "."):
            return new_prefix + number[len(old_prefix):]
        return number
    return apply


class Generator:
    """Writes one synthetic policy set (all versions of one municipality)."""

    def __init__(self, size: int, pool: Pool):
        self.plan = plan(size)
        self.pool = pool
        self.files = {p.name: _load_plain(p) for p in sorted(TEMPLATE.glob("*.y*ml"))}
        self.template_ids = {n["id"] for d in self.files.values() for _, n in _walk(d) if isinstance(n.get("id"), str)}
        real_partners = [p for d in self.files.values() if isinstance(d, dict) and d.get("kind") == "partners"
                         for p in d["partners"]]
        self.real_partners = real_partners
        self.partner_index = {p["id"]: i for i, p in enumerate(real_partners)}
        n = len(real_partners)
        self.partner_ids = [rid(real_partners[j % n]["id"], j // n) for j in range(self.plan["partners"])]

    # --- helpers --------------------------------------------------------------------

    def pmap(self, partner_id: str, k: int) -> str:
        """The partner replica k of a theme names (spreads references over all partners)."""
        i = self.partner_index.get(partner_id)
        if i is None:
            return partner_id
        return self.partner_ids[(i + len(self.real_partners) * k) % len(self.partner_ids)]

    def clone(self, node, k: int, renumber, key=None, owner: str = ""):
        """Replica k of a template subtree: ids suffixed, references remapped, texts redrawn."""
        if isinstance(node, list):
            return [self.clone(v, k, renumber, key, owner) for v in node]
        if not isinstance(node, dict):
            return node
        ident = node.get("id") if isinstance(node.get("id"), str) else ""
        label = ident or owner or str(node.get("title", ""))
        out = {}
        for field, value in node.items():
            if field == "lineage":
                continue  # regenerated for the synthetic versions
            if field == "id" and isinstance(value, str):
                out[field] = rid(value, k)
            elif field == "number" and isinstance(value, str):
                out[field] = renumber(value)
            elif field in ("serves", "speerpunt") and isinstance(value, str):
                out[field] = rid(value, k)
            elif field == "led_by" and isinstance(value, str):
                out[field] = self.pmap(value, k)
            elif field == "partners" and isinstance(value, list) and all(isinstance(v, str) for v in value):
                out[field] = [self.pmap(v, k) for v in value]
            elif field in ("source", "editorial"):
                out[field] = copy.deepcopy(value)
            elif field in TEXT_KEYS and isinstance(value, str) and k > 0:
                out[field] = self.pool.text_like(value, _rng("text", k, label, field))
            elif field == "title" and isinstance(value, str) and k > 0:
                out[field] = self.pool.title(key or "file", _rng("title", k, label), value)
            else:
                out[field] = self.clone(value, k, renumber, field, label)
        return out

    # --- the version in force -------------------------------------------------------

    def current(self) -> dict[str, dict]:
        """file name -> data of the version in force."""
        p = self.plan
        out: dict[str, dict] = {}
        themes = [(n, d) for n, d in self.files.items() if isinstance(d, dict) and d.get("kind") == "theme"]
        fundament = next((d for d in self.files.values() if isinstance(d, dict) and d.get("kind") == "fundament"), None)
        actions = [a for d in self.files.values() if isinstance(d, dict) and d.get("kind") == "actions"
                   for a in d["actions"]]
        action_file = next(d for d in self.files.values() if isinstance(d, dict) and d.get("kind") == "actions")
        for name, data in self.files.items():
            if isinstance(data, dict) and data.get("kind") in ("theme", "fundament", "actions", "partners"):
                continue
            out[name] = copy.deepcopy(data)  # chapters, strategy, core tasks, figures, ...: as they are
        # themes: `replicas` copies of each real theme, one file each
        tops = sorted({int(d["number"].split(".")[0]) for _, d in themes if d.get("number")}) or [4]
        for k in range(p["replicas"]):
            for t, (name, data) in enumerate(themes):
                old = data.get("number", "")
                top = old.split(".")[0] if old else ""
                new_top = str(int(top) + len(themes) * k) if top else ""
                theme = self.clone(data, k, _renumber(top, new_top) if top else (lambda x: x), "file")
                out[f"thema-{theme['id']}.yaml" if k else name] = theme
        # fundament: one file (a version has one), `replicas` copies of each group
        if fundament:
            f = {key: copy.deepcopy(v) for key, v in fundament.items() if key != "groups"}
            groups = []
            top = fundament.get("number", "")
            for k in range(p["replicas"]):
                for g, group in enumerate(fundament["groups"]):
                    old = group.get("number", "")
                    new = f"{top}.{len(fundament['groups']) * k + g + 1}" if top and old else old
                    groups.append(self.clone(group, k, _renumber(old, new) if old else (lambda x: x), "groups"))
            f["groups"] = groups
            out["fundament.yaml"] = f
        # partners: `partners` entries, replicas of the real ones with new names
        n = len(self.real_partners)
        partners = []
        for j, pid in enumerate(self.partner_ids):
            k, real = j // n, self.real_partners[j % n]
            entry = self.clone(real, k, lambda x: x, "partners")
            entry["id"] = pid
            if k:
                entry["name"] = f"{real['name']} {k + 1}"
            partners.append(entry)
        for i in range(0, len(partners), 500):
            out["partners.yaml" if i == 0 else f"partners-{i // 500 + 1}.yaml"] = {"kind": "partners",
                                                                                  "partners": partners[i:i + 500]}
        # actions: ACTIONS_PER_REPLICA per replica; the extra ones are redrawn copies
        lists: list[list[dict]] = []
        for k in range(p["replicas"]):
            chunk = []
            for j in range(ACTIONS_PER_REPLICA):
                real = actions[j % len(actions)]
                extra = j // len(actions)
                a = self.clone(real, k, lambda x: x, "actions")
                if extra:
                    a["id"] = rid(f"{real['id']}-b{extra}", k)
                    a["title"] = self.pool.title("actions", _rng("title", k, a["id"]), real["title"])
                    if "description" in a:
                        a["description"] = self.pool.text_like(real["description"], _rng("text", k, a["id"]))
                chunk.append(a)
            lists.append(chunk)
        # one file per year, as policy/README.md asks: the replicas spread over the plan's four years
        years = min(ACTION_YEARS, len(lists))
        for i in range(years):
            year = int(action_file["year"]) + i
            data = {key: copy.deepcopy(v) for key, v in action_file.items() if key != "actions"}
            data["year"] = year
            if isinstance(data.get("title"), str):
                data["title"] = data["title"].replace(str(action_file["year"]), str(year))
            data["actions"] = [a for chunk in lists[i::years] for a in chunk]
            out[f"uitvoeringsagenda-{year}.yaml"] = data
        return out

    # --- derived versions -----------------------------------------------------------

    def concept(self, current: dict[str, dict]) -> dict[str, dict]:
        """The concept before the version in force: the same size, with 3% of the added
        items missing, 5% renamed and 20% reworded."""
        out = copy.deepcopy(current)
        version = _load_plain(CONCEPT_TEMPLATE / "version.yaml")
        known = {d.get("id") for d in version.get("documents") or ()}
        # the files copied from the version in force may cite documents the real concept does not list
        version["documents"] = list(version.get("documents") or ()) + [
            copy.deepcopy(d) for d in current["version.yaml"].get("documents") or () if d.get("id") not in known]
        out["version.yaml"] = version
        # The concept cites every document the copied files cite (regional letter, 2018 programme).
        known = {d["id"] for d in out["version.yaml"]["documents"]}
        out["version.yaml"]["documents"] += [d for d in current["version.yaml"]["documents"] if d["id"] not in known]
        for data in out.values():
            for key, node in list(_walk(data)):
                for field, value in list(node.items()):
                    if isinstance(value, list) and field in DROPPABLE:
                        node[field] = [v for v in value if not (
                            isinstance(v, dict) and isinstance(v.get("id"), str) and v["id"] not in self.template_ids
                            and _rng("concept-drop", v["id"]).random() < 0.03)]
        for data in out.values():
            for key, node in _walk(data):
                ident = node.get("id")
                if not isinstance(ident, str) or key in ("documents", None):
                    continue
                r = _rng("concept", ident).random()
                if r < 0.05:
                    field = "name" if "name" in node else "title"
                    if isinstance(node.get(field), str):
                        node[field] = self.pool.title(key or "file", _rng("rename", ident), node[field])
                elif r < 0.25:
                    for field in TEXT_KEYS & set(node):
                        if isinstance(node[field], str):
                            node[field] = self.pool.text_like(node[field], _rng("reword", ident, field))
        _drop_dangling(out)
        return out

    def older(self, current: dict[str, dict], start: int, age: int) -> dict[str, dict]:
        """An earlier plan period, like the real 2020-2023: themes, pillars, speerpunten,
        fundament topics and partners by title only (no texts, no actions)."""
        version = f"{start}-{start + 3}"
        doc = f"mbp-{start}-{start + 3}"
        keep = max(0.5, 1 - 0.03 * age)

        def kept(node) -> bool:
            return node["id"] in self.template_ids or _rng("older", version, node["id"]).random() < keep

        def title(node, kind) -> str:
            if _rng("older-rename", version, node["id"]).random() < 0.1:
                return self.pool.title(kind, _rng("older-title", version, node["id"]), node["title"])
            return node["title"]

        def src(number="") -> dict:
            return {"document": doc, "section": number or "1"}

        out: dict[str, dict] = {"version.yaml": {
            "kind": "version", "id": version, "title": f"Meerjarenbeleidsplan Veiligheid {start}-{start + 3}",
            "period": {"start": start, "end": start + 3}, "status": "vervallen", "date": f"{start - 1}-11",
            "incomplete": self.pool.sentence(_rng("incomplete", version)),
            "documents": [{"id": doc, "title": f"Meerjarenbeleidsplan Veiligheid {start}-{start + 3}",
                           "date": f"November {start - 1}", "publisher": "Gemeente Deventer", "file": f"{doc}.txt"}]}}
        for name, data in current.items():
            kind = data.get("kind") if isinstance(data, dict) else None
            if kind == "theme" and kept(data):
                theme = {"kind": "theme", "id": data["id"]}
                if data.get("number"):
                    theme["number"] = data["number"]
                theme.update(title=title(data, "file"), source=src(data.get("number")))
                pillars = []
                for pillar in data.get("pillars") or ():
                    if not kept(pillar):
                        continue
                    entry = {"id": pillar["id"], "title": title(pillar, "pillars"), "source": src(pillar.get("number"))}
                    sps = [{"id": sp["id"], "title": title(sp, "speerpunten"), "source": src(pillar.get("number"))}
                           for sp in pillar.get("speerpunten") or () if kept(sp)]
                    if sps:
                        entry["speerpunten"] = sps
                    pillars.append(entry)
                if pillars:
                    theme["pillars"] = pillars
                out[name] = theme
            elif kind == "fundament":
                groups = []
                for group in data["groups"]:
                    entry = {"id": group["id"], "title": title(group, "groups"), "source": src(group.get("number"))}
                    topics = [{"id": t["id"], "title": title(t, "topics"), "source": src(t.get("number"))}
                              for t in group.get("topics") or () if kept(t)]
                    if topics:
                        entry["topics"] = topics
                    groups.append(entry)
                out[name] = {"kind": "fundament", "id": data["id"], "title": data["title"], "source": src(), "groups": groups}
            elif kind == "partners":
                out[name] = {"kind": "partners", "partners": [
                    {"id": p["id"], "name": p["name"], "type": p["type"], "source": src()}
                    for p in data["partners"] if kept(p)]}
        return out

    def versions(self) -> dict[str, dict[str, dict]]:
        """version id -> file name -> data, oldest first."""
        current = self.current()
        n_older = self.plan["versions"] - 2
        older = {}
        for i in range(n_older):
            start = int(CURRENT.split("-")[0]) - 4 * (n_older - i)
            data = self.older(current, start, n_older - i)
            older[data["version.yaml"]["id"]] = data
        result = {**older, CONCEPT: self.concept(current), CURRENT: current}
        _add_lineage(result, self.pool)
        return result

    def write(self, project: Path) -> dict:
        """Write the set into `project/policy`; return what was written."""
        policy = project / "policy"
        if policy.exists():
            shutil.rmtree(policy)
        (policy / MUNICIPALITY).mkdir(parents=True)
        shutil.copy(POLICY / MUNICIPALITY / "municipality.yaml", policy / MUNICIPALITY / "municipality.yaml")
        total, files = 0, 1
        versions = self.versions()
        for version, data in versions.items():
            folder = policy / MUNICIPALITY / version
            folder.mkdir()
            for name, content in data.items():
                if content.get("kind") == "partners" and not content.get("partners"):
                    continue  # every partner of this file was dropped
                text = dump_yaml(content)
                size = len(text.encode("utf-8"))
                if size > MAX_FILE_BYTES:
                    raise SystemExit(f"bench: generated {version}/{name} is {size:,} bytes; lower the size")
                (folder / name).write_text(text, encoding="utf-8")
                total += size
                files += 1
        source_bytes = write_sources(project, versions)
        return {"yaml_bytes": total, "files": files, "source_bytes": source_bytes}


def _ids(data: dict[str, dict]) -> dict[str, str]:
    """id -> list key that holds it (theme files: 'file')."""
    out = {}
    for content in data.values():
        for key, node in _walk(content, "file"):
            if isinstance(node.get("id"), str) and key != "documents":
                out[node["id"]] = key
    return out


def _drop_dangling(data: dict[str, dict]) -> None:
    """After items were dropped: remove actions and partner references that point nowhere."""
    ids = _ids(data)
    for content in data.values():
        for _, node in list(_walk(content)):
            if isinstance(node.get("actions"), list):
                node["actions"] = [a for a in node["actions"] if not isinstance(a, dict) or (
                    a.get("serves") in ids and (not a.get("speerpunt") or a["speerpunt"] in ids))]
            if isinstance(node.get("partners"), list) and all(isinstance(v, str) for v in node["partners"]):
                node["partners"] = [p for p in node["partners"] if p in ids]
                if not node["partners"]:
                    del node["partners"]
            if isinstance(node.get("led_by"), str) and node["led_by"] not in ids:
                del node["led_by"]


def _add_lineage(versions: dict[str, dict[str, dict]], pool: Pool) -> None:
    """Lineage to the previous plan period, like the real data: 30% continued, some new."""
    names = list(versions)
    older = [n for n in names if n not in (CONCEPT, CURRENT)]
    for i, name in enumerate(names):
        previous = older[i - 1] if name in older and i > 0 else (older[-1] if name not in older and older else None)
        if previous is None:
            continue
        known = _ids(versions[previous])
        doc = versions[name]["version.yaml"]["documents"][0]["id"]
        for content in versions[name].values():
            for key, node in _walk(content, "file"):
                is_theme = key == "file" and content.get("kind") == "theme" and node is content
                if not (is_theme or key in ("pillars", "groups", "topics")) or not isinstance(node.get("id"), str):
                    continue
                r = _rng("lineage", name, node["id"]).random()
                source = {"document": doc, "section": "1.1"}
                if node["id"] in known and r < 0.3:
                    entry = {"version": previous, "item": node["id"], "change": "hernoemd" if r < 0.05 else "voortgezet"}
                    if r < 0.15:
                        entry["text"] = pool.sentence(_rng("lineage-text", name, node["id"]))
                    node["lineage"] = [{**entry, "source": source}]
                elif node["id"] not in known and r < 0.5:
                    node["lineage"] = [{"version": previous, "change": "nieuw", "source": source}]


# --------------------------------------------------------------------------------------
# projects
# --------------------------------------------------------------------------------------

def snapshot(workdir: Path) -> dict:
    """Copy the code and data under test once, so that every size of one run measures
    the same state even while someone edits the working tree. Child processes import
    `macros` from the copy (PYTHONPATH comes before the editable install)."""
    global SRC, POLICY, TEMPLATE, CONCEPT_TEMPLATE
    import hashlib

    code = workdir / "code"
    code.mkdir()
    for name in SNAPSHOT:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, code / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy(ROOT / name, code / name)
    SRC, POLICY = code, code / "policy"
    TEMPLATE, CONCEPT_TEMPLATE = POLICY / MUNICIPALITY / CURRENT, POLICY / MUNICIPALITY / CONCEPT
    ENV["PYTHONPATH"] = str(code) + (os.pathsep + ENV["PYTHONPATH"] if ENV.get("PYTHONPATH") else "")
    digest = hashlib.sha256()
    sources = sorted(p for p in (code / "macros").rglob("*") if p.is_file())
    # Byte-compile the copy as pip does for an installed package: with
    # PYTHONDONTWRITEBYTECODE set, every build would otherwise compile our
    # modules from source, a cost the baseline (installed packages only) never pays.
    import compileall
    compileall.compile_dir(code / "macros", quiet=1)
    for path in sources:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return {"macros_sha256": digest.hexdigest()[:16], "snapshot_of": [n for n in SNAPSHOT],
            "taken": _dt.datetime.now().astimezone().isoformat(timespec="seconds")}


def write_sources(project: Path, versions: dict) -> int:
    """Source texts for a synthetic set, so that `agenda validate` checks every quote as it
    does on the real data: each cited section of each document holds the texts that cite it
    (the generator redraws policy text from a pool, so the real sources would not hold it)."""
    from macros.policy.sources import basis_walk, editorial_reasons

    sections: dict[str, dict[str, list[str]]] = {}  # file -> section -> texts
    for data in versions.values():
        files = {d["id"]: d.get("file") for d in data["version.yaml"]["documents"]}
        for content in data.values():
            cited_at: dict[tuple, dict] = {}
            for path, node, marks in basis_walk(content):
                if isinstance(node.get("source"), dict):
                    cited_at[path] = node["source"]
                cited = next((cited_at[path[:cut]] for cut in range(len(path), -1, -1) if path[:cut] in cited_at), None)
                if cited is None or not files.get(cited["document"]):
                    continue
                reasons = editorial_reasons(node, marks)
                names = [n.strip() for n in str(cited["section"]).split(" / ")]
                texts = sections.setdefault(files[cited["document"]], {})
                for name in names:
                    texts.setdefault(name, [])
                texts[names[0]] += [node[k] for k, (basis, _) in marks.items()
                                    if basis == "quote" and k not in reasons and isinstance(node.get(k), str)]
    folder = project / "sources" / MUNICIPALITY
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    total = 0
    for name, texts in sections.items():
        body = "\n".join(f"[[§ {section}]]\n\n" + "\n\n".join(parts) + "\n" for section, parts in sorted(texts.items()))
        (folder / name).write_text(body, encoding="utf-8")
        total += len(body.encode("utf-8"))
    return total


def make_project(target: Path, policy_from: Path | None = None) -> Path:
    """Like tests/conftest.py's make_project: copies of mkdocs.yml, docs/, overrides/,
    symlinks to macros/ and schema/; policy/ copied from `policy_from` if given."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(SRC / "mkdocs.yml", target / "mkdocs.yml")
    for name in ("docs", "overrides"):
        shutil.copytree(SRC / name, target / name)
    for name in ("macros", "schema"):
        (target / name).symlink_to(SRC / name)
    if policy_from is not None:
        shutil.copytree(policy_from, target / "policy")
        shutil.copytree(SRC / "sources", target / "sources")  # the texts the real quotes are checked against
    return target


def run(cmd: list[str], cwd: Path, what: str, timeout: int | None = None, peak: bool = False) -> dict:
    """Run a command; fail loudly on a non-zero exit. Returns wall seconds (and peak RSS).

    With `timeout`, a command still running after that many seconds is stopped
    and reported as timed out (wall_s is then a lower bound)."""
    timed_out = False
    if timeout and shutil.which("timeout"):
        cmd = ["timeout", "-s", "TERM", str(int(timeout)), *cmd]  # so /usr/bin/time still reports the peak
    if peak and TIME_V.exists():
        cmd = [str(TIME_V), "-v", *cmd]
    before = _children_maxrss()
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=cwd, env=ENV, capture_output=True, text=True,
                              timeout=timeout + 60 if timeout else None)
    except subprocess.TimeoutExpired as err:
        out, errs = (x.decode() if isinstance(x, bytes) else (x or "") for x in (err.stdout, err.stderr))
        proc = subprocess.CompletedProcess(cmd, 124, out, errs)
    wall = time.perf_counter() - t0
    if timeout and proc.returncode == 124:
        timed_out = True
        log(f"{what}: stopped after {wall:.0f} s (--build-timeout {timeout})")
    elif proc.returncode != 0:
        sys.stderr.write(f"\nbench: {what} FAILED (exit {proc.returncode}): {' '.join(map(str, cmd))}\n")
        sys.stderr.write(proc.stdout[-4000:] + "\n" + proc.stderr[-8000:] + "\n")
        raise SystemExit(f"bench: {what} failed; see above")
    result = {"wall_s": wall, "stdout": proc.stdout, "stderr": proc.stderr, "timed_out": timed_out}
    if peak:
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        if m:
            result["peak_rss_mb"] = int(m.group(1)) / 1024
            result["peak_rss_how"] = "/usr/bin/time -v"
        else:  # ru_maxrss of children is a high-water mark over all children so far
            after = _children_maxrss()
            result["peak_rss_mb"] = after / 1024 if after > before else None
            result["peak_rss_how"] = "getrusage(RUSAGE_CHILDREN)"
    return result


def _children_maxrss() -> int:
    import resource
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def worker(mode: str, *args: str, timeout: int = 3600) -> dict:
    """Run this script in a child process in `mode`; it prints one JSON line last."""
    cmd = [str(PYTHON), str(Path(__file__).resolve()), "--worker", mode, *args]
    proc = subprocess.run(cmd, cwd=ROOT, env=ENV, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        sys.stderr.write(proc.stdout[-4000:] + "\n" + proc.stderr[-8000:] + "\n")
        raise SystemExit(f"bench: worker '{mode}' failed; see above")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------------------
# workers (run in child processes)
# --------------------------------------------------------------------------------------

def _worker_inproc(project: str, baseline: str, baseline_nav: str) -> dict:
    """In-process: load_versions, diff of the two largest versions, and the baseline pages."""
    import jinja2

    import macros as entry
    import macros.site.site as site_module
    from macros.compare.diff import diff
    from macros.hooks import EXTRA_NAV
    from macros.policy.model import build_agenda
    from macros.site.pages import build_nav
    from macros.policy.validate import load_versions
    from macros.policy.versions import ordered

    project_dir = Path(project)
    policy = project_dir / "policy"
    os.chdir(project_dir)
    times = []
    while len(times) < 2:  # a second run (small sets only) shows the steady state: imports done, schema compiled
        t0 = time.perf_counter()
        sources, problems = load_versions(policy)
        times.append(time.perf_counter() - t0)
        if times[0] > 5:
            times.append(None)
    if problems:
        raise SystemExit(f"{len(problems)} problems, first: {problems[0]}")
    items = sum(1 for s in sources for f in s.files for _, n in _walk(f.data) if "id" in n)
    items += len({id(s.municipality) for s in sources if s.municipality})
    t0 = time.perf_counter()
    agendas = {f"{s.folder.parent.name}/{s.folder.name}": build_agenda(s.municipality.data, [f.data for f in s.files])
               for s in sources}
    build_s = time.perf_counter() - t0
    per_version = {f"{s.folder.parent.name}/{s.folder.name}": sum(1 for f in s.files for _, n in _walk(f.data)
                                                                   if "id" in n) for s in sources}
    # the two largest versions of one municipality (the one the site is built for)
    mine = {k: v for k, v in per_version.items() if k.startswith(MUNICIPALITY + "/")}
    largest = sorted(mine, key=lambda n: (mine[n], n))[-2:]
    old, new = ordered([agendas[k] for k in largest])
    diff_times = []
    for _ in range(3):
        t0 = time.perf_counter()
        changes = diff(old, new)
        diff_times.append(time.perf_counter() - t0)

    # What one cache lookup of macros.site.site costs (it runs several times per page in a build).
    fingerprint_s = None
    if callable(getattr(site_module, "_fingerprint", None)):
        t0 = time.perf_counter()
        state = site_module._fingerprint(policy)
        fingerprint_s = time.perf_counter() - t0
        # Rendering the baseline below calls the macros once per page, and each call
        # would take this fingerprint again; it is reported separately, so skip it here.
        site_module._fingerprint = lambda _folder: state

    # The baseline: the same pages, rendered once by our macros, as plain Markdown files.
    site_module.load_versions = lambda _policy: (sources, [])  # reuse the checked sources
    t0 = time.perf_counter()
    site = site_module.load_site(policy, MUNICIPALITY, CURRENT)
    load_site_s = time.perf_counter() - t0

    class Env:
        def __init__(self):
            self.macros, self.conf, self.page = {}, {"extra": {"agenda": {"policy": "policy",
                                                                           "municipality": MUNICIPALITY,
                                                                           "version": CURRENT}},
                                                      "config_file_path": str(project_dir / "mkdocs.yml")}, None

        def macro(self, fn):
            self.macros[fn.__name__] = fn
            return fn

    env = Env()
    entry.define_env(env)
    jinja = jinja2.Environment()
    docs = Path(baseline) / "docs"
    docs.mkdir(parents=True)
    pages = [(p.path, p.source) for p in site.pages]
    for md in sorted((project_dir / "docs").rglob("*.md")):
        pages.append((md.relative_to(project_dir / "docs").as_posix(), md.read_text(encoding="utf-8")))
    t0 = time.perf_counter()
    md_bytes = 0
    for path, source in pages:
        front = ""
        if source.startswith("---\n"):
            end = source.index("\n---\n", 4) + 5
            front, source = source[:end], source[end:]
        if "{{" in source:
            env.page = type("Page", (), {"file": type("File", (), {"src_uri": path})()})()
            source = jinja.from_string(source).render(**env.macros)
        target = docs / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(front + source, encoding="utf-8")
        md_bytes += len(source)
    render_s = time.perf_counter() - t0
    # The baseline is our own mkdocs.yml (same theme, features, palette,
    # overrides, CSS, JavaScript, Markdown extensions) without what this
    # project adds: the hooks and the macros plugin.
    from mkdocs.utils.yaml import yaml_load

    with open(project_dir / "mkdocs.yml", encoding="utf-8") as handle:
        config = yaml_load(handle)
    config["site_name"] += " (baseline)"
    for key in ("hooks", "watch"):
        config.pop(key, None)
    config["plugins"] = [p for p in config.get("plugins", []) if "macros" not in (p if isinstance(p, str) else p)]
    for extra in sorted((project_dir / "docs").rglob("*")):
        if extra.is_file() and extra.suffix != ".md":
            target = docs / extra.relative_to(project_dir / "docs")
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(extra, target)
    custom_dir = (config.get("theme") or {}).get("custom_dir")
    if custom_dir:
        shutil.copytree(project_dir / custom_dir, Path(baseline) / custom_dir, dirs_exist_ok=True)
    if baseline_nav == "same":
        config["nav"] = build_nav(site.agenda, EXTRA_NAV, site.versions)
    (Path(baseline) / "mkdocs.yml").write_text(json.dumps(config, ensure_ascii=False, indent=1), encoding="utf-8")
    return {
        "items": items,
        "versions": len(sources),
        "load_versions_s": times[0],
        "load_versions_warm_s": times[1],
        "build_agendas_s": build_s,
        "items_per_version": per_version,
        "diff_pair": [old.id, new.id],
        "diff_s": statistics.median(diff_times),
        "diff_runs_s": diff_times,
        "diff_changes": len(changes),
        "load_site_rest_s": load_site_s,
        "fingerprint_s": fingerprint_s,
        "policy_files": sum(1 for _ in policy.rglob("*.y*ml")),
        "render_markdown_s": render_s,
        "pages": len(pages),
        "markdown_bytes": md_bytes,
        "actions": len(site.agenda.actions),
        "partners": len(site.agenda.partners),
        "themes": len(site.agenda.themes),
    }


def _worker_rebuild(project: str, out_dir: str) -> dict:
    """What `mkdocs serve` does: a first build, then a rebuild per change, in one process."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from macros.site.site import load_site, settings

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    project_dir = Path(project)
    os.chdir(project_dir)
    cfg = str(project_dir / "mkdocs.yml")
    serve_url = "http://127.0.0.1:8000/"

    def get_config():
        config = load_config(config_file=cfg, site_dir=out_dir)
        config.site_url = serve_url
        return config

    result = {}
    t0 = time.perf_counter()
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    build(config, serve_url=serve_url, dirty=False)
    result["first_build_s"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    build(get_config(), serve_url=serve_url, dirty=False)
    result["rebuild_unchanged_s"] = time.perf_counter() - t0

    target = sorted((project_dir / "policy" / MUNICIPALITY / CURRENT).glob("uitvoeringsagenda*.yaml"))[0]
    result["edited_file"] = target.relative_to(project_dir).as_posix()

    def edit(n: int) -> None:
        text = target.read_text(encoding="utf-8")
        new, count = re.subn(r'^(    title: )(.*)$', lambda m: m.group(1) + json.dumps(
            (json.loads(m.group(2)) if m.group(2).startswith('"') else m.group(2)) + f" (wijziging {n})",
            ensure_ascii=False), text, count=1, flags=re.M)
        if not count:
            raise SystemExit(f"no action title to edit in {target}")
        target.write_text(new, encoding="utf-8")

    edit(1)
    t0 = time.perf_counter()
    load_site(*settings(get_config()))
    result["reload_policy_s"] = time.perf_counter() - t0

    edit(2)
    t0 = time.perf_counter()
    build(get_config(), serve_url=serve_url, dirty=False)
    result["rebuild_s"] = time.perf_counter() - t0
    config.plugins.on_shutdown()
    return result


def _worker_profile(project: str, out_dir: str, report: str) -> dict:
    import cProfile
    import io
    import logging
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    os.chdir(project)
    config = load_config(config_file=str(Path(project) / "mkdocs.yml"), site_dir=out_dir)
    config.plugins.on_startup(command="build", dirty=False)
    profile = cProfile.Profile()
    t0 = time.perf_counter()
    profile.enable()
    build(config)
    profile.disable()
    wall = time.perf_counter() - t0
    stats = pstats.Stats(profile)
    buf = io.StringIO()
    stats.stream = buf
    buf.write(f"in-process mkdocs build under cProfile: {wall:.1f} s\n\n=== by cumulative time ===\n")
    stats.sort_stats("cumulative").print_stats(60)
    buf.write("\n=== by own time ===\n")
    stats.sort_stats("tottime").print_stats(40)
    buf.write("\n=== our functions (macros/), by cumulative time ===\n")
    stats.sort_stats("cumulative").print_stats(r"/macros/", 40)
    Path(report).write_text(buf.getvalue(), encoding="utf-8")
    ours = sorted(((v[3], f"{Path(k[0]).name}:{k[1]}({k[2]})") for k, v in stats.stats.items() if "/macros/" in k[0]),
                  reverse=True)[:15]
    return {"profile_wall_s": wall, "report": report, "top_ours_cumulative": [(round(t, 2), f) for t, f in ours]}


# --------------------------------------------------------------------------------------
# one size
# --------------------------------------------------------------------------------------

def measure(label: str, workdir: Path, pool: Pool | None, size: int | None, args) -> dict:
    project = workdir / f"project-{label}"
    row: dict = {"size": label}
    t0 = time.perf_counter()
    if size is None:
        make_project(project, POLICY)
        row["plan"] = {"source": "policy/ (the real data)"}
    else:
        make_project(project)
        gen = Generator(size, pool)
        row["plan"] = gen.plan
        row.update(gen.write(project))
    row["generate_s"] = time.perf_counter() - t0
    if size is None:
        row["yaml_bytes"] = sum(p.stat().st_size for p in (project / "policy").rglob("*.y*ml"))
        row["files"] = sum(1 for _ in (project / "policy").rglob("*.y*ml"))
    log(f"[{label}] set written: {row['files']} files, {row['yaml_bytes'] / 1e6:.1f} MB YAML "
        f"({row['generate_s']:.1f} s)")

    # 1. agenda validate, as a user runs it (process start included); fails loudly
    row["loadavg_before_validate"] = os.getloadavg()[0]
    runs = []
    while not runs or (len(runs) < args.repeat and sum(runs) < args.repeat_below):
        v = run([str(AGENDA), "validate", "policy"], project, f"[{label}] agenda validate")
        runs.append(v["wall_s"])
    row["validate_s"], row["validate_runs_s"] = statistics.median(runs), runs
    row["validate_output"] = v["stdout"].strip()
    log(f"[{label}] agenda validate: OK in {row['validate_s']:.2f} s (median of {len(runs)})")

    # 2. in-process: load_versions, diff, and the baseline's Markdown
    baseline = workdir / f"baseline-{label}"
    info = worker("inproc", str(project), str(baseline), args.baseline_nav)
    row.update(info)
    row["items_per_s"] = row["items"] / row["validate_s"]
    log(f"[{label}] {row['items']:,} items, {row['versions']} versions; load_versions {info['load_versions_s']:.2f} s; "
        f"diff {info['diff_pair'][0]} -> {info['diff_pair'][1]} {info['diff_s']:.3f} s; {info['pages']} pages")

    # 3. full mkdocs build of the version in force, and the baseline build
    # ours and the baseline alternate, so that a change in machine load hits both alike;
    # builds that take less than --repeat-below seconds run --repeat times (median reported)
    out, base_out = workdir / f"site-{label}", workdir / f"site-baseline-{label}"
    row["loadavg_before_build"] = os.getloadavg()[0]
    ours, base = [], []
    while not ours or (len(ours) < args.repeat and max(ours[0]["wall_s"], base[0]["wall_s"]) < args.repeat_below):
        for folder in (out, base_out):
            shutil.rmtree(folder, ignore_errors=True)
        ours.append(run([str(PYTHON), "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
                        project, f"[{label}] mkdocs build", timeout=args.build_timeout, peak=True))
        base.append(run([str(PYTHON), "-m", "mkdocs", "build", "-f", str(baseline / "mkdocs.yml"), "-d", str(base_out)],
                        baseline, f"[{label}] baseline build", timeout=args.build_timeout, peak=True))
    b, bb = ours[0], base[0]
    row["build_runs_s"], row["baseline_runs_s"] = [x["wall_s"] for x in ours], [x["wall_s"] for x in base]
    row["build_s"], row["baseline_s"] = statistics.median(row["build_runs_s"]), statistics.median(row["baseline_runs_s"])
    row["peak_rss_mb"] = max((x["peak_rss_mb"] for x in ours if x.get("peak_rss_mb")), default=None)
    row["baseline_peak_rss_mb"] = max((x["peak_rss_mb"] for x in base if x.get("peak_rss_mb")), default=None)
    row["peak_rss_how"] = b.get("peak_rss_how")
    row["build_timed_out"], row["baseline_timed_out"] = b["timed_out"], bb["timed_out"]
    row["built_pages"] = sum(1 for _ in out.rglob("index.html"))
    row["site_bytes"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    pages_html = [p.stat().st_size for p in out.rglob("*.html")]
    row["avg_page_kb"] = sum(pages_html) / len(pages_html) / 1024 if pages_html else None
    row["baseline_pages"] = sum(1 for _ in base_out.rglob("index.html"))
    row["ratio"] = row["build_s"] / row["baseline_s"]
    log(f"[{label}] mkdocs build: {'stopped after ' if b['timed_out'] else ''}{row['build_s']:.1f} s, "
        f"peak RSS {row['peak_rss_mb'] or 0:.0f} MB, {row['built_pages']} pages; baseline {row['baseline_s']:.1f} s, "
        f"{row['baseline_pages']} pages; ratio {'>= ' if b['timed_out'] else ''}{row['ratio']:.2f} "
        f"(median of {len(ours)})")
    if row["baseline_pages"] != row["built_pages"] and not b["timed_out"]:
        log(f"[{label}] WARNING: the baseline has {row['baseline_pages']} pages, our build {row['built_pages']}")
    for folder in (out, base_out):
        shutil.rmtree(folder, ignore_errors=True)

    # 4. the incremental path (what `mkdocs serve` does on a change), 1x and 10x and the real data
    if size is None or size <= 10:
        r = worker("rebuild", str(project), str(workdir / f"serve-{label}"))
        row.update({f"serve_{k}": v for k, v in r.items()})
        row["rebuild_s"] = r["rebuild_s"]
        log(f"[{label}] serve: first build {r['first_build_s']:.1f} s, unchanged rebuild "
            f"{r['rebuild_unchanged_s']:.1f} s, reload after edit {r['reload_policy_s']:.2f} s, "
            f"rebuild after edit {r['rebuild_s']:.1f} s")
        shutil.rmtree(workdir / f"serve-{label}", ignore_errors=True)
    if size is not None and size in (args.profile or []):
        report = Path(args.out).parent / f"profile-{label}.txt"
        p = worker("profile", str(project), str(workdir / f"profile-{label}"), str(report.resolve()))
        row["profile"] = p
        shutil.rmtree(workdir / f"profile-{label}", ignore_errors=True)
        log(f"[{label}] profile written to {report}")
    if not args.keep:
        shutil.rmtree(project, ignore_errors=True)
        shutil.rmtree(baseline, ignore_errors=True)
    return row


# --------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------

def log(message: str) -> None:
    print(message, flush=True)


def _fmt(value, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def table(rows: list[dict]) -> str:
    head = ("size", "items", "validate s", "items/s", "build s", "baseline s", "ratio", "peak RSS MB", "diff s",
            "rebuild s", "page KB")
    lines = [head]
    for r in rows:
        lines.append((str(r["size"]), f"{r['items']:,}", _fmt(r["validate_s"], ".2f"), _fmt(r["items_per_s"], ",.0f"),
                      (">" if r.get("build_timed_out") else "") + _fmt(r["build_s"], ".1f"), _fmt(r["baseline_s"], ".1f"),
                      (">" if r.get("build_timed_out") else "") + _fmt(r["ratio"], ".2f"),
                      _fmt(r.get("peak_rss_mb"), ".0f"), _fmt(r["diff_s"], ".3f"), _fmt(r.get("rebuild_s"), ".1f"),
                      _fmt(r.get("avg_page_kb"), ".0f")))
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = ["  ".join(c.rjust(w) for c, w in zip(line, widths)) for line in lines]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def targets(rows: list[dict]) -> list[dict]:
    out = []
    by = {str(r["size"]): r for r in rows}

    def add(name, ok, measured):
        out.append({"target": name, "result": "n/a" if ok is None else ("PASS" if ok else "MISS"), "measured": measured})

    worst = max(rows, key=lambda r: r["ratio"])
    add("build ratio <= 1.15 at every size", all(r["ratio"] <= 1.15 for r in rows),
        ", ".join(f"{r['size']}: {r['ratio']:.2f}" for r in rows) + f" (worst {worst['size']})")
    real = by.get("real")
    largest = max((r for r in rows if r["size"] != "real"), key=lambda r: r["items"], default=real)
    add(f"validate >= 50,000 items/s (largest set, {largest['size']}, incl. process start)",
        largest["items_per_s"] >= 50_000,
        f"{largest['items_per_s']:,.0f} items/s ({largest['items']:,} items in {largest['validate_s']:.2f} s); "
        f"in process {largest['items'] / largest['load_versions_s']:,.0f} items/s")
    if real:
        add("validate < 0.3 s on the real data (incl. process start)", real["validate_s"] < 0.3,
            f"{real['validate_s']:.2f} s")
    else:
        add("validate on the real data", None, "not run")
    one, most = by.get("1"), max((r for r in rows if r["size"] != "real"), key=lambda r: r["items"], default=None)
    if one and most and most is not one and one.get("avg_page_kb") and most.get("avg_page_kb"):
        add(f"average HTML page at {most['size']}x <= 1.5x the one at 1x", most["avg_page_kb"] <= 1.5 * one["avg_page_kb"],
            f"1x {one['avg_page_kb']:.0f} KB, {most['size']}x {most['avg_page_kb']:.0f} KB "
            f"({most['avg_page_kb'] / one['avg_page_kb']:.2f}x)")
    else:
        add("average HTML page size linear in the data", None, "needs 1x and a larger size")
    synth = [r for r in rows if r["size"] != "real"]
    if len(synth) >= 2:
        for name, key in (("validate, in process (load_versions)", "load_versions_s"),
                          ("validate incl. process start", "validate_s"), ("mkdocs build", "build_s")):
            per = {str(r["size"]): r[key] / r["items"] for r in synth}
            spread = max(per.values()) / min(per.values())
            values = list(per.values())
            trend = "grows with size" if values[-1] > values[0] else "falls with size: fixed start-up costs"
            add(f"time per item within 1.5x from {synth[0]['size']}x to {synth[-1]['size']}x: {name}", spread <= 1.5,
                ", ".join(f"{s}x {v * 1e6:.0f} us" for s, v in per.items()) + f" (spread {spread:.2f}x, {trend})")
    else:
        add("time per item constant within 1.5x", None, "needs two or more sizes")
    big = by.get("100")
    if not big or big.get("peak_rss_mb") is None:
        add("peak RSS of the 100x build < 1 GB", None, "not run")
    elif big.get("build_timed_out"):
        add("peak RSS of the 100x build < 1 GB", False if big["peak_rss_mb"] >= 1024 else None,
            f"{big['peak_rss_mb']:.0f} MB before the build was stopped")
    else:
        add("peak RSS of the 100x build < 1 GB", big["peak_rss_mb"] < 1024, f"{big['peak_rss_mb']:.0f} MB")
    add("one comparison of two 100x versions < 2 s", None if not big else big["diff_s"] < 2,
        f"{big['diff_s']:.3f} s ({' -> '.join(big['diff_pair'])})" if big else "not run")
    return out


def machine() -> dict:
    from importlib.metadata import version

    info = {"cpu_count": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
            "date": _dt.datetime.now().astimezone().isoformat(timespec="seconds"), "processor": platform.processor()}
    try:
        info["cpu_model"] = next(line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo")
                                 if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    try:
        info["memory_gb"] = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9, 1)
    except (ValueError, OSError):
        pass
    for dist in ("mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "PyYAML", "jsonschema"):
        try:
            info[dist] = version(dist)
        except Exception:  # noqa: BLE001 - informative only
            pass
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[1, 10, 100], help="scale factors (default: 1 10 100)")
    parser.add_argument("--quick", action="store_true", help="sizes 1 and 10 only")
    parser.add_argument("--no-real", action="store_true", help="skip the row for the real data in policy/")
    parser.add_argument("--out", default=str(ROOT / "bench" / "out" / "results.json"))
    parser.add_argument("--keep", action="store_true", help="keep the generated projects (printed at the end)")
    parser.add_argument("--profile", nargs="*", type=int, metavar="SIZE",
                        help="also profile one in-process build at these sizes (default with no value: 10)")
    parser.add_argument("--baseline-nav", choices=("same", "auto"), default="same",
                        help="baseline nav: 'same' = our nav (item pages unlisted, as in our site); "
                             "'auto' = no nav key, mkdocs lists every page")
    parser.add_argument("--build-timeout", type=int, default=3600, metavar="S",
                        help="stop a mkdocs build after S seconds and report it as a lower bound (default 3600)")
    parser.add_argument("--repeat", type=int, default=3, metavar="N",
                        help="run validate and the two builds N times and report the median (default 3) ...")
    parser.add_argument("--repeat-below", type=float, default=40, metavar="S",
                        help="... when one run takes less than S seconds (default 40)")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.worker:
        mode, rest = args.worker[0], args.worker[1:]
        fn = {"inproc": _worker_inproc, "rebuild": _worker_rebuild, "profile": _worker_profile}[mode]
        result = fn(*rest)
        print(json.dumps(result))
        return 0

    if args.profile is not None and not args.profile:
        args.profile = [10]
    sizes = [1, 10] if args.quick else sorted(set(args.sizes))
    if any(s < 1 for s in sizes):
        parser.error("sizes are whole numbers >= 1")
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="agenda-bench-"))
    log(f"bench: working in {workdir}; sizes {'real, ' if not args.no_real else ''}{', '.join(f'{s}x' for s in sizes)}")
    started = time.perf_counter()
    rows = []
    try:
        code = snapshot(workdir)
        log(f"bench: code and policy copied to {SRC} (macros sha256 {code['macros_sha256']})")
        pool = Pool(POLICY)
        if not args.no_real:
            rows.append(measure("real", workdir, None, None, args))
        for size in sizes:
            rows.append(measure(str(size), workdir, pool, size, args))
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    result = {"machine": machine(), "code": code, "total_s": time.perf_counter() - started,
              "baseline_nav": args.baseline_nav, "argv": sys.argv[1:],
              "rows": rows, "targets": targets(rows)}
    Path(args.out).write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print()
    print(table(rows))
    print()
    for t in result["targets"]:
        print(f"{t['result']:>4}  {t['target']}: {t['measured']}")
    print(f"\nbuild ratio (ours / baseline): " + ", ".join(f"{r['size']}: {r['ratio']:.2f}" for r in rows))
    print(f"results: {args.out}; total {result['total_s'] / 60:.1f} min" + (f"; projects kept in {workdir}" if args.keep else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
