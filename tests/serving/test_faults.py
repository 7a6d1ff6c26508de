"""Faults: while the database cannot be reached, every public URL answers a static 503 page with
Retry-After (never a traceback or a 500), /health/ says so, and the site recovers by itself.

The outage tests run the real site with gunicorn on a database of its own (scripts/served_site):
a SQLite file that is moved away, replaced by a directory or corrupted, then put back; a
PostgreSQL server that refuses connections; and, when the suite runs on PostgreSQL, a throwaway
database that stops accepting connections and then accepts them again. None restarts gunicorn.
"""

import http.client
import json
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.db.utils import DatabaseError, IntegrityError, InterfaceError, OperationalError
from django.template import engines
from django.template.response import TemplateResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path as url_pattern
from django.urls import reverse

from scripts.served_site import (
    Server,
    build,
    free_port,
    is_postgres,
    postgres_admin,
    site_environment,
    sqlite_path,
    throwaway_postgres,
)
from sitewide.serving.outage import HEALTH_PATH, RETRY_AFTER_SECONDS, is_database_outage
from tests.helpers import first_story_path
from tests.skip_rule import OWN_SQLITE_SITE

# Public URLs and what each answers while the database is up (the API when it exists).
PUBLIC_URLS = {
    "/": 302,
    "/nl/": 200,
    "/en/": 200,
    first_story_path("nl"): 200,
    first_story_path("en"): 200,
    "/en/search/?q=trust": 200,
    "/sitemap.xml": 200,
    "/en/no-such-page/": 404,
    "/api/v2/pages/": 200,
}
ROUNDS = 3  # each URL several times, so that every gunicorn worker meets the outage


# The served sites of these tests know this token: a request that carries it is rendered anew,
# past what the page cache kept (sitewide.caching.page_cache), so it meets the database outage.
BYPASS_TOKEN = uuid.uuid4().hex


def get(base_url: str, path: str, past_the_cache: bool = False) -> http.client.HTTPResponse:
    """One GET, redirects not followed; the response is read and kept on `.body`."""
    parts = urlsplit(base_url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    headers = {"Accept-Language": "nl"}
    if past_the_cache:
        headers["X-Page-Cache-Bypass"] = BYPASS_TOKEN
    try:
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.body = response.read().decode("utf-8", errors="replace")
        return response
    finally:
        conn.close()


def expected_when_up(base_url: str) -> dict[str, int]:
    """PUBLIC_URLS as this site answers them; the API only where it exists."""
    answers = {path: get(base_url, path).status for path in PUBLIC_URLS}
    if answers["/api/v2/pages/"] == 404:
        del answers["/api/v2/pages/"]
    expected = {path: PUBLIC_URLS[path] for path in answers}
    assert answers == expected
    return expected


def assert_site_is_up(base_url: str, expected: dict[str, int]) -> None:
    for _ in range(ROUNDS):
        answers = {path: get(base_url, path).status for path in expected}
        assert answers == expected
    health = get(base_url, "/health/")
    assert health.status == 200
    assert json.loads(health.body) == {"database": "ok", "cache": "ok", "status": "ok"}


def assert_outage_answers(base_url: str, paths) -> None:
    for _ in range(ROUNDS):
        for path in paths:
            # Past the page cache: kept answers are still served while the database is down
            # (see the SQLite test below).
            response = get(base_url, path, past_the_cache=True)
            where = f"{path}: {response.status} {response.body[:300]}"
            assert response.status == 503, where
            assert int(response.getheader("Retry-After")) > 0, where
            assert "no-store" in response.getheader("Cache-Control", ""), where
            assert response.getheader("Set-Cookie") is None, where
            assert "Traceback" not in response.body and "Error" not in response.body, where
            if path.startswith("/api/"):
                assert response.getheader("Content-Type") == "application/json", where
                # In the client's language (these requests ask for Dutch).
                assert "niet bereikbaar" in json.loads(response.body)["message"], where
            else:
                assert response.getheader("Content-Type").startswith("text/html"), where
                assert "Tijdelijk niet beschikbaar" in response.body, where
                assert "Temporarily unavailable" in response.body, where
                # Still the site's security headers: the page passes the outer middleware.
                assert response.getheader("Content-Security-Policy"), where
        health = get(base_url, "/health/")
        assert health.status == 503
        assert int(health.getheader("Retry-After")) > 0
        assert "no-store" in health.getheader("Cache-Control", "")
        assert json.loads(health.body) == {
            "database": "unavailable",
            "cache": "ok",
            "status": "unavailable",
        }


def assert_log_is_clean(server: Server) -> None:
    log = server.log_text()
    assert "Traceback" not in log, log[-4000:]
    assert "Database unavailable, answering 503" in log  # the outage is on record, briefly


# In-process: the pieces, against the test database.


@pytest.mark.django_db
def test_health_answers_ok_as_json_without_caching_or_cookies(client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok", "status": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    # The middleware answers this path itself; the URL pattern names it for the surface registry.
    assert reverse("health") == HEALTH_PATH


def test_outage_errors_are_told_apart_from_faults_of_the_code():
    assert is_database_outage(OperationalError("unable to open database file"))
    assert is_database_outage(InterfaceError("connection already closed"))
    assert is_database_outage(DatabaseError("file is not a database"))
    assert not is_database_outage(IntegrityError("UNIQUE constraint failed"))
    assert not is_database_outage(ValueError("a bug"))
    assert not is_database_outage(None)
    try:
        try:
            raise OperationalError("connection refused")
        except OperationalError as error:
            raise RuntimeError("while rendering") from error
    except RuntimeError as wrapped:
        assert is_database_outage(wrapped)


def test_postgresql_connections_give_up_after_a_few_seconds_unless_the_url_says_otherwise():
    from sitewide.settings.database import parse_database_url

    default = parse_database_url("postgres://u:p@127.0.0.1:5432/name", Path("x"))
    assert default["OPTIONS"]["connect_timeout"] == 5
    chosen = parse_database_url("postgres://u:p@127.0.0.1:5432/name?connect_timeout=2", Path("x"))
    assert chosen["OPTIONS"]["connect_timeout"] == 2


def answers_of_the_500_handler(request):
    """What the 500 handler answers for a database outage and for a fault of the code, each
    raised while it runs as Django calls it; checked to make no query."""
    from sitewide.views import server_error

    with CaptureQueriesContext(connection) as queries:
        try:
            raise OperationalError("server closed the connection unexpectedly")
        except OperationalError:
            outage = server_error(request)
        try:
            raise ValueError("a fault of the code")
        except ValueError:
            fault = server_error(request)
    assert len(queries) == 0
    return outage, fault


@pytest.mark.django_db
def test_500_handler_answers_503_for_an_outage_and_500_otherwise_without_the_database(rf):
    request = rf.get("/nl/")
    outage, fault = answers_of_the_500_handler(request)
    assert outage.status_code == 503 and outage["Retry-After"]
    assert "Temporarily unavailable" in outage.content.decode()
    assert fault.status_code == 500
    assert "Something went wrong" in fault.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ar", "de", "bg"])
def test_outage_and_error_pages_also_speak_the_language_of_the_address(rf, language):
    """Dutch and English always; a reader of /ar/… reads Arabic first, from the catalogues,
    still without the database."""
    from django.utils import translation

    from sitewide.views import server_error

    with translation.override(language):
        unavailable = translation.gettext("Temporarily unavailable")
        wrong = translation.gettext("Something went wrong")
        right_to_left = translation.get_language_bidi()
    assert unavailable != "Temporarily unavailable" and wrong != "Something went wrong"
    request = rf.get(first_story_path(language, slugs="en"))
    outage, fault = answers_of_the_500_handler(request)
    direction = "rtl" if right_to_left else "ltr"
    page = outage.content.decode()
    assert outage.status_code == 503 and unavailable in page
    assert f'<div lang="{language}" dir="{direction}">' in page
    assert page.index(unavailable) < page.index("<h1>Tijdelijk niet beschikbaar")
    assert "Temporarily unavailable" in page
    page = fault.content.decode()
    assert fault.status_code == 500 and wrong in page and "Er ging iets mis" in page
    assert f'<div lang="{language}" dir="{direction}">' in page
    # Dutch and English pages carry their two languages only.
    dutch = server_error(rf.get("/nl/"))
    assert "<div lang=" not in dutch.content.decode()


def _connect_to_a_missing_database():
    """A real driver error: SQLite cannot open a file in a folder that does not exist."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    missing = Path(tempfile.gettempdir()) / f"missing-{uuid.uuid4().hex}" / "db.sqlite3"
    settings_dict = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(missing),
        "OPTIONS": {},
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }
    DatabaseWrapper(settings_dict, alias="missing").ensure_connection()


def _fails_in_the_view(request):
    _connect_to_a_missing_database()


def _fails_while_rendering(request):
    template = engines["django"].from_string("<p>{{ rows }}</p>")
    return TemplateResponse(request, template, {"rows": _connect_to_a_missing_database})


urlpatterns = [
    url_pattern("in-view/", _fails_in_the_view),
    url_pattern("in-rendering/", _fails_while_rendering),
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/in-view/", "/in-rendering/"])
def test_middleware_answers_503_for_an_outage_in_the_view_or_while_rendering(client, settings, url):
    """Through the whole middleware stack, with the driver's own error."""
    with pytest.raises(OperationalError):
        _connect_to_a_missing_database()
    settings.ROOT_URLCONF = __name__
    response = client.get(url)
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert "no-store" in response["Cache-Control"]
    assert "Temporarily unavailable" in response.content.decode()


# Out of process: gunicorn on a database that goes away.


@pytest.fixture(scope="session")
def sqlite_site(tmp_path_factory):
    """Built once per worker and kept: other tests may run between the three that use it."""
    root = tmp_path_factory.mktemp("faults-sqlite")
    env = site_environment(root, extra={"PAGE_CACHE_BYPASS_TOKEN": BYPASS_TOKEN})
    build(env)
    with Server(env, root, workers=2) as server:
        yield server, sqlite_path(env)


def _take_away(database: Path, aside: Path) -> None:
    aside.mkdir(exist_ok=True)
    for path in database.parent.glob(database.name + "*"):
        shutil.move(path, aside / path.name)


def _put_back(database: Path, aside: Path) -> None:
    # Whatever stands in its place: what SQLite re-created, a directory, garbage.
    # SQLite may remove its -wal/-shm files between the listing and the removal.
    for path in database.parent.glob(database.name + "*"):
        shutil.rmtree(path, ignore_errors=True) if path.is_dir() else path.unlink(missing_ok=True)
    for path in aside.iterdir():
        shutil.move(path, database.parent / path.name)


def _nothing(database: Path) -> None:
    """The file is gone (SQLite re-creates it empty on connect: no tables)."""


def _directory(database: Path) -> None:
    """Unreadable: a directory where the file should be (root reads any file mode)."""
    database.mkdir()


def _garbage(database: Path) -> None:
    database.write_bytes(b"this is not a database\n" * 512)


# These served sites do not use the suite's database (a SQLite file of their own, or a server
# that is not there): on the PostgreSQL run they would repeat the SQLite run exactly.
SQLITE_SITE_ON_POSTGRES = OWN_SQLITE_SITE


# One served site for the three (a module fixture), so the three run in one worker.
@SQLITE_SITE_ON_POSTGRES
@pytest.mark.xdist_group("faults-sqlite")
@pytest.mark.parametrize("replacement", [_nothing, _directory, _garbage], ids=lambda f: f.__name__)
def test_sqlite_outage_answers_503_and_the_site_recovers_without_a_restart(
    sqlite_site, tmp_path, replacement
):
    server, database = sqlite_site
    expected = expected_when_up(server.url)
    workers = server.worker_pids()
    assert len(workers) == 2

    kept = get(server.url, first_story_path("en"))
    assert kept.getheader("X-Page-Cache") == "hit"  # kept by expected_when_up's requests

    _take_away(database, tmp_path / "aside")
    replacement(database)
    try:
        assert_outage_answers(server.url, expected)
        # The outage page's stylesheet still loads: static files need no database.
        assert get(server.url, "/static/longread/reader.css").status == 200
        # Pages the page cache kept are still read: no consent can change while the database
        # is down, and no kept page outlives midnight.
        still = get(server.url, first_story_path("en"))
        assert still.status == 200 and still.body == kept.body
    finally:
        _put_back(database, tmp_path / "aside")

    assert_site_is_up(server.url, expected)
    assert server.process.poll() is None
    assert server.worker_pids() == workers  # no worker died or was replaced
    assert_log_is_clean(server)


@SQLITE_SITE_ON_POSTGRES
def test_unreachable_postgresql_answers_503(tmp_path):
    """A PostgreSQL server that refuses connections (nothing listens on the port)."""
    url = f"postgres://longread:unused@127.0.0.1:{free_port()}/longread"
    env = site_environment(tmp_path, url, extra={"PAGE_CACHE_BYPASS_TOKEN": BYPASS_TOKEN})
    started = time.monotonic()
    with Server(env, tmp_path, workers=2) as server:
        assert_outage_answers(server.url, PUBLIC_URLS)
        assert_log_is_clean(server)
    assert time.monotonic() - started < 120


POSTGRES_URL = os.environ.get("DATABASE_URL")


@pytest.mark.skipif(
    not is_postgres(POSTGRES_URL),
    reason="other database run: needs DATABASE_URL pointing at PostgreSQL (.ci/run); "
    "the SQLite outage is tested above on every run.",
)
def test_postgresql_database_that_refuses_connections_then_returns(tmp_path):
    from psycopg import sql

    with throwaway_postgres(POSTGRES_URL, "faults") as url:
        name = urlsplit(url).path.lstrip("/")
        env = site_environment(tmp_path, url, extra={"PAGE_CACHE_BYPASS_TOKEN": BYPASS_TOKEN})
        build(env)
        with Server(env, tmp_path, workers=2) as server:
            expected = expected_when_up(server.url)
            workers = server.worker_pids()
            with postgres_admin(POSTGRES_URL) as admin:
                # No new connections, and the workers' open (persistent) connections cut.
                admin.execute(
                    sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS false").format(
                        sql.Identifier(name)
                    )
                )
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s",
                    [name],
                )
                try:
                    assert_outage_answers(server.url, expected)
                finally:
                    admin.execute(
                        sql.SQL("ALTER DATABASE {} ALLOW_CONNECTIONS true").format(
                            sql.Identifier(name)
                        )
                    )
            assert_site_is_up(server.url, expected)
            assert server.worker_pids() == workers
            assert_log_is_clean(server)
