"""Atomic, reproducible builds, and a preview server that survives broken YAML."""

import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from conftest import ENV, VERSION, agenda
from helpers import edit


def test_two_builds_are_byte_identical(project, tmp_path):
    for name in ("one", "two"):
        result = agenda("build", "--preview", "--site-dir", str(tmp_path / name), cwd=project)
        assert result.returncode == 0, result.stderr
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys() and len(one) > 100
    assert [k for k in one if one[k] != two[k]] == []


def test_a_failed_build_leaves_the_previous_site_untouched(project, tmp_path):
    site = tmp_path / "site"
    assert agenda("build", "--preview", "--site-dir", str(site), cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(project, "fundament.yaml", "title: Voetbal", "titel: Voetbal")
    result = agenda("build", "--preview", "--site-dir", str(site), cwd=project)
    assert result.returncode == 1
    assert f"policy/{VERSION}/fundament.yaml:" in result.stderr and "unknown key 'titel'" in result.stderr
    assert "The site was not changed." in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []  # no leftovers


def test_links_and_special_files_in_the_site_folders_stop_the_build(project, tmp_path):
    """mkdocs follows links in docs/ (it would publish the target) and the theme
    reads templates from overrides/: both are refused by name, nothing is built."""
    import os
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET_TOKEN=do-not-publish\n", encoding="utf-8")
    (project / "docs" / "geheim.md").symlink_to(secret)
    (project / "overrides" / "partials").mkdir()
    (project / "overrides" / "partials" / "footer.html").symlink_to(secret)
    os.mkfifo(project / "docs" / "pijp.md")
    site = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], cwd=project, env=ENV,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1
    assert [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")] == [
        "docs/geheim.md: is a symbolic link (a shortcut to another file or folder); it is not read",
        "    hint: put the file or folder itself here, not a link to it",
        "docs/pijp.md: is not a regular file or folder (a device, pipe or socket); it is not read",
        "    hint: remove it: only text files and folders belong here",
        "overrides/partials/footer.html: is a symbolic link (a shortcut to another file or folder); it is not read",
        "    hint: put the file or folder itself here, not a link to it",
        "3 problems found."]
    assert "The site folders hold symbolic links or special files (listed above); nothing was built." in result.stdout
    assert "SECRET" not in result.stdout + result.stderr and not site.exists()
    result = agenda("build", "--preview", "--site-dir", str(site), cwd=project)  # the publishing command says the same
    assert result.returncode == 1 and "docs/geheim.md: is a symbolic link" in result.stderr
    assert "The site was not changed." in result.stderr and "SECRET" not in result.stdout + result.stderr


def test_model_does_not_depend_on_file_order():
    from macros.policy.model import build_agenda
    from macros.policy.validate import load_versions
    from conftest import POLICY
    (source,), _ = load_versions(POLICY / VERSION)
    data = [f.data for f in source.files]
    municipality = source.municipality.data
    assert build_agenda(municipality, data) == build_agenda(municipality, list(reversed(data)))


def _get(url, timeout=5):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.status, response.read().decode("utf-8")


def test_serve_reports_broken_yaml_and_keeps_serving(project):
    import threading
    port = 8800 + (hash(str(project)) % 150)
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = []
    threading.Thread(target=lambda: lines.extend(iter(server.stdout.readline, "")), daemon=True).start()

    def wait_for(text, seconds):
        deadline = time.time() + seconds
        while not any(text in line for line in lines):
            assert time.time() < deadline and server.poll() is None, f"no {text!r} in:\n{''.join(lines)}"
            time.sleep(0.3)

    try:
        wait_for("Serving on", 90)
        status, _ = _get(f"http://127.0.0.1:{port}/fundament/voetbal/")
        assert status == 200
        time.sleep(1)
        edit(project, "fundament.yaml", "title: Voetbal", "titel: Voetbal")
        wait_for("unknown key 'titel'", 60)
        assert any(f"policy/{VERSION}/fundament.yaml:" in line for line in lines)
        assert server.poll() is None, "the preview server stopped"
        # mkdocs holds requests until the rebuild is done: wait for it, however busy the machine
        status, html = _get(f"http://127.0.0.1:{port}/fundament/voetbal/", timeout=120)
        assert status == 200 and "Voetbal" in html  # still the last good site
        # A value nested 100,000 levels deep crashed the process (libyaml's composer).
        time.sleep(1)
        edit(project, "partners.yaml", "name: Politie", "name: " + "[" * 100_000 + "]" * 100_000)
        wait_for("nested too deeply", 60)
        assert server.poll() is None, "the preview server stopped"
        assert _get(f"http://127.0.0.1:{port}/fundament/voetbal/", timeout=120)[0] == 200  # after the rebuild
        assert server.poll() is None, "the preview server stopped"
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_build_refuses_to_publish_under_a_local_address(project, tmp_path):
    """Without SITE_URL the sitemap, feed and PDFs would name 127.0.0.1: refused, with where and what to do."""
    env = {k: v for k, v in ENV.items() if k != "SITE_URL"}
    for value in (None, "http://localhost:8000/", "http://127.0.0.2/veiligheid/", "http://[::1]:8000/"):
        run_env = env if value is None else {**env, "SITE_URL": value}
        result = subprocess.run([sys.executable, "-m", "macros.cli", "build", "--site-dir", str(tmp_path / "site")],
                                cwd=project, env=run_env, capture_output=True, text=True, timeout=120)
        assert result.returncode == 1, (value, result.stderr)
        shown = value or "http://127.0.0.1:8000/"
        assert result.stderr.startswith(
            f"mkdocs.yml:7:1: the site address (site_url) '{shown}' is an address on this computer: the sitemap, "
            "the canonical links, the Atom feed and the PDF covers of a published site would point there\n"
            "    hint: set SITE_URL to the public address (e.g. https://www.gemeente.nl/veiligheid/), "
            "or build a local preview with `agenda build --preview`\n"), result.stderr
        assert "The site was not changed." in result.stderr and "Traceback" not in result.stderr
        assert not (tmp_path / "site").exists()


def test_the_address_check_names_the_variable_of_an_inheriting_site():
    from conftest import FIXTURE
    from macros.publish.build import check_site_url

    problem = check_site_url(FIXTURE / "sites/doetinchem/mkdocs.yml", "http://127.0.0.1:8001/")
    assert (Path(problem.file).name, problem.line, problem.column) == ("mkdocs.yml", 7, 1)
    assert "sites/doetinchem" in Path(problem.file).as_posix()
    assert problem.hint.startswith("set SITE_URL_DOETINCHEM to the public address")
    assert check_site_url(FIXTURE / "sites/doetinchem/mkdocs.yml", "https://www.doetinchem.nl/veiligheid/") is None


@pytest.mark.parametrize("url, local", [
    ("", True), (None, True), ("http://127.0.0.1:8000/", True), ("http://127.1.2.3/", True),
    ("http://localhost/", True), ("http://LOCALHOST.:8000/", True), ("http://app.localhost/", True),
    ("http://[::1]/", True), ("http://0.0.0.0:8000/", True), ("/veiligheid/", True),
    ("https://www.deventer.nl/veiligheid/", False), ("https://gemeente.gitlab.io/agenda", False),
    ("http://10.0.0.5/", False), ("https://127.example.org/", False),
])
def test_local_addresses(url, local):
    from macros.publish.build import is_local_address

    assert is_local_address(url) is local
