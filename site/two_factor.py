"""Two-factor sign-in for the admin (django-otp, TOTP).

A password alone opens no admin page: until the session is verified with a code from an
authenticator app, every /admin/ address sends the user to enrolment (no confirmed device yet)
or verification. Readers' pages are not touched: the middleware looks at /admin/ only.
"""

from urllib.parse import urlencode

from django import forms
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_PREFIX = "/admin/"


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
        max_length=8,
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


def enrol(request):
    """First sign-in: a new TOTP secret, shown as text and as an otpauth:// address (no image
    from a third party), confirmed with a first code."""
    if response := _signed_in(request):
        return response
    if request.user.is_verified():
        return redirect(_next_url(request))
    if has_confirmed_device(request.user):
        return redirect(f"{reverse('two_factor_verify')}?{urlencode({'next': _next_url(request)})}")
    device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, name="default", confirmed=False)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            # One device per user: forget any other unconfirmed secret.
            TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
            otp_login(request, device)
            return redirect(_next_url(request))
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


def verify(request):
    """Every later sign-in: a code from the enrolled authenticator app."""
    if response := _signed_in(request):
        return response
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not has_confirmed_device(request.user):
        return redirect(f"{reverse('two_factor_enrol')}?{urlencode({'next': _next_url(request)})}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].strip())
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
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
