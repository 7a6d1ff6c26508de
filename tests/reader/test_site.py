"""Site-wide behaviour: language routing, admin language, robots, error pages, commands."""

import io
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.models import Page

from sitewide.models import LanguageSettings
from stories.models import ConsentRecord
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM, first_story_path

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [("en-GB,en;q=0.9", "/en/"), ("nl-NL,nl;q=0.9", "/nl/"), ("de-DE", "/nl/"), ("", "/nl/")],
)
def test_root_redirects_by_accept_language(client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(("url", "language"), [("/nl/", "nl"), ("/en/", "en")])
def test_home_page_in_each_language(client, url, language):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}" dir="ltr"' in html
    assert 'class="lr-skip" href="#main"' in html
    assert "data-quick-exit-link" in html
    # Footer from the per-language settings.
    settings = LanguageSettings.for_language(language)
    assert settings.helpline_phone in html
    # Story cards on the home page: pseudonym and quote.
    assert FIRST_PSEUDONYM in html and SECOND_PSEUDONYM in html


def test_language_switcher_links_translations(client):
    html = client.get(first_story_path("en")).content.decode()
    assert f'href="{first_story_path("nl")}" hreflang="nl"' in html


def test_robots_txt(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_search_page_per_language(client):
    response = client.get("/en/search/", {"q": "trust"})
    assert response.status_code == 200
    assert "Getting my trust back" in response.content.decode()
    dutch = client.get("/nl/search/", {"q": "vertrouwen"}).content.decode()
    assert "Mijn vertrouwen terug" in dutch and "Getting my trust back" not in dutch


def test_unknown_page_is_a_404_with_the_site_template(client):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_the_404_page_leads_home_in_its_language(client):
    from django.utils import translation

    html = client.get("/ar/no-such-page/").content.decode()
    with translation.override("ar"):
        home = translation.gettext("Go to the home page")
    assert f'<a href="/ar/">{home}</a>' in html


def test_500_page_renders_without_touching_the_database(rf):
    from sitewide.views import server_error

    with CaptureQueriesContext(connection) as queries:
        response = server_error(rf.get("/nl/"))
    assert response.status_code == 500
    assert len(queries) == 0
    assert "Something went wrong" in response.content.decode()


def test_original_images_are_not_served(client):
    image = get_image_model().objects.first()
    assert client.get("/media/" + image.file.name).status_code == 404


def test_seed_demo_twice_creates_no_duplicates():
    counts = (
        Page.objects.count(),
        get_image_model().objects.count(),
        ConsentRecord.objects.count(),
    )
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "Demo content is in place." in out.getvalue()
    after = (Page.objects.count(), get_image_model().objects.count(), ConsentRecord.objects.count())
    assert after == counts


def test_ensure_admin_prints_a_generated_password_once(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    match = re.search(r"password: (\S+)", out.getvalue())
    assert match
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    # Sign-in rate limiting (django-axes) needs the request whose address it counts.
    sign_in = RequestFactory().post("/admin/login/")
    assert authenticate(sign_in, username="admin", password=match.group(1))
    assert "two-factor" in out.getvalue()
    again = io.StringIO()
    call_command("ensure_admin", stdout=again)
    assert "password" not in again.getvalue().lower().replace("admin_password", "")


def test_ensure_admin_uses_admin_password(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-passphrase")
    call_command("ensure_admin", stdout=io.StringIO())
    from django.contrib.auth import authenticate
    from django.test import RequestFactory

    sign_in = RequestFactory().post("/admin/login/")
    assert authenticate(sign_in, username="admin", password="a-long-local-passphrase")


def test_ensure_admin_sets_the_accounts_admin_language_when_asked(monkeypatch):
    from wagtail.users.models import UserProfile

    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-local-passphrase")
    call_command("ensure_admin", "--language", "en", stdout=io.StringIO())
    assert UserProfile.objects.get(user__username="admin").preferred_language == "en"
    with pytest.raises(CommandError):
        call_command("ensure_admin", "--language", "ar", stdout=io.StringIO())


def test_a_page_is_never_served_under_another_language_prefix(client, settings):
    """With more languages configured, Wagtail falls back to the Dutch page for an untranslated
    language; the site answers 404 instead of serving Dutch text under /de/."""
    from django.urls import clear_url_caches
    from wagtail.models import Locale

    settings.LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]
    settings.WAGTAIL_CONTENT_LANGUAGES = settings.LANGUAGES
    Locale.objects.get_or_create(language_code="de")
    clear_url_caches()
    try:
        assert client.get("/de/").status_code == 404
        assert client.get(first_story_path("de", slugs="nl")).status_code == 404
        assert client.get("/de/over-comensha/").status_code == 404
        response = client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9,en;q=0.5")
        assert response["Location"] == "/en/"  # no German home yet: the next language asked for
    finally:
        clear_url_caches()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/nl/",
        first_story_path("en"),
        "/en/search/?q=trust",
        "/sitemap.xml",
        "/en/news/feed/rss/",
        "/en/no-such-page/",
        "/robots.txt",
    ],
)
def test_anonymous_readers_get_no_cookie(client, url):
    """Nothing is stored on a reader's device: no cookie, and nothing varies by cookie."""
    response = client.get(url)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_reader_pages_have_a_content_security_policy_with_the_video_allow_list(client):
    response = client.get(first_story_path("en"))
    policy = dict(
        part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";")
    )
    assert policy["script-src"] == "'self'"
    assert "unsafe-inline" not in policy["script-src"] and "unsafe-eval" not in policy["script-src"]
    assert policy["frame-src"].split() == [
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]
    assert policy["frame-ancestors"] == "'none'"
    # The admin has a policy of its own (tests/security/test_security_headers.py, tests/browser).
    assert "frame-ancestors 'self'" in client.get("/admin/login/")["Content-Security-Policy"]
