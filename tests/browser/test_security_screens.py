"""The screens this round added, as staff and readers meet them in Chromium: enrolment ending
on the recovery codes, the sign-out confirmation, and the search page's message for a query
without words. Each is screenshotted (test-results/screenshots/) and audited with axe."""

import base64
import re

import pytest

from tests.browser import SCREENSHOTS
from tests.browser.test_accessibility import _report, _violations
from tests.browser.test_accessibility import axe_source as axe_source_fixture  # noqa: F401
from tests.browser.test_admin_csp import AUTHENTICATOR, authenticator_code

pytestmark = pytest.mark.browser


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"security-{name}.png", full_page=True)


def audit(page, axe_source) -> None:
    violations = _violations(page, axe_source)
    assert violations == [], _report(violations)


def test_enrolment_offers_recovery_codes_and_sign_out_asks_first(
    new_context,
    admin_credentials,
    axe_source,
):
    username, password = admin_credentials
    context = new_context(viewport={"width": 375, "height": 812}, locale="nl-NL")
    page = context.new_page()
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form [type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/two-factor/(enrol|verify)/"))
    if "/enrol/" not in page.url:
        pytest.fail("the served site's admin enrolled already in this session", pytrace=False)
    secret = page.locator("#two-factor-secret").inner_text().replace(" ", "")
    AUTHENTICATOR[username] = [base64.b32decode(secret + "=" * (-len(secret) % 8)), 0]
    page.fill("#id_token", authenticator_code(username))
    page.locator("#id_token").press("Enter")
    page.wait_for_url(re.compile(r"/admin/two-factor/recovery-codes/"))
    codes = page.locator("#recovery-codes li")
    assert codes.count() == 10
    assert codes.first.is_visible()
    assert page.get_by_role("heading", name="Je herstelcodes").is_visible()
    box = codes.first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375  # on screen on a phone
    shoot(page, "recovery-codes-375-nl")
    audit(page, axe_source)
    page.get_by_role("link", name="Ik heb deze codes bewaard").click()
    page.wait_for_url(re.compile(r"/admin/$"))

    # A link to the sign-out address signs nobody out: it asks.
    page.goto("/admin/logout/")
    button = page.get_by_role("button", name="Uitloggen")
    assert button.is_visible()
    shoot(page, "logout-confirm-375-nl")
    audit(page, axe_source)
    page.goto("/admin/")
    assert "/admin/login/" not in page.url  # still signed in
    page.goto("/admin/logout/")
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_url(re.compile(r"/admin/login/"))


@pytest.mark.parametrize(
    ("language", "width", "expected"),
    [
        ("en", 1440, "Search for words or numbers"),
        ("nl", 375, "Zoek op woorden of getallen"),
        ("ar", 375, None),
    ],
)
def test_a_search_without_words_gets_a_message(
    new_context,
    axe_source,
    language,
    width,
    expected,
):
    context = new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    response = page.goto(f"/{language}/search/?q=%22")
    assert response.status == 200
    message = page.locator(".lr-search-message")
    assert message.is_visible()
    if expected:
        assert expected in message.inner_text()
    box = message.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    shoot(page, f"search-message-{width}-{language}")
    audit(page, axe_source)
