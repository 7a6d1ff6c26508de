"""A short run of the load test (scripts/load_test.py): no errors and no "database is locked"
while an editor publishes. The full run (60 s, 32 connections) is `make load`, not the suite.

It serves its own copy of the demo site on SQLite in WAL mode (`make load` also runs it on the
PostgreSQL server of a DATABASE_URL).
"""

import json
import os
import shutil
import subprocess
import sys

import pytest

from scripts.served_site import REPO, is_postgres
from tests.helpers import first_story_path

SMOKE = ["--duration", "5", "--connections", "8", "--edit-interval", "1"]


# SQLite takes one writer at a time: its failure under load is "database is locked" while an editor
# publishes. On PostgreSQL, shared by several machines, tests/serving/test_scale_out.py serves the
# site.
@pytest.mark.skipif(
    is_postgres(os.environ.get("DATABASE_URL")),
    reason="other database run: the load test checks the embedded SQLite default's locking",
)
def test_short_load_with_an_editor_publishing_gives_no_errors(tmp_path):
    if not shutil.which("wrk"):
        pytest.fail(
            "wrk is missing: the load test drives Debian's wrk. `make test` installs it "
            "(apt-get install wrk, with root or sudo).",
            pytrace=False,
        )
    figures_file = tmp_path / "load.json"
    result = subprocess.run(
        [sys.executable, "scripts/load_test.py", *SMOKE, "--json", str(figures_file)],
        cwd=REPO,
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    figures = json.loads(figures_file.read_text())
    assert figures["database"].startswith("SQLite")
    assert figures["problems"] == []
    assert (
        first_story_path("en") in figures["targets"] and "/en/search/?q=trust" in figures["targets"]
    )
    for path, target in figures["targets"].items():
        assert target["requests"] > 0, path
        assert target["non_2xx_3xx"] == 0, path
    assert figures["total"]["socket_errors"] == 0
    assert figures["server_log"]["database is locked"] == 0
    assert figures["server_log"]["tracebacks"] == 0
    assert figures["editor"]["published"] >= 2 and figures["editor"]["failures"] == 0
    assert "requests" in result.stdout and "OK: no errors." in result.stdout


def test_the_load_test_fails_when_it_meets_errors():
    """The verdict is not a formality: errors in any of its sources fail the run."""
    from scripts.load_test import problems

    clean = {
        "total": {"requests": 100, "non_2xx_3xx": 0, "socket_errors": 0},
        "server_log": {"database is locked": 0, "tracebacks": 0},
        "editor": {"published": 3, "failures": 0, "exit_status": 0},
    }
    assert problems(clean) == []
    for part, key, value in [
        ("total", "non_2xx_3xx", 1),
        ("total", "socket_errors", 2),
        ("server_log", "database is locked", 1),
        ("server_log", "tracebacks", 1),
        ("editor", "failures", 1),
        ("editor", "published", 0),
        ("editor", "exit_status", 1),
    ]:
        broken = json.loads(json.dumps(clean))
        broken[part][key] = value
        assert problems(broken), (part, key)
