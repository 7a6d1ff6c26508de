"""Settings, read from the environment.

The embedded default (no variables set) is what `make run` serves: SQLite in WAL mode, media under
media/, static files by whitenoise, Wagtail's database search backend, a file-based cache that all
processes share, and background tasks run in-process. Every variable is listed in the README.
"""

import os
from pathlib import Path

from csp.constants import NONCE, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from sitewide.env import (
    env_bool,
    env_list,
    frontend_cache_backends,
    media_storage,
    parse_database_url,
    parse_email_url,
    read_local_secret_key,
)
from sitewide.languages import configured_languages, staff_language_names
from sitewide.translation.config import machine_translator_setting

BASE_DIR = Path(__file__).resolve().parent.parent
SITE_DIR = Path(__file__).resolve().parent
# Local state of the embedded default (SQLite file, cache, generated secret key): never committed.
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))

DEBUG = env_bool("DEBUG", default=False)

SECRET_KEY = os.environ.get("SECRET_KEY") or read_local_secret_key(VAR_DIR)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(`make run` generates one in var/secret_key), or set DEBUG=1 for development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

# HTTPS is assumed unless SITE_HTTPS=0; `make run` serves plain http on the loopback only.
SITE_HTTPS = env_bool("SITE_HTTPS", default=True)

INSTALLED_APPS = [
    # Project apps, bottom layer last: sitewide builds on stories, stories on longread.
    "sitewide",
    "stories",
    "longread",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "csp",
    # Admin hardening (README, "Admin security"): sign-in rate limiting and two-factor sign-in.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    # The task queue's database backend and its worker (docs/operations.md, "Task queue").
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy and Cross-Origin-Resource-Policy, static files included.
    "sitewide.serving.security.SecurityHeadersMiddleware",
    # django-csp with a second policy for the admin (sitewide.serving.security).
    "sitewide.serving.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above everything that may query: a database outage answers 503, never a traceback.
    "sitewide.serving.middleware.DatabaseUnavailableMiddleware",
    # Brotli or gzip by Accept-Encoding, for what the page cache has not compressed already.
    "sitewide.serving.compression.CompressionMiddleware",
    # A NUL character in the address answers 400 (sitewide.serving.request_checks).
    "sitewide.serving.request_checks.RejectNulMiddleware",
    # Before sessions: it sees their response headers and keeps API answers cookie-free.
    "sitewide.api.http.ApiHttpMiddleware",
    # Whole answers for anonymous readers, before sessions (sitewide.caching.page_cache).
    "sitewide.caching.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "sitewide.serving.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The admin in the account's language, Dutch unless it chose English
    # (sitewide.serving.middleware).
    "sitewide.serving.middleware.AdminLanguageMiddleware",
    # At most a few password-reset mails per address and per client an hour.
    "sitewide.serving.request_checks.PasswordResetThrottleMiddleware",
    # Staff reach /admin/ only after the second factor (sitewide.staff.two_factor).
    "django_otp.middleware.OTPMiddleware",
    "sitewide.staff.two_factor.AdminTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects, except to a page the consent rule hides (sitewide.serving.redirects).
    "sitewide.serving.redirects.ConsentRedirectMiddleware",
    "stories.middleware.ConsentRefusalMiddleware",
    # Translators reach wagtail-localize's snippet translation endpoints in their language only.
    "sitewide.staff.role_hooks.TranslatorScopeMiddleware",
    # Turns a locked-out sign-in into the lockout page; touches nothing else.
    "axes.middleware.AxesMiddleware",
    # The site from the shared cache; Wagtail's page routing in two queries
    # (sitewide.serving.routing).
    "sitewide.serving.routing.PageRouteMiddleware",
]

ROOT_URLCONF = "sitewide.urls"
WSGI_APPLICATION = "sitewide.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sitewide.context_processors.site_chrome",
            ],
        },
    },
]

# Database: DATABASE_URL, else the SQLite file of the embedded default.
if not os.environ.get("DATABASE_URL"):
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": parse_database_url(
        os.environ.get("DATABASE_URL"), default_sqlite_path=VAR_DIR / "db.sqlite3"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache shared by every process: Redis when REDIS_URL is set, else files under var/cache.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "longread",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(VAR_DIR / "cache")),
            "TIMEOUT": 600,
            # Django's default (300 files) culls at random once image renditions fill it,
            # taking the site chrome (sitewide.caching.chrome) with them.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Test-only: lets webhooks reach loopback receivers over plain http (sitewide.api.webhook_urls);
# `check --deploy` refuses it.
WEBHOOKS_ALLOW_LOOPBACK = env_bool("WEBHOOKS_ALLOW_LOOPBACK", default=False)

# Background tasks (django-tasks): webhook delivery, renditions at publish, translators' notices
# and every e-mail. Queued in the database by default and run by `manage.py db_worker`, which
# `make run` starts next to gunicorn (docs/operations.md, "Task queue").
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    },
    # The few that must not lag (sitewide.operations.task_routing): run inside the change itself.
    "immediate": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in rate limiting (django-axes): 5 failed attempts lock that user name from that address
# for an hour; other users and addresses are unaffected. Failed attempts keep the address until
# the cool-off ends (`axes_reset` clears them); successful sign-ins are not logged.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
# Password-reset requests an hour (sitewide.serving.request_checks).
PASSWORD_RESET_PER_ADDRESS = 3
PASSWORD_RESET_PER_CLIENT = 10
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "sitewide/admin/locked_out.html"
# Two-factor sign-in (django-otp, TOTP): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = os.environ.get("SITE_NAME", "CoMensha Longread")

# Languages: one setting (SITE_LANGUAGES) lists them; the first is the source language.
LANGUAGES = configured_languages(os.environ.get("SITE_LANGUAGES"))
LANGUAGE_CODE = LANGUAGES[0][0]
# Staff read language names in their own language ("Nederlands naar Engels"); readers choose by
# each language's own name (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = staff_language_names(LANGUAGES)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# Wagtail's sign-in form with the password field named in the admin's language.
WAGTAILADMIN_USER_LOGIN_FORM = "sitewide.staff.sign_in.SignInForm"
# Staff accounts work in Dutch unless they choose English in their account settings, whatever
# their browser prefers (sitewide.serving.middleware.AdminLanguageMiddleware).
ADMIN_DEFAULT_LANGUAGE = "nl"
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
# Dates and numbers follow the active language (Django's formats), except where sitewide.formats
# says otherwise (English dates in European order).
FORMAT_MODULE_PATH = ["sitewide.formats"]
# A translation never goes live by itself: a person publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: off unless DEEPL_API_KEY or LIBRETRANSLATE_URL
# is set (sitewide.translation.config). Machine-translated segments wait for a person's review.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting(os.environ)

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Media files under MEDIA_ROOT, or in a private S3-compatible bucket when MEDIA_S3_BUCKET is set
# (sitewide.env.media_storage; README, "Production topology"): then no web machine keeps any.
STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_PERMISSIONS = 0o640

# The backend EMAIL_URL names sends from the task worker; requests only enqueue
# (sitewide.operations.mail).
QUEUED_EMAIL_BACKEND, _email_options = parse_email_url(os.environ.get("EMAIL_URL"))
EMAIL_BACKEND = "sitewide.operations.mail.QueuedEmailBackend"
globals().update(_email_options)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Wagtail
WAGTAILIMAGES_IMAGE_MODEL = "longread.LongreadImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "longread.forms.LongreadImageForm"
WAGTAIL_SITE_NAME = os.environ.get("SITE_NAME", "CoMensha Longread")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend; on PostgreSQL each page in its own language (site/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "sitewide.search.backend"}}

# Headless API (Wagtail API v2 at /api/v2/): rich text as HTML with links resolved; at most 50
# items a page; answers cacheable by clients for a minute; origins allowed to read it from a
# browser (comma-separated, or *), never with credentials.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# One base URL for every absolute address (API, sitemap, feeds, media, webhooks), e.g.
# https://verhalen.example.org; empty: the request's own scheme and host (longread/absolute.py).
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "").rstrip("/")
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
API_MAX_AGE = int(os.environ.get("API_MAX_AGE", "60"))

# Full-page cache for anonymous readers in the shared cache (sitewide.caching.page_cache):
# renewed when what readers see changes, never kept past local midnight, at most PAGE_CACHE_SECONDS.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", default=True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "3600"))
# Only the bench sets it: requests carrying it in X-Page-Cache-Bypass are rendered, never kept.
PAGE_CACHE_BYPASS_TOKEN = os.environ.get("PAGE_CACHE_BYPASS_TOKEN", "")
# Reach figures (stories.reach): each web process writes what it counted this often (seconds).
REACH_FLUSH_SECONDS = float(os.environ.get("REACH_FLUSH_SECONDS", "30"))
# A CDN in front (wagtail.contrib.frontend_cache) is purged of the same URLs: an HTTP cache
# that accepts PURGE (Varnish, Fastly-like; FRONTEND_CACHE_PURGE_URL) or Cloudflare.
WAGTAILFRONTENDCACHE = frontend_cache_backends(os.environ)
# The purged URLs are exact (each language has its own slugs): no copies per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
API_CORS_ORIGINS = env_list("API_CORS_ORIGINS", default=[])
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}
# Uploads (README, "Uploads"): documents are PDFs only, checked by name and content
# (longread.forms); images only in the formats longread.imagemeta re-encodes, never SVG, with the
# pixel count read from the header before anything is decoded; audio and video checked by content
# (longread.mediafiles). Uploads over 2.5 MB (Django's default) wait in a temporary file, not in
# memory.
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "longread.forms.LongreadDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents go through Wagtail's view (and its privacy hook) from any storage: never a redirect
# to the bucket, which would hand the reader's browser to another origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
LONGREAD_MAX_MEDIA_UPLOAD_SIZE = 200 * 1024 * 1024
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin makes no request to a third party
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Hosts external videos may come from (click-to-load only; see longread.blocks.VideoBlock).
LONGREAD_VIDEO_HOSTS = env_list(
    "VIDEO_HOSTS", default=["www.youtube-nocookie.com", "player.vimeo.com"]
)

# Content-Security-Policy of reader pages (and the API): nothing unless listed, everything from
# this site only, no inline script; frames only from the video hosts above (loaded when the
# reader clicks). The admin has its own policy below.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [f"https://{host}" for host in LONGREAD_VIDEO_HOSTS] or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The admin's policy (sitewide.serving.security): scripts from this site or carrying this request's
# nonce; every exception is listed with its reason in the README, "Admin
# Content-Security-Policy". The admin's preview frames show the admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", UNSAFE_INLINE],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *(f"https://{host}" for host in LONGREAD_VIDEO_HOSTS)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Powerful features nobody here needs, denied to the site and to every frame it embeds. Not
# denied: clipboard-write and web-share (the share buttons), fullscreen and picture-in-picture
# (the video frames), publickey-credentials-* (security keys for staff sign-in).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# The admin shows initials, never avatars fetched from a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Security. The secure defaults hold unless SITE_HTTPS=0 (plain http on the loopback).
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SECURE = SITE_HTTPS
CSRF_COOKIE_SECURE = SITE_HTTPS
SECURE_SSL_REDIRECT = SITE_HTTPS and not DEBUG
SECURE_HSTS_SECONDS = 31_536_000 if SITE_HTTPS and not DEBUG else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# `preload` in the header only says the site may be preloaded; submitting the domain to the
# browsers' preload list is a separate, deliberate step (README). HSTS_PRELOAD=0 leaves it out.
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0 and env_bool("HSTS_PRELOAD", default=True)
if env_bool("BEHIND_TLS_PROXY", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Logs keep no reader's address (sitewide.operations.logs). Django's error mails (mail_admins)
# would carry the reader's address, referrer and headers: Django's loggers only pass their
# records on to the console, at LOG_LEVEL.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_addresses": {"()": "sitewide.operations.logs.RemoveAddresses"},
        "one_line": {"()": "sitewide.operations.logs.WithoutTraceback"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_addresses"]},
        "console_one_line": {
            "class": "logging.StreamHandler",
            "filters": ["one_line", "no_addresses"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django": {"handlers": [], "level": "NOTSET", "propagate": True},
        # A request for a host this site is not: one line, no traceback.
        "django.security.DisallowedHost": {
            "handlers": ["console_one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
