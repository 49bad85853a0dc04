"""Chart geometry: each row on its own scale; a missing value has no bar."""

from tiny import data

from macros.site.charts import small_multiples, stacked_bars


def test_each_row_of_a_series_is_scaled_to_its_own_peak():
    chart = small_multiples(data().agenda.series[0], "grafiek-m")
    town, country = chart.panels
    assert town.bars[0].height == country.bars[0].height == "95.2"  # 85% of the plot height, both peaks
    assert town.bars[1].value == "" and town.bars[1].height == ""  # no value: no bar, "geen waarde"
    assert town.description == "2021: 67, 2022: geen waarde"
    assert country.bars[0].value == "13.466"


def test_stacked_bars_label_only_segments_wide_enough_and_shorten_long_names():
    chart = stacked_bars([("Een heel lang thema met een naam van meer dan veertig tekens", [("a", 1), ("b", 0), ("c", 30)])],
                         "Acties", "voortgang-2024")
    (row,) = chart.rows
    assert row.label.endswith("…") and len(row.label) == 40
    assert [(s.shade, s.count, s.labelled) for s in row.segments] == [(0, 1, False), (2, 30, True)]
    assert chart.description.startswith("Een heel lang thema") and chart.description.endswith("1 a, 30 c")


def test_on_a_phone_the_labels_stand_above_bars_as_wide_as_the_chart():
    rows = [("Ondermijning", [("a", 2), ("b", 3)]), ("Jeugd, zorg en veiligheid", [("a", 5), ("b", 0)])]
    wide, narrow = stacked_bars(rows, "Acties", "v"), stacked_bars(rows, "Acties", "v-smal", narrow=True)
    assert (wide.layout, narrow.layout) == ("wide", "narrow") and narrow.width < wide.width
    for w, n in zip(wide.rows, narrow.rows):
        assert w.label_y > w.bar_y  # beside the bar
        assert n.label_y < n.bar_y and n.label_y + 6 <= n.bar_y  # above it, clear of it
        assert float(w.segments[0].x) == 300 and float(n.segments[0].x) == 0
    widest = max(sum(float(s.width) for s in r.segments) for r in narrow.rows)
    assert widest > 0.9 * narrow.width
