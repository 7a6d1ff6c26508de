"""The teller's link: its whole life through the Django test client (docs/teller.md)."""

import datetime
import io
import re

import pytest
from bs4 import BeautifulSoup, Comment, Tag
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import ModelLogEntry

from stories.models import ConsentLedgerEntry, ConsentRecord, ConsentWithdrawal, TestimonyPage
from stories.reach import counting
from stories.teller import service
from stories.teller.models import TellerLink, TellerMessage
from tests.helpers import (
    FIRST_PSEUDONYM,
    SECOND_PSEUDONYM,
    choose_admin_language,
    form_data,
    make_user,
)

pytestmark = pytest.mark.django_db

UNKNOWN = "x" * 43


def record(pseudonym=FIRST_PSEUDONYM):
    return ConsentRecord.objects.get(pseudonym=pseudonym)


def issued(pseudonym=FIRST_PSEUDONYM, language="en"):
    link, token, code = service.issue(record(pseudonym), language)
    return link, token, code


def page_of(client, token, language="en", data=None):
    url = service.link_path(language, token)
    response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code == 200
    return response


def html(response):
    return response.content.decode()


def open_with(client, token, code, language="en"):
    """The teller enters their code on the page, as a person does."""
    first = page_of(client, token, language)
    data = form_data(html(first))
    data["code"] = code
    return page_of(client, token, language, data)


def submit(client, token, response, form_index, language="en", **fields):
    forms = re.findall(r"<form method=\"post\".*?</form>", html(response), re.S)
    data = form_data(forms[form_index])
    data.update(fields)
    return page_of(client, token, language, data)


def live(pseudonym, language):
    return TestimonyPage.objects.filter(
        pseudonym=pseudonym, locale__language_code=language, live=True
    ).exists()


def test_the_link_is_on_the_public_sites_address(settings, client):
    """The teller opens the link on the public site: the admin's address may be closed to them."""
    settings.SITE_BASE_URL = "https://verhalen.example.org"
    settings.WAGTAILADMIN_BASE_URL = "https://beheer.example.org"
    out = io.StringIO()
    call_command("teller_link", FIRST_PSEUDONYM, "--language", "en", stdout=out)
    assert re.search(r"Link: https://verhalen\.example\.org/teller/en/\S+/", out.getvalue())


def test_command_prints_a_new_link_and_revokes_the_old_one():
    out = io.StringIO()
    call_command("teller_link", FIRST_PSEUDONYM.lower(), "--language", "en", stdout=out)
    first = re.search(r"Link: \S+/teller/en/(\S+)/", out.getvalue())[1]
    assert re.search(r"Code: [A-Z0-9]{4}-[A-Z0-9]{4}", out.getvalue())
    out = io.StringIO()
    call_command("teller_link", FIRST_PSEUDONYM, stdout=out)
    second = re.search(r"/teller/nl/(\S+)/", out.getvalue())[1]
    assert service.active_link(first) is None
    assert service.active_link(second) is not None
    # Stored hashed: neither token nor code is in the database.
    for link in TellerLink.objects.all():
        assert first not in (link.token_hash, link.code_hash)
        assert link.token_hash == service.token_hash(first) or link.token_hash == (
            service.token_hash(second)
        )
    assert len(first) >= 43  # 256 bits, URL-safe base64
    with pytest.raises(CommandError, match="No consent record"):
        call_command("teller_link", "NOBODY", stdout=io.StringIO())


def test_without_the_code_the_page_reveals_nothing(client):
    _link, token, _code = issued()
    valid = html(page_of(client, token))
    unknown = html(page_of(client, UNKNOWN))
    # The same page for a valid and an unknown link, apart from the link's own token.
    assert _normalise(valid, token) == _normalise(unknown, UNKNOWN)
    assert FIRST_PSEUDONYM not in valid and "Mijn vertrouwen" not in valid
    assert "Enter the code" in valid


def _normalise(text, token):
    text = text.replace(token, "TOKEN")
    return re.sub(r'name="form_token" value="[^"]+"', "", text)


def test_wrong_code_changes_nothing_and_answers_like_an_unknown_link(client):
    _link, token, _code = issued()
    wrong = html(open_with(client, token, "AAAA-AAAA"))
    unknown = html(open_with(client, UNKNOWN, "AAAA-AAAA"))
    assert "does not fit" in wrong
    assert _normalise(wrong, token) == _normalise(unknown, UNKNOWN)
    assert FIRST_PSEUDONYM not in wrong


def test_with_the_code_the_teller_sees_where_their_story_appears(client):
    _link, token, code = issued()
    response = open_with(client, token, code.lower())  # a code typed in small letters fits
    text = html(response)
    assert 'lang="en"' in text and "Your story in each language" in text
    for page in TestimonyPage.objects.filter(pseudonym=FIRST_PSEUDONYM, live=True):
        assert page.title in text
    assert "Where it appears" in text and "Until when" in text
    assert ModelLogEntry.objects.filter(action="stories.teller.opened").exists()


def test_dutch_page_in_dutch(client):
    _link, token, code = issued(language="nl")
    text = html(open_with(client, token, code, language="nl"))
    assert "Je verhaal in elke taal" in text
    assert "Haal mijn verhaal nu offline" in text


def test_withdraw_one_language_then_everything(client):
    link, token, code = issued()
    overview = open_with(client, token, code)
    confirm = submit(client, token, overview, 0, scope="language:en")
    assert "Are you sure?" in html(confirm)
    assert live(FIRST_PSEUDONYM, "en")  # nothing happens before the one confirmation
    done = submit(client, token, confirm, 0)
    assert "Done: the English version of your story is offline now." in html(done)
    assert not live(FIRST_PSEUDONYM, "en") and live(FIRST_PSEUDONYM, "nl")
    assert client.get("/en/", follow=True).status_code == 200
    entry = ConsentLedgerEntry.objects.get(kind=ConsentLedgerEntry.WITHDRAWAL)
    assert (entry.part, entry.language_code) == (ConsentWithdrawal.LANGUAGE, "en")
    assert ModelLogEntry.objects.filter(action="stories.teller.withdrawn").exists()
    assert TellerMessage.objects.filter(kind=TellerMessage.WITHDRAWAL, link=link).exists()
    # A replayed confirmation changes nothing more.
    replay = submit(client, token, confirm, 0)
    assert "already taken down" in html(replay)
    assert ConsentLedgerEntry.objects.filter(kind=ConsentLedgerEntry.WITHDRAWAL).count() == 1

    back = submit(client, token, done, 0)
    confirm = submit(client, token, back, 0, scope="everything")
    submit(client, token, confirm, 0)
    assert not TestimonyPage.objects.filter(pseudonym=FIRST_PSEUDONYM, live=True).exists()
    assert record().is_withdrawn
    assert ConsentLedgerEntry.objects.filter(kind=ConsentLedgerEntry.WITHDRAWAL).count() == 2
    # The teller still sees the state of their story afterwards.
    assert "taken down everywhere" in html(open_with(client, token, code))


def choice_labels(response) -> list[str]:
    soup = BeautifulSoup(html(response), "html.parser")
    return [label.get_text(" ", strip=True) for label in soup.select("label.teller__choice")]


def test_only_what_the_consent_allows_is_offered_named_in_the_tellers_language(client):
    consent_record = record()
    consent_record.allows_print = False
    consent_record.allows_social = False
    consent_record.save()
    _link, token, code = issued(language="nl")
    choices = choice_labels(open_with(client, token, code, language="nl"))
    assert "Alleen in drukwerk" not in choices
    assert not any("sociale media" in choice for choice in choices)
    assert "Alleen op deze website" in choices
    # Languages by their Dutch names, in a Dutch sentence.
    assert "Alleen de versie in het Engels" in choices
    assert not any("English" in choice for choice in choices)
    # The story's pages in a language the record does not cover are not offered either.
    covered = set(consent_record.languages.values_list("language_code", flat=True))
    for code_ in (
        set(
            TestimonyPage.objects.filter(consent=consent_record).values_list(
                "locale__language_code", flat=True
            )
        )
        - covered
    ):
        assert f"language:{code_}" not in service.takedown_choices(consent_record)


def test_a_part_taken_down_is_no_longer_offered_and_nothing_is_after_everything(client):
    _link, token, code = issued()
    overview = open_with(client, token, code)
    assert "Only the English version" in choice_labels(overview)
    done = submit(client, token, submit(client, token, overview, 0, scope="language:en"), 0)
    back = submit(client, token, done, 0)
    assert "Only the English version" not in choice_labels(back)
    assert "Everything: every language and every place" in choice_labels(back)
    confirm = submit(client, token, back, 0, scope="everything")
    submit(client, token, confirm, 0)
    after = open_with(client, token, code)
    assert choice_labels(after) == []
    assert "Take my story down now" not in html(after)
    assert "taken down everywhere" in html(after)


@pytest.mark.usefixtures("immediate_tasks")  # e-mail is a background task
def test_consent_officers_are_told(client, django_capture_on_commit_callbacks):
    officer = make_user("officer", "Consent officers")
    officer.email = "officer@example.org"
    officer.save()
    _link, token, code = issued(SECOND_PSEUDONYM)
    overview = open_with(client, token, code)
    confirm = submit(client, token, overview, 0, scope="channel:website")
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, token, confirm, 0)
    # Off the website (the API may still serve it: only that channel was withdrawn).
    second = TestimonyPage.objects.get(pseudonym=SECOND_PSEUDONYM, locale__language_code="nl")
    assert client.get(second.url).status_code == 404
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["officer@example.org"]
    assert SECOND_PSEUDONYM in mail.outbox[0].body and "channel:website" in mail.outbox[0].body


def test_message_is_stored_without_the_senders_address(client, django_capture_on_commit_callbacks):
    officer = make_user("officer", "Consent officers")
    officer.email = "officer@example.org"
    officer.save()
    _link, token, code = issued()
    overview = open_with(client, token, code)
    with django_capture_on_commit_callbacks(execute=True):
        sent = submit(client, token, overview, 1, text="Please call me on Tuesday.")
    assert "has been sent" in html(sent)
    message = TellerMessage.objects.get(kind=TellerMessage.MESSAGE)
    assert message.text == "Please call me on Tuesday."
    assert "127.0.0.1" not in str(message.__dict__)
    assert [m.to for m in mail.outbox] == [["officer@example.org"]]
    assert "Tuesday" not in mail.outbox[0].body  # the teller's words stay in the admin
    assert ModelLogEntry.objects.filter(action="stories.teller.message").exists()
    # The consent officers' dashboard shows it, leading to the record's screen.
    client.force_login(officer)
    dashboard = BeautifulSoup(html(client.get("/admin/")), "html.parser")
    [item] = dashboard.select("[data-from-tellers] li")
    assert message.record.pseudonym in item.get_text()
    assert item.select_one("a")["href"] == f"/admin/consent/{message.record_id}/teller-link/"
    client.force_login(make_user("editor", "Editors"))
    assert "data-from-tellers" not in html(client.get("/admin/"))


def test_revoked_and_expired_links_answer_like_unknown_ones(client):
    link, token, code = issued()
    service.revoke_all(record())
    assert "does not fit" in html(open_with(client, token, code))
    link, token, code = issued()
    consent = record()
    consent.expires_on = timezone.localdate()
    consent.save()
    assert "does not fit" in html(open_with(client, token, code))
    consent.expires_on = timezone.localdate() + datetime.timedelta(days=1)
    consent.save()
    assert "Your story in each language" in html(open_with(client, token, code))


def test_rate_limit_narrows_the_page_but_never_blocks_a_takedown(client):
    officer = make_user("officer", "Consent officers")
    officer.email = "officer@example.org"
    officer.save()
    _link, token, code = issued()
    for _ in range(service.MAX_WRONG_CODES):
        open_with(client, token, "ZZZZ-ZZZZ")
    limited = html(page_of(client, token))
    assert "too many wrong codes" in limited
    assert TellerMessage.objects.filter(kind=TellerMessage.ALERT).count() == 1
    # An unknown link is limited the same way: the limit says nothing about existence.
    for _ in range(service.MAX_WRONG_CODES):
        open_with(client, UNKNOWN, "ZZZZ-ZZZZ")
    assert _normalise(html(page_of(client, UNKNOWN)), UNKNOWN) == _normalise(limited, token)
    # The right code still opens the takedown, and only that: no story details, no messages.
    overview = open_with(client, token, code)
    assert "Take my story down now" in html(overview)
    assert "Your story in each language" not in html(overview)
    assert "I want to talk to someone" not in html(overview)
    confirm = submit(client, token, overview, 0, scope="everything")
    submit(client, token, confirm, 0)
    assert record().is_withdrawn


def test_forged_or_cross_site_posts_do_nothing(client):
    _link, token, code = issued()
    # A code form without the signed form token (what a page of another site would send).
    response = page_of(client, token, data={"step": "code", "code": code})
    assert "enter your code again" in html(response)
    # An action without a valid unlocked token.
    response = page_of(client, token, data={"step": "confirm", "scope": "everything"})
    assert "enter your code again" in html(response)
    # An unlocked token of one link does not open another.
    overview = open_with(client, token, code)
    unlocked = re.search(r'name="unlocked" value="([^"]+)"', html(overview))[1]
    _other, other_token, _ = issued(SECOND_PSEUDONYM)
    response = page_of(
        client, other_token, data={"step": "confirm", "scope": "everything", "unlocked": unlocked}
    )
    assert "enter your code again" in html(response)
    assert not record().is_withdrawn and not record(SECOND_PSEUDONYM).is_withdrawn
    # A scope that is not the story's: nothing is taken down.
    response = submit(client, token, overview, 0, scope="language:xx")
    assert "Please choose" in html(response)
    assert not ConsentWithdrawal.objects.exists()


def test_leaving_through_the_quick_exit_locks_every_screen_opened_before(client):
    """The quick exit sends the page's lock form (reader.js): whoever presses Back on the
    teller's phone and resends a screen finds the code screen, and nothing is done again."""
    _link, token, code = issued()
    sent_code = {**form_data(html(page_of(client, token, "en"))), "code": code}
    overview = page_of(client, token, "en", sent_code)
    assert overview["Content-Language"] == "en"
    soup = BeautifulSoup(html(overview), "html.parser")
    lock = soup.select_one("form[data-quick-exit-send]")
    assert lock and lock.has_attr("hidden")
    url = service.link_path("en", token)
    answer = client.post(url, form_data(str(lock)))
    assert answer.status_code == 204 and answer.content == b""
    # The same answer for a link that does not exist: it tells nothing.
    assert client.post(service.link_path("en", UNKNOWN), form_data(str(lock))).status_code == 204
    confirm = submit(client, token, overview, 0, scope="language:en")
    assert "enter your code again" in html(confirm)
    assert live(FIRST_PSEUDONYM, "en")
    # The code sent again from the form shown before the exit (Back, Back, then "resend")
    # opens nothing either.
    assert "enter your code again" in html(page_of(client, token, "en", sent_code))
    assert "Your story in each language" not in html(page_of(client, token, "en", sent_code))
    # With the code again, everything works as before.
    again = open_with(client, token, code)
    confirm = submit(client, token, again, 0, scope="language:en")
    assert "You are taking down the English version of your story." in html(confirm)
    assert "only put it back online when you give your consent again" in html(confirm)


def test_nothing_is_chosen_for_the_teller_and_a_message_sent_twice_is_one(client):
    _link, token, code = issued()
    overview = open_with(client, token, code)
    radios = BeautifulSoup(html(overview), "html.parser").select("input[name=scope]")
    assert radios and not any(radio.has_attr("checked") for radio in radios)
    response = submit(client, token, overview, 0)  # the take-down form sent without a choice
    assert "Please choose what to take down." in html(response)
    assert not ConsentWithdrawal.objects.exists()

    message_form = next(
        index
        for index, form in enumerate(
            re.findall(r"<form method=\"post\".*?</form>", html(overview), re.S)
        )
        if 'value="message"' in form
    )
    # A message of spaces: said in the form, and the page opens there (its action's #talk).
    blank = BeautifulSoup(
        html(submit(client, token, overview, message_form, text="   ")), "html.parser"
    )
    talk = blank.select_one("form#talk")
    assert talk["action"] == "#talk" and talk.select_one("[role=alert]") is not None
    first = submit(client, token, overview, message_form, text="Bel me niet, mail me.")
    assert "Your message has been sent" in html(first)
    second = submit(client, token, overview, message_form, text="Bel me niet, mail me.")
    assert "sent already" in html(second)
    assert TellerMessage.objects.filter(kind=TellerMessage.MESSAGE).count() == 1


def test_private_page_headers_no_cookie_no_cache(client):
    _link, token, code = issued()
    for response in (page_of(client, token), open_with(client, token, code)):
        assert "no-store" in response["Cache-Control"]
        assert response["Referrer-Policy"] == "no-referrer"
        assert "noindex" in response["X-Robots-Tag"]
        assert not response.cookies
        text = html(response)
        assert '<meta name="robots" content="noindex' in text
        assert "data-quick-exit-link" in text
    # Never kept by the page cache: a second visit is answered afresh.
    again = page_of(client, token)
    assert again.get("X-Page-Cache", "") != "hit"
    assert client.get(service.link_path("zz", token), follow=True).status_code == 404


def test_officer_issues_prints_and_revokes_in_the_admin(client):
    officer = choose_admin_language(make_user("officer", "Consent officers"), "nl")
    client.force_login(officer)
    first_record = record()
    url = f"/admin/consent/{first_record.pk}/teller-link/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Nog geen link uitgegeven." in html(page)
    posted = client.post(url, {"language": "en"})
    # The browser is sent on to the screen, so a reload there issues no other link behind the
    # cards just printed: the same cards show again.
    assert posted.status_code == 302 and posted["Location"] == url
    text = html(client.get(url))
    cards = dict(
        re.findall(r'/teller-card/(link|code)/".*?name="card" value="([^"]+)"', text, re.S)
    )
    again = html(client.get(url))
    assert set(cards) == {"link", "code"} and all(card in again for card in cards.values())
    # The screen's heading names the record; the link just issued is in the table at once,
    # with its number, its language's name and its date as the (Dutch) admin writes them.
    soup = BeautifulSoup(text, "html.parser")
    assert soup.select_one("h1").get_text(strip=True) == (
        f"Link voor de verteller van {first_record.pseudonym}"
    )
    [issued] = first_record.teller_links.all()
    with translation.override("nl"):
        when = date_format(timezone.localtime(issued.created_at), "DATETIME_FORMAT")
    row = [cell.get_text() for cell in soup.select("[data-teller-links] tbody td")]
    assert row[:3] == [str(issued.pk), when, "Engels"] and row[-1] == "Actief", row
    assert soup.select_one("#issued-heading").get_text() == f"Link nr. {issued.pk} is uitgegeven"
    assert not re.search(r"\d{4}-\d{2}-\d{2}", " ".join(row))
    link_card = html(client.post("/admin/consent/teller-card/link/", {"card": cards["link"]}))
    code_card = html(client.post("/admin/consent/teller-card/code/", {"card": cards["code"]}))
    token = re.search(r"/teller/en/([^/]+)/", link_card)[1]
    code = re.search(r"data-teller-code>([^<]+)<", code_card)[1]
    # Never both on one card.
    assert code not in link_card and token not in code_card
    # The card payloads cannot be swapped to show the other half.
    swapped = client.post("/admin/consent/teller-card/code/", {"card": cards["link"]})
    # (The admin answers a refusal by sending the user back to the dashboard.)
    assert swapped.status_code in (302, 403) and code not in html(swapped)
    client.logout()
    assert "Your story in each language" in html(open_with(client, token, code))
    client.force_login(officer)
    client.post(f"/admin/consent/{first_record.pk}/teller-link/revoke/")
    assert service.active_link(token) is None
    assert ModelLogEntry.objects.filter(action="stories.teller.link_revoked").exists()
    # A revoked link's cards are offered no longer.
    assert "teller-card" not in html(client.get(url))
    assert first_record.teller_links.count() == 1


def test_people_who_are_not_consent_officers_get_no_link(client):
    editor = make_user("editor", "Editors")
    client.force_login(editor)
    # The admin answers a refusal by sending the user back to the dashboard.
    assert client.get(f"/admin/consent/{record().pk}/teller-link/").status_code in (302, 403)
    url = f"/admin/consent/{record().pk}/teller-link/"
    assert client.post(url, {"language": "en"}).status_code in (302, 403)
    assert not TellerLink.objects.exists()


# --- "I approve this version" -----------------------------------------------------------------


def step_form(response, step) -> int:
    """The index of the screen's form that sends this step."""
    forms = re.findall(r"<form method=\"post\".*?</form>", html(response), re.S)
    return next(i for i, form in enumerate(forms) if f'name="step" value="{step}"' in form)


def approve_form(response) -> int:
    return step_form(response, "approve")


@pytest.mark.usefixtures("immediate_tasks")  # e-mail is a background task
def test_teller_approves_a_waiting_version_and_it_counts_once_an_officer_confirms(
    client, django_capture_on_commit_callbacks
):
    from stories import workflow

    officer = make_user("officer-approve", service.OFFICERS_GROUP)
    officer.email = "officer@example.org"
    officer.save()
    writer = make_user("writer-approve", "Moderators")
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    published_title = page.title
    page.title = "Een versie die wacht"
    revision = page.save_revision(user=writer)
    workflow_state = workflow.testimony_workflow().start(page, writer)
    link, token, code = issued(language="nl")

    shown = open_with(client, token, code, "nl")
    assert "Een nieuwe versie wacht op jouw goedkeuring" in html(shown)
    assert "Een versie die wacht" in html(shown)  # the waiting version's text, not the live one
    assert "Tot die tijd zien lezers de versie die nu online staat." in html(shown)
    # Read as passages: headings, the teller's quote and paragraphs apart, no controls.
    version = BeautifulSoup(html(shown), "html.parser").select_one(".teller__text")
    assert version.select("h4") and version.select("blockquote") and len(version.select("p")) > 3
    assert not version.find("button") and "Sluiten" not in version.get_text()
    # The headline quote, the largest words on the story's page, is part of what is approved.
    assert version.select_one("h3 + blockquote").get_text(strip=True) == page.quote
    # The teller's text, not the site's help box; pictures named, their slider labels left out.
    texts = [p.get_text(strip=True) for p in version.select("p")]
    assert "Herken je iets" not in version.get_text()
    assert "Toen" not in texts and "Nu" not in texts
    assert "[Beelden: Beelden van herstel. Ze zijn te zien zodra deze versie gepubliceerd is.]" in (
        texts
    )
    assert all(not re.search(r"[a-z]\.[A-Z]", p.get_text()) for p in version.select("p")), (
        "paragraphs run into each other"
    )
    # On a phone the button comes after the whole text: a link at the top leads to it.
    soup = BeautifulSoup(html(shown), "html.parser")
    jump = soup.find("a", string="Naar het eind van de tekst")
    assert jump and soup.find("form", id=jump["href"].lstrip("#")).find(
        "input", attrs={"name": "step", "value": "approve"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = submit(client, token, shown, approve_form(shown), "nl")
    assert "Dank je. Je hebt deze versie goedgekeurd." in html(done)

    message = TellerMessage.objects.get(kind=TellerMessage.APPROVAL)
    assert (message.record_id, message.link_id, message.revision_id) == (
        link.record_id,
        link.pk,
        revision.pk,
    )
    assert ModelLogEntry.objects.filter(action="stories.teller.approved").exists()
    assert [m.subject for m in mail.outbox][-1] == "A teller approved a version of their story"
    # Evidence, not yet the approval: nothing is published and the workflow still waits.
    page.refresh_from_db()
    assert page.title == published_title
    assert workflow.workflow_problem(revision) is not None
    assert workflow_state.current_task_state.status == "in_progress"

    # A replayed form changes nothing; the page says the version was approved.
    again = submit(client, token, shown, approve_form(shown), "nl")
    assert "Je had deze versie al goedgekeurd" in html(again)
    assert TellerMessage.objects.filter(kind=TellerMessage.APPROVAL).count() == 1
    reopened = open_with(client, token, code, "nl")
    assert "Je hebt een nieuwe versie goedgekeurd" in html(reopened)
    assert "wacht op jouw goedkeuring" not in html(reopened)
    assert "Je hebt deze versie goedgekeurd" in html(reopened)
    assert 'value="approve"' not in html(reopened)

    # The officer who confirms it sees the evidence on the story's status panel.
    client.force_login(choose_admin_language(officer, "nl"))
    editor = client.get(f"/admin/pages/{page.pk}/edit/")
    status = BeautifulSoup(editor.content, "html.parser").select_one("[data-teller-via-link]")
    assert status and "de verteller keurde de nieuwste versie goed op" in status.get_text()

    # The consent officer confirms it in the workflow: now it counts.
    task_state = workflow_state.current_task_state
    task_state.task.specific.on_action(task_state, officer, "approve")
    workflow_state.refresh_from_db()
    assert workflow_state.current_task_state.task.specific.__class__.__name__ == (
        "SecondPersonApprovalTask"
    )


def test_only_a_waiting_version_can_be_approved_and_only_with_the_code(client):
    from stories import workflow

    writer = make_user("writer-forge", "Moderators")
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    page.save_revision(user=writer)
    workflow.testimony_workflow().start(page, writer)
    link, token, code = issued(language="en")
    shown = open_with(client, token, code)
    forms = re.findall(r"<form method=\"post\".*?</form>", html(shown), re.S)
    data = form_data(forms[approve_form(shown)])
    data["version"] = "999999"  # no version of this story waits under that number
    assert "no longer waits for your approval" in html(page_of(client, token, "en", data))
    data["unlocked"] = "forged"
    assert "enter your code again" in html(page_of(client, token, "en", data))
    assert not TellerMessage.objects.filter(kind=TellerMessage.APPROVAL).exists()
    # Without a waiting version there is nothing to approve.
    _link, other_token, other_code = issued(SECOND_PSEUDONYM)
    assert 'value="approve"' not in html(open_with(client, other_token, other_code))


# --- Every reader language ----------------------------------------------------------------------

# Per language: the confirmation of taking down the English version (the language's name in the
# form the sentence needs), and the consent's end date in the language's own format.
IN_EVERY_LANGUAGE = {
    "nl": ("Je haalt de versie in het Engels van je verhaal offline.", "5 maart 2099"),
    "en": ("You are taking down the English version of your story.", "5 March 2099"),
    "de": ("Du nimmst die Version deiner Geschichte auf Englisch offline.", "5. März 2099"),
    "fr": ("Tu retires la version en anglais de ton histoire.", "5 mars 2099"),
    "es": ("Vas a retirar la versión en inglés de tu historia.", "5 de marzo de 2099"),
    "ro": ("Retragi versiunea în engleză a poveștii tale.", "5 martie 2099"),
    "sr-latn": ("Skidaš sledeće: verzija tvoje priče na engleskom.", "5. mart 2099."),
    "hu": ("Ezt veszed le: a történeted angol nyelvű változata.", "2099. március 5."),
    "bg": ("Сваляш версията на историята ти на английски.", "5 март 2099 г."),
    "ar": ("ستُزيل النسخة الإنجليزية من قصتك.", "5 مارس، 2099"),
}
PLACEHOLDER_LEFT = re.compile(r"%\(\w+\)|\{\{|\{%")


def teller_english_strings() -> list[str]:
    """The teller's page's English source strings (tests/reader_messages.py), cut at their
    placeholders: whole strings of four letters or more, and pieces between placeholders of two
    words or more (a lone piece such as "version" is a French word too)."""
    from tests.reader_messages import teller_messages

    parts = set()
    for _context, msgid in teller_messages():
        pieces = re.split(r"%\(\w+\)[sd]", msgid)
        for piece in pieces:
            piece = piece.strip(" :.;,()[]")
            whole = len(pieces) == 1 and len(piece) >= 4
            if (whole or len(piece.split()) >= 2) and re.search(r"[a-z]", piece):
                parts.add(piece)
    return sorted(parts)


def interface_text(markup, language) -> str:
    """What the page says in its own language: its text and labels, without what is marked as
    another language (the story's titles and text, the other languages' names)."""
    soup = BeautifulSoup(markup, "html.parser")
    parts = []

    def read(element, inherited):
        own = element.get("lang", inherited)
        if own == language:
            parts.extend(
                element[attribute]
                for attribute in ("aria-label", "title", "alt", "placeholder")
                if element.has_attr(attribute)
            )
        for child in element.children:
            if isinstance(child, Tag):
                if child.name not in ("script", "style"):
                    read(child, own)
            elif own == language and not isinstance(child, Comment):
                parts.append(str(child))

    read(soup, None)
    return " ".join(parts)


def english_in(text, strings) -> list[str]:
    return [
        string
        for string in strings
        if re.search(rf"(?<![A-Za-z]){re.escape(string)}(?![A-Za-z])", text)
    ]


def test_the_language_check_finds_english_labels_and_skips_the_storys_own_words():
    english = teller_english_strings()
    assert "Take my story down now" in english and "Times opened so far" in english
    assert "Open" in english and "print" in english  # short, but whole strings
    assert "version" not in english  # a piece of "Only the %(language)s version"
    markup = (
        '<html lang="ro"><title>Povestea ta</title><nav aria-label="Language"></nav>'
        '<p>Cititori până acum: mai puțin de 10. <span lang="en">Until when</span></p>'
        '<div lang="nl"><p>Open</p><p lang="ro">Where it appears</p></div>'
        "<p>Retragi %(what)s.</p></html>"
    )
    text = interface_text(markup, "ro")
    assert english_in(text, english) == ["Language", "Where it appears"]
    assert PLACEHOLDER_LEFT.search(text)


@pytest.mark.parametrize("language", list(IN_EVERY_LANGUAGE))
def test_every_screen_speaks_the_tellers_language(client, settings, language):
    """Each screen of the teller's page in each reader language: no English source string of the
    page (unless the page is English), no placeholder left, the language's direction."""
    from django.utils import translation

    from stories import workflow

    assert set(IN_EVERY_LANGUAGE) == {code for code, _name in settings.LANGUAGES}
    confirmation, end_date = IN_EVERY_LANGUAGE[language]
    consent_record = record()
    consent_record.expires_on = datetime.date(2099, 3, 5)
    consent_record.save()
    writer = make_user("writer-languages", "Moderators")
    waiting = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    waiting.save_revision(user=writer)
    workflow.testimony_workflow().start(waiting, writer)
    for page in TestimonyPage.objects.filter(consent=consent_record):
        counting.count(page.pk, page.locale.language_code, "view")  # one reader: "fewer than 10"
    counting.flush()
    _link, token, code = issued(language=language)

    code_form = page_of(client, token, language)
    wrong = page_of(client, token, language, {**form_data(html(code_form)), "code": "AAAA-AAAA"})
    overview = page_of(client, token, language, {**form_data(html(code_form)), "code": code})
    withdraw = step_form(overview, "withdraw")
    confirm = submit(client, token, overview, withdraw, language, scope="language:en")
    done = submit(client, token, confirm, step_form(confirm, "confirm"), language)
    message = step_form(overview, "message")
    sent = submit(client, token, overview, message, language, text="Bel me.")
    approved = submit(client, token, overview, approve_form(overview), language)
    screens = {
        "code form": code_form,
        "wrong code": wrong,
        "overview": overview,
        "confirmation": confirm,
        "result": done,
        "message sent": sent,
        "approved": approved,
    }

    with translation.override(language):
        fewer = translation.gettext("fewer than %(few)d") % {"few": 10}
        waits = translation.gettext("A new version waits for your approval")
    overview_text = interface_text(html(overview), language)
    assert fewer in overview_text and waits in overview_text and end_date in overview_text
    # Nobody read to the end yet: an exact 0, and the note on small numbers agrees with it (it
    # names how 1 to 9 readers are written and what 0 means).
    overview_soup = BeautifulSoup(html(overview), "html.parser")
    assert any(
        line.get_text().rstrip(".").endswith(" 0")
        for line in overview_soup.select("[data-teller-readers]")
    )
    note = overview_soup.select_one("[data-teller-reach-note]").get_text()
    assert fewer in note and re.search(r"(?<![0-9])0(?![0-9])", note), note
    # The figures are times the story was opened (a reload counts again), never people: the
    # line and the note say so, in the teller's language.
    with translation.override(language):
        opened = translation.gettext(
            "Times opened so far: %(readers)s. Times read to the end: %(ends)s."
        ).split("%(readers)s")[0]
    assert "%" not in opened
    lines = [line.get_text() for line in overview_soup.select("[data-teller-readers]")]
    assert lines and all(line.startswith(opened) for line in lines), (opened, lines)
    if language == "nl":
        assert "niet hoeveel mensen" in note and "Lezers tot nu toe" not in overview_text
    assert confirmation in interface_text(html(confirm), language)
    english = [] if language == "en" else teller_english_strings()
    for name, response in screens.items():
        text = interface_text(html(response), language)
        found = english_in(text, english)
        assert found == [], f"English on the {name} screen in {language}: {found}"
        assert not PLACEHOLDER_LEFT.search(text), (name, PLACEHOLDER_LEFT.search(text))
        opening = re.search(r"<html [^>]*>", html(response))[0]
        direction = "rtl" if language == "ar" else "ltr"
        assert f'lang="{language}"' in opening and f'dir="{direction}"' in opening, opening
    # The story's own words keep their language's direction inside the page's.
    soup = BeautifulSoup(html(overview), "html.parser")
    story_words = soup.select(".teller__text > div[lang], .teller__list span[lang]")
    assert story_words
    for words in story_words:
        assert words["dir"] == ("rtl" if words["lang"] == "ar" else "ltr"), words
