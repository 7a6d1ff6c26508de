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
    "fields=-_",
    "fields=*,title",
    "fields=title(",
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
        f"{API}?search_operator=and",
        f"{API}preview/?token=abc&locale=en",
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
            "method POST is not allowed: the API only reads (GET, HEAD, OPTIONS)"
        ), url
        dutch = client.delete(url, HTTP_ACCEPT_LANGUAGE="nl")
        assert dutch.json()["message"] == (
            "methode DELETE is niet toegestaan: de API is alleen-lezen (GET, HEAD, OPTIONS)"
        ), url


# --- what a partner tried (fresh eyes) ----------------------------------------------------------

INTERNALS = ("invalid literal", "expected", "Field '", "int()", "Traceback")


@pytest.mark.parametrize(
    "query, name",
    [
        ("type=stories.ProjectPage&partners=1", "partners"),
        ("type=stories.ProjectPage&partners=", "partners"),
        ("type=stories.ProjectPage&deliverables=1", "deliverables"),
        ("type=stories.ProjectPage&recommendations=1", "recommendations"),
        ("type=stories.ProjectPage&coordinator=abc", "coordinator"),
        ("type=stories.TestimonyPage&related_stories=1", "related_stories"),
        ("type=stories.TestimonyPage&related_projects=abc", "related_projects"),
        ("type=stories.TestimonyPage&hero_image=abc", "hero_image"),
        ("type=stories.NewsPage&related_projects=abc", "related_projects"),
        ("id=abc", "id"),
        ("alias_of=abc", "alias_of"),
        ("show_in_menus=maybe", "show_in_menus"),
        (
            "type=stories.NewsPage&date_from=%D9%A2%D9%A0%D9%A2%D9%A0-%D9%A0%D9%A1-%D9%A0%D9%A1",
            "date_from",
        ),
        ("first_published_after=2026-01-01", "first_published_after"),
    ],
)
def test_a_field_filter_names_what_it_takes_in_one_language(client, query, name):
    for language in ("en", "nl"):
        text = message(client, query, language)
        assert text.startswith(f"{name} ") or text.startswith(f"op {name} "), text
        assert not any(internal in text for internal in INTERNALS), text


def test_a_field_filter_takes_a_page_id_and_true_or_false(client):
    assert client.get(f"{API}?show_in_menus=true").status_code == 200
    assert client.get(f"{API}?type=stories.ProjectPage&coordinator=1").status_code == 200


@pytest.mark.parametrize(
    "query",
    [
        "type=stories.ProjectPage&order=partners",
        "type=stories.ProjectPage&order=-deliverables",
        "type=stories.ProjectPage&order=recommendations",
        "type=stories.TestimonyPage&order=body",
        "type=stories.TestimonyPage&order=related_projects",
        "order=",
        "type=",
    ],
)
def test_ordering_by_what_has_several_values_is_refused(client, query):
    """Django would repeat a page once per value and lose others across pages."""
    text = message(client, query)
    assert "order" in text or "type" in text


@pytest.mark.parametrize(
    "fields", ["_", "_,title", "-id", "-type", "-detail_url", "meta", "-", "title,,id"]
)
def test_fields_never_remove_id_and_meta(client, fields):
    text = message(client, f"fields={fields}")
    assert text.startswith("fields: ")
    detail = client.get(f"{API}{first_page_id(client)}/?fields={fields}")
    assert detail.status_code == 400


def test_fields_may_remove_other_fields(client):
    listing = client.get(f"{API}?fields=-title").json()
    assert all({"id", "meta"} <= set(item) and "title" not in item for item in listing["items"])
    detail = client.get(f"{API}{first_page_id(client)}/?fields=-title").json()
    assert "title" not in detail and detail["id"] and detail["meta"]["detail_url"]


def first_page_id(client) -> int:
    return client.get(f"{API}?locale=en&limit=1").json()["items"][0]["id"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v2/?format=json",
        "/api/v2/settings/?format=json",
        "/api/v2/changes/?after=0&format=json",
        "/api/v2/schema/?format=json",
    ],
)
def test_format_json_is_taken_wherever_it_is_the_answer(client, url):
    assert client.get(url).status_code == 200


def test_the_schema_refuses_an_unknown_parameter_like_every_endpoint(client):
    assert client.get("/api/v2/schema/?foo=1").status_code == 400


def test_a_language_declined_with_q_0_is_not_used(client):
    english = message(client, "limit=0")
    assert message(client, "limit=0", "nl;q=0") == english
    assert message(client, "limit=0", "nl;q=0, en") == english


def test_other_digits_are_refused_in_times_as_in_numbers(client):
    since = client.get("/api/v2/changes/?since=%D9%A2%D9%A0%D9%A2%D9%A0-01-01T00:00:00Z")
    assert since.status_code == 400 and "0-9" in since.json()["message"]


def test_find_and_preview_say_what_is_missing(client):
    assert client.get(f"{API}find/?html_path=").status_code == 400
    preview = client.get(f"{API}preview/")
    assert preview.status_code == 400 and "token" in preview.json()["message"]


def test_settings_of_a_language_without_its_own_are_the_english_ones(client):
    german = client.get("/api/v2/settings/?locale=de").json()
    english = client.get("/api/v2/settings/?locale=en").json()
    assert german["locale"] == "en"
    assert german["helpline_phone"] == english["helpline_phone"]
    assert german["help_text"] == english["help_text"]


def test_the_guides_five_calls_work_as_written(client):
    """The guide's first block, run as a partner would (the id from the first call's list)."""
    from pathlib import Path

    guide = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text()
    block = guide.split("## In five calls", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    story = client.get(f"{API}?type=stories.TestimonyPage&locale=en&limit=1").json()["items"][0]
    urls = re.findall(r'curl -sL? "(\$BASE[^"]+)"', block)
    assert len(urls) == 6
    for url in urls:
        url = url.replace("$BASE", "/api/v2").replace("$ID", str(story["id"]))
        response = client.get(url, follow=True)
        assert response.status_code == 200, (url, response.content[:200])
        assert response.json()


def test_answers_of_the_apis_own_views_are_written_like_the_frameworks(client):
    """Compact, and text as it is (no \\u escapes), on every endpoint alike."""
    for url in ("/api/v2/?x=1", "/api/v2/settings/?locale=ar", "/api/v2/changes/?after=0"):
        body = client.get(url).content.decode()
        assert '": ' not in body and '", "' not in body and "\\u0" not in body, url
