"""Translators hear when a Dutch page changes after their translation: one e-mail and one
dashboard notice each, only the affected language's translators, once per change."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation as django_translation
from wagtail.models import Page

from sitewide.staff.roles import translator_group_name
from sitewide.translation.models import TranslationNotice
from sitewide.translation.notices import notify_translators
from sitewide.translation.staleness import out_of_date_translations
from tests.helpers import make_user
from tests.translation_support import (  # noqa: F401 - fixture
    about_page,
    republish_source,
    romanian_language,
)

# What the notice task does, run where it is enqueued (the queue itself:
# tests/serving/test_task_queue.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


@pytest.fixture
def translators(romanian):
    Group.objects.get_or_create(name=translator_group_name("ro"))
    people = {
        "en": make_user("anne", translator_group_name("en")),
        "en2": make_user("bert", translator_group_name("en")),
        "ro": make_user("radu", translator_group_name("ro")),
        "editor": make_user("eva", "Editors"),
    }
    for name, user in people.items():
        user.email = f"{name}@example.org"
        user.save()
    people["silent"] = make_user("stil", translator_group_name("en"))  # no e-mail address
    return people


def test_republishing_a_translated_page_tells_that_languages_translators_only(
    translators, django_capture_on_commit_callbacks
):
    about = about_page()
    mail.outbox.clear()
    republish_source(about, django_capture_on_commit_callbacks)

    assert sorted(message.to[0] for message in mail.outbox) == ["en2@example.org", "en@example.org"]
    assert all(len(message.to) == 1 for message in mail.outbox)  # nobody sees the others
    assert all(about.title in message.subject for message in mail.outbox)
    notified = TranslationNotice.objects.filter(page=about)
    assert {notice.recipient.username for notice in notified} == {"anne", "bert", "stil"}
    assert {notice.locale.language_code for notice in notified} == {"en"}


def test_one_notice_per_change_until_the_translation_is_synced(
    translators, django_capture_on_commit_callbacks
):
    about = about_page()
    republish_source(about, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    republish_source(about, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert TranslationNotice.objects.filter(page=about, recipient=translators["en"]).count() == 1

    translation = out_of_date_translations().get(
        source__object_id=about.translation_key, target_locale__language_code="en"
    )
    translation.source.update_from_db()  # synced: up to date again
    republish_source(about, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert TranslationNotice.objects.filter(page=about, recipient=translators["en"]).count() == 2


def test_nothing_for_a_first_publication_or_an_untranslated_page(
    translators, django_capture_on_commit_callbacks
):
    about = about_page().specific
    mail.outbox.clear()
    new_page = about.__class__(title="Nieuwe pagina", slug="nieuwe-pagina")
    about.get_parent().add_child(instance=new_page)
    with django_capture_on_commit_callbacks(execute=True):
        new_page.save_revision().publish()
    republish_source(new_page, django_capture_on_commit_callbacks)  # nothing translated
    assert mail.outbox == []
    assert not TranslationNotice.objects.filter(page=new_page).exists()


def test_translations_are_not_sources(translators, django_capture_on_commit_callbacks):
    english = Page.objects.get(
        translation_key=about_page().translation_key, locale__language_code="en"
    )
    mail.outbox.clear()
    republish_source(english, django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert notify_translators(english.pk) == []


def test_the_notice_is_on_the_dashboard_and_dismissible(
    client, translators, django_capture_on_commit_callbacks
):
    about = republish_source(about_page(), django_capture_on_commit_callbacks)
    anne = translators["en"]
    client.force_login(anne)
    with django_translation.override("en"):
        html = client.get("/admin/translations/").content.decode()
    assert "translation-notices" in html and about.title in html
    assert "translation-notices-panel-heading" in client.get("/admin/").content.decode()

    notice = TranslationNotice.objects.get(recipient=anne)
    # Someone else's notice is not theirs to dismiss.
    client.force_login(translators["en2"])
    assert client.post(f"/admin/translations/notices/{notice.pk}/dismiss/").status_code == 404
    client.force_login(anne)
    assert client.get(f"/admin/translations/notices/{notice.pk}/dismiss/").status_code == 405
    response = client.post(f"/admin/translations/notices/{notice.pk}/dismiss/")
    assert response.status_code == 302
    notice.refresh_from_db()
    assert notice.dismissed_at is not None
    assert "translation-notices" not in client.get("/admin/translations/").content.decode()
