"""A consent officer links a story to its teller's consent record (stories/consent/linking.py):
through the admin screen, on every language, without a revision of its own, so the teller's
approval of the submitted text can be recorded right after and stands."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, PageLogEntry, Revision, TaskState

from stories.models import ConsentRecord, StoryIndexPage, TestimonyPage
from tests.helpers import make_user
from tests.staff.test_staff_refusals import action_url, dutch, shown_messages, story

pytestmark = pytest.mark.django_db


def record_for(pseudonym="RONA", languages=("nl", "en")):
    record = ConsentRecord.objects.create(
        pseudonym=pseudonym,
        given_on=timezone.localdate() - datetime.timedelta(days=3),
        evidence_reference="LINK-1",
    )
    record.languages.set(Locale.objects.filter(language_code__in=languages))
    record.save()
    return record


def link_url(page):
    return f"/admin/consent/story/{page.pk}/link/"


def officer(client):
    client.force_login(make_user("officer-link", "Consent officers"))
    return dutch(client)


def test_linking_makes_no_revision_and_the_tellers_approval_follows(client):
    page = story(consent=None, slug="koppelen")
    record = record_for()
    revisions = Revision.objects.filter(object_id=str(page.pk)).count()
    client = officer(client)

    form = client.get(link_url(page))
    assert form.status_code == 200
    html = form.content.decode()
    assert "koppelen" in html and "RONA" in html
    response = client.post(link_url(page), {"record": record.pk}, follow=True)
    texts = shown_messages(response)
    assert any("RONA" in text and "gekoppeld" in text for text in texts), texts

    assert Revision.objects.filter(object_id=str(page.pk)).count() == revisions
    page.refresh_from_db()
    assert page.consent_id == record.pk
    # The submitted revision, the one the teller approves, carries the link.
    state = page.current_workflow_task_state
    assert state.revision.as_object().consent_id == record.pk
    assert PageLogEntry.objects.filter(page=page, action="stories.consent.linked").exists()

    response = client.post(action_url(page, "approve"), {"next": "/admin/"})
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.current_workflow_task.name == "Second person's approval"
    assert (
        TaskState.objects.filter(revision=state.revision, status=TaskState.STATUS_APPROVED).count()
        == 1
    )


def test_the_record_of_the_same_pseudonym_is_offered_first(client):
    page = story(consent=None, slug="voorstel")
    record_for("ANDER")
    record = record_for("RONA")
    html = officer(client).get(link_url(page)).content.decode()
    assert f'<option value="{record.pk}" selected>' in html


def test_every_language_of_the_story_is_linked(client):
    page = story(consent=None, slug="talen")
    english = page.copy_for_translation(Locale.objects.get(language_code="en"))
    record = record_for()
    officer(client).post(link_url(page), {"record": record.pk})
    english.refresh_from_db()
    assert english.consent_id == record.pk


def test_only_consent_officers_link(client):
    page = story(consent=None, slug="alleen-officier")
    record = record_for()
    client.force_login(make_user("editor-link", "Editors"))
    assert client.get(link_url(page)).status_code in (302, 403)
    assert client.post(link_url(page), {"record": record.pk}).status_code in (302, 403)
    page.refresh_from_db()
    assert page.consent_id is None


def test_no_choice_is_refused_in_words_and_changes_nothing(client):
    page = story(consent=None, slug="geen-keuze")
    response = officer(client).post(link_url(page), {"record": ""})
    assert response.status_code == 200
    assert "Kies de toestemmingsregistratie van de verteller" in response.content.decode()
    page.refresh_from_db()
    assert page.consent_id is None


def test_a_published_story_linked_to_a_narrower_record_goes_offline_where_it_is_not_covered(
    client,
):
    record = record_for("LIVE")
    page = TestimonyPage(
        title="Gekoppeld en live",
        slug="gekoppeld-live",
        pseudonym="LIVE",
        quote="Q",
        consent=record,
    )
    StoryIndexPage.objects.get(locale__language_code="nl").add_child(instance=page)
    page.save_revision().publish()
    assert client.get(page.url).status_code == 200
    english_only = record_for("LIVE-EN", languages=("en",))
    officer(client).post(link_url(page), {"record": english_only.pk})
    page.refresh_from_db()
    assert page.consent_id == english_only.pk
    client.logout()
    assert client.get("/nl/verhalen/gekoppeld-live/").status_code == 404


def test_the_status_panel_offers_officers_the_link_and_editors_not(client):
    page = story(consent=None, slug="paneel")
    edit = f"/admin/pages/{page.pk}/edit/"
    html = officer(client).get(f"/admin/consent/story/{page.pk}/").content.decode()
    assert link_url(page) in html
    # The text the teller is asked to approve starts with the headline quote.
    quote = BeautifulSoup(html, "html.parser").select_one("[data-headline-quote]")
    assert quote is not None and quote.get_text(strip=True) == page.quote
    client.force_login(make_user("editor-panel", "Editors"))
    assert link_url(page) not in dutch(client).get(edit).content.decode()
