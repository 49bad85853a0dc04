"""The pull-request workflow and the open data, exercised as CI and users would."""

import csv
import io
import json
import os
import subprocess

from conftest import ENV, POLICY, ROOT, VERSION, agenda, git_repo, make_project, mkdocs, read
from helpers import edit

from macros.publish.export import agenda_from_json
from macros.site.site import load_site


def test_github_annotations_point_at_file_and_line(project):
    edit(project, "fundament.yaml", "title: Voetbal", "titel: Voetbal")
    result = agenda("validate", "--format", "github", cwd=project)
    assert result.returncode == 1
    line = result.stdout.splitlines()[0]
    assert line.startswith(f"::error file=policy/{VERSION}/fundament.yaml,line=14,col=9,title=Policy YAML::")
    assert line.endswith("unknown key 'titel' (group 'openbare-orde' > topic 'voetbal'). Hint: did you mean 'title'?")


def test_gitlab_code_quality_report(project):
    edit(project, "fundament.yaml", "title: Voetbal", "titel: Voetbal")
    result = agenda("validate", "--format", "gitlab", cwd=project)
    assert result.returncode == 1
    (issue,) = json.loads(result.stdout)
    assert issue["location"] == {"path": f"policy/{VERSION}/fundament.yaml", "lines": {"begin": 14}}
    assert issue["check_name"] == "agenda-validate" and "did you mean 'title'?" in issue["description"]
    clean = agenda("validate", "--format", "gitlab")
    assert clean.returncode == 0 and json.loads(clean.stdout) == []


def test_pr_check_script_writes_the_policy_diff(tmp_path):
    clone = git_repo(make_project(tmp_path / "clone"))  # the frozen policy with today's code and scripts
    (clone / "scripts").symlink_to(ROOT / "scripts")
    (clone / ".venv").symlink_to(ROOT / ".venv")
    (clone / ".gitignore").write_text("/scripts\n/.venv\n/reports/\n/site/\n/site-*/\n", encoding="utf-8")
    subprocess.run(["git", "checkout", "-q", "-b", "feature"], cwd=clone, check=True)
    path = clone / "policy" / VERSION / "fundament.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: Voetbal", "title: Voetbal en veiligheid", 1),
                    encoding="utf-8")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["commit", "-qam", "Rename topic"], cwd=clone, check=True)
    # As in CI: the workflow passes the public address, and the site built here is the one published.
    public = "https://www.gemeente.example/veiligheid/"
    env = {**ENV, "AGENDA_SKIP_SETUP": "1", "CI": "true", "SITE_URL": public}
    result = subprocess.run(["bash", "scripts/pr-check.sh", "HEAD~1", "github"], cwd=clone, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    report = (clone / "reports" / "policy-diff.md").read_text(encoding="utf-8")
    assert "- **Gewijzigd**: Onderwerp van het fundament *Voetbal en veiligheid* (`voetbal`): hernoemd (was: *Voetbal*)" in report
    site = clone / "site"
    assert (site / "actueel" / "fundament" / "voetbal" / "index.html").exists()
    # Nothing published names an address on the machine that built it; everything names the public one.
    assert f"<loc>{public}2024-2027/fundament/voetbal/</loc>" in (site / "2024-2027" / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{public}2024-2027/fundament/voetbal/">' in read(site / "2024-2027", "fundament/voetbal/")
    assert f'href="{public}2024-2027/' in (site / "2024-2027" / "wijzigingen.xml").read_text(encoding="utf-8")
    from pypdf import PdfReader
    cover = " ".join(PdfReader(site / "2024-2027" / "downloads" / "veiligheidsagenda-2024-2027.pdf").pages[0].extract_text().split())
    assert f"{public}2024-2027/" in cover
    local = [str(p.relative_to(site)) for p in site.rglob("*") if p.suffix in {".html", ".xml", ".json", ".txt", ".csv"}
             and any(name in p.read_text(encoding="utf-8", errors="replace") for name in ("127.0.0.1", "localhost"))]
    assert local == []


def test_open_data_files_round_trip(published):
    base = published / "actueel" / "open-data"
    site = load_site(POLICY.resolve(), "deventer", "2024-2027")
    assert agenda_from_json((base / "beleid.json").read_text(encoding="utf-8")) == site.agenda
    rows = list(csv.DictReader(io.StringIO((base / "uitvoeringsagenda.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == [a.id for a in site.agenda.actions]
    assert rows[0]["status"] == ""  # not decided in the sources: left empty, never guessed
    partners = list(csv.DictReader(io.StringIO((base / "partners.csv").read_text(encoding="utf-8"))))
    assert len(partners) == len(site.agenda.partners)
    assert json.loads((base / "policy.schema.json").read_text(encoding="utf-8"))["title"] == "Beleidsbestand van de Veiligheidsagenda"
    assert "../open-data/beleid.json" in read(published, "actueel/open-data/")


def test_open_data_license_comes_from_the_municipality(project):
    """No license is invented: without one the page says so; with one it is named and in the JSON."""
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "out" / "open-data" / "index.html").read_text(encoding="utf-8")
    assert "heeft in haar configuratie (nog) geen licentie voor deze open data vastgelegd" in page
    municipality = project / "policy" / "deventer" / "municipality.yaml"
    municipality.write_text(municipality.read_text(encoding="utf-8") + "license:\n  name: CC0 1.0\n"
                            "  url: https://creativecommons.org/publicdomain/zero/1.0/deed.nl\n", encoding="utf-8")
    result = mkdocs("build", "--strict", "--site-dir", "out", cwd=project)
    assert result.returncode == 0, result.stderr
    page = (project / "out" / "open-data" / "index.html").read_text(encoding="utf-8")
    assert ('publiceert deze gegevens onder de licentie '
            '<a href="https://creativecommons.org/publicdomain/zero/1.0/deed.nl">CC0 1.0</a>') in page
    data = json.loads((project / "out" / "open-data" / "beleid.json").read_text(encoding="utf-8"))
    assert data["agenda"]["license_name"] == "CC0 1.0"


def test_diff_of_revisions_refuses_a_symbolic_link_in_the_policy(tmp_path):
    """`agenda diff --git` unpacks the policy of each revision: a link committed
    there is named and never created, so its target is never read."""
    clone = git_repo(make_project(tmp_path / "clone"))
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET_TOKEN=do-not-print\n", encoding="utf-8")
    (clone / "policy" / VERSION / "x.yaml").symlink_to(secret)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run(git + ["add", "-A"], cwd=clone, check=True)
    subprocess.run(git + ["commit", "-qm", "Add a link"], cwd=clone, check=True)
    result = agenda("diff", "--git", "HEAD~1", "HEAD", cwd=clone)
    assert result.returncode == 2
    assert result.stderr == (f"policy/{VERSION}/x.yaml (at HEAD): is a symbolic link (a shortcut to another file or "
                             "folder); it is not read\n    hint: put the file or folder itself here, not a link to it\n"
                             "1 problem found.\n")
    assert "SECRET" not in result.stdout + result.stderr


def test_github_annotation_of_a_link_names_the_file_without_a_line(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET_TOKEN=do-not-print\n", encoding="utf-8")
    (project / "policy" / VERSION / "x.yaml").symlink_to(secret)
    result = agenda("validate", "--format", "github", cwd=project)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        f"::error file=policy/{VERSION}/x.yaml,title=Policy YAML::is a symbolic link (a shortcut to another file or "
        "folder); it is not read. Hint: put the file or folder itself here, not a link to it"]
    assert "SECRET" not in result.stdout + result.stderr
