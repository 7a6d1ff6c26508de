"""No test passes by skipping what it tests.

A skip is allowed in two cases, and says which in its reason:

- the test belongs to CI's other database run (`.ci/run` runs the whole suite on SQLite, then
  again on PostgreSQL): its reason contains `OTHER_DATABASE` ("other database run");
- a tool is missing on a developer's machine: `missing_tool()` names it and how to install it.

With `CI` set (CI=true, as CI services and `.ci/run` set it), every other skip fails, and
`missing_tool()` fails instead of skipping: CI installs every tool the suite needs, so a skip there
would turn a test green that tested nothing. tests/conftest.py loads the hook below.
"""

import os

import pytest

OTHER_DATABASE = "other database run"


def suite_on_postgres() -> bool:
    """Whether this run's database is PostgreSQL (DATABASE_URL; scripts/served_site's rule)."""
    from scripts.served_site import is_postgres

    return is_postgres(os.environ.get("DATABASE_URL"))


# Tests of a site served on a SQLite file of its own (not the suite's database): on CI's
# PostgreSQL run they would repeat the SQLite run exactly.
OWN_SQLITE_SITE = pytest.mark.skipif(
    suite_on_postgres(),
    reason=f"{OTHER_DATABASE}: the served site runs on a SQLite file of its own, not the "
    "suite's database",
)


# What a test asks for when it opens the suite's database (pytest-django's fixtures), and what a
# module names when it reaches a database some other way (a DATABASE_URL handed to a process).
_DATABASE_FIXTURES = {"db", "transactional_db", "django_db_setup", "client", "admin_client"}
_DATABASE_WORDS = ("DATABASE_URL", "is_postgres", "suite_on_postgres", "connection", "DATABASES")

NO_DATABASE_ON_POSTGRES = pytest.mark.skip(
    reason=f"{OTHER_DATABASE}: the test opens no database, so the SQLite run's answer is this "
    "run's too"
)


def opens_no_database(item) -> bool:
    """Whether a test cannot reach any database: no django_db mark, none of pytest-django's
    database fixtures, and a module that never names a database's address or connection."""
    if item.get_closest_marker("django_db") or item.get_closest_marker("browser"):
        return False
    if set(getattr(item, "fixturenames", ())) & _DATABASE_FIXTURES:
        return False
    source = _module_source(str(item.fspath))
    return not any(word in source for word in _DATABASE_WORDS)


_sources: dict[str, str] = {}


def _module_source(path: str) -> str:
    if path not in _sources:
        with open(path, encoding="utf-8") as file:
            _sources[path] = file.read()
    return _sources[path]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes", "on"}


def missing_tool(tool: str, install: str):
    """Skip (on a developer's machine) or fail (in CI): `tool` is missing; `install` says how
    to get it."""
    message = f"{tool} is missing: {install}"
    if in_ci():
        pytest.fail(f"{message} (CI installs every tool the tests need)", pytrace=False)
    pytest.skip(message)


def skip_reason(report) -> str:
    longrepr = report.longrepr
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        return str(longrepr[2])
    return str(longrepr)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not (report.skipped and in_ci()) or hasattr(report, "wasxfail"):
        return
    reason = skip_reason(report)
    if OTHER_DATABASE in reason:
        return
    report.outcome = "failed"
    report.longrepr = (
        f"Skipped in CI ({reason}). A skip in CI hides what the test tests: install what it "
        f"needs, or, if the test belongs to the other database's run, say "
        f"{OTHER_DATABASE!r} in its reason (tests/skip_rule.py)."
    )
