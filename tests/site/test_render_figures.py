"""Key figures, indicators and charts on the built site."""

import re

from conftest import read
from helpers import DATA, Page

FIGURES = DATA["kerncijfers.yaml"]
INDICATORS = DATA["indicatoren.yaml"]["indicators"]


def test_every_figure_appears_with_its_source(site):
    page = Page(read(site, "kerncijfers/"))
    for figure in FIGURES["figures"]:
        assert figure["id"] in page.ids
        assert figure["value"] in page.plain and figure["label"] in page.plain
        section = figure["source"]["section"]
        assert f"{figure['value']}: {figure['label']}" in page.plain
        assert (f"§ {section}" if section[0].isdigit() else section) in page.plain


def test_every_chart_has_a_name_and_a_table_with_the_same_numbers(site):
    html = read(site, "kerncijfers/")
    charts = re.findall(r'<svg class="agenda-chart-panel"[^>]*aria-labelledby="([^" ]+) ([^"]+)"', html)
    series = FIGURES["series"][0]
    assert len(charts) == len(series["rows"])
    table = html.split(f'<table id="{series["id"]}">', 1)[1].split("</table>", 1)[0]
    for row in series["rows"]:
        svg = html.split(f"<title id=\"grafiek-{series['id']}-{series['rows'].index(row)}-t\">{row['label']}</title>", 1)[1]
        svg = svg.split("</svg>", 1)[0]
        for value in row["values"]:
            dutch = f"{value:,}".replace(",", ".")
            assert f">{dutch}</text>" in svg  # the number is readable on the chart
            assert f"<td>{dutch}</td>" in table  # and in the table
    # each panel has its own scale: Deventer's tallest bar is as tall as the national one
    heights = [max(float(h) for h in re.findall(r'<rect class="agenda-chart-bar"[^>]*height="([0-9.]+)"', panel))
               for panel in html.split('<svg class="agenda-chart-panel"')[1:3]]
    assert heights[0] == heights[1]


def test_indicators_without_values_say_so_and_inform_their_themes(site):
    page = Page(read(site, "indicatoren/")).plain
    for indicator in INDICATORS:
        assert indicator["title"] in page
    assert page.count("Waarde: nog geen waarde") == len(INDICATORS)
    theme = Page(read(site, "thema/ondermijning/"))
    assert "../../indicatoren/#indicator-ondermijnende-criminaliteit" in theme.links


def test_progress_page_summarises_the_uitvoeringsagenda(site):
    actions = DATA["uitvoeringsagenda-2024.yaml"]["actions"]
    page = Page(read(site, "voortgang/2024/"))
    assert page.h1 == ["Voortgang 2024"]
    assert f"{len(actions)} acties" in page.plain
    html = read(site, "voortgang/2024/")
    totals = [int(n) for n in re.findall(r"<td>(\d+)</td></tr>", html)]
    assert sum(totals) == len(actions)  # every action counted once, per theme
    assert 'role="img" aria-labelledby="voortgang-2024-t voortgang-2024-d"' in html
    assert "Er is geen uitvoeringsagenda van 2023 om mee te vergelijken." in page.plain
