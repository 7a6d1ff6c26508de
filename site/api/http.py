"""HTTP behaviour of every API response: JSON errors, caching headers, no cookies.

CORS (the Access-Control-* headers and browsers' preflights) is django-cors-headers', configured
in sitewide.settings.api for the API's addresses; its middleware sits right above this one.
"""

import datetime
import hashlib

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from django.utils.translation import gettext as _
from django.utils.translation import override

from sitewide.api import methods
from sitewide.serving import paths

API_PREFIX = paths.API
# Database ids are 64-bit; larger numbers are refused before they reach the database.
MAX_ID = 2**63 - 1
ID_PARAMETERS = ("child_of", "descendant_of", "translation_of", "id", "offset", "after")


# The languages the API's messages are written in. A client that prefers Dutch reads them in
# Dutch; everyone else in English (never the site's default unasked), the framework's too, so one
# answer never mixes two languages.
MESSAGE_LANGUAGES = ("en", "nl")


def answer_language(request) -> str:
    """The language of the API's messages: the first of the client's Accept-Language that the
    messages are written in, else English."""
    from django.utils.translation.trans_real import parse_accept_lang_header

    for code, quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if quality <= 0:  # q=0: "not this one"
            continue
        for candidate in (code.lower(), code.split("-")[0].lower()):
            if candidate in MESSAGE_LANGUAGES:
                return candidate
    return "en"


class ApiJson(JsonResponse):
    """An answer of the API's own views, written as the framework's are: compact, and UTF-8 as
    it is (Arabic as Arabic, not as \\u escapes)."""

    def __init__(self, data, **kwargs):
        kwargs.setdefault("json_dumps_params", {"separators": (",", ":"), "ensure_ascii": False})
        super().__init__(data, **kwargs)


def bad_request(message: str) -> JsonResponse:
    return ApiJson({"message": message}, status=400)


def not_found_answer() -> JsonResponse:
    """The one 404 of the API, whatever was not found (a partner reads it as: take it down)."""
    return ApiJson({"message": _("not found")}, status=404)


# Headers of an error answer that say something about what to do next; kept when an answer
# made elsewhere (Django's own 400 for a bad Host, a 500 page) is rewritten as JSON.
KEPT_ERROR_HEADERS = ("Allow", "Retry-After")


def json_error(response) -> JsonResponse:
    """An error answer made outside the API's views (HTML or plain text), as the API's JSON:
    same status, a short message."""
    if response.status_code == 404:
        answer = not_found_answer()
    else:
        messages = {400: _("bad request"), 403: _("forbidden"), 500: _("server error")}
        message = messages.get(response.status_code, _("the request could not be answered"))
        answer = ApiJson({"message": message}, status=response.status_code)
    for name in KEPT_ERROR_HEADERS:
        if name in response:
            answer[name] = response[name]
    return answer


def query_problem(request) -> str | None:
    repeated = sorted(name for name, values in request.GET.lists() if len(values) > 1)
    if repeated:
        # `?themes=a&themes=b` would silently mean `themes=b`.
        return _(
            "query parameter given more than once: %(names)s. Give each once; a filter that "
            "takes several values takes them separated by commas (e.g. themes=labour,sexual)"
        ) % {"names": ", ".join(repeated)}
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value or "\x00" in name:
                return _("query parameters cannot contain NUL characters")
            if name == "format" and value != "json":
                return _("format must be json (the API answers in JSON only)")
            if value.isdigit() and not value.isascii():
                # int() reads other scripts' digits ("٣"); a client's bug, not a number.
                return _("%(name)s must be written with the digits 0-9") % {"name": name}
            if name in ID_PARAMETERS and value.isdigit() and int(value) > MAX_ID:
                return _("%(name)s is too large") % {"name": name}
    return None


# How long after the newest change event answers carry no Last-Modified: the rest of its
# second, and the time a takedown's transaction may take to commit after writing its event.
LAST_MODIFIED_SETTLES = datetime.timedelta(seconds=60)


def last_change_time():
    """When API answers last changed: the newest change event, and never before today's start,
    since the consent rule decides per day (a consent can end at midnight without an event)."""
    from sitewide.api.models import ContentChange

    start_of_day = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
    newest = ContentChange.objects.order_by("-pk").values_list("happened_at", flat=True).first()
    return max(start_of_day, newest) if newest else start_of_day


class ApiHttpMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            # A browser's preflight (with Access-Control-Request-Method) never gets here:
            # django-cors-headers answers it. Any other OPTIONS learns what the API allows.
            response = HttpResponse(status=204)
            response["Allow"] = methods.ALLOW_HEADER
        else:
            with override(answer_language(request)):
                problem = query_problem(request)
            response = bad_request(problem) if problem else self.get_response(request)
            if response.status_code >= 400 and not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                # Every error under /api/ is JSON: an address that names nothing
                # (`/api/v2/pages/%0A/`) is a JSON 404, not the reader's HTML page; Django's 400
                # for a Host it does not serve, or a 500, likewise.
                with override(answer_language(request)):
                    response = json_error(response)
            if request.method in methods.READ and response.status_code == 200:
                response = self.conditional(request, response)
        if response.status_code >= 400:
            # The API's messages follow Accept-Language (English unless Dutch is preferred).
            patch_vary_headers(response, ("Accept-Language",))
        # Credentials are ignored by the API, so answers never depend on cookies.
        response.cookies.clear()
        if "Vary" in response:
            vary = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
            del response["Vary"]
            if vary:
                response["Vary"] = ", ".join(vary)
        return response

    def conditional(self, request, response):
        if getattr(response, "private_preview", False):
            response["Cache-Control"] = "private, no-store"
            return response
        response["Cache-Control"] = f"public, max-age={settings.API_MAX_AGE}"
        # Of the plain body, also when the page cache sends it compressed
        # (sitewide.serving.compression).
        digest = getattr(response, "content_digest", None)
        etag = f'"{(digest or hashlib.sha256(response.content).hexdigest())[:32]}"'
        last_modified = last_change_time()
        response["ETag"] = etag
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        if since is not None and since > timezone.now().timestamp():
            # A date in the future is no date (RFC 9110, 13.1.3): answer in full.
            request.META.pop("HTTP_IF_MODIFIED_SINCE")
        if timezone.now() - last_modified < LAST_MODIFIED_SETTLES:
            # HTTP dates count whole seconds: a change in the same second as the newest event
            # (or committed a little after it) would not move the date, and a client asking
            # If-Modified-Since would be told nothing changed. Until the newest event has
            # settled, answers carry the ETag alone.
            return get_conditional_response(request, etag=etag, response=response)
        response["Last-Modified"] = http_date(last_modified.timestamp())
        return get_conditional_response(
            request, etag=etag, last_modified=int(last_modified.timestamp()), response=response
        )
