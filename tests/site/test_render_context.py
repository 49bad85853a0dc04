"""The regional layer and the history of a theme, linked both ways."""

import yaml

from conftest import POLICY, VERSION, read
from helpers import Page

FOLDER = POLICY / VERSION


def load(name):
    return yaml.safe_load((FOLDER / name).read_text(encoding="utf-8"))


def test_regional_themes_link_to_the_themes_that_answer_them_and_back(site):
    regional = load("regio-ijsselland.yaml")
    page = Page(read(site, f"regio/{regional['id']}/"))
    assert page.h1 == [regional["title"]]
    linked = 0
    for theme in regional["themes"]:
        assert theme["id"] in page.ids
        for target in theme.get("answered_by", []):
            linked += 1
            assert f"../../thema/{target}/" in page.links
            back = Page(read(site, f"thema/{target}/"))
            assert f"../../regio/{regional['id']}/#{theme['id']}" in back.links
    assert linked


def test_the_2018_programme_is_history_of_ondermijning(site):
    programme = load("ondermijning-2018.yaml")
    page = Page(read(site, f"programma/{programme['id']}/"))
    assert page.h1 == [programme["title"]]
    assert len(programme["sporen"]) == 6
    for spoor in programme["sporen"]:
        assert spoor["title"] in page.plain
    theme = Page(read(site, "thema/ondermijning/"))
    assert f"../../programma/{programme['id']}/" in theme.links
    assert "Herkomst" in theme.plain  # the lineage, apart from the change history at the end


def test_theme_history_names_the_earlier_themes(published):
    page = Page(read(published, "actueel/thema/ondermijning/"))
    assert "Drugs (uit Meerjarenbeleidsplan Veiligheid 2020-2023) is opgegaan in dit thema" in page.plain
    assert "../../../2020-2023/thema/drugs/" in page.links
