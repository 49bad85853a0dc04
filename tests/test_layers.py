"""The package's folders show the flow of data, and the code keeps to it."""

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_import_contracts_hold():
    """import-linter checks the contracts in pyproject.toml: the layer order and no cycles."""
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml"), "--no-cache"], cwd=ROOT,  # writes nothing here
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout and "3 kept" in result.stdout


def test_a_forbidden_import_is_caught(tmp_path):
    """The contract bites: a policy module that imports the site breaks it."""
    copy = tmp_path / "repo"
    copy.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "macros"), str(copy / "macros")], check=True)
    (copy / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8")
    model = copy / "macros" / "policy" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nfrom macros.site import pages  # noqa\n", encoding="utf-8")
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--config", str(copy / "pyproject.toml"), "--no-cache"], cwd=copy,
                            capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(copy), "PATH": "/usr/bin:/bin"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "macros.policy.model -> macros.site.pages" in result.stdout
