"""What readers get while the database cannot be reached: a static 503 page, never a traceback.

Used by DatabaseUnavailableMiddleware (errors of views and of template rendering) and by the 500
handler (errors raised in other middleware or while rendering the 404 page). Nothing here touches
the database, and nothing remembers a failure: the next request tries the database again.
"""

import logging
import secrets
import time
from pathlib import Path

from django.core.cache import cache
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from sitewide.serving import paths

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# A plain HTML file, not a template: it renders without the database, context processors or the
# static files manifest. Its stylesheet link uses the unhashed name, which whitenoise also serves.
PAGE = Path(__file__).resolve().parents[2] / "templates" / "503.html"
# Where the page names the reader's language, if the address has one other than Dutch and English.
READER_LANGUAGE_MARK = "<!-- reader's language -->"
MESSAGE_TEMPLATE = "includes/unavailable_message.html"
LOG_INTERVAL_SECONDS = 10.0
HEALTH_PATH = paths.HEALTH  # the one list of prefixes
HEALTH_CACHE_KEY = "sitewide:health-probe"
_last_logged = -LOG_INTERVAL_SECONDS


# SQLite raises OperationalError both for a file it cannot use and for a query it cannot run
# (an FTS5 syntax error, a missing column). These messages are the file's, not the query's.
SQLITE_OUTAGE_MESSAGES = (
    "unable to open database file",
    "database is locked",
    "database table is locked",
    "disk i/o error",
    "no such table",  # a missing file is re-created empty on connect
    "file is not a database",
    "database disk image is malformed",
    "attempt to write a readonly database",
    "readonly database",
    "database or disk is full",
)
# PostgreSQL SQLSTATEs of the statement, not of the server: data, integrity and transaction
# state (2x), a rolled-back transaction such as a deadlock (40), syntax and access (42), check
# option (44), a lock not granted (55P03), a cancelled statement (57014). Every other state of an
# OperationalError (connection 08, authorisation 28, no such database 3D, resources 53, not
# accepting connections 55000, shutdown 57P0x, I/O 58, internal XX) is the server's.
POSTGRES_QUERY_STATES = ("2", "40", "42", "44", "55P03", "57014")


def _is_connection_failure(exc: BaseException) -> bool:
    """For one driver-level error: does it say the database cannot be reached or used?"""
    module = type(exc).__module__ or ""
    if module.startswith("psycopg"):
        if not isinstance(exc, _psycopg_operational()):
            return False
        sqlstate = getattr(exc, "sqlstate", None)
        # No state: a client-side failure (refused, timed out, lost: no server answered).
        return sqlstate is None or not sqlstate.startswith(POSTGRES_QUERY_STATES)
    if module.startswith("sqlite3"):
        message = str(exc).lower()
        return any(text in message for text in SQLITE_OUTAGE_MESSAGES)
    return False


def _psycopg_operational():
    import psycopg

    return psycopg.OperationalError | psycopg.InterfaceError


def is_database_outage(exc: BaseException | None) -> bool:
    """True for errors that mean the database is unreachable, locked or unreadable, not a bug
    and not a query the database refused.

    Django raises OperationalError and InterfaceError for a refused or lost connection and a
    missing or locked SQLite file, and a bare DatabaseError for SQLite's "file is not a
    database"; but SQLite also raises OperationalError for a query it cannot run (one double
    quote in a full-text search), and PostgreSQL for a cancelled statement or a deadlock. So the
    driver's own error decides (its PostgreSQL SQLSTATE, or SQLite's message); errors without one
    (InterfaceError from Django itself: the connection is closed) count as an outage.
    Subclasses such as IntegrityError or ProgrammingError are faults of the code and stay 500s.
    The chain of causes is followed, for code that re-raises.
    """
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OperationalError | InterfaceError) or type(exc) is DatabaseError:
            driver_error = exc.__cause__
            if driver_error is None or not type(driver_error).__module__.startswith(
                ("psycopg", "sqlite3")
            ):
                return True
            return _is_connection_failure(driver_error)
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def in_reader_language(request, error: bool = False):
    """The 503 (or, with `error`, the 500) message in the language of the address (`/ar/…`),
    for a language other than the pages' own Dutch and English; "" otherwise. Rendered from
    the translation catalogues alone: no database, no request context. The template engine's
    output is a SafeString, so the 500 template prints it as it is."""
    from django.conf import settings
    from django.template import loader

    path = getattr(request, "path_info", "") or ""
    first = path.lstrip("/").split("/", 1)[0].lower()
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    code = codes.get(first)
    if code is None or code in ("nl", "en"):
        return SafeString()
    with translation.override(code):
        return loader.render_to_string(MESSAGE_TEMPLATE, {"error": error})


def unavailable_response(request, exc: BaseException | None = None) -> HttpResponse:
    _log(request, exc)
    if request is not None and request.path_info.startswith(paths.API):
        from sitewide.api.http import answer_language

        with translation.override(answer_language(request)):
            message = gettext("The database is unavailable. Try again later.")
        response = JsonResponse({"message": message}, status=503)
    else:
        page = PAGE.read_text(encoding="utf-8")
        page = page.replace(READER_LANGUAGE_MARK, in_reader_language(request))
        response = HttpResponse(page, status=503, content_type="text/html; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # No cache or proxy may keep the outage page in place of the real one.
    add_never_cache_headers(response)
    # Django would log every 503 with its traceback; _log() above speaks for the outage instead.
    response._has_been_logged = True
    return response


def _log(request, exc) -> None:
    """A warning now and then, not one per request, while the database is away."""
    global _last_logged
    now = time.monotonic()
    if now - _last_logged < LOG_INTERVAL_SECONDS:
        return
    _last_logged = now
    path = request.path if request is not None else "?"
    logger.warning("Database unavailable, answering 503 (%s): %s", path, exc)


def health(request) -> HttpResponse:
    """/health/: the state of the database and the shared cache, as JSON, for monitoring.

    200 while the database answers ("degraded" when only the cache fails: pages still render),
    503 with Retry-After while it does not. DatabaseUnavailableMiddleware answers it before any
    other middleware runs (site lookup, sessions), so no query but its own can fail it first, and
    no cookie is set. It reads a table the site needs rather than `SELECT 1`: a missing SQLite
    file is re-created empty on connect and would answer `SELECT 1` happily.
    """
    from wagtail.models import Site

    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD"])
    try:
        Site.objects.exists()
        database = "ok"
    except Exception as exc:  # whatever failed, a monitor needs the same answer
        if not is_database_outage(exc):
            logger.exception("Health check: the database query failed")
        database = "unavailable"
    try:
        token = secrets.token_hex(8)
        cache.set(HEALTH_CACHE_KEY, token, 30)
        cache_state = "ok" if cache.get(HEALTH_CACHE_KEY) == token else "unavailable"
    except Exception:  # a cache backend raises whatever its client raises
        logger.exception("Health check: the cache failed")
        cache_state = "unavailable"
    if database != "ok":
        status = "unavailable"
    elif cache_state != "ok":
        status = "degraded"
    else:
        status = "ok"
    response = JsonResponse(
        {"database": database, "cache": cache_state, "status": status},
        status=503 if status == "unavailable" else 200,
    )
    if response.status_code == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    add_never_cache_headers(response)
    return response
