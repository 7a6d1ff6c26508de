"""The database: DATABASE_URL (PostgreSQL or SQLite), else the embedded default's SQLite file."""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import env
from sitewide.settings.base import VAR_DIR


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


if not env("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": parse_database_url(env("DATABASE_URL"), default_sqlite_path=VAR_DIR / "db.sqlite3")
}
