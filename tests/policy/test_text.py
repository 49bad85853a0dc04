"""The sanitiser's shortcuts for plain text (macros/policy/text.py).

Texts without any Markdown, and plain paragraphs of texts whose blocks cannot
reach into each other, skip Python-Markdown and the sanitiser; these tests
prove that this gives exactly the HTML of the full path, for every text of the
real policy and source documents and for generated texts full of the
characters and blocks that would make it wrong.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
import yaml

from macros.policy.text import (_NOT_PLAIN_CHAR, _WHOLE_CHAR, _term_hits, _term_pattern, abbreviate, markdown_to_html,
                                plain_paragraphs, render_text)

from conftest import POLICY, SOURCES


def real_texts() -> list[str]:
    texts = []
    for path in sorted(POLICY.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))

        def strings(node):
            if isinstance(node, str):
                yield node
            elif isinstance(node, dict):
                for value in node.values():
                    yield from strings(value)
            elif isinstance(node, list):
                for value in node:
                    yield from strings(value)

        texts += [s for s in strings(data) if s.strip()]
    for path in sorted(SOURCES.rglob("*.txt")):
        texts += [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return texts


def test_plain_texts_of_the_real_policy_render_as_the_full_path_does():
    texts = real_texts()
    plain = [t for t in texts if plain_paragraphs(t) is not None]
    assert len(plain) > 200, "the shortcut should cover the many plain sentences of the real policy"
    assert len(plain) < len(texts), "and leave texts with Markdown to the full path"
    for text in texts:  # plain ones, and the others block by block where they can be
        assert render_text(text) == markdown_to_html(text), text


def test_texts_with_markdown_are_not_taken_for_plain():
    for text in ["Een **vet** woord.", "- een\n- lijst", "1. eerst", "> citaat", "Regel  \nafgebroken",
                 "Tekst\n    ingesprongen", "Kop\n===", "Kop\n---", "<b>html</b>", "a &amp; b", "{{ x }}",
                 "[link](https://example.org)", "Niet\u00a0breekbaar", "Tab\tteken", "Tekst\r\nregel", "# Kop",
                 "&#123;", "&#x7b;", "&eacute;", "B&W&amp;"]:
        assert plain_paragraphs(text) is None, text


def test_the_written_out_character_classes_match_what_their_short_forms_would():
    # The sanitiser spells out "whitespace other than the space and the newline" (`[^\S \n]`)
    # to scan faster; on every character the written-out classes agree with the short forms.
    not_plain = re.compile(r"[\\`*_\[\]{}<>#=|~^\x00-\x09\x0b-\x1f\x7f]|[^\S \n]")
    whole = re.compile(r"<|[^\S \n]|[\x00-\x08\x0e-\x1f\x7f]")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        assert (not_plain.match(char) is None) == (_NOT_PLAIN_CHAR.match(char) is None), hex(code)
        assert (whole.match(char) is None) == (_WHOLE_CHAR.match(char) is None), hex(code)


# Mostly what the shortcut takes, and some of every character around the edges of its rules.
PLAIN = list("aZé€19 .,;:!?'\"()/%-+&\n")
EDGES = list("*_[]{}<>&#=|~^`\\\t\r\u00a0\u2028\u200b\x00\x02")
BLOCK = st.one_of(st.text(st.sampled_from(PLAIN), max_size=40),
                  st.text(st.sampled_from(PLAIN * 3 + EDGES), max_size=40),
                  st.sampled_from(["- item", "* item", "1. item", "  ingesprongen", "> citaat", "# Kop", "***", "---",
                                   "**vet** en *schuin*", "[link](https://example.org)", "[a]: https://example.org",
                                   "<!-- x", "-->", "Regel\n===", "`code`", "a  \nb", "\r", "\x02", "\t",
                                   "- a\n- b", "    vervolg", "2023. Een jaar", "-", "1.", "> citaat\nlui", "* * *",
                                   "- - -", "alinea\n- punt", "  1. ingesprongen", "-\nregel", "+ plus", " ", "   ",
                                   "B&W", "&amp;", "&#123;", "&#x7B;", "&copy", "&nbsp;x", "& ;", "a\tb", "a\t\tb\tc",
                                   "\tingesprongen", "a\t\nb", "ab\t", "\t- punt", "1.\tpunt"]))
# Whole texts: one block, or several separated by blank lines (as YAML block text has them).
TEXTS = st.one_of(BLOCK, st.lists(BLOCK, min_size=2, max_size=5).map("\n\n".join),
                  st.lists(BLOCK, min_size=2, max_size=4).map("\n\n\n".join))
@settings(max_examples=800, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
def test_the_shortcut_agrees_with_the_full_path(text):
    assert render_text(text) == markdown_to_html(text)



# --- glossary terms in page HTML (abbreviate) --------------------------------------------

TERMS = {"OM": "Openbaar Ministerie", "RIEC": "Regionaal Informatie- en Expertisecentrum", "Zorg en Veiligheid": "x",
         "Veiligheid": "y", "A-B": "z"}


def reference_hits(page_html: str, terms) -> list[tuple[int, str]]:
    """What the one regular expression with a lookbehind finds (the shortcut's specification)."""
    longest_first = sorted(terms, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(t) for t in longest_first) + r")(?![\w-])")
    return [(m.start(), m.group(1)) for m in pattern.finditer(page_html)]


@settings(max_examples=500, derandomize=True)
@given(st.lists(st.sampled_from(["OM", "RIEC", "Zorg en Veiligheid", "Veiligheid", "A-B", "x", "-", " ", "é", "<a>",
                                 "</a>", "<p>", "Zorg", " en ", "XOM", "OMX"]), max_size=30).map("".join))
def test_term_hits_are_those_of_the_lookbehind_expression(page_html):
    hits = _term_hits(_term_pattern(tuple(sorted(TERMS))), page_html)
    assert [(m.start(), m.group(1)) for m in hits] == reference_hits(page_html, TERMS)


def test_the_skipped_elements_are_exactly_those_named():
    from macros.policy.text import _SKIP_INSIDE, _SKIP_TAG
    for name in _SKIP_INSIDE:
        for tag in (f"<{name}>", f"</{name}>", f"<{name.upper()} class='x'>", f"<{name}/>"):
            assert _SKIP_TAG.fullmatch(tag), tag
    for name in ("b", "p", "abb", "abbrx", "header", "strong", "span", "h7", "table", "s", "c", "t"):
        assert not _SKIP_TAG.match(f"<{name}>"), name


def test_terms_are_marked_in_running_text_only():
    html = abbreviate('<p>Het OM en XOM, <a href="#">OM</a> en Zorg en Veiligheid.</p>', TERMS)
    assert html == ('<p>Het <abbr title="Openbaar Ministerie">OM</abbr> en XOM, <a href="#">OM</a> en '
                    '<abbr title="x">Zorg en Veiligheid</abbr>.</p>')
