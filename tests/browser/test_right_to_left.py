"""Arabic runs right to left: the public page (mirrored, quick exit still at hand) and the
translation editor's Arabic text, in a real Chromium against the served demo site."""

import json
import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.test_admin_csp import sign_in

pytestmark = pytest.mark.browser

DIRECTION = "element => getComputedStyle(element).direction"


def arabic_story(page) -> dict:
    """The first demo testimony in Arabic (the demo's right-to-left page), from the content API."""
    answer = page.request.get("/api/v2/pages/?locale=ar&type=stories.TestimonyPage")
    assert answer.ok, answer.status
    items = json.loads(answer.text())["items"]
    assert len(items) == 1, items
    return items[0]


def test_arabic_story_is_mirrored_and_the_quick_exit_stays_at_hand(new_context):
    routed = new_context(viewport={"width": 1200, "height": 800})
    page = routed.new_page()
    story = arabic_story(page)
    page.goto(urlsplit(story["meta"]["html_url"]).path)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").evaluate(DIRECTION) == "rtl"
    assert page.locator("main").evaluate(DIRECTION) == "rtl"
    assert page.locator("main p").first.evaluate(DIRECTION) == "rtl"

    exit_link = page.locator("a.lr-exit__link")
    expect(exit_link).to_be_visible()
    box = exit_link.bounding_box()
    # Mirrored: the quick exit sits at the start of the line, which is the left in Arabic.
    assert box["x"] + box["width"] < 600, box
    # The first Tab reaches the quick exit, as on every page.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-quick-exit-link]')")

    # The Dutch page is not mirrored: its quick exit is on the right.
    page.goto("/nl/")
    assert page.locator("html").evaluate(DIRECTION) == "ltr"
    assert page.locator("a.lr-exit__link").bounding_box()["x"] > 600
    assert routed.page_errors == []


def test_translation_editor_shows_arabic_right_to_left(new_context, admin_credentials):
    routed = new_context(locale="en-GB")
    page = routed.new_page()
    sign_in(page, admin_credentials)
    story = arabic_story(page)
    page.goto(f"/admin/pages/{story['id']}/edit/")
    expect(page.locator("body.lr-translation-target-rtl")).to_have_count(1)
    editor = page.locator(".js-translation-editor")
    translated = editor.locator("li > div > p:visible").first
    expect(translated).to_be_visible()
    assert translated.evaluate(DIRECTION) == "rtl"
    assert re.search(r"[\u0600-\u06ff]", translated.inner_text())  # Arabic script
    # The Dutch source beside it stays left to right.
    assert editor.locator("li > p:visible").first.evaluate(DIRECTION) == "ltr"

    editor.get_by_role("button", name="Edit").first.click()
    textarea = editor.locator("textarea").first
    expect(textarea).to_be_visible()
    assert textarea.evaluate(DIRECTION) == "rtl"
    assert routed.page_errors == []


def test_translation_editor_of_a_left_to_right_language_is_unchanged(
    new_context, admin_credentials
):
    routed = new_context(locale="en-GB")
    page = routed.new_page()
    sign_in(page, admin_credentials)
    answer = page.request.get("/api/v2/pages/?locale=en&type=stories.TestimonyPage")
    english = json.loads(answer.text())["items"][0]
    page.goto(f"/admin/pages/{english['id']}/edit/")
    expect(page.locator(".js-translation-editor li").first).to_be_visible()
    assert page.locator("body.lr-translation-target-rtl").count() == 0
    shown = page.locator(".js-translation-editor li > div > p:visible").first
    assert shown.evaluate(DIRECTION) == "ltr"
