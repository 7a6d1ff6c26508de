"""Shared steps of the translation workflow tests: a third language, real translations."""

import pytest
from bs4 import BeautifulSoup
from django.urls import clear_url_caches
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from sitewide.languages import staff_language_names
from sitewide.models import InformationPage
from tests.helpers import make_user

DUMMY_TRANSLATOR = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


@pytest.fixture(name="boss")
def signed_in_superuser(client):
    """A superuser, signed in."""
    user = make_user("boss", superuser=True)
    client.force_login(user)
    return user


@pytest.fixture(name="romanian")
def romanian_language(settings):
    """Romanian as a third language: nothing is translated into it yet."""
    settings.LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("ro", "Română")]
    settings.WAGTAIL_CONTENT_LANGUAGES = staff_language_names(settings.LANGUAGES)
    locale, _ = Locale.objects.get_or_create(language_code="ro")
    clear_url_caches()
    yield locale
    clear_url_caches()


def about_page():
    return InformationPage.objects.get(locale__language_code="nl", slug="over-comensha")


def start_translation(page, locale, user) -> Translation:
    TranslationCreator(user, [locale]).create_translations(page)
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def segments_of(translation):
    return list(
        StringSegment.objects.filter(source=translation.source)
        .select_related("string", "context")
        .order_by("order")
    )


def translate_by_hand(translation, segments):
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={
                "data": f"[{translation.target_locale.language_code}] {segment.string.data}",
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def machine_translate(client, translation):
    return client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/",
        {"next": f"/admin/pages/{translation.get_target_instance().pk}/edit/"},
    )


def publish_in_editor(client, translation, django_capture_on_commit_callbacks):
    target = translation.get_target_instance()
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})


def republish_source(page, django_capture_on_commit_callbacks):
    page = page.specific
    page.title = page.title + " (bijgewerkt)"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    return page


def dashboard_cell(client, page, code, query=""):
    """(state, text) of a page's cell in a language on the translations dashboard."""
    response = client.get(f"/admin/translations/{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    for row in soup.select("table.translation-status tbody tr"):
        link = row.select_one("th a")
        if link and link["href"].endswith(f"/pages/{page.pk}/edit/"):
            cell = row.select_one(f'td[data-language="{code}"]')
            return cell["data-state"], " ".join(cell.get_text().split())
    raise AssertionError(f"no row for {page}")
