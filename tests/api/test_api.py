"""The headless API: structure, anonymity, languages, errors, caching and CORS.

Consent across every API filter and lookup is in the leak matrix (test_consent_leaks.py);
the changes feed and webhooks in test_api_changes.py; previews in test_api_preview.py.
"""

import base64
import json
import re

import pytest
from django.test import override_settings
from wagtail.models import Page, PageViewRestriction

from tests.helpers import FIRST_PSEUDONYM, first_story, first_story_path, make_user

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"


def get_json(client, url, status=200, **extra):
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    assert response["Content-Type"].startswith("application/json"), url
    return response.json()


def all_listing(client):
    return get_json(client, f"{API}?limit=50&fields=*")


def test_story_detail_has_every_field_a_front_end_needs(client):
    page = first_story("en")
    data = get_json(client, f"{API}{page.pk}/")
    assert data["meta"]["type"] == "stories.TestimonyPage"
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["html_url"].endswith(first_story_path("en"))
    for field in ("pseudonym", "quote", "teaser", "content_note", "themes", "body", "hero_image"):
        assert data[field], field
    assert "consent" not in data  # the consent record is not public
    assert data["themes"][0]["label"] == "Sexual exploitation"  # labels in the page's language
    assert [t["locale"] for t in data["translations"]] == ["nl", "ar"]
    assert data["translations"][0]["detail_url"].startswith("http")


def test_body_is_structured_json_with_html_rich_text_and_renditions_only(client):
    page = first_story("en")
    data = get_json(client, f"{API}{page.pk}/")
    types = [block["type"] for block in data["body"]]
    assert "chapter" in types and "text" in types
    assert all(set(block) == {"type", "value", "id"} for block in data["body"])
    text = next(block["value"] for block in data["body"] if block["type"] == "text")
    html = text["html"]
    assert html.startswith("<") and "linktype=" not in html  # display HTML, links resolved
    # The same text as a structure: paragraphs of text nodes, nothing to parse.
    paragraph = text["content"][0]
    assert paragraph["type"] == "paragraph"
    assert "".join(node.get("text", "") for node in paragraph["children"]) in html
    hero = data["hero_image"]
    assert hero["alt"] == page.hero_alt_text and hero["alt"] != first_story("nl").hero_alt_text
    widths = {r["width"] for r in hero["renditions"]}
    formats = {r["format"] for r in hero["renditions"]}
    assert len(widths) >= 3 and formats == {"webp", "jpeg"}
    raw = json.dumps(data)
    assert "original_images" not in raw and page.hero_image.file.name not in raw


def test_every_public_page_type_is_served(client):
    types = {item["meta"]["type"] for item in all_listing(client)["items"]}
    assert {
        "sitewide.HomePage",
        "sitewide.InformationPage",
        "stories.StoryIndexPage",
        "stories.TestimonyPage",
        "stories.ProjectIndexPage",
        "stories.ProjectPage",
        "stories.NewsIndexPage",
        "stories.NewsPage",
        "stories.OrganisationDirectoryPage",
    } <= types
    for item in all_listing(client)["items"]:
        get_json(client, f"{API}{item['id']}/")


def test_project_detail_embeds_organisations_partners_and_documents(client):
    project = get_json(client, f"{API}?type=stories.ProjectPage&locale=en&limit=1")["items"][0]
    data = get_json(client, f"{API}{project['id']}/")
    assert data["acronym"] and data["status"]
    if data["coordinator"]:
        assert data["coordinator"]["name"] and data["coordinator"]["country"]
    assert all(partner["organisation"]["name"] for partner in data["partners"])


def test_locale_filter_and_translation_of(client):
    english = get_json(client, f"{API}?locale=en&limit=50")["items"]
    assert english and all(item["meta"]["locale"] == "en" for item in english)
    nl = first_story("nl")
    found = get_json(client, f"{API}?translation_of={nl.pk}")["items"]
    assert sorted(item["id"] for item in found) == sorted(
        [first_story("en").pk, first_story("ar").pk]
    )


def test_find_resolves_language_prefixed_paths(client):
    for language in ("nl", "en"):
        page = first_story(language)
        response = client.get(f"{API}find/", {"html_path": page.url})
        assert response.status_code == 302, response.content
        assert response["Location"].split("?")[0].endswith(f"{API}{page.pk}/")
    no_language = first_story_path("en").removeprefix("/en")
    for path in (first_story_path("xx"), "/en/no-such-page/", no_language):
        data = get_json(client, f"{API}find/?html_path={path}", status=404)
        assert data["message"]
    # An empty path names nothing: the request is wrong (400), not the page gone (404).
    assert "html_path" in get_json(client, f"{API}find/?html_path=", status=400)["message"]


def test_errors_are_json_and_never_redirect_to_a_language(client):
    for url in (
        "/api/v2/nothing/",
        "/api/v2/images/",
        "/api/v2/documents/",
        f"{API}99999999/",
        "/api/v3/pages/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "Location" not in response
        assert response.json()["message"]


@pytest.mark.parametrize(
    "query",
    [
        "limit=abc",
        "limit=51",
        "limit=-1",
        "offset=-5",
        "offset=x",
        "fields=nonsense",
        "fields=title,(",
        "type=nosuch.Model",
        "type=wagtailimages.Image",
        "order=nonsense",
        "unknown=1",
        "locale=xx",
        "child_of=abc",
        "child_of=999999999999999999999999",
        "descendant_of=99999999",
        "translation_of=-1",
        "search=" + "x" * 201,
        "search_operator=xor&search=a",
        "search=a%00b",
        "site=localhost",
        "ancestor_of=3",
    ],
)
def test_bad_parameters_get_a_json_400(client, query):
    data = get_json(client, f"{API}?{query}", status=400)
    assert data["message"], query


def test_limit_is_capped_and_documented(client, settings):
    assert settings.WAGTAILAPI_LIMIT_MAX == 50
    assert len(get_json(client, f"{API}?limit=50")["items"]) <= 50


def test_organisations_endpoint(client):
    data = get_json(client, "/api/v2/organisations/?locale=en&limit=50")
    assert data["items"] and all(item["locale"] == "en" for item in data["items"])
    detail = get_json(client, data["items"][0]["meta"]["detail_url"])
    assert detail["name"] and detail["country"]
    get_json(client, "/api/v2/organisations/?locale=xx", status=400)
    get_json(client, "/api/v2/organisations/999999/", status=404)


def test_search_finds_consented_stories_in_a_language(client):
    found = get_json(
        client, f"{API}?search={FIRST_PSEUDONYM}&locale=en&type=stories.TestimonyPage"
    )["items"]
    assert [item["id"] for item in found] == [first_story("en").pk]


SIGNED_CURSOR = re.compile(rb"cursor=([^%&\"]+)%3A[^&\"]+")


def test_logged_in_and_basic_auth_get_exactly_the_anonymous_answer(client):
    # A draft change, a private page and an unpublished page exist.
    page = first_story("nl")
    draft = page.get_latest_revision_as_object()
    draft.quote = "DRAFT QUOTE NOT PUBLISHED"
    draft.save_revision()
    private = Page.objects.get(pk=first_story("en").get_parent().pk)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    urls = [f"{API}?limit=50&fields=*", f"{API}{page.pk}/", f"{API}{first_story('en').pk}/"]

    def answers(**headers) -> list[bytes]:
        # The next page's cursor (the demo has more pages than one answer lists) is signed with
        # the second it was made: compared without its timestamp and signature.
        return [
            SIGNED_CURSOR.sub(rb"cursor=\1", client.get(url, **headers).content) for url in urls
        ]

    anonymous = answers()
    assert b"DRAFT QUOTE" not in b"".join(anonymous)
    assert client.get(f"{API}{first_story('en').pk}/").status_code == 404  # below a private page

    admin = make_user("api-admin", superuser=True)
    client.force_login(admin)
    assert answers() == anonymous
    client.logout()
    admin.set_password("a long enough password")
    admin.save()
    basic = "Basic " + base64.b64encode(b"api-admin:a long enough password").decode()
    assert answers(HTTP_AUTHORIZATION=basic) == anonymous


def test_answers_carry_no_cookies(client):
    client.force_login(make_user("cookie-admin", superuser=True))
    response = client.get(API)
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()


def test_etag_last_modified_and_conditional_requests(client):
    import datetime

    from django.db import models
    from django.utils import timezone

    from sitewide.api.models import ContentChange

    # The newest event an hour old: settled, so answers carry its date.
    an_hour_ago = timezone.now() - datetime.timedelta(hours=1)
    models.QuerySet.update(ContentChange.objects.all(), happened_at=an_hour_ago)
    url = f"{API}{first_story('en').pk}/"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60"
    assert first["ETag"] and first["Last-Modified"]
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    since = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert since.status_code == 304
    # A change is visible at once: the ETag no longer matches.
    page = first_story("en")
    page.teaser = "A changed teaser."
    page.save_revision().publish()
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert "A changed teaser." in changed.json()["teaser"]
    # By date too, also when the change falls in the second of the date the client holds.
    models.QuerySet.update(
        ContentChange.objects.filter(happened_at__gt=an_hour_ago), happened_at=an_hour_ago
    )
    same_second = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert same_second.status_code == 304  # settled events in that second: nothing newer
    page.teaser = "Changed again."
    page.save_revision().publish()
    fresh = client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert fresh.status_code == 200 and "Last-Modified" not in fresh


# API_CORS_ORIGINS becomes django-cors-headers' CORS_ALLOWED_ORIGINS (sitewide.settings.api).
@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
def test_cors_for_configured_origins_without_credentials(client):
    allowed = client.get(API, HTTP_ORIGIN="https://partner.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://partner.example"
    assert "origin" in allowed["Vary"].lower()
    assert "Access-Control-Allow-Credentials" not in allowed
    assert allowed["Access-Control-Expose-Headers"] == "ETag"
    other = client.get(API, HTTP_ORIGIN="https://elsewhere.example")
    assert "Access-Control-Allow-Origin" not in other
    preflight = client.options(API, HTTP_ORIGIN="https://partner.example")
    assert preflight.status_code == 204
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    assert preflight["Allow"] == "GET, HEAD, OPTIONS"


@override_settings(CORS_ALLOWED_ORIGINS=["https://partner.example"])
def test_a_browsers_preflight_is_answered_for_allowed_origins_only(client):
    asks = {"HTTP_ACCESS_CONTROL_REQUEST_METHOD": "GET"}
    preflight = client.options(API, HTTP_ORIGIN="https://partner.example", **asks)
    assert preflight.status_code == 200 and preflight.content == b""
    assert preflight["Access-Control-Allow-Origin"] == "https://partner.example"
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert preflight["Access-Control-Allow-Headers"] == "If-None-Match, If-Modified-Since"
    assert preflight["Access-Control-Max-Age"] == "86400"
    assert "Access-Control-Allow-Credentials" not in preflight
    stranger = client.options(API, HTTP_ORIGIN="https://elsewhere.example", **asks)
    assert not [name for name in stranger.headers if name.lower().startswith("access-control")]
    # Only the API's addresses: a reader page gets no CORS headers.
    page = client.get("/en/", HTTP_ORIGIN="https://partner.example")
    assert "Access-Control-Allow-Origin" not in page


def test_only_get_is_allowed(client):
    response = client.post(API, {})
    assert response.status_code == 405
    assert response.json()["message"]


def test_documents_are_served_only_when_a_live_public_page_uses_them(client):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    Document = get_document_model()
    used = [d for d in Document.objects.all() if len(d.get_usage())]
    assert used, "the demo attaches documents to projects"
    assert client.get(used[0].url).status_code == 200
    loose = Document(title="Internal memo")
    loose.file.save("memo.pdf", ContentFile(b"%PDF-1.4 internal"), save=True)
    assert client.get(loose.url).status_code == 404
    # Unpublishing the pages that use a document takes it offline too.
    for reference in used[0].get_usage():
        page = reference[0] if isinstance(reference, tuple) else reference
        page = getattr(page, "specific", page)
        if isinstance(page, Page) and page.live:
            page.unpublish()
    assert client.get(used[0].url).status_code == 404


def test_listing_queries_do_not_grow_with_the_page_count(client, django_assert_max_num_queries):
    client.get(f"{API}?limit=1")  # the site's structure, read once and kept (caching.chrome)
    with django_assert_max_num_queries(10):
        assert len(client.get(f"{API}?limit=50").json()["items"]) > 20
