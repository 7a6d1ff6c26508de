"""Reach in real Chromium: a reader reads the first demo testimony to the end on a phone and
leaves; the page told this site once how far they read, and nothing else. The administrator finds
the figures in the admin's Reach report and its CSV. On a short page whose end is on screen from
the start, the end counts only after the page was shown for half its reading time."""

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
SHORT_PAGE = "/en/news/rest-final-report/"
# What the page hands to the beacon, kept where the test can read it (the beacon still goes).
RECORD_BEACONS = """
  window.beacons = [];
  const send = navigator.sendBeacon.bind(navigator);
  navigator.sendBeacon = (url, data) => {
    window.beacons.push(Object.fromEntries(data));
    return send(url, data);
  };
"""
HIDE = """() => {
  Object.defineProperty(document, "visibilityState", { value: "hidden" });
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def short_page_view(new_context, height):
    """The short page in a window of `height` pixels, with the page's clock in the test's hand."""
    context = new_context(viewport={"width": 1280, "height": height}, user_agent=PHONE_BROWSER)
    context.context.add_init_script(RECORD_BEACONS)
    page = context.new_page()
    page.clock.install()
    page.goto(SHORT_PAGE)
    return page


def test_on_a_short_page_the_end_counts_after_half_its_reading_time(new_context):
    # A window as tall as the page down to its end mark: the end is on screen from the start,
    # and what follows (the footer) leaves room to scroll.
    page = short_page_view(new_context, 800)
    end = page.evaluate(
        "document.querySelector('[data-reach-end]').getBoundingClientRect().top + scrollY"
    )
    height = int(end) + 40
    page = short_page_view(new_context, height)
    assert page.evaluate("document.documentElement.scrollHeight") > height
    page.mouse.wheel(0, 30)  # a scroll that brings nothing new into view
    page.wait_for_timeout(200)
    page.clock.run_for(2000)
    page.evaluate(HIDE)
    assert not any("end" in sent for sent in page.evaluate("window.beacons"))

    page = short_page_view(new_context, height)
    words = page.evaluate(
        "document.querySelector('[data-reach]').textContent.match(/\\S+/g).length"
    )
    page.clock.run_for(words * 150 + 1000)  # half the reading time at 200 words a minute
    page.evaluate(HIDE)
    assert [sent.get("end") for sent in page.evaluate("window.beacons")] == ["1"]


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
    page.evaluate(HIDE)
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
        admin.get_by_role("link", name="Download CSV (per month)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")  # the English admin's
    rows = list(csv.DictReader(io.StringIO(text)))
    mine = [r for r in rows if r["Path"] == STORY]
    assert mine and mine[0]["Title"] == "Getting my trust back"
    # Figures under 10 are empty cells, with the reason in the note column.
    assert mine[0]["Views"] == mine[0]["Read to the end"] == mine[0]["Completion (%)"] == ""
    assert mine[0]["Note"].startswith("views: fewer than 10, hidden; read to the end: fewer")
