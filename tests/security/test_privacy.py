"""Reader privacy: no cookies, logs without addresses, and a privacy statement in every language."""

import io
import logging
import re
import subprocess
from datetime import timedelta
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.app.base import Application

from sitewide.models import InformationPage, LanguageSettings
from sitewide.operations.logs import RemoveAddresses
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, first_story_path

ROOT = Path(__file__).resolve().parents[2]
GUNICORN_CONF = ROOT / "site" / "gunicorn.conf.py"
READER_ADDRESS = "203.0.113.47"
READER_ADDRESS_V6 = "2001:db8::47"
REFERRER = "https://referrer.example/what-i-read-before"


def story_path(language: str) -> str:
    return TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code=language).url


# --- no cookies ---------------------------------------------------------------------------------

READER_URLS = {
    "home": lambda: "/nl/",
    "story": lambda: story_path("nl"),
    "story-en": lambda: story_path("en"),
    "search": lambda: "/nl/search/?q=vertrouwen",
    "sitemap": lambda: "/sitemap.xml",
    "not-found": lambda: "/nl/bestaat-niet/",
    "privacy": lambda: "/en/privacy/",
    "api-list": lambda: "/api/v2/pages/",
    "api-not-found": lambda: "/api/v2/pages/999999999/",
}


@pytest.mark.django_db
@pytest.mark.parametrize("kind", READER_URLS)
def test_anonymous_readers_get_no_cookie_and_nothing_varies_by_cookie(client, kind):
    response = client.get(
        READER_URLS[kind](), REMOTE_ADDR=READER_ADDRESS, HTTP_REFERER=REFERRER, secure=True
    )
    assert response.status_code in (200, 404), response.status_code
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers
    assert "cookie" not in response.get("Vary", "").lower()


# --- logs ---------------------------------------------------------------------------------------


def test_the_filter_removes_addresses_and_keeps_the_rest():
    from sitewide.operations.logs import remove_addresses

    assert remove_addresses(f"Invalid request from ip={READER_ADDRESS}: bad") == (
        "Invalid request from ip=[address]: bad"
    )
    assert remove_addresses(f"peer [{READER_ADDRESS_V6}]:443 and ::1") == (
        "peer [[address]]:443 and [address]"
    )
    assert remove_addresses(f"{READER_ADDRESS}:51234 closed") == "[address]:51234 closed"
    kept = f"GET {first_story_path('nl')} at 12:30:45, Django 5.2.19, etag deadbeef"
    assert remove_addresses(kept) == kept


@pytest.fixture
def console_output():
    """What Django's configured console handler writes, for the duration of a test."""
    # The root logger's console, and the one-line console of refused Host headers.
    loggers = [logging.getLogger(), logging.getLogger("django.security.DisallowedHost")]
    handlers = [
        handler
        for logger in loggers
        for handler in logger.handlers
        if any(isinstance(f, RemoveAddresses) for f in handler.filters)
    ]
    assert handlers, "the root logger has no console handler that removes addresses"
    stream = io.StringIO()
    previous = [handler.setStream(stream) for handler in handlers]
    yield stream
    for handler, old in zip(handlers, previous, strict=True):
        handler.setStream(old)


def test_django_logs_keep_no_address(console_output):
    logging.getLogger("django.request").warning(
        "Bad request from %s via %s", READER_ADDRESS, READER_ADDRESS_V6
    )
    try:
        raise ValueError(f"connection from {READER_ADDRESS} reset")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /nl/")
    output = console_output.getvalue()
    assert "Bad request from [address] via [address]" in output
    assert "ValueError: connection from [address] reset" in output
    assert READER_ADDRESS not in output and READER_ADDRESS_V6 not in output


@pytest.mark.django_db
def test_a_readers_request_leaves_no_address_or_referrer_in_djangos_log(client, console_output):
    client.get("/nl/bestaat-niet/", REMOTE_ADDR=READER_ADDRESS, HTTP_REFERER=REFERRER)
    client.get(
        "/nl/", HTTP_HOST=READER_ADDRESS, REMOTE_ADDR=READER_ADDRESS, HTTP_REFERER=REFERRER
    )  # a host not allowed: Django logs the Host header it refused
    output = console_output.getvalue()
    assert "Not Found: /nl/bestaat-niet/" in output
    assert "Invalid HTTP_HOST header" in output
    assert READER_ADDRESS not in output and REFERRER not in output


def test_django_sends_no_error_mail():
    """Django's error mails would carry the reader's address, referrer and headers."""
    for name in ("django", "django.request", "django.security"):
        handlers = logging.getLogger(name).handlers
        assert not any(h.__class__.__name__ == "AdminEmailHandler" for h in handlers), name
    assert not settings.LOGGING["loggers"]["django"]["handlers"]


class GunicornConfig(Application):
    """gunicorn's own loader, reading only the project's config file."""

    def __init__(self, path: Path):
        self.path = path
        super().__init__()

    def load_config(self):
        self.load_config_from_file(str(self.path))

    def load(self):  # pragma: no cover - never serves
        raise NotImplementedError


@pytest.fixture
def gunicorn_logger(tmp_path):
    config = GunicornConfig(GUNICORN_CONF).cfg
    config.set("accesslog", str(tmp_path / "access.log"))
    config.set("errorlog", str(tmp_path / "error.log"))
    logger = config.logger_class(config)
    yield config, logger, tmp_path
    for log in (logger.error_log, logger.access_log):
        for handler in log.handlers:
            handler.close()


def test_gunicorn_access_log_format_names_no_reader_detail(gunicorn_logger):
    config, _logger, _tmp = gunicorn_logger
    log_format = config.access_log_format
    for atom in ("%(h)s", "%(f)s", "%(a)s", "%(q)s", "%(r)s", "%(u)s"):
        assert atom not in log_format, atom
    assert not re.search(r"\{[^}]+\}[ieo]", log_format), "no request headers or environ"
    for atom in ("%(t)s", "%(U)s", "%(s)s", "%(B)s", "%(L)s"):
        assert atom in log_format, atom


def test_gunicorn_writes_time_path_status_size_and_duration_only(gunicorn_logger):
    _config, logger, tmp = gunicorn_logger
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/nl/search/?q=uitbuiting",
        "PATH_INFO": "/nl/search/",
        "QUERY_STRING": "q=uitbuiting",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "REMOTE_ADDR": READER_ADDRESS,
        "HTTP_REFERER": REFERRER,
        "HTTP_USER_AGENT": "ReaderBrowser/1.0",
    }
    request = SimpleNamespace(headers=[("REFERER", REFERRER), ("USER-AGENT", "ReaderBrowser/1.0")])
    response = SimpleNamespace(status="200 OK", sent=1234, headers=[])
    logger.access(response, request, environ, timedelta(milliseconds=42))
    # gunicorn names the client of a malformed request in its error log.
    logger.warning(f"Invalid request from ip={READER_ADDRESS}: Invalid HTTP request line")
    access = (tmp / "access.log").read_text()
    error = (tmp / "error.log").read_text()
    assert '"GET /nl/search/ HTTP/1.1" 200 1234 0.042000s' in access
    assert "Invalid request from ip=[address]" in error
    for secret in (READER_ADDRESS, REFERRER, "ReaderBrowser", "uitbuiting"):
        assert secret not in access and secret not in error, secret


def test_make_run_serves_with_the_config_file():
    commands = subprocess.run(
        ["make", "-n", "run"], capture_output=True, text=True, cwd=ROOT, timeout=60
    ).stdout
    gunicorn = [line for line in commands.splitlines() if "gunicorn sitewide.wsgi" in line]
    assert gunicorn, commands
    assert "--config site/gunicorn.conf.py" in gunicorn[0]
    assert "access-logformat" not in commands and "access-logfile" not in commands


# --- the privacy statement ----------------------------------------------------------------------

STATEMENT = {
    "nl": ("/nl/privacy/", "Privacyverklaring", ["IP-adres", "14 dagen", "30 dagen", "cookies"]),
    "en": ("/en/privacy/", "Privacy statement", ["IP address", "14 days", "30 days", "cookies"]),
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", STATEMENT)
def test_privacy_statement_per_language_linked_in_the_footer(client, language):
    path, link_text, facts = STATEMENT[language]
    page = InformationPage.objects.get(locale__language_code=language, slug="privacy")
    assert page.live and page.url == path
    settings_page = LanguageSettings.objects.get(locale__language_code=language).privacy_page
    assert settings_page.pk == page.pk

    response = client.get(path)
    assert response.status_code == 200
    text = response.content.decode()
    for fact in facts:
        assert fact in text, fact
    assert "info@example.org" in text

    home = client.get(f"/{language}/").content.decode()
    footer = home[home.index('<footer class="lr-footer"') :]
    assert f'<a href="{path}">{link_text}</a>' in footer


@pytest.mark.django_db
def test_footer_has_no_link_when_no_privacy_statement_is_set(client):
    dutch = LanguageSettings.objects.get(locale__language_code="nl")
    dutch.privacy_page = None
    dutch.save()
    home = client.get("/nl/").content.decode()
    assert "Privacyverklaring" not in home
