"""The smaller HTTP gaps, each closed: password-reset limits, Vary: Origin, document headers,
HEAD wherever GET, byte ranges for audio and video, JSON 404s under /api/, one log line for a
bad Host, sign-out by POST only, and NUL characters refused."""

import io
import logging
import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document

from longread.mediafiles import MediaFile
from tests.helpers import first_story_path, make_user

pytestmark = pytest.mark.django_db


# --- password reset ------------------------------------------------------------------------------


def ask_reset(client, email, address="192.0.2.1"):
    return client.post(
        reverse("wagtailadmin_password_reset"), {"email": email}, REMOTE_ADDR=address
    )


def test_password_reset_is_limited_per_address(client):
    user = make_user("forgetful", "Editors")
    user.email = "forgetful@example.org"
    user.save()
    answers = [ask_reset(client, "Forgetful@example.org ").status_code for _ in range(3)]
    assert answers == [302, 302, 302]
    refused = ask_reset(client, "forgetful@example.org", address="198.51.100.7")
    assert refused.status_code == 429
    assert "Try again in" in refused.content.decode() and int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 3  # the fourth sent nothing


def test_password_reset_is_limited_per_client(client):
    for number in range(10):
        assert ask_reset(client, f"someone{number}@example.org").status_code == 302
    assert ask_reset(client, "someone-else@example.org").status_code == 429
    # Another client is not held up by that one.
    assert ask_reset(client, "someone-else@example.org", address="203.0.113.9").status_code == 302


# --- CORS ----------------------------------------------------------------------------------------


def test_cors_answers_vary_by_origin(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]  # from API_CORS_ORIGINS
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://other.example")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options("/api/v2/pages/", HTTP_ORIGIN="https://partner.example")
    for response in (allowed, other, preflight):
        # Header names are case-insensitive; django-cors-headers writes "origin".
        assert "origin" in [v.strip().lower() for v in response["Vary"].split(",")]


# --- documents -----------------------------------------------------------------------------------


def test_documents_carry_correct_headers(client):
    served = None
    for document in Document.objects.all():
        response = client.get(document.url)
        if response.status_code == 200:
            served = response
            break
    assert served is not None, "the demo site serves a document"
    assert "Content-Encoding" not in served
    assert served["Content-Type"] == "application/pdf"
    assert served["Content-Disposition"].startswith(("attachment", "inline"))
    # No empty ETag (a document stored without its hash): every version would match it.
    assert served.get("ETag", "x").strip('W/"') != ""
    head = client.head(document.url)
    assert head.status_code == 200 and "Content-Encoding" not in head
    assert "Content-Language" not in served
    # Kept like the media files readers see: a short while, then asked again (a document
    # stops being served when its page is withdrawn).
    assert served["Cache-Control"] == "public, max-age=300"
    assert head["Cache-Control"] == "public, max-age=300"


def test_a_picture_has_no_language(client):
    """One copy of a file serves readers of every language: no Content-Language, and a
    shared cache keeps one copy, not one per Accept-Language."""
    picture = client.get(rendition_url(client), HTTP_ACCEPT_LANGUAGE="ar")
    assert picture.status_code == 200
    assert "Content-Language" not in picture
    assert "accept-language" not in picture.get("Vary", "").lower()


# --- HEAD ----------------------------------------------------------------------------------------


def rendition_url(client) -> str:
    html = client.get(first_story_path("en")).content.decode()
    return re.search(r'(/media/images/[^" ,]+)', html)[1]


def audio() -> MediaFile:
    return MediaFile.objects.filter(kind=MediaFile.AUDIO).first()


def test_head_wherever_get(client):
    for url in [
        "/",
        "/en/",
        "/en/search/?q=trust",
        "/sitemap.xml",
        "/robots.txt",
        rendition_url(client),
        audio().file.url,
    ]:
        got = client.get(url)
        head = client.head(url)
        assert head.status_code == got.status_code, url
        assert head.status_code in (200, 302), url
        body = b"".join(head.streaming_content) if head.streaming else head.content
        assert body == b"", url


# --- byte ranges ---------------------------------------------------------------------------------


def whole(response) -> bytes:
    return b"".join(response.streaming_content)


def test_audio_answers_byte_ranges(client):
    url = audio().file.url
    full = client.get(url)
    body = whole(full)
    size = len(body)
    assert full["Accept-Ranges"] == "bytes" and size > 1000

    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{size}"
    assert part["Content-Length"] == "100" and whole(part) == body[100:200]

    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert tail.status_code == 206 and whole(tail) == body[-10:]
    rest = client.get(url, HTTP_RANGE=f"bytes={size - 5}-")
    assert whole(rest) == body[-5:]
    capped = client.get(url, HTTP_RANGE=f"bytes=0-{size * 2}")
    assert capped["Content-Range"] == f"bytes 0-{size - 1}/{size}"

    past = client.get(url, HTTP_RANGE=f"bytes={size}-")
    assert past.status_code == 416
    assert past["Content-Range"] == f"bytes */{size}"
    assert "past the end" in past.content.decode()

    # Positions longer than Python reads as numbers (4,300 digits) are past any end: never a 500.
    huge = "9" * 5000
    too_far = client.get(url, HTTP_RANGE=f"bytes={huge}-")
    assert too_far.status_code == 416 and too_far["Content-Range"] == f"bytes */{size}"
    for header in [f"bytes=0-{huge}", f"bytes=-{huge}"]:
        answer = client.get(url, HTTP_RANGE=header)
        assert answer.status_code == 206 and whole(answer) == body, header
    padded = client.get(url, HTTP_RANGE=f"bytes={'0' * 5000}1-")
    assert padded.status_code == 206 and whole(padded) == body[1:]

    # What the RFC lets a server ignore gets the whole file.
    for header in ["bytes=5-1", "bytes=0-1,5-6", "items=0-1", "bytes=-"]:
        answer = client.get(url, HTTP_RANGE=header)
        assert answer.status_code == 200, header


# --- the API's 404s ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/pages/%0A/",
        "/api/v2/pages/%0A",
        "/api/v2/nothing/",
        "/api/%0A",
        "/api/v2/pages/999999/",
    ],
)
def test_every_api_address_that_names_nothing_is_a_json_404(client, url):
    response = client.get(url, follow=True)
    assert response.status_code == 404, url
    assert response["Content-Type"].startswith("application/json"), url
    assert response.json()["message"]


def test_a_host_the_site_does_not_serve_is_a_json_400_on_the_api(client):
    """Django's own 400 (DisallowedHost), made before any API view: JSON like every API error."""
    response = client.get("/api/v2/pages/", HTTP_HOST="evil.example")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert response.json() == {"message": "bad request"}
    dutch = client.get("/api/v2/pages/", HTTP_HOST="evil.example", HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch.json() == {"message": "ongeldig verzoek"}


# --- a bad Host ----------------------------------------------------------------------------------


def test_a_bad_host_is_one_log_line_without_traceback(client):
    logger = logging.getLogger("django.security.DisallowedHost")
    from sitewide.operations.logs import WithoutTraceback

    [handler] = [
        h for h in logger.handlers if any(isinstance(f, WithoutTraceback) for f in h.filters)
    ]
    stream = io.StringIO()
    previous = handler.setStream(stream)
    try:
        response = client.get("/en/", HTTP_HOST="attacker.example")
    finally:
        handler.setStream(previous)
    assert response.status_code == 400
    logged = stream.getvalue()
    assert logged.count("\n") == 1, logged
    assert "attacker.example" in logged and "Traceback" not in logged


# --- signing out ---------------------------------------------------------------------------------


def test_signing_out_takes_a_post_with_the_csrf_token():
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(make_user("leaving", "Editors"))
    logout = reverse("wagtailadmin_logout")
    confirm = browser.get(logout)
    assert confirm.status_code == 200
    page = confirm.content.decode()
    assert 'method="post"' in page and "csrfmiddlewaretoken" in page
    assert browser.get("/admin/").status_code == 200  # a GET signed nobody out
    assert browser.post(logout).status_code == 403  # no token: refused
    assert browser.get("/admin/").status_code == 200
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
    assert browser.post(logout, {"csrfmiddlewaretoken": token}).status_code == 302
    assert browser.get("/admin/").status_code == 302  # signed out: back to the sign-in


# --- NUL -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/en/?x=%00", "/en/search/?q=trust&page=%00", "/sitemap.xml?a=%00", "/en/%00/", "/?%00=1"],
)
def test_a_nul_character_in_any_parameter_is_refused(client, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert "NUL" in response.content.decode()


def test_the_nul_refusal_answers_in_the_language_of_the_address(client):
    """It comes before the locale middleware: each answer is in its address's language, not in
    the one the previous request on this thread left active."""
    text = {"en": "The address contains a NUL character", "nl": "Het adres bevat een NUL-teken"}
    for _ in range(2):
        for language, other in (("nl", "en"), ("en", "nl")):
            assert client.get(f"/{other}/", HTTP_ACCEPT_LANGUAGE="en").status_code == 200
            response = client.get(f"/{language}/?x=%00", HTTP_ACCEPT_LANGUAGE="en")
            assert response.status_code == 400
            assert text[language] in response.content.decode(), language
            assert response["Content-Language"] == language


def test_the_search_box_reads_nul_as_text(client):
    assert client.get("/en/search/?q=%00").status_code == 200
    assert client.get("/api/v2/pages/?search=a%00b").status_code == 400
