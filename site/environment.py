"""The environment variables the site reads: the one list, each with its type, default and meaning.

Everything in `site/`, `stories/` and `longread/` reads the environment through `env` below (a
django-environ `Env` over this schema): `env("DEBUG")` is a bool, `env("ALLOWED_HOSTS")` a list.
A name that is not in `VARIABLES` is refused, so a new variable is added here first, and to the
table in docs/configuration.md (`tests/project/test_docs.py` keeps the two alike).

A value that is not valid stops the site at start-up with an error that names the variable
(`DEBUG=maybe`: "DEBUG must be one of 1/0, true/false, yes/no, on/off; got 'maybe'.").

Light on purpose (django-environ and Django's exception only): the settings package
(`sitewide.settings`) and gunicorn's configuration import it before Django is set up.
"""

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, NamedTuple

import environ
from django.core.exceptions import ImproperlyConfigured

# The checkout: the embedded default keeps its state and media files under it.
BASE_DIR = Path(__file__).resolve().parent.parent

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


# --- how a value is read (each raises ValueError with what it expects) -------------------------


def flag(raw: str) -> bool:
    """1/0, true/false, yes/no, on/off (any case); empty is off."""
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("must be one of 1/0, true/false, yes/no, on/off")


def comma_list(raw: str) -> list[str]:
    """Comma-separated; spaces around items and empty items are dropped."""
    return [item.strip() for item in raw.split(",") if item.strip()]


def text(raw: str) -> str:
    """As written (keys and passwords keep every character)."""
    return raw


def trimmed(raw: str) -> str:
    """Without spaces around it."""
    return raw.strip()


def whole_number(raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ValueError("must be a whole number") from None


def number(raw: str) -> float:
    try:
        return float(raw)
    except ValueError:
        raise ValueError("must be a number") from None


def path(raw: str) -> Path:
    return Path(raw)


class Variable(NamedTuple):
    cast: Callable[[str], Any]
    default: Any
    meaning: str


# --- the schema -------------------------------------------------------------------------------
# Defaults that depend on another variable (CACHE_DIR and STATIC_ROOT under VAR_DIR) are None
# here and worked out by the settings. Details and examples: docs/configuration.md.

VARIABLES: dict[str, Variable] = {
    # Core and security
    "SECRET_KEY": Variable(text, "", "Signing key; required unless DEBUG (else var/secret_key)."),
    "DEBUG": Variable(flag, False, "Development mode; never in production."),
    "ALLOWED_HOSTS": Variable(
        comma_list, ["localhost", "127.0.0.1", "[::1]"], "Host names the site answers to."
    ),
    "CSRF_TRUSTED_ORIGINS": Variable(comma_list, [], "Origins trusted for CSRF-checked posts."),
    "SITE_HTTPS": Variable(flag, True, "HTTPS redirect, HSTS and secure cookies."),
    "BEHIND_TLS_PROXY": Variable(flag, False, "Trust X-Forwarded-Proto from a TLS proxy."),
    "HSTS_PRELOAD": Variable(flag, True, "Add `preload` to the HSTS header."),
    # Local state, database and cache
    "VAR_DIR": Variable(path, BASE_DIR / "var", "Local state of the embedded default."),
    "DATABASE_URL": Variable(text, "", "postgres:// or sqlite:// URL; empty: var/db.sqlite3."),
    "REDIS_URL": Variable(text, "", "Shared cache in Redis; empty: a file cache."),
    "CACHE_DIR": Variable(path, None, "Folder of the file cache; unset: VAR_DIR/cache."),
    # Files
    "MEDIA_ROOT": Variable(path, BASE_DIR / "media", "Folder of media files (no bucket)."),
    "MEDIA_S3_BUCKET": Variable(trimmed, "", "Private S3-compatible bucket for media files."),
    "MEDIA_S3_ENDPOINT_URL": Variable(trimmed, "", "Endpoint of a non-AWS S3-compatible store."),
    "MEDIA_S3_REGION": Variable(trimmed, "", "Region of the bucket."),
    "MEDIA_S3_PREFIX": Variable(trimmed, "", "Folder inside the bucket."),
    "STATIC_ROOT": Variable(path, None, "Where collectstatic writes; unset: VAR_DIR/static."),
    # E-mail
    "EMAIL_URL": Variable(text, "", "smtp(s)://, smtp+tls://, console:// or memory://."),
    "DEFAULT_FROM_EMAIL": Variable(text, "webmaster@localhost", "Sender of e-mail."),
    # Site and languages
    "WAGTAILADMIN_BASE_URL": Variable(
        text, "http://127.0.0.1:8000", "Base URL of the admin in notification e-mail."
    ),
    "SITE_LANGUAGES": Variable(
        text, None, "Languages published, source (nl) first; unset: all ten."
    ),
    "SITE_NAME": Variable(text, "CoMensha Longread", "Name of the site in the admin."),
    "SITE_BASE_URL": Variable(text, "", "Base of every absolute URL; empty: the request's."),
    "VIDEO_HOSTS": Variable(
        comma_list,
        ["www.youtube-nocookie.com", "player.vimeo.com"],
        "Hosts external videos may come from.",
    ),
    # Background tasks
    "TASKS_BACKEND": Variable(
        text, "django_tasks_db.DatabaseBackend", "Backend of the background tasks."
    ),
    "TASK_WORKER": Variable(text, "", "`embedded`: gunicorn starts and stops the task worker."),
    # The API
    "API_CORS_ORIGINS": Variable(comma_list, [], "Origins whose browsers may read the API (or *)."),
    "API_MAX_AGE": Variable(whole_number, 60, "Seconds clients may cache API answers."),
    "WEBHOOKS_ALLOW_LOOPBACK": Variable(flag, False, "Tests only: webhooks to the loopback."),
    # Caching
    "PAGE_CACHE": Variable(flag, True, "The page cache for anonymous readers."),
    "PAGE_CACHE_SECONDS": Variable(whole_number, 3600, "Longest life of a kept answer."),
    "PAGE_CACHE_BYPASS_TOKEN": Variable(text, "", "Bench only: renders, never keeps."),
    "FRONTEND_CACHE_PURGE_URL": Variable(trimmed, "", "A cache in front that accepts PURGE."),
    "CLOUDFLARE_ZONE_ID": Variable(trimmed, "", "Cloudflare zone to purge (with the token)."),
    "CLOUDFLARE_BEARER_TOKEN": Variable(trimmed, "", "Cloudflare API token (with the zone)."),
    # Machine translation
    "DEEPL_API_KEY": Variable(trimmed, "", "Machine translation with DeepL."),
    "DEEPL_FREE_API": Variable(flag, False, "DeepL's free API."),
    "LIBRETRANSLATE_URL": Variable(trimmed, "", "Machine translation with LibreTranslate."),
    "LIBRETRANSLATE_API_KEY": Variable(trimmed, "", "Key of the LibreTranslate server."),
    # Operations
    "REACH_FLUSH_SECONDS": Variable(number, 30.0, "How often reach figures are written."),
    "LOG_LEVEL": Variable(text, "WARNING", "Level of the console log."),
    "ADMIN_PASSWORD": Variable(text, "", "Password of the `admin` that ensure_admin creates."),
}


class Environment(environ.Env):
    """django-environ's Env over `VARIABLES`, read as written.

    Unlike a plain `Env` it refuses names outside the schema, always reads a variable with the
    schema's cast (`env.bool("X")` is `env("X")`), never reads a value starting with `$` as the
    name of another variable (a key or password may start with one), and turns a value its cast
    refuses into ImproperlyConfigured naming the variable. Given a mapping, it reads that instead
    of the process's environment (tests, and checks of another environment).
    """

    def __init__(self, mapping: Mapping[str, str] | None = None):
        super().__init__(
            **{name: (variable.cast, variable.default) for name, variable in VARIABLES.items()}
        )
        if mapping is not None:
            self.ENVIRON = mapping

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        if var not in self.scheme:
            raise ImproperlyConfigured(
                f"{var} is not in the list of environment variables (sitewide.environment)."
            )
        schema_cast, schema_default = self.scheme[var]
        raw = self.ENVIRON.get(var)
        if raw is None:
            chosen = schema_default if default is self.NOTSET else default
            return list(chosen) if isinstance(chosen, list) else chosen  # a copy of a list
        try:
            return schema_cast(raw)
        except ValueError as error:
            raise ImproperlyConfigured(f"{var} {error}; got {raw!r}.") from None


env = Environment()
