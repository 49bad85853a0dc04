"""The MkDocs/ProperDocs comparison: its logic on small fake sites. The real check (every site built
by both) is a CI job of its own, `properdocs` (scripts/properdocs-check.sh), not part of this suite."""

import gzip
import sys
import textwrap

from tools.compare_builds import BUILD_FAILED, DIFFERENT, SAME, check, compare_sites, render_report

# Stands in for `mkdocs`/`properdocs`: `fake.py VARIANT build --strict --config-file C --site-dir D`.
FAKE_TOOL = textwrap.dedent('''
    import gzip, sys
    from pathlib import Path
    variant, site = sys.argv[1], Path(sys.argv[sys.argv.index("--site-dir") + 1])
    if variant == "broken":
        sys.exit("ERROR   -  Config value 'plugins': The \\"macros\\" plugin is not installed")
    pages = {"index.html", "thema/ondermijning/index.html", "partner/politie/index.html"}
    if variant == "no-partner":
        pages.discard("partner/politie/index.html")
    for page in pages:
        (site / page).parent.mkdir(parents=True, exist_ok=True)
        (site / page).write_text(f'<meta name="generator" content="{variant}"><p>{page}</p>')
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(b"<urlset/>", mtime=len(variant)))
''')


def write(root, files):
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return root


def tools(tmp_path, left="mkdocs", right="properdocs"):
    fake = tmp_path / "fake.py"
    fake.write_text(FAKE_TOOL, encoding="utf-8")
    return {"mkdocs": [sys.executable, str(fake), left], "properdocs": [sys.executable, str(fake), right]}


def test_generator_tag_and_sitemap_timestamp_are_known_differences(tmp_path):
    left = write(tmp_path / "a", {"index.html": b'<meta name="generator" content="mkdocs-1.6.1"><p>x</p>',
                                  "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=1)})
    right = write(tmp_path / "b", {"index.html": b'<meta name="generator" content="mkdocs-ProperDocs 1.6.7"><p>x</p>',
                                   "sitemap.xml.gz": gzip.compress(b"<urlset/>", mtime=2)})
    comparison = compare_sites(left, right)
    assert comparison.exit_code == SAME and comparison.changed == ()
    assert render_report("mkdocs.yml", comparison) == (
        "mkdocs.yml: mkdocs and properdocs built the same 1 pages and 2 files, with the same content (the generator tag aside).")


def test_a_content_difference_is_reported_but_not_an_error(tmp_path):
    left = write(tmp_path / "a", {"index.html": b"<p>Veiligheid</p>", "assets/agenda.css": b"a{}"})
    right = write(tmp_path / "b", {"index.html": b"<p>Veiligheid!</p>", "assets/agenda.css": b"a{}"})
    comparison = compare_sites(left, right)
    assert comparison.exit_code == SAME and comparison.changed == ("index.html",)
    assert render_report("mkdocs.yml", comparison).splitlines() == [
        "mkdocs.yml: mkdocs and properdocs built the same 1 pages and 2 files.",
        "  files with different content (reported, not an error) (1):",
        "    index.html",
    ]


def test_a_missing_page_fails_and_is_named(tmp_path, capsys):
    assert check(["mkdocs.yml"], tools(tmp_path, "mkdocs", "no-partner"), tmp_path) == DIFFERENT
    out = capsys.readouterr().out
    assert out.splitlines()[:3] == [
        "mkdocs.yml: mkdocs and properdocs built different sets of files.",
        "  pages only built by mkdocs (1):",
        "    partner/politie/index.html",
    ]


def test_a_missing_asset_fails_too(tmp_path):
    left = write(tmp_path / "a", {"index.html": b"", "assets/filter.js": b""})
    right = write(tmp_path / "b", {"index.html": b""})
    comparison = compare_sites(left, right)
    assert comparison.exit_code == DIFFERENT
    assert "  other files only built by mkdocs (1):\n    assets/filter.js" in render_report("mkdocs.yml", comparison)


def test_long_lists_are_cut_short(tmp_path):
    left = write(tmp_path / "a", {f"actie/{i:02}/index.html": b"" for i in range(25)})
    right = write(tmp_path / "b", {})
    report = render_report("mkdocs.yml", compare_sites(left, right))
    assert "  pages only built by mkdocs (25):" in report and report.endswith("    ... and 15 more")


def test_a_failed_build_is_exit_2_with_its_error(tmp_path, capsys):
    assert check(["mkdocs.yml"], tools(tmp_path, "mkdocs", "broken"), tmp_path) == BUILD_FAILED
    err = capsys.readouterr().err
    assert "mkdocs.yml: `" in err and "build --strict` failed (exit 1):" in err
    assert 'The "macros" plugin is not installed' in err
