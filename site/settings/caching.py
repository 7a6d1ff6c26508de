"""The cache every process shares, the page cache for anonymous readers, and a CDN in front
(docs/performance.md)."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import Environment, env
from sitewide.settings.base import VAR_DIR

# Redis when REDIS_URL is set, else files under var/cache (Django's file cache, which looks at
# how full it is once every hundred writes instead of at each: sitewide.caching.file_cache).
if env("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "longread",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "sitewide.caching.file_cache.FileCache",
            "LOCATION": str(env("CACHE_DIR") or VAR_DIR / "cache"),
            "TIMEOUT": 600,
            # Django's default (300 files) culls at random once image renditions fill it,
            # taking the site chrome (sitewide.caching.chrome) with them.
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Full-page cache for anonymous readers in the shared cache (sitewide.caching.page_cache):
# renewed when what readers see changes, never kept past local midnight, at most PAGE_CACHE_SECONDS.
PAGE_CACHE_ENABLED = env("PAGE_CACHE")
PAGE_CACHE_SECONDS = env("PAGE_CACHE_SECONDS")
# Only the bench sets it: requests carrying it in X-Page-Cache-Bypass are rendered, never kept.
PAGE_CACHE_BYPASS_TOKEN = env("PAGE_CACHE_BYPASS_TOKEN")


def frontend_cache_backends(environ=None) -> dict:
    """wagtail.contrib.frontend_cache backends from the environment (or a given mapping); none by
    default.

    FRONTEND_CACHE_PURGE_URL: an HTTP cache that accepts PURGE requests (Varnish and the like).
    CLOUDFLARE_ZONE_ID with CLOUDFLARE_BEARER_TOKEN: Cloudflare's purge API.
    """
    env = Environment(environ)  # None: the process's environment
    backends = {}
    purge_url = env("FRONTEND_CACHE_PURGE_URL")
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
    zone = env("CLOUDFLARE_ZONE_ID")
    token = env("CLOUDFLARE_BEARER_TOKEN")
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


# A CDN in front (wagtail.contrib.frontend_cache) is purged of the same URLs: an HTTP cache
# that accepts PURGE (Varnish, Fastly-like; FRONTEND_CACHE_PURGE_URL) or Cloudflare.
WAGTAILFRONTENDCACHE = frontend_cache_backends()
# The purged URLs are exact (each language has its own slugs): no copies per language prefix.
WAGTAILFRONTENDCACHE_LANGUAGES = []
