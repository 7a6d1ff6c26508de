"""One base URL for every absolute address the site hands out.

`SITE_BASE_URL` (scheme, host and port, e.g. `https://verhalen.example.org`) when it is set;
otherwise the request's own scheme and host (the embedded default answers where it was asked);
without a request (a webhook sent by a background task), `WAGTAILADMIN_BASE_URL`.
The API, the sitemap, the news feeds, image renditions, audio, video and documents all build
their absolute URLs here, so every URL in an answer agrees.
"""

from urllib.parse import urlsplit

from django.conf import settings


def site_base_url(request=None) -> str:
    configured = getattr(settings, "SITE_BASE_URL", "") or ""
    if configured:
        return configured.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "").rstrip("/")


def absolute_url(url: str | None, request=None) -> str | None:
    """`url` made absolute against the site's base URL. URLs that already name a host (an S3
    bucket, an external video) are kept as they are; None stays None."""
    if not url:
        return url
    if urlsplit(url).scheme or url.startswith("//"):
        return url
    return site_base_url(request) + url if url.startswith("/") else url
