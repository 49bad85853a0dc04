"""Atomic, reproducible builds, and a preview server that survives broken YAML."""

import subprocess
import sys
import time
import urllib.request

from conftest import ENV, VERSION, agenda
from helpers import edit


def test_two_builds_are_byte_identical(project, tmp_path):
    for name in ("one", "two"):
        result = agenda("build", "--site-dir", str(tmp_path / name), cwd=project)
        assert result.returncode == 0, result.stderr
    one = {p.relative_to(tmp_path / "one"): p.read_bytes() for p in (tmp_path / "one").rglob("*") if p.is_file()}
    two = {p.relative_to(tmp_path / "two"): p.read_bytes() for p in (tmp_path / "two").rglob("*") if p.is_file()}
    assert one.keys() == two.keys() and len(one) > 100
    assert [k for k in one if one[k] != two[k]] == []


def test_a_failed_build_leaves_the_previous_site_untouched(project, tmp_path):
    site = tmp_path / "site"
    assert agenda("build", "--site-dir", str(site), cwd=project).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(project, "fundament.yaml", "title: Voetbal", "titel: Voetbal")
    result = agenda("build", "--site-dir", str(site), cwd=project)
    assert result.returncode == 1
    assert f"policy/{VERSION}/fundament.yaml:" in result.stderr and "unknown key 'titel'" in result.stderr
    assert "The site was not changed." in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".site-")] == []  # no leftovers


def test_model_does_not_depend_on_file_order():
    from macros.policy.model import build_agenda
    from macros.policy.validate import load_versions
    from conftest import POLICY
    (source,), _ = load_versions(POLICY / VERSION)
    data = [f.data for f in source.files]
    municipality = source.municipality.data
    assert build_agenda(municipality, data) == build_agenda(municipality, list(reversed(data)))


def _get(url):
    with urllib.request.urlopen(url, timeout=5) as response:
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
        status, html = _get(f"http://127.0.0.1:{port}/fundament/voetbal/")
        assert status == 200 and "Voetbal" in html  # still the last good site
    finally:
        server.terminate()
        server.wait(timeout=20)
