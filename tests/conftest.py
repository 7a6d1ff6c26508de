import io
import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tests import early_site, worker_times
from tests.seeded_database import SeededDatabase
from tests.skip_rule import (
    NO_DATABASE_ON_POSTGRES,
    OTHER_DATABASE,
    opens_no_database,
    pytest_runtest_makereport,  # noqa: F401  (no skip hides a test in CI)
    suite_on_postgres,
)
from tests.xdist_groups import CostRecorder, GroupScheduling, write_groups

# The browser tests serve the site on its embedded default (a SQLite file of its own, whatever
# DATABASE_URL says: tests/browser/conftest.py), so on CI's PostgreSQL run they would repeat
# the SQLite run's tests exactly.
BROWSER_ON_POSTGRES = pytest.mark.skip(
    reason=f"{OTHER_DATABASE}: the browser tests serve the site on its embedded SQLite default "
    "in either run; they run in the SQLite run"
)


def pytest_collection_modifyitems(config, items):
    """In a parallel run (pytest-xdist, `--dist loadgroup`) the browser tests stay in one worker:
    they share one served site and one Chromium, built once per worker. Likewise the tests of a
    module that share a module-scoped fixture (a backup's environments, moto and Redis, the large
    site of the query budgets, ...): spread over both workers, each worker would build it again.
    On CI's PostgreSQL run, a test that opens no database is skipped: the SQLite run ran it."""
    on_postgres = suite_on_postgres()
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.xdist_group("browser"))
            if on_postgres:
                item.add_marker(BROWSER_ON_POSTGRES)
        elif not item.get_closest_marker("xdist_group") and uses_a_module_fixture(item):
            item.add_marker(pytest.mark.xdist_group(item.nodeid.split("::")[0]))
        if on_postgres and opens_no_database(item):
            item.add_marker(NO_DATABASE_ON_POSTGRES)
    write_groups(items)  # for the scheduler below (tests/xdist_groups.py)


def pytest_xdist_node_collection_finished(node, ids):
    early_site.start(ids)


def pytest_sessionfinish(session):
    early_site.finish()


def pytest_runtest_logreport(report):
    worker_times.record(report)


def pytest_terminal_summary(terminalreporter):
    worker_times.summary(terminalreporter)


def pytest_addoption(parser):
    parser.addoption(
        "--record-unit-costs",
        action="store_true",
        help="write how long each work unit of a parallel run took to tests/unit_costs.json",
    )


def pytest_configure(config):
    if config.getoption("--record-unit-costs") and not os.environ.get("PYTEST_XDIST_WORKER"):
        config.pluginmanager.register(CostRecorder(), "unit-costs")


def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") == "loadgroup":
        return GroupScheduling(config, log)
    return None


def uses_a_module_fixture(item) -> bool:
    """Whether the test needs (directly or through another fixture) a module-scoped fixture."""
    info = getattr(item, "_fixtureinfo", None)
    if info is None:
        return False
    return any(
        definitions and definitions[-1].scope == "module"
        for definitions in info.name2fixturedefs.values()
    )


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The suite runs with the compiled translation catalogues, as `make run` and deployments do."""
    from django.conf import settings
    from django.test.signals import setting_changed

    call_command("compile_catalogues", stdout=io.StringIO())
    # Forget any catalogue Django loaded before the .mo files were (re)written.
    setting_changed.send(
        sender=None,
        setting="LOCALE_PATHS",
        value=settings.LOCALE_PATHS,
        enter=False,
    )


def seed() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    # The demo site as `make run` leaves it once its worker has run the publish tasks.
    run_task_worker()
    call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture(scope="session")
def django_db_setup(
    request, django_test_environment, django_db_blocker, django_db_modify_db_settings
):
    """Every test starts from the demo site; each test's own changes are rolled back. The demo
    database is made once per run and copied into each parallel worker (tests/seeded_database)."""
    from django.db import connection

    database = SeededDatabase(connection, os.environ.get("PYTEST_XDIST_WORKER", "main"))
    with django_db_blocker.unblock():
        database.setup(seed)
    keep_pristine_media()
    yield
    with django_db_blocker.unblock():
        database.teardown()


def _pristine_media_root():
    from django.conf import settings

    return Path(str(settings.MEDIA_ROOT).rstrip("/") + "-pristine")


def keep_pristine_media() -> None:
    """A copy of the demo's files as seeded: a test's database changes are rolled back, but a
    file it deleted (a deleted image's file, once its transaction's on-commit callbacks ran)
    would stay deleted for every later test in the process."""
    from django.conf import settings

    pristine = _pristine_media_root()
    shutil.rmtree(pristine, ignore_errors=True)
    if Path(settings.MEDIA_ROOT).is_dir():
        shutil.copytree(settings.MEDIA_ROOT, pristine)


@pytest.fixture(autouse=True)
def restore_deleted_demo_files():
    """Puts back every seeded file a test deleted (see keep_pristine_media)."""
    yield
    from django.conf import settings

    pristine = _pristine_media_root()
    if not pristine.is_dir():
        return
    media = Path(settings.MEDIA_ROOT)
    for folder, _dirs, files in os.walk(pristine):
        for name in files:
            source = Path(folder) / name
            target = media / source.relative_to(pristine)
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target)


def run_task_worker() -> None:
    """The real worker (`manage.py db_worker --batch`): runs every queued task, then returns.
    Its signal handlers stay out of the test run (pytest keeps Ctrl-C)."""
    from django_tasks_db.management.commands import db_worker

    configure_signals = db_worker.Worker.configure_signals
    db_worker.Worker.configure_signals = lambda self: None
    try:
        call_command(
            "db_worker",
            "--batch",
            "--no-reload",
            "--no-startup-delay",
            "--interval",
            "0",
            verbosity=0,
            stdout=io.StringIO(),
        )
    finally:
        db_worker.Worker.configure_signals = configure_signals


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """A test's database changes are rolled back without signals: what the shared cache kept
    of them (site chrome, renditions) must not outlive the test."""
    yield
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def two_factor_sessions(request, monkeypatch):
    """Staff reach the admin only with a second factor (sitewide.staff.two_factor). Tests that sign
    in with `client.force_login(user)` test what staff do after signing in, so here that login also
    does what the second step does: it gives the user a confirmed TOTP device and marks the
    session verified with it, as `django_otp.login` would. Tests marked `password_only` keep
    Django's plain login, to prove that a password alone opens nothing
    (tests/security/test_two_factor.py).
    """
    if request.node.get_closest_marker("password_only"):
        return
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    password_only_login = Client.force_login

    def force_login(self, user, backend=None):
        password_only_login(self, user, backend)
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def seeded(db):
    return db


@pytest.fixture
def client_en(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def immediate_tasks(settings):
    """Background tasks run inside the call that enqueues them (django-tasks' ImmediateBackend),
    for tests about what a task does rather than about the queue. The suite's default is the
    production queue (the database backend), where nothing runs until a worker takes it."""
    immediate = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
    settings.TASKS = {"default": immediate, "immediate": immediate}


@pytest.fixture
def task_worker(monkeypatch):
    """The real worker in this process, inside the test's transaction: `task_worker()` runs
    every queued task and returns how many it ran. The transaction stands in for the worker's
    own connection, so the worker's connection recycling (which would close it) is left out."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> int:
        waiting = DBTaskResult.objects.ready().count()
        run_task_worker()
        return waiting - DBTaskResult.objects.ready().count()

    return run
