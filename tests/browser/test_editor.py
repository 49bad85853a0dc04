"""The form editor at /beheer/ (Decap CMS, self-hosted), offline, in Debian's Chromium.

decap-server (npm, pinned) runs in git mode against a scratch copy of the project; the
editor, as `agenda build` published it, talks to it. The tests edit the policy the way a
civil servant would, through the Dutch forms, and check what arrives in git: a commit on
the editorial workflow's branch that changes only the edited lines, that `agenda validate`
accepts, and that a rebuilt site shows. axe-core runs on the editor's screens; its findings
are written to editor-axe.json in the test reports folder ($AGENDA_TEST_REPORTS, default /tmp/agenda-test-reports) (Decap's own are listed in the README).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect, sync_playwright

from browser import CHROMIUM, CHROMIUM_ARGS, serve
from conftest import REPORTS, ROOT, agenda, make_project, mkdocs, needs_npm
from macros.policy.layout import dump

DECAP_SERVER = ROOT / "node_modules" / "decap-server" / "dist" / "index.js"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = REPORTS / "editor-screenshots"  # the README's copies are in docs/assets/beheer-*.png
BRANCH = "cms/versie-2024-2027/fundament"
ACTIONS_BRANCH = "cms/versie-2024-2027/uitvoeringsagenda-2024"
THEME = "policy/deventer/2024-2027/thema-ondermijning.yaml"
ACTIONS = "policy/deventer/2024-2027/uitvoeringsagenda-2024.yaml"
PARTNERS = "policy/deventer/2024-2027/partners.yaml"
THEME_BRANCH = "cms/versie-2024-2027/thema-ondermijning"
PARTNERS_BRANCH = "cms/versie-2024-2027/partners"
OLD_GOAL = "Het nastreven van de landelijke doelstellingen voor veilig en gastvrij voetbal."
NEW_GOAL = "Het nastreven van de landelijke doelstellingen voor veilig, gastvrij en betaalbaar voetbal."
OLD_SPEERPUNT = "We **breiden de toepassing van de Wet Bibob uit** richting het ruimtelijk en sociaal domein."
NEW_SPEERPUNT = "We **breiden de toepassing van de Wet Bibob uit** richting het ruimtelijk en sociaal domein en de horeca."
# Eigen Bouw's description is the editors' own (its `editorial:` entry says so), not a quote.
OLD_PARTNER = "Verhuurder."
NEW_PARTNER = "Verhuurder, aangesloten bij het vernieuwde convenant woonoverlast."
DEEP_SECTION = "Casus uit de praktijk: het uitzendbureau"

pytestmark = needs_npm(DECAP_SERVER, AXE)


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
                          check=True, capture_output=True, text=True).stdout


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A git repository with the project's policy in the canonical layout, on branch main."""
    repo = make_project(tmp_path_factory.mktemp("scratch") / "repo")
    for name in ("macros", "schema"):  # real files, so that a checkout of a branch keeps them
        (repo / name).unlink()
        shutil.copytree(ROOT / name, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["git", "init", "-q", "-b", "main", str(repo)], check=True)
    assert agenda("fmt", "--check", "policy", cwd=repo).returncode == 0  # what the editor writes
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "Start")
    # Goals are quotes that `agenda validate` checks against the cited source: the scratch
    # source gets the amended sentence the editor will type (as after an amended plan).
    source = repo / "sources" / "deventer" / "sva-2024-2027.txt"
    text = source.read_text(encoding="utf-8")
    assert OLD_GOAL + "**\n" in text
    text = text.replace(OLD_GOAL + "**\n", f"{OLD_GOAL}**\n\n{NEW_GOAL}\n", 1)
    # The same for a speerpunt of § 4.3.3: a bullet the amended plan added.
    assert f"- {OLD_SPEERPUNT}\n" in text
    text = text.replace(f"- {OLD_SPEERPUNT}\n", f"- {OLD_SPEERPUNT}\n- {NEW_SPEERPUNT}\n", 1)
    source.write_text(text, encoding="utf-8")
    git(repo, "commit", "-qam", "Bron: gewijzigde tekst van 6.1.1 en 4.3.3")
    # A section four levels deep, deeper than the forms show (SECTION_DEPTH): kept as written.
    theme = repo / THEME
    data = yaml.safe_load(theme.read_text(encoding="utf-8"))
    case = data["sections"][0]["sections"][0]["sections"][0]
    assert case["style"] == "case" and "sections" not in case
    case["sections"] = [{"title": DEEP_SECTION, "style": "case", "text": case["text"].split(". ")[1] + ".\n"}]
    theme.write_text(dump(data), encoding="utf-8")
    git(repo, "commit", "-qam", "Thema: een casus vier niveaus diep")
    return repo


@pytest.fixture(scope="module")
def editor(scratch, published, tmp_path_factory):
    """(address of /beheer/, scratch repo): the published editor, pointed at a decap-server on a free port."""
    port = free_port()
    site = tmp_path_factory.mktemp("editor-site")
    shutil.copytree(published / "beheer", site / "beheer")
    config = site / "beheer" / "config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("127.0.0.1:8081", f"127.0.0.1:{port}"), encoding="utf-8")
    log = open(tmp_path_factory.mktemp("log") / "decap-server.log", "w")
    server = subprocess.Popen(["node", str(DECAP_SERVER)], cwd=scratch, stdout=log, stderr=subprocess.STDOUT,
                              env={**os.environ, "MODE": "git", "GIT_REPO_DIRECTORY": str(scratch),
                                   "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"})
    try:
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        with serve(site) as base:
            yield f"{base}/beheer/", scratch
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


class Session:
    def __init__(self, browser, address: str):
        self.page = browser.new_page(viewport={"width": 1100, "height": 760}, locale="nl-NL")
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.address = address

    def login(self):
        self.page.goto(self.address)
        self.page.get_by_role("button", name="Inloggen").click()
        expect(self.page.get_by_text("Strategische Veiligheidsagenda Deventer (2024-2027, vastgesteld)").first).to_be_visible()

    def open(self, collection: str, entry: str):
        self.page.goto(f"{self.address}#/collections/{collection}/entries/{entry}")
        expect(self.page.get_by_role("button", name="Opslaan")).to_be_visible(timeout=20000)

    def expand(self, title: str):
        """Open a collapsed list item by its chevron (the first button of the item's top bar)."""
        label = self.page.get_by_text(title, exact=True).filter(visible=True).first
        label.scroll_into_view_if_needed()
        label.locator("xpath=..").locator("button").first.click()

    def relation(self, label: str):
        """The text box of the first visible relation widget labelled `label` (type to choose)."""
        label = self.page.locator("label", has_text=label).filter(visible=True).first
        field = self.page.locator(f"input[id='{label.get_attribute('for')}']")
        field.scroll_into_view_if_needed()
        return field

    def choose(self, label: str, name: str):
        """Add `name` to the relation widget labelled `label`, as a user does: type, pick."""
        self.relation(label).fill(name)
        self.page.get_by_role("option", name=name, exact=True).first.click()

    def unchoose(self, name: str):
        """Remove `name` from a relation widget by the cross on its chip."""
        self.page.get_by_role("button", name=f"Remove {name}", exact=True).click()

    def remove(self, title: str):
        """Remove a list item by the cross at the right of its top bar."""
        label = self.page.get_by_text(title, exact=True).filter(visible=True).first
        label.scroll_into_view_if_needed()
        label.locator("xpath=..").locator("button").filter(visible=True).last.click()

    def textarea_with(self, value: str):
        index = self.page.locator("textarea").evaluate_all(
            "(all, value) => all.findIndex(t => t.value.trim() === value)", value)
        assert index >= 0, f"no text field holds {value!r}"
        return self.page.locator("textarea").nth(index)

    def input_with(self, value: str):
        index = self.page.locator("input").evaluate_all("(all, value) => all.findIndex(t => t.value === value)", value)
        assert index >= 0, f"no field holds {value!r}"
        return self.page.locator("input").nth(index)

    def save(self):
        self.page.get_by_role("button", name="Opslaan").click()

    def saved(self):
        try:
            expect(self.page.get_by_text("Wijzigingen opgeslagen", exact=False).first).to_be_visible(timeout=20000)
        except AssertionError:
            errors = [e for e in self.page.locator("ul[class*=ControlErrorsList] li").all_text_contents() if e.strip()]
            raise AssertionError(f"not saved; the form says: {errors[:10]}") from None

    def axe(self, name: str) -> list[dict]:
        self.page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = self.page.evaluate("""async () => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values:
              ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']}});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')), count: v.nodes.length}));
        }""")
        return [{"screen": name, **v} for v in result]

    def only_this_computer(self):
        hosts = {u.split("/")[2] for u in self.requests if u.startswith("http")}
        assert all(h.startswith("127.0.0.1:") for h in hosts), hosts
        assert not [u for u in self.requests if not u.startswith(("http://127.0.0.1:", "data:", "blob:"))]


def tip(repo: Path, branch: str) -> str:
    """The commit the editor's next save builds on: its branch, or main before the first save."""
    return git(repo, "rev-parse", branch if git(repo, "branch", "--list", branch).strip() else "main").strip()


def changed_lines(repo: Path, before: str, after: str) -> list[str]:
    diff = git(repo, "diff", "--unified=0", before, after)
    return [line for line in diff.splitlines() if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def at(repo: Path, commit: str, path: str) -> str:
    return git(repo, "show", f"{commit}:{path}")


def unshown(fields: list[dict], data: dict, trail: tuple = ()) -> dict:
    """{path: value} of what the forms do not show in `data`: keys that are hidden fields, or no
    field at all (found by walking the generated configuration next to the file's data)."""
    out = {}
    by_name = {f["name"]: f for f in fields}
    for key, value in data.items():
        field, path = by_name.get(key), trail + (key,)
        if field is None or field["widget"] == "hidden":
            out[path] = value
        elif field["widget"] == "object" and isinstance(value, dict):
            out.update(unshown(field["fields"], value, path))
        elif field["widget"] == "list" and "fields" in field and isinstance(value, list):
            for i, item in enumerate(value):  # items by id: removing one must not shift the others
                if isinstance(item, dict):
                    out.update(unshown(field["fields"], item, path + (item.get("id", i),)))
    return out


def kept_unshown(repo: Path, forms: dict, before: str, after: str, path: str) -> set:
    """Assert that a save kept everything the forms of `path` do not show; the names of those keys."""
    old, new = (yaml.safe_load(at(repo, commit, path)) for commit in (before, after))
    hidden = unshown(forms[path], old)
    assert hidden == unshown(forms[path], new)
    return {trail[-1] for trail in hidden}


@pytest.fixture(scope="module")
def forms(published) -> dict:
    """file -> the fields of its entry in the published editor configuration."""
    config = yaml.safe_load((published / "beheer" / "config.yml").read_text(encoding="utf-8"))
    return {f["file"]: f["fields"] for c in config["collections"] for f in c["files"]}


def validates(repo: Path, branch: str, build: bool = False) -> Path | None:
    """`agenda validate` on the editor's branch (and, with `build`, the rebuilt site's folder)."""
    git(repo, "checkout", "-q", branch)
    try:
        check = agenda("validate", cwd=repo)
        assert check.returncode == 0, check.stderr
        if not build:
            return None
        out = repo.parent / f"rebuilt-{branch.rsplit('/', 1)[-1]}"
        result = mkdocs("build", "--strict", "--site-dir", str(out), cwd=repo)
        assert result.returncode == 0, result.stderr
        return out
    finally:
        git(repo, "checkout", "-q", "main")


def test_changing_a_goal_makes_a_one_line_commit_that_validates_and_rebuilds(browser, editor):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    findings = session.axe("collecties")
    SHOTS.mkdir(parents=True, exist_ok=True)
    session.page.screenshot(path=str(SHOTS / "beheer-collecties.png"))
    session.open("versie-2024-2027", "fundament")
    findings += session.axe("formulier")
    session.expand("Openbare orde")
    session.expand("Voetbal")
    goal = session.textarea_with(OLD_GOAL)
    goal.scroll_into_view_if_needed()
    goal.fill(NEW_GOAL + "\n")
    session.page.screenshot(path=str(SHOTS / "beheer-doel.png"))
    session.save()
    session.saved()
    findings += session.axe("na-opslaan")
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "editor-axe.json").write_text(json.dumps(findings, ensure_ascii=False, indent=1), encoding="utf-8")

    assert BRANCH in git(repo, "branch", "--list", BRANCH)
    assert git(repo, "log", "-1", "--format=%s", BRANCH).strip() == \
        "Beleid: fundament gewijzigd in de editor (Strategische Veiligheidsagenda Deventer (2024-2027, vastgesteld))"
    assert git(repo, "diff", "--name-only", "main", BRANCH).split() == ["policy/deventer/2024-2027/fundament.yaml"]
    assert changed_lines(repo, "main", BRANCH) == [f"-          {OLD_GOAL}", f"+          {NEW_GOAL}"]

    out = validates(repo, BRANCH, build=True)
    assert NEW_GOAL in (out / "fundament" / "voetbal" / "index.html").read_text(encoding="utf-8")
    assert session.errors == []
    session.only_this_computer()


def test_an_empty_required_field_and_a_bad_id_show_dutch_errors_in_the_form(browser, editor):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    session.open("versie-2024-2027", "fundament")
    session.expand("Openbare orde")
    session.expand("Voetbal")
    before = tip(repo, BRANCH)
    session.input_with("Voetbal").fill("")
    session.input_with("voetbal").fill("Voetbal Club")
    session.save()
    expect(session.page.get_by_text("Titel is vereist.").first).to_be_visible()
    expect(session.page.get_by_text("Een id bestaat uit kleine letters, cijfers en losse streepjes").first).to_be_visible()
    session.page.get_by_text("Titel is vereist.").first.scroll_into_view_if_needed()
    session.page.screenshot(path=str(SHOTS / "beheer-fout.png"))
    assert tip(repo, BRANCH) == before  # nothing was saved
    session.only_this_computer()


def test_a_partner_chosen_in_the_relation_widget_arrives_as_its_id(browser, editor):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    session.open("versie-2024-2027", "fundament")
    session.expand("Openbare orde")
    session.expand("Demonstraties en betogingen")
    before = tip(repo, BRANCH)
    # The topic's partners (a relation widget; the group's own partners field comes after its topics).
    label = session.page.locator("label", has_text="Partners").filter(visible=True).first
    field = session.page.locator(f"input[id='{label.get_attribute('for')}']")
    field.scroll_into_view_if_needed()
    field.fill("Horeca")
    session.page.get_by_role("option", name="Horeca").first.click()
    session.save()
    session.saved()
    assert changed_lines(repo, before, BRANCH) == ["-        partners: [politie]", "+        partners: [politie, horeca]"]
    validates(repo, BRANCH)
    session.only_this_computer()


def test_changing_a_speerpunt_changes_its_lines_only_and_keeps_what_the_form_does_not_show(browser, editor, forms):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    session.open("versie-2024-2027", "thema-ondermijning")
    session.expand("Het bestuurlijk instrumentarium")
    session.expand("We breiden de toepassing van de Wet Bibob uit")
    before = tip(repo, THEME_BRANCH)
    session.textarea_with(OLD_SPEERPUNT).fill(NEW_SPEERPUNT + "\n")
    session.save()
    session.saved()

    assert git(repo, "diff", "--name-only", before, THEME_BRANCH).split() == [THEME]
    assert changed_lines(repo, before, THEME_BRANCH) == [f"-          {OLD_SPEERPUNT}", f"+          {NEW_SPEERPUNT}"]
    # The lineage's `editorial:` notes and the section four levels deep are not in the form: kept.
    assert {"kind", "editorial", "sections"} <= kept_unshown(repo, forms, before, THEME_BRANCH, THEME)
    assert f"title: \"{DEEP_SECTION}\"" in at(repo, THEME_BRANCH, THEME)
    out = validates(repo, THEME_BRANCH, build=True)
    html = (out / "pijler" / "bestuurlijk-instrumentarium" / "index.html").read_text(encoding="utf-8")
    assert "richting het ruimtelijk en sociaal domein en de horeca." in html
    assert session.errors == []
    session.only_this_computer()


def test_an_actions_partners_are_changed_in_one_line_and_its_editorial_notes_kept(browser, editor, forms):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    session.open("versie-2024-2027", "uitvoeringsagenda-2024")
    session.expand("Intensiever samenwerken met partners voor een completer beeld van ondermijnende criminaliteit")
    before = tip(repo, ACTIONS_BRANCH)
    session.unchoose("Belastingdienst")
    session.choose("Partners", "Ministerie van Justitie en Veiligheid")
    session.save()
    session.saved()

    assert git(repo, "diff", "--name-only", before, ACTIONS_BRANCH).split() == [ACTIONS]
    assert changed_lines(repo, before, ACTIONS_BRANCH) == [
        "-    partners: [politie, openbaar-ministerie, belastingdienst, riec, nederlandse-arbeidsinspectie]",
        "+    partners: [politie, openbaar-ministerie, riec, nederlandse-arbeidsinspectie, ministerie-jenv]"]
    # 34 actions' `editorial:` notes and the file's own: hidden in the form, kept byte for byte.
    assert {"kind", "editorial"} <= kept_unshown(repo, forms, before, ACTIONS_BRANCH, ACTIONS)
    validates(repo, ACTIONS_BRANCH)
    assert session.errors == []
    session.only_this_computer()


def test_a_partners_description_changes_in_its_lines_only_and_shows_on_its_page(browser, editor, forms):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    session.open("versie-2024-2027", "partners")
    session.expand("Eigen Bouw")
    before = tip(repo, PARTNERS_BRANCH)
    session.textarea_with(OLD_PARTNER).fill(NEW_PARTNER + "\n")
    session.save()
    session.saved()

    assert git(repo, "diff", "--name-only", before, PARTNERS_BRANCH).split() == [PARTNERS]
    assert changed_lines(repo, before, PARTNERS_BRANCH) == [f"-      {OLD_PARTNER}", f"+      {NEW_PARTNER}"]
    assert {"kind", "editorial"} <= kept_unshown(repo, forms, before, PARTNERS_BRANCH, PARTNERS)
    out = validates(repo, PARTNERS_BRANCH, build=True)
    assert NEW_PARTNER in (out / "partner" / "eigen-bouw" / "index.html").read_text(encoding="utf-8")
    assert session.errors == []
    session.only_this_computer()


def test_removing_a_list_item_removes_only_its_lines(browser, editor, forms):
    address, repo = editor
    session = Session(browser, address)
    session.login()
    session.open("versie-2024-2027", "partners")
    before = tip(repo, PARTNERS_BRANCH)
    session.remove("Stedendriehoek")
    session.save()
    session.saved()

    assert changed_lines(repo, before, PARTNERS_BRANCH) == [
        "-  - id: stedendriehoek", "-    name: Stedendriehoek", "-    type: netwerk",
        '-    source: {document: sva-2024-2027, section: "1.1"}']
    assert {"kind", "editorial"} <= kept_unshown(repo, forms, before, PARTNERS_BRANCH, PARTNERS)
    validates(repo, PARTNERS_BRANCH)
    assert session.errors == []
    session.only_this_computer()
