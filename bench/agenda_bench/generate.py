"""The synthetic policy sets: `size` replicas of the real policy of one municipality.

    Generator(size, Pool(policy), policy).write(project)

writes `project/policy/deventer/<version>/*.yaml` for every version of the set
(see bench/README.md, "The generated policy sets"). Everything is drawn from
generators seeded with SEED and the item's id, so one size always gives the
same data.
"""

from __future__ import annotations

import copy
import math
import random
import re
import shutil
from pathlib import Path

import yaml

from agenda_bench.common import CONCEPT, CURRENT, MUNICIPALITY, walk
from agenda_bench.policy_yaml import dump_yaml

SEED = 20231012
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
# the real data: sentence and title pools
# --------------------------------------------------------------------------------------

def load_plain(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u201c\"'(])")


class Pool:
    """Sentences and titles of the real policy, drawn from with seeded generators."""

    def __init__(self, policy: Path):
        self.sentences: list[str] = []
        self.titles: dict[str, list[str]] = {}
        for path in sorted(policy.rglob("*.yaml")):
            data = load_plain(path)
            for key, node in walk(data, "file"):
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

    def __init__(self, size: int, pool: Pool, policy: Path):
        """`policy`: the folder with the real policy; its version in force is the template."""
        self.plan = plan(size)
        self.pool = pool
        self.policy = policy
        self.files = {p.name: load_plain(p) for p in sorted((policy / MUNICIPALITY / CURRENT).glob("*.y*ml"))}
        self.template_ids = {n["id"] for d in self.files.values() for _, n in walk(d) if isinstance(n.get("id"), str)}
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
        version = load_plain(self.policy / MUNICIPALITY / CONCEPT / "version.yaml")
        known = {d.get("id") for d in version.get("documents") or ()}
        # the files copied from the version in force may cite documents the real concept does not list
        version["documents"] = list(version.get("documents") or ()) + [
            copy.deepcopy(d) for d in current["version.yaml"].get("documents") or () if d.get("id") not in known]
        out["version.yaml"] = version
        # The concept cites every document the copied files cite (regional letter, 2018 programme).
        known = {d["id"] for d in out["version.yaml"]["documents"]}
        out["version.yaml"]["documents"] += [d for d in current["version.yaml"]["documents"] if d["id"] not in known]
        for data in out.values():
            for key, node in list(walk(data)):
                for field, value in list(node.items()):
                    if isinstance(value, list) and field in DROPPABLE:
                        node[field] = [v for v in value if not (
                            isinstance(v, dict) and isinstance(v.get("id"), str) and v["id"] not in self.template_ids
                            and _rng("concept-drop", v["id"]).random() < 0.03)]
        for data in out.values():
            for key, node in walk(data):
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
        shutil.copy(self.policy / MUNICIPALITY / "municipality.yaml", policy / MUNICIPALITY / "municipality.yaml")
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


def _ids(data: dict[str, dict]) -> dict[str, str]:
    """id -> list key that holds it (theme files: 'file')."""
    out = {}
    for content in data.values():
        for key, node in walk(content, "file"):
            if isinstance(node.get("id"), str) and key != "documents":
                out[node["id"]] = key
    return out


def _drop_dangling(data: dict[str, dict]) -> None:
    """After items were dropped: remove actions and partner references that point nowhere."""
    ids = _ids(data)
    for content in data.values():
        for _, node in list(walk(content)):
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
            for key, node in walk(content, "file"):
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
