"""Dates, periods and ids kept whole in table cells (macros/site/whole.py), on small fixtures."""

from macros.site.whole import keep_whole, keep_whole_in_tables

SPAN = '<span class="agenda-whole">{}</span>'


def test_dates_periods_numbers_and_hyphenated_words_are_wrapped():
    html = keep_whole("Besluit 12-06-2023, nr. 2023-572, periode 2024-2027, up-to-date.")
    for token in ("12-06-2023", "2023-572", "2024-2027", "up-to-date"):
        assert SPAN.format(token) in html
    assert html.count("agenda-whole") == 4


def test_tags_attributes_entities_and_loose_hyphens_stay_as_they_are():
    html = '<a href="/actie/a-b/" title="x-y">a &amp; b - c</a> 2024- -2027 --'
    assert keep_whole(html) == html


def test_a_long_compound_may_still_break():
    long = "een-heel-lang-samengesteld-woord-van-veertig-tekens"
    assert "agenda-whole" not in keep_whole(long)


def test_escaped_text_is_wrapped_between_its_entities():
    assert keep_whole("<td>&lt;b&gt;1-2&lt;/b&gt;</td>") == "<td>&lt;b&gt;" + SPAN.format("1-2") + "&lt;/b&gt;</td>"


def test_only_the_tables_of_a_page_are_changed():
    page = "<p>2024-2027</p><table><tr><td>2024-2027</td></tr></table><p>up-to-date</p><TABLE></TABLE>"
    assert keep_whole_in_tables(page) == (
        "<p>2024-2027</p><table><tr><td>" + SPAN.format("2024-2027") + "</td></tr></table><p>up-to-date</p><TABLE></TABLE>")
    assert keep_whole_in_tables("<p>1-2</p>") == "<p>1-2</p>"
