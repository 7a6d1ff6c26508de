"""The checkout, local state, DEBUG and the secret key; apps, middleware, templates, Wagtail."""

from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import BASE_DIR, env

SITE_DIR = BASE_DIR / "site"
# Local state of the embedded default (SQLite file, cache, generated secret key): never committed.
VAR_DIR = env("VAR_DIR")

DEBUG = env("DEBUG")


def read_local_secret_key(var_dir) -> str:
    """The key `make run` generated for this checkout, if any (var/ is never committed)."""
    try:
        return (var_dir / "secret_key").read_text().strip()
    except OSError:
        return ""


SECRET_KEY = env("SECRET_KEY") or read_local_secret_key(VAR_DIR)
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(`make run` generates one in var/secret_key), or set DEBUG=1 for development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DEBUG"  # noqa: S105

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
    # Its catalogues only: Wagtail writes "2 minuten geleden" with its naturaltime (the status
    # panel, the workflow history); without the app that read "2 minutes ago" on a Dutch screen.
    "django.contrib.humanize",
    "csp",
    # The API's CORS headers and preflight answers (sitewide.settings.api).
    "corsheaders",
    # Admin hardening (docs/security.md, "Admin security"): sign-in rate limiting and two-factor
    # sign-in.
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
    # CORS on the API's addresses only (django-cors-headers, sitewide.settings.api): answers a
    # browser's preflight itself; above the page cache, so kept answers get this request's.
    "corsheaders.middleware.CorsMiddleware",
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

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAILIMAGES_IMAGE_MODEL = "longread.LongreadImage"
WAGTAILIMAGES_IMAGE_FORM_BASE = "longread.forms.LongreadImageForm"
WAGTAIL_SITE_NAME = env("SITE_NAME")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL")
# Wagtail's database backend; on PostgreSQL each page in its own language (site/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "sitewide.search.backend"}}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the admin makes no request to a third party
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# Hosts external videos may come from (click-to-load only; see longread.blocks.VideoBlock); the
# Content-Security-Policy allows frames from them (sitewide.settings.security).
LONGREAD_VIDEO_HOSTS = env("VIDEO_HOSTS")
