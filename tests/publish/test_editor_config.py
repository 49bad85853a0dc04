"""`agenda cms-config`: the form editor's configuration, generated from the schema and the policy."""

import json
import re
import subprocess
from pathlib import Path

import pytest

import yaml

from conftest import FIXTURE, POLICY, ROOT, agenda, needs_npm
from macros.policy.schema import load_schema
from macros.publish.editor import dump_config, editor_config


def config_of(site_config: str, project: Path = FIXTURE) -> dict:
    """The editor's configuration; file paths in it are relative to the project's git repository,
    so tests that read them use `data_project` (the frozen policy as a repository of its own)."""
    result = agenda("cms-config", "-f", site_config, cwd=project)
    assert result.returncode == 0, result.stderr
    return yaml.safe_load(result.stdout)


def entries(config: dict) -> dict:
    return {f["file"]: (c["name"], f) for c in config["collections"] for f in c["files"]}


def walk_fields(fields, trail=()):
    for field in fields:
        yield trail + (field["name"],), field
        yield from walk_fields(field.get("fields", []), trail + (field["name"],))


def test_every_policy_file_of_every_version_is_an_entry(data_project):
    for site_config, municipality in (("mkdocs.yml", "deventer"), ("sites/doetinchem/mkdocs.yml", "doetinchem")):
        config = config_of(site_config, data_project)
        expected = {p.relative_to(FIXTURE).as_posix() for p in (POLICY / municipality).rglob("*.yaml")}
        assert set(entries(config)) == expected
        versions = {p.parent.name for p in (POLICY / municipality).glob("*/version.yaml")}
        assert {c["name"] for c in config["collections"]} == {"gemeente"} | {f"versie-{v}" for v in versions}
        assert all(c["format"] == "agenda-yaml" for c in config["collections"])


def test_the_editor_speaks_dutch_works_through_pull_requests_and_locally():
    config = config_of("mkdocs.yml")
    assert config["locale"] == "nl"
    assert config["publish_mode"] == "editorial_workflow"
    assert config["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert config["backend"]["name"] == "gitlab" and config["backend"]["auth_type"] == "pkce"


def test_fields_follow_the_schema():
    config = config_of("mkdocs.yml")
    collection, fundament = entries(config)["policy/deventer/2024-2027/fundament.yaml"]
    fields = dict(walk_fields(fundament["fields"]))
    topic = load_schema()["$defs"]["topic"]["properties"]
    goal = fields[("groups", "topics", "goal")]
    assert goal["widget"] == "text" and goal["label"] == "Doel" and goal["hint"] == topic["goal"]["description"]
    assert goal["required"] is False
    assert fields[("groups", "topics", "title")]["required"] is True
    ident = fields[("groups", "topics", "id")]
    assert ident["pattern"] == [load_schema()["$defs"]["id"]["pattern"],
                                load_schema()["$defs"]["id"]["patternErrorMessage"]]
    partners = fields[("groups", "topics", "partners")]
    assert partners == {**partners, "widget": "relation", "collection": collection, "file": "partners",
                        "value_field": "partners.*.id", "multiple": True}
    document = fields[("groups", "topics", "source", "document")]
    assert document["widget"] == "relation" and document["value_field"] == "documents.*.id"
    _, actions = entries(config)["policy/deventer/2024-2027/uitvoeringsagenda-2024.yaml"]
    action = dict(walk_fields(actions["fields"]))
    assert action[("actions", "status")]["widget"] == "select"
    assert [o["value"] for o in action[("actions", "status")]["options"]] == ["gepland", "lopend", "afgerond", "vervallen"]
    assert action[("actions", "core_task")]["widget"] == "relation"
    serves = action[("actions", "serves")]
    assert serves["widget"] == "select" and {"value": "voetbal", "label": "Voetbal (voetbal)"} in serves["options"]
    speerpunt = action[("actions", "speerpunt")]
    assert speerpunt["widget"] == "select" and len(speerpunt["options"]) > 5


def test_every_label_and_hint_comes_from_the_schema_in_dutch():
    config = config_of("mkdocs.yml")
    titles = set()

    def collect(node):
        if isinstance(node, dict):
            if isinstance(node.get("title"), str):
                titles.add(node["title"])
            for value in node.values():
                collect(value)
        elif isinstance(node, list):
            for value in node:
                collect(value)

    collect(load_schema())
    for _, (_, entry) in entries(config).items():
        for trail, field in walk_fields(entry["fields"]):
            if field["widget"] != "hidden" and trail[-1] != "value":
                assert field["label"] in titles, trail
                assert field.get("hint"), trail


def test_the_editor_is_published_at_beheer_for_editors_only(published):
    beheer = published / "beheer"
    page = (beheer / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    refs = re.findall(r'(?:src|href)="([^"]+)"', page) + re.findall(r'from "([^"]+)"', page)
    assert refs and all(r.startswith("data:") or (":" not in r and not r.startswith("//")) for r in refs), refs
    assert "http" not in page  # nothing from another host
    assert (beheer / "decap-cms.js").is_file() and (beheer / "yaml" / "index.js").is_file()
    config = yaml.safe_load((beheer / "config.yml").read_text(encoding="utf-8"))
    assert config["locale"] == "nl" and len(config["collections"]) == 4
    for sitemap in published.rglob("sitemap.xml"):
        assert "/beheer/" not in sitemap.read_text(encoding="utf-8")
    for index in published.rglob("search_index.json"):
        docs = json.loads(index.read_text(encoding="utf-8"))["docs"]
        assert docs and not [d["location"] for d in docs if "beheer/" in d["location"].split("#")[0]]


def test_nothing_inside_an_optional_block_is_required_in_the_form():
    # Decap checks an object's required fields even when the object is absent (decaporg/decap-cms#2103):
    # one case box without its optional `source:` would block saving the whole theme file.
    config = config_of("mkdocs.yml")
    _, theme = entries(config)["policy/deventer/2024-2027/thema-ondermijning.yaml"]
    fields = dict(walk_fields(theme["fields"]))
    assert fields[("pillars", "speerpunten", "source")]["required"] is True  # the schema requires it here
    assert fields[("pillars", "speerpunten", "source", "document")]["required"] is True
    assert fields[("sections", "sections", "sections", "source")]["required"] is False
    assert fields[("sections", "sections", "sections", "source", "document")]["required"] is False

    def inside(field):  # the fields of an object and of the objects in it (a list's items exist only when added)
        for child in field["fields"]:
            yield child
            if child["widget"] == "object":
                yield from inside(child)

    optional = 0
    for _, (_, entry) in entries(config).items():
        for trail, field in walk_fields(entry["fields"]):
            if field["widget"] == "object" and not field["required"]:
                optional += 1
                assert not [f["name"] for f in inside(field) if f["required"]], trail
    assert optional  # not a vacuous check


def form_errors(fields: list[dict], data: dict, trail: tuple = ()) -> list[tuple]:
    """What Decap's own checks before saving would say about a file as it stands: a required field
    empty (also inside an absent object: Decap checks those too), or a text not matching its pattern."""
    errors = []
    for field in fields:
        value, path = data.get(field["name"]), trail + (field["name"],)
        if field["widget"] == "hidden":
            continue
        if field.get("required", True) and value in (None, "", [], {}):
            errors.append(("vereist", path))
        if field["widget"] == "object":
            errors += form_errors(field["fields"], value if isinstance(value, dict) else {}, path)
        elif field["widget"] == "list" and isinstance(value, list):
            for i, item in enumerate(value):
                if "fields" in field and isinstance(item, dict):
                    errors += form_errors(field["fields"], item, path + (i,))
                elif "pattern" in field.get("field", {}) and not re.search(field["field"]["pattern"][0], str(item)):
                    errors.append(("patroon", path + (i,), item))
        elif "pattern" in field and isinstance(value, str) and not re.search(field["pattern"][0], value):
            errors.append(("patroon", path, value))
    return errors


def test_every_policy_file_can_be_saved_through_the_form_as_it_stands(data_project):
    # A file the form refuses to save unchanged cannot be edited through the form at all.
    for site_config in ("mkdocs.yml", "sites/doetinchem/mkdocs.yml"):
        for file, (_, entry) in entries(config_of(site_config, data_project)).items():
            data = yaml.safe_load((FIXTURE / file).read_text(encoding="utf-8"))
            assert form_errors(entry["fields"], data) == [], file
    # The check itself: an id in the wrong form and a missing required title are found.
    fields = [{"name": "id", "widget": "string", "required": True, "pattern": ["^[a-z]+$", "..."]},
              {"name": "title", "widget": "string", "required": True}]
    assert form_errors(fields, {"id": "Voetbal"}) == [("patroon", ("id",), "Voetbal"), ("vereist", ("title",))]


@needs_npm(ROOT / "node_modules" / "yaml")
def test_the_written_config_writes_repeated_fields_once_and_reads_the_same_in_javascript():
    config = editor_config(POLICY, "deventer")
    text = dump_config(config)
    plain = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=120)
    assert "*id001" in text and len(text) < len(plain) / 4  # sections' fields, written once per file kind
    assert yaml.safe_load(text) == config
    # As Decap reads it (yaml 1.x, maxAliasCount -1, merge keys on).
    script = ("const y=require('yaml');let s='';process.stdin.on('data',d=>s+=d).on('end',()=>"
              "process.stdout.write(JSON.stringify(y.parse(s,{maxAliasCount:-1,prettyErrors:true,merge:true}))))")
    result = subprocess.run(["node", "-e", script], cwd=ROOT, input=text, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == json.loads(json.dumps(config))


def test_the_forms_show_every_key_of_the_policy_but_these(data_project):
    # What a form hides is kept as written when the file is saved (tests/browser/test_editor.py
    # proves it); this keeps that list short and known: the file's kind, the editors' notes
    # (free field names), figures tables with numbers mixed with text or empty cells, and sections
    # deeper than three levels (none in the policy today).
    def hidden(fields, data, trail=()):
        by_name = {f["name"]: f for f in fields}
        for key, value in data.items():
            field = by_name.get(key)
            assert field is not None, trail + (key,)  # every key of the data has a field
            if field["widget"] == "hidden":
                yield key
            elif field["widget"] == "object" and isinstance(value, dict):
                yield from hidden(field["fields"], value, trail + (key,))
            elif field["widget"] == "list" and "fields" in field and isinstance(value, list):
                for item in value:
                    yield from hidden(field["fields"], item, trail + (key,))

    found = set()
    for site_config in ("mkdocs.yml", "sites/doetinchem/mkdocs.yml"):
        for file, (_, entry) in entries(config_of(site_config, data_project)).items():
            found |= set(hidden(entry["fields"], yaml.safe_load((FIXTURE / file).read_text(encoding="utf-8"))))
    assert found == {"kind", "editorial", "categories", "values"}
