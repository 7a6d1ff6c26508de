"""The quick exit, with JavaScript: by click and by Shift three times."""

import io

import pytest
from PIL import Image

from tests.browser import (
    DEMO_PAGES,
    NEUTRAL_STUB_TITLE,
    NEUTRAL_TARGETS,
    QUICK_EXIT,
    SCREENSHOTS,
    STORY_INDEX,
    TESTIMONY,
    assert_no_requests_elsewhere,
    click_without_waiting,
    exit_target,
    on_screen_exit,
)
from tests.helpers import FIRST_PSEUDONYM, first_story_path

pytestmark = pytest.mark.browser

LANGUAGES = ["nl", "en"]
# Reports, from inside the page, what the reader sees the moment reader.js marks it as leaving.
LEAVING_PROBE = """
new MutationObserver(() => {
  if (document.documentElement.classList.contains("lr-leaving")) {
    console.log("quick-exit-probe: body " + getComputedStyle(document.body).visibility);
  }
}).observe(document, {attributes: true, subtree: true, attributeFilter: ["class"]});
"""


def _open_story_from_index(page, site_url, language):
    page.goto(STORY_INDEX[language])
    page.locator(f'a[href="{TESTIMONY[language]}"]').first.click()
    page.wait_for_url(site_url + TESTIMONY[language])


def _assert_left_cleanly(routed, page, target):
    assert page.url == target
    assert page.title() == NEUTRAL_STUB_TITLE
    # Only the neutral site was asked, and it was not told where the reader came from.
    assert [(request.url, request.referer) for request in routed.other_origin] == [(target, None)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_click_blanks_the_story_and_replaces_it_in_history(new_context, site_url, language):
    routed = new_context()
    routed.context.add_init_script(LEAVING_PROBE)
    page = routed.new_page()
    probes = []
    page.on(
        "console",
        lambda message: (
            probes.append(message.text) if message.text.startswith("quick-exit-probe") else None
        ),
    )
    _open_story_from_index(page, site_url, language)
    assert_no_requests_elsewhere(routed)
    target = exit_target(page)
    entries = page.evaluate("history.length")
    routed.hold_neutral_site()

    click_without_waiting(page, on_screen_exit(page))

    # While the neutral site has not answered yet, the story is already blanked.
    routed.wait_for_held(page)
    for _ in range(40):
        if probes:
            break
        page.wait_for_timeout(25)
    assert probes == ["quick-exit-probe: body hidden"]
    routed.release_neutral_site()
    page.wait_for_url(target)
    _assert_left_cleanly(routed, page, target)
    # location.replace: the neutral site took the story's place in the history; no entry added.
    assert page.evaluate("history.length") == entries
    # Back leads past the story, to the page before it. That page (the story index) is still in
    # the history: a quick exit can only replace the page the reader is on.
    page.go_back()
    assert page.url == site_url + STORY_INDEX[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_shift_three_times_within_a_second_leaves(new_context, site_url, language):
    routed = new_context()
    page = routed.new_page()
    page.clock.install()  # Date.now under the test's control: reader.js counts within a second
    page.goto(TESTIMONY[language])
    assert_no_requests_elsewhere(routed)
    target = exit_target(page)
    entries = page.evaluate("history.length")

    # Shift held down repeats its keydown; the repeats do not count (this counts once).
    page.keyboard.down("Shift")
    page.keyboard.down("Shift")
    page.keyboard.down("Shift")
    page.keyboard.up("Shift")
    page.clock.fast_forward(1_100)
    # Two presses, a pause longer than a second, one more press: the count starts again.
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.clock.fast_forward(1_100)
    page.keyboard.press("Shift")
    page.wait_for_timeout(200)
    assert page.url == site_url + TESTIMONY[language]
    assert_no_requests_elsewhere(routed)

    page.keyboard.press("Shift")
    page.keyboard.press("Shift")

    page.wait_for_url(target)
    _assert_left_cleanly(routed, page, target)
    assert page.evaluate("history.length") == entries


@pytest.mark.parametrize("language", ["nl", "en"])
def test_quick_exit_opens_the_neutral_site_of_the_language(new_context, language):
    page = new_context(java_script_enabled=False).new_page()
    targets = {}
    for demo in DEMO_PAGES:
        if demo.language == language:
            page.goto(demo.path, wait_until="domcontentloaded")
            hrefs = page.locator(QUICK_EXIT).evaluate_all("links => links.map(link => link.href)")
            assert hrefs, f"{demo.path} has no quick exit"
            targets[demo.path] = sorted(set(hrefs))

    assert targets == dict.fromkeys(targets, [NEUTRAL_TARGETS[language]])


def test_typing_capital_letters_never_leaves_the_site(new_context):
    """Shift pressed together with another key (a capital letter) is not a quick exit."""
    typed = f"I Am OK To Type Names Like {FIRST_PSEUDONYM}"
    page = new_context().new_page()
    page.goto("/en/search/")
    field = page.locator("#search-q")
    field.click()
    field.press_sequentially(typed, delay=20)
    page.wait_for_timeout(300)
    assert page.url.endswith("/en/search/")
    assert field.input_value() == typed


# What the first keyboard stop shows, from inside the page: its box and the bar's, whether it is
# the element drawn at its centre (nothing covers it), whether its words fit, and the other
# controls of the bar on screen that it lies over.
FIRST_STOP = """link => {
  const box = link.getBoundingClientRect();
  const bar = link.closest('.lr-bar').getBoundingClientRect();
  const overlaps = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  const covered = [...link.closest('.lr-bar').querySelectorAll('a, summary, button')]
    .filter(e => e !== link && getComputedStyle(e).visibility === 'visible')
    .filter(e => [...e.getClientRects()].some(b => b.width && b.height && b.right > 0
      && b.left < innerWidth && overlaps(box, b)))
    .map(e => e.textContent.trim());
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    box: [box.left, box.top, box.right, box.bottom], bar: [bar.top, bar.bottom],
    on_top: link.contains(hit), fits: link.scrollWidth <= link.clientWidth + 1, covered,
  };
}"""


def _contrast(one, other) -> float:
    """WCAG's contrast ratio of two sRGB colours."""

    def luminance(colour):
        parts = [c / 255 for c in colour[:3]]
        parts = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in parts]
        return 0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("width", [375, 1440])
@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_first_keyboard_stops_show_whole_over_nothing_they_cover(new_context, language, width):
    """Tab once: the exit link that waits for the keyboard shows on a row of its own at the top
    of the bar, on screen, on one line, drawn over none of the bar's controls (the visible quick
    exit, the menus); the bar's row moves down under it and nothing of the page is covered. The
    skip link shows the same way, over none of the cover's text. A related story's card with
    focus shows a ring that stands out from the page around it."""
    viewport = {"width": width, "height": 812 if width == 375 else 900}
    page = new_context(viewport=viewport).new_page()
    page.goto(first_story_path(language))
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    assert focused.get_attribute("data-quick-exit-link") is not None
    shown = focused.evaluate(FIRST_STOP)
    left, top, right, bottom = shown["box"]
    assert left >= 0 and top >= 0 and right <= width, shown  # on screen
    assert bottom - top <= 60, shown  # one line
    assert shown["bar"][0] <= top and bottom <= shown["bar"][1], "it lies over the page"
    assert shown["on_top"] and shown["fits"], shown
    assert shown["covered"] == [], f"the first stop lies over {shown['covered']}"
    on_screen_exit(page)  # the quick exit itself is still on screen
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"first-keyboard-stop-{language}-{width}.png")
    # The next stop is "Skip to content" (no second quick exit or other link before it): within
    # the bar, over nothing, the cover's text below it.
    page.keyboard.press("Tab")
    skip = page.locator(":focus")
    assert skip.get_attribute("href") == "#main", skip.inner_text()
    shown = skip.evaluate(FIRST_STOP)
    left, top, right, bottom = shown["box"]
    assert left >= 0 and top >= 0 and right <= width, shown
    assert shown["bar"][0] <= top and bottom <= shown["bar"][1], "it lies over the page"
    assert shown["on_top"] and shown["fits"] and shown["covered"] == [], shown
    cover_text = page.locator(".lr-cover__text > *").evaluate_all(
        "elements => elements.map(e => e.getBoundingClientRect().top)"
    )
    assert cover_text and min(cover_text) >= bottom, "it lies over the cover's text"
    page.screenshot(path=SCREENSHOTS / f"skip-link-{language}-{width}.png")
    page.keyboard.press("Tab")  # on to the bar's own controls: the bar is one row again
    assert page.locator(".lr-bar").bounding_box()["height"] < shown["bar"][1] - shown["bar"][0]

    # Every related story's card shows its focus: a ring unlike the page around it.
    links = page.locator(".lr-related .lr-story-card__title a")
    assert links.count() >= (1 if language == "nl" else 0)
    for number in range(links.count()):
        links.nth(number).evaluate("link => link.focus()")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")  # the keyboard's focus, as a reader tabbing to it has
        card = links.nth(number).locator("xpath=ancestor::li[1]").bounding_box()
        picture = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        paper = picture.getpixel((int(card["x"]) - 13, int(card["y"] + card["height"] / 2)))
        ring = picture.getpixel((int(card["x"] - 4.5), int(card["y"] + card["height"] / 2)))
        assert _contrast(ring, paper) >= 3, f"card {number}: ring {ring} on {paper}"
        page.screenshot(path=SCREENSHOTS / f"related-card-focus-{language}-{width}-{number}.png")

    # Back in the top bar from further down: the page stays where the reader is.
    page.evaluate("window.scrollTo(0, document.querySelector('.lr-body').offsetHeight / 2)")
    page.locator(".lr-helpmenu > summary").focus()  # the bar is one row again
    where = page.evaluate("scrollY")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("scrollY") == where, "focus in the top bar scrolled the page"

    # The home page's feature and its story cards (as many as the language has) show their
    # focus the same way.
    page.goto(f"/{language}/")
    shown = [page.locator(".lr-feature__link").first, page.locator(".lr-card a").first]
    shown = [link for link in shown if link.count()]
    assert len(shown) == (2 if language == "nl" else 1)
    for link in shown:
        link.scroll_into_view_if_needed()
        link.evaluate("link => link.focus()")
        page.keyboard.press("Shift+Tab")
        page.keyboard.press("Tab")
        box = link.bounding_box()
        picture = Image.open(io.BytesIO(page.screenshot())).convert("RGB")
        middle = int(box["y"] + min(box["height"], 300) / 2)
        paper = picture.getpixel((max(0, int(box["x"]) - 13), middle))
        ring = picture.getpixel((max(0, int(box["x"] - 4.5)), middle))
        assert _contrast(ring, paper) >= 3, f"{link}: ring {ring} on {paper}"
