"""The admin's own Content-Security-Policy keeps Wagtail 8 and wagtail-localize working.

A superuser works through the parts of the admin that write inline scripts: a story's editor
(StreamField, an inline panel with a page chooser and its modal, the preview panel), the
publishing schedule's date picker, a consent record (date fields, an inline panel whose new rows
bring their own date widgets) and wagtail-localize's translation editor. Every
`securitypolicyviolation` event, every console message about a policy, every script error and
every request to another origin fails the test.
"""

import base64
import re
import time

import pytest
from django_otp.oath import TOTP
from playwright.sync_api import expect

from tests.browser import assert_no_requests_elsewhere

pytestmark = pytest.mark.browser

# Runs in every frame before the page's own scripts: reports each violation to the test.
LISTEN_FOR_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", event => {
  window.reportCspViolation({
    page: location.href,
    directive: event.effectiveDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
  });
}, true);
"""
POLICY_MESSAGE = re.compile(r"Content[- ]Security[- ]Policy|Permissions[- ]Policy|Refused to", re.I)
EDIT_URL = re.compile(r"/admin/pages/(\d+)/edit/$")


class Watched:
    """A routed browser context that records policy violations and policy console messages."""

    def __init__(self, routed):
        self.routed = routed
        self.violations: list[dict] = []
        self.console: list[str] = []
        routed.context.expose_binding(
            "reportCspViolation", lambda _source, report: self.violations.append(report)
        )
        routed.context.add_init_script(LISTEN_FOR_VIOLATIONS)
        routed.context.on("page", self._watch)
        self.page = routed.new_page()

    def _watch(self, page):
        page.on("console", self._console)

    def _console(self, message):
        if message.type in ("error", "warning") and POLICY_MESSAGE.search(message.text):
            self.console.append(f"{message.type}: {message.text} ({message.location})")

    def reset(self):
        self.violations.clear()
        self.console.clear()
        self.routed.page_errors.clear()
        self.routed.other_origin.clear()

    def assert_clean(self):
        self.page.wait_for_timeout(300)  # late reports of the last step
        problems = [
            *(f"violation: {report}" for report in self.violations),
            *self.console,
            *(f"script error: {error}" for error in self.routed.page_errors),
        ]
        assert problems == [], "\n".join(problems)
        assert_no_requests_elsewhere(self.routed)


# Per user name: the TOTP secret read from the enrolment page, and the last time step used.
AUTHENTICATOR: dict[str, list] = {}


def authenticator_code(username: str) -> str:
    """What an authenticator app shows. A code is accepted once, one step early or late: a
    second sign-in in the same 30 seconds uses the next step's code (or waits for it)."""
    key, last_step = AUTHENTICATOR[username]
    step = max(int(time.time()) // 30, last_step + 1)
    while step > int(time.time()) // 30 + 1:
        time.sleep(1)
    AUTHENTICATOR[username][1] = step
    totp = TOTP(key, step=30, t0=0, digits=6)
    totp.time = step * 30 + 1
    return f"{totp.token():06d}"


def sign_in(page, credentials) -> None:
    """Sign in to the admin with password and second factor: the only place that knows how
    staff sign in. The first sign-in enrols through the real page, reading the secret it shows."""
    username, password = credentials
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form [type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/two-factor/(enrol|verify)/"))
    enrolling = "/enrol/" in page.url
    if enrolling:
        secret = page.locator("#two-factor-secret").inner_text().replace(" ", "")
        AUTHENTICATOR[username] = [base64.b32decode(secret + "=" * (-len(secret) % 8)), 0]
    token = page.locator("#id_token")
    token.fill(authenticator_code(username))
    token.press("Enter")
    if enrolling:
        # After enrolment: the recovery codes, shown once, then on to the admin.
        page.wait_for_url(re.compile(r"/admin/two-factor/recovery-codes/"))
        page.get_by_role("link", name=re.compile("saved these codes|codes bewaard")).click()
    # The dashboard is the admin's first render in the process: on a loaded 2-core CI machine it
    # has taken more than the default 10 s.
    page.wait_for_url(re.compile(r"/admin/$"), timeout=30_000)


def edit_url_of(page, title: str) -> str:
    """The editor's address of the page with this title, found through the admin's search."""
    page.goto(f"/admin/pages/search/?q={title}")
    link = page.get_by_role("link", name=title, exact=True).first
    href = link.get_attribute("href")
    assert href and EDIT_URL.search(href), f"no edit link for {title!r}: {href!r}"
    return href


@pytest.fixture
def admin(new_context, admin_credentials):
    watched = Watched(new_context())
    sign_in(watched.page, admin_credentials)
    return watched


def test_admin_has_its_own_policy(admin):
    response = admin.page.goto("/admin/")
    policy = response.headers["content-security-policy"]
    script_src = re.search(r"script-src ([^;]+)", policy)[1].split()
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
    assert "frame-ancestors 'self'" in policy
    admin.assert_clean()


def test_story_editor_streamfield_inline_panel_chooser_and_schedule(admin):
    page = admin.page
    # The second demo testimony: the empty block and related story added here stay in an
    # autosaved draft (Wagtail saves drafts with required fields left empty), and no later test
    # submits it.
    page.goto(edit_url_of(page, "Onder druk"))

    # StreamField: a new text block brings up its own rich text editor (Draftail).
    body = page.locator("[data-contentpath='body']")
    editors = body.locator(".Draftail-Editor")
    editors.first.wait_for()
    before = editors.count()
    body.get_by_role("button", name="Insert a block").first.click()
    page.get_by_role("option", name="Text", exact=True).click()
    expect(editors).to_have_count(before + 1)

    # Inline panel: a new related story arrives with its own page chooser script.
    forms = page.locator("#id_related_stories-FORMS > [data-inline-panel-child]")
    before = forms.count()
    page.locator("#id_related_stories-ADD").click()
    expect(forms).to_have_count(before + 1)
    forms.last.get_by_role("button", name=re.compile("^Choose a page")).click()
    modal = page.locator(".modal[aria-hidden='false']")
    modal.wait_for()
    modal.get_by_role("link").first.wait_for()
    modal.locator("[data-dismiss='modal']").first.click()
    expect(modal).to_have_count(0)

    # Preview panel: the story, framed by the admin, under the readers' policy.
    page.locator("[data-side-panel-toggle='preview']").first.click()
    preview = page.frame_locator("iframe[src*='/edit/preview/']")
    expect(preview.locator("h1")).to_contain_text("Onder druk")
    page.locator("[data-side-panel-toggle='preview']").first.click()

    # Publishing schedule: the go-live date opens the date-time picker.
    page.locator("[data-side-panel-toggle='status']").first.click()
    page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.click()
    page.locator("#id_go_live_at").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    admin.assert_clean()


def test_consent_record_dates_and_withdrawals(admin):
    page = admin.page
    page.goto("/admin/snippets/stories/consentrecord/")
    page.locator("a[href*='/admin/snippets/stories/consentrecord/edit/']").first.click()
    page.locator("#id_given_on").click()
    page.locator(".xdsoft_datetimepicker:visible").first.wait_for()
    page.keyboard.press("Escape")

    # Withdrawals are read only here (recorded on the Withdraw screen): no row to add or remove.
    expect(page.locator("[data-withdrawal-history]")).to_be_visible()
    expect(page.locator("#id_withdrawals-ADD")).to_have_count(0)
    admin.assert_clean()


def test_translation_editor(admin):
    page = admin.page
    page.goto(edit_url_of(page, "Getting my trust back"))
    # wagtail-localize's editor (React) has drawn the story's segments; one opens for editing.
    editor = page.locator(".js-translation-editor")
    editor.get_by_text("The most important thing is that I get my trust back").first.wait_for()
    # An English account's editor keeps its own words ("More actions" to a screen reader).
    expect(page.locator("footer").get_by_role("button", name="More actions")).to_have_count(1)
    editor.get_by_role("button", name="Edit").first.click()
    editor.locator("textarea").first.wait_for()
    admin.assert_clean()
