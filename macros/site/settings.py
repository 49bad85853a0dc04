"""`extra.agenda` in mkdocs.yml, read once into a checked settings object.

Every key is declared here with its type and default (as mkdocs declares its
own options once in `mkdocs/config/config_options.py`); a key that is not
declared, or a value of the wrong type, is a problem that names the key and,
for a typo, the key that was meant. The build stops before any page is
written, like for a problem in the policy files.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

from macros.policy.problems import PolicyError, Problem
from macros.policy.schema import suggest

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class EditorSettings:
    """`extra.agenda.editor`: where the form editor saves (see README, "Editing without YAML")."""

    backend: str = "gitlab"  # gitlab or github
    repo: str = ""
    branch: str = "main"
    app_id: str = ""
    api_root: str = ""
    base_url: str = ""
    auth_endpoint: str = ""
    local_url: str = "http://127.0.0.1:8081/api/v1"
    site_url: str = ""  # the site's own address (mkdocs' site_url when not given)

    def given(self) -> dict[str, str]:
        """The settings as the editor's configuration reads them: only those with a value."""
        return {k: v for k, v in dataclasses.asdict(self).items() if v}


@dataclass(frozen=True)
class AgendaSettings:
    """`extra.agenda`: which policy a site shows, and how."""

    policy: Path  # the policy folder, relative to mkdocs.yml in the file
    municipality: str = ""
    version: str = ""
    templates: str = ""  # the site's own template folder, "" for none
    downloads: dict = field(default_factory=dict)  # PDF sizes, put in by `agenda build`, not by people
    editor: EditorSettings = EditorSettings()


_BACKENDS = ("gitlab", "github")


def _problem(message: str, hint: str) -> PolicyError:
    return PolicyError([Problem(CONFIG_FILE, 1, 1, message, hint)])


def _checked(section: str, given, cls) -> dict:
    """The keys of `given` that `cls` declares, as text; a problem for anything else."""
    if given is None:
        return {}
    if not isinstance(given, dict):
        raise _problem(f"{section} must be a block of keys, not {type(given).__name__}",
                       f"write the keys of {section} indented below it")
    declared = {f.name: f for f in dataclasses.fields(cls)}
    out = {}
    for key, value in given.items():
        if key not in declared:
            hint = suggest(str(key), declared)
            raise _problem(f"{section}: unknown key '{key}'",
                           hint if hint.startswith("did you mean") else f"known keys: {', '.join(declared)}")
        if declared[key].type in ("str", "Path"):
            if isinstance(value, bool) or not isinstance(value, (str, int)):
                raise _problem(f"{section}.{key} must be text, not {type(value).__name__}",
                               f"write it as {key}: \"...\"")
            value = str(value)
        out[key] = value
    return out


def agenda_settings(config) -> AgendaSettings:
    """The checked `extra.agenda` of a loaded mkdocs configuration; raises PolicyError."""
    given = _checked("extra.agenda", (config.get("extra") or {}).get("agenda"), AgendaSettings)
    editor = _checked("extra.agenda.editor", given.pop("editor", None), EditorSettings)
    if editor.get("backend", "gitlab") not in _BACKENDS:
        raise _problem(f"extra.agenda.editor.backend: '{editor['backend']}' is not supported",
                       f"use {' or '.join(_BACKENDS)}")
    downloads = given.pop("downloads", None) or {}
    if not isinstance(downloads, dict):
        raise _problem("extra.agenda.downloads is set by 'agenda build'", "remove it from mkdocs.yml")
    root = Path(config["config_file_path"] or ".").resolve().parent
    templates = given.pop("templates", "")
    return AgendaSettings(policy=root / given.pop("policy", "policy"), templates=str(root / templates) if templates else "",
                          downloads=downloads, editor=EditorSettings(**editor), **given)
