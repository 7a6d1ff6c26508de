"""Two-factor sign-in for the admin (django-otp, TOTP).

A password alone opens no admin page: until the session is verified with a code from an
authenticator app, every /admin/ address sends the user to enrolment (no confirmed device yet)
or verification. Readers' pages are not touched: the middleware looks at /admin/ only.
"""

import math
import time
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from sitewide.serving import paths

ADMIN_PREFIX = paths.ADMIN


def _exempt_paths() -> tuple[str, ...]:
    return (
        reverse("wagtailadmin_login"),
        reverse("wagtailadmin_logout"),
        reverse("two_factor_enrol"),
        reverse("two_factor_verify"),
        # What the two-factor pages load: Wagtail's translated strings for its scripts, and
        # its icon sprite, which its script fetches and inserts into every admin page.
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
    )


def _wants_json(request) -> bool:
    return request.headers.get(
        "x-requested-with"
    ) == "XMLHttpRequest" or "application/json" in request.headers.get("accept", "")


def has_confirmed_device(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


class AdminTwoFactorMiddleware:
    """After django_otp's OTPMiddleware: a signed-in user whose session is not verified reaches
    no admin view (a redirect to the second step, or 403 for script requests)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(ADMIN_PREFIX):
            user = request.user
            if (
                user.is_authenticated
                and not user.is_verified()
                and request.path not in _exempt_paths()
            ):
                if _wants_json(request):
                    return JsonResponse({"error": "two-factor verification required"}, status=403)
                step = "two_factor_verify" if has_confirmed_device(user) else "two_factor_enrol"
                return redirect(f"{reverse(step)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _signed_in(request):
    if not request.user.is_authenticated:
        return redirect(f"{reverse('wagtailadmin_login')}?{urlencode({'next': ADMIN_PREFIX})}")
    return None


# Enrolment keeps its secret in the session that shows it, never in the database: another
# session signed in with the same password (someone who learnt it) gets a secret of its own,
# and a secret seen by a session ends with that session. Only a confirmed secret becomes a
# device.
ENROL_KEY = "two_factor_enrol_key"
ENROL_FAILURES = "two_factor_enrol_failures"
RECOVERY_CODES = "two_factor_recovery_codes"
RECOVERY_CODE_COUNT = 10
MAX_DELAY = 3600  # seconds: the longest wait after many wrong codes (as django-otp)


def _wait_after(failures: int, last_failure: float, now: float) -> int:
    """Seconds left to wait after `failures` wrong codes in a row (1, 2, 4, 8 ... seconds)."""
    if failures <= 0:
        return 0
    required = min(2 ** (failures - 1), MAX_DELAY)
    return max(0, math.ceil(last_failure + required - now))


def _wait_message(seconds: int) -> str:
    return ngettext(
        "Too many wrong codes. Wait %(seconds)d second, then enter the current code.",
        "Too many wrong codes. Wait %(seconds)d seconds, then enter the current code.",
        seconds,
    ) % {"seconds": seconds}


def _device_wait(user) -> int:
    """Seconds the user's devices still refuse every code after wrong ones (django-otp's
    throttling); 0 when a code may be tried."""
    now = timezone.now()
    wait = 0
    for device in devices_for_user(user, confirmed=True):
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            wait = max(wait, math.ceil((data["locked_until"] - now).total_seconds()))
    return wait


def _enrolment_device(request) -> TOTPDevice:
    """The unsaved device for this session's enrolment secret (made on first sight)."""
    key = request.session.get(ENROL_KEY)
    if not key:
        key = random_hex(20)
        request.session[ENROL_KEY] = key
        # A secret an earlier version kept in the database (readable by any session) goes.
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
    return TOTPDevice(user=request.user, name="default", key=key, confirmed=False)


def _matches(device: TOTPDevice, token: str) -> bool:
    try:
        value = int(token)
    except ValueError:
        return False
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return totp.verify(value, device.tolerance)


def enrol(request):
    """First sign-in: a new TOTP secret for this session, shown as text and as an otpauth://
    address (no image from a third party), confirmed with a first code; then recovery codes."""
    if response := _signed_in(request):
        return response
    if request.user.is_verified():
        return redirect(_next_url(request))
    if has_confirmed_device(request.user):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    device = _enrolment_device(request)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        failures, last = request.session.get(ENROL_FAILURES, (0, 0.0))
        wait = _wait_after(failures, last, time.time())
        token = form.cleaned_data["token"].replace(" ", "")
        if wait:
            form.add_error("token", _wait_message(wait))
        elif _matches(device, token):
            with transaction.atomic():
                # Sessions of one account confirm one at a time: this UPDATE locks the user's
                # row (PostgreSQL) or takes the database's write lock (SQLite) before anything
                # is read, so a session that confirmed at the same moment has committed by the
                # time this one looks, and is seen.
                get_user_model().objects.filter(pk=request.user.pk).update(
                    last_login=F("last_login")
                )
                raced = has_confirmed_device(request.user)
                if not raced:
                    device.confirmed = True
                    device.save()
                    TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
                    codes = _new_recovery_codes(request.user)
            if raced:
                # Another session of this account has just enrolled: its authenticator is the
                # one, and this secret is worthless.
                del request.session[ENROL_KEY]
                request.session.pop(ENROL_FAILURES, None)
                messages.warning(
                    request,
                    _(
                        "Two-factor sign-in was set up for this account in another session at "
                        "the same moment. Enter a code from the authenticator app set up there."
                    ),
                )
                verify_url = reverse("two_factor_verify")
                return redirect(f"{verify_url}?{urlencode({'next': _next_url(request)})}")
            del request.session[ENROL_KEY]
            request.session.pop(ENROL_FAILURES, None)
            otp_login(request, device)
            request.session[RECOVERY_CODES] = codes
            return redirect(
                f"{reverse('two_factor_recovery_codes')}?{urlencode({'next': _next_url(request)})}"
            )
        else:
            request.session[ENROL_FAILURES] = (failures + 1, time.time())
            form.add_error("token", _("This code is not correct. Try the current code again."))
    return render(
        request,
        "sitewide/admin/two_factor.html",
        {
            "form": form,
            "enrolling": True,
            "secret": _spaced(device.bin_key),
            "config_url": device.config_url,
            "next": _next_url(request),
            "action": reverse("two_factor_enrol"),
        },
    )


def _new_recovery_codes(user) -> list[str]:
    """Ten single-use codes (django-otp's static device) for when the phone is lost; any
    earlier set stops working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="recovery codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes(request):
    """Shown once, right after enrolment: the codes are not kept anywhere readable."""
    if response := _signed_in(request):
        return response
    codes = request.session.pop(RECOVERY_CODES, None)
    if not codes:
        return redirect(_next_url(request))
    return render(
        request,
        "sitewide/admin/recovery_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


def verify(request):
    """Every later sign-in: a code from the enrolled authenticator app, or a recovery code."""
    if response := _signed_in(request):
        return response
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not has_confirmed_device(request.user):
        return redirect(f"{reverse('two_factor_enrol')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["token"].replace(" ", "").lower()
        wait = _device_wait(request.user)
        if wait:
            # The code is not even tried: a correct one is not called wrong.
            form.add_error("token", _wait_message(wait))
        elif (device := match_token(request.user, token)) is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        else:
            form.add_error("token", _("This code is not correct. Try the current code again."))
    return render(
        request,
        "sitewide/admin/two_factor.html",
        {
            "form": form,
            "enrolling": False,
            "next": _next_url(request),
            "action": reverse("two_factor_verify"),
        },
    )


def _spaced(key: bytes) -> str:
    """The secret in base32, in groups of four for typing into an app."""
    from base64 import b32encode

    text = b32encode(key).decode().rstrip("=")
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))
