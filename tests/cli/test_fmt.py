"""`agenda fmt` and `agenda fmt --check`: one canonical layout for policy YAML, the data unchanged."""

from conftest import VERSION, agenda
from macros.policy.load import load_file


def data_of(folder):
    return {p.relative_to(folder): load_file(p)[0].data for p in sorted(folder.rglob("*.yaml"))}


def test_fmt_rewrites_into_the_layout_and_keeps_the_data(project):
    policy = project / "policy"
    before = data_of(policy)
    target = policy / VERSION / "partners.yaml"
    target.write_text(target.read_text(encoding="utf-8").replace("  - id: politie\n    name: Politie\n",
                                                                 "  - name: Politie\n    id: politie\n", 1),
                      encoding="utf-8")
    check = agenda("fmt", "--check", "policy", cwd=project)
    assert check.returncode == 1
    assert f"policy/{VERSION}/partners.yaml: not in the canonical layout" in check.stderr.splitlines()
    result = agenda("fmt", cwd=project)
    assert result.returncode == 0, result.stderr
    assert f"rewrote policy/{VERSION}/partners.yaml" in result.stdout.splitlines()
    assert target.read_text(encoding="utf-8").startswith("kind: partners\npartners:\n  - id: politie\n    name: Politie\n")
    assert data_of(policy) == before
    assert agenda("fmt", "--check", cwd=project).returncode == 0
    assert agenda("fmt", cwd=project).stdout == ""  # nothing left to rewrite
    assert agenda("validate", cwd=project).returncode == 0


def test_fmt_quotes_what_yaml_1_1_and_1_2_read_differently(project):
    target = project / "policy" / VERSION / "partners.yaml"
    text = target.read_text(encoding="utf-8").replace("    name: Politie\n", '    name: "yes"\n', 1)
    target.write_text(text.replace("section: \"Interne", "section: 'Interne", 1).replace("partners\"}", "partners'}", 1),
                      encoding="utf-8")
    assert agenda("fmt", f"policy/{VERSION}/partners.yaml", cwd=project).returncode == 0
    written = target.read_text(encoding="utf-8")
    assert '    name: "yes"\n' in written  # text to both, never the boolean of YAML 1.1
    assert load_file(target)[0].data["partners"][0]["name"] == "yes"


def test_a_file_with_a_comment_is_refused_and_left_alone(project):
    target = project / "policy" / VERSION / "partners.yaml"
    text = target.read_text(encoding="utf-8").replace("    name: Politie\n", "    name: Politie  # landelijk\n", 1)
    target.write_text(text, encoding="utf-8")
    result = agenda("fmt", f"policy/{VERSION}/partners.yaml", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith(f"policy/{VERSION}/partners.yaml:4:20: a comment, which the canonical layout")
    assert "hint: move what it says into the data" in result.stderr
    assert target.read_text(encoding="utf-8") == text
    assert agenda("fmt", "--check", cwd=project).returncode == 1


def test_a_file_that_does_not_load_is_reported_with_its_position(project):
    target = project / "policy" / VERSION / "partners.yaml"
    target.write_text("kind: partners\npartners:\n  - id: x\n   name: y\n", encoding="utf-8")
    result = agenda("fmt", "--check", f"policy/{VERSION}/partners.yaml", cwd=project)
    assert result.returncode == 1
    assert result.stderr.startswith(f"policy/{VERSION}/partners.yaml:4:")
    assert "Traceback" not in result.stderr

