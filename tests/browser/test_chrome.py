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


@pytest.mark.parametrize("language", ["en", "nl"])
def test_a_laptop_bar_shows_the_pages_that_fit_and_the_menu_for_the_rest(new_context, language):
    """At 1440 px the bar holds the first pages in their order and, beside them, the Menu with
    every page; on a screen wide enough, every page and no Menu. One row either way."""

    def bar(width):
        page = new_context(viewport={"width": width, "height": 900}).new_page()
        page.goto(f"/{language}/")
        shown = page.locator(".lr-bar .lr-nav--wide li").filter(visible=True)
        menu = page.locator(".lr-bar .lr-menu > summary")
        return page, shown.all_inner_texts(), menu.is_visible()

    page, some, with_menu = bar(1440)
    everything = page.locator(".lr-bar .lr-nav--wide li").all_inner_texts()
    assert 3 <= len(some) < len(everything) and with_menu
    assert some == everything[: len(some)]  # the first pages, in their order
    page.locator(".lr-bar .lr-menu > summary").click()
    in_menu = page.locator(".lr-bar .lr-menu a").filter(visible=True).all_inner_texts()
    assert set(everything) <= set(in_menu)
    assert page.locator(".lr-bar").bounding_box()["height"] < 80  # one row
    _page, all_of_them, with_menu = bar(2200)
    assert all_of_them == everything and not with_menu
