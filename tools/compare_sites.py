"""Compare two builds of every site, page by page: proof that a restructuring
changed nothing a resident sees, or a list of exactly what it changed.

    python -m tools.compare_sites BEFORE AFTER [--diff N] [--strict-whitespace]

BEFORE and AFTER are folders as `scripts/build-all.sh` or `tools/build_sites.sh`
make them (each holding `site/`, `site-<name>/`, ...). HTML is compared with
whitespace between tags collapsed (unless --strict-whitespace), the sitemap
unzipped, PDFs by their extracted text (the bytes carry layout details a
reader never sees). Exit code: 0 identical, 1 different.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import re
import sys
from pathlib import Path

_SPACE = re.compile(rb"\s+")
_BETWEEN_TAGS = re.compile(rb">\s+<")


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def pdf_text(path: Path) -> bytes:
    from pypdf import PdfReader  # a test dependency; only needed when PDFs are compared

    return "\n".join(page.extract_text() for page in PdfReader(path).pages).encode()


def normalised(path: Path, strict_whitespace: bool = False) -> bytes:
    """The content of a built file as a reader meets it."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    if path.suffix == ".html" and not strict_whitespace:
        data = _BETWEEN_TAGS.sub(b"><", _SPACE.sub(b" ", data))
    return data


def excerpt(left: bytes, right: bytes, lines: int) -> str:
    """A short unified diff, split at tags so one changed element is one line."""
    split = lambda b: b.decode("utf-8", "replace").replace("><", ">\n<").splitlines()  # noqa: E731
    diff = difflib.unified_diff(split(left), split(right), "before", "after", n=1, lineterm="")
    return "\n".join(list(diff)[:lines])


def compare(before: Path, after: Path, diff_lines: int = 12, strict_whitespace: bool = False) -> int:
    a, b = files(before), files(after)
    for path in sorted(a - b):
        print(f"only before: {path}")
    for path in sorted(b - a):
        print(f"only after:  {path}")
    changed = 0
    for path in sorted(a & b):
        left, right = normalised(before / path, strict_whitespace), normalised(after / path, strict_whitespace)
        if left != right:
            changed += 1
            print(f"changed:     {path}")
            if diff_lines:
                print(excerpt(left, right, diff_lines))
    same = len(a & b) - changed
    print(f"{same} files the same, {changed} changed, {len(a - b)} only before, {len(b - a)} only after")
    return 0 if not changed and a == b else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.compare_sites", description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--diff", type=int, default=12, metavar="N", help="lines of diff per changed file (0: none)")
    parser.add_argument("--strict-whitespace", action="store_true", help="compare HTML byte for byte")
    args = parser.parse_args(argv)
    return compare(args.before, args.after, args.diff, args.strict_whitespace)


if __name__ == "__main__":
    sys.exit(main())
