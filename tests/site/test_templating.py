"""The one Jinja environment: escaping per context, and a site's own templates first."""

import pytest
from jinja2 import UndefinedError
from markupsafe import Markup

from macros.site import templating


def render_string(source: str, override: str = "", **context) -> str:
    return templating.environment(override).from_string(source).render(**context)


def test_md_filter_escapes_markdown_once():
    # md_escape makes '<' an entity; autoescape must not escape that entity again
    out = render_string("# {{ title|md }}", title="Wonen <18 & [zorg] {{ x }}")
    assert out == "# Wonen &lt;18 & \\[zorg\\] &#123;&#123; x &#125;&#125;"
    assert isinstance(templating.markdown_text("a"), Markup)


def test_plain_values_are_html_escaped_with_braces_encoded():
    out = render_string('<a title="{{ t }}">{{ t }}</a>', t='"><script>{{ 6*7 }}')
    assert out == ('<a title="&quot;&gt;&lt;script&gt;&#123;&#123; 6*7 &#125;&#125;">'
                   '&quot;&gt;&lt;script&gt;&#123;&#123; 6*7 &#125;&#125;</a>')


def test_policy_text_enters_only_through_the_sanitiser():
    out = render_string("{{ t|text }}", t="**vet** <script>alert(1)</script> [x](javascript:alert(2))")
    assert "<strong>vet</strong>" in out
    assert "<script" not in out and "javascript:" not in out


def test_an_undefined_name_fails_instead_of_printing_nothing():
    with pytest.raises(UndefinedError):
        render_string("{{ v.missing }}", v={})


def test_a_site_template_replaces_the_shared_one_of_the_same_name(tmp_path):
    (tmp_path / "partials").mkdir()
    (tmp_path / "partials" / "banner.html").write_text("<p>eigen banner: {{ v.kind }}</p>", encoding="utf-8")
    ours = templating.render("partials/banner.html", str(tmp_path), v={"kind": "<b>"})
    assert ours == "<p>eigen banner: &lt;b&gt;</p>"
    shared = templating.render("partials/banner.html", "", v={"kind": "een concept", "this": "A", "current": "B",
                                                                 "href": "../x/", "same_page": True, "editorial": ()})
    assert "eigen banner" not in shared and "U bekijkt een concept: A." in shared
    # templates the site does not replace still come from the shared folder
    assert templating.environment(str(tmp_path)).get_template("pages/home.md").filename.startswith(str(templating.TEMPLATES))


def test_each_environment_is_made_once():
    assert templating.environment("") is templating.environment("")


def test_a_municipality_overrides_one_page_kind_for_its_own_site_only(project):
    """Doetinchem's site names its own template folder with its own partner page;
    Deventer's site, built from the same code, keeps the shared one."""
    import shutil

    from conftest import mkdocs, read

    config = project / "sites" / "doetinchem" / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "    municipality: doetinchem\n", "    municipality: doetinchem\n    templates: templates\n"), encoding="utf-8")
    shared = (templating.TEMPLATES / "pages" / "partner.md").read_text(encoding="utf-8")
    own = project / "sites" / "doetinchem" / "templates" / "pages" / "partner.md"
    own.parent.mkdir(parents=True)
    marker = '<p class="doetinchem-contact">Sjabloon van Doetinchem voor {{ v.partner.name }}</p>'
    own.write_text(shared.replace("{{ b.source(v.source) }}", marker + "\n\n{{ b.source(v.source) }}"), encoding="utf-8")

    for args, out in ((["-f", "sites/doetinchem/mkdocs.yml"], "site-doetinchem"), ([], "site-deventer")):
        result = mkdocs("build", "--strict", *args, "--site-dir", str(project / out), cwd=project)
        assert result.returncode == 0, result.stderr

    doetinchem = read(project / "site-doetinchem", "partner/politie/")
    assert '<p class="doetinchem-contact">Sjabloon van Doetinchem voor Politie</p>' in doetinchem
    assert "Genoemd bij" in doetinchem  # the rest of the page is still there
    assert 'class="agenda-source"' in read(project / "site-doetinchem", "partner/openbaar-ministerie/")
    deventer = read(project / "site-deventer", "partner/politie/")
    assert "doetinchem-contact" not in deventer and "Genoemd bij" in deventer
    # other page kinds of Doetinchem still use the shared templates
    assert "doetinchem-contact" not in read(project / "site-doetinchem", "partners/")
