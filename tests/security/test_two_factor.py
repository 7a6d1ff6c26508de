"""Admin sign-in: a password alone opens no admin page (sitewide.staff.two_factor), enrolment and
verification with real TOTP codes, sign-in rate limiting (django-axes), password rules and
sessions."""

import base64
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from stories.models import ConsentRecord, TestimonyPage
from tests.helpers import FIRST_SLUG, make_user

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "a-long-test-passphrase"  # tests.helpers.make_user

pytestmark = pytest.mark.django_db


def current_code(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for this device's secret."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


# --- every admin URL -------------------------------------------------------------------------

PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")


def admin_routes() -> list[str]:
    """Every URL pattern under admin/, as a route with its parameters still named."""
    routes = []

    def walk(patterns, prefix):
        for entry in patterns:
            route = str(entry.pattern).lstrip("^").rstrip("$").replace("\\", "")
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + route)
            elif isinstance(entry, URLPattern):
                routes.append(prefix + route)

    walk(get_resolver().url_patterns, "")
    return sorted({route for route in routes if route.startswith("admin/")})


def fill(route: str, values: dict[str, str]) -> str:
    def value(match):
        name = match.group("name") or match.group("group")
        return values.get(name, "1")

    return "/" + PARAMETER.sub(value, route)


def real_values() -> dict[str, str]:
    """Ids of real objects for the parameter names Wagtail's admin URLs use."""
    story = TestimonyPage.objects.get(locale__language_code="nl", slug=FIRST_SLUG["nl"])
    revision = story.latest_revision
    record = ConsentRecord.objects.first()
    values = {
        "page_id": str(story.pk),
        "parent_page_id": str(story.get_parent().pk),
        "revision_id": str(revision.pk),
        "content_type_app_name": "stories",
        "content_type_model_name": "testimonypage",
        "app_label": "stories",
        "model_name": "consentrecord",
        "pk": str(record.pk),
        "user_id": str(get_user_model().objects.first().pk),
    }
    return values


@pytest.mark.password_only
def test_a_password_only_session_reaches_no_admin_page(client):
    admin = make_user("password-only", superuser=True)
    client.force_login(admin)
    routes = admin_routes()
    assert len(routes) > 150, "the walk found too few admin URL patterns"
    values = real_values()
    enrol = reverse("two_factor_enrol")
    # The sign-in step itself, Wagtail's translated strings for scripts and its icon sprite.
    allowed_200 = {
        enrol,
        reverse("wagtailadmin_javascript_catalog"),
        reverse("wagtailadmin_sprite"),
    }
    # Signing in again is sent home (and from there to enrolment); signing out wants POST, and
    # Wagtail drops the session cookie even on that refusal, so it comes last.
    login, logout = reverse("wagtailadmin_login"), reverse("wagtailadmin_logout")
    assert client.get(login).status_code == 302
    answered = {}
    for route in routes:
        url = fill(route, values)
        if url in allowed_200 or url in (login, logout):
            continue
        response = client.get(url)
        answered[url] = response.status_code
        assert response.status_code != 200, f"{url} answered 200 without a second factor"
        if response.status_code == 302:
            assert response["Location"].startswith(enrol), (url, response["Location"])
    # Every address is sent to enrolment.
    assert set(answered.values()) == {302}, answered
    # Scripts get a refusal they can read, not a page.
    xhr = client.get(
        f"/admin/pages/{values['page_id']}/", headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert xhr.status_code == 403
    # Signing out asks first (a POST with the CSRF token signs out;
    # tests/serving/test_http_gaps.py).
    assert client.get(logout).status_code == 200


@pytest.mark.password_only
def test_the_same_walk_with_a_verified_session_opens_pages(client):
    """The walk above can fail: after the second step the same addresses answer."""
    admin = make_user("verified", superuser=True)
    device = TOTPDevice.objects.create(user=admin, name="app", confirmed=True)
    client.force_login(admin)
    response = client.post(
        reverse("two_factor_verify"), {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    values = real_values()
    routes = admin_routes()
    for route in [
        "admin/",
        "admin/pages/",
        "admin/pages/<int:page_id>/edit/",
        "admin/pages/<int:page_id>/history/",
        "admin/images/",
        "admin/snippets/stories/consentrecord/",
    ]:
        assert route in routes
        url = fill(route, values)
        assert client.get(url).status_code == 200, url


def test_a_user_with_a_device_is_sent_to_verification(client):
    user = make_user("has-device", "Editors")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.post(reverse("wagtailadmin_login"), {"username": "has-device", "password": PASSWORD})
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    wrong = client.post(reverse("two_factor_verify"), {"token": "000000", "next": "/admin/"})
    if current_code(device) != "000000":
        assert wrong.status_code == 200
        assert "not correct" in wrong.content.decode()
        assert client.get("/admin/").status_code == 302
    device.refresh_from_db()
    device.throttling_failure_count = 0
    device.throttling_failure_timestamp = None
    device.save()
    right = client.post(
        reverse("two_factor_verify"), {"token": current_code(device), "next": "/admin/pages/"}
    )
    assert right.status_code == 302
    assert right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def secret_on(page: str) -> bytes:
    """The secret an enrolment page shows, as an authenticator app would read it."""
    text = re.search(r'id="two-factor-secret">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")
    return base64.b32decode(text + "=" * (-len(text) % 8))


def code_for(key: bytes) -> str:
    return current_code(TOTPDevice(key=key.hex()))


def test_first_sign_in_enrols_through_the_real_forms(client):
    make_user("new-staff", "Editors")
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "new-staff", "password": PASSWORD, "next": "/admin/"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(reverse("two_factor_enrol"))
    page = response.content.decode()
    # The secret as text and as an otpauth:// address; no image from elsewhere.
    key = secret_on(page)
    uri = page.split('id="two-factor-uri">')[1].split("</code>")[0]
    assert uri.startswith("otpauth://totp/") and "https://" not in uri
    assert base64.b32encode(key).decode().rstrip("=") in uri
    # Nothing of it is in the database until it is confirmed.
    assert not TOTPDevice.objects.filter(user__username="new-staff").exists()
    # The same session sees the same secret again.
    assert secret_on(client.get(reverse("two_factor_enrol")).content.decode()) == key

    response = client.post(reverse("two_factor_enrol"), {"token": code_for(key), "next": "/admin/"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_recovery_codes"))
    device = TOTPDevice.objects.get(user__username="new-staff")
    assert device.confirmed and device.bin_key == key
    # Recovery codes are offered once, then never shown again.
    shown = client.get(response["Location"])
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", shown.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert 'href="/admin/"' in shown.content.decode()
    assert client.get(response["Location"]).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_every_session_gets_its_own_secret_and_loses_it_when_it_ends(client):
    """Someone who knows a not-yet-enrolled account's password cannot copy the secret in
    advance: the secret they see is theirs alone, and dies with their session."""
    from django.test import Client

    make_user("target", "Editors")
    login = {"username": "target", "password": PASSWORD}
    intruder = Client()
    intruder.post(reverse("wagtailadmin_login"), login)
    copied = secret_on(intruder.get(reverse("two_factor_enrol")).content.decode())

    client.post(reverse("wagtailadmin_login"), login)
    own = secret_on(client.get(reverse("two_factor_enrol")).content.decode())
    assert own != copied
    client.post(reverse("two_factor_enrol"), {"token": code_for(own), "next": "/admin/"})
    assert client.get("/admin/").status_code == 200

    # The intruder's copy opens nothing, in a new session or the old one.
    intruder.post(reverse("wagtailadmin_logout"))
    intruder.post(reverse("wagtailadmin_login"), login)
    response = intruder.post(
        reverse("two_factor_verify"), {"token": code_for(copied), "next": "/admin/"}
    )
    assert response.status_code == 200 and intruder.get("/admin/").status_code == 302

    # A session that ends takes its secret with it: signing in again shows a new one.
    other = Client()
    make_user("later", "Editors")
    other.post(reverse("wagtailadmin_login"), {"username": "later", "password": PASSWORD})
    first = secret_on(other.get(reverse("two_factor_enrol")).content.decode())
    other.post(reverse("wagtailadmin_logout"))
    other.post(reverse("wagtailadmin_login"), {"username": "later", "password": PASSWORD})
    assert secret_on(other.get(reverse("two_factor_enrol")).content.decode()) != first


def test_two_sessions_enrolling_at_once_leave_one_authenticator(client, monkeypatch):
    """Two password-only sessions of one account, each with its own secret, enter a right code
    at the same moment: the first to confirm enrols; the other, which had already passed the
    "not enrolled yet" check, finds it inside its transaction, confirms nothing and is sent to
    verification. (The first session's confirmation runs between that check and the second
    session's transaction, as it would at the same moment.)"""
    from django.test import Client
    from django_otp.plugins.otp_static.models import StaticDevice

    from sitewide.staff import two_factor

    make_user("twice", "Editors")
    login = {"username": "twice", "password": PASSWORD}
    first = Client()
    first.post(reverse("wagtailadmin_login"), login)
    first_key = secret_on(first.get(reverse("two_factor_enrol")).content.decode())
    client.post(reverse("wagtailadmin_login"), login)
    second_key = secret_on(client.get(reverse("two_factor_enrol")).content.decode())

    matches = two_factor._matches

    def the_first_session_confirms_meanwhile(device, token):
        monkeypatch.setattr(two_factor, "_matches", matches)
        enrolled = first.post(reverse("two_factor_enrol"), {"token": code_for(first_key)})
        assert enrolled["Location"].startswith(reverse("two_factor_recovery_codes"))
        return matches(device, token)

    monkeypatch.setattr(two_factor, "_matches", the_first_session_confirms_meanwhile)
    response = client.post(
        reverse("two_factor_enrol"), {"token": code_for(second_key), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    assert "in another session" in client.get(response["Location"]).content.decode()
    devices = TOTPDevice.objects.filter(user__username="twice")
    assert [device.bin_key for device in devices] == [first_key] and devices[0].confirmed
    assert StaticDevice.objects.filter(user__username="twice").count() == 1
    assert client.get("/admin/").status_code == 302  # not verified
    assert first.get("/admin/").status_code == 200
    # The second session signs in with the authenticator the first set up.
    verified = client.post(reverse("two_factor_verify"), {"token": code_for(first_key)})
    assert verified.status_code == 302 and client.get("/admin/").status_code == 200


def test_a_recovery_code_signs_in_once_when_the_phone_is_lost(client):
    from django.test import Client

    make_user("lost-phone", "Editors")
    login = {"username": "lost-phone", "password": PASSWORD}
    client.post(reverse("wagtailadmin_login"), login)
    key = secret_on(client.get(reverse("two_factor_enrol")).content.decode())
    done = client.post(reverse("two_factor_enrol"), {"token": code_for(key), "next": "/admin/"})
    codes = re.findall(
        r"<li><code>([a-z2-7]{8})</code></li>", client.get(done["Location"]).content.decode()
    )

    for attempt in range(2):
        browser = Client()
        browser.post(reverse("wagtailadmin_login"), login)
        response = browser.post(
            reverse("two_factor_verify"), {"token": codes[0].upper(), "next": "/admin/"}
        )
        if attempt == 0:
            assert response.status_code == 302 and browser.get("/admin/").status_code == 200
        else:  # used up
            assert response.status_code == 200 and browser.get("/admin/").status_code == 302


def test_a_wrong_enrolment_code_is_refused(client):
    make_user("typo", "Editors")
    client.post(reverse("wagtailadmin_login"), {"username": "typo", "password": PASSWORD})
    key = secret_on(client.get(reverse("two_factor_enrol")).content.decode())
    wrong = "000000" if code_for(key) != "000000" else "111111"
    response = client.post(reverse("two_factor_enrol"), {"token": wrong, "next": "/admin/"})
    assert response.status_code == 200
    assert "This code is not correct" in response.content.decode()
    assert not TOTPDevice.objects.filter(user__username="typo").exists()
    assert client.get("/admin/").status_code == 302
    # Straight after, even the right code waits: the answer says so, not "wrong".
    response = client.post(reverse("two_factor_enrol"), {"token": code_for(key), "next": "/admin/"})
    text = response.content.decode()
    assert "Wait 1 second" in text and "not correct" not in text


def test_the_throttle_says_how_long_to_wait_not_that_a_right_code_is_wrong(client):
    user = make_user("throttled", "Editors")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.post(reverse("wagtailadmin_login"), {"username": "throttled", "password": PASSWORD})
    right = current_code(device)
    wrong = "000000" if right != "000000" else "111111"
    for _ in range(4):  # the waits grow: 1, 2, 4, 8 seconds
        device.refresh_from_db()
        device.throttling_failure_timestamp = None  # as if the wait had passed
        device.save()
        client.post(reverse("two_factor_verify"), {"token": wrong, "next": "/admin/"})
    response = client.post(reverse("two_factor_verify"), {"token": right, "next": "/admin/"})
    text = response.content.decode()
    assert response.status_code == 200
    assert re.search(r"Wait [5-8] seconds", text), text
    assert "not correct" not in text
    assert client.get("/admin/").status_code == 302


def test_next_never_leaves_the_site(client):
    user = make_user("redirected", "Editors")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    client.post(reverse("wagtailadmin_login"), {"username": "redirected", "password": PASSWORD})
    response = client.post(
        reverse("two_factor_verify"),
        {"token": current_code(device), "next": "https://elsewhere.example/"},
    )
    assert response["Location"] == "/admin/"


def test_ensure_admins_account_enrols_at_first_sign_in(client, monkeypatch):
    from django.core.management import call_command

    get_user_model().objects.filter(is_superuser=True).delete()
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-passphrase")
    call_command("ensure_admin", stdout=open(os.devnull, "w"))  # noqa: SIM115
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "admin", "password": "a-long-local-passphrase"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(reverse("two_factor_enrol"))


# --- rate limiting ---------------------------------------------------------------------------


def test_five_failures_lock_that_user_name_from_that_address_only(client, django_user_model):
    make_user("target", "Editors")
    make_user("colleague", "Editors")
    login = reverse("wagtailadmin_login")
    for attempt in range(1, 5):
        response = client.post(login, {"username": "target", "password": f"wrong-{attempt}"})
        assert response.status_code == 200, attempt  # the form again, with its error
    fifth = client.post(login, {"username": "target", "password": "wrong-5"})
    assert fifth.status_code == 429
    assert "locked" in fifth.content.decode()
    # Locked even with the right password.
    locked = client.post(login, {"username": "target", "password": PASSWORD})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Another user from the same address signs in.
    other = client.post(login, {"username": "colleague", "password": PASSWORD})
    assert other.status_code == 302
    assert client.session["_auth_user_id"] == str(
        django_user_model.objects.get(username="colleague").pk
    )
    # The same user from another address too.
    client.logout()
    elsewhere = client.post(
        login, {"username": "target", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7"
    )
    assert elsewhere.status_code == 302


def test_failures_keep_no_successful_sign_in_and_reset_works(client):
    from axes.models import AccessAttempt, AccessLog
    from django.core.management import call_command

    make_user("forgetful", "Editors")
    login = reverse("wagtailadmin_login")
    for attempt in range(5):
        client.post(login, {"username": "forgetful", "password": f"wrong-{attempt}"})
    assert AccessAttempt.objects.filter(username="forgetful").exists()
    call_command("axes_reset_username", "forgetful", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert client.post(login, {"username": "forgetful", "password": PASSWORD}).status_code == 302
    assert not AccessLog.objects.exists()  # successful sign-ins are not logged


def test_readers_pages_are_untouched(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get("/nl/")
    assert response.status_code == 200
    assert not response.cookies
    assert not [q for q in queries if "axes_" in q["sql"] or "otp_" in q["sql"]]


# --- passwords and sessions ------------------------------------------------------------------


def test_passwords_need_twelve_characters_and_no_common_ones():
    with pytest.raises(ValidationError):
        validate_password("Sh0rt-pass!")  # 11 characters
    with pytest.raises(ValidationError):
        validate_password("password1234")  # on the common-passwords list
    validate_password("correct horse battery")


def test_sessions_last_at_most_eight_hours(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.SESSION_COOKIE_HTTPONLY


def test_cookies_are_secure_in_production(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_AGE)"
    )
    env = {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/root"),
        "VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "sitewide.settings",
        "SECRET_KEY": "k8Vq2mZ7xR4tW1pL9sD3fG6hJ0bN5cX8vB2nM7qA4wE1rT9yU3i",
    }
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", code],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert result.stdout.splitlines()[-1].split() == ["True", "True", str(8 * 60 * 60)], (
        result.stderr
    )
