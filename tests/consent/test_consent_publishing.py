"""Publishing is refused on every path when consent does not cover the story."""

import datetime
import html
import io

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Locale, ModelLogEntry, PageLogEntry
from wagtail_localize.models import Translation, TranslationSource

from stories.exceptions import ConsentRefused
from stories.middleware import ConsentRefusalMiddleware
from stories.models import ConsentRecord, ConsentWithdrawal, StoryIndexPage, TestimonyPage
from tests.helpers import form_data, make_user

pytestmark = pytest.mark.django_db


def nl_index():
    return StoryIndexPage.objects.get(locale__language_code="nl")


def draft_story(consent=None, slug="nieuw-verhaal"):
    page = TestimonyPage(
        title="Nieuw verhaal",
        slug=slug,
        pseudonym="NIEUW",
        quote="Een citaat dat nog niet gepubliceerd is",
        consent=consent,
        live=False,
    )
    nl_index().add_child(instance=page)
    page.save_revision()
    return page


def new_consent(**fields):
    record = ConsentRecord.objects.create(
        pseudonym=fields.pop("pseudonym", "NIEUW"),
        given_on=fields.pop("given_on", timezone.localdate() - datetime.timedelta(days=10)),
        evidence_reference="TEST-1",
        **fields,
    )
    record.languages.set(Locale.objects.all())
    record.save()
    return record


def publish_through_edit_view(client, page):
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data.setdefault("body-count", ["0"])  # the StreamField's inputs are rendered by JavaScript
    data["action-publish"] = ["action-publish"]
    return client.post(url, data)


def test_edit_view_refuses_publishing_without_consent_with_a_clear_message(client):
    client.force_login(make_user("boss", superuser=True))
    page = draft_story()
    response = publish_through_edit_view(client, page)
    assert response.status_code == 200
    assert "has no consent record" in response.content.decode()
    page.refresh_from_db()
    assert not page.live


def test_a_source_testimony_is_not_published_directly_even_with_consent(client):
    client.force_login(make_user("boss", superuser=True))
    page = draft_story(consent=new_consent())
    response = publish_through_edit_view(client, page)
    assert response.status_code == 200
    assert "Testimony review" in html.unescape(response.content.decode())
    page.refresh_from_db()
    assert not page.live


def submit_to_workflow(client, page):
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data.setdefault("body-count", ["0"])
    data["action-submit"] = ["action-submit"]
    return client.post(url, data)


def workflow_action(client, page, action):
    page.refresh_from_db()
    state = page.current_workflow_task_state
    url = f"/admin/pages/workflow/action/{page.pk}/{action}/{state.pk}/"
    return client.post(url, {"comment": ""})


def test_workflow_teller_approval_then_a_second_person_publishes(client):
    writer = make_user("writer", "Editors", "Moderators")
    officer = make_user("officer", "Consent officers")
    reviewer = make_user("reviewer", "Moderators")
    page = draft_story(consent=new_consent())

    client.force_login(writer)
    assert submit_to_workflow(client, page).status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Teller's approval"

    client.force_login(officer)
    assert workflow_action(client, page, "approve").status_code in (200, 302)
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Second person's approval"

    # The last editor cannot approve their own text.
    client.force_login(writer)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task.name == "Second person's approval"

    client.force_login(reviewer)
    assert workflow_action(client, page, "approve").status_code in (200, 302)
    page.refresh_from_db()
    assert page.live

    # A change to the text of the live story goes through the workflow again.
    client.force_login(make_user("boss", superuser=True))
    page.quote = "Een gewijzigd citaat"
    revision = page.save_revision(user=writer)
    with pytest.raises(ConsentRefused, match="Testimony review"):
        revision.publish(user=reviewer)
    page.refresh_from_db()
    assert page.quote != "Een gewijzigd citaat"


def test_edit_view_refuses_a_language_consent_does_not_cover(client):
    client.force_login(make_user("boss", superuser=True))
    record = new_consent()
    record.languages.set(Locale.objects.filter(language_code="en"))
    record.save()
    page = draft_story(consent=record)
    response = publish_through_edit_view(client, page)
    assert "does not cover Dutch" in html.unescape(response.content.decode())
    page.refresh_from_db()
    assert not page.live


def test_model_guard_refuses_any_publish_by_a_user():
    page = draft_story(consent=new_consent(expires_on=timezone.localdate()))
    with translation.override("en"), pytest.raises(ConsentRefused, match="expired"):
        page.get_latest_revision().publish(user=make_user("someone", superuser=True))
    page.refresh_from_db()
    assert not page.live
    assert PageLogEntry.objects.filter(page=page, action="stories.publish_refused").exists()


def test_scheduled_publishing_skips_a_story_without_consent_and_publishes_the_rest():
    blocked = draft_story(consent=None, slug="geblokkeerd")
    allowed = draft_story(consent=new_consent(), slug="toegestaan")
    past = timezone.now() - datetime.timedelta(minutes=5)
    for page in (blocked, allowed):
        revision = page.get_latest_revision()
        revision.approved_go_live_at = past
        revision.save()
    call_command("publish_scheduled", stdout=io.StringIO())
    blocked.refresh_from_db()
    allowed.refresh_from_db()
    assert allowed.live
    assert not blocked.live
    # The refused revision is not retried at every run.
    assert blocked.get_latest_revision().approved_go_live_at is None


def test_bulk_publish_is_refused_as_a_whole(client):
    client.force_login(make_user("boss", superuser=True))
    blocked = draft_story(consent=None, slug="geblokkeerd")
    allowed = draft_story(consent=new_consent(), slug="toegestaan")
    url = "/admin/bulk/wagtailcore/page/publish/"
    response = client.post(
        f"{url}?id={blocked.pk}&id={allowed.pk}&next=/admin/pages/", {"include_descendants": ""}
    )
    assert response.status_code == 302
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Nothing was published" in message for message in messages)
    blocked.refresh_from_db()
    allowed.refresh_from_db()
    assert not blocked.live and not allowed.live


def test_publishing_a_translation_outside_the_consent_languages_is_refused(
    django_capture_on_commit_callbacks,
):
    record = new_consent()
    record.languages.set(Locale.objects.filter(language_code="nl"))
    record.save()
    page = draft_story(consent=record)
    page.get_latest_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(page)
    to_english = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    with (
        translation.override("en"),
        pytest.raises(ConsentRefused, match="does not cover English"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        to_english.save_target(user=make_user("translator-en"), publish=True)
    english = page.get_translation(Locale.objects.get(language_code="en"))
    assert not english.live


def test_refusal_middleware_turns_the_refusal_into_an_admin_message():
    request = RequestFactory().post("/admin/pages/1/edit/", HTTP_REFERER="http://testserver/x/")
    from django.contrib.messages.storage.fallback import FallbackStorage

    request.session = {}
    request._messages = FallbackStorage(request)
    middleware = ConsentRefusalMiddleware(lambda r: None)
    response = middleware.process_exception(request, ConsentRefused("No consent."))
    assert response.status_code == 302 and response["Location"] == "http://testserver/x/"
    assert [str(m) for m in request._messages] == ["No consent."]


def test_withdrawn_consent_blocks_publishing_too():
    record = new_consent()
    ConsentWithdrawal.objects.create(record=record, withdrawn_on=timezone.localdate())
    page = draft_story(consent=record)
    with translation.override("en"), pytest.raises(ConsentRefused, match="withdrawn"):
        page.get_latest_revision().publish(user=make_user("boss", superuser=True))


def test_log_entries_of_refusals_hold_no_story_text():
    page = draft_story(consent=None)
    with pytest.raises(ConsentRefused):
        page.get_latest_revision().publish()
    entry = PageLogEntry.objects.get(page=page, action="stories.publish_refused")
    assert "citaat" not in str(entry.data)
    assert not ModelLogEntry.objects.filter(data__icontains="citaat").exists()


def test_a_revision_of_the_same_text_keeps_the_tellers_approval(client):
    """Someone opens the story in the editor after the teller's approval and leaves without a
    change, but the admin's autosave keeps a revision: the approval of that text stands. A
    revision with another text needs the teller's approval again."""
    writer = make_user("writer-same", "Editors")
    officer = make_user("officer-same", "Consent officers")
    reviewer = make_user("reviewer-same", "Moderators")
    page = draft_story(consent=new_consent(), slug="zelfde-tekst")
    client.force_login(writer)
    submit_to_workflow(client, page)
    client.force_login(officer)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    page.save_revision(user=officer)  # the same text, a new revision (autosave)
    client.force_login(reviewer)
    workflow_action(client, page, "approve")
    page.refresh_from_db()
    assert page.live

    changed = draft_story(consent=new_consent(pseudonym="ANDER"), slug="andere-tekst")
    client.force_login(writer)
    submit_to_workflow(client, changed)
    client.force_login(officer)
    workflow_action(client, changed, "approve")
    changed.refresh_from_db()
    changed.quote = "Een ander citaat"
    changed.save_revision(user=officer)
    client.force_login(reviewer)
    workflow_action(client, changed, "approve")
    changed.refresh_from_db()
    assert not changed.live


def test_an_earlier_approved_text_keeps_its_approval_after_a_later_one(client):
    """approved_for() reads the latest approved text first; a revision that returns to a text the
    teller approved earlier (not the latest approved one) is still approved, another is not."""
    from stories.workflow import TellerApprovalTask, approved_for

    writer = make_user("writer-earlier", "Editors")
    officer = make_user("officer-earlier", "Consent officers")
    reviewer = make_user("reviewer-earlier", "Moderators")
    page = draft_story(consent=new_consent(), slug="eerdere-tekst")
    client.force_login(writer)
    submit_to_workflow(client, page)
    client.force_login(officer)
    workflow_action(client, page, "approve")  # the teller approves the first text
    client.force_login(reviewer)
    workflow_action(client, page, "reject")  # back to the teller's step

    story = page.get_latest_revision_as_object()
    first_quote = story.quote
    story.quote = "Een tweede citaat"
    story.save_revision(user=writer)
    client.force_login(writer)
    submit_to_workflow(client, page)
    client.force_login(officer)
    workflow_action(client, page, "approve")  # the teller approves the second text
    page.refresh_from_db()
    assert approved_for(page.get_latest_revision(), TellerApprovalTask)

    story = page.get_latest_revision_as_object()
    story.quote = first_quote
    back = story.save_revision(user=writer)
    assert approved_for(back, TellerApprovalTask)
    story.quote = "Een citaat dat de verteller nooit zag"
    assert not approved_for(story.save_revision(user=writer), TellerApprovalTask)
