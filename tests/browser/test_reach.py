"""Reach in real Chromium: a reader reads the first demo testimony to the end on a phone and
leaves; the page told this site once how far they read, and nothing else. The administrator finds
the figures in the admin's Reach report and its CSV."""

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser import SCREENSHOTS, assert_no_requests_elsewhere
from tests.browser.test_accessibility import _report, _violations, axe_source  # noqa: F401
from tests.browser.test_admin_csp import sign_in
from tests.helpers import first_story_path

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
# A phone's browser names itself so; headless Chromium's own name is on the crawler list.
PHONE_BROWSER = (
    "Mozilla/5.0 (Linux; Android 13; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/140.0.0.0 Mobile Safari/537.36"
)
STORY = first_story_path("en")


def test_a_reader_who_reads_to_the_end_shows_in_the_report(
    new_context,
    admin_credentials,
    axe_source,  # noqa: F811
):
    reader = new_context(viewport=PHONE, user_agent=PHONE_BROWSER)
    page = reader.new_page()
    page.goto(STORY)
    # Reading: down the story a screen at a time, as a thumb does.
    height = page.evaluate("document.documentElement.scrollHeight")
    for _y in range(0, height, 600):
        page.mouse.wheel(0, 600)
        page.wait_for_timeout(60)
    page.wait_for_timeout(300)
    # The reader switches to another app: the page reports once how far they read. (Chromium
    # sends a beacon made while a page unloads with its own name, which is on the crawler
    # list; switching away keeps the phone browser's name, as on a real phone.)
    page.evaluate(
        """() => {
          Object.defineProperty(document, "visibilityState", { value: "hidden" });
          document.dispatchEvent(new Event("visibilitychange"));
        }"""
    )
    page.goto("/en/")  # and reads on: the story's page has reported already, not twice
    assert reader.context.cookies() == []
    assert_no_requests_elsewhere(reader)

    admin = new_context(locale="en-GB").new_page()
    sign_in(admin, admin_credentials)
    admin.wait_for_timeout(2500)  # each web process writes its figures every second here
    admin.goto("/admin/reach/")
    row = admin.locator("tr", has_text="Getting my trust back")
    expect(row).to_contain_text("fewer than 10")
    violations = _violations(admin, axe_source)
    assert not violations, _report(violations)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    admin.screenshot(path=SCREENSHOTS / "reach-report-1280.png", full_page=True)
    with admin.expect_download() as download:
        admin.get_by_role("link", name="Download CSV (exact daily figures)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    mine = [r for r in rows if r["path"] == STORY]
    assert mine and int(mine[0]["views"]) >= 1 and int(mine[0]["readers_who_reached_the_end"]) >= 1
