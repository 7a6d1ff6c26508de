"""Every refused publication or approval says why, in the admin's language, and keeps what the
person typed: the edit view's footer, the dashboard's buttons and dialogs, bulk actions, the
scheduled publishing log and the translation editor's Publish. Never Wagtail's "no access"."""

import datetime
import html
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.models import Locale, TaskState

from stories import workflow
from stories.consent.takedown import withdraw
from stories.exceptions import PublishRefused
from stories.models import ConsentRecord, StoryIndexPage, TestimonyPage
from tests.helpers import admin_in, form_data, make_user

pytestmark = pytest.mark.django_db

NO_ACCESS = ("geen toegang", "do not have permission", "no access")


def consent_record(**fields):
    record = ConsentRecord.objects.create(
        pseudonym=fields.pop("pseudonym", "RONA"),
        given_on=timezone.localdate() - datetime.timedelta(days=10),
        evidence_reference="REFUSAL-1",
        **fields,
    )
    record.languages.set(Locale.objects.filter(language_code__in=("nl", "en")))
    record.save()
    return record


def story(consent=None, slug="rona"):
    page = TestimonyPage(
        title="Het verhaal van Rona",
        slug=slug,
        pseudonym="RONA",
        quote="Ik wilde alleen maar werken",
        consent=consent,
        live=False,
    )
    StoryIndexPage.objects.get(locale__language_code="nl").add_child(instance=page)
    page.save_revision(user=make_user(f"writer-{slug}", "Editors"))
    workflow.testimony_workflow().start(page, page.get_latest_revision().user)
    return page


def dutch(client):
    """The signed-in account works in Dutch (the production default; the suite's is English)."""
    return admin_in(client, "nl")


def shown_messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def assert_no_generic_refusal(texts):
    for text in texts:
        for words in NO_ACCESS:
            assert words not in text.lower(), text


def action_url(page, action):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    return f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/"


def at_second_step(page):
    """The teller's approval recorded (the consent was in force then)."""
    page.refresh_from_db()
    page.current_workflow_task_state.specific.approve(user=make_user("officer-step"))
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Second person's approval"


def expire(record):
    # The consent expires after the teller's approval was recorded.
    ConsentRecord.objects.filter(pk=record.pk).update(expires_on=timezone.localdate())


def test_dashboard_approve_refused_shows_the_reason_in_dutch(client):
    record = consent_record()
    page = story(record)
    at_second_step(page)
    expire(record)
    client.force_login(make_user("moderator", "Moderators"))
    response = dutch(client).post(action_url(page, "approve"), {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    texts = shown_messages(response)
    assert any("De toestemming van RONA is verlopen" in text for text in texts), texts
    assert_no_generic_refusal(texts)
    page.refresh_from_db()
    assert not page.live
    # Nothing was half-done: the task still waits for a second person.
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_dashboard_approve_with_comment_keeps_the_comment_and_shows_the_reason(client):
    record = consent_record()
    page = story(record)
    at_second_step(page)
    expire(record)
    client.force_login(make_user("moderator", "Moderators"))
    response = dutch(client).post(
        action_url(page, "approve"),
        {"comment": "Mooi verhaal, klaar voor publicatie"},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["step"] == "action"  # the dialog stays open, with the reason in it
    dialog = BeautifulSoup(answer["html"], "html.parser")
    text = dialog.get_text(" ", strip=True)
    assert "De toestemming van RONA is verlopen" in text
    comment = dialog.select_one("textarea[name=comment]").text.strip()
    assert comment == "Mooi verhaal, klaar voor publicatie"
    assert_no_generic_refusal([text])
    page.refresh_from_db()
    assert not page.live


def test_editor_footer_approval_refused_keeps_the_edit_and_the_comment(client):
    record = consent_record()
    page = story(record)
    at_second_step(page)
    expire(record)
    client.force_login(make_user("moderator", "Moderators"))
    dutch(client)
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data.setdefault("body-count", ["0"])
    data["title"] = ["Het verhaal van Rona, herzien"]
    data["action-workflow-action"] = ["true"]
    data["workflow-action-name"] = ["approve"]
    data["workflow-action-extra-data"] = [json.dumps({"comment": "Akkoord met de tekst"})]
    response = client.post(url, data, HTTP_REFERER=f"http://testserver{url}")
    assert response.status_code == 302 and response["Location"].endswith(url)
    texts = shown_messages(response)
    assert any("De toestemming van RONA is verlopen" in text for text in texts), texts
    assert any("Akkoord met de tekst" in text for text in texts), texts
    assert_no_generic_refusal(texts)
    page.refresh_from_db()
    assert not page.live
    # The moderator's edit is kept, as the page's latest revision.
    assert page.get_latest_revision_as_object().title == "Het verhaal van Rona, herzien"


def test_teller_approval_needs_a_linked_consent_record(client):
    page = story(consent=None, slug="zonder-toestemming")
    client.force_login(make_user("officer", "Consent officers"))
    response = dutch(client).post(action_url(page, "approve"), {"next": "/admin/"})
    texts = shown_messages(response)
    assert any("toestemmingsregistratie" in text for text in texts), texts
    assert_no_generic_refusal(texts)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Teller's approval"
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_teller_approval_needs_a_record_that_covers_dutch(client):
    record = consent_record(pseudonym="ENGELS")
    record.languages.set(Locale.objects.filter(language_code="en"))
    record.save()
    page = story(record, slug="alleen-engels")
    client.force_login(make_user("officer", "Consent officers"))
    response = dutch(client).post(action_url(page, "approve"), {"next": "/admin/"})
    texts = shown_messages(response)
    assert any("niet voor het Nederlands" in text for text in texts), texts
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Teller's approval"


def test_the_last_editor_is_told_why_they_cannot_approve(client):
    record = consent_record()
    page = story(record)
    at_second_step(page)
    writer = page.get_latest_revision().user
    writer.groups.add(*make_user("m-template", "Moderators").groups.all())
    client.force_login(writer)
    page.refresh_from_db()
    task = page.current_workflow_task.specific
    # In the admin's language (a Dutch account's), not whatever an earlier test left active.
    with translation.override("nl"), pytest.raises(PublishRefused, match="tweede persoon"):
        task.on_action(page.current_workflow_task_state, writer, "approve")


def test_bulk_publish_refusal_names_the_reason_in_dutch(client):
    client.force_login(make_user("boss", superuser=True))
    page = story(consent=None, slug="bulk")
    url = "/admin/bulk/wagtailcore/page/publish/"
    response = dutch(client).post(
        f"{url}?id={page.pk}&next=/admin/pages/", {"include_descendants": ""}
    )
    texts = shown_messages(response)
    assert any("Er is niets gepubliceerd" in text for text in texts), texts
    assert any("toestemmingsregistratie" in text for text in texts), texts
    assert_no_generic_refusal(texts)


def test_scheduled_publishing_log_says_why_in_the_admins_language(client):
    page = story(consent=None, slug="gepland")
    revision = page.get_latest_revision()
    revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=5)
    revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    client.force_login(make_user("boss", superuser=True))
    history = html.unescape(dutch(client).get(f"/admin/pages/{page.pk}/history/").content.decode())
    assert "Gepland publiceren geweigerd" in history
    assert "geen toestemmingsregistratie" in history
    admin_in(client, "en")
    history = html.unescape(client.get(f"/admin/pages/{page.pk}/history/").content.decode())
    assert "Scheduled publishing refused" in history
    assert "has no consent record" in history


def test_every_testimony_editor_shows_its_status(client):
    record = consent_record(pseudonym="STATUS")
    page = story(record, slug="status")
    client.force_login(make_user("boss", superuser=True))
    editor = dutch(client).get(f"/admin/pages/{page.pk}/edit/")
    soup = BeautifulSoup(editor.content.decode(), "html.parser")
    panel = soup.select_one("[data-story-status]").get_text(" ", strip=True)
    assert "Toestemmingsregistratie: STATUS" in panel
    assert "Kanalen: website" in panel
    assert "Goedkeuring van de verteller: nog niet vastgelegd" in panel
    assert "Volgende stap: Goedkeuring van de verteller, door: Toestemmingsfunctionarissen" in panel
    assert "niet openbaar (niet gepubliceerd)" in panel


def test_the_status_panel_says_what_was_withdrawn_and_that_nobody_acts_next(client):
    """After a withdrawal the story's editor says so: the part, the language by name, and after
    a full withdrawal that nobody acts next (not "an editor submits the story")."""
    record = consent_record(pseudonym="INGETROKKEN", allows_photos=True)
    page = story(record, slug="ingetrokken")
    client.force_login(make_user("boss", superuser=True))

    def panel():
        editor = dutch(client).get(f"/admin/pages/{page.pk}/edit/")
        soup = BeautifulSoup(editor.content.decode(), "html.parser")
        return soup.select_one("[data-story-status]").get_text(" ", strip=True)

    assert "ingetrokken" not in panel()
    withdraw(
        record,
        reason="Telefonisch",
        part="language",
        language=Locale.objects.get(language_code="en"),
    )
    text = panel()
    assert "Deels ingetrokken: Eén taal: Engels" in text
    assert "Volgende stap: Goedkeuring van de verteller" in text
    withdraw(record, reason="Alles")
    text = panel()
    assert "Toestemming ingetrokken:" in text and "Alles" in text
    assert "Volgende stap: Niemand: de verteller heeft alle toestemming ingetrokken" in text
    assert "Media: foto's" in text


def test_after_changes_are_requested_the_story_goes_back_to_the_teller(client):
    record = consent_record(pseudonym="OPNIEUW")
    page = story(record, slug="opnieuw")
    at_second_step(page)
    client.force_login(make_user("moderator", "Moderators"))
    response = dutch(client).post(
        action_url(page, "reject"), {"comment": "De tweede alinea klopt niet", "next": "/admin/"}
    )
    assert response.status_code == 302
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state.status == state.STATUS_NEEDS_CHANGES
    # The editor's resubmit button names the teller's step, and resubmitting goes there.
    writer = page.get_latest_revision().user
    client.force_login(writer)
    editor = html.unescape(client.get(f"/admin/pages/{page.pk}/edit/").content.decode())
    assert "Teller's approval" in editor
    state.resume(user=writer)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Teller's approval"
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_recording_the_tellers_approval_says_whose_approval_it_is(client):
    """The officer records the teller's approval: the message does not call it theirs."""
    record = consent_record(pseudonym="WIENS")
    page = story(record, slug="wiens")
    client.force_login(make_user("officier-wiens", "Consent officers"))
    response = dutch(client).post(action_url(page, "approve"), {"next": "/admin/"})
    assert response.status_code == 302
    said = " ".join(shown_messages(response))
    assert "door de verteller is vastgelegd" in said and "Je goedkeuring" not in said, said
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Second person's approval"
