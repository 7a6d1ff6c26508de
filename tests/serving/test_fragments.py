"""Kept bodies (longread.fragments, sitewide.caching.fragments): a page-cache miss takes the body
made by an earlier request while nothing it shows has changed, and makes it again as soon as
something has. A body made shows in the response's templates (`longread/body.html`); a kept one
does not."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from sitewide.caching import fragments, generations, page_cache
from sitewide.models import LanguageSettings
from stories.consent import takedown
from tests.factories import (
    ImageFactory,
    TestimonyPageFactory,
    rich_text,
    story_index,
)
from tests.helpers import make_user

pytestmark = pytest.mark.django_db

BODY_TEMPLATE = "longread/body.html"
LINK_TEXT = "the other story"
_misses = iter(range(1, 10_000))


def made(response) -> bool:
    return BODY_TEMPLATE in [template.name for template in response.templates]


def miss(client, page):
    """A page-cache miss: a parameter the page never reads is rendered, never kept."""
    response = client.get(f"{page.url}?fresh={next(_misses)}")
    assert response.status_code == 200 and response["X-Page-Cache"] == "miss"
    return response


def body_of(response) -> str:
    html = response.content.decode()
    start = html.index('<div class="lr-body">')
    return html[start : html.index("</article>", start)]


@pytest.fixture
def linked():
    return TestimonyPageFactory(parent=story_index("en"), title="The other story")


@pytest.fixture
def story(linked):
    return TestimonyPageFactory(
        parent=story_index("en"),
        body__0__chapter__heading="The first chapter",
        body__1__text=rich_text(
            f'<p>Read <a linktype="page" id="{linked.pk}">{LINK_TEXT}</a>.</p>'
        ),
        body__2__figure__alt_text="Teal shapes",
    )


def test_a_second_miss_takes_the_body_the_first_made(client, story, linked):
    first = miss(client, story)
    second = miss(client, story)
    assert made(first) and not made(second)
    assert body_of(second) == body_of(first)
    assert f'href="{linked.url}"' in body_of(second)
    assert "The first chapter" in second.content.decode()  # the chapter list, from the stored body


def test_a_publication_of_the_page_makes_its_body_again(client, story):
    miss(client, story)
    story.body[0].value["heading"] = "A chapter renamed"
    story.save_revision().publish()
    again = miss(client, story)
    assert made(again) and "A chapter renamed" in body_of(again)


def test_a_linked_page_taken_off_line_leaves_its_text_without_a_link(client, story, linked):
    miss(client, story)
    linked.unpublish()
    again = miss(client, story)
    assert made(again)
    assert LINK_TEXT in body_of(again) and f'href="{linked.url}"' not in body_of(again)


def test_a_withdrawal_of_a_linked_story_takes_the_link_away(client, story, linked):
    miss(client, story)
    takedown.withdraw(linked.consent, reason="test")
    again = miss(client, story)
    assert made(again) and f'href="{linked.url}"' not in body_of(again)


def test_a_page_that_comes_on_line_is_linked_again(client, story, linked):
    linked.unpublish()
    assert f'href="{linked.url}"' not in body_of(miss(client, story))
    linked.save_revision().publish()
    assert f'href="{linked.url}"' in body_of(miss(client, story))


def test_a_picture_saved_makes_the_body_again(client, story):
    miss(client, story)
    image = story.body[2].value["image"]
    image.title = "Renamed in the library"
    image.save()
    assert made(miss(client, story))


def test_a_change_of_another_story_keeps_the_body(client, story, linked):
    other = TestimonyPageFactory(parent=story_index("en"))
    miss(client, story)
    other.save_revision().publish()
    assert not made(miss(client, story))


def test_staff_and_previews_never_take_a_kept_body(client, story):
    miss(client, story)
    client.force_login(make_user("fragment-editor", superuser=True))
    assert made(client.get(story.url))
    assert made(client.get(story.url))


@override_settings(PAGE_CACHE_BYPASS_TOKEN="fragment-test")
def test_the_api_keeps_the_body_it_represented(client, story, linked):
    url = f"/api/v2/pages/{story.pk}/"
    headers = {"X-Page-Cache-Bypass": "fragment-test"}
    first = client.get(url, headers=headers)
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, headers=headers)
    assert first.status_code == second.status_code == 200
    assert second.json()["body"] == first.json()["body"]
    images = 'FROM "longread_longreadimage"'
    image_queries = [q["sql"] for q in queries.captured_queries if images in q["sql"]]
    assert not image_queries, image_queries
    address = f"/stories/{linked.slug}/"
    assert address in str(second.json()["body"])
    linked.unpublish()
    third = client.get(url, headers=headers)
    assert LINK_TEXT in str(third.json()["body"]) and address not in str(third.json()["body"])


# --- which change renews what kept bodies are kept under ----------------------------------------

LANGUAGES = ["en", "nl"]
NAMES = [fragments.VISIBILITY, *sorted(fragments.object_names(LANGUAGES))]


def changed(before: dict[str, str]) -> set[str]:
    after = generations.current(before)
    return {name for name in before if after[name] != before[name]}


def test_a_new_draft_or_a_publication_again_renews_no_kept_body_of_another_page(story):
    before = generations.current(NAMES)
    TestimonyPageFactory(parent=story_index("en"), live=False, consent=None, pseudonym="DRAFT")
    story.save_revision().publish()
    assert changed(before) == set()


def test_unpublishing_renews_visibility_and_a_picture_every_language(client, story, linked):
    miss(client, story)  # a body kept: a transaction renews again what it renewed before
    before = generations.current(NAMES)
    linked.unpublish()
    assert changed(before) == {fragments.VISIBILITY}
    miss(client, story)
    before = generations.current(NAMES)
    ImageFactory()
    assert changed(before) == set(fragments.object_names(LANGUAGES))


def test_a_languages_settings_renew_that_languages_kept_bodies_only():
    before = generations.current(NAMES)
    LanguageSettings.objects.get(locale__language_code="en").save()
    assert changed(before) == {fragments.objects_name("en")}


def test_a_kept_body_is_kept_no_longer_than_an_answer(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    assert page_cache.lifetime() == 0
    miss(client, story)
    assert made(miss(client, story))


# --- what else a miss takes from the keeper: the page's visibility, its related cards, its
# language links, the API's links ----------------------------------------------------------------


@pytest.fixture
def related(story, linked):
    from stories.models import RelatedStory

    RelatedStory.objects.create(page=story, story=linked)
    return linked


def test_a_story_withdrawn_after_a_kept_miss_answers_404(client, story):
    miss(client, story)
    takedown.withdraw(story.consent, reason="test")
    assert client.get(f"{story.url}?fresh={next(_misses)}").status_code == 404


def test_a_related_story_withdrawn_leaves_the_cards(client, story, related):
    card = f'<a href="{related.url}">{related.title}</a>'
    assert card in miss(client, story).content.decode()
    assert card in miss(client, story).content.decode()  # kept
    takedown.withdraw(related.consent, reason="test")
    html = miss(client, story).content.decode()
    assert card not in html and "lr-related" not in html


def test_a_translation_taken_off_line_leaves_the_language_links():
    from django.test import Client

    from tests.helpers import first_story

    client = Client()
    english, dutch = first_story("en"), first_story("nl")
    assert f'href="{dutch.url}"' in miss(client, english).content.decode()
    dutch.unpublish()
    assert f'href="{dutch.url}"' not in miss(client, english).content.decode()


@override_settings(PAGE_CACHE_BYPASS_TOKEN="fragment-test")
def test_the_apis_related_stories_follow_a_withdrawal(client, story, related):
    url = f"/api/v2/pages/{story.pk}/"
    headers = {"X-Page-Cache-Bypass": "fragment-test"}

    def related_ids():
        return [item["id"] for item in client.get(url, headers=headers).json()["related_stories"]]

    assert related_ids() == related_ids() == [related.pk]
    takedown.withdraw(related.consent, reason="test")
    assert related_ids() == []


@override_settings(PAGE_CACHE_BYPASS_TOKEN="fragment-test")
def test_the_apis_detail_asks_the_consent_rule_again_only_after_a_change(client, story):
    url = f"/api/v2/pages/{story.pk}/"
    headers = {"X-Page-Cache-Bypass": "fragment-test"}
    rule = "consentwithdrawal"  # the table only the consent rule's query reads

    def asked_the_rule() -> bool:
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(url, headers=headers)
        assert answer.status_code == 200
        return any(rule in query["sql"].lower() for query in queries.captured_queries)

    assert asked_the_rule()
    assert not asked_the_rule()  # kept
    story.consent.allows_api = False
    story.consent.save()
    assert client.get(url, headers=headers).status_code == 404
    story.consent.allows_api = True
    story.consent.save()
    assert asked_the_rule()
    takedown.withdraw(story.consent, reason="test")
    assert client.get(url, headers=headers).status_code == 404
    assert client.get("/api/v2/pages/999999/", headers=headers).status_code == 404


QUICK_EXIT = "longread/chrome/quick_exit.html"


def bar_of(response) -> str:
    html = response.content.decode()
    return html[html.index('<header class="lr-bar">') : html.index('<div class="lr-progress"')]


def test_the_bar_is_made_once_per_language_and_again_when_its_settings_change(client, story):
    """The bar's menus and help are the chrome's alone (sitewide.caching.chrome.kept_markup):
    kept per language, they follow a change of the language's settings at the next answer."""
    first = bar_of(miss(client, story))
    second = miss(client, story)
    assert bar_of(second) == first
    assert QUICK_EXIT not in [template.name for template in second.templates]  # kept, not made
    with override_settings(PAGE_CACHE_ENABLED=False):
        made = client.get(story.url)
        assert bar_of(made) == first and QUICK_EXIT in [
            template.name for template in made.templates
        ]
    settings = LanguageSettings.objects.get(locale__language_code="en")
    settings.quick_exit_label = "Out of here now"
    settings.save()
    changed = bar_of(miss(client, story))
    assert "Out of here now" in changed and "Out of here now" not in first
    dutch = bar_of(client.get("/nl/"))
    assert "Out of here now" not in dutch and 'lang="nl"' in dutch


def test_a_kept_bar_marks_the_menu_page_being_read_and_no_other(client, story):
    import re

    home_bar = bar_of(client.get("/en/"))
    menu_url = re.search(
        r'<nav class="lr-nav lr-nav--wide"[^>]*>\s*<ul><li><a href="([^"]+)"', home_bar
    )[1]
    assert 'aria-current="page"' not in home_bar
    for _ in range(2):  # made, then kept
        assert f'<a href="{menu_url}" aria-current="page"' in bar_of(client.get(menu_url + "?a=1"))
        assert 'aria-current="page"' not in bar_of(miss(client, story))


def test_a_kept_footer_leaves_its_help_out_only_where_the_page_shows_a_help_box(client):
    """The footer is kept per language and per whether the page shows a help box of its own."""
    from bs4 import BeautifulSoup

    from stories.models import TestimonyPage

    story = TestimonyPage.objects.live().filter(locale__language_code="en").first()
    assert story.shows_help_box
    for _ in range(2):  # made, then kept
        for url, has_help in ((f"{story.url}?a=1", False), ("/en/?a=1", True)):
            footer = BeautifulSoup(client.get(url).content, "html.parser").select_one("footer")
            assert bool(footer.select(".lr-footer__help")) == has_help, url
