"""Headings of a print document: anchors in order, contents of levels 1 and 2."""

from macros.print.headings import Heading, Headings


def test_anchors_count_up_and_the_contents_hold_levels_one_and_two():
    h = Headings()
    first = h.add(1, "Jeugd", "4")
    second = h.add(2, "Speerpunten")
    hidden = h.add(2, "Casus", toc=False)
    deep = h.add(3, "Vroeg erbij")
    assert [first, second, hidden, deep] == [Heading(1, "k1", "4 Jeugd"), Heading(2, "k2", "Speerpunten"),
                                           Heading(2, "k3", "Casus"), Heading(3, "k4", "Vroeg erbij")]
    assert h.contents == [first, second]


def test_each_document_numbers_its_own_headings():
    Headings().add(1, "Een")
    assert Headings().add(1, "Twee").anchor == "k1"
