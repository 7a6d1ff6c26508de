"""Every search query is text: quotes, operators, NUL and very long queries reach no database
as syntax. The reader's page answers 200 with results or a message; the API a JSON 400 when
nothing searchable is left. The outage page is for an unreachable database only."""

import sqlite3
import tempfile
from pathlib import Path

import pytest
from django.db import connection
from django.db.utils import DatabaseErrorWrapper, OperationalError

from sitewide.search.text import search_words
from sitewide.serving.outage import is_database_outage

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"
ODD = [
    '"',
    'a"',
    '"trust',
    'trust"back',
    "NEAR(trust",
    "trust*",
    "^trust",
    "-trust",
    "trust OR",
    "AND",
    "'",
    "\\",
    "trust:",
    "(",
    ")",
    "{}",
    "a & b | !c",
    "%",
    "_",
    "＂trust＂",
    "\u200b",
]


def test_only_words_remain():
    assert search_words('"trust') == "trust"
    assert search_words('a"') == "a"
    assert search_words('"') == ""
    assert search_words("\x00") == ""
    assert search_words("vertrouwen*:^ -terug") == "vertrouwen terug"
    assert search_words("الثقة") == "الثقة"  # any script, marks kept
    assert search_words("x" * 10_000) == "x" * 10_000
    assert len(search_words("a " * 1000).split()) == 32


@pytest.mark.parametrize("query", ODD + ["\x00", "x" * 10_000, "a " * 5_000])
def test_the_readers_search_answers_200_with_results_or_a_message(client, query):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200, query
    assert "Retry-After" not in response
    text = response.content.decode()
    assert "lr-results" in text or "Nothing found" in text or "lr-search-message" in text


def test_a_quoted_word_is_found_as_the_word(client):
    text = client.get("/en/search/", {"q": '"trust'}).content.decode()
    assert "lr-results" in text and "Getting my trust back" in text


def test_a_long_search_says_it_was_shortened(client):
    text = client.get("/en/search/", {"q": "trust " * 2000}).content.decode()
    assert "only its first 200 characters were used" in text


def test_a_search_without_words_says_so(client):
    text = client.get("/en/search/", {"q": '"'}).content.decode()
    assert "punctuation and symbols alone find nothing" in text


@pytest.mark.parametrize("query", ['"', "\x00", "x" * 10_000, "()", "*"])
def test_the_api_answers_400_json_when_nothing_searchable_is_left(client, query):
    response = client.get(API, {"search": query})
    assert response.status_code == 400, query
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["message"]


@pytest.mark.parametrize("query", [q for q in ODD if search_words(q)])
def test_the_api_searches_the_words_of_an_odd_query(client, query):
    response = client.get(API, {"search": query})
    assert response.status_code == 200, (query, response.content[:200])
    assert "items" in response.json()


def test_the_api_finds_a_quoted_word(client):
    items = client.get(API, {"search": '"trust', "locale": "en"}).json()["items"]
    assert any("trust" in item["title"].lower() for item in items)


def test_organisations_search_takes_odd_queries_too(client):
    assert client.get("/api/v2/organisations/", {"search": '"'}).status_code == 400
    assert client.get("/api/v2/organisations/", {"search": 'a"'}).status_code == 200


# --- the outage detector -------------------------------------------------------------------------


def django_error(run) -> BaseException:
    """The exception Django raises for a driver error, wrapped as Django wraps it."""
    try:
        with DatabaseErrorWrapper(connection):
            run()
    except Exception as error:  # noqa: BLE001 - the wrapped error is what is looked at
        return error
    raise AssertionError("no error")


# sqlite3's own errors, wrapped as Django wraps them for the SQLite connection; the PostgreSQL
# errors are tested in tests/serving/test_faults.py.
SQLITE_ERRORS = pytest.mark.skipif(
    connection.vendor != "sqlite",
    reason="other database run: sqlite3's errors as Django's SQLite connection wraps them",
)


@SQLITE_ERRORS
def test_a_query_the_database_refuses_is_no_outage():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    error = django_error(lambda: db.execute("SELECT * FROM t WHERE t MATCH ?", ('"',)))
    assert isinstance(error, OperationalError)
    assert not is_database_outage(error)
    error = django_error(lambda: db.execute("SELEC 1"))
    assert isinstance(error, OperationalError) and not is_database_outage(error)


@SQLITE_ERRORS
def test_an_unreachable_database_is_an_outage():
    missing = Path(tempfile.mkdtemp()) / "no" / "such" / "dir" / "db.sqlite3"
    error = django_error(lambda: sqlite3.connect(missing))
    assert isinstance(error, OperationalError) and is_database_outage(error)
    db = sqlite3.connect(":memory:")
    error = django_error(lambda: db.execute("SELECT * FROM wagtailcore_page"))
    assert is_database_outage(error)  # an empty, re-created file


def test_a_refused_postgresql_connection_is_an_outage():
    import socket

    from django.db.backends.postgresql.base import DatabaseWrapper

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    settings = {
        **connection.settings_dict,
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "x",
        "USER": "x",
        "PASSWORD": "",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "OPTIONS": {"connect_timeout": 2},
    }
    closed = DatabaseWrapper(settings, alias="closed")
    with pytest.raises(OperationalError) as refused:
        closed.ensure_connection()
    assert is_database_outage(refused.value)


def test_health_stays_ok_and_search_never_says_outage(client):
    assert client.get("/health/").json()["database"] == "ok"
    for query in ['"', 'a"', '"trust', "\x00"]:
        assert client.get("/en/search/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("driver_error", "outage"),
    [
        ("QueryCanceled", False),  # a statement timeout: the statement's fault
        ("DeadlockDetected", False),
        ("LockNotAvailable", False),
        ("CannotConnectNow", True),  # the server is starting or stopping
        ("AdminShutdown", True),
        ("TooManyConnections", True),
        ("ObjectNotInPrerequisiteState", True),  # the database accepts no connections
    ],
)
def test_postgresql_errors_are_judged_by_their_sqlstate(driver_error, outage):
    import psycopg.errors

    error = OperationalError("wrapped as Django wraps it")
    error.__cause__ = getattr(psycopg.errors, driver_error)("from the server")
    assert is_database_outage(error) is outage
