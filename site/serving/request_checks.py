"""Small refusals that keep bad requests away from the views, each with a clear message.

- `RejectNulMiddleware`: a NUL character in the path or in any query parameter answers 400
  (PostgreSQL cannot store or compare it, and no page means anything by it). The API answers
  its own JSON 400 (`sitewide.api.http`); the reader's search box reads its query as text and
  drops it (`sitewide.search.text`).
- `PasswordResetThrottleMiddleware`: the admin's password-reset form sends at most
  `PASSWORD_RESET_PER_ADDRESS` mails an hour to one address and takes at most
  `PASSWORD_RESET_PER_CLIENT` requests an hour from one client (the address django-axes sees);
  more answer 429 with the wait, and send nothing.
- `logout`: signing out of the admin takes a POST with the CSRF token (Wagtail's view); a GET
  shows a page with that button, so no other site can sign staff out with a link or an image.
"""

import hashlib
import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language_from_path, ngettext, override
from django.utils.translation import gettext as _

from sitewide.serving import paths

SEARCH_SUFFIX = "/search/"
WINDOW = 3600  # seconds


class RejectNulMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(paths.API) and self.has_nul(request):
            # This answer comes before the locale middleware: in the language of the address's
            # prefix (or the site's default), never in one an earlier request left on the thread.
            language = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
            with override(language):
                response = HttpResponse(
                    _("The address contains a NUL character, which no page of this site takes."),
                    status=400,
                    content_type="text/plain; charset=utf-8",
                )
            response["Content-Language"] = language
            return response
        return self.get_response(request)

    @staticmethod
    def has_nul(request) -> bool:
        if "\x00" in request.path_info:
            return True
        reader_search = request.path_info.endswith(SEARCH_SUFFIX)
        for name, values in request.GET.lists():
            if "\x00" in name:
                return True
            if reader_search and name == "q":
                continue  # text: only its words are searched
            if any("\x00" in value for value in values):
                return True
        return False


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    return f"sitewide:password-reset:{kind}:{digest}"


def _take(key: str, limit: int) -> int:
    """Counts one request; returns 0 when it is allowed, else the seconds until it would be."""
    now = time.time()
    started = cache.get(key + ":start")
    if started is None or now - started >= WINDOW:
        cache.set(key + ":start", now, WINDOW)
        cache.set(key, 1, WINDOW)
        return 0
    count = cache.get(key, 0) + 1
    cache.set(key, count, max(1, math.ceil(started + WINDOW - now)))
    if count <= limit:
        return 0
    return max(1, math.ceil(started + WINDOW - now))


class PasswordResetThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == reverse("wagtailadmin_password_reset"):
            wait = self.wait(request)
            if wait:
                minutes = math.ceil(wait / 60)
                response = render(
                    request,
                    "sitewide/admin/password_reset_limited.html",
                    {
                        "message": ngettext(
                            "Too many password reset requests. Try again in %(minutes)d minute.",
                            "Too many password reset requests. Try again in %(minutes)d minutes.",
                            minutes,
                        )
                        % {"minutes": minutes}
                    },
                    status=429,
                )
                response["Retry-After"] = str(wait)
                return response
        return self.get_response(request)

    @staticmethod
    def wait(request) -> int:
        from axes.helpers import get_client_ip_address

        client = get_client_ip_address(request) or "unknown"
        per_client = _take(_key("client", client), settings.PASSWORD_RESET_PER_CLIENT)
        address = request.POST.get("email", "").strip().lower()
        per_address = (
            _take(_key("address", address), settings.PASSWORD_RESET_PER_ADDRESS) if address else 0
        )
        return max(per_client, per_address)


def logout(request):
    from wagtail.admin.views.account import LogoutView

    if request.method == "POST":
        return LogoutView.as_view()(request)
    if request.method not in ("GET", "HEAD"):
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    return render(request, "sitewide/admin/logout_confirm.html")
