"""Page chrome in Chromium: chapter navigation follows the reader; print shows everything."""

import pytest

from tests.browser import TESTIMONY

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("language", ["nl", "en"])
def test_chapter_navigation_marks_the_chapter_being_read(new_context, language):
    page = new_context(viewport={"width": 1280, "height": 800}).new_page()
    page.goto(TESTIMONY[language])
    anchors = page.locator(".lr-toc a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert len(anchors) >= 3
    for anchor in (anchors[-1], anchors[0]):
        page.locator(f"#{anchor}").scroll_into_view_if_needed()
        page.evaluate(f"document.getElementById('{anchor}').scrollIntoView({{block: 'start'}})")
        page.wait_for_function(
            "id => document.querySelector(`.lr-toc a[href='#${id}']`)"
            "?.getAttribute('aria-current') === 'true'",
            arg=anchor,
        )
        current = page.locator(".lr-toc a[aria-current]").evaluate_all(
            "links => links.map(a => a.hash.slice(1))"
        )
        assert current == [anchor]


def test_print_shows_every_part_of_the_story_and_no_chrome(new_context):
    page = new_context().new_page()
    page.goto(TESTIMONY["en"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.lr-exit', '.lr-progress', '.lr-languages', '.lr-share']
            .filter(s => document.querySelector(s))
            .map(s => getComputedStyle(document.querySelector(s)).display)"""
    )
    assert hidden and set(hidden) == {"none"}
    for selector in (".lr-backdrop__card", ".lr-step__text", ".lr-transcript", ".lr-gallery__item"):
        boxes = page.locator(selector).evaluate_all(
            "els => els.map(e => e.getBoundingClientRect().height > 0 "
            "&& getComputedStyle(e).visibility !== 'hidden')"
        )
        assert boxes and all(boxes), selector
    # The gallery no longer scrolls sideways: every image is laid out in the page.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.lr-gallery__list')).display")
        == "block"
    )
