"""Machine translation: off unless configured by environment; refused for a testimony whose
teller did not allow it; machine-translated segments wait for a person before publication."""

import html
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.exceptions import ImproperlyConfigured
from django.urls import resolve
from django.utils import translation as django_translation
from wagtail_localize.models import StringTranslation

from sitewide.staff.roles import translator_group_name
from sitewide.translation import machine
from sitewide.translation.config import machine_translator_setting
from sitewide.translation.models import SegmentReview
from sitewide.translation.review import unconfirmed_machine_translations
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, make_user
from tests.translation_support import (  # noqa: F401 - fixtures
    DUMMY_TRANSLATOR,
    about_page,
    machine_translate,
    publish_in_editor,
    romanian_language,
    segments_of,
    signed_in_superuser,
    start_translation,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dummy_translator(settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR


def editor_machine_translator(client, page):
    """What the translation editor offers as its machine translator (None: no button)."""
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = soup.select_one("[data-props]")
    return json.loads(props["data-props"])["machineTranslator"]


def messages_of(response):
    # Messages with buttons are stored as HTML.
    return [html.unescape(str(message)) for message in get_messages(response.wsgi_request)]


def first_story():
    """The first demo testimony's Dutch source page."""
    return TestimonyPage.objects.get(locale__language_code="nl", pseudonym=FIRST_PSEUDONYM)


# Configuration


def test_off_by_default(settings, client, boss, romanian):
    assert machine_translator_setting({}) is None
    assert settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR is None
    translation = start_translation(about_page(), romanian, boss)
    assert editor_machine_translator(client, translation.get_target_instance()) is None
    response = machine_translate(client, translation)
    assert response.status_code == 404
    assert not StringTranslation.objects.filter(locale=romanian).exists()


def test_deepl_from_environment():
    setting = machine_translator_setting({"DEEPL_API_KEY": " secret "})
    assert setting == {
        "CLASS": "sitewide.translation.machine.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": "secret", "FREE_API": False},
    }
    free = machine_translator_setting({"DEEPL_API_KEY": "secret", "DEEPL_FREE_API": "1"})
    assert machine.DeepLTranslator(free["OPTIONS"]).get_api_endpoint() == (
        "https://api-free.deepl.com/v2/translate"
    )
    assert machine.DeepLTranslator(setting["OPTIONS"]).get_api_endpoint() == (
        "https://api.deepl.com/v2/translate"
    )
    # DeepL's own convention still holds: a free key ends in ":fx".
    assert "api-free" in machine.DeepLTranslator({"AUTH_KEY": "k:fx"}).get_api_endpoint()


def test_libretranslate_from_environment():
    setting = machine_translator_setting(
        {"LIBRETRANSLATE_URL": "https://lt.example.org/", "LIBRETRANSLATE_API_KEY": "k"}
    )
    assert setting == {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": "https://lt.example.org", "API_KEY": "k"},
    }
    keyless = machine_translator_setting({"LIBRETRANSLATE_URL": "http://127.0.0.1:5000"})
    assert keyless["OPTIONS"]["API_KEY"] == ""


@pytest.mark.parametrize(
    "environ",
    [
        {"DEEPL_API_KEY": "k", "LIBRETRANSLATE_URL": "https://lt.example.org"},
        {"LIBRETRANSLATE_URL": "lt.example.org"},
        {"LIBRETRANSLATE_API_KEY": "k"},
        {"DEEPL_API_KEY": "k", "DEEPL_FREE_API": "maybe"},
    ],
)
def test_contradictory_or_bad_configuration_is_a_clear_error(environ):
    with pytest.raises(ImproperlyConfigured, match="DEEPL|LIBRETRANSLATE"):
        machine_translator_setting(environ)


def test_the_machine_translation_address_reaches_the_consent_check():
    assert resolve("/admin/localize/translate/1/machine_translate/").func is (
        machine.machine_translate
    )


# Consent


def test_refused_for_a_testimony_without_consent_with_a_message(
    client, boss, romanian, dummy_translator
):
    story = first_story()
    assert not story.consent.allows_machine_translation
    translation = start_translation(story, romanian, boss)
    target = translation.get_target_instance()
    assert editor_machine_translator(client, target) is None  # no button
    with django_translation.override("en"):
        response = machine_translate(client, translation)
        assert response.status_code == 302
        assert any("not allowed for this testimony" in text for text in messages_of(response))
    assert not StringTranslation.objects.filter(
        locale=romanian, context__object_id=story.translation_key
    ).exists()


def test_allowed_for_a_testimony_whose_consent_allows_it(client, boss, romanian, dummy_translator):
    story = first_story()
    story.consent.allows_machine_translation = True
    story.consent.save()
    translation = start_translation(story, romanian, boss)
    assert editor_machine_translator(client, translation.get_target_instance()) is not None
    machine_translate(client, translation)
    assert unconfirmed_machine_translations(translation).count() == len(segments_of(translation))


def test_other_pages_are_offered_machine_translation(client, boss, romanian, dummy_translator):
    translation = start_translation(about_page(), romanian, boss)
    offered = editor_machine_translator(client, translation.get_target_instance())
    assert offered["url"] == f"/admin/localize/translate/{translation.pk}/machine_translate/"


# Review


@pytest.fixture
def machine_translated(client, boss, romanian, dummy_translator):
    translation = start_translation(about_page(), romanian, boss)
    with django_translation.override("en"):
        response = machine_translate(client, translation)
    assert any("need a person's review" in text for text in messages_of(response))
    return translation


def test_machine_segments_need_review_and_are_confirmed_one_by_one(client, machine_translated):
    translation = machine_translated
    waiting = list(unconfirmed_machine_translations(translation))
    assert waiting and len(waiting) == len(segments_of(translation))
    assert {item.translation_type for item in waiting} == {"machine"}
    page = client.get(f"/admin/translations/{translation.pk}/review/").content.decode()
    assert waiting[0].data in page or BeautifulSoup(waiting[0].data, "html.parser").get_text() in (
        BeautifulSoup(page, "html.parser").get_text()
    )
    # Each segment's field is named as the editor names it, not by its path.
    fields = [
        cell.get_text(strip=True)
        for cell in BeautifulSoup(page, "html.parser").select(
            "table.translation-review td:first-child"
        )
    ]
    assert "Title" in fields and "title" not in fields, fields
    response = client.post(
        f"/admin/translations/{translation.pk}/review/confirm/", {"segment": waiting[0].pk}
    )
    assert response.status_code == 302
    assert unconfirmed_machine_translations(translation).count() == len(waiting) - 1
    review = SegmentReview.objects.get(string_translation=waiting[0])
    assert review.confirmed_by.username == "boss"


def test_confirm_all(client, machine_translated):
    translation = machine_translated
    client.post(f"/admin/translations/{translation.pk}/review/confirm/")
    assert unconfirmed_machine_translations(translation).count() == 0
    html = client.get(f"/admin/translations/{translation.pk}/review/").content.decode()
    assert 'name="segment"' not in html


def test_a_persons_edit_in_the_editor_counts_as_confirmed(client, machine_translated):
    translation = machine_translated
    segment = segments_of(translation)[0]
    before = unconfirmed_machine_translations(translation).count()
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        "value=Corectat+de+un+om",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    assert unconfirmed_machine_translations(translation).count() == before - 1


def test_confirming_is_a_post_by_someone_who_may_edit_the_translation(client, machine_translated):
    translation = machine_translated
    url = f"/admin/translations/{translation.pk}/review/confirm/"
    assert client.get(url).status_code == 405
    english_translator = make_user("vertaler", translator_group_name("en"))
    client.force_login(english_translator)
    response = client.post(url)
    assert response.status_code in (302, 403)
    assert unconfirmed_machine_translations(translation).count() > 0
    assert client.get(f"/admin/translations/{translation.pk}/review/").status_code != 200


def test_publication_waits_for_the_review(
    client, machine_translated, django_capture_on_commit_callbacks
):
    translation = machine_translated
    with django_translation.override("en"):
        response = publish_in_editor(client, translation, django_capture_on_commit_callbacks)
        assert response.status_code == 302
        assert any("cannot be published yet" in text for text in messages_of(response))
    assert not translation.get_target_instance().live

    client.post(f"/admin/translations/{translation.pk}/review/confirm/")
    publish_in_editor(client, translation, django_capture_on_commit_callbacks)
    assert translation.get_target_instance().live


def test_bulk_publication_waits_for_the_review(
    client, machine_translated, django_capture_on_commit_callbacks
):
    target = machine_translated.get_target_instance()
    url = f"/admin/bulk/wagtailcore/page/publish/?id={target.pk}&next=/admin/"
    with django_translation.override("en"):
        response = client.post(url, {})
        assert any("Nothing was published" in text for text in messages_of(response))
    target.refresh_from_db()
    assert not target.live

    client.post(f"/admin/translations/{machine_translated.pk}/review/confirm/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {})
    target.refresh_from_db()
    assert target.live


# "Sync translated pages" can machine-translate and publish too


def sync(client, translation, **choices):
    url = f"/admin/localize/update/{translation.source_id}/"
    return client.post(url, {name: "on" for name, chosen in choices.items() if chosen})


def test_sync_with_machine_translation_is_refused_for_a_testimony_without_consent(
    client, boss, romanian, dummy_translator
):
    translation = start_translation(first_story(), romanian, boss)
    with django_translation.override("en"):
        response = sync(client, translation, use_machine_translation=True)
        assert response.status_code == 302
        assert any("not allowed for this testimony" in text for text in messages_of(response))
    assert not StringTranslation.objects.filter(
        locale=romanian, translation_type="machine"
    ).exists()


def test_sync_with_machine_translation_leaves_segments_to_review(
    client, boss, romanian, dummy_translator, django_capture_on_commit_callbacks
):
    translation = start_translation(about_page(), romanian, boss)
    with django_translation.override("en"):
        response = sync(
            client, translation, use_machine_translation=True, publish_translations=True
        )
        assert any("reviewed before they are published" in text for text in messages_of(response))
    assert not unconfirmed_machine_translations(translation).exists()

    with django_capture_on_commit_callbacks(execute=True):
        sync(client, translation, use_machine_translation=True)
    assert unconfirmed_machine_translations(translation).exists()
    assert not translation.get_target_instance().live

    with django_translation.override("en"):
        response = sync(client, translation, publish_translations=True)
        assert any("need a person's review" in text for text in messages_of(response))
    assert not translation.get_target_instance().live


def test_every_other_publish_path_waits_for_the_review_too(client, machine_translated):
    """Scheduled publishing, workflows and code all end in the page's publish(): it asks the
    same review rule (stories.publishing), so no path publishes unread machine text."""
    from django.core.management import call_command
    from django.utils import timezone

    from stories.exceptions import PublishRefused

    target = machine_translated.get_target_instance()
    revision = target.save_revision()
    with django_translation.override("en"), pytest.raises(PublishRefused, match="review"):
        revision.publish()
    target.refresh_from_db()
    assert not target.live

    # Scheduled: the job skips the page (and logs it) instead of publishing it.
    revision = target.save_revision(approved_go_live_at=timezone.now())
    call_command("publish_scheduled")
    target.refresh_from_db()
    revision.refresh_from_db()
    assert not target.live and revision.approved_go_live_at is None

    client.post(f"/admin/translations/{machine_translated.pk}/review/confirm/")
    target.save_revision().publish()
    target.refresh_from_db()
    assert target.live
