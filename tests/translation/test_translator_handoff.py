"""Translators start a translation into their own language, hand it over with "Ready for
review" (the language's moderators hear of it on their dashboard and by e-mail), and never get
(nor may use) the actions that take a page away: delete, move, unpublish, sync, convert to
alias. Converting a testimony's translation into an alias is refused for everyone."""

import datetime
import html
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.models import TranslationSource

from sitewide.staff.roles import translator_group_name
from sitewide.translation import handoff
from stories.models import ConsentRecord, StoryIndexPage, TestimonyPage
from tests.helpers import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def dutch_story():
    record = ConsentRecord.objects.create(
        pseudonym="SANNE",
        given_on=timezone.localdate() - datetime.timedelta(days=5),
        evidence_reference="HANDOFF-1",
    )
    record.languages.set(Locale.objects.filter(language_code__in=("nl", "en")))
    record.save()
    page = TestimonyPage(
        title="Het verhaal van Sanne",
        slug="sanne",
        pseudonym="SANNE",
        quote="Ik durfde eindelijk te praten",
        consent=record,
        live=False,
    )
    StoryIndexPage.objects.get(locale__language_code="nl").add_child(instance=page)
    page.save_revision().publish()  # as the workflow would, at its end
    page.refresh_from_db()
    assert page.live
    return page


@pytest.fixture
def translator():
    user = make_user("vertaler", translator_group_name("en"))
    user.email = "vertaler@example.org"
    user.save()
    return user


@pytest.fixture
def moderator():
    user = make_user("moderator", "Moderators")
    user.email = "moderator@example.org"
    user.save()
    return user


def shown(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def start(client, page):
    return client.post(f"/admin/translations/start/{page.pk}/", {"language": "en"})


def test_a_translator_starts_a_translation_into_their_language(client, dutch_story, translator):
    client.force_login(translator)
    dashboard = html.unescape(client.get("/admin/").content.decode())
    assert "Het verhaal van Sanne" in dashboard  # in "to translate"
    response = start(client, dutch_story)
    english = dutch_story.get_translation(Locale.objects.get(language_code="en"))
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{english.pk}/edit/"
    assert not english.live
    # Not into another language.
    refused = client.post(f"/admin/translations/start/{dutch_story.pk}/", {"language": "ar"})
    assert refused.status_code in (302, 403)
    assert not Page.objects.filter(
        translation_key=dutch_story.translation_key, locale__language_code="ar"
    ).exists()


def test_the_translation_editor_offers_no_action_that_takes_the_page_away(
    client, dutch_story, translator
):
    client.force_login(translator)
    start(client, dutch_story)
    english = dutch_story.get_translation(Locale.objects.get(language_code="en"))
    editor = client.get(f"/admin/pages/{english.pk}/edit/")
    assert editor.status_code == 200
    soup = BeautifulSoup(editor.content.decode(), "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    assert not props["perms"]["canDelete"]
    assert not props["perms"]["canPublish"]
    assert not props["perms"]["canUnpublish"]
    assert not props["links"]["stopTranslationUrl"]
    assert "convert_to_alias" not in editor.content.decode()
    # And the server refuses them, whatever is posted.
    client.post(f"/admin/pages/{english.pk}/delete/")
    assert Page.objects.filter(pk=english.pk).exists()
    target = StoryIndexPage.objects.get(locale__language_code="en")
    client.post(f"/admin/pages/{english.pk}/move/{target.pk}/confirm/")
    refused = client.post(f"/admin/localize/page/{english.pk}/convert_to_alias/")
    assert refused.status_code == 302
    assert any("alias" in text for text in shown(refused))
    source = TranslationSource.objects.get(object_id=dutch_story.translation_key)
    sync = client.get(f"/admin/localize/update/{source.pk}/")
    assert sync.status_code == 302
    assert any("sync" in text.lower() or "synchron" in text.lower() for text in shown(sync))
    after = Page.objects.get(pk=english.pk)
    assert after.alias_of_id is None
    assert after.path == english.path  # not moved


def test_no_one_turns_a_testimony_translation_into_an_alias(client, dutch_story, translator):
    client.force_login(translator)
    start(client, dutch_story)
    english = dutch_story.get_translation(Locale.objects.get(language_code="en"))
    client.force_login(make_user("boss", superuser=True))
    editor = client.get(f"/admin/pages/{english.pk}/edit/").content.decode()
    assert "localize-convert-to-alias" not in editor
    refused = client.post(f"/admin/localize/page/{english.pk}/convert_to_alias/")
    assert refused.status_code == 302
    assert any("alias" in text for text in shown(refused))
    assert Page.objects.get(pk=english.pk).alias_of_id is None


def test_ready_for_review_tells_the_moderators_and_sending_back_tells_the_translator(
    client, dutch_story, translator, moderator
):
    client.force_login(translator)
    start(client, dutch_story)
    english = dutch_story.get_translation(Locale.objects.get(language_code="en"))
    mail.outbox.clear()
    response = client.post(f"/admin/translations/ready/{english.pk}/", {"next": "/admin/"})
    assert response.status_code == 302
    assert PageLogEntry.objects.filter(page=english, action=handoff.READY).exists()
    assert [message.to for message in mail.outbox] == [["moderator@example.org"]]
    assert "Sanne" in mail.outbox[0].subject
    # Nothing is translated yet: the translator is told the moderator cannot publish it so.
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("not translated yet" in text or "nog niet vertaald" in text for text in said), said
    # The translator sees it waits; the moderator has it in the queue.
    dashboard = html.unescape(client.get("/admin/").content.decode())
    assert "wacht op controle" in dashboard or "waiting for review" in dashboard

    client.force_login(moderator)
    queue = html.unescape(client.get("/admin/").content.decode())
    assert english.title in queue and f"/admin/pages/{english.pk}/edit/" in queue
    mail.outbox.clear()
    client.post(
        f"/admin/translations/send-back/{english.pk}/",
        {"comment": "De tweede alinea mist nog", "next": "/admin/"},
    )
    assert [message.to for message in mail.outbox] == [["vertaler@example.org"]]
    assert handoff.awaiting_review() == []
    client.force_login(translator)
    dashboard = html.unescape(client.get("/admin/").content.decode())
    assert "De tweede alinea mist nog" in dashboard


def test_a_live_translation_edited_in_the_editor_can_be_handed_over(client, translator, moderator):
    """A translator corrects a segment of a published translation in the editor: the page stays
    as it was for readers, and the dashboard lists it in progress, ready to hand over."""
    from wagtail_localize.models import StringSegment, Translation

    from sitewide.models import InformationPage

    english = InformationPage.objects.get(locale__language_code="en", slug="about-comensha")
    assert english.live and not english.has_unpublished_changes
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    segment = StringSegment.objects.filter(source=translation.source).order_by("order").first()
    client.force_login(translator)
    assert english.title not in translator_dashboard_progress(client)
    response = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        "value=About+CoMensha+(corrected)",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201)
    progress = translator_dashboard_progress(client)
    assert english.title in progress
    assert f"/admin/translations/ready/{english.pk}/" in progress

    client.post(f"/admin/translations/ready/{english.pk}/", {"next": "/admin/"})
    client.force_login(moderator)
    queue = html.unescape(client.get("/admin/").content.decode())
    assert f"/admin/pages/{english.pk}/edit/" in queue


def translator_dashboard_progress(client) -> str:
    """The translator's "in progress" list on the dashboard, as text and links."""
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    section = soup.select_one("[data-translator-in-progress]")
    return str(section) if section is not None else ""


def test_a_translation_the_consent_does_not_cover_is_neither_offered_nor_handed_over(
    client, dutch_story, translator, moderator
):
    """A language the teller's consent does not cover (never given, or withdrawn) could never
    be published: the translator is not offered to start it, a translation in progress says
    why instead of offering "Ready for review", and handing it over anyway sends nothing."""
    from stories.consent.takedown import withdraw

    english_locale = Locale.objects.get(language_code="en")
    client.force_login(translator)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert soup.select(f'form[action="/admin/translations/start/{dutch_story.pk}/"]')
    start(client, dutch_story)
    english = dutch_story.get_translation(english_locale)
    withdraw(
        dutch_story.consent, reason="Niet in het Engels", part="language", language=english_locale
    )

    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    in_progress = soup.select_one("[data-translator-in-progress]").get_text(" ", strip=True)
    assert "cannot be published:" in in_progress and "One language: English" in in_progress
    assert not soup.select(f'form[action="/admin/translations/ready/{english.pk}/"]')
    mail.outbox.clear()
    response = client.post(f"/admin/translations/ready/{english.pk}/", {"next": "/admin/"})
    assert any("cannot be handed over" in text for text in shown(response)), shown(response)
    assert not PageLogEntry.objects.filter(page=english, action=handoff.READY).exists()
    assert mail.outbox == []

    # A Dutch story whose English consent was withdrawn is not offered to start.
    dutch_story.consent.languages.set([Locale.objects.get(language_code="nl")])
    dutch_story.consent.save()
    english.delete()
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    assert not soup.select(f'form[action="/admin/translations/start/{dutch_story.pk}/"]')


def test_a_language_the_consent_does_not_name_yet_is_offered_with_the_reason(
    client, dutch_story, translator
):
    """Not yet covered is not ended: an officer may add the language, so the translation is
    offered and may be handed over, with the reason it cannot be published yet."""
    record = dutch_story.consent
    record.languages.set([Locale.objects.get(language_code="nl")])
    record.save()
    client.force_login(translator)
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    form = soup.select_one(f'form[action="/admin/translations/start/{dutch_story.pk}/"]')
    assert form is not None
    assert "does not cover English" in form.find_parent("li").get_text(" ", strip=True)
    start(client, dutch_story)
    english = dutch_story.get_translation(Locale.objects.get(language_code="en"))
    response = client.post(f"/admin/translations/ready/{english.pk}/", {"next": "/admin/"})
    assert PageLogEntry.objects.filter(page=english, action=handoff.READY).exists()
    assert not any("cannot be handed over" in text for text in shown(response))
