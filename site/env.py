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


# Media files (uploads, renditions, documents, audio and video): MEDIA_ROOT on this machine, or a
# private bucket of an S3-compatible object store shared by every web machine and the worker.
S3_MEDIA_VARIABLES = (
    "MEDIA_S3_BUCKET",
    "MEDIA_S3_ENDPOINT_URL",
    "MEDIA_S3_REGION",
    "MEDIA_S3_PREFIX",
)
FILE_SYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"
S3_MEDIA_STORAGE = "sitewide.serving.media_storage.PrivateS3Storage"
# Bigger files read through the storage (documents served by Wagtail's view) wait in a temporary
# file, not in memory.
S3_MAX_MEMORY_SIZE = 4 * 1024 * 1024


def media_storage(environ=None) -> dict:
    """STORAGES["default"] from MEDIA_S3_BUCKET and friends; the credentials are boto3's own
    (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or the machine's role), never a setting."""
    environ = os.environ if environ is None else environ
    bucket = environ.get("MEDIA_S3_BUCKET", "").strip()
    if not bucket:
        stray = [name for name in S3_MEDIA_VARIABLES[1:] if environ.get(name, "").strip()]
        if stray:
            raise ImproperlyConfigured(
                f"{stray[0]} is set but MEDIA_S3_BUCKET is not: set the bucket's name, or unset "
                f"{', '.join(stray)} to keep media files under MEDIA_ROOT."
            )
        return {"BACKEND": FILE_SYSTEM_STORAGE}
    endpoint = environ.get("MEDIA_S3_ENDPOINT_URL", "").strip() or None
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(
                f"MEDIA_S3_ENDPOINT_URL must be an http(s) URL such as "
                f"https://s3.example.org; got {endpoint!r}."
            )
    return {
        "BACKEND": S3_MEDIA_STORAGE,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "region_name": environ.get("MEDIA_S3_REGION", "").strip() or None,
            "location": environ.get("MEDIA_S3_PREFIX", "").strip().strip("/"),
            # Private: objects get no ACL of their own, so the bucket's (private) policy holds.
            "default_acl": None,
            # Two documents called report.pdf are two files, as on disk.
            "file_overwrite": False,
            "signature_version": "s3v4",
            # Self-hosted stores (MinIO, Ceph, Garage) answer on one host name, not per bucket.
            "addressing_style": "path" if endpoint else None,
            "max_memory_size": S3_MAX_MEMORY_SIZE,
        },
    }


def frontend_cache_backends(environ) -> dict:
    """wagtail.contrib.frontend_cache backends from the environment; none by default.

    FRONTEND_CACHE_PURGE_URL: an HTTP cache that accepts PURGE requests (Varnish and the like).
    CLOUDFLARE_ZONE_ID with CLOUDFLARE_BEARER_TOKEN: Cloudflare's purge API.
    """
    backends = {}
    purge_url = environ.get("FRONTEND_CACHE_PURGE_URL", "").strip()
    if purge_url:
        parts = urlsplit(purge_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(
                f"FRONTEND_CACHE_PURGE_URL must be an http(s) URL; got {purge_url!r}."
            )
        backends["http"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    zone = environ.get("CLOUDFLARE_ZONE_ID", "").strip()
    token = environ.get("CLOUDFLARE_BEARER_TOKEN", "").strip()
    if zone or token:
        if not (zone and token):
            raise ImproperlyConfigured(
                "Set both CLOUDFLARE_ZONE_ID and CLOUDFLARE_BEARER_TOKEN, or neither."
            )
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": zone,
            "BEARER_TOKEN": token,
        }
    return backends
