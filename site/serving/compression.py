"""HTML and JSON sent compressed: Brotli or gzip, as the reader's `Accept-Encoding` asks.

A reader on a slow connection pays for every byte; a story's HTML shrinks to about a fifth. The
page cache (sitewide.caching.page_cache) keeps the compressed bodies next to the plain one, so a
cache hit costs no compression; this middleware compresses what the page cache does not keep.

What is compressed: text answers (HTML, JSON, XML, feeds, plain text) of at least MIN_BYTES to
anonymous readers and partners. Never compressed: answers to signed-in staff or anything that
holds a CSRF token (a secret next to text the requester chooses is what BREACH reads through
compression), streamed answers, and answers that already name an encoding. Every answer that
could have been compressed says `Vary: Accept-Encoding`, so a shared cache keeps the variants
apart. A compressed answer's ETag becomes weak (`W/"..."`): the bytes differ per encoding, the
content does not, and a conditional request with either form still gets its 304.
"""

import gzip
import re

import brotli
from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.regex_helper import _lazy_re_compile

from sitewide.serving import paths

MIN_BYTES = 200
BROTLI_QUALITY = 5  # fast enough for a miss, smaller than gzip's best
GZIP_LEVEL = 6
ENCODINGS = ("br", "gzip")  # in order of preference when the reader accepts both equally
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "application/vnd.oai.openapi",
    "application/problem+json",
)
EXCLUDED_PREFIXES = paths.STAFF

_PART = _lazy_re_compile(r"^\s*([^;\s]+)\s*(?:;\s*q\s*=\s*([^;\s]*))?")


def accepted_encoding(request) -> str | None:
    """The encoding to send: "br", "gzip", or None for the plain body, by `Accept-Encoding`
    (quality values honoured; `identity` and `*` understood)."""
    header = request.META.get("HTTP_ACCEPT_ENCODING", "")
    if not header:
        return None
    qualities: dict[str, float] = {}
    for part in header.lower().split(","):
        match = _PART.match(part)
        if not match:
            continue
        value = match.group(2)
        if value is not None and not re.fullmatch(r"0(\.\d{0,3})?|1(\.0{0,3})?", value):
            continue  # a malformed quality: the part is ignored
        quality = float(value) if value is not None else 1.0
        qualities[match.group(1)] = quality
    best, best_quality = None, 0.0
    for encoding in ENCODINGS:
        quality = qualities.get(encoding, qualities.get("*", 0.0))
        if quality > best_quality:
            best, best_quality = encoding, quality
    return best


def compress(body: bytes, encoding: str) -> bytes:
    if encoding == "br":
        return brotli.compress(body, quality=BROTLI_QUALITY)
    if encoding == "gzip":
        # mtime=0: the same body always compresses to the same bytes.
        return gzip.compress(body, compresslevel=GZIP_LEVEL, mtime=0)
    raise ValueError(f"unknown encoding {encoding!r}")


def compressible(request, response) -> bool:
    """Whether this answer may be sent compressed (to anyone who asks)."""
    if response.streaming or response.has_header("Content-Encoding"):
        return False
    if request.path_info.startswith(EXCLUDED_PREFIXES):
        return False
    if settings.SESSION_COOKIE_NAME in request.COOKIES or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False
    content_type = response.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if not content_type.startswith(COMPRESSIBLE_TYPES):
        return False
    return len(response.content) >= MIN_BYTES


def weaken_etag(response) -> None:
    etag = response.get("ETag")
    if etag and not etag.startswith("W/"):
        response["ETag"] = "W/" + etag


def set_body(response, body: bytes, encoding: str | None) -> None:
    """Give the response `body`, sent with `encoding` (None: plain)."""
    response.content = body
    response["Content-Length"] = str(len(body))
    if encoding:
        response["Content-Encoding"] = encoding
        weaken_etag(response)
    patch_vary_headers(response, ("Accept-Encoding",))


class CompressionMiddleware:
    """Compresses what the page cache did not already send compressed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Content-Encoding"):
            if response.get("Content-Encoding") in ENCODINGS:
                weaken_etag(response)
                patch_vary_headers(response, ("Accept-Encoding",))
            return response
        if not compressible(request, response):
            return response
        encoding = accepted_encoding(request)
        if encoding is None:
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        compressed = compress(response.content, encoding)
        if len(compressed) >= len(response.content):
            patch_vary_headers(response, ("Accept-Encoding",))
            return response
        set_body(response, compressed, encoding)
        return response
