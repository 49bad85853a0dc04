"""A compiled yes/no check of a policy file against the JSON Schema.

jsonschema explains failures well but is slow: it resolves every `$ref` at
run time, which made it 70% of `agenda validate`. fastjsonschema turns the
same schema into plain Python code that is 20-50x faster, so every file is
checked by the compiled code and only a file that fails is checked again by
jsonschema to explain what is wrong (see macros/schema.py). Both read the
one published schema; a test keeps their verdicts equal.

Compiling takes about 0.2 s, more than checking the real policy, so the
compiled code is cached as a marshalled code object, like Python's own .pyc
files, keyed by the schema text, the fastjsonschema version and the Python
version. Without a writable cache it is compiled in memory.
"""

from __future__ import annotations

import hashlib
import json
import marshal
import os
import sys
from functools import lru_cache
from pathlib import Path
from typing import Callable

import fastjsonschema

# fastjsonschema knows drafts 4, 6 and 7. The schema declares 2020-12 for
# editors but uses no keyword whose meaning differs in draft 7 (no `$ref`
# with siblings, no prefixItems or unevaluated*), which a test checks.
_DRAFT = "http://json-schema.org/draft-07/schema#"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "veiligheidsagenda"


def _code(schema_text: str):
    schema = json.loads(schema_text)
    schema["$schema"] = _DRAFT
    source = fastjsonschema.compile_to_code(schema, use_default=False, use_formats=False)
    return compile(source, "<policy.schema.json, compiled>", "exec")


@lru_cache(maxsize=None)
def compiled_check(schema_path: Path) -> Callable[[object], None]:
    """A function that passes a valid file (returns it) and raises
    fastjsonschema.JsonSchemaException for an invalid one."""
    text = schema_path.read_text(encoding="utf-8")
    key = hashlib.sha256(f"{text}\0{fastjsonschema.VERSION}\0{sys.implementation.cache_tag}".encode()).hexdigest()
    cached = cache_dir() / f"schema-{key[:24]}.marshal"
    code = None
    try:
        code = marshal.loads(cached.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        code = _code(text)
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            partial = cached.with_suffix(f".{os.getpid()}.tmp")
            partial.write_bytes(marshal.dumps(code))
            os.replace(partial, cached)  # atomic: a parallel run never reads half a file
        except OSError:
            pass  # a read-only home: compile in memory every time
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102  (code generated from our own schema, not from policy data)
    return next(v for k, v in namespace.items() if k.startswith("validate") and callable(v))


def is_valid(schema_path: Path, data) -> bool:
    try:
        compiled_check(schema_path)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True
