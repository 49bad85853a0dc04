"""Count the string literals in `macros/` that contain an HTML tag: what is
left of page layout in Python rather than in `macros/templates/`.

    python -m tools.html_literals [--list]
"""

from __future__ import annotations

import ast
import re
import sys
from collections import Counter
from pathlib import Path

TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*(\s|/?>|$)")
ROOT = Path(__file__).resolve().parent.parent / "macros"


def literals(path: Path):
    """(line, text) of each string literal (f-string parts included) holding a tag;
    docstrings are prose, not markup, and are left out."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                  if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
                  and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    parts_of_fstrings = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    for node in ast.walk(tree):
        if id(node) in docstrings or id(node) in parts_of_fstrings:
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
        else:
            continue
        if TAG.search(text):
            yield node.lineno, text


def main(argv: list[str]) -> int:
    counts = Counter()
    for path in sorted(ROOT.rglob("*.py")):
        for line, text in literals(path):
            name = path.relative_to(ROOT.parent).as_posix()
            counts[name] += 1
            if "--list" in argv:
                print(f"{name}:{line}: {text[:90]!r}")
    for name, n in sorted(counts.items()):
        print(f"{n:4d}  {name}")
    print(f"{sum(counts.values()):4d}  in total")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
