"""What the editors added, told apart from what the sources say, in the PDFs as on the web pages:
the same marks in the same words, for the same items."""

import io
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from helpers import Marked, Page
from macros.print.document import comparison_html, version_html
from macros.print.pdf import comparison_pdf, version_pdf
from tiny_agenda import (ANSWERED_REASON, CORE_TASK_REASON, STATUS_REASON, TITLE_REASON, TYPE_REASON, edited, older,
                         tiny)

CREATED = "2023-11-14T22:13:20Z"
# Every mark starts with its kind (macros.words.EDITORIAL_KINDS), in the block or the inline form.
KINDS = re.compile(r"(?i)\b(?:koppeling door de redactie|tekst van de redactie|keuze van de redactie|"
                   r"afgeleid door de redactie)\b")


BLOCK = re.compile(r"<(?=/?(?:p|div|td|th|tr|li|dt|dd|br|h[1-6])\b)")


def visible(html: str) -> str:
    """The words of the body as a reader sees them: a block starts after a space."""
    return Page(BLOCK.sub(" <", html.split("<body>", 1)[1])).plain


def pdf_text(data) -> str:
    """The words of every page, white space collapsed (lines wrap where the layout wants)."""
    reader = PdfReader(io.BytesIO(data) if isinstance(data, bytes) else data)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


DERIVED = "Afgeleid door de redactie uit het speerpunt Vroeg erbij (§ 2.1), in de lijst Uitvoeringsagenda 2024."
DERIVED_FROM_SECTION = "Afgeleid door de redactie uit § 2.1, in de lijst Uitvoeringsagenda 2024."


def expect_marks(text: str) -> None:
    assert DERIVED in text and DERIVED_FROM_SECTION in text  # the action with a speerpunt, then the one without
    assert f"Tekst van de redactie (titel): {TITLE_REASON}" in text
    assert f"Regie (koppeling door de redactie: {CORE_TASK_REASON})" in text  # next to the kerntaak it is about
    # the reason said its kind already: said once, as on the web page
    assert "Jeugd (koppeling door de redactie: De regio noemt geen thema's van de agenda.)" in text
    assert ANSWERED_REASON not in text
    assert text.count(f"Keuze van de redactie (soort partner): {TYPE_REASON}") == 1  # three partners, said once
    assert len(KINDS.findall(text)) == 7  # and the status on the cover


def test_the_version_document_marks_a_derived_title_an_editorial_link_and_the_status_choice():
    html = version_html(edited(), CREATED)
    text = visible(html)
    expect_marks(text)
    cover = visible("<body>" + html.split('<section class="cover">', 1)[1].split("</section>", 1)[0])
    assert f"Keuze van de redactie (status): {STATUS_REASON}" in cover
    # laid out like the web's marks: words in the text, in their own muted style
    assert re.search(r'<p class="editorial"><strong>Tekst van de redactie</strong> \(titel\): ', html)
    assert '<span class="editorial">(koppeling door de redactie: ' in html


def test_the_version_pdf_says_the_same_marks_on_paper():
    pages = PdfReader(io.BytesIO(version_pdf(edited()))).pages
    expect_marks(" ".join(" ".join(page.extract_text().split()) for page in pages))
    assert f"Keuze van de redactie (status): {STATUS_REASON}" in " ".join(pages[0].extract_text().split())


def test_without_editorial_data_only_the_actions_say_they_are_derived():
    text = visible(version_html(tiny(), CREATED))
    assert KINDS.findall(text) == ["Afgeleid door de redactie"] * 2


def test_the_comparison_marks_a_lineage_the_editors_read_into_the_sources():
    html = comparison_html(older(), edited(), (older(), edited()), CREATED)
    expected = "vroeger is samengevoegd in Preventie (koppeling door de redactie: De bron zegt niet welk programma opging.): " \
               "Met school."
    assert expected in visible(html)
    assert expected in pdf_text(comparison_pdf(older(), edited(), (older(), edited())))
    assert not KINDS.search(visible(comparison_html(older(), tiny(), (older(), tiny()), CREATED)))


# --- the real data: the PDF of a version against the web pages of that version ------------------------

BANNER = re.compile(r'<p class="agenda-banner">.*?</p>', re.S)
HISTORY = re.compile(r'<ul class="agenda-history">.*?</ul>', re.S)
NOT_PRINTED = ("versies", "voortgang", "vergelijk")
SAID_ON_THEIR_OWN_PAGE = {"indicatoren": re.compile(r"^\w+ \w+ de redactie \((?:indicatoren|koppeling met de agenda)\):"),
                          "regio": re.compile(r"^\w+ \w+ de redactie \(koppeling met de thema's\):")}


def web_marks(root: Path) -> Counter:
    """The marks one version's web pages show for the items its PDF prints, counted where the PDF says them.

    Left out, because the PDF says them once where the web says them more than once or does not print the item:
    - the banner on every page of a version not in force (the PDF's cover says the status once, as the home page does);
    - the pages of all versions, of progress and of comparisons (`versies`, `voortgang`, `vergelijk/`): they repeat
      the marks of other versions or of the uitvoeringsagenda page;
    - on each partner's page the mark next to its kind (the partners page and the PDF's partner list say it once);
    - above the indicators of a theme, pillar or topic, and under the regional themes it answers: repeats of the
      indicators page and the regional document's page, which the PDF prints as parts of their own;
    - a theme's history ("Herkomst": lineage): the version PDF does not print it; the comparison PDF does (tested
      below).
    """
    found: Counter = Counter()
    for path in sorted(root.rglob("index.html")):
        page = path.relative_to(root).parent.as_posix()
        top = page.split("/")[0]
        if top in NOT_PRINTED:
            continue
        html = HISTORY.sub("", BANNER.sub("", path.read_text(encoding="utf-8")))
        for _, _, text, _ in Marked(html).marks:
            text = " ".join(text.split())
            if top == "partner" and text.startswith("(keuze van de redactie: "):
                continue
            if any(rule.match(text) for own, rule in SAID_ON_THEIR_OWN_PAGE.items() if own != top):
                continue
            found[text] += 1
    return found


def version_roots(site: Path) -> list[Path]:
    return [p for p in sorted(site.iterdir()) if p.is_dir() and (p / "downloads" / f"veiligheidsagenda-{p.name}.pdf").is_file()
            and p.name != "actueel"]


@pytest.fixture(scope="module")
def roots(published, published_doetinchem) -> list[Path]:
    return version_roots(published) + version_roots(published_doetinchem)


def test_each_version_pdf_shows_as_many_marks_as_the_web_pages_in_the_same_words(roots):
    assert len(roots) == 4
    total = 0
    for root in roots:
        text = pdf_text(root / "downloads" / f"veiligheidsagenda-{root.name}.pdf")
        web = web_marks(root)
        assert len(KINDS.findall(text)) == sum(web.values()), root.name
        for mark, count in web.items():
            assert text.count(mark) == count, (root.name, mark)
        total += sum(web.values())
    assert total > 180  # the actions alone carry 146 marks (2024-2027, when written)


def test_the_comparison_pdf_marks_the_lineage_the_theme_pages_mark(published):
    marks = Counter()
    for theme in sorted((published / "2024-2027" / "thema").glob("*/index.html")):
        history = HISTORY.findall(theme.read_text(encoding="utf-8"))
        for html in history:
            for item in re.findall(r"<li>(.*?)</li>", html, re.S):
                if "(uit Meerjarenbeleidsplan Veiligheid 2020-2023)" in Page(item).plain:
                    marks.update(" ".join(m[2].split()) for m in Marked(item).marks)
    assert marks  # the two themes that continue themes of 2020-2023 (when written)
    text = pdf_text(published / "2024-2027" / "downloads" / "vergelijking-2020-2023-2024-2027.pdf")
    assert len(KINDS.findall(text)) == sum(marks.values())
    for mark, count in marks.items():
        assert text.count(mark) == count, mark
    # and the web page of the same comparison, in the same words
    web = (published / "2024-2027" / "vergelijk" / "2020-2023" / "index.html").read_text(encoding="utf-8")
    lineage = web[web.index('id="herkomst"'):]
    lineage = lineage[:lineage.index("</ul>")]
    assert Counter(" ".join(m[2].split()) for m in Marked(lineage).marks) == marks
