"""Turn policy text into safe HTML.

Policy text is data. It may use a small Markdown subset (see
policy/README.md); everything it produces passes through an allow-list HTML
sanitiser (nh3, the Python binding of the Rust `ammonia` library) so that no
script, event handler, style or `javascript:`/`data:` link can reach the page.
The result is returned as HTML that never contains Jinja delimiters in a form
that mkdocs-macros would evaluate: it is produced after macro rendering.
"""

from __future__ import annotations

import bisect
import html
import re
from functools import lru_cache

import markdown
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "em", "strong", "ul", "ol", "li", "a", "br", "blockquote", "code", "sup", "sub", "abbr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "ol": {"start"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


TAB_LENGTH = 4  # Python-Markdown's default


@lru_cache(maxsize=1)
def _markdown() -> markdown.Markdown:
    # No extensions that read raw HTML or attributes from the text.
    return markdown.Markdown(extensions=["sane_lists"], output_format="html", tab_length=TAB_LENGTH)


@lru_cache(maxsize=4096)
def render_text(source: str) -> str:
    """Markdown text from YAML -> sanitised HTML (cached: texts repeat across pages)."""
    if not source:
        return ""
    if "\x02" in source or "\x03" in source:  # Markdown drops them before it expands tabs
        return markdown_to_html(source)
    source = _normalised(source)
    if _whole(source):
        return markdown_to_html(source)
    # A plain paragraph (no Markdown, so it neither opens nor continues a list, quote or
    # code block) stands on its own between blank lines: it is wrapped directly, and the
    # blocks between such paragraphs go through Markdown together, each run as one piece.
    # The same HTML as the whole text gives (tests/policy/test_text.py).
    out, run = [], []
    for block, gap in _blocks(source.strip("\n")):
        if plain_paragraphs(block) is None:
            run += [block, gap]
            continue
        if run:
            out.append(markdown_to_html("".join(run)))
            run = []
        out.append(f"<p>{block.replace('&', '&amp;')}</p>")
    if run:
        out.append(markdown_to_html("".join(run)))
    return "\n".join(out)


def _normalised(source: str) -> str:
    """What Python-Markdown's own first step (NormalizeWhitespace) makes of a text without its
    placeholder characters: done here, a tab between the table cells of a source document, or a
    carriage return, no longer sends the whole text through Markdown, which finds nothing left to do."""
    return source.replace("\r\n", "\n").replace("\r", "\n").expandtabs(TAB_LENGTH)


def _blocks(text: str):
    """(block, the blank lines after it) in order."""
    parts = re.split(r"(\n\n+)", text)  # not \n{2,}: this form is scanned eight times faster
    return zip(parts[::2], [*parts[1::2], ""])


def markdown_to_html(source: str) -> str:
    """The full path of `render_text`: Python-Markdown, then the sanitiser."""
    md = _markdown()
    md.reset()
    raw = md.convert(source)
    clean = nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return _neutralise_templates(clean)


# Whitespace other than the space and the newline, as `[^\S \n]` would match it, written out
# (tests/policy/test_text.py compares the two on every character): a regular expression of
# one character class scans a long text four times faster than one of alternatives.
_OTHER_SPACE = "\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# Characters that may start Markdown syntax, an HTML tag, or a template delimiter; control
# characters and whitespace other than the space.
_NOT_PLAIN_CHAR = re.compile(f"[\\\\`*_\\[\\]{{}}<>#=|~^\\x00-\\x09\\x0b-\\x1f\\x7f{_OTHER_SPACE}]")
# An entity (any other '&' is text, which Markdown and the sanitiser write as '&amp;').
_ENTITY = re.compile(r"&(?:#|[A-Za-z0-9]+;)")
# What may open a block (a list, quote, heading or indented code) at the start of a line.
_BLOCK_START = re.compile(r"^(?:[-+ ]|\d+[.)])|\n(?:[-+ ]|\d+[.)])|[ ]\n|[ ]$")
# A text goes through Markdown whole for HTML or a link definition (they reach any block), a
# line of spaces only (Markdown reads it as blank), and whitespace other than spaces and
# newlines and control characters (read as a line break or blank, or dropped).
_WHOLE_CHAR = re.compile(f"[<\\x00-\\x09\\x0b-\\x1f\\x7f{_OTHER_SPACE}]")
_WHOLE_LINE = re.compile(r"^[ ]*\[|^[ ]+$", re.M)


def _whole(text: str) -> bool:
    """Whether `text` must go through Markdown whole (see above)."""
    if _WHOLE_CHAR.search(text):
        return True
    # The line rules only where they can match: a '[', or a space at the end of a line.
    return ("[" in text or " \n" in text or text.endswith(" ")) and _WHOLE_LINE.search(text) is not None


def plain_paragraphs(source: str) -> list[str] | None:
    """The paragraphs of a text that uses no Markdown at all (None otherwise).

    Most policy texts are plain sentences. For those, Python-Markdown and the
    sanitiser only wrap each paragraph in `<p>` and write '&' as '&amp;', so
    `render_text` does that itself (a third of the real policy's text, and of
    rendering it); tests/policy/test_text.py checks the result against the full path.
    """
    text = source.strip("\n")
    if _NOT_PLAIN_CHAR.search(text) or ("&" in text and _ENTITY.search(text)) or _BLOCK_START.search(text):
        return None
    paragraphs = re.split(r"\n\n+", text)
    return paragraphs if all(paragraphs) else None


def render_inline(source: str) -> str:
    """Like render_text, for one line: without the surrounding paragraph."""
    out = render_text(source)
    if out.startswith("<p>") and out.endswith("</p>") and out.count("<p>") == 1:
        return out[3:-4]
    return out


def text_markup(source: str) -> Markup:
    """A policy text field as sanitised HTML that a template may insert as it is.

    The only way policy Markdown enters a template: templates autoescape
    everything else.
    """
    return Markup(render_text(source))


def inline_markup(source: str) -> Markup:
    """Like text_markup, for one line: without the surrounding paragraph."""
    return Markup(render_inline(source))


def escape(text: str) -> str:
    """Plain text (titles, names) for use inside HTML."""
    return _neutralise_templates(html.escape(text or "", quote=True))


def _neutralise_templates(text: str) -> str:
    # The macro output is not evaluated again by mkdocs-macros, but a theme
    # or a later plugin might be: encode the brace so '{{' can never be a
    # Jinja delimiter, while the reader still sees '{{'.
    return text.replace("{", "&#123;").replace("}", "&#125;")


_SKIP_INSIDE = ("a", "abbr", "code", "pre", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6",
                "title", "option", "select", "button", "label", "textarea", "svg")
# The names of _SKIP_INSIDE grouped by their first letters: the expression then tries one
# branch, not nineteen, at each of a page's tags (a third faster).
_SKIP_TAG = re.compile(r"<(/?)\s*(?:a(?:bbr)?|code|pre|s(?:cript|tyle|elect|vg)|h[1-6]|t(?:itle|extarea)|option|button|label)"
                       r"(?=[\s>/])[^>]*>", re.IGNORECASE)


@lru_cache(maxsize=8)
def _term_pattern(terms: tuple[str, ...]) -> re.Pattern:
    # No lookbehind in front: a pattern that starts with the terms lets the regular
    # expression engine skip ahead to their first letters (five times faster on a
    # page); `_term_hits` checks the character before each hit instead.
    longest_first = sorted(terms, key=len, reverse=True)
    return re.compile(r"(" + "|".join(re.escape(t) for t in longest_first) + r")(?![\w-])")


_WORDISH = re.compile(r"[\w-]")


def _term_hits(pattern: re.Pattern, page_html: str) -> list[re.Match]:
    """The hits of `(?<![\\w-])` + pattern, found as that regular expression would."""
    hits, at = [], 0
    while (hit := pattern.search(page_html, at)) is not None:
        start = hit.start()
        if start and _WORDISH.match(page_html, start - 1):
            at = start + 1  # inside a word: look again from the next character
            continue
        hits.append(hit)
        at = hit.end()
    return hits


def abbreviate(page_html: str, terms: dict[str, str]) -> str:
    """Wrap each glossary term in running text in <abbr title="meaning">.

    Works on the page HTML that mkdocs produced (well-formed), touching only
    text between tags, never inside links, headings, code or form controls.
    Terms are found first and only their surroundings are examined, so a
    page costs little more than one regular-expression search.
    """
    if not terms:
        return page_html
    hits = _term_hits(_term_pattern(tuple(sorted(terms))), page_html)
    if not hits:
        return page_html
    starts, depths, depth = [], [], 0  # depth of skipped elements after each of their tags
    for tag in _SKIP_TAG.finditer(page_html, 0, hits[-1].start()):  # tags after the last hit do not matter
        if tag.group(0).endswith("/>"):
            continue
        depth = max(0, depth + (-1 if tag.group(1) else 1))
        starts.append(tag.start())
        depths.append(depth)
    out, done = [], 0
    for hit in hits:
        at = hit.start()
        if page_html.rfind("<", 0, at) > page_html.rfind(">", 0, at):
            continue  # inside a tag: an attribute value
        before = bisect.bisect_right(starts, at)
        if before and depths[before - 1] > 0:
            continue  # inside a link, heading, code, ...
        term = hit.group(1)
        out += [page_html[done:at], f'<abbr title="{html.escape(terms[term])}">{term}</abbr>']
        done = hit.end()
    out.append(page_html[done:])
    return "".join(out)


# Python-Markdown's own escapable characters; escaping others would show the backslash.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]()#+\-.!>])")


def md_escape(text: str) -> str:
    """Plain text safe inside Markdown (headings, link text).

    Markdown escapes '&' itself; '<' and '>' become entities so no tag can
    start, and braces are encoded so no template delimiter can form.
    """
    text = _MD_SPECIAL.sub(r"\\\1", text or "")
    return text.replace("<", "&lt;").replace("{", "&#123;").replace("}", "&#125;")
