"""A second municipality from the same code: Doetinchem's kadernota, its own site."""

import pytest
import yaml

from conftest import POLICY, ROOT, agenda, read
from helpers import Page

DOETINCHEM = POLICY / "doetinchem" / "2020-2023"


@pytest.fixture(scope="module")
def doetinchem(published_doetinchem):
    return published_doetinchem / "actueel"


def test_site_has_its_own_name_and_words(doetinchem):
    home = read(doetinchem, "/")
    page = Page(home)
    assert "Veiligheidsagenda Doetinchem" in page.plain
    assert "Deventer" not in page.plain
    assert "Prioriteiten" in page.plain  # the municipality's own word for its themes


def test_priorities_keep_their_own_chapter_structure(doetinchem):
    theme = yaml.safe_load((DOETINCHEM / "thema-ondermijnende-criminaliteit.yaml").read_text(encoding="utf-8"))
    page = Page(read(doetinchem, f"thema/{theme['id']}/"))
    headings = [f"{s['number']} {s['title']}" for s in theme["sections"]]
    assert len(headings) == 6 and headings[0].startswith("7.1")
    for heading in headings:
        assert heading in page.plain



@pytest.mark.parametrize("name", ["thema-ondermijnende-criminaliteit.yaml", "thema-zorg-en-veiligheid.yaml"])
def test_a_priority_opens_with_its_introduction_in_plain_text(doetinchem, name):
    """The paragraphs before § 7.1 / § 8.1 are ordinary text in the kadernota: no wall of bold."""
    theme = yaml.safe_load((DOETINCHEM / name).read_text(encoding="utf-8"))
    html = read(doetinchem, f"thema/{theme['id']}/")
    first = theme["intro"].split("\n\n")[0].strip()[:60]
    assert 'class="agenda-lead"' not in html
    block = html.split(first, 1)[0].rsplit("<div ", 1)[1]
    assert block.startswith('class="agenda-text"'), block[:80]
    assert "lead" not in theme  # nothing of it is emphasised in the source

def test_partners_with_the_descriptions_the_text_gives(doetinchem):
    partners = yaml.safe_load((DOETINCHEM / "partners.yaml").read_text(encoding="utf-8"))["partners"]
    described = [p for p in partners if p.get("description")]
    assert {"politie", "openbaar-ministerie"} <= {p["id"] for p in described}
    for partner in described:
        page = Page(read(doetinchem, f"partner/{partner['id']}/")).plain
        assert partner["description"].split("\n")[0][:60] in page


def test_no_municipality_is_named_in_the_code():
    for path in (ROOT / "macros").glob("*.py"):
        text = path.read_text(encoding="utf-8").lower()
        assert "deventer" not in text and "doetinchem" not in text, path


def test_scaffold_validates_and_builds_at_once(project):
    created = agenda("new", "zutphen", "--name", "Zutphen", "--start", "2026", cwd=project)
    assert created.returncode == 0, created.stderr
    assert "created policy/zutphen/2026-2029/version.yaml" in created.stdout
    assert agenda("validate", "policy/zutphen", cwd=project).returncode == 0
    built = agenda("build", "--preview", "-f", "sites/zutphen/mkdocs.yml", "-d", "site-zutphen", cwd=project)
    assert built.returncode == 0, built.stderr
    home = Page(read(project / "site-zutphen" / "actueel", "/"))
    assert "Veiligheidsagenda Zutphen" in home.plain
    again = agenda("new", "zutphen", cwd=project)
    assert again.returncode == 2 and "already exists" in again.stderr
    bad = agenda("new", "Zut Phen", cwd=project)
    assert bad.returncode == 2 and "is not a valid id" in bad.stderr
