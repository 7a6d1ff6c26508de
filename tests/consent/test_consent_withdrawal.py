"""Withdrawal and expiry take a story down everywhere; consent records are for officers only."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from wagtail.models import Locale, ModelLogEntry, Page

from stories import consent
from stories.consent import scope
from stories.consent.takedown import withdraw
from stories.models import ConsentLedgerEntry, ConsentRecord, ConsentWithdrawal, TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM, form_data, make_user

pytestmark = pytest.mark.django_db


def story(pseudonym):
    return TestimonyPage.objects.filter(pseudonym=pseudonym)


def officer():
    return make_user("officer", "Consent officers")


def test_withdraw_consent_command_takes_down_every_translation(client):
    out = io.StringIO()
    call_command(
        "withdraw_consent", FIRST_PSEUDONYM.lower(), "--reason", "Asked by phone", stdout=out
    )
    assert "Withdrawal recorded" in out.getvalue()
    assert not story(FIRST_PSEUDONYM).live().exists()
    assert story(FIRST_PSEUDONYM).count() == 3  # nl, en and the demo's Arabic
    for page in story(FIRST_PSEUDONYM):
        assert client.get(page.url).status_code == 404
    entry = ConsentLedgerEntry.objects.get(kind=ConsentLedgerEntry.WITHDRAWAL)
    assert sorted(entry.page_ids) == sorted(story(FIRST_PSEUDONYM).values_list("pk", flat=True))
    assert ModelLogEntry.objects.filter(action="stories.consent.withdrawn").exists()
    # Gone from search too.
    assert FIRST_PSEUDONYM not in client.get("/en/search/", {"q": "trust"}).content.decode()


def test_withdraw_consent_with_unknown_pseudonym_changes_nothing():
    live_before = Page.objects.live().count()
    with pytest.raises(CommandError, match="No consent record"):
        call_command("withdraw_consent", "NOBODY", "--reason", "x", stdout=io.StringIO())
    assert Page.objects.live().count() == live_before
    assert not ConsentWithdrawal.objects.exists()


def test_withdrawing_one_language_leaves_the_others():
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    withdraw(
        record,
        reason="Not in English",
        part=ConsentWithdrawal.LANGUAGE,
        language=Locale.objects.get(language_code="en"),
    )
    assert not story(SECOND_PSEUDONYM).filter(locale__language_code="en").live().exists()
    assert story(SECOND_PSEUDONYM).filter(locale__language_code="nl").live().exists()


def test_withdrawing_only_the_api_keeps_the_html_pages():
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    result = withdraw(record, reason="No partners", part="api")
    assert result.unpublished == []
    assert story(SECOND_PSEUDONYM).live().count() == 2


def test_admin_withdraw_action_is_one_step_for_consent_officers(client):
    client.force_login(officer())
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    url = f"/admin/consent/{record.pk}/withdraw/"
    assert client.get(url).status_code == 200
    # The form first names what goes offline; the officer confirms.
    summary = client.post(url, {"reason": "Teller asked", "part": "everything"})
    assert summary.status_code == 200 and story(SECOND_PSEUDONYM).live().exists()
    response = client.post(url, {"reason": "Teller asked", "part": "everything", "confirm": "1"})
    assert response.status_code == 302
    assert not story(SECOND_PSEUDONYM).live().exists()


def test_editors_cannot_withdraw_or_see_consent(client):
    client.force_login(make_user("editor", "Editors"))
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    assert client.get(f"/admin/consent/{record.pk}/withdraw/").status_code in (302, 403)
    client.post(f"/admin/consent/{record.pk}/withdraw/", {"reason": "x", "part": "everything"})
    assert not ConsentWithdrawal.objects.exists()
    assert client.get("/admin/snippets/stories/consentrecord/").status_code in (302, 403)
    assert client.get(f"/admin/snippets/stories/consentrecord/edit/{record.pk}/").status_code in (
        302,
        403,
    )


def test_only_consent_officers_see_the_consent_field_in_the_page_editor(client):
    page = story(FIRST_PSEUDONYM).get(locale__language_code="nl")
    client.force_login(make_user("editor", "Editors"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="title"' in html
    assert 'name="consent"' not in html
    client.force_login(make_user("officer-editor", "Editors", "Consent officers"))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="consent"' in html


def test_translation_editor_shows_nothing_of_the_consent_record(client):
    english = story(FIRST_PSEUDONYM).get(locale__language_code="en")
    record = english.consent
    client.force_login(make_user("editor", "Editors"))
    response = client.get(f"/admin/pages/{english.pk}/edit/")
    html = response.content.decode()
    assert "Translation of" in html  # wagtail-localize's editor
    assert record.evidence_reference not in html
    assert "consent" not in html.lower().replace("consent_", "")


def test_enforce_consent_takes_down_expired_stories_and_is_idempotent():
    """A consent that ends at midnight ends without anybody saving anything: the record's
    expiry was set long ago (here: written without acting on it, as the day it was set)."""
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    record.expires_on = timezone.localdate()
    with scope.quiet():
        record.save()
    out = io.StringIO()
    call_command("enforce_consent", stdout=out)
    assert f"Taken down: {SECOND_PSEUDONYM}" in out.getvalue()
    assert not story(SECOND_PSEUDONYM).live().exists()
    assert ConsentLedgerEntry.objects.filter(kind=ConsentLedgerEntry.EXPIRY).count() == 1
    again = io.StringIO()
    call_command("enforce_consent", stdout=again)
    assert "Nothing to do" in again.getvalue()
    assert ConsentLedgerEntry.objects.filter(kind=ConsentLedgerEntry.EXPIRY).count() == 1


def test_ledger_holds_ids_and_dates_only():
    call_command(
        "withdraw_consent", FIRST_PSEUDONYM, "--reason", "Private reason", stdout=io.StringIO()
    )
    for entry in ConsentLedgerEntry.objects.values():
        text = str(entry)
        assert FIRST_PSEUDONYM not in text and "Private reason" not in text and "trust" not in text


def edit_record(client, record, **changes):
    url = f"/admin/snippets/stories/consentrecord/edit/{record.pk}/"
    data = form_data(client.get(url).content.decode())
    for key, value in changes.items():
        data[key] = [value]
    return client.post(url, data)


def test_consent_changes_are_audited_by_field_name_only(client):
    client.force_login(officer())
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    response = edit_record(client, record, expires_on="2099-01-01")
    assert response.status_code == 302, response.content.decode()[:2000]
    entry = ModelLogEntry.objects.get(action="stories.consent.changed")
    assert entry.data == {"fields": ["expires_on"]}
    assert entry.user.username == "officer"
    assert "pressure" not in str(entry.data) and "druk" not in str(entry.data)


def test_expiry_before_the_date_given_is_a_form_error(client):
    client.force_login(officer())
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    response = edit_record(client, record, expires_on="2000-01-01")
    assert response.status_code == 200
    assert "The expiry date must come after the date given." in response.content.decode()
    record.refresh_from_db()
    assert record.expires_on is None


def test_deleting_a_consent_record_in_use_is_refused_naming_the_stories(client):
    client.force_login(make_user("boss", superuser=True))
    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    response = client.post(
        f"/admin/snippets/stories/consentrecord/delete/{record.pk}/", follow=True
    )
    assert ConsentRecord.objects.filter(pk=record.pk).exists()
    html = response.content.decode()
    assert "cannot be deleted" in html and "Under pressure" in html


def test_review_date_defaults_to_twelve_months_after_giving():
    record = ConsentRecord.objects.create(
        pseudonym="X", given_on=timezone.datetime(2026, 1, 15).date(), evidence_reference="r"
    )
    assert record.review_on == timezone.datetime(2027, 1, 15).date()


def test_dashboard_lists_consents_due_for_review(client):
    client.force_login(officer())
    html = client.get("/admin/").content.decode()
    assert "Due for review within 30 days" in html
    section = html[html.index("Due for review") : html.index("Expired")]
    assert SECOND_PSEUDONYM in section and FIRST_PSEUDONYM not in section
    client.force_login(make_user("editor", "Editors"))
    assert "Due for review" not in client.get("/admin/").content.decode()


def test_staff_preview_of_a_hidden_story_carries_a_banner(rf):
    page = story(FIRST_PSEUDONYM).get(locale__language_code="nl").specific
    call_command("withdraw_consent", FIRST_PSEUDONYM, "--reason", "x", stdout=io.StringIO())
    response = page.make_preview_request()
    html = response.content.decode()
    assert 'class="lr-preview-banner"' in html
    assert FIRST_PSEUDONYM in html.split('class="lr-preview-banner"')[1].split("</div>")[0]


def test_the_record_form_cannot_add_change_or_remove_a_withdrawal(
    client, django_capture_on_commit_callbacks
):
    """A withdrawal is recorded once, on the Withdraw screen, and is final: the record's own form
    shows the withdrawals read only, and whatever it posts (a withdrawal's row marked deleted, a
    changed part, a new row) changes none of them, so the story stays offline."""
    client.force_login(officer())
    record = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(record, reason="Asked by phone.")
    withdrawal = record.withdrawals.get()
    url = f"/admin/snippets/stories/consentrecord/edit/{record.pk}/"
    html = client.get(url).content.decode()
    assert "withdrawals-TOTAL_FORMS" not in html
    history = html.split("data-withdrawal-history")[1].split("</div>")[0]
    assert "Everything" in history and "Asked by phone." in history
    assert "cannot be changed or removed" in history
    assert f"/admin/consent/{record.pk}/withdraw/" in history

    data = form_data(html)
    data.update(
        {
            "withdrawals-TOTAL_FORMS": ["2"],
            "withdrawals-INITIAL_FORMS": ["1"],
            "withdrawals-0-id": [str(withdrawal.pk)],
            "withdrawals-0-withdrawn_on": [str(withdrawal.withdrawn_on)],
            "withdrawals-0-part": [ConsentWithdrawal.LANGUAGE],
            "withdrawals-0-DELETE": ["on"],
            "withdrawals-1-id": [""],
            "withdrawals-1-withdrawn_on": [str(timezone.localdate())],
            "withdrawals-1-part": [consent.PRINT],
            "withdrawals-1-DELETE": [""],
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(record.withdrawals.values_list("pk", "part")) == [
        (withdrawal.pk, ConsentWithdrawal.EVERYTHING)
    ]
    assert not TestimonyPage.objects.filter(consent=record).live().exists()
    assert record.problem(consent.WEBSITE, "nl", consent.today())


def test_narrowing_the_scope_in_the_form_takes_down_what_it_no_longer_covers(client):
    client.force_login(officer())
    record = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    response = edit_record(client, record, allows_website="")
    assert response.status_code == 302, response.content.decode()[:3000]
    pages = TestimonyPage.objects.filter(consent=record)
    assert not any(consent.page_is_visible(page) for page in pages)
    # The API still may show it: the pages stay live for partners, hidden from the website.
    assert all(consent.page_is_visible(page, consent.API) for page in pages)
    for page in pages:
        assert client.get(page.url).status_code == 404
    entry = ConsentLedgerEntry.objects.get(consent_record_id=record.pk)
    assert (entry.kind, entry.scope) == (ConsentLedgerEntry.NARROWING, {"channels": ["website"]})


@translation.override("en")  # the reasons as an English account reads them
def test_a_full_withdrawal_is_named_before_an_earlier_partial_one(
    django_capture_on_commit_callbacks,
):
    """Staff read why a page is down: after "English" and then "everything", the reason is the
    full withdrawal, not the older partial one."""
    record = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(
            record, reason="Niet in het Engels", part=ConsentWithdrawal.LANGUAGE, language=english
        )
    assert "partly withdrawn (One language: English)" in record.problem(
        consent.WEBSITE, "en", consent.today()
    )
    with django_capture_on_commit_callbacks(execute=True):
        withdraw(record, reason="Alles")
    assert "was withdrawn on" in record.problem(consent.WEBSITE, "en", consent.today())
