"""Reading settings from the environment, with errors that name the variable."""

import os
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def read_local_secret_key(var_dir: Path) -> str:
    """The key `make run` generated for this checkout, if any (var/ is never committed)."""
    path = Path(var_dir) / "secret_key"
    try:
        return path.read_text().strip()
    except OSError:
        return ""


def parse_database_url(url: str | None, default_sqlite_path: Path) -> dict:
    if not url:
        return sqlite_database(default_sqlite_path)
    try:
        config = dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    except Exception as error:  # dj-database-url raises several kinds; all mean one thing here
        raise ImproperlyConfigured(
            f"DATABASE_URL is not a valid database URL ({error}). "
            "Examples: postgres://user:password@127.0.0.1:5432/name or sqlite:////path/to/db.sqlite3"
        ) from None
    engine = config.get("ENGINE", "")
    if engine.endswith("sqlite3"):
        return sqlite_database(Path(config["NAME"]))
    if not engine.endswith("postgresql"):
        raise ImproperlyConfigured(
            f"DATABASE_URL names an unsupported database ({engine or 'unknown'}): "
            "use postgres:// or sqlite://."
        )
    if not config.get("NAME"):
        raise ImproperlyConfigured("DATABASE_URL has no database name after the host.")
    # An unreachable server answers 503 after a few seconds instead of holding the worker until
    # gunicorn kills it; `?connect_timeout=` in the URL still wins.
    config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 5)
    return config


def sqlite_database(path: Path) -> dict:
    # WAL lets readers go on while an editor writes; "immediate" transactions take the write
    # lock up front, so concurrent writers wait (timeout) instead of failing with "locked".
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": str(path),
        "OPTIONS": {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL;"
                "PRAGMA synchronous=NORMAL;"
                "PRAGMA secure_delete=ON;"
                "PRAGMA foreign_keys=ON;"
            ),
        },
    }


EMAIL_SCHEMES = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}


def parse_email_url(url: str | None) -> tuple[str, dict]:
    """EMAIL_URL such as smtp+tls://user:password@mail.example.org:587; default: the console."""
    if not url:
        return EMAIL_SCHEMES["console"], {}
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL has an unknown scheme {parts.scheme!r}; use one of "
            + ", ".join(sorted(EMAIL_SCHEMES))
        )
    options: dict = {}
    if parts.scheme.startswith("smtp"):
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured("EMAIL_URL has an invalid port.") from None
        options = {
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": port or (465 if parts.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
            "EMAIL_USE_SSL": parts.scheme == "smtps",
        }
        query = parse_qs(parts.query)
        if "timeout" in query:
            options["EMAIL_TIMEOUT"] = int(query["timeout"][0])
    return EMAIL_SCHEMES[parts.scheme], options
