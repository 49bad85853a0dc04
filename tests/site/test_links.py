"""Relative addresses: Markdown links to .md paths, HTML links to directory URLs."""

from macros.site.links import rel, relative, site_url, url, versions_root


def test_markdown_links_are_relative_to_the_page_folder():
    assert rel("thema/ondermijning.md", "partner/politie.md") == "../partner/politie.md"
    assert rel("index.md", "thema/drugs.md", "pijlers") == "thema/drugs.md#pijlers"
    assert rel("bronnen.md", "bronnen.md") == "#"
    assert rel("bronnen.md", "bronnen.md", "documenten") == "#documenten"


def test_html_links_use_the_directory_urls_of_the_built_site():
    assert url("thema/ondermijning.md", "actie/a1.md") == "../../actie/a1/"
    assert url("index.md", "kerntaken.md", "signaleren") == "kerntaken/#signaleren"
    assert url("uitvoeringsagenda.md", "index.md") == "../"
    assert url("index.md", "index.md") == "./"


def test_links_to_another_version_climb_out_of_this_one():
    assert versions_root("index.md") == "../"
    assert versions_root("thema/drugs.md") == "../../../"
    assert versions_root("thema/index.md") == "../../"  # served as thema/, one level below the version
    assert site_url("thema/index.md", "2024-2027", "thema/") == "../../2024-2027/thema/"
    assert site_url("thema/drugs.md", "2020-2023", "thema/drugs/") == "../../../2020-2023/thema/drugs/"


def test_relative_matches_posixpath_relpath():
    import posixpath
    for target, start in [("a/b/c", "a/d"), ("a", "a/b/c"), ("x/y", ""), ("", "a")]:
        assert relative(target, start) == posixpath.relpath(target or ".", start or ".")
