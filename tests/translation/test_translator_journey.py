"""A translator's whole journey through the admin: a Dutch story, approved through its
workflow, submitted for translation into English by an editor, translated segment by segment
by a member of "Translators (en)" in wagtail-localize's editor, reviewed and published by a
moderator, and served at /en/... in English only."""

import datetime
import html
import json
import uuid

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale
from wagtail_localize.models import Translation

from sitewide.staff.roles import translator_group_name
from stories import workflow
from stories.models import ConsentRecord, StoryIndexPage, TestimonyPage
from tests.helpers import make_user

pytestmark = pytest.mark.django_db

DUTCH = {
    "title": "Het verhaal van Mira",
    "quote": "Ik vond mijn weg terug naar huis",
    "teaser": "Over de weg terug en wie daarbij hielp",
    "body": "Een hulpverlener stond aan de deur.",
}
ENGLISH = {
    "Het verhaal van Mira": "Mira's story",
    "Ik vond mijn weg terug naar huis": "I found my way back home",
    "Over de weg terug en wie daarbij hielp": "About the way back and who helped",
    "Een hulpverlener stond aan de deur.": "A social worker stood at the door.",
}


def dutch_story(writer):
    consent = ConsentRecord.objects.create(
        pseudonym="MIRA",
        given_on=timezone.localdate() - datetime.timedelta(days=10),
        evidence_reference="JOURNEY-1",
    )
    # The teller consented to Dutch and English: the translation may be published.
    consent.languages.set(Locale.objects.filter(language_code__in=("nl", "en")))
    consent.save()
    page = TestimonyPage(
        title=DUTCH["title"],
        slug="mira",
        pseudonym="MIRA",
        quote=DUTCH["quote"],
        teaser=DUTCH["teaser"],
        body=json.dumps(
            [{"type": "text", "value": f"<p>{DUTCH['body']}</p>", "id": str(uuid.uuid4())}]
        ),
        consent=consent,
        live=False,
    )
    StoryIndexPage.objects.get(locale__language_code="nl").add_child(instance=page)
    page.save_revision(user=writer)
    return page


def workflow_action(client, page, action):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return client.post(f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/", {})


def editor_props(response) -> dict:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return json.loads(soup.select_one(".js-translation-editor")["data-props"])


def test_a_dutch_story_is_translated_reviewed_and_published_in_english(
    client, django_capture_on_commit_callbacks
):
    writer = make_user("writer", "Editors")
    officer = make_user("officer", "Consent officers")
    moderator = make_user("moderator", "Moderators")
    translator = make_user("translator", translator_group_name("en"))
    english = Locale.objects.get(language_code="en")

    # 1. The Dutch story goes live through its workflow: teller's approval, second person.
    source = dutch_story(writer)
    # (Started in code: the edit form's StreamField is rendered by JavaScript.)
    workflow.testimony_workflow().start(source, writer)
    client.force_login(officer)
    assert workflow_action(client, source, "approve").status_code in (200, 302)
    client.force_login(moderator)
    assert workflow_action(client, source, "approve").status_code in (200, 302)
    source.refresh_from_db()
    assert source.live

    # 2. The editor submits it for translation into English.
    client.force_login(writer)
    submit_url = f"/admin/localize/submit/page/{source.pk}/"
    assert client.get(submit_url).status_code == 200
    assert client.post(submit_url, {"locales": [english.pk]}).status_code == 302
    target = source.get_translation(english)
    assert not target.live  # a translation never goes live by itself
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=english
    )

    # 3. The translator translates every segment in wagtail-localize's editor.
    client.force_login(translator)
    # Not the Dutch source: Wagtail answers "permission denied".
    assert client.get(f"/admin/pages/{source.pk}/edit/").status_code in (302, 403)
    editor = client.get(f"/admin/pages/{target.pk}/edit/")
    assert editor.status_code == 200
    props = editor_props(editor)
    assert not props["perms"]["canPublish"]
    strings = [segment for segment in props["segments"] if segment["type"] == "string"]
    assert {segment["source"] for segment in strings} >= set(ENGLISH), props["segments"]
    for segment in strings:
        if segment["contentPath"] == "slug":
            value = "miras-story"
        else:
            value = ENGLISH.get(segment["source"], segment["source"])
        response = client.put(
            segment["editUrl"],
            f"value={value}".encode(),
            content_type="application/x-www-form-urlencoded; charset=utf-8",
        )
        assert response.status_code in (200, 201), (segment, response.content)
    # The translator cannot publish: wagtail-localize refuses, nothing goes live.
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    assert refused.status_code in (302, 403)
    target.refresh_from_db()
    assert not target.live

    # 4. The moderator reviews the translation in its preview and publishes it.
    client.force_login(moderator)
    preview = client.get(f"/admin/localize/translate/{translation.pk}/preview/")
    assert preview.status_code == 200
    assert "A social worker stood at the door." in html.unescape(preview.content.decode())
    with django_capture_on_commit_callbacks(execute=True):
        published = client.post(f"/admin/pages/{target.pk}/edit/", {"action": "publish"})
    assert published.status_code == 302
    target = TestimonyPage.objects.get(pk=target.pk)
    assert target.live
    assert target.title == "Mira's story"

    # 5. Readers get it at /en/... in English, with no Dutch text.
    client.logout()
    url = target.get_url()
    assert url.startswith("/en/") and url.endswith("/miras-story/")
    response = client.get(url)
    assert response.status_code == 200
    page = html.unescape(response.content.decode())
    assert '<html lang="en"' in page
    for text in ENGLISH.values():
        assert text in page, text
    for text in DUTCH.values():
        assert text not in page, text
