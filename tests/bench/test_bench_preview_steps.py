"""bench/preview.py --steps: the steps of one save, read from the server's timestamped log."""

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import preview  # noqa: E402  (bench/preview.py)

LOG = """100.000000\tServing on http://127.0.0.1:8000/
99.000000\t[01:00:00] Detected file changes
110.004000\t[01:00:10] Detected file changes
110.025000\tBuilding documentation...
110.040000\tbench: build starts
110.100000\tPreview: rebuilt 2 of 152 pages (text) in 0.05 s
110.240000\tDocumentation built in 0.20 seconds
110.241000\tbench: build cpu 0.101000
110.242000\t[01:00:10] Reloading browsers
"""


def test_each_step_ends_at_its_log_line_after_the_save():
    got = preview.steps(LOG, written=110.0, served=110.245)
    expected = {"watcher": 0.004, "wait for more changes": 0.021, "load configuration": 0.015, "build": 0.2,
                "hand-over to the server": 0.002, "page served": 0.003, "(build: CPU time of its thread)": 0.101}
    assert list(got) == list(expected)
    assert all(abs(got[k] - v) < 1e-6 for k, v in expected.items()), got
