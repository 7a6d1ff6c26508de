"""A published page under a page that is not published (a new language's home and index start
as drafts) is out of readers' reach: the editor and the status panel say so, in words
(stories.status_panel.unpublished_ancestors)."""

import pytest
from django.contrib.messages import get_messages
from django.utils.translation import override as translation_override
from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import TranslationCreator

from stories.models import TestimonyPage
from stories.status_panel import story_status
from tests.helpers import make_user
from tests.translation_support import segments_of, translate_by_hand

pytestmark = pytest.mark.django_db


def test_a_translation_under_draft_pages_is_said_to_be_out_of_reach(client, settings):
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"
    boss = make_user("baas", superuser=True)
    german = Locale.objects.get(language_code="de")
    source = TestimonyPage.objects.get(pseudonym="Noor [demo]", locale__language_code="nl")
    record = source.consent
    record.languages.add(german)
    record.save()  # as the officer does in the record's form
    TranslationCreator(boss, [german]).create_translations(source)
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=german
    )
    translate_by_hand(translation, segments_of(translation))
    translation.save_target(user=boss)
    page = translation.get_target_instance()
    page.get_latest_revision().publish(user=boss)
    page.refresh_from_db()
    assert page.live and client.get(page.url).status_code == 404  # the German index is a draft

    client.force_login(boss)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any(
        "Lezers kunnen deze pagina nog niet bereiken" in text and "Duits" in text for text in said
    ), said
    with translation_override("en"):
        with_source = story_status(TestimonyPage.objects.get(pk=source.pk))
        (row,) = [row for row in with_source["languages"] if str(row["name"]) == "German"]
        assert not row["public"] and "not reachable" in str(row["why"])
