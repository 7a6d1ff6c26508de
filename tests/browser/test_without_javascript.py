"""Without JavaScript a testimony still reads, and the quick exit is still a working link."""

import pytest

from tests.browser import (
    NEUTRAL_STUB_TITLE,
    QUICK_EXIT,
    SEEN,
    STORY_INDEX,
    TESTIMONY,
    assert_no_requests_elsewhere,
    exit_target,
)
from tests.helpers import FIRST_TESTIMONY

pytestmark = pytest.mark.browser

LANGUAGES = ["nl", "en"]


def _paragraphs(value) -> list[dict]:
    """Every paragraph of rich text in a piece of demo content ({"rich": [pairs]}), in order."""
    if isinstance(value, dict):
        if set(value) == {"rich"}:
            return list(value["rich"])
        value = list(value.values())
    if isinstance(value, list | tuple):
        return [paragraph for item in value for paragraph in _paragraphs(item)]
    return []


# The story's body text: every paragraph of its text blocks and of its scrolly steps (which
# reader.js animates; without it they must simply read). Transcripts, folded away in a
# disclosure by design, are left out.
READ_BLOCKS = {"text", "scrolly_steps"}
PARAGRAPHS = _paragraphs([value for kind, value in FIRST_TESTIMONY["body"] if kind in READ_BLOCKS])


@pytest.mark.parametrize("language", LANGUAGES)
def test_testimony_reads_without_javascript(new_context, language):
    routed = new_context(java_script_enabled=False)
    page = routed.new_page()

    response = page.goto(TESTIMONY[language])

    assert response is not None and response.status == 200
    assert_no_requests_elsewhere(routed)
    for selector, text in (
        ("h1", FIRST_TESTIMONY["title"][language]),
        (".lr-headline-quote", FIRST_TESTIMONY["quote"][language]),
    ):
        element = page.locator(selector, has_text=text)
        assert element.count() == 1, f"{text!r} is not in {selector}"
        assert element.inner_text().strip() == text
        assert element.evaluate(SEEN), f"{selector} is on the page but not visible"
    assert PARAGRAPHS, "the demo story has no body text"
    for paragraph in PARAGRAPHS:
        text = paragraph[language]
        found = page.locator("main p", has_text=text)
        assert found.count() >= 1, f"{text!r} is not on the page"
        assert all(found.evaluate_all(f"elements => elements.map({SEEN})")), (
            f"{text!r} is on the page but not visible"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_quick_exit_is_a_real_link_without_javascript(new_context, site_url, language):
    routed = new_context(java_script_enabled=False)
    page = routed.new_page()
    page.goto(STORY_INDEX[language])
    page.locator(f'a[href="{TESTIMONY[language]}"]').first.click()
    page.wait_for_url(site_url + TESTIMONY[language])
    assert_no_requests_elsewhere(routed)
    tags = page.locator(QUICK_EXIT).evaluate_all("links => links.map(link => link.tagName)")
    assert tags and set(tags) == {"A"}, f"quick exits are {tags}, not links"
    target = exit_target(page)

    # The first Tab reaches the quick exit; Enter follows it like any link.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('[data-quick-exit-link]')")
    page.keyboard.press("Enter")

    page.wait_for_url(target)
    assert page.title() == NEUTRAL_STUB_TITLE
    assert [(request.url, request.referer) for request in routed.other_origin] == [(target, None)]
    # Honest limit of the script-free fallback: an ordinary link adds to the history, so Back
    # returns to the story. Only reader.js can replace the entry.
    page.go_back()
    assert page.url == site_url + TESTIMONY[language]
