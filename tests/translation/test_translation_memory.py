"""Translation memory: after the Dutch page changes, the translation editor says so, and each
changed segment offers its earlier translation as a suggestion that waits for a person
(sitewide.translation.memory)."""

import pytest
from django.contrib.messages import get_messages
from django.utils import translation as django_translation
from wagtail_localize.models import String, StringSegment, StringTranslation
from wagtail_localize.strings import StringValue

from sitewide.translation.memory import suggest_earlier_translations
from sitewide.translation.review import unconfirmed_machine_translations
from tests.translation_support import (  # noqa: F401 - fixtures
    about_page,
    publish_in_editor,
    republish_source,
    romanian_language,
    segments_of,
    signed_in_superuser,
    start_translation,
    translate_by_hand,
)

pytestmark = pytest.mark.django_db


def editor_messages(client, translation) -> list[str]:
    with django_translation.override("en"):
        response = client.get(f"/admin/pages/{translation.get_target_instance().pk}/edit/")
        assert response.status_code == 200
        return [str(message) for message in get_messages(response.wsgi_request)]


def sync(client, translation):
    """The moderator's "Sync translated pages" (wagtail-localize's form, without publishing)."""
    response = client.post(f"/admin/localize/update/{translation.source_id}/", {})
    assert response.status_code == 302, response.status_code


def title_translation(translation):
    segment = StringSegment.objects.get(source=translation.source, context__path="title")
    return StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    ).first()


@pytest.fixture
def translated(boss, romanian):
    translation = start_translation(about_page(), romanian, boss)
    translate_by_hand(translation, segments_of(translation))
    return translation


def test_the_editor_says_when_the_dutch_page_changed(
    client, translated, django_capture_on_commit_callbacks
):
    assert not any("published again" in text for text in editor_messages(client, translated))
    republish_source(about_page(), django_capture_on_commit_callbacks)
    said = editor_messages(client, translated)
    assert any("published again after this translation" in text for text in said), said


def test_a_changed_segment_offers_its_earlier_translation_for_review(
    client, translated, django_capture_on_commit_callbacks
):
    earlier = title_translation(translated).data
    page = republish_source(about_page(), django_capture_on_commit_callbacks)
    sync(client, translated)

    suggestion = title_translation(translated)
    assert suggestion is not None, "the changed title has no suggestion"
    assert suggestion.data == earlier
    assert suggestion.translation_of.data == page.title  # it translates the new Dutch title
    assert suggestion.tool_name == "an earlier translation"
    # Unchanged segments keep their translation as it was; only the changed one waits.
    assert list(unconfirmed_machine_translations(translated)) == [suggestion]
    said = editor_messages(client, translated)
    assert any("1 segment changed in Dutch" in text for text in said), said
    assert not any("published again" in text for text in said)

    # It is not published until a person confirms (or corrects) it.
    with django_translation.override("en"):
        publish_in_editor(client, translated, django_capture_on_commit_callbacks)
    assert not translated.get_target_instance().live
    client.post(f"/admin/translations/{translated.pk}/review/confirm/")
    publish_in_editor(client, translated, django_capture_on_commit_callbacks)
    target = translated.get_target_instance()
    assert target.live and target.title == earlier


def test_the_review_page_names_where_a_suggestion_came_from(
    client, translated, django_capture_on_commit_callbacks
):
    republish_source(about_page(), django_capture_on_commit_callbacks)
    sync(client, translated)
    with django_translation.override("en"):
        html = client.get(f"/admin/translations/{translated.pk}/review/").content.decode()
    assert "from an earlier translation" in html
    assert "(bijgewerkt)" in html  # the new Dutch text beside it


def test_a_suggestion_is_made_once_and_never_replaces_a_translation(
    client, translated, django_capture_on_commit_callbacks
):
    republish_source(about_page(), django_capture_on_commit_callbacks)
    sync(client, translated)
    assert suggest_earlier_translations(translated) == 0
    suggestion = title_translation(translated)
    suggestion.data = "Corectat de un om"
    suggestion.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    suggestion.tool_name = ""
    suggestion.save()
    assert suggest_earlier_translations(translated) == 0
    assert title_translation(translated).data == "Corectat de un om"


def test_no_suggestion_when_the_links_of_the_text_changed(translated):
    segment = StringSegment.objects.filter(source=translated.source).first()
    previous = StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context, locale=translated.target_locale
    )
    previous.data = 'Vezi <a id="a1">aici</a>'
    previous.save()
    # The Dutch text of that field changes and has no link any more.
    changed = String.from_value(
        translated.source.locale, StringValue.from_plaintext("Een nieuwe zin zonder link")
    )
    segment.string = changed
    segment.save()
    assert suggest_earlier_translations(translated) == 0
