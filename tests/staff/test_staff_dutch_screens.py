"""The journey screens this project adds to the admin speak Dutch to Dutch staff: the consent
register and its withdrawal screens, the story's status panel, the translators' and moderators'
queues. A list of English words fails the test wherever it appears in them."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale, TaskState

from sitewide.staff.roles import translator_group_name
from sitewide.translation import handoff
from stories import workflow
from stories.models import ConsentRecord, StoryIndexPage, TestimonyPage
from tests.factories import InformationPageFactory, TestimonyPageFactory, home, story_index
from tests.helpers import SECOND_PSEUDONYM, choose_admin_language, make_user

pytestmark = pytest.mark.django_db

ENGLISH = [
    "Withdraw",
    "Confirm",
    "Back",
    "Active",
    "Expired",
    "Withdrawn",
    "Review due",
    "Ready for review",
    "Your translations",
    "In progress",
    "To translate",
    "Translate into",
    "Send back",
    "Comment for the translator",
    "handed over",
    "Consent record",
    "Channels",
    "Languages",
    "Next",
    "approval",
    "Teller",
    "public",
    "not published",
    "These pages",
    "go offline",
    "Part withdrawn",
    "waiting",
    "Choose",
]


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if re.search(rf"\b{re.escape(word)}\b", text)]


def shown(response, selector: str) -> str:
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = soup.select(selector)
    assert found, (selector, response.status_code)
    return " ".join(element.get_text(" ", strip=True) for element in found)


@pytest.fixture
def dutch(client, settings):
    """Production's default: every staff account works in Dutch, whatever its browser says."""
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    return client


def test_consent_register_screens_are_dutch(dutch):
    dutch.force_login(make_user("officer", "Consent officers"))
    second = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    listing = dutch.get("/admin/snippets/stories/consentrecord/")
    assert english_in(shown(listing, "table")) == []
    url = f"/admin/consent/{second.pk}/withdraw/"
    assert english_in(shown(dutch.get(url), "main form")) == []
    english = Locale.objects.get(language_code="en")
    confirm = dutch.post(url, {"reason": "Verzoek", "part": "language", "language": english.pk})
    assert english_in(shown(confirm, "main")) == []


def test_status_panel_is_dutch(dutch):
    record = ConsentRecord.objects.create(
        pseudonym="PANEEL",
        given_on=timezone.localdate() - datetime.timedelta(days=3),
        evidence_reference="NL-1",
    )
    record.languages.set(Locale.objects.filter(language_code="nl"))
    record.save()
    page = TestimonyPage(
        title="Paneel", slug="paneel", pseudonym="PANEEL", quote="Citaat", consent=record
    )
    page.live = False
    StoryIndexPage.objects.get(locale__language_code="nl").add_child(instance=page)
    writer = make_user("writer", "Editors")
    page.save_revision(user=writer)
    workflow.testimony_workflow().start(page, writer)
    dutch.force_login(make_user("boss", superuser=True))
    panel = shown(dutch.get(f"/admin/pages/{page.pk}/edit/"), "[data-story-status]")
    assert english_in(panel) == [], panel


def test_translation_queues_are_dutch(dutch):
    translator = make_user("vertaler", translator_group_name("en"))
    dutch.force_login(translator)
    queue = shown(dutch.get("/admin/"), "[aria-labelledby=translator-queue-heading]")
    assert english_in(queue) == [], queue

    english_page = TestimonyPage.objects.filter(locale__language_code="en").first()
    dutch.post(f"/admin/translations/ready/{english_page.pk}/", {"next": "/admin/"})
    assert handoff.awaiting_review()
    dutch.force_login(make_user("moderator", "Moderators"))
    review = shown(dutch.get("/admin/"), "[aria-labelledby=review-queue-heading]")
    assert english_in(review) == [], review


def test_the_submit_button_names_the_workflow_in_dutch(dutch):
    """The editor's footer names the workflow a testimony goes through, in Dutch: on a new
    testimony (before it is first saved) and on an existing one."""
    dutch.force_login(make_user("writer", "Editors"))
    index = StoryIndexPage.objects.get(locale__language_code="nl")
    new = dutch.get(f"/admin/pages/add/stories/testimonypage/{index.pk}/")
    existing = TestimonyPage.objects.get(pseudonym=SECOND_PSEUDONYM, locale__language_code="nl")
    edit = dutch.get(f"/admin/pages/{existing.pk}/edit/")
    for response in (new, edit):
        footer = shown(response, "footer")
        assert "Stuur door naar Beoordeling van een getuigenis" in footer, footer
        assert "Testimony review" not in footer and "Moderators approval" not in footer


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("nl", "1-1 van 1 pagina", "1-2 van 2 pagina's"), ("en", "1-1 of 1 page", "1-2 of 2 pages")],
)
def test_the_page_search_counts_its_results_in_a_sentence(dutch, language, one, two):
    """Above the page search's results, the count names what it counts (Wagtail's search view
    named nothing: "1-1 van 1 None"), in the account's language."""
    dutch.force_login(choose_admin_language(make_user("boss", superuser=True), language))
    InformationPageFactory(parent=home("nl"), title="Zoekproef eerste")
    header = shown(dutch.get("/admin/pages/search/?q=Zoekproef"), "main thead")
    assert one in header and "None" not in header, header
    InformationPageFactory(parent=home("nl"), title="Zoekproef tweede")
    # The results alone, as the search field asks for them while someone types.
    header = shown(dutch.get("/admin/pages/search/results/?q=Zoekproef"), "thead")
    assert two in header and "None" not in header, header


@pytest.mark.parametrize(
    ("language", "said"), [("nl", "2 minuten geleden"), ("en", "2 minutes ago")]
)
def test_the_status_panel_says_how_long_ago_in_the_admins_language(dutch, language, said):
    """Wagtail's status panel says when a story was sent to its step ("Verstuurd naar ... 2
    minuten geleden"), in the account's language (it read "2 minutes ago" on a Dutch screen)."""
    writer = make_user("writer", "Editors")
    page = TestimonyPageFactory(parent=story_index("nl"), title="Een verhaal dat wacht")
    page.save_revision(user=writer)
    state = workflow.testimony_workflow().start(page, writer)
    sent = timezone.now() - datetime.timedelta(minutes=2, seconds=5)
    TaskState.objects.filter(pk=state.current_task_state.pk).update(started_at=sent)
    dutch.force_login(choose_admin_language(make_user("moderator", "Moderators"), language))
    status = shown(dutch.get(f"/admin/pages/{page.pk}/edit/"), "[data-side-panel='status']")
    assert said in status.replace("\xa0", " "), status
