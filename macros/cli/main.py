"""The `agenda` command: `validate`, `fmt`, `build`, `cms-config`, `diff` and `new`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from macros.policy.problems import format_problems
from macros.policy.validate import load_versions


def _github(problem) -> str:
    """A GitHub Actions workflow command: shows the problem on the line in the pull request."""
    def clean(text: str) -> str:
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    def prop(text: str) -> str:  # a property value: ',' and ':' end it
        return clean(text).replace(":", "%3A").replace(",", "%2C")
    hint = f" Hint: {problem.hint}" if problem.hint else ""
    where = f",line={problem.line},col={problem.column}" if problem.line else ""  # line 0: the file itself
    return f"::error file={prop(problem.file)}{where},title=Policy YAML::{clean(problem.message + '.' + hint)}"


def _gitlab(problems) -> str:
    """A GitLab code quality report (JSON), shown in the merge request."""
    import hashlib
    import json
    report = [{"description": p.message + (f" (hint: {p.hint})" if p.hint else ""), "check_name": "agenda-validate",
               "fingerprint": hashlib.sha256(f"{p.file}:{p.line}:{p.column}:{p.message}".encode()).hexdigest(),
               "severity": "major", "location": {"path": p.file, "lines": {"begin": max(p.line, 1)}}} for p in problems]
    return json.dumps(report, ensure_ascii=False, indent=1)


def validate(policy_dir: Path, output: str = "text") -> int:
    # A large policy set is read on every core this process may use (see load_versions).
    versions, problems = load_versions(policy_dir, workers=min(len(os.sched_getaffinity(0)), 8)
                                       if hasattr(os, "sched_getaffinity") else 1)
    if output == "gitlab":
        print(_gitlab(problems))
        return 1 if problems else 0
    if problems:
        if output == "github":
            print("\n".join(_github(p) for p in problems))
        print(format_problems(problems), file=sys.stderr)
        return 1
    items = sum(len(v.files) for v in versions)
    names = ", ".join(f"{v.folder.parent.name}/{v.folder.name}" for v in versions)
    print(f"OK: {len(versions)} version(s) ({names}), {items} files, no problems.")
    return 0


def publish(config_file: Path, site_dir: Path | None, preview: bool = False) -> int:
    import logging

    from mkdocs.exceptions import MkDocsException

    from macros.policy.problems import PolicyError
    from macros.publish.build import SiteAddressError, build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        target = build_site(config_file, site_dir, preview=preview)
    except SiteAddressError as err:
        print(str(err.problem), file=sys.stderr)
        print("The site was not changed.", file=sys.stderr)
        return 1
    except PolicyError as err:
        print(format_problems(err.problems), file=sys.stderr)
        print("The site was not changed.", file=sys.stderr)
        return 1
    except MkDocsException as err:
        print(str(err).strip(), file=sys.stderr)
        print("The site was not changed.", file=sys.stderr)
        return 1
    print(f"OK: {'local preview' if preview else 'site'} built in {target}")
    return 0


def _agendas(root: Path) -> dict[str, "Agenda"]:
    """Every version under `root`, by "municipality/version"; raises PolicyError.

    Quotes are not checked against the source texts here: this compares two states of the
    policy (`agenda validate` checks the quotes), and an older revision may predate sources/."""
    from macros.policy.model import build_agenda
    from macros.policy.problems import PolicyError

    versions, problems = load_versions(root, quotes=False)
    if problems:
        raise PolicyError(problems)
    return {f"{v.folder.parent.name}/{v.folder.name}": build_agenda(v.municipality.data, [f.data for f in v.files])
            for v in versions}


def _policy_at(revision: str, into: Path) -> Path:
    """The policy/ folder as it was at a git revision, unpacked into `into`."""
    import subprocess
    import tarfile

    archive = subprocess.run(["git", "archive", "--format=tar", revision, "policy"], capture_output=True)
    if archive.returncode != 0:
        raise ValueError(f"git cannot read 'policy' at revision '{revision}': {archive.stderr.decode().strip()}")
    import io

    from macros.policy.files import SPECIAL, SYMLINK
    from macros.policy.problems import PolicyError, Problem

    refused = []

    def only_files_and_folders(member, path):
        # A link in the archive is never created, so nothing outside `into` can be read through it.
        if member.isfile() or member.isdir():
            return tarfile.data_filter(member, path)
        refused.append(Problem(f"{member.name} (at {revision})", 0, 0, *(SYMLINK if member.issym() or member.islnk() else SPECIAL)))
        return None

    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter=only_files_and_folders)
    if refused:
        raise PolicyError(refused)
    return into / "policy"


def compare(old: Path | str, new: Path | str, git: bool = False) -> int:
    """Print a Markdown summary of the policy changes. Exit 0: no change, 1: changes, 2: error."""
    import tempfile

    from macros.compare.diff import diff, format_markdown, summary
    from macros.policy.problems import PolicyError

    with tempfile.TemporaryDirectory() as tmp:
        try:
            if git:
                before = _agendas(_policy_at(str(old), Path(tmp) / "old"))
                after = _agendas(_policy_at(str(new), Path(tmp) / "new"))
                label_old, label_new = str(old), str(new)
            else:
                (before_key, before_agenda), = _agendas(Path(old)).items()
                (after_key, after_agenda), = _agendas(Path(new)).items()
                before, after = {"": before_agenda}, {"": after_agenda}
                label_old, label_new = before_key, after_key
        except PolicyError as err:
            print(format_problems(err.problems), file=sys.stderr)
            return 2
        except ValueError as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
    parts, changed = [], False
    if git:
        parts.append(f"## Beleidswijzigingen van {label_old} naar {label_new}\n")
    for key in sorted(set(before) | set(after)):
        if key not in before:
            parts.append(f"### Nieuwe versie {key}\n\n{after[key].title} ({after[key].status}).\n")
            changed = True
        elif key not in after:
            parts.append(f"### Versie {key} verwijderd\n")
            changed = True
        else:
            changes = diff(before[key], after[key])
            counts = summary(changes)
            if counts["added"] + counts["removed"] + counts["changed"]:
                changed = True
                names = (f"{key} ({label_old})", f"{key} ({label_new})") if git else (label_old, label_new)
                parts.append(format_markdown(changes, *names))
    if not changed:
        parts.append("Geen wijzigingen in het beleid.\n")
    elif git:
        parts.append(_announcement(str(old), str(new)))
    print("\n".join(parts).rstrip())
    return 1 if changed else 0


def _announcement(old: str, new: str) -> str:
    """Whether the change will be announced, from the trailers of the commits
    between the revisions and the request's description (AGENDA_CHANGE_DESCRIPTION)."""
    import os
    import subprocess

    from macros.compare.history import trailers

    log = subprocess.run(["git", "log", "--format=%B", f"{old}..{new}"], capture_output=True, text=True).stdout
    major, note = trailers(os.environ.get("AGENDA_CHANGE_DESCRIPTION", "") + "\n" + log)
    if not major:
        return ("### Aankondiging\n\nKleine correctie (`Change-type: minor`): de wijziging wordt bij de onderdelen "
                "vastgelegd, maar niet aangekondigd op de wijzigingenpagina of in de feed.\n")
    from macros.policy.text import md_escape

    told = f"Toelichting voor inwoners: *{md_escape(note)}*" if note else (
        "Er is geen toelichting: de site beschrijft de wijziging dan zelf. Voeg een regel `Change-note: ...` toe "
        "om inwoners in eigen woorden te vertellen wat er verandert.")
    return ("### Aankondiging\n\nInhoudelijke wijziging: wordt na samenvoegen aangekondigd op de "
            f"wijzigingenpagina en in de feed. {told}\n\nIs dit alleen een tikfout? Zet dan `Change-type: minor` "
            "in de beschrijving.\n")


def new(municipality: str, name: str | None, start: int | None, root: Path) -> int:
    from macros.publish.scaffold import create

    try:
        files = create(root, municipality, name or municipality.replace("-", " ").title(), start)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    for path in files:
        print(f"created {path}")
    print(f"\nNext: fill in the texts (see policy/README.md), then\n"
          f"  agenda validate policy/{municipality}\n"
          f"  agenda build --preview -f sites/{municipality}/mkdocs.yml -d site-{municipality}")
    return 0


def fmt(paths: list[Path], check: bool) -> int:
    from macros.policy.layout import format_files

    changed, problems = format_files(paths, check=check)
    if problems:
        print(format_problems(problems), file=sys.stderr)
    if check:
        for name in changed:
            print(f"{name}: not in the canonical layout", file=sys.stderr)
        if changed:
            print(f"{len(changed)} file(s) would be rewritten: run `agenda fmt {' '.join(map(str, paths))}`",
                  file=sys.stderr)
        return 1 if changed or problems else 0
    for name in changed:
        print(f"rewrote {name}")
    return 1 if problems else 0


def cms_config(config_file: Path, output: Path | None) -> int:
    from mkdocs.config import load_config

    from macros.policy.problems import PolicyError
    from macros.publish.editor import EditorSettingsError, dump_config, editor_config
    from macros.site.settings import agenda_settings

    config = load_config(str(config_file))
    try:
        agenda = agenda_settings(config)
        editor_settings = agenda.editor.given()
        editor_settings.setdefault("site_url", config["site_url"] or "")
        text = dump_config(editor_config(agenda.policy, agenda.municipality, editor_settings))
    except PolicyError as err:
        print(format_problems(err.problems), file=sys.stderr)
        return 2
    except EditorSettingsError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if output is None:
        sys.stdout.write(text)
    else:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_text(text, encoding="utf-8")
        print(f"wrote {output}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="agenda", description="Check and publish a veiligheidsagenda kept as YAML.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the policy YAML and report every problem")
    check.add_argument("policy_dir", nargs="?", default="policy", type=Path,
                       help="the policy folder, one municipality or one version (default: policy)")
    check.add_argument("--format", dest="output", choices=["text", "github", "gitlab"], default="text",
                       help="text (default); github: also annotations for GitHub Actions; "
                            "gitlab: a code quality report (JSON) on standard output")
    layout = commands.add_parser("fmt", help="rewrite policy YAML in the canonical layout (the form editor's)",
                                 description="Rewrite policy YAML files in the one canonical layout: key order as in "
                                             "the schema, block text, quotes wherever YAML 1.1 and 1.2 would differ. "
                                             "The data stays the same.")
    layout.add_argument("paths", nargs="*", default=[Path("policy")], type=Path,
                        help="files or folders (default: policy)")
    layout.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 and list the files that are not in the layout")
    make = commands.add_parser("build", help="build the site atomically (a failed build leaves the old site)")
    make.add_argument("--config-file", "-f", default="mkdocs.yml", type=Path)
    make.add_argument("--site-dir", "-d", default=None, type=Path, help="output folder (default: site)")
    make.add_argument("--preview", action="store_true",
                      help="a local preview: allow a site address on this computer (http://127.0.0.1:8000/); "
                           "without it the build refuses to publish under such an address")
    cms = commands.add_parser("cms-config", help="write the form editor's config.yml (Decap CMS) from the schema "
                                                 "and the policy folder (agenda build does this into <site>/beheer/)")
    cms.add_argument("--config-file", "-f", default="mkdocs.yml", type=Path)
    cms.add_argument("--output", "-o", type=Path, help="file to write (default: standard output)")
    changes = commands.add_parser(
        "diff", help="summarise what changed between two versions (exit 0: nothing, 1: changes, 2: error)",
        description="Compare two version folders, or with --git the policy at two git revisions; "
                    "prints Markdown fit for a pull-request description.")
    changes.add_argument("old", help="older version folder (e.g. policy/<municipality>/2024-2027-concept), or a git revision")
    changes.add_argument("new", help="newer version folder (e.g. policy/<municipality>/2024-2027), or a git revision")
    changes.add_argument("--git", action="store_true", help="OLD and NEW are git revisions (e.g. main HEAD)")
    scaffold = commands.add_parser("new", help="start a policy set and site for another municipality")
    scaffold.add_argument("municipality", help="its id: lowercase letters, digits and dashes, e.g. zutphen")
    scaffold.add_argument("--name", help="its name as written, e.g. Zutphen (default: from the id)")
    scaffold.add_argument("--start", type=int, help="first year of the plan period (default: next year)")
    scaffold.add_argument("--root", type=Path, default=Path("."), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    if args.command == "new":
        return new(args.municipality, args.name, args.start, args.root)
    if args.command == "diff":
        return compare(args.old, args.new, git=args.git)
    if args.command == "validate":
        return validate(args.policy_dir, args.output)
    if args.command == "cms-config":
        return cms_config(args.config_file, args.output)
    if args.command == "fmt":
        return fmt(args.paths, args.check)
    if args.command == "build":
        return publish(args.config_file, args.site_dir, args.preview)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
