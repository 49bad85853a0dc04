"""Dates, periods and ids kept whole in table cells (macros/site/whole.py), on small fixtures."""

from macros.site.templating import environment
from macros.site.whole import keep_whole

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


def test_the_filter_works_on_escaped_template_output():
    out = environment().from_string("{% filter whole %}<td>{{ x }}</td>{% endfilter %}").render(x="<b>1-2</b>")
    assert out == "<td>&lt;b&gt;" + SPAN.format("1-2") + "&lt;/b&gt;</td>"
