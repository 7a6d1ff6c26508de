"""A translation never goes live by itself: submitting a live Dutch story publishes nothing."""

import pytest
from wagtail.models import Page
from wagtail_localize.operations import TranslationCreator

from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, first_story_path, make_user
from tests.translation_support import romanian_language  # noqa: F401 - the `romanian` fixture

pytestmark = pytest.mark.django_db


def test_submitting_a_live_story_for_translation_publishes_no_dutch_text(
    client, romanian, django_capture_on_commit_callbacks
):
    story = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    record = story.consent
    record.languages.add(romanian)
    record.save()
    with django_capture_on_commit_callbacks(execute=True):
        TranslationCreator(make_user("boss", superuser=True), [romanian]).create_translations(story)

    romanian_pages = Page.objects.filter(locale=romanian)
    assert romanian_pages.exists()  # the draft translation (and its parents) were created
    assert not romanian_pages.live().exists()  # none of them is live
    for page in romanian_pages:
        response = client.get(f"/ro{page.url_path[len(page.get_site().root_page.url_path) - 1 :]}")
        assert response.status_code == 404
    path = first_story_path("ro", slugs="nl")
    for url in ("/ro/", path, path.replace("/ro/", "/ro/home/", 1)):
        response = client.get(url)
        assert response.status_code == 404
        assert story.quote not in response.content.decode()


def test_no_untranslated_alias_of_a_testimony_exists_in_other_language_trees():
    for story in TestimonyPage.objects.all():
        assert story.alias_of_id is None
