"""Text from YAML is data: templates are not evaluated, HTML does not run."""

from conftest import VERSION, mkdocs, read
from helpers import HOSTILE, edit



def test_hostile_text_renders_inert(project):
    # marked as the editors' text, so that the quote check lets it through to the renderer
    edit(project, "voorwoord.yaml", "text: |\n", "editorial:\n  text: Tekst van de test.\ntext: |\n" + "".join(
        "  " + line + "\n" if line else "\n" for line in HOSTILE.splitlines()))
    result = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    html = read(project / "site", "voorwoord/")
    body = html.split('<article', 1)[1].split("</article>", 1)[0]
    assert "{{ 6*7 }}" not in body and "42" not in body  # not evaluated ...
    assert "Som: &#123;&#123; 6*7 &#125;&#125; en &#123;% if true %&#125;ja&#123;% endif %&#125;" in body  # ... but shown
    assert "<script" not in body
    assert "onerror" not in body and "onclick" not in body
    assert "javascript:" not in body and "data:text" not in body
    assert "style=" not in body
    assert '<a href="https://www.deventer.nl/" rel="noopener noreferrer">goed</a>' in body


def test_markup_in_a_title_is_refused_with_file_and_line(project):
    path = edit(project, "thema-ondermijning.yaml", "title: Bewustwording en weerbaarheid",
                "title: Bewustwording {{ 6*7 }}")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "{{ 6*7 }}" in text)
    result = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode != 0
    assert (f"policy/{VERSION}/thema-ondermijning.yaml:{line}:12: 'Bewustwording {{{{ 6*7 }}}}' contains a character "
            "that is not allowed in a title (pillar 'bewustwording-weerbaarheid')") in result.stdout + result.stderr
    assert not (project / "site" / "index.html").exists()


def test_hostile_source_text_renders_inert(project):
    """The text of a source document is shown on its page through the same sanitiser."""
    path = project / "sources" / "deventer" / "sva-2024-2027.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("[[§ Voorwoord]]\n", "[[§ Voorwoord]]\n\n" + HOSTILE + "\n", 1), encoding="utf-8")
    result = mkdocs("build", "--strict", "--site-dir", str(project / "site"), cwd=project)
    assert result.returncode == 0, result.stderr
    body = read(project / "site", "bron/sva-2024-2027/").split('<article', 1)[1].split("</article>", 1)[0]
    assert "{{ 6*7 }}" not in body and "Som: &#123;&#123; 6*7 &#125;&#125;" in body
    assert "<script" not in body and "onerror" not in body and "onclick" not in body
    assert "javascript:" not in body and "data:text" not in body and "style=" not in body
