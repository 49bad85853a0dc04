"""The one Jinja environment that lays out every page, table and print document.

Templates live in `macros/templates/`. A site may name a folder of its own
(`extra.agenda.templates` in its mkdocs.yml, relative to that file); a
template there with the same name replaces the shared one for that site
only, as Material's `custom_dir` does for the theme.

Autoescape is on and undefined names fail: a template receives plain view
data and escapes every string, except sanitised policy text, which arrives
as `Markup` from `macros.policy.text` (`text_markup`, `inline_markup`).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import os

from jinja2 import ChoiceLoader, Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from jinja2.compiler import CodeGenerator
from markupsafe import Markup

from macros.policy.compiled_schema import cache_dir
from macros.policy.text import escape, inline_markup, md_escape, text_markup
from macros.words import WORDS

TEMPLATES = Path(__file__).resolve().parents[1] / "templates"


class _PrintThroughFinalize(CodeGenerator):
    """Compiles `{{ value }}` to `finalize(value)` alone.

    Jinja wraps a finalize function in its own autoescape, `escape(finalize(value))`;
    ours (`_escape`) already returns escaped `Markup`, so that second call would
    only copy the string: it cost a tenth of rendering a large comparison page.
    """

    def _direct(self, frame, finalize) -> bool:
        return finalize.src is not None and frame.eval_ctx.autoescape and not frame.eval_ctx.volatile

    def _output_child_pre(self, node, frame, finalize) -> None:
        if self._direct(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(self, node, frame, finalize) -> None:
        if self._direct(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)


class _Environment(Environment):
    code_generator_class = _PrintThroughFinalize


@lru_cache(maxsize=8)
def environment(override: str = "") -> Environment:
    """The environment for one site: its own template folder first, then the shared one.

    Cached per folder, so each template is compiled once per process; the
    compiled code is also kept on disk (keyed by the template's source), so a
    build in a new process does not compile the templates again.
    """
    folders = [override] if override else []
    env = _Environment(
        loader=ChoiceLoader([FileSystemLoader(f) for f in [*folders, str(TEMPLATES)]]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        finalize=_escape,
        bytecode_cache=_bytecode_cache(),
    )
    env.globals["words"] = WORDS
    env.filters["text"] = text_markup
    env.filters["inline"] = inline_markup
    env.filters["md"] = markdown_text
    return env


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates in the user's cache folder; none when it cannot be written."""
    folder = cache_dir() / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    # The file names say which code generator compiled them (not part of Jinja's own key).
    return FileSystemBytecodeCache(str(folder), "%s.print-through-finalize.cache") if os.access(folder, os.W_OK) else None


def _escape(value) -> Markup:
    """Every value a template prints, escaped like the rest of the site: HTML
    entities, and braces encoded so no template delimiter can ever form in a
    page (`Markup` from the sanitiser or `md` passes as it is)."""
    if hasattr(value, "__html__"):
        return value if value.__class__ is Markup else Markup(value.__html__())
    return _escaped(value if isinstance(value, str) else str(value))


@lru_cache(maxsize=16384)
def _escaped(text: str) -> Markup:
    # Titles, names and words repeat on every page: escape each once (a fifth of rendering otherwise).
    return Markup(escape(text))


def markdown_text(value: str) -> Markup:
    """Plain text for a Markdown context (a heading, a link text, a list item).

    `md_escape` already turns `<` into an entity and backslash-escapes what
    Markdown would read as syntax; HTML-escaping it again would show `&lt;`.
    Never use it inside an HTML attribute: there the default escaping applies.
    """
    return Markup(md_escape(value))


def render(template: str, override: str = "", **context) -> str:
    """Render one template with view data."""
    return environment(override).get_template(template).render(**context)
