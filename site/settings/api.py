"""The content API (Wagtail API v2 under /api/, docs/api.md): answers, caching, CORS, webhooks."""

import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from sitewide.api import methods
from sitewide.environment import env
from sitewide.serving import paths

# Rich text as HTML with links resolved; at most 50 items a page; search on.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_SEARCH_ENABLED = True
# One base URL for every absolute address (API, sitemap, feeds, media, webhooks), e.g.
# https://verhalen.example.org; empty: the request's own scheme and host (longread/absolute.py).
SITE_BASE_URL = env("SITE_BASE_URL").rstrip("/")
# Answers cacheable by clients for a minute (sitewide.api.http).
API_MAX_AGE = env("API_MAX_AGE")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
}

# Test-only: lets webhooks reach loopback receivers over plain http (sitewide.api.webhook_urls);
# `check --deploy` refuses it.
WEBHOOKS_ALLOW_LOOPBACK = env("WEBHOOKS_ALLOW_LOOPBACK")


def cors_origins(origins: list[str]) -> list[str]:
    """The origins of API_CORS_ORIGINS other than `*`, each a scheme and a host (and port)."""
    listed = [origin for origin in origins if origin != "*"]
    for origin in listed:
        parts = urlsplit(origin)
        if not (parts.scheme and parts.netloc) or parts.path or parts.query or parts.fragment:
            raise ImproperlyConfigured(
                "API_CORS_ORIGINS lists origins such as https://partner.example (a scheme and a "
                f"host, no path or trailing slash), or *; got {origin!r}."
            )
    return listed


# Origins whose browsers may read the API (docs/api.md): django-cors-headers answers preflights
# and writes the Access-Control-* headers on the API's addresses only (sitewide.serving.paths),
# never with credentials; every API answer carries Vary: Origin.
API_CORS_ORIGINS = env("API_CORS_ORIGINS")
CORS_ALLOW_ALL_ORIGINS = "*" in API_CORS_ORIGINS
CORS_ALLOWED_ORIGINS = cors_origins(API_CORS_ORIGINS)
CORS_URLS_REGEX = rf"^{re.escape(paths.API)}"
CORS_ALLOW_CREDENTIALS = False
# The API only reads (sitewide.api.methods); a browser may ask conditionally (sitewide.api.http)
# and read the ETag.
CORS_ALLOW_METHODS = list(methods.ALLOWED)
CORS_ALLOW_HEADERS = ["If-None-Match", "If-Modified-Since"]
CORS_EXPOSE_HEADERS = ["ETag"]
CORS_PREFLIGHT_MAX_AGE = 86400
