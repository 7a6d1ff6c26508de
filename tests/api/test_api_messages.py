"""The API's error messages: one language per answer (English, or Dutch when the client prefers
it), the framework's messages worded like the API's own, and one message for "not found"."""

import re

import pytest
from django.utils import translation
from wagtail.models import Page

from sitewide.api.framework_messages import WAGTAIL_MESSAGES
from stories.models import TestimonyPage

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"

# Each makes Wagtail's API layer (not the project's own checks) refuse the request.
REFUSED_BY_WAGTAIL = [
    "order=zzz",
    "order=random&offset=1",
    "order=random,title",
    "child_of=999999",
    "descendant_of=999999",
    "child_of=1&descendant_of=1",
    "translation_of=999999&locale=en",
    "type=stories.Nope",
    "fields=title(id)",
    "fields=title%20,id",
    "fields=title,(",
    "fields=-_",
    "fields=*,title",
    "fields=_,-title",
    "fields=title,_",
    "fields=title(",
    "show_in_menus=maybe",
]


def message(client, query, language=None):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = client.get(f"{API}?{query}", **headers)
    assert response.status_code == 400, (query, response.status_code, response.content[:200])
    return response.json()["message"]


@pytest.mark.parametrize("query", REFUSED_BY_WAGTAIL)
def test_the_frameworks_refusals_are_worded_as_the_apis_and_in_dutch_when_asked(client, query):
    english = message(client, query)
    dutch = message(client, query, "nl-NL,nl;q=0.9,en;q=0.5")
    # Worded by this API, not left as Wagtail wrote it ...
    assert worded_as(english, "en"), english
    # ... and in Dutch for a client that prefers Dutch: not one English message left.
    assert worded_as(dutch, "nl") and not worded_as(dutch, "en"), dutch


def worded_as(text: str, language: str) -> bool:
    """Whether the text is one of the API's wordings of Wagtail's messages in the language."""
    with translation.override(language):
        wordings = [str(wording) for _pattern, wording in WAGTAIL_MESSAGES]
    patterns = [
        ".*".join(re.escape(part) for part in re.split(r"%\(\w+\)s", wording))
        for wording in wordings
    ]
    return any(re.fullmatch(pattern, text, re.DOTALL) for pattern in patterns)


@pytest.mark.parametrize(
    "url",
    [
        f"{API}?limit=0",
        f"{API}?themes=nope",
        f"{API}?first_published_after=2026-01-01",
        f"{API}?cursor=abc",
        f"{API}?locale=xx",
        f"{API}?foo=1",
        "/api/v2/changes/",
        "/api/v2/changes/?since=yesterday",
        "/api/v2/settings/?locale=xx",
        "/api/v2/?x=1",
        "/api/v2/organisations/?country=XX",
        "/api/v2/pages/find/?html_path=https://elsewhere.example/en/",
    ],
)
def test_the_apis_own_refusals_are_in_dutch_when_asked_and_english_otherwise(client, url):
    english = client.get(url)
    dutch = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
    german = client.get(url, HTTP_ACCEPT_LANGUAGE="de-DE,de")  # not a language of the messages
    assert english.status_code == dutch.status_code == german.status_code == 400
    assert german.json() == english.json()
    assert dutch.json()["message"] != english.json()["message"]
    assert "Accept-Language" in english["Vary"]


def test_a_client_that_prefers_another_language_before_dutch_reads_dutch(client):
    """The first of the client's languages that the messages are written in is used."""
    asked = client.get(f"{API}?limit=0", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9,nl;q=0.8,en;q=0.5")
    assert asked.json()["message"] == "limit moet een geheel getal van 1 tot en met 50 zijn"


def test_everything_not_found_says_the_same(client):
    """A page that does not exist, one that is not shown, an unknown organisation and an address
    that names nothing: one answer (a partner takes each down alike)."""
    from stories import consent

    shown = consent.visible_pages(TestimonyPage.objects.live(), consent.API).values("pk")
    hidden = TestimonyPage.objects.live().exclude(pk__in=shown).first()
    unlisted = Page.objects.filter(depth=1).first()  # the tree's root is never an answer
    urls = [
        f"{API}999999/",
        f"{API}{unlisted.pk}/",
        "/api/v2/organisations/999999/",
        "/api/v2/nothing-here/",
        f"{API}%0A/",
        "/api/v2/pages/find/?id=999999",
    ]
    if hidden is not None:
        urls.append(f"{API}{hidden.pk}/")
    for url in urls:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json() == {"message": "not found"}, url
        dutch = client.get(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert dutch.json() == {"message": "niet gevonden"}, url


def test_every_method_but_reading_is_refused_in_one_wording(client):
    for url in (API, "/api/v2/changes/", "/api/v2/settings/", "/api/v2/"):
        response = client.post(url)
        assert response.status_code == 405, url
        assert response.json()["message"] == (
            "method POST is not allowed: the API only reads (GET, HEAD)"
        ), url
        dutch = client.delete(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert dutch.json()["message"] == (
            "methode DELETE is niet toegestaan: de API leest alleen (GET, HEAD)"
        ), url
