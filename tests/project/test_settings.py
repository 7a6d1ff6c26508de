"""Settings from the environment: secure by default, clear errors for bad values."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import Environment
from sitewide.languages import configured_languages
from sitewide.settings.database import parse_database_url
from sitewide.settings.mail import parse_email_url

ROOT = Path(__file__).resolve().parents[2]
KEY = "k8Vq2mZ7xR4tW1pL9sD3fG6hJ0bN5cX8vB2nM7qA4wE1rT9yU3i"


def manage(tmp_path, *args, **env):
    """Run manage.py in a clean environment: only what a fresh machine would have."""
    base = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "sitewide.settings",
    }
    base.update(env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=base,
        cwd=ROOT,
        timeout=120,
    )


def test_refuses_to_start_without_secret_key_unless_debug(tmp_path):
    result = manage(tmp_path, "check")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr
    assert manage(tmp_path, "check", DEBUG="1").returncode == 0


def test_check_deploy_is_clean_with_a_key_and_hosts(tmp_path):
    result = manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        SECRET_KEY=KEY,
        ALLOWED_HOSTS="example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_invalid_database_url_names_the_variable(tmp_path):
    result = manage(tmp_path, "check", SECRET_KEY=KEY, DATABASE_URL="nonsense://what")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_language_is_refused(tmp_path):
    result = manage(tmp_path, "check", SECRET_KEY=KEY, SITE_LANGUAGES="nl,xx")
    assert result.returncode != 0
    assert "SITE_LANGUAGES" in result.stderr and "xx" in result.stderr


def test_database_url_defaults_to_sqlite_in_wal_mode(tmp_path):
    config = parse_database_url(None, default_sqlite_path=tmp_path / "db.sqlite3")
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]


def test_postgres_url_is_parsed():
    config = parse_database_url("postgres://u:p@127.0.0.1:5432/name", default_sqlite_path=Path("x"))
    assert config["ENGINE"] == "django.db.backends.postgresql"
    assert (config["NAME"], config["USER"], config["PORT"]) == ("name", "u", 5432)


@pytest.mark.parametrize("url", ["mysql://u:p@h/db", "postgres://u:p@h:5432"])
def test_unsupported_or_incomplete_database_urls_are_refused(url):
    with pytest.raises(ImproperlyConfigured, match="DATABASE_URL"):
        parse_database_url(url, default_sqlite_path=Path("x"))


def test_email_url():
    assert parse_email_url(None)[0].endswith("console.EmailBackend")
    backend, options = parse_email_url("smtp+tls://me%40x.org:s3cret@mail.example.org:2525")
    assert backend.endswith("smtp.EmailBackend")
    assert options["EMAIL_HOST"] == "mail.example.org"
    assert options["EMAIL_PORT"] == 2525
    assert options["EMAIL_HOST_USER"] == "me@x.org"
    assert options["EMAIL_USE_TLS"] is True
    with pytest.raises(ImproperlyConfigured, match="EMAIL_URL"):
        parse_email_url("carrier-pigeon://x")


def test_a_flag_rejects_nonsense():
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of .*; got 'perhaps'"):
        Environment({"DEBUG": "perhaps"})("DEBUG")
    assert Environment({"DEBUG": "yes"})("DEBUG") is True
    assert Environment({"DEBUG": ""})("DEBUG") is False
    assert Environment({})("DEBUG") is False


def test_the_schema_reads_every_type_with_errors_that_name_the_variable():
    read = Environment(
        {"ALLOWED_HOSTS": " a.example , ,b.example", "API_MAX_AGE": "120", "VAR_DIR": "/v"}
    )
    assert read("ALLOWED_HOSTS") == ["a.example", "b.example"]
    assert read("API_MAX_AGE") == 120
    assert read("VAR_DIR") == Path("/v")
    assert read("CSRF_TRUSTED_ORIGINS") == []
    # A key may start with "$": it is never read as the name of another variable.
    assert Environment({"SECRET_KEY": "$ecret"})("SECRET_KEY") == "$ecret"
    with pytest.raises(ImproperlyConfigured, match="API_MAX_AGE must be a whole number"):
        Environment({"API_MAX_AGE": "a minute"})("API_MAX_AGE")
    with pytest.raises(ImproperlyConfigured, match="REACH_FLUSH_SECONDS must be a number"):
        Environment({"REACH_FLUSH_SECONDS": "30s"})("REACH_FLUSH_SECONDS")
    # Only the schema's variables are read: a new one is added to it (and documented) first.
    with pytest.raises(ImproperlyConfigured, match="NOT_A_VARIABLE is not in the list"):
        Environment({})("NOT_A_VARIABLE")


def test_a_bad_number_stops_the_site_naming_the_variable(tmp_path):
    result = manage(tmp_path, "check", SECRET_KEY=KEY, PAGE_CACHE_SECONDS="an hour")
    assert result.returncode != 0
    assert "PAGE_CACHE_SECONDS must be a whole number" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "origins", ["partner.example", "https://partner.example/", "https://partner.example/api"]
)
def test_cors_origins_are_origins(tmp_path, origins):
    result = manage(tmp_path, "check", SECRET_KEY=KEY, API_CORS_ORIGINS=origins)
    assert result.returncode != 0
    assert "API_CORS_ORIGINS" in result.stderr and repr(origins) in result.stderr
    assert "Traceback" not in result.stderr


def test_languages_come_from_one_setting():
    # By default every known language, so the demo shows them all (Arabic right to left).
    default = ["nl", "en", "de", "fr", "es", "ro", "sr-latn", "hu", "bg", "ar"]
    assert [code for code, _ in configured_languages(None)] == default
    assert [code for code, _ in configured_languages("nl,en,ar")] == ["nl", "en", "ar"]
    with pytest.raises(ImproperlyConfigured):
        configured_languages("en,nl")  # the source language comes first


def test_embedded_default_settings(settings):
    assert settings.CACHES["default"]["BACKEND"] == "sitewide.caching.file_cache.FileCache"
    assert settings.REACH_REDIS_URL == ""  # each process writes its own reach figures
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "sitewide.search.backend"
    assert "whitenoise.middleware.WhiteNoiseMiddleware" in settings.MIDDLEWARE
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE is False


def test_redis_url_selects_the_redis_cache_and_the_reach_counters_in_redis(tmp_path):
    code = (
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND']); "
        "print(settings.REACH_REDIS_URL)"
    )
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "sitewide.settings",
            "SECRET_KEY": KEY,
            "VAR_DIR": str(tmp_path),
            "REDIS_URL": "redis://127.0.0.1:6379/0",
        },
        timeout=60,
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "redis://127.0.0.1:6379/0",
    ], result.stderr
