"""The `agenda` command: `validate`, `build` and `diff`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from macros.problems import format_problems
from macros.validate import load_versions


def validate(policy_dir: Path) -> int:
    versions, problems = load_versions(policy_dir)
    if problems:
        print(format_problems(problems), file=sys.stderr)
        return 1
    items = sum(len(v.files) for v in versions)
    names = ", ".join(f"{v.folder.parent.name}/{v.folder.name}" for v in versions)
    print(f"OK: {len(versions)} version(s) ({names}), {items} files, no problems.")
    return 0


def publish(config_file: Path, site_dir: Path | None) -> int:
    import logging

    from mkdocs.exceptions import MkDocsException

    from macros.problems import PolicyError
    from macros.publish import build_site

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s - %(message)s")
    try:
        target = build_site(config_file, site_dir)
    except PolicyError as err:
        print(format_problems(err.problems), file=sys.stderr)
        print("The site was not changed.", file=sys.stderr)
        return 1
    except MkDocsException as err:
        print(str(err).strip(), file=sys.stderr)
        print("The site was not changed.", file=sys.stderr)
        return 1
    print(f"OK: site built in {target}")
    return 0


def compare(old_dir: Path, new_dir: Path) -> int:
    from macros.diff import diff, format_text
    from macros.model import build_agenda

    agendas = []
    for folder in (old_dir, new_dir):
        versions, problems = load_versions(folder)
        if problems:
            print(format_problems(problems), file=sys.stderr)
            return 1
        source = versions[0]
        agendas.append(build_agenda(source.municipality.data, [f.data for f in source.files]))
    print(format_text(diff(*agendas), old_dir.name, new_dir.name))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="agenda", description="Check and publish a veiligheidsagenda kept as YAML.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("validate", help="check the policy YAML and report every problem")
    check.add_argument("policy_dir", nargs="?", default="policy", type=Path,
                       help="the policy folder, one municipality or one version (default: policy)")
    make = commands.add_parser("build", help="build the site atomically (a failed build leaves the old site)")
    make.add_argument("--config-file", "-f", default="mkdocs.yml", type=Path)
    make.add_argument("--site-dir", "-d", default=None, type=Path, help="output folder (default: site)")
    changes = commands.add_parser("diff", help="list what was added, removed or reworded between two versions")
    changes.add_argument("old", type=Path, help="the older version folder, e.g. policy/deventer/2024-2027-concept")
    changes.add_argument("new", type=Path, help="the newer version folder, e.g. policy/deventer/2024-2027")
    args = parser.parse_args(argv)
    if args.command == "diff":
        return compare(args.old, args.new)
    if args.command == "validate":
        return validate(args.policy_dir)
    if args.command == "build":
        return publish(args.config_file, args.site_dir)
    return 2  # pragma: no cover - argparse rejects unknown commands


if __name__ == "__main__":
    sys.exit(main())
