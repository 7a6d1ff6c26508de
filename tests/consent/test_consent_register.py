"""The consent register as consent officers use it: a status per record with filters, a
withdrawal that asks which part and names what goes offline before and after, warnings when a
saved record shows nothing or takes pages offline, and "recorded by" filled in."""

import datetime
import html
import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.utils import timezone
from wagtail.models import Locale

from stories import workflow
from stories.models import ConsentRecord, ConsentWithdrawal, TestimonyPage
from tests.factories import TestimonyPageFactory, story_index
from tests.helpers import SECOND_PSEUDONYM, form_data, make_user

pytestmark = pytest.mark.django_db
LIST = "/admin/snippets/stories/consentrecord/"


@pytest.fixture
def officer(client, settings):
    user = make_user("officer", "Consent officers")
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"  # production's: every staff account works in Dutch
    client.force_login(user)
    return user


def texts(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def record(pseudonym, **fields):
    made = ConsentRecord.objects.create(
        pseudonym=pseudonym,
        given_on=fields.pop("given_on", timezone.localdate() - datetime.timedelta(days=20)),
        evidence_reference="REG",
        **fields,
    )
    made.languages.set(Locale.objects.filter(language_code="nl"))
    made.save()
    return made


NAMES = ("HELEMAAL", "DEELS", "VERLOPEN", "HERZIEN", "ACTIEF")


def rows(response) -> dict[str, str]:
    """The listing's rows of the records made here, by pseudonym."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    found = {}
    for row in soup.select("tbody tr"):
        text = row.get_text(" ", strip=True)
        for name in NAMES:
            if re.search(rf"\b{name}\b", text):
                found[name] = text
    return found


def test_the_list_shows_each_records_status_and_filters_by_it(client, officer):
    today = timezone.localdate()
    withdrawn = record("HELEMAAL")
    ConsentWithdrawal.objects.create(record=withdrawn, withdrawn_on=today, part="everything")
    partly = record("DEELS")
    ConsentWithdrawal.objects.create(record=partly, withdrawn_on=today, part="api")
    record("VERLOPEN", expires_on=today)
    record("HERZIEN", review_on=today + datetime.timedelta(days=3))
    record("ACTIEF", review_on=today + datetime.timedelta(days=200))
    listing = rows(client.get(LIST))
    assert "Ingetrokken" in listing["HELEMAAL"]
    assert "Deels ingetrokken" in listing["DEELS"]
    assert "Verlopen" in listing["VERLOPEN"]
    assert "Herziening nodig" in listing["HERZIEN"]
    assert "Actief" in listing["ACTIEF"]
    for status, name in (
        ("withdrawn", "HELEMAAL"),
        ("partly_withdrawn", "DEELS"),
        ("expired", "VERLOPEN"),
        ("review_due", "HERZIEN"),
        ("active", "ACTIEF"),
    ):
        shown = rows(client.get(LIST, {"status": status}))
        assert name in shown, (status, shown)
        others = {"HELEMAAL", "DEELS", "VERLOPEN", "HERZIEN", "ACTIEF"} - {name}
        assert not others & set(shown), (status, shown)


def test_withdrawal_asks_for_the_part_and_names_what_goes_offline(client, officer):
    second = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    url = f"/admin/consent/{second.pk}/withdraw/"
    form = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    assert form.select_one("select[name=part] option[selected]") is None or (
        form.select_one("select[name=part] option[selected]")["value"] == ""
    )
    missing = client.post(url, {"reason": "Verzoek van de verteller"})
    assert "Kies welk deel" in html.unescape(missing.content.decode())
    assert not ConsentWithdrawal.objects.filter(record=second).exists()

    english = Locale.objects.get(language_code="en")
    english_page = TestimonyPage.objects.get(consent=second, locale=english)
    data = {"reason": "Verzoek van de verteller", "part": "language", "language": english.pk}
    summary = html.unescape(client.post(url, data).content.decode())
    assert english_page.title in summary and "Engels" in summary
    assert not ConsentWithdrawal.objects.filter(record=second).exists()  # nothing yet

    done = client.post(url, {**data, "confirm": "1"})
    assert done.status_code == 302
    said = " ".join(texts(done))
    assert english_page.title in said and "Engels" in said
    english_page.refresh_from_db()
    assert not english_page.live
    assert TestimonyPage.objects.get(consent=second, locale__language_code="nl").live


def test_recorded_by_defaults_to_the_signed_in_officer(client, officer):
    page = BeautifulSoup(client.get(f"{LIST}add/").content.decode(), "html.parser")
    chosen = page.select_one("select[name=recorded_by] option[selected]")
    assert chosen is not None and chosen["value"] == str(officer.pk)


def test_saving_a_record_warns_about_what_goes_offline(client, officer):
    second = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    url = f"{LIST}edit/{second.pk}/"
    data = form_data(client.get(url).content.decode())
    english = Locale.objects.get(language_code="en")
    data["languages"] = [str(pk) for pk in data["languages"] if pk != str(english.pk)]
    saved = client.post(url, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    said = " ".join(texts(saved))
    english_page = TestimonyPage.objects.get(consent=second, locale=english)
    assert english_page.title in said and "Engels" in said


def test_saving_an_expired_record_or_one_without_languages_warns(client, officer):
    second = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    url = f"{LIST}edit/{second.pk}/"
    data = form_data(client.get(url).content.decode())
    data["expires_on"] = [timezone.localdate().isoformat()]
    data["languages"] = []
    saved = client.post(url, data)
    assert saved.status_code == 302, saved.content.decode()[:2000]
    said = " ".join(texts(saved))
    assert "al verlopen" in said
    assert "geen enkele taal" in said


def test_an_officer_reads_any_testimony_read_only(client, officer):
    """Outside her own workflow step Wagtail's editor is closed to her; the register's "Read the
    story" opens the latest version with its status, in each language."""
    second = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    dutch = TestimonyPage.objects.get(consent=second, locale__language_code="nl")
    assert client.get(f"/admin/pages/{dutch.pk}/edit/").status_code == 302  # not hers to edit

    listing = BeautifulSoup(
        client.get(f"{LIST}?q={SECOND_PSEUDONYM}").content.decode(), "html.parser"
    )
    link = listing.select_one(f'a[href="/admin/consent/story/{dutch.pk}/"]')
    assert link is not None and "Verhaal lezen" in link.get_text()

    page = BeautifulSoup(client.get(link["href"]).content.decode(), "html.parser")
    main = page.select_one("main").get_text(" ", strip=True)
    assert "Alleen lezen" in main and dutch.title in main
    assert page.select_one("[data-story-status]") is not None
    story = page.select_one("article.story-read")
    assert story["lang"] == "nl" and len(story.get_text(strip=True)) > 500
    assert not page.select("main form")  # nothing to change here

    english = page.find("a", string="Engels")
    reading = BeautifulSoup(client.get(english["href"]).content.decode(), "html.parser")
    assert reading.select_one("article.story-read")["lang"] == "en"


def shown_header_title(response) -> str:
    """The page's name as the editor's header shows it (its breadcrumbs; the header's <h1> is
    for screen readers only)."""
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    crumbs = soup.select_one("header [data-w-breadcrumbs]")
    assert crumbs is not None and crumbs.get("hidden") is None, crumbs
    return crumbs.select("li")[-1].get_text(" ", strip=True)


def test_an_officer_at_the_tellers_step_reads_the_title_in_the_editors_header(client, officer):
    """At her own workflow step Wagtail's editor opens to her: its header names the story, as
    an editor's does (Wagtail names the page there only to people who may explore pages)."""
    writer = make_user("writer", "Editors")
    page = TestimonyPageFactory(parent=story_index("nl"), title="Een verhaal voor de officier")
    page.save_revision(user=writer)
    workflow.testimony_workflow().start(page, writer)
    assert shown_header_title(client.get(f"/admin/pages/{page.pk}/edit/")) == page.title
    client.force_login(writer)
    assert shown_header_title(client.get(f"/admin/pages/{page.pk}/edit/")) == page.title


def test_only_consent_staff_read_stories_there(client):
    client.force_login(make_user("redacteur", "Editors"))
    story = TestimonyPage.objects.filter(locale__language_code="nl").first()
    assert client.get(f"/admin/consent/story/{story.pk}/").status_code in (302, 403)
