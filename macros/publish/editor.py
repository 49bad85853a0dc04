"""The form editor at /beheer/: Decap CMS, self-hosted, configured from the schema.

`editor_config` writes Decap's config.yml from schema/policy.schema.json and the policy
folder of one municipality: one collection per version, one entry per policy file, the
fields and nesting of the schema with its Dutch titles as labels, its descriptions as
hints and its patterns with their Dutch messages. `publish_editor` puts the editor's page,
the pinned Decap bundle (node_modules/decap-cms, from package-lock.json) and the config
into `<site>/beheer/`. Nothing is loaded from another host.

Files are read and written in the canonical layout of `agenda fmt` (editor/agenda-yaml.js,
registered as the format `agenda-yaml`), so a change in a form changes only its lines.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import yaml

from macros.policy.kinds import references
from macros.policy.layout import key_order
from macros.policy.schema import load_schema
from macros.policy.validate import load_versions
from macros.site.templating import render

ROOT = Path(__file__).resolve().parents[2]
EDITOR = ROOT / "editor"
DECAP = ROOT / "node_modules" / "decap-cms" / "dist"
YAML_JS = ROOT / "node_modules" / "yaml" / "browser" / "dist"
FORMAT = "agenda-yaml"
SECTION_DEPTH = 3  # sections inside sections: deeper levels are kept as they are, not shown as forms

# Keys that hold ids, and the kinds of item they name: the schema's `x-refers`, as `agenda validate` reads them.
REFERENCES = references()
# Items defined in one file of a version: a relation widget reads them from that file.
RELATION_FILES = {"partner": ("partners", "partners"), "core_task": ("core_tasks", "tasks"),
                  "figure": ("figures", "figures")}
KIND_LABELS = {
    "municipality": "Gemeente", "version": "Versie en brondocumenten", "chapter": "Hoofdstuk",
    "strategy": "Strategie", "core_tasks": "Kerntaken", "theme": "Thema", "fundament": "Veiligheidsfundament",
    "figures": "Kengetallen", "references": "Verwijzingen", "actions": "Uitvoeringsagenda",
    "indicators": "Indicatoren", "regional": "Regionale samenwerking", "programme": "Programma",
    "glossary": "Begrippen", "partners": "Partners",
}


class EditorSettingsError(ValueError):
    pass


def git_root(start: Path) -> Path:
    for folder in [start, *start.parents]:
        if (folder / ".git").exists():
            return folder
    return start


def backend(settings: dict) -> dict:
    """Decap's `backend` from mkdocs.yml's `extra.agenda.editor` (see README, "Editing without YAML")."""
    name = settings.get("backend", "gitlab")
    if name not in ("gitlab", "github"):
        raise EditorSettingsError(f"extra.agenda.editor.backend: '{name}' is not supported; use gitlab or github")
    out = {"name": name, "repo": str(settings.get("repo", "")), "branch": str(settings.get("branch", "main")),
           "squash_merges": True,
           "commit_messages": {
               "create": "Beleid: {{slug}} aangemaakt in de editor ({{collection}})",
               "update": "Beleid: {{slug}} gewijzigd in de editor ({{collection}})",
               "delete": "Beleid: {{slug}} verwijderd in de editor ({{collection}})",
               "uploadMedia": "Bestand {{path}} toegevoegd", "deleteMedia": "Bestand {{path}} verwijderd",
               "openAuthoring": "{{message}}"}}
    if name == "gitlab":
        out["auth_type"] = "pkce"
        if settings.get("app_id"):
            out["app_id"] = str(settings["app_id"])
        for key in ("api_root", "base_url", "auth_endpoint"):
            if settings.get(key):
                out[key] = str(settings[key])
    else:
        for key in ("base_url", "auth_endpoint", "api_root"):
            if settings.get(key):
                out[key] = str(settings[key])
    return out


def _resolve(spec: dict) -> tuple[dict, str | None]:
    """The definition behind a `$ref` (with the property's own title and description kept) and its name."""
    if "$ref" in spec:
        name = spec["$ref"].rsplit("/", 1)[-1]
        target = dict(load_schema()["$defs"][name])
        for key in ("title", "description"):
            if key in spec:
                target[key] = spec[key]
        return target, name
    return spec, None


def _optional(fields: list[dict]) -> None:
    """Nothing inside an optional block is required in the form. Decap checks the required fields
    of an object field even when the object is absent (decaporg/decap-cms#2103, #7748), so one
    item without its optional `source:` would block saving the whole file. `agenda validate`
    still requires them when the block is there."""
    for field in fields:
        field["required"] = False
        if field["widget"] == "object":
            _optional(field["fields"])


class _Fields:
    def __init__(self, collection: str, version: "VersionSource | None", options: dict):  # noqa: F821
        self.collection = collection
        self.version = version
        self.options = options  # item kind -> [(id, label)]

    def fields(self, spec: dict, depth: int = 0) -> list[dict]:
        required = set(spec.get("required", []))
        return [self.field(name, prop, name in required, depth) for name, prop in spec.get("properties", {}).items()]

    def field(self, name: str, prop: dict, required: bool, depth: int) -> dict:
        spec, ref = _resolve(prop)
        field = {"name": name, "label": spec.get("title", name), "required": required}
        if spec.get("description"):
            field["hint"] = spec["description"]
        field.update(self.widget(name, spec, ref, depth))
        if field["widget"] == "hidden":
            field.pop("hint", None)
            field["required"] = False
        if field["widget"] == "object" and not required:
            _optional(field["fields"])
        return field

    def _relation(self, name: str, kinds: tuple, multiple: bool) -> dict:
        if len(kinds) == 1 and kinds[0] in RELATION_FILES and self.version is not None:
            kind, key = RELATION_FILES[kinds[0]]
            files = self.version.of_kind(kind)
            if len(files) == 1:
                label = "name" if kind == "partners" else "title"
                return {"widget": "relation", "collection": self.collection, "file": files[0].path.stem,
                        "value_field": f"{key}.*.id", "search_fields": [f"{key}.*.{label}", f"{key}.*.id"],
                        "display_fields": [f"{key}.*.{label}"], "multiple": multiple, "options_length": 200}
        options = [{"label": label, "value": value} for kind in kinds for value, label in self.options.get(kind, [])]
        if not options:
            return {"widget": "hidden"}
        return {"widget": "select", "options": options, "multiple": multiple}

    def widget(self, name: str, spec: dict, ref: str | None, depth: int) -> dict:
        if name == "kind" or "const" in spec:
            return {"widget": "hidden"}
        if name == "editorial":
            return {"widget": "hidden"}  # free field names: kept as written, edited in YAML
        if name in REFERENCES and name not in ("partners", "figures") or \
                name in ("partners", "figures") and spec.get("type") == "array" and \
                spec.get("items", {}).get("$ref", "").endswith("/id"):
            return self._relation(name, REFERENCES[name], spec.get("type") == "array")
        if name == "document" and ref == "id" and self.version is not None:
            files = [f for f in self.version.files if f.path.name == "version.yaml"]
            if files:
                return {"widget": "relation", "collection": self.collection, "file": files[0].path.stem,
                        "value_field": "documents.*.id", "search_fields": ["documents.*.title", "documents.*.id"],
                        "display_fields": ["documents.*.title"]}
        if "enum" in spec:
            return {"widget": "select", "options": [{"label": str(o), "value": o} for o in spec["enum"]]}
        if ref == "text":
            return {"widget": "text"}
        kind = spec.get("type")
        if kind == "string":
            out = {"widget": "string"}
            if "pattern" in spec:
                out["pattern"] = [spec["pattern"], spec.get("patternErrorMessage", "")]
            return out
        if kind == "integer":
            out = {"widget": "number", "value_type": "int"}
            out.update({k: spec[k] for k in ("minimum", "maximum") if k in spec})
            return {**{k: v for k, v in out.items() if k not in ("minimum", "maximum")},
                    **({"min": spec["minimum"]} if "minimum" in spec else {}),
                    **({"max": spec["maximum"]} if "maximum" in spec else {})}
        if kind == "object" and "properties" in spec:
            if ref == "section" and depth >= SECTION_DEPTH:
                return {"widget": "hidden"}
            return {"widget": "object", "collapsed": name in ("source", "period", "author", "license", "labels"),
                    "fields": self.fields(spec, depth + (ref == "section"))}
        if kind == "array" or ref == "lineage":
            items, item_ref = _resolve(spec.get("items", {}))
            if item_ref == "section" and depth >= SECTION_DEPTH:
                return {"widget": "hidden"}
            if items.get("type") == "object" and "properties" in items:
                fields = self.fields(items, depth + (item_ref == "section"))
                summary = next((f"{{{{fields.{k}}}}}" for k in ("title", "name", "term", "label", "id", "version")
                                if k in items["properties"]), None)
                out = {"widget": "list", "collapsed": True, "fields": fields}
                if summary:
                    out["summary"] = summary
                if items.get("required"):
                    out["add_to_top"] = False
                return out
            if items.get("type") == "string":
                field = {"name": "value", "label": spec.get("title", name), "widget": "string"}
                if "pattern" in items:
                    field["pattern"] = [items["pattern"], items.get("patternErrorMessage", "")]
                return {"widget": "list", "field": field}
            return {"widget": "hidden"}  # numbers mixed with text or empty cells: kept as written
        return {"widget": "hidden"}


def _options(version) -> dict:
    """item kind -> [(id, 'title (id)')] of one version, for select lists of ids defined in several files."""
    out: dict[str, list] = {}
    for item_id, (loaded, path, kind) in sorted(version.ids.items()):
        node = loaded.data
        for step in path:
            node = node[step]
        title = node.get("title") or node.get("name") or item_id if isinstance(node, dict) else item_id
        out.setdefault(kind, []).append((item_id, f"{title} ({item_id})"))
    return out


def editor_config(policy: Path, municipality: str, settings: dict | None = None) -> dict:
    """Decap's configuration for the policy of one municipality."""
    settings = settings or {}
    schema = load_schema()
    folder = policy / municipality
    versions, problems = load_versions(folder, quotes=False)
    if problems:
        raise EditorSettingsError(f"{len(problems)} problem(s) in {folder}: run agenda validate")
    repo = git_root(policy.resolve())
    collections = []
    municipality_file = folder / "municipality.yaml"
    if municipality_file.exists():
        fields = _Fields("gemeente", None, {}).fields(schema["$defs"]["file_municipality"])
        collections.append({"name": "gemeente", "label": "Gemeente", "label_singular": "Gemeente",
                            "editor": {"preview": False}, "format": FORMAT, "extension": "yaml",
                            "files": [{"name": "municipality", "label": "Gemeente",
                                       "file": municipality_file.resolve().relative_to(repo).as_posix(),
                                       "fields": fields}]})
    for version in versions:
        name = f"versie-{version.folder.name}"
        version_file = next((f for f in version.files if f.path.name == "version.yaml"), None)
        data = version_file.data if version_file else {}
        label = f"{data.get('title', version.folder.name)} ({version.folder.name}, {data.get('status', '')})"
        builder = _Fields(name, version, _options(version))
        files = []
        for loaded in version.files:
            kind = loaded.data.get("kind")
            title = loaded.data.get("title") or loaded.data.get("name") or KIND_LABELS.get(kind, kind)
            files.append({"name": loaded.path.stem, "label": f"{title} ({loaded.path.name})",
                          "file": loaded.path.resolve().relative_to(repo).as_posix(),
                          "fields": builder.fields(schema["$defs"][f"file_{kind}"])})
        collections.append({"name": name, "label": label, "editor": {"preview": False}, "format": FORMAT,
                            "extension": "yaml", "files": files})
    return {
        "backend": backend(settings),
        # `npx decap-server` on this computer; Decap only tries it when the editor itself runs on this computer.
        "local_backend": {"url": settings.get("local_url", "http://127.0.0.1:8081/api/v1")},
        "locale": "nl",
        "publish_mode": "editorial_workflow",
        "show_preview_links": False,
        "media_folder": "docs/assets/uploads",
        "site_url": settings.get("site_url", ""),
        "collections": collections,
    }


def publish_editor(site_dir: Path, config: dict) -> None:
    """Write the editor into `site_dir/beheer/`: page, pinned Decap bundle, format, config."""
    if not (DECAP / "decap-cms.js").is_file() or not (YAML_JS / "index.js").is_file():
        raise EditorSettingsError("node_modules/decap-cms is missing: run `npm ci` (see README)")
    target = site_dir / "beheer"
    target.mkdir(parents=True, exist_ok=True)
    for path in DECAP.iterdir():
        if path.name.endswith(".map") or path.name.startswith("cms.") or ".cms." in path.name:
            continue  # source maps, and the second copy of the bundle under another name
        shutil.copy2(path, target / path.name)
    shutil.copytree(YAML_JS, target / "yaml", dirs_exist_ok=True)
    shutil.copy2(EDITOR / "agenda-yaml.js", target / "agenda-yaml.js")
    shutil.copy2(EDITOR / "beheer.css", target / "beheer.css")  # our colours and heading on Decap's screens
    (target / "key-order.js").write_text("window.AGENDA_KEY_ORDER = " + json.dumps(key_order(), ensure_ascii=False)
                                         + ";\n", encoding="utf-8")
    (target / "config.yml").write_text(dump_config(config), encoding="utf-8")
    (target / "index.html").write_text(render("editor/index.html"), encoding="utf-8")


def _shared(node, seen: dict):
    """`node` with equal blocks of fields (a section's fields, nested three deep in every file that has
    sections) made one object, which YAML writes once with an anchor (&id001) and then as an alias
    (*id001): the same configuration in a seventh of the size. Decap reads aliases (its config
    parser runs with maxAliasCount -1)."""
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = _shared(value, seen)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            node[i] = _shared(value, seen)
    else:
        return node
    key = json.dumps(node, sort_keys=True, ensure_ascii=False)
    return seen.setdefault(key, node) if len(key) >= 300 else node


def dump_config(config: dict) -> str:
    return ("# Written by `agenda cms-config` from schema/policy.schema.json and the policy folder.\n"
            "# Do not edit: change the schema or mkdocs.yml (extra.agenda.editor) and build again.\n"
            + yaml.safe_dump(_shared(copy.deepcopy(config), {}), allow_unicode=True, sort_keys=False, width=120))
