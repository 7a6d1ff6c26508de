"""The longread's reader experience in Chromium: scrolly steps, reading progress, motion,
click-to-load video and image comparison."""

import re
from urllib.parse import quote, urlsplit

import pytest

from longread.blocks import video_hosts
from tests.browser import SEEN, TESTIMONY, assert_no_requests_elsewhere
from tests.helpers import FIRST_TESTIMONY

pytestmark = pytest.mark.browser

ABOUT = "/en/about-comensha/"  # key figures that count up, and a click-to-load video
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 800}
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

STEPS = next(value for kind, value in FIRST_TESTIMONY["body"] if kind == "scrolly_steps")["steps"]
STEP_TEXTS = [step["text"]["rich"][0] for step in STEPS]  # first paragraph, per language
assert len(STEPS) == 3, "the tests below walk through the first testimony's three scrolly steps"

# --- Helpers run inside the page ---------------------------------------------------------------

FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"

# Scrolls from one position to another in small moves, as a reader does, letting the browser
# render (and the observers report) after each move. With collect, returns every animation that
# was running after any move.
SWEEP = """async ({from, to, by, collect}) => {
  const frame = () => new Promise(go => requestAnimationFrame(go));
  const running = new Set();
  const positions = [];
  for (let y = from; from <= to ? y < to : y > to; y += from <= to ? by : -by) positions.push(y);
  positions.push(to);
  for (const y of positions) {
    window.scrollTo(0, y);
    await frame();
    await frame();
    if (collect) {
      for (const animation of document.getAnimations()) {
        const target = animation.effect && animation.effect.target;
        running.add(`${animation.constructor.name} ${animation.animationName
          || animation.transitionProperty || ""} on ${target ? target.className : "?"}`);
      }
    }
  }
  return [...running];
}"""

# Records every change of the active scrolly step: data-active-step on the section and the steps
# that carry is-active, as the page shows them after each change. Installed before any script.
STEP_RECORDER = """
window.__steps = [];
new MutationObserver(records => {
  if (!records.some(record => record.target.matches("[data-steps], .lr-step"))) return;
  const section = document.querySelector("[data-steps]");
  window.__steps.push({
    attribute: section.getAttribute("data-active-step"),
    active: Array.from(section.querySelectorAll(".lr-step.is-active"),
      step => step.getAttribute("data-step")),
  });
}).observe(document, {attributes: true, subtree: true,
  attributeFilter: ["class", "data-active-step"]});
"""

# Records every change of a key figure's text once the page is parsed (a count-up changes it).
FIGURE_RECORDER = """
window.__counted = [];
document.addEventListener("DOMContentLoaded", () => {
  for (const figure of document.querySelectorAll("[data-count-to]")) {
    new MutationObserver(() => window.__counted.push(figure.textContent))
      .observe(figure, {childList: true, characterData: true, subtree: true});
  }
});
"""

STEP_CENTRE = """index => {
  const box = document.querySelectorAll(".lr-step")[index].getBoundingClientRect();
  return Math.round(box.top + scrollY + box.height / 2 - innerHeight / 2);
}"""
SECTION_SPAN = """() => {
  const box = document.querySelector("[data-steps]").getBoundingClientRect();
  return [Math.round(box.top + scrollY), Math.round(box.bottom + scrollY)];
}"""
# The step across the middle of the viewport, if any.
STEP_AT_MIDDLE = """() => {
  const step = Array.from(document.querySelectorAll(".lr-step")).find(step => {
    const box = step.getBoundingClientRect();
    return box.top <= innerHeight / 2 && box.bottom >= innerHeight / 2;
  });
  return step ? step.getAttribute("data-step") : null;
}"""
# Which steps the viewport shows right now (any part of them).
STEPS_ON_SCREEN = """() => Array.from(document.querySelectorAll(".lr-step"))
  .filter(step => {
    const box = step.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight;
  })
  .map(step => step.getAttribute("data-step"))"""
ACTIVE_STEP = "() => document.querySelector('[data-steps]').getAttribute('data-active-step')"
PAGE_END = "document.documentElement.scrollHeight - innerHeight"


def _sweep(page, start: int, end: int, by: int = 100, collect: bool = False):
    return page.evaluate(SWEEP, {"from": start, "to": end, "by": by, "collect": collect})


def _step_changes(page) -> list[str]:
    """The active step after each change, with repeats folded; every record must be coherent."""
    records = page.evaluate("window.__steps")
    changes = []
    for record in records:
        expected = [] if record["attribute"] is None else [record["attribute"]]
        assert record["active"] == expected, (
            f"data-active-step={record['attribute']!r} but is-active on steps {record['active']}"
        )
        if record["attribute"] is not None and (not changes or changes[-1] != record["attribute"]):
            changes.append(record["attribute"])
    return changes


def _wait_for_active_step(page, step: str) -> None:
    page.wait_for_function(f"() => ({ACTIVE_STEP})() === {step!r}", timeout=3000)


def _story_page(new_context, viewport=DESKTOP, **options):
    routed = new_context(viewport=viewport, **options)
    routed.context.add_init_script(STEP_RECORDER)
    return routed, routed.new_page()


# --- Scrolly steps -------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", VIEWPORTS.values(), ids=VIEWPORTS.keys())
def test_scrolly_steps_activate_in_order_while_scrolling(new_context, viewport):
    routed, page = _story_page(new_context, viewport)
    page.goto(TESTIMONY["en"])
    assert page.locator("[data-steps]").get_attribute("class").split() == [
        "lr-steps",
        "lr-steps--active",
    ]
    assert page.evaluate(ACTIVE_STEP) is None, "a step is active before the reader reached it"
    top, bottom = page.evaluate(SECTION_SPAN)

    _sweep(page, max(0, top - viewport["height"]), bottom)
    page.evaluate(FRAMES)
    assert _step_changes(page) == ["0", "1", "2"]

    # And back up: the steps in reverse, each once.
    _sweep(page, bottom, max(0, top - viewport["height"]))
    page.evaluate(FRAMES)
    assert _step_changes(page) == ["0", "1", "2", "1", "0"]
    assert routed.page_errors == []


def test_step_in_view_is_active_when_the_page_opens_mid_story(new_context):
    routed, page = _story_page(new_context)
    page.goto(TESTIMONY["en"])

    # Before any interaction, the page jumps to the third step.
    page.evaluate("y => window.scrollTo(0, y)", page.evaluate(STEP_CENTRE, 2))
    _wait_for_active_step(page, "2")
    assert _step_changes(page) == ["2"], "steps the reader never saw were activated"
    assert page.evaluate(STEP_AT_MIDDLE) == "2"

    # Reopened where the reader was (the browser restores the scroll position on reload).
    page.evaluate("y => window.scrollTo(0, y)", page.evaluate(STEP_CENTRE, 1))
    _wait_for_active_step(page, "1")
    page.reload()
    page.wait_for_function("() => scrollY > 0", timeout=3000)  # restored, maybe after load
    _wait_for_active_step(page, "1")
    assert _step_changes(page) == ["1"]
    assert page.evaluate(STEP_AT_MIDDLE) == "1"
    assert routed.page_errors == []


def test_step_in_view_is_active_after_a_link_into_the_middle_of_the_steps(new_context):
    # A text-fragment link (as search engines and "copy link to highlight" make) scrolls the
    # second step's text to the middle of the screen as the page opens.
    routed, page = _story_page(new_context)
    text = STEP_TEXTS[1]["nl"]
    page.goto(TESTIMONY["nl"] + "#:~:text=" + quote(text))

    step = page.locator(".lr-step", has_text=text)
    assert step.get_attribute("data-step") == "1"
    assert page.evaluate("scrollY") > 0, "Chromium did not follow the text fragment"
    _wait_for_active_step(page, "1")
    assert _step_changes(page) == ["1"]
    assert page.evaluate(STEP_AT_MIDDLE) == "1"
    assert routed.page_errors == []


def test_steps_after_an_anchor_jump_past_them(new_context):
    routed, page = _story_page(new_context)
    page.goto(TESTIMONY["nl"] + "#daarna")

    # The jump landed on the chapter after the steps, just below the sticky bars (scroll
    # padding): none of the steps is on screen, so none is active.
    top = page.locator("#daarna").evaluate("heading => heading.getBoundingClientRect().top")
    assert 40 < top < 200
    page.evaluate(FRAMES)
    assert page.evaluate(STEPS_ON_SCREEN) == []
    assert page.evaluate(ACTIVE_STEP) is None

    # Reading back up from there, the last step is the first to become active.
    top, _ = page.evaluate(SECTION_SPAN)
    _sweep(page, page.evaluate("scrollY"), max(0, top - DESKTOP["height"]))
    page.evaluate(FRAMES)
    assert _step_changes(page) == ["2", "1", "0"]
    assert routed.page_errors == []


# --- Reading progress ---------------------------------------------------------------------------


def _progress_scale(page) -> float:
    page.evaluate(FRAMES)
    transform = page.locator(".lr-progress").evaluate("bar => getComputedStyle(bar).transform")
    match = re.fullmatch(r"matrix\(([-\d.e]+), [^)]*\)", transform)
    assert match, f"the progress bar's transform is {transform!r}"
    return float(match.group(1))


def test_reading_progress_bar_follows_the_scroll_position(new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(TESTIMONY["en"])
    assert page.evaluate("CSS.supports('animation-timeline: scroll()')")
    end = page.evaluate(PAGE_END)
    assert end > 2000, "the story is too short to measure progress"

    scales = []
    for fraction in (0, 0.25, 0.5, 0.75, 1):
        page.evaluate("y => window.scrollTo(0, y)", round(end * fraction))
        scales.append(_progress_scale(page))

    assert scales[0] < 0.02, f"at the top the bar is already at {scales[0]}"
    assert scales[-1] > 0.98, f"at the bottom the bar is only at {scales[-1]}"
    for fraction, scale in zip((0.25, 0.5, 0.75), scales[1:-1], strict=True):
        assert abs(scale - fraction) < 0.05, f"at {fraction:.0%} of the page the bar is at {scale}"


# --- Motion -------------------------------------------------------------------------------------


def _figure_texts(page) -> list[str]:
    figures = page.locator("[data-count-to]")
    return figures.evaluate_all("figures => figures.map(figure => figure.textContent)")


def test_reduced_motion_runs_no_animation_and_keeps_key_figures(new_context):
    routed = new_context(viewport=DESKTOP, reduced_motion="reduce")
    routed.context.add_init_script(FIGURE_RECORDER)
    page = routed.new_page()
    counting = {}
    for path in (TESTIMONY["en"], ABOUT):
        page.goto(path)
        assert page.locator("html").get_attribute("data-motion") == "off"
        assert (
            page.locator("[data-motion-toggle]").filter(visible=True).get_attribute("aria-pressed")
            == "false"
        )
        counting[path] = figures = _figure_texts(page)

        running = _sweep(page, 0, page.evaluate(PAGE_END), by=200, collect=True)
        page.wait_for_timeout(100)  # a count-up would have started at the figures' first frame

        assert running == [], f"{path}: animations ran with reduced motion: {running}"
        assert page.evaluate("document.getAnimations().length") == 0
        assert page.evaluate("window.__counted") == [], f"{path}: a key figure counted"
        assert _figure_texts(page) == figures
    assert counting[ABOUT], "the about page has no key figure that counts"
    assert routed.page_errors == []


def test_key_figures_count_up_to_their_own_text_when_motion_is_allowed(new_context):
    # The counterpart of the reduced-motion test: here the recorder does see a count-up.
    routed = new_context(viewport=DESKTOP, reduced_motion="no-preference")
    routed.context.add_init_script(FIGURE_RECORDER)
    page = routed.new_page()
    page.goto(ABOUT)
    figure = page.locator("[data-count-to]").first
    final = figure.text_content()

    figure.scroll_into_view_if_needed()

    page.wait_for_function("() => window.__counted.length > 1", timeout=3000)
    assert page.evaluate("window.__counted")[0] != final
    page.wait_for_function(
        "([figure, final]) => figure.textContent === final && !figure.hasAttribute('aria-hidden')",
        arg=[figure.element_handle(), final],
        timeout=3000,
    )

    # A figure under 10 stays still: on the way to 3, "1 countries" read wrong.
    page.goto("/en/stories/care-coordinator-noor/")
    small = page.locator("[data-count-to]").filter(has_text=re.compile(r"^\s*\d\s*$")).first
    assert int(small.get_attribute("data-count-to")) < 10
    small.scroll_into_view_if_needed()
    page.wait_for_timeout(600)
    assert page.evaluate("window.__counted") == []


def test_motion_toggle_turns_every_animation_off(new_context):
    routed = new_context(viewport=DESKTOP, reduced_motion="no-preference")
    routed.context.add_init_script(FIGURE_RECORDER)
    page = routed.new_page()
    page.goto(ABOUT)
    toggle = page.locator("[data-motion-toggle]").filter(visible=True)
    assert toggle.is_visible()
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.locator("html").get_attribute("data-motion") == "on"
    animations = "document.getAnimations().map(animation => animation.animationName)"
    assert page.evaluate(animations) == ["lr-progress"]  # the reading progress bar
    below_the_fold = "figure => figure.getBoundingClientRect().top > innerHeight"
    assert page.locator("[data-count-to]").first.evaluate(below_the_fold)

    toggle.click()

    assert page.locator("html").get_attribute("data-motion") == "off"
    assert toggle.get_attribute("aria-pressed") == "false"
    figures = _figure_texts(page)
    running = _sweep(page, 0, page.evaluate(PAGE_END), by=200, collect=True)
    page.wait_for_timeout(100)
    assert running == [], f"animations ran with motion turned off: {running}"
    assert page.evaluate("window.__counted") == [], "a key figure counted with motion off"
    assert _figure_texts(page) == figures

    toggle.click()

    assert page.locator("html").get_attribute("data-motion") == "on"
    assert toggle.get_attribute("aria-pressed") == "true"
    assert page.evaluate(animations) == ["lr-progress"]
    assert routed.page_errors == []


# --- Click-to-load video ------------------------------------------------------------------------

VIDEO_STUB_TITLE = "Video stub"
VIDEO_STUB = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    f"<title>{VIDEO_STUB_TITLE}</title></head><body><h1>{VIDEO_STUB_TITLE}</h1></body></html>"
)


def test_external_video_loads_only_when_the_reader_asks(new_context):
    routed = new_context(viewport=DESKTOP)
    hosts = set(video_hosts())
    asked = []

    def stub(route):
        asked.append((route.request.url, route.request.header_value("referer")))
        route.fulfill(status=200, content_type="text/html", body=VIDEO_STUB)

    # Registered after the context's own routing, so it answers the video hosts first.
    routed.context.route(lambda url: urlsplit(url).hostname in hosts, stub)
    page = routed.new_page()
    page.goto(ABOUT)
    box = page.locator("[data-embed-src]")
    assert box.count() == 1
    src = box.get_attribute("data-embed-src")
    assert urlsplit(src).hostname in hosts

    # Read to the end and back: nothing is asked of the video host, no frame is made.
    end = page.evaluate(PAGE_END)
    _sweep(page, 0, end, by=300)
    _sweep(page, end, 0, by=300)
    page.wait_for_timeout(200)
    assert asked == []
    assert page.locator("iframe").count() == 0
    assert_no_requests_elsewhere(routed)

    page.locator("[data-embed-load]").click()

    frame = page.locator("[data-embed-src] iframe")
    frame.wait_for()
    assert frame.get_attribute("src") == src
    assert frame.get_attribute("title") == box.get_attribute("data-embed-title")
    assert frame.get_attribute("referrerpolicy") == "no-referrer"
    assert page.frame_locator("[data-embed-src] iframe").locator("h1").inner_text() == (
        VIDEO_STUB_TITLE
    )
    assert asked == [(src, None)], "the video host was asked for something else, or told more"
    assert page.locator("[data-embed-load]").count() == 0
    # The video took the focus from the button, and the ring shows where it is.
    assert page.evaluate("document.activeElement.matches('[data-embed-src] iframe')")
    assert box.evaluate("b => getComputedStyle(b).outlineStyle") == "solid"
    assert_no_requests_elsewhere(routed)  # nothing else left the loopback
    assert page.url.endswith(ABOUT), "the click left the page instead of loading the video here"
    assert routed.page_errors == []


# --- Image comparison ---------------------------------------------------------------------------

COMPARE = "[data-compare]"


def _compare_property(figure) -> str:
    return figure.evaluate("f => getComputedStyle(f).getPropertyValue('--lr-compare').trim()")


def test_image_comparison_slider_moves_the_divide(new_context):
    routed = new_context(viewport=DESKTOP)
    page = routed.new_page()
    page.goto(TESTIMONY["en"])
    figure = page.locator(COMPARE)
    slider = figure.locator("input[type=range][data-compare-range]")
    after = figure.locator(".lr-compare__after")

    figure.scroll_into_view_if_needed()
    assert "lr-compare--active" in figure.get_attribute("class").split()
    assert slider.is_visible()
    assert slider.evaluate("input => input.labels.length && input.labels[0].textContent.trim()")
    assert _compare_property(figure) == "50%"
    handle_ring = "() => getComputedStyle(document.querySelector('.lr-compare__knob')).outlineStyle"
    assert page.evaluate(handle_ring) == "none"

    slider.fill("20")
    assert _compare_property(figure) == "20%"
    assert "20%" in after.evaluate("element => getComputedStyle(element).clipPath")

    # The range lies over the pictures, unseen; no bare slider sits below them.
    frame = figure.locator("[data-compare-frame]").bounding_box()
    box = slider.bounding_box()
    assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    assert slider.evaluate("input => getComputedStyle(input).opacity") == "0"

    slider.focus()  # the keyboard moves it too, and the handle shows where the focus is
    page.keyboard.press("ArrowRight")
    assert page.evaluate(handle_ring) == "solid"
    assert _compare_property(figure) == "25%"  # from 20%: an arrow moves it a visible step
    # At either end the divide is at the frame's edge and its knob still whole inside it.
    knob = figure.locator(".lr-compare__knob")
    page.keyboard.press("End")
    assert _compare_property(figure) == "100%"
    box = knob.bounding_box()
    assert box["x"] + box["width"] <= frame["x"] + frame["width"] and box["width"] >= 44
    assert box["x"] + box["width"] > frame["x"] + frame["width"] - 60
    page.keyboard.press("Home")
    assert _compare_property(figure) == "0%"
    box = knob.bounding_box()
    assert frame["x"] <= box["x"] < frame["x"] + 12
    assert routed.page_errors == []


def test_image_comparison_shows_both_images_without_javascript(new_context):
    page = new_context(viewport=DESKTOP, java_script_enabled=False).new_page()
    page.goto(TESTIMONY["en"])
    figure = page.locator(COMPARE)
    figure.scroll_into_view_if_needed()

    images = figure.locator("img")
    assert images.count() == 2
    for index in range(2):
        assert images.nth(index).evaluate(SEEN), f"image {index + 1} of the comparison is hidden"
        assert images.nth(index).get_attribute("alt")
    labels = figure.locator(".lr-compare__label")
    assert labels.evaluate_all(f"labels => labels.map({SEEN})") == [True, True]
    # Both whole, one after the other: neither clipped nor on top of the other.
    boxes = [images.nth(index).bounding_box() for index in range(2)]
    assert boxes[0]["y"] + boxes[0]["height"] <= boxes[1]["y"] + 1
    parts = figure.locator(".lr-compare__before, .lr-compare__after")
    clips = parts.evaluate_all("parts => parts.map(part => getComputedStyle(part).clipPath)")
    assert clips == ["none", "none"]
    # The slider does nothing without JavaScript, so it is not shown; nor is any other control
    # that waits for reader.js (motion, copy link, share).
    assert not figure.locator("[data-compare-range]").is_visible()
    assert "lr-compare--active" not in figure.get_attribute("class").split()
    waiting = page.locator("[hidden]")
    assert waiting.count() >= 4
    shown = waiting.evaluate_all(
        "elements => elements.filter(e => e.getClientRects().length).map(e => e.outerHTML)"
    )
    assert shown == [], f"controls shown without JavaScript: {shown}"
