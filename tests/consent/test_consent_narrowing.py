"""Every narrowing of a consent is one event, whatever path makes it.

A record saved from code, a bulk update through the project's manager, a withdrawal created
from a script, the record's admin form, the Withdraw action and the command: each writes one
ledger entry in its own transaction and, on commit, renews caches, announces `withdrawn` (or
`changed`, for a story still shown) to the changes feed and moves the API's conditional
answers. A restore of an older backup narrows the record again. Bad input changes nothing.
"""

import datetime
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from sitewide.api.models import ContentChange
from stories import consent
from stories.consent import ledger, scope
from stories.models import ConsentLedgerEntry, ConsentRecord, ConsentWithdrawal, TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM, form_data, make_user

pytestmark = pytest.mark.django_db

STORY = "Mark [demo]"  # a demo story whose consent covers the API
LIST = "/api/v2/pages/?type=stories.TestimonyPage&locale=en&fields=pseudonym"


def record():
    return ConsentRecord.objects.get(pseudonym=STORY)


def page(language="en"):
    return TestimonyPage.objects.get(pseudonym=STORY, locale__language_code=language)


def listed(client) -> tuple[set[str], str]:
    response = client.get(LIST)
    assert response.status_code == 200
    return {item["pseudonym"] for item in response.json()["items"]}, response["ETag"]


def entries():
    return list(ConsentLedgerEntry.objects.filter(consent_record_id=record().pk).order_by("pk"))


def events_for(pages) -> set[tuple[str, int]]:
    ids = [p.pk for p in pages]
    return set(ContentChange.objects.filter(page_id__in=ids).values_list("event", "page_id"))


def test_languages_saved_from_code_are_compared_with_what_was_stored(
    client, django_capture_on_commit_callbacks
):
    """A script narrows the languages: announced after commit, the list's validators move, and
    a partner's conditional request gets the new list (not 304)."""
    names, etag = listed(client)
    assert STORY in names
    english = page("en")
    target = record()
    with django_capture_on_commit_callbacks(execute=True):
        target.languages.remove(Locale.objects.get(language_code="en"))
        target.save()
    (entry,) = entries()
    assert entry.kind == ConsentLedgerEntry.NARROWING
    assert entry.scope == {"languages": ["en"]}
    assert ("withdrawn", english.pk) in events_for([english])
    answer = client.get(LIST, HTTP_IF_NONE_MATCH=etag)
    assert answer.status_code == 200
    assert STORY not in {item["pseudonym"] for item in answer.json()["items"]}
    assert answer["ETag"] != etag
    # Until the newest event has settled, no date: a client asking If-Modified-Since with the
    # date of that very second gets the new list, not 304.
    newest = ContentChange.objects.order_by("-pk").first()
    assert "Last-Modified" not in answer
    since = client.get(LIST, HTTP_IF_MODIFIED_SINCE=_http_date(newest.happened_at))
    assert since.status_code == 200
    # The Dutch page is still shown on the website.
    assert consent.page_is_visible(page("nl"))


def _http_date(moment):
    from django.utils.http import http_date

    return http_date(moment.timestamp())


def test_bulk_update_through_the_manager_is_a_narrowing_too(
    client, django_capture_on_commit_callbacks
):
    pages = list(TestimonyPage.objects.filter(pseudonym=STORY))
    with django_capture_on_commit_callbacks(execute=True):
        ConsentRecord.objects.filter(pseudonym=STORY).update(allows_api=False)
    (entry,) = entries()
    assert (entry.kind, entry.scope) == (ConsentLedgerEntry.NARROWING, {"channels": ["api"]})
    assert events_for(pages) >= {("withdrawn", p.pk) for p in pages}
    assert STORY not in listed(client)[0]
    assert all(consent.page_is_visible(p) for p in pages)  # the website still shows it


def test_a_withdrawal_created_from_code_is_written_once(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal = ConsentWithdrawal.objects.create(
            record=record(), withdrawn_on=timezone.localdate(), part=consent.API, reason="x"
        )
    (entry,) = entries()
    assert (entry.kind, entry.withdrawal_id, entry.part) == (
        ConsentLedgerEntry.WITHDRAWAL,
        withdrawal.pk,
        "api",
    )
    assert entry.scope == {"withdrawn_on": timezone.localdate().isoformat()}


def test_withdrawals_written_in_bulk_are_taken_down_and_recorded(
    client, django_capture_on_commit_callbacks
):
    english = page("en")
    assert english.live and STORY in listed(client)[0]
    with django_capture_on_commit_callbacks(execute=True):
        (withdrawal,) = ConsentWithdrawal.objects.bulk_create(
            [
                ConsentWithdrawal(
                    record=record(),
                    withdrawn_on=timezone.localdate(),
                    part=ConsentWithdrawal.LANGUAGE,
                    language=Locale.objects.get(language_code="en"),
                )
            ]
        )
    english.refresh_from_db()
    assert not english.live
    assert client.get(english.url).status_code == 404
    assert STORY not in listed(client)[0]
    assert ("withdrawn", english.pk) in events_for([english])
    (entry,) = entries()
    assert (entry.kind, entry.withdrawal_id) == (ConsentLedgerEntry.WITHDRAWAL, withdrawal.pk)
    assert page("nl").live


@pytest.mark.parametrize("path", ["update", "save"])
def test_widening_a_withdrawal_is_a_withdrawal_of_its_own(
    client, path, django_capture_on_commit_callbacks
):
    """One language withdrawn, then changed to everything (the record form's withdrawal row,
    or a bulk update): taken down, recorded for a restore, announced to partners."""
    english = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal = ConsentWithdrawal.objects.create(
            record=record(), withdrawn_on=timezone.localdate(), part="language", language=english
        )
    dutch = page("nl")
    assert dutch.live
    with django_capture_on_commit_callbacks(execute=True):
        if path == "update":
            ConsentWithdrawal.objects.filter(pk=withdrawal.pk).update(
                part=ConsentWithdrawal.EVERYTHING, language=None
            )
        else:
            withdrawal.part, withdrawal.language = ConsentWithdrawal.EVERYTHING, None
            withdrawal.save()
    dutch.refresh_from_db()
    assert not dutch.live
    assert client.get(dutch.url).status_code == 404
    assert ("withdrawn", dutch.pk) in events_for([dutch])
    last = entries()[-1]
    assert (last.kind, last.withdrawal_id, last.part) == (
        ConsentLedgerEntry.WITHDRAWAL,
        withdrawal.pk,
        ConsentWithdrawal.EVERYTHING,
    )


def test_a_withdrawal_moved_to_another_record_is_that_records_withdrawal(
    django_capture_on_commit_callbacks,
):
    second = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    with django_capture_on_commit_callbacks(execute=True):
        withdrawal = ConsentWithdrawal.objects.create(
            record=second, withdrawn_on=timezone.localdate(), part=ConsentWithdrawal.EVERYTHING
        )
    assert page("nl").live
    with django_capture_on_commit_callbacks(execute=True):
        ConsentWithdrawal.objects.filter(pk=withdrawal.pk).update(record_id=record().pk)
    assert not page("nl").live and not page("en").live
    assert [e.withdrawal_id for e in entries()] == [withdrawal.pk]


def test_a_bulk_update_of_records_is_a_narrowing_too(client, django_capture_on_commit_callbacks):
    mark = record()
    mark.allows_api = False
    with django_capture_on_commit_callbacks(execute=True):
        ConsentRecord.objects.bulk_update([mark], ["allows_api"])
    (entry,) = entries()
    assert (entry.kind, entry.scope) == (ConsentLedgerEntry.NARROWING, {"channels": ["api"]})
    assert STORY not in listed(client)[0]


def test_the_command_and_the_action_write_one_entry_each(client):
    call_command(
        "withdraw_consent", STORY, "--reason", "By phone", "--part", "api", stdout=io.StringIO()
    )
    assert [e.kind for e in entries()] == [ConsentLedgerEntry.WITHDRAWAL]
    client.force_login(make_user("officer", "Consent officers"))
    response = client.post(
        f"/admin/consent/{record().pk}/withdraw/",
        {"reason": "Asked", "part": "everything", "confirm": "1"},
    )
    assert response.status_code == 302
    assert [e.part for e in entries()] == ["api", "everything"]
    assert not TestimonyPage.objects.filter(pseudonym=STORY).live().exists()


def test_photos_narrowed_is_recorded_and_announced_as_a_change(
    client, django_capture_on_commit_callbacks
):
    from tests.consent.test_consent_leaks import demo_images_as_photos

    demo_images_as_photos()
    first = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    assert first.allows_photos
    english = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    assert client.get(f"/api/v2/pages/{english.pk}/").json()["hero_image"]
    with django_capture_on_commit_callbacks(execute=True):
        first.allows_photos = False
        first.save()
    entry = ConsentLedgerEntry.objects.get(consent_record_id=first.pk)
    assert entry.scope == {"media": ["photos"]}
    assert ("changed", english.pk) in events_for([english])
    assert client.get(f"/api/v2/pages/{english.pk}/").json()["hero_image"] is None


def test_an_earlier_expiry_is_a_narrowing(django_capture_on_commit_callbacks):
    target = record()
    soon = timezone.localdate() + datetime.timedelta(days=10)
    target.expires_on = soon
    target.save()
    (entry,) = entries()
    assert entry.scope == {"expires_on": soon.isoformat()}
    # Widening again (a later expiry) is no narrowing: no entry.
    target.expires_on = soon + datetime.timedelta(days=10)
    target.save()
    assert len(entries()) == 1


def test_the_record_form_narrowing_is_one_entry(client):
    client.force_login(make_user("officer", "Consent officers"))
    target = record()
    url = f"/admin/snippets/stories/consentrecord/edit/{target.pk}/"
    data = form_data(client.get(url).content.decode())
    data.pop("allows_api")
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    (entry,) = entries()
    assert (entry.kind, entry.scope) == (ConsentLedgerEntry.NARROWING, {"channels": ["api"]})


def _restore_older(saved_before, narrowed_fields):
    """What restoring a backup made before the narrowing leaves: the record as it was, and a
    ledger without the newer entries; then the restore re-applies the saved ledger."""
    saved = ledger.entries()
    newer_ids = {item["id"] for item in saved} - {item["id"] for item in saved_before}
    with scope.quiet():
        ConsentLedgerEntry.objects.filter(pk__in=newer_ids).delete()
        target = record()
        for name, value in narrowed_fields.items():
            if name == "languages":
                target.languages.set(Locale.objects.filter(language_code__in=value))
            else:
                setattr(target, name, value)
        target.save()
    return ledger.reapply(saved)


@pytest.mark.parametrize(
    "narrow, undo, check",
    [
        (
            lambda r: setattr(r, "allows_api", False),
            {"allows_api": True},
            lambda r: not r.allows_api,
        ),
        (
            lambda r: setattr(r, "allows_website", False),
            {"allows_website": True},
            lambda r: not r.allows_website,
        ),
        (
            lambda r: r.languages.remove(Locale.objects.get(language_code="en")),
            {"languages": ["nl", "en"]},
            lambda r: "en" not in {lo.language_code for lo in r.languages.all()},
        ),
        (
            lambda r: setattr(r, "allows_photos", False),
            {"allows_photos": True},
            lambda r: not r.allows_photos,
        ),
        (
            lambda r: setattr(r, "expires_on", timezone.localdate()),
            {"expires_on": None},
            lambda r: r.expires_on == timezone.localdate(),
        ),
    ],
    ids=["api", "website", "language", "photos", "expiry"],
)
def test_a_restore_of_an_older_backup_narrows_the_record_again(client, narrow, undo, check):
    target = record()
    with scope.quiet():  # the demo record first allows photos, to be narrowed below
        target.allows_photos = True
        target.save()
    before = ledger.entries()
    target = record()
    narrow(target)
    target.save()
    assert len(ledger.entries()) == len(before) + 1
    lines = _restore_older(before, undo)
    assert len(lines) == 1 and "narrowed again" in lines[0], lines
    assert check(record())
    assert len(ledger.entries()) == len(before) + 1  # re-applying adds no entry
    if "allows_api" in undo:
        assert STORY not in listed(client)[0]


def test_an_expiry_enforced_by_the_daily_run_is_put_back_by_a_restore(client):
    """A date that passed without a save (set in the database directly): the daily
    `enforce_consent` takes the story down and its ledger entry keeps the date, so a restore of
    an older backup, without the date, sets it again and the story cannot be published again."""
    before = ledger.entries()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with scope.quiet():
        ConsentRecord.objects.filter(pk=record().pk).update(
            given_on=yesterday - datetime.timedelta(days=30), expires_on=yesterday
        )
    call_command("enforce_consent", stdout=io.StringIO())
    (entry,) = [e for e in entries() if e.pk not in {item["id"] for item in before}]
    assert entry.kind == ConsentLedgerEntry.EXPIRY
    assert entry.scope["expires_on"] == yesterday.isoformat()
    lines = _restore_older(before, {"expires_on": None})
    assert any("expiry date" in line for line in lines), lines
    assert record().expires_on == yesterday
    assert consent.consent_problem(page("en"))


def test_contradictory_dates_are_refused_from_code_and_change_nothing():
    target = record()
    target.expires_on = target.given_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        target.save()
    assert record().expires_on is None
    with pytest.raises(ValidationError):
        ConsentRecord.objects.filter(pk=target.pk).update(expires_on=target.given_on)
    assert record().expires_on is None
    assert not entries()


def test_a_withdrawal_for_a_language_never_covered_is_refused(client):
    german = Locale.objects.get(language_code="de")
    with pytest.raises(ValidationError) as refused:
        ConsentWithdrawal.objects.create(
            record=record(),
            withdrawn_on=timezone.localdate(),
            part=ConsentWithdrawal.LANGUAGE,
            language=german,
        )
    assert "language" in refused.value.message_dict
    assert not record().withdrawals.exists() and not entries()
    client.force_login(make_user("officer", "Consent officers"))
    response = client.post(
        f"/admin/consent/{record().pk}/withdraw/",
        {"reason": "x", "part": "language", "language": german.pk, "confirm": "1"},
    )
    assert response.status_code == 200
    assert "never covered this language" in response.content.decode()
    assert not record().withdrawals.exists() and not entries()


def test_takedown_and_its_ledger_row_commit_together_or_not_at_all(monkeypatch):
    def fail(**kwargs):
        raise RuntimeError("the ledger cannot be written")

    monkeypatch.setattr(ConsentLedgerEntry.objects, "create", fail)
    target = record()
    target.allows_website = False
    target.allows_api = False  # hidden everywhere: its pages are unpublished
    with pytest.raises(RuntimeError):
        target.save()
    assert record().allows_website and record().allows_api
    assert TestimonyPage.objects.filter(pseudonym=STORY).live().count() == 2


def test_the_editor_says_why_a_storys_photos_are_hidden(client):
    from tests.consent.test_consent_leaks import demo_images_as_photos

    demo_images_as_photos()
    second = TestimonyPage.objects.get(pseudonym=SECOND_PSEUDONYM, locale__language_code="nl")
    assert not second.consent.allows_photos and not second.media_allowed()["photos"]
    assert second.shown_hero_image is None
    client.force_login(make_user("admin", superuser=True))
    html = client.get(f"/admin/pages/{second.pk}/edit/").content.decode()
    assert f"Photos are hidden: the consent of {SECOND_PSEUDONYM} does not allow photos." in html
