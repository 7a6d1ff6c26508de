"""The teller's link in real Chromium: a consent officer issues it through the admin and prints
the two cards; the teller opens the link on a phone, enters the code and takes one language of
their story down. No cookie, nothing asked of another origin, the quick exit on screen."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import (
    SCREENSHOTS,
    assert_no_requests_elsewhere,
    exit_target,
    on_screen_exit,
)
from tests.browser.test_accessibility import _report, _violations, axe_source  # noqa: F401
from tests.browser.test_admin_csp import sign_in
from tests.helpers import FIRST_PSEUDONYM

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}


# The officer's screen in the admin's two languages.
CARD_LABELS = {
    "en": (
        "The teller's language",
        "Issue a new link and code",
        "Print the link card",
        "Print the code card",
    ),
    "nl": (
        "Taal van de verteller",
        "Nieuwe link en code uitgeven",
        "Linkkaart afdrukken",
        "Codekaart afdrukken",
    ),
}


def issue_cards(officer_page, pseudonym=FIRST_PSEUDONYM, teller_language="en", admin_language="en"):
    """The officer issues a link for the record in the teller's language and prints the two
    cards; returns the cards' texts and the address of the record's teller's link screen."""
    page = officer_page
    language_label, issue, print_link, print_code = CARD_LABELS[admin_language]
    page.goto(f"/admin/snippets/stories/consentrecord/?q={pseudonym}")
    href = page.locator("a[href*='/teller-link/']").first.get_attribute("href")
    page.goto(href)
    page.get_by_label(language_label).select_option(teller_language)
    page.get_by_role("button", name=issue).click()
    cards = {}
    for kind, button, selector in (
        ("link", print_link, "[data-teller-link]"),
        ("code", print_code, "[data-teller-code]"),
    ):
        with page.context.expect_page() as opened:
            page.get_by_role("button", name=button).click()
        card = opened.value
        card.wait_for_load_state()
        cards[kind] = card.locator(selector).inner_text().strip()
        # A button prints it (a phone has no Ctrl+P), and the card fits a phone's screen.
        assert card.locator("[data-print]").is_visible()
        assert card.evaluate("document.documentElement.scrollWidth <= innerWidth")
        card.screenshot(path=SCREENSHOTS / f"teller-{kind}-card.png", full_page=True)
        # Never both on one card.
        assert (
            card.locator("[data-teller-link]").count() + card.locator("[data-teller-code]").count()
            == 1
        )
        card.close()
    return cards["link"], cards["code"], href


def test_teller_takes_one_language_down_from_a_phone(
    new_context,
    admin_credentials,
    site_url,
    axe_source,  # noqa: F811
):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    officer = new_context()
    officer_page = officer.new_page()
    sign_in(officer_page, admin_credentials)
    link, code, screen = issue_cards(officer_page)
    path = re.sub(r"^https?://[^/]+", "", link)
    assert re.fullmatch(r"/teller/en/[A-Za-z0-9_-]{43}/", path)

    teller = new_context(viewport=PHONE, locale="en")
    page = teller.new_page()
    page.goto(path)
    assert page.get_by_role("heading", name="Your story").is_visible()
    assert FIRST_PSEUDONYM not in page.content()
    on_screen_exit(page)
    assert not _violations(page, axe_source), _report(_violations(page, axe_source))
    page.screenshot(path=SCREENSHOTS / "teller-code-375-en.png", full_page=True)

    page.get_by_label("Your code").fill(code)
    page.get_by_role("button", name="Open").click()
    languages = page.get_by_role("heading", name="Your story in each language")
    assert languages.is_visible()
    arabic = page.locator("li[data-language=ar]")
    assert "Readers can see it." in arabic.inner_text()
    on_screen_exit(page)
    exit_target_url = exit_target(page)
    violations = _violations(page, axe_source)
    assert not violations, _report(violations)
    page.screenshot(path=SCREENSHOTS / "teller-overview-375-en.png", full_page=True)

    page.get_by_label("Only the Arabic version").check()
    page.get_by_role("button", name="Take this down now").click()
    expect(page.get_by_role("heading", name="Are you sure?")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "teller-confirm-375-en.png", full_page=True)
    page.get_by_role("button", name="Yes, take it down now").click()
    done = page.get_by_role("status")
    assert "Done: the Arabic version of your story is offline now" in done.inner_text()
    on_screen_exit(page)
    page.screenshot(path=SCREENSHOTS / "teller-done-375-en.png", full_page=True)

    page.get_by_role("button", name="Back to my story").click()
    assert "Readers cannot see this version." in page.locator("li[data-language=ar]").inner_text()
    assert "Readers can see it." in page.locator("li[data-language=en]").inner_text()
    assert teller.context.cookies() == []
    assert_no_requests_elsewhere(teller)
    assert page.evaluate("document.referrer") == ""

    # Someone walks in: the teller leaves through the quick exit. The page locks itself as it
    # goes; the screen left behind, sent again (Back, then "resend"), asks for the code.
    unlocked = page.locator("form[data-quick-exit-send] input[name=unlocked]").input_value()
    with page.expect_request(lambda request: request.method == "POST") as sent:
        on_screen_exit(page).click()
    assert "lock" in (sent.value.post_data or "")
    page.wait_for_url(exit_target_url)
    # The lock travels as a beacon, which the server may answer after the page has gone: the
    # screen sent again finds the code screen once it has (within seconds, never not at all).
    for _attempt in range(50):
        again = teller.context.request.post(path, form={"step": "back", "unlocked": unlocked})
        if "enter your code again" in again.text():
            break
        page.wait_for_timeout(200)
    assert "enter your code again" in again.text()
    assert "Your story in each language" not in again.text()
    # Back, after the quick exit: the address loaded afresh (it asks for the code), never the
    # browser's "Confirm form resubmission" nor the last form sent again.
    with page.expect_request(lambda request: "/teller/" in request.url) as back:
        page.go_back()
    assert back.value.method == "GET"
    expect(page.get_by_label("Your code")).to_be_visible()
    assert teller.context.cookies() == []

    # The officer sees what happened.
    officer_page.goto(screen)
    assert "Takedown by the teller" in officer_page.locator("main").inner_text()


def test_the_link_refuses_a_wrong_code_takes_everything_down_and_ends_when_revoked_or_expired(
    new_context, admin_credentials, served_site
):
    """The rest of the link's life, on a story of its own (the demo's stories are read by other
    browser tests): a wrong code, everything taken down, the link revoked, a new link that ends
    with the consent."""
    served_site.manage(
        "shell",
        "-c",
        "from tests.factories import ConsentRecordFactory, TestimonyPageFactory, story_index; "
        "TestimonyPageFactory(parent=story_index('en'), title='A story of its own', "
        "slug='a-story-of-its-own', consent=ConsentRecordFactory(pseudonym='Wren [test]', "
        "languages=['en']))",
    )
    officer_page = new_context().new_page()
    sign_in(officer_page, admin_credentials)
    link, code, screen = issue_cards(officer_page, "Wren")
    path = re.sub(r"^https?://[^/]+", "", link)
    story = "/en/stories/a-story-of-its-own/"
    assert officer_page.request.get(f"{served_site.url}{story}").status == 200

    def open_with(code_given, path=path):
        page = new_context(viewport=PHONE, locale="en").new_page()
        page.goto(path)
        page.get_by_label("Your code").fill(code_given)
        page.get_by_role("button", name="Open").click()
        return page

    def reveals_nothing(page):
        expect(page.get_by_label("Your code")).to_be_visible()
        assert page.get_by_role("heading", name="Your story in each language").count() == 0
        assert "Wren [test]" not in page.content() and "a-story-of-its-own" not in page.content()

    wrong = code[:-1] + ("2" if code[-1] != "2" else "3")
    page = open_with(wrong)
    expect(page.get_by_text("That code does not fit this link.")).to_be_visible()
    reveals_nothing(page)

    page = open_with(code)
    page.get_by_label("Everything: every language and every place").check()
    page.get_by_role("button", name="Take this down now").click()
    page.get_by_role("button", name="Yes, take it down now").click()
    expect(page.get_by_role("status")).to_contain_text(
        "Done: your whole story, in every language and every place is offline now"
    )
    page.screenshot(path=SCREENSHOTS / "teller-everything-down-375-en.png", full_page=True)
    assert page.request.get(f"{served_site.url}{story}").status == 404
    page.get_by_role("button", name="Back to my story").click()
    expect(page.get_by_text("Your story has been taken down everywhere.")).to_be_visible()

    # The officer revokes the link: with the right code it opens nothing any more.
    officer_page.goto(screen)
    officer_page.get_by_role("button", name="Revoke every link of this record").click()
    expect(officer_page.locator("main")).to_contain_text("Revoked")
    reveals_nothing(open_with(code))

    # A new link works until the consent record's expiry has passed; then it opens nothing.
    link, code, _screen = issue_cards(officer_page, "Wren")
    path = re.sub(r"^https?://[^/]+", "", link)
    expect(
        open_with(code, path).get_by_text("Your story has been taken down everywhere.")
    ).to_be_visible()
    served_site.manage(
        "shell",
        "-c",
        "import datetime; from stories.models import ConsentRecord; "
        "ConsentRecord.objects.filter(pseudonym__startswith='Wren').update("
        "given_on=datetime.date.today() - datetime.timedelta(days=30), "
        "expires_on=datetime.date.today() - datetime.timedelta(days=1))",
    )
    reveals_nothing(open_with(code, path))
