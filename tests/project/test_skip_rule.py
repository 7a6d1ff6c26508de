"""The skip rule (tests/skip_rule.py): in CI a skip fails, unless it belongs to the other
database's run; on a developer's machine a missing tool skips, naming the tool."""

import subprocess  # noqa: S404 - runs pytest on a small file of its own
import sys
from pathlib import Path

import pytest

from tests.skip_rule import opens_no_database

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = """
import pytest

from tests.skip_rule import OTHER_DATABASE, missing_tool


def test_skips_for_no_reason_it_may_give():
    pytest.skip("not today")


@pytest.mark.skipif(True, reason=OTHER_DATABASE + ": PostgreSQL only")
def test_belongs_to_the_other_database():
    pass


def test_needs_a_tool():
    missing_tool("frobnicator", "apt-get install frobnicator")


def test_runs():
    pass
"""


def run_sample(tmp_path, ci: str | None) -> str:
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    (tmp_path / "test_sample.py").write_text(SAMPLE)
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    if ci is not None:
        env["CI"] = ci
    command = [sys.executable, "-m", "pytest", "-p", "no:django", "-p", "no:cacheprovider"]
    command += ["-p", "tests.skip_rule", "-rA", "test_sample.py"]
    finished = subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
        command, cwd=tmp_path, env=env, capture_output=True, text=True, check=False
    )
    return finished.stdout


@pytest.mark.parametrize("ci", ["true", "1"])
def test_in_ci_only_the_other_databases_tests_may_skip(tmp_path, ci):
    out = run_sample(tmp_path, ci)
    assert "2 failed, 1 passed, 1 skipped" in out, out
    assert "FAILED test_sample.py::test_skips_for_no_reason_it_may_give" in out
    assert "FAILED test_sample.py::test_needs_a_tool" in out
    assert "frobnicator is missing: apt-get install frobnicator" in out


def test_on_a_developers_machine_a_missing_tool_skips_and_says_which(tmp_path):
    out = run_sample(tmp_path, None)
    assert "1 passed, 3 skipped" in out, out
    assert "frobnicator is missing: apt-get install frobnicator" in out


def test_no_test_file_skips_without_the_rule():
    """Skips go through the rule: a missing tool through missing_tool(), the other database's
    tests with OTHER_DATABASE in their reason; importorskip would hide a missing package."""
    offenders = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        text = path.read_text()
        if path.name in {"skip_rule.py", "test_skip_rule.py"}:
            continue
        if "importorskip" in text:
            offenders.append(f"{path.name}: importorskip")
        for line in text.splitlines():
            if "pytest.skip(" in line:
                offenders.append(f"{path.name}: {line.strip()}")
    assert not offenders, offenders


def test_a_test_that_opens_no_database_is_left_to_the_sqlite_run(request):
    """This test reaches no database: CI's PostgreSQL run skips it (tests/conftest.py)."""
    assert opens_no_database(request.node)


@pytest.mark.django_db
def test_a_test_with_the_database_runs_on_both(request, settings):
    assert not opens_no_database(request.node)
