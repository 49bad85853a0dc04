"""Change history from git: item pages, the wijzigingen page, the feed, change notes.

A project copy becomes a git repository with three commits: the first
publication, a reworded goal announced with a change note (major), and a
typo fix marked minor. What residents then see is checked in the built site.
"""

import subprocess
import xml.etree.ElementTree as ET

import pytest
from conftest import ENV, VERSION, agenda, make_project, mkdocs

ATOM = "{http://www.w3.org/2005/Atom}"
FIRST, MAJOR, MINOR = "2026-01-05T10:00:00+00:00", "2026-03-01T10:00:00+00:00", "2026-04-01T10:00:00+00:00"


def git(repo, *args, date=None):
    env = {**ENV, "GIT_AUTHOR_NAME": "Ambtenaar", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "Ambtenaar", "GIT_COMMITTER_EMAIL": "a@example.org"}
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


def replace(repo, name, old, new):
    """Reword a quote, and the source text it quotes with it: as when the council adopts new wording
    (otherwise `agenda validate` rightly refuses a quote the source does not hold)."""
    for path in (repo / "policy" / VERSION / name, repo / "sources" / "deventer" / "sva-2024-2027.txt"):
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def repo(tmp_path_factory):
    repo = make_project(tmp_path_factory.mktemp("history") / "project")
    (repo / ".gitignore").write_text("out/\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Veiligheidsagenda 2024-2027", date=FIRST)
    replace(repo, "fundament.yaml", "Het nastreven van de landelijke doelstellingen voor veilig en gastvrij voetbal.",
            "Het nastreven van de landelijke doelstellingen voor veilig, gastvrij en betaalbaar voetbal.")
    git(repo, "commit", "-qam", "Doel voetbal aangescherpt",
        "-m", "Change-note: Het doel voor voetbal noemt nu ook betaalbaarheid.", date=MAJOR)
    replace(repo, "fundament.yaml", "Er is soms sprake van bewuste voetbalgerelateerde",
            "Er is soms sprake van bewust voetbalgerelateerde")
    git(repo, "commit", "-qam", "Tikfout", "-m", "Change-type: minor", date=MINOR)
    return repo


@pytest.fixture(scope="module")
def built(repo):
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=repo)
    assert result.returncode == 0, result.stderr
    return repo / "out"


def page(site, url):
    return (site / url / "index.html").read_text(encoding="utf-8")


def test_item_page_shows_last_change_and_its_history(built):
    html = page(built, "fundament/voetbal")
    # the typo fix of April is recorded, but the last announced change is March's
    assert 'Laatst inhoudelijk gewijzigd op <time datetime="2026-03-01">1 maart 2026</time>' in html
    assert "doel gewijzigd. Het doel voor voetbal noemt nu ook betaalbaarheid." in html
    assert "1 april 2026</time>: tekst gewijzigd. <span class=\"agenda-minor\">(kleine correctie, niet aangekondigd)" in html
    assert "5 januari 2026</time>: eerste publicatie." in html
    assert 'href="../../wijzigingen/">Alle wijzigingen in deze versie' in html


def test_an_untouched_item_was_last_changed_at_its_publication(built):
    html = page(built, "thema/ondermijning")
    assert 'Laatst inhoudelijk gewijzigd op <time datetime="2026-01-05">5 januari 2026</time>' in html


def test_changes_page_announces_major_changes_only(built):
    html = page(built, "wijzigingen")
    assert "1 maart 2026: Het doel voor voetbal noemt nu ook betaalbaarheid." in html
    assert "Onderwerp van het fundament Voetbal: doel gewijzigd." in html
    assert "1 april 2026" not in html  # the minor change is not announced
    assert "Eerste publicatie van Strategische Veiligheidsagenda Deventer." in html
    assert html.index("1 maart 2026") < html.index("5 januari 2026")  # newest first


def test_atom_feed_lists_the_announced_changes(built):
    feed = ET.parse(built / "wijzigingen.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert titles == ["Het doel voor voetbal noemt nu ook betaalbaarheid.",
                      "Eerste publicatie van Strategische Veiligheidsagenda Deventer."]
    assert feed.findtext(f"{ATOM}updated") == "2026-03-01T10:00:00Z"
    link = feed.find(f"{ATOM}entry/{ATOM}link").get("href")
    assert link.endswith("/wijzigingen/#wijziging-" + git(built.parent, "rev-parse", "HEAD~1").strip()[:12])
    assert '<link rel="alternate" type="application/atom+xml" title="Wijzigingen" href="../../wijzigingen.xml">' \
        in page(built, "fundament/voetbal")


def test_pull_request_summary_says_whether_the_change_is_announced(repo):
    minor = agenda("diff", "--git", "HEAD~1", "HEAD", cwd=repo)
    assert minor.returncode == 1
    assert "Kleine correctie (`Change-type: minor`)" in minor.stdout
    major = agenda("diff", "--git", "HEAD~2", "HEAD~1", cwd=repo)
    assert "Toelichting voor inwoners: *Het doel voor voetbal noemt nu ook betaalbaarheid\\.*" in major.stdout
    # the goal's rewording, in words: what was removed and what was added
    assert ("- **Gewijzigd**: Onderwerp van het fundament *Voetbal* (`voetbal`): gewijzigd: doel\n"
            "  - doel: Het nastreven van de landelijke doelstellingen voor ~~veilig~~ **veilig, gastvrij** en "
            "~~gastvrij~~ **betaalbaar** voetbal\\.") in major.stdout


def test_shallow_clone_says_the_history_is_unavailable(repo, tmp_path):
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(clone)], check=True, env=ENV)
    for name in ("macros", "schema"):  # symlinks to the real code, as in the project copy
        assert (clone / name).exists()
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=clone)
    assert result.returncode == 0, result.stderr
    html = page(clone / "out", "fundament/voetbal")
    assert "De wijzigingsgeschiedenis is niet beschikbaar: deze publicatie is gemaakt uit een onvolledige (ondiepe) git-kopie." in html
    assert "Laatst inhoudelijk gewijzigd" not in html
    feed = ET.parse(clone / "out" / "wijzigingen.xml").getroot()
    assert list(feed.iter(f"{ATOM}entry")) == []


def test_no_git_at_all(project):
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "niet gemaakt uit een git-repository" in page(project / "out", "wijzigingen")

