"""`agenda validate` reads a large policy set in several processes: same data, same problems."""

from pathlib import Path

import pytest

from macros.policy import validate
from macros.policy.validate import load_versions


def _break(project: Path) -> None:
    """One unreadable file in the first version, an unknown document cited in the last."""
    folders = sorted(p.parent for p in (project / "policy").glob("*/*/version.yaml"))
    assert len(folders) >= 2, "the scratch copy needs two versions"
    (folders[0] / "kapot.yaml").write_text("kind: partners\npartners: [\n", encoding="utf-8")
    cited = next(p for p in sorted(folders[-1].glob("*.yaml")) if "document: " in p.read_text(encoding="utf-8"))
    cited.write_text(cited.read_text(encoding="utf-8").replace("document: ", "document: onbekend-", 1), encoding="utf-8")


@pytest.mark.parametrize("broken", [False, True])
def test_workers_give_the_same_versions_and_problems(project, monkeypatch, broken):
    monkeypatch.chdir(project)
    # Not the preview's cache of unchanged files (another test in this process may have left it
    # on): with it, reading stays in one process by design.
    monkeypatch.setattr(validate, "_UNCHANGED_FILES", None)
    if broken:
        _break(project)
    serial_versions, serial = load_versions(Path("policy"))
    monkeypatch.setattr(validate, "PARALLEL_MIN_BYTES", 0)  # the scratch copy is small: force the processes
    calls = []
    real_pool = validate._pool
    monkeypatch.setattr(validate, "_pool", lambda workers: calls.append(workers) or real_pool(workers))
    parallel_versions, parallel = load_versions(Path("policy"), workers=2)
    assert calls == [2, 2]  # both the reading and the cross-file checks ran in processes
    assert [str(p) for p in parallel] == [str(p) for p in serial]
    assert [(v.folder, [(f.display, f.data) for f in v.files]) for v in parallel_versions] == \
        [(v.folder, [(f.display, f.data) for f in v.files]) for v in serial_versions]
    if broken:
        messages = "\n".join(str(p) for p in serial)
        assert "kapot.yaml:3:1:" in messages or "kapot.yaml:2:" in messages
        assert "unknown document 'onbekend-" in messages
    else:
        assert serial == []
