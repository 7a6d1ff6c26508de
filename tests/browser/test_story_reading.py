"""The story page as a reader sees it in Chromium: the cover, pinned pictures, chapter links,
the gallery, the comparison, the motion choice; and screenshots of every demo story."""

import io

import pytest
from PIL import Image
from playwright.sync_api import expect

from tests.browser import SCREENSHOTS, on_screen_exit
from tests.helpers import FIRST_SLUG, SECOND_SLUG, first_story_path, second_story_path

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1440, "height": 900}
STORIES = {
    "nl": [FIRST_SLUG["nl"], SECOND_SLUG["nl"], "handhaver-mark", "zorgcoordinator-noor"],
    "en": [
        FIRST_SLUG["en"],
        SECOND_SLUG["en"],
        "enforcement-officer-mark",
        "care-coordinator-noor",
    ],
    "ar": [FIRST_SLUG["en"]],
}
INDEX = {"nl": "/nl/verhalen/", "en": "/en/stories/", "ar": "/ar/stories/"}
# Each story's path, with its screenshots' name: the language and its place in the list.
STORY_SHOTS = {
    INDEX[language] + slug + "/": f"{language}-{number}"
    for language, slugs in STORIES.items()
    for number, slug in enumerate(slugs, 1)
}
STORY_PATHS = list(STORY_SHOTS)
# The first demo testimony, the richest story (every block type).
FIRST = {"nl": first_story_path("nl"), "en": first_story_path("en"), "ar": first_story_path("ar")}

BOX = """element => {
  const b = element.getBoundingClientRect();
  return [b.left, b.top, b.right, b.bottom];
}"""
# The bottom edge of the bars that stick to the top of the screen, one below the other (quick
# exit, chapter bar): wide, slim elements that are sticky or fixed, starting at the edge above.
STICKY_BOTTOM = """() => {
  const bars = Array.from(document.querySelectorAll('body *'))
    .filter(e => ['sticky', 'fixed'].includes(getComputedStyle(e).position))
    .map(e => e.getBoundingClientRect())
    .filter(b => b.height > 8 && b.height < innerHeight / 3 && b.width > innerWidth / 2);
  let bottom = 0, moved = true;
  while (moved) {
    moved = false;
    for (const bar of bars) {
      if (bar.top <= bottom + 1 && bar.bottom > bottom + 1) { bottom = bar.bottom; moved = true; }
    }
  }
  return bottom;
}"""
# A picture that fills its box with object-fit: cover, as [the height in pixels of the rendition
# the browser chose (its `width-N` and the picture's shape), the height it is drawn at (CSS pixels,
# the screenshots' density of 1)]. A rendition shorter than it is drawn looks soft.
SHARPNESS = """async img => {
  if (!(img.complete && img.naturalWidth)) {
    await new Promise(done => img.addEventListener('load', done, {once: true}));
  }
  const width = Number(/width-(\\d+)/.exec(img.currentSrc)[1]);
  const shape = img.naturalWidth / img.naturalHeight;
  const box = img.getBoundingClientRect();
  return [width / shape, Math.max(box.height, box.width / shape)];
}"""


def _assert_sharp(image, what):
    source, drawn = image.evaluate(SHARPNESS)
    assert source >= 0.95 * drawn, f"{what} is drawn {drawn:.0f} px tall from {source:.0f} px"


FRAMES = "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"


def _settle(page, ms=0):
    page.evaluate(FRAMES)
    if ms:
        page.wait_for_timeout(ms)


def _scroll_to_centre(page, locator):
    centre = locator.evaluate(
        """e => {
          const b = e.getBoundingClientRect();
          return b.top + scrollY + b.height / 2 - innerHeight / 2;
        }"""
    )
    page.evaluate("y => window.scrollTo(0, y)", centre)
    _settle(page)


# --- Cover -------------------------------------------------------------------------------------

CONTENT_NOTE = {"nl": "Over de inhoud:", "en": "Content note:", "ar": "تنبيه بشأن المحتوى:"}


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
def test_first_screen_on_a_phone_shows_the_title_over_the_cover_and_the_quick_exit(
    new_context, language
):
    page = new_context(viewport=PHONE).new_page()
    page.goto(FIRST[language])
    title = page.locator(".lr-cover h1")
    left, top, right, bottom = title.evaluate(BOX)
    c_left, c_top, c_right, c_bottom = page.locator(".lr-cover__media").evaluate(BOX)
    assert c_left - 1 <= left and right <= c_right + 1, "the title runs outside the cover picture"
    assert c_top - 1 <= top and bottom <= c_bottom + 1, "the title lies outside the cover picture"
    assert top >= page.evaluate(STICKY_BOTTOM) - 1, "a sticky bar covers the title"
    assert bottom <= PHONE["height"], "the title is below the first screen"
    _assert_sharp(page.locator(".lr-cover__media img"), "the cover picture")
    # The content note is read before a word of the story: on the first screen, under the title.
    note = page.locator(".lr-cover__text p", has_text=CONTENT_NOTE[language])
    _n_left, n_top, _n_right, n_bottom = note.evaluate(BOX)
    assert bottom <= n_top and n_bottom <= PHONE["height"], "the content note is not on the cover"
    # The tab shows the site's own icon (without one, the browser asks for a missing favicon).
    icon = page.locator("link[rel=icon]").get_attribute("href")
    assert page.request.get(icon).ok
    on_screen_exit(page)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("viewport", [PHONE, {"width": 1280, "height": 800}], ids=["375", "1280"])
def test_cover_text_keeps_its_contrast_whatever_the_picture_shows(new_context, viewport):
    """The brightest pixel behind the cover's text, with the text (and the content note's rule)
    made invisible, still
    gives white text a contrast of at least 4.5:1."""
    page = new_context(viewport=viewport).new_page()
    page.goto(FIRST["en"])
    page.evaluate(  # the page's CSP allows no style element; the CSS object model is allowed
        """() => document.querySelectorAll('.lr-cover__text, .lr-cover__text *')
          .forEach(e => {
            e.style.setProperty('color', 'transparent', 'important');
            e.style.setProperty('border-color', 'transparent', 'important');  // the note's rule
          })"""
    )
    _settle(page, 300)
    brightest = 0.0
    for selector in (
        ".lr-cover .lr-kicker",
        ".lr-cover h1",
        ".lr-cover blockquote",
        ".lr-cover .lr-meta",
        ".lr-cover .lr-content-note",
    ):
        box = page.locator(selector).bounding_box()
        shot = Image.open(io.BytesIO(page.screenshot(clip=box))).convert("RGB")
        pixels = shot.tobytes()
        for start in range(0, len(pixels), 3):
            channels = [c / 255 for c in pixels[start : start + 3]]
            linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
            luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
            brightest = max(brightest, luminance)
    assert 1.05 / (brightest + 0.05) >= 4.5, (
        f"white on the brightest pixel: {1.05 / (brightest + 0.05):.2f}:1"
    )


# --- Pinned pictures ---------------------------------------------------------------------------

SHOWN = """section => {
  const figure = section.querySelector('.lr-step__figure.is-shown');
  return figure && [figure.dataset.forStep, figure.getBoundingClientRect().top,
    getComputedStyle(figure).opacity];
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1440"])
def test_pinned_picture_stays_put_while_two_steps_scroll_past(new_context, viewport):
    page = new_context(viewport=viewport, reduced_motion="reduce").new_page()
    page.goto(FIRST["en"])
    section = page.locator("[data-steps]")
    steps = section.locator(".lr-step")
    seen = []
    for index in range(3):
        _scroll_to_centre(page, steps.nth(index))
        page.wait_for_function(
            "i => document.querySelector('[data-steps]').dataset.activeStep === String(i)",
            arg=index,
        )
        _settle(page, 50)
        seen.append(section.evaluate(SHOWN))
    assert [step for step, _, _ in seen] == ["0", "1", "2"], (
        "the picture did not change with the step"
    )
    tops = [top for _, top, _ in seen]
    assert max(tops) - min(tops) <= 1, f"the pinned picture moved: {tops}"
    assert all(float(opacity) == 1 for _, _, opacity in seen)
    _assert_sharp(section.locator(".lr-step__figure.is-shown img"), "the pinned picture")
    # Each step's text scrolled past the picture meanwhile.
    texts = [steps.nth(i).locator(".lr-step__text").evaluate(BOX)[1] for i in range(3)]
    assert texts[0] < texts[1] < texts[2]
    if viewport is DESKTOP:
        # Side by side as one feature: a column of its own with even margins, the text close
        # beside the picture and level with it, the picture at most twice the text's width.
        picture = section.locator(".lr-step__figure.is-shown").evaluate(BOX)
        text = steps.nth(2).locator(".lr-step__text").evaluate(BOX)
        left_margin, right_margin = picture[0], viewport["width"] - text[2]
        assert left_margin >= 32 and abs(left_margin - right_margin) <= 64, (picture, text)
        assert 0 < text[0] - picture[2] <= 72, "a wide empty band between picture and text"
        assert picture[2] - picture[0] <= 2 * (text[2] - text[0]), (picture, text)
        assert picture[1] <= (text[1] + text[3]) / 2 <= picture[3], "the text is not beside it"
    # A full-bleed picture and its caption fit on the screen together, below the sticky bars.
    full = page.locator(".lr-figure--full").first
    _scroll_to_centre(page, full)
    image, caption = full.locator("img").evaluate(BOX), full.locator("figcaption").evaluate(BOX)
    assert caption[3] - image[1] <= viewport["height"] - page.evaluate(STICKY_BOTTOM), (
        "the picture and its caption do not fit below the bars"
    )


@pytest.mark.parametrize(
    "path", [first_story_path("en"), second_story_path("en")], ids=["reveal", "fade"]
)
def test_backdrop_picture_stays_put_while_its_cards_scroll(new_context, path):
    page = new_context(viewport=DESKTOP, reduced_motion="reduce").new_page()
    page.goto(path)
    backdrop = page.locator("[data-backdrop]").first
    cards = backdrop.locator(".lr-backdrop__card")
    # The picture is there as its section arrives: with the section's top three quarters down
    # the screen, no empty half screen waits for it (a fading backdrop is faded in by then).
    top = backdrop.evaluate("b => b.getBoundingClientRect().top + scrollY")
    page.evaluate("y => window.scrollTo(0, y)", top - DESKTOP["height"] * 0.75)
    _settle(page, 100)
    media = backdrop.locator(".lr-backdrop__media")
    assert float(media.evaluate("m => getComputedStyle(m).opacity")) == 1, "no picture yet"
    tops = []
    for index in range(cards.count()):
        _scroll_to_centre(page, cards.nth(index))
        tops.append(backdrop.locator(".lr-backdrop__media").evaluate(BOX)[1])
        media = backdrop.locator(".lr-backdrop__media")
        assert float(media.evaluate("m => getComputedStyle(m).opacity")) == 1
    assert len(tops) >= 2 and max(tops) - min(tops) <= 1, f"the backdrop moved: {tops}"


# A picture larger than the demo's (theirs are 1600 px wide), as a camera's would be, behind a
# backdrop on a page of its own: pictures that fill the screen offer it up to 3200 px wide.
LARGE_PICTURE_PATH = "/nl/groot-beeld/"
MAKE_LARGE_PICTURE_PAGE = f"""
import io
from django.core.files.base import ContentFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.rich_text import RichText
from longread.renditions import specs_of
from sitewide.models import HomePage, InformationPage
home = HomePage.objects.get(locale__language_code="nl", depth=2)
slug = {LARGE_PICTURE_PATH!r}.strip("/").split("/")[-1]
if not InformationPage.objects.child_of(home).filter(slug=slug).exists():
    ramp = Image.linear_gradient("L").resize((4000, 2500))
    picture = Image.merge("RGB", (ramp, ramp.transpose(Image.Transpose.ROTATE_180), ramp))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=85)
    image_model = get_image_model()
    image = image_model(title="Demo: groot beeld", kind=image_model.ILLUSTRATION)
    image.file.save("groot.jpg", ContentFile(data.getvalue()), save=False)
    image._set_image_file_metadata()
    image.save()
    # Made here, as publishing's task makes them, so that the first reader waits for none.
    image.get_renditions(*specs_of(image))
    card = RichText("<p>Demo.</p>")
    page = InformationPage(
        title="Demo", slug=slug, intro="Demo.",
        body=[("text", RichText("<p>" + "Demo. " * 60 + "</p>")), ("backdrop", {{"image": image,
        "alt_text": "Demo: een kleurverloop.", "decorative": False, "cards": [card, card],
        "transition": "scroll"}}), ("text", RichText("<p>" + "Demo. " * 60 + "</p>"))],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def large_picture_page(served_site):
    served_site.manage("shell", "-c", MAKE_LARGE_PICTURE_PAGE)
    return LARGE_PICTURE_PATH


@pytest.mark.parametrize("density", [3, 2, 1])
def test_a_picture_that_fills_the_screen_is_sharp_on_a_dense_phone_and_no_larger(
    new_context, large_picture_page, density
):
    """The picture a phone of density 3 chooses (currentSrc) is enlarged at most 1.3 times on
    its screen; a phone of density 2 or 1 chooses a smaller one, as sharp, fewer bytes."""
    page = new_context(
        viewport=PHONE, device_scale_factor=density, reduced_motion="reduce"
    ).new_page()
    page.goto(large_picture_page)
    backdrop = page.locator("[data-backdrop]")
    _scroll_to_centre(page, backdrop.locator(".lr-backdrop__card").first)
    image = backdrop.locator(".lr-backdrop__media img")
    source, drawn = image.evaluate(SHARPNESS)  # heights: of the rendition, and on screen (CSS)
    chosen = int(image.evaluate("img => /width-(\\d+)/.exec(img.currentSrc)[1]"))
    assert drawn * density <= 1.3 * source, (
        f"drawn {drawn * density:.0f} device pixels tall from {source:.0f} (width-{chosen})"
    )
    assert chosen == {3: 3200, 2: 2400, 1: 1200}[density]


def test_a_single_related_story_ends_the_story_as_a_feature_card_in_the_texts_column(new_context):
    page = new_context(viewport=DESKTOP).new_page()
    page.goto(FIRST["en"])
    cards = page.locator(".lr-related .lr-story-card")
    assert cards.count() == 1
    card = cards.first.evaluate(BOX)
    text = page.locator(".lr-body > .lr-text p").first.evaluate(BOX)
    assert abs(card[0] - text[0]) <= 20, f"the card starts at {card[0]}, the text at {text[0]}"
    assert card[2] - card[0] >= 0.9 * (text[2] - text[0]), "the card is narrower than the text"
    picture = cards.first.locator("img").evaluate(BOX)
    assert picture[2] <= card[0] + (card[2] - card[0]) / 2 + 1, "the picture is not beside the text"


# --- Chapters ----------------------------------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1440"])
def test_every_chapter_link_lands_with_its_heading_below_the_sticky_bars(new_context, viewport):
    page = new_context(viewport=viewport, reduced_motion="reduce").new_page()
    page.goto(FIRST["nl"])
    entries = page.evaluate("history.length")
    anchors = page.locator(".lr-toc a").evaluate_all("links => links.map(a => a.hash.slice(1))")
    assert len(anchors) >= 3
    toggle = page.locator("[data-toc-toggle]")
    for anchor in reversed(anchors):
        if toggle.is_visible():
            toggle.click()
            assert toggle.get_attribute("aria-expanded") == "true"
        page.locator(f".lr-toc a[href='#{anchor}']").click()
        _settle(page, 50)
        top = page.locator(f"#{anchor}").evaluate(BOX)[1]
        bars = page.evaluate(STICKY_BOTTOM)
        assert top >= bars - 1, f"#{anchor} lies under a sticky bar ({top} < {bars})"
        assert top < viewport["height"] / 3, f"#{anchor} is far down the screen ({top})"
        current = page.locator(".lr-toc a[aria-current]").evaluate_all(
            "links => links.map(a => a.hash)"
        )
        assert current == [f"#{anchor}"]
        # Focus on the heading, whose ring shows; the page's address names it, but the
        # browser's history has no entry more: Back after the quick exit never returns here.
        assert page.evaluate("document.activeElement.id") == anchor
        assert page.evaluate("location.hash") == f"#{anchor}"
        assert page.evaluate("history.length") == entries


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_chapter_panel_opens_under_its_button_and_closes_with_a_tap_beside_it(
    new_context, language
):
    """Before the chapter bar reaches the top, the panel opens under it, not over its button;
    a tap on the panel beside the chapters closes it (as Escape and choosing a chapter do)."""
    page = new_context(viewport=PHONE, reduced_motion="reduce").new_page()
    page.goto(FIRST[language])
    bar_top = page.locator("[data-chapter-bar]").evaluate(
        "bar => bar.getBoundingClientRect().top + window.scrollY"
    )
    page.evaluate(f"window.scrollTo(0, {bar_top - 300})")  # the bar in mid-screen, not stuck
    _settle(page, 100)
    toggle = page.locator("[data-toc-toggle]")
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    toggle_box = toggle.bounding_box()
    panel = page.locator(".lr-toc__list")
    panel_box = panel.bounding_box()
    assert panel_box["y"] >= toggle_box["y"] + toggle_box["height"] - 1, "it hides its button"
    page.screenshot(path=SCREENSHOTS / f"chapter-panel-{language}-375.png")
    # A tap low on the panel, below the last chapter: it closes and the story is back.
    page.mouse.click(PHONE["width"] / 2, PHONE["height"] - 10)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not panel.is_visible()
    # Once the bar is stuck at the top, the panel opens under it too.
    page.evaluate(f"window.scrollTo(0, {bar_top + 1500})")
    _settle(page, 100)
    page.evaluate("document.querySelector('[data-toc-toggle]').click()")  # no scroll-into-view
    toggle_box, panel_box = toggle.bounding_box(), panel.bounding_box()
    assert panel_box["y"] >= toggle_box["y"] + toggle_box["height"] - 1


CHAPTERS = {"nl": "Hoofdstukken", "en": "Chapters", "ar": "الفصول"}
# What the phone's chapter bar shows: its button, the label and the current chapter's name.
BAR_STATE = """() => {
  const box = e => { const b = e.getBoundingClientRect();
    return {left: b.left, right: b.right, top: b.top, bottom: b.bottom, width: b.width,
      height: b.height}; };
  const bar = document.querySelector('[data-chapter-bar]');
  const toggle = bar.querySelector('[data-toc-toggle]');
  const label = toggle.querySelector('.lr-toc__label');
  const current = toggle.querySelector('[data-toc-current]');
  const style = getComputedStyle(current);
  return {bar: box(bar), toggle: box(toggle), label: box(label), current: box(current),
    label_text: label.textContent, current_text: current.textContent,
    current_shown: style.display !== 'none' && current.getBoundingClientRect().width > 0,
    lines: current.getBoundingClientRect().height / parseFloat(style.lineHeight),
    overflowing: current.scrollHeight > current.clientHeight + 1,
    direction: getComputedStyle(toggle).direction};
}"""


def _bar_state(page, naming: str | None = None) -> dict:
    """The bar's state once it names `naming` ("" for none), or after two frames."""
    _settle(page, 50)
    if naming is not None:
        page.wait_for_function(
            "name => document.querySelector('[data-toc-current]').textContent === name",
            arg=naming,
            timeout=5000,
        )
    return page.evaluate(BAR_STATE)


def _assert_bar_in_place(page, state, language):
    """The bar sits right under the top bar, within the screen, its text within it."""
    bar, toggle = state["bar"], state["toggle"]
    assert abs(bar["top"] - page.locator(".lr-bar").bounding_box()["height"]) <= 1, bar
    assert toggle["left"] >= 0 and toggle["right"] <= PHONE["width"], toggle
    assert toggle["height"] <= bar["height"] <= 52, bar  # one slim bar, whatever the title
    assert state["direction"] == ("rtl" if language == "ar" else "ltr")
    if state["current_shown"]:
        current = state["current"]
        assert toggle["left"] - 1 <= current["left"] and current["right"] <= toggle["right"] + 1
        assert bar["top"] <= current["top"] and current["bottom"] <= bar["bottom"], current
        middle = (toggle["left"] + toggle["right"]) / 2
        # The chapter's name starts at the start of the line: the right in Arabic.
        if language == "ar":
            assert current["right"] > middle, (current, toggle)
        else:
            assert current["left"] < middle, (current, toggle)


def _below_the_bar(heading, gap):
    """Scrolls the page so that the heading's top lies `gap` px below the stuck chapter bar."""
    heading.evaluate(
        """(h, gap) => {
          const bar = document.querySelector('[data-chapter-bar]');
          const bars = parseFloat(getComputedStyle(document.documentElement)
            .getPropertyValue('--lr-exit-h')) + bar.offsetHeight;
          window.scrollTo(0, h.getBoundingClientRect().top + scrollY - bars - gap);
        }""",
        gap,
    )


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_phone_chapter_bar_says_chapters_in_the_introduction_and_names_a_reached_chapter(
    new_context, language
):
    """In the story's introduction the bar says "Chapters", not the first chapter's name; it
    names a chapter when the chapter's heading passes under it (not earlier, not later), on the
    start side, with the label kept for screen readers only."""
    page = new_context(viewport=PHONE, reduced_motion="reduce").new_page()
    page.goto(FIRST[language])
    bar_top = page.locator("[data-chapter-bar]").evaluate(
        "bar => bar.getBoundingClientRect().top + window.scrollY"
    )
    top_bar = page.locator(".lr-bar").bounding_box()["height"]
    page.evaluate("y => window.scrollTo(0, y)", bar_top - top_bar + 1)  # just stuck
    headings = page.locator(".lr-chapter")
    assert headings.first.evaluate(BOX)[1] > PHONE["height"] / 2, "no introduction on screen"
    intro = _bar_state(page)
    assert intro["label_text"] == CHAPTERS[language]
    assert intro["current_text"] == "" and not intro["current_shown"], intro
    assert intro["label"]["width"] > 20, "the label is not shown in the introduction"
    assert page.locator("[data-toc-toggle]").inner_text().strip() == CHAPTERS[language]
    _assert_bar_in_place(page, intro, language)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"chapter-bar-{language}-375-introduction.png")

    names = page.locator(".lr-toc a").all_text_contents()
    assert len(names) == headings.count() >= 3
    for number in range(headings.count()):
        heading = headings.nth(number)
        assert names[number] == heading.inner_text().strip()
        # Two lines' height below the bar, the heading is still read on the page: the bar
        # names the chapter before it (or none). Just below the bar, it names this one.
        _below_the_bar(heading, 48)
        before = _bar_state(page, names[number - 1] if number else "")
        assert before["current_text"] != names[number], "named before it reached the bar"
        _below_the_bar(heading, 4)
        state = _bar_state(page, names[number])
        assert state["current_shown"] and not state["overflowing"], state
        assert state["label"]["width"] <= 1, "the label takes the chapter's room"
        assert state["label_text"] == CHAPTERS[language]  # still read out with the name
        assert abs(state["bar"]["height"] - intro["bar"]["height"]) <= 1, "the bar changed size"
        _assert_bar_in_place(page, state, language)
        assert heading.evaluate(BOX)[1] >= state["bar"]["bottom"], "the bar covers the heading"
        if number == 0:
            page.screenshot(path=SCREENSHOTS / f"chapter-bar-{language}-375-first-chapter.png")
    # Back in the introduction, the bar says "Chapters" again.
    page.evaluate("y => window.scrollTo(0, y)", bar_top - top_bar + 1)
    assert _bar_state(page, "")["current_shown"] is False


# A chapter title of 90-odd characters (a heading may have 120) on an information page of its
# own: the same chapter bar as a story's.
LONG_TITLE = {
    "nl": "Wat je kunt doen als iemand anders je paspoort, je telefoon of je bankpas bewaart "
    "en niet teruggeeft",
    "ar": "ما الذي يمكنك فعله إذا احتفظ شخص آخر بجواز سفرك أو هاتفك أو بطاقتك المصرفية ولم "
    "يُعِدها إليك",
}
SHORT_TITLE = {"nl": "Eerst dit", "ar": "أولًا"}
LONG_TITLE_PATH = {"nl": "/nl/lange-hoofdstuktitel/", "ar": "/ar/long-chapter-title/"}
MAKE_LONG_TITLE_PAGES = f"""
from wagtail.rich_text import RichText
from sitewide.models import HomePage, InformationPage
for language, path in {LONG_TITLE_PATH!r}.items():
    home = HomePage.objects.get(locale__language_code=language, depth=2)
    slug = path.strip("/").split("/")[-1]
    if InformationPage.objects.child_of(home).filter(slug=slug).exists():
        continue
    paragraph = RichText("<p>" + "Demo. " * 60 + "</p>")
    page = InformationPage(
        title="Demo", slug=slug, intro="Demo.",
        body=[("text", paragraph), ("chapter", {{"heading": {SHORT_TITLE!r}[language],
        "anchor": "first"}}), ("text", paragraph), ("chapter", {{"heading":
        {LONG_TITLE!r}[language], "anchor": "long"}}), *[("text", paragraph)] * 6],
    )
    home.add_child(instance=page)
    page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def long_title_pages(served_site):
    served_site.manage("shell", "-c", MAKE_LONG_TITLE_PAGES)
    return LONG_TITLE_PATH


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_a_long_chapter_title_reads_on_two_lines_in_the_phone_bar(
    new_context, long_title_pages, language
):
    """A long chapter title wraps to two lines inside the slim bar (never over the text below),
    ends in an ellipsis only when it needs more, and reads whole in the panel the bar opens."""
    page = new_context(viewport=PHONE, reduced_motion="reduce").new_page()
    page.goto(long_title_pages[language])
    _below_the_bar(page.locator("#first"), 4)
    one_line = _bar_state(page, SHORT_TITLE[language])
    assert round(one_line["lines"]) == 1

    heading = page.locator("#long")
    _below_the_bar(heading, 4)
    state = _bar_state(page, LONG_TITLE[language])
    assert round(state["lines"]) == 2, state  # two lines, clamped
    assert abs(state["bar"]["height"] - one_line["bar"]["height"]) <= 1, "the bar grew"
    _assert_bar_in_place(page, state, language)
    assert heading.evaluate(BOX)[1] >= state["bar"]["bottom"], "the bar covers the heading"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"chapter-bar-{language}-375-long-title.png")
    # The whole title, in the panel, marked as the current chapter.
    page.evaluate("document.querySelector('[data-toc-toggle]').click()")  # no scroll-into-view
    current = page.locator(".lr-toc__list a[aria-current]")
    expect(current).to_be_visible()
    assert current.inner_text().strip() == LONG_TITLE[language]
    left, _top, right, _bottom = current.evaluate(BOX)
    assert left >= 0 and right <= PHONE["width"], "the title runs off the panel"
    assert current.evaluate("a => a.scrollWidth <= a.clientWidth + 1"), "cut off in the panel"
    page.screenshot(path=SCREENSHOTS / f"chapter-panel-{language}-375-long-title.png")


# --- Video ---------------------------------------------------------------------------------------

# The demo story with a video (an external one, loaded on click).
VIDEO_STORY = INDEX["en"] + STORIES["en"][2] + "/"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1440"])
def test_a_video_is_as_wide_as_a_wide_picture_in_16_9_and_loads_on_click(new_context, viewport):
    """On a laptop the video takes the wide column (62rem inside its margins), not the text's;
    on a phone the whole column, without sideways scroll. Nothing is asked of the video's host
    before the click; the frame it makes fills a 16:9 box."""
    routed = new_context(viewport=viewport, reduced_motion="reduce")
    page = routed.new_page()
    page.goto(VIDEO_STORY)
    box = page.locator(".lr-video [data-embed-src]")
    _scroll_to_centre(page, box)
    left, top, right, bottom = box.evaluate(BOX)
    text = page.locator(".lr-body > .lr-text p").first.evaluate(BOX)  # the text's column
    if viewport is DESKTOP:
        assert right - left >= 62 * 16 - 1, f"the video is {right - left:.0f} px wide"
        assert abs((right - left) / (bottom - top) - 16 / 9) < 0.02, (right - left, bottom - top)
    else:
        assert left <= text[0] + 1 and right >= text[2] - 1, "narrower than the text"
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    # Before the click it looks like a video: its poster (from this site) fills the frame, and a
    # large play button in the middle names the site the video would come from.
    poster = box.locator("img")
    assert poster.evaluate(
        """img => img.complete ? img.naturalWidth > 0 : new Promise(done =>
          img.addEventListener('load', () => done(img.naturalWidth > 0), {once: true}))"""
    )
    assert poster.evaluate("img => new URL(img.currentSrc).origin") == page.evaluate("origin")
    p_left, p_top, p_right, p_bottom = poster.evaluate(BOX)
    assert abs(p_left - left) <= 1 and abs(p_right - right) <= 1
    assert abs(p_top - top) <= 1 and abs(p_bottom - bottom) <= 1, "the poster leaves gaps"
    play = page.locator("[data-embed-load]")
    expect(play).to_contain_text("Load the video")
    expect(play).to_contain_text("www.youtube-nocookie.com")
    icon = play.locator(".lr-embed__icon").bounding_box()
    assert icon["width"] >= 56 and icon["height"] >= 56, icon
    button = play.bounding_box()
    assert abs(button["x"] + button["width"] / 2 - (left + right) / 2) <= 2, "not in the middle"
    assert top < icon["y"] and icon["y"] + icon["height"] < bottom
    assert [request.url for request in routed.other_origin] == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"story-video-{viewport['width']}.png")
    page.locator("[data-embed-load]").click()  # the host's answer is refused: not sent here
    frame = page.locator(".lr-video iframe")
    f_left, f_top, f_right, f_bottom = frame.evaluate(BOX)
    assert abs(f_left - left) <= 1 and abs(f_right - right) <= 1, "the frame lost the width"
    assert abs((f_right - f_left) / (f_bottom - f_top) - 16 / 9) < 0.02
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]


# --- Audio ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "ar"])
def test_the_audio_player_shows_its_length_plays_and_pauses(new_context, language):
    """One large play button, a position slider and the time, left to right in every language;
    the length shows before anything loads (the browser's player said 0:00 / 0:00)."""
    routed = new_context(viewport=PHONE)
    page = routed.new_page()
    page.goto(FIRST[language])
    player = page.locator("[data-audio-player]")
    _scroll_to_centre(page, player)
    assert page.locator("[data-audio] audio").is_hidden()
    toggle = player.locator("[data-audio-toggle]")
    box = toggle.bounding_box()
    assert box["width"] >= 44 and box["height"] >= 44
    assert player.locator("[data-audio-length]").text_content() == "0:04"
    assert player.locator("[data-audio-current]").text_content() == "0:00"
    play = {"nl": "Afspelen", "ar": "تشغيل"}[language]
    assert toggle.get_attribute("aria-label") == play
    # Left to right: the play button at the left, the time at the right, in Arabic too.
    time_box = player.locator(".lr-player__time").bounding_box()
    assert box["x"] < time_box["x"]
    toggle.click()
    page.wait_for_function(
        "() => document.querySelector('[data-audio-current]').textContent !== '0:00'"
    )
    expect(toggle).to_have_attribute("aria-label", {"nl": "Pauzeren", "ar": "إيقاف مؤقت"}[language])
    player.screenshot(path=SCREENSHOTS / f"audio-player-{language}-375.png")
    toggle.click()
    expect(toggle).to_have_attribute("aria-label", play)
    # The slider moves the position; a keyboard reaches it.
    seek = player.locator("[data-audio-seek]")
    seek.focus()
    page.keyboard.press("Home")
    assert page.evaluate("document.querySelector('[data-audio] audio').currentTime") == 0
    assert routed.page_errors == []


def test_without_javascript_the_browsers_own_audio_player_shows(new_context):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(FIRST["nl"])
    audio = page.locator("[data-audio] audio")
    audio.scroll_into_view_if_needed()
    assert audio.is_visible() and audio.get_attribute("controls") is not None
    assert page.locator("[data-audio-player]").is_hidden()


# --- No sideways scrolling ---------------------------------------------------------------------


# The words of the cover's title that a line break cuts in two ("vertrouwe / n").
WORDS_CUT = """() => {
  const title = document.querySelector(".lr-cover__title");
  const text = title.firstChild && title.firstChild.nodeType === 3 ? title.firstChild : null;
  if (!text) return [];
  const cut = [];
  for (const match of text.data.matchAll(/\\S+/g)) {
    const range = document.createRange();
    range.setStart(text, match.index);
    range.setEnd(text, match.index + match[0].length);
    const tops = new Set(Array.from(range.getClientRects(), rect => Math.round(rect.top)));
    if (tops.size > 1) cut.push(match[0]);
  }
  return cut;
}"""


def test_no_story_scrolls_sideways_at_320_pixels(new_context):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    for path in STORY_PATHS:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, f"{path} is {width}px wide"
        assert page.evaluate(WORDS_CUT) == [], f"{path}: the title cuts a word in two"


# --- Comparison and gallery --------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1440"])
def test_comparison_pictures_fill_their_frame(new_context, language, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(FIRST[language])
    figure = page.locator("[data-compare]")
    _scroll_to_centre(page, figure)
    page.wait_for_function(
        """() => Array.from(document.querySelectorAll('[data-compare] img'))
          .every(image => image.complete && image.naturalWidth)"""
    )
    frame = figure.locator("[data-compare-frame]").evaluate(BOX)
    assert frame[2] - frame[0] > viewport["width"] / 2
    for index in range(2):
        image = figure.locator("img").nth(index).evaluate(BOX)
        assert all(abs(a - b) <= 1 for a, b in zip(image, frame, strict=True)), (image, frame)
    # The divide starts in the middle; each half shows its own picture, mirrored in Arabic.
    handle = figure.locator(".lr-compare__handle").evaluate(BOX)
    assert abs((handle[0] + handle[2]) / 2 - (frame[0] + frame[2]) / 2) <= 2
    before_label = figure.locator(".lr-compare__label--before").evaluate(BOX)
    on_the_right = before_label[0] > (frame[0] + frame[2]) / 2
    assert on_the_right == (language == "ar")
    # Dragging the handle moves the divide; the native range follows.
    page.mouse.move(frame[0] + (frame[2] - frame[0]) * 0.25, (frame[1] + frame[3]) / 2)
    page.mouse.down()
    page.mouse.move(frame[0] + (frame[2] - frame[0]) * 0.3, (frame[1] + frame[3]) / 2)
    page.mouse.up()
    expected = "70" if language == "ar" else "30"
    assert figure.locator("input[type=range]").input_value() == expected
    # Wherever the divide is, both labels show whole, in the frame's top corners.
    for value in ("2", "98", expected):
        figure.locator("input[type=range]").fill(value)
        for label in figure.locator(".lr-compare__label").all():
            left, top, right, bottom = label.evaluate(BOX)
            assert frame[0] <= left and right <= frame[2] and top < frame[1] + 40
            on_top = label.evaluate(
                "l => { const b = l.getBoundingClientRect();"
                " return [[b.left + 2, b.top + 2], [b.right - 2, b.bottom - 2]]"
                ".every(([x, y]) => l.contains(document.elementFromPoint(x, y))); }"
            )
            assert on_top, (value, label.inner_text())
    # A finger that swipes up to scroll on (the browser cancels the pointer) leaves the divide.
    page.evaluate(
        """([x, y]) => {
          const frame = document.querySelector('[data-compare-frame]');
          const touch = {pointerType: 'touch', pointerId: 7, clientX: x, clientY: y, bubbles: true};
          frame.dispatchEvent(new PointerEvent('pointerdown', touch));
          frame.dispatchEvent(new PointerEvent('pointermove', {...touch, clientY: y - 60}));
          frame.dispatchEvent(new PointerEvent('pointercancel', touch));
        }""",
        [frame[0] + (frame[2] - frame[0]) * 0.9, (frame[1] + frame[3]) / 2],
    )
    assert figure.locator("input[type=range]").input_value() == expected


def test_gallery_steps_with_buttons_and_opens_full_screen(new_context):
    routed = new_context(viewport=DESKTOP)
    page = routed.new_page()
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(FIRST["en"])
    gallery = page.locator("[data-gallery]")
    _scroll_to_centre(page, gallery)
    count = gallery.locator(".lr-gallery__controls [data-gallery-count]")
    assert count.text_content() == "Picture 1 of 3"
    gallery.locator(".lr-gallery__controls [data-gallery-step='1']").click()
    assert count.text_content() == "Picture 2 of 3"
    page.wait_for_function(
        """() => {
          const list = document.querySelector('[data-gallery-list]').getBoundingClientRect();
          const item = document.querySelectorAll('.lr-gallery__item')[1].getBoundingClientRect();
          return Math.abs(item.left + item.width / 2 - (list.left + list.width / 2)) < 4; }"""
    )
    before_opening = len(asked)
    gallery.locator("[data-gallery-open]").click()
    dialog = gallery.locator("dialog")
    assert dialog.evaluate("d => d.open")
    # The viewer shows a rendition as large as it draws the picture, which the page had not
    # asked for before the viewer opened (the gallery's own is smaller).
    source, drawn = dialog.locator("img").evaluate(SHARPNESS)
    assert source >= 0.95 * drawn, f"the viewer draws {drawn:.0f} px tall from {source:.0f} px"
    chosen = dialog.locator("img").evaluate("img => img.currentSrc")
    assert chosen not in asked[:before_opening] and chosen in asked[before_opening:]
    on_page = gallery.locator(".lr-gallery__item").nth(1).locator("img")
    assert on_page.evaluate("img => img.currentSrc") != chosen
    # The page behind the viewer cannot be reached: the quick exit is in the viewer, as tall
    # as a finger, leading where the page's own does; every button is 44 px wide at least.
    exit_link = dialog.locator("[data-quick-exit-link]")
    assert exit_link.is_visible() and exit_link.bounding_box()["height"] >= 44
    page_exit = page.locator(".lr-exit .lr-exit__link[data-quick-exit-link]").first
    assert exit_link.get_attribute("href") == page_exit.get_attribute("href")
    for button in dialog.locator("button").all():
        box = button.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, button.inner_text()
    assert page.evaluate("document.elementFromPoint(innerWidth / 2, 10).closest('dialog')")
    shown = dialog.locator("img")
    assert (
        shown.get_attribute("alt")
        == "Rounded leaf shapes in several greens and ochre, scattered over a light ground."
    )
    box = shown.bounding_box()
    assert box["width"] > DESKTOP["width"] / 2
    # Focus starts on closing the viewer, not on the quick exit that comes first in it (Enter
    # would leave the site), and stays there while the arrow keys step.
    closing = "() => document.activeElement.matches('[data-gallery-close]')"
    assert page.evaluate(closing)
    page.keyboard.press("ArrowRight")
    assert dialog.locator("img").get_attribute("alt").startswith("Two dark banks")
    assert page.evaluate(closing)
    # Home and End: the first and the last picture.
    page.keyboard.press("Home")
    assert dialog.locator("img").get_attribute("alt").startswith("A pale path")
    page.keyboard.press("End")
    assert dialog.locator("img").get_attribute("alt").startswith("Two dark banks")
    # Tab goes round the viewer's controls: from the last (closing) to the first (the quick
    # exit), and back, never to the browser's own toolbar.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('dialog .lr-viewer__exit')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate(closing)
    page.keyboard.press("Escape")
    assert not dialog.evaluate("d => d.open")
    assert count.text_content() == "Picture 3 of 3"
    # At the last picture "next" leads nowhere and looks it (the first has no "previous").
    following = gallery.locator(".lr-gallery__controls [data-gallery-step='1']")
    previous = gallery.locator(".lr-gallery__controls [data-gallery-step='-1']")
    assert following.get_attribute("aria-disabled") == "true"
    assert float(following.evaluate("b => getComputedStyle(b).opacity")) < 0.6
    following.click(force=True)  # Playwright waits for an enabled button; a finger does not
    assert count.text_content() == "Picture 3 of 3"
    previous.click()
    previous.click()
    assert count.text_content() == "Picture 1 of 3"
    assert previous.get_attribute("aria-disabled") == "true" and not following.get_attribute(
        "aria-disabled"
    )
    # Home and End on the gallery itself.
    gallery.locator("[data-gallery-list]").focus()
    page.keyboard.press("End")
    assert count.text_content() == "Picture 3 of 3"
    page.keyboard.press("Home")
    assert count.text_content() == "Picture 1 of 3"
    # On a portrait phone a landscape picture (the first) takes the screen's whole width, its
    # caption and the controls below it on the screen.
    page.set_viewport_size(PHONE)
    gallery.locator("[data-gallery-open]").click()
    left, top, right, bottom = dialog.locator("img").evaluate(BOX)
    assert left <= 0.5 and right >= PHONE["width"] - 0.5, f"the picture spans {left}-{right}"
    caption = dialog.locator("figcaption").evaluate(BOX)
    controls = dialog.locator(".lr-viewer__bar").evaluate(BOX)
    assert bottom <= caption[1] and caption[3] <= controls[1] and controls[3] <= PHONE["height"]
    for button in dialog.locator("button").all():
        box = button.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], button.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "gallery-viewer-375.png")
    # A finger swiping sideways over the picture steps to the next one, as the browser's own
    # touch handling delivers it (it would take a sideways pan for itself).
    touch = routed.context.new_cdp_session(page)
    touch.send("Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 1})
    y = (top + bottom) / 2
    for kind, x in [("touchStart", 300), *[("touchMove", 300 - step * 30) for step in range(1, 7)]]:
        touch.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": [{"x": x, "y": y}]})
    touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    viewer_count = dialog.locator("[data-gallery-count]")
    expect(viewer_count).to_have_text("Picture 2 of 3")
    assert routed.page_errors == []


def test_motion_toggle_shows_its_state_and_is_remembered_on_this_device(new_context):
    routed = new_context(viewport=DESKTOP, reduced_motion="no-preference")
    page = routed.new_page()
    page.goto(FIRST["en"])
    # The wide header shows one switch (the phone's menu holds another, hidden here).
    toggle = page.locator("[data-motion-toggle]").filter(visible=True)
    assert toggle.get_attribute("aria-pressed") == "true"
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    page.reload()
    switches = page.locator("[data-motion-toggle]")
    assert (
        switches.evaluate_all("els => els.map(el => el.getAttribute('aria-pressed'))")
        == ["false"] * switches.count()
    )
    assert page.locator("html").get_attribute("data-motion") == "off"
    assert routed.context.cookies() == []
    # Kept for the visit only: nothing stays on the device once the tab is closed (the page
    # on browsing safely says the site keeps nothing on the device).
    assert page.evaluate("localStorage.length") == 0
    assert page.evaluate("sessionStorage.getItem('lr-motion')") == "off"
    later = routed.context.new_page()  # another tab: a new visit
    later.goto(FIRST["en"])
    assert later.locator("html").get_attribute("data-motion") == "on"


# --- Screenshots ---------------------------------------------------------------------------------


# How many quotations on the page, shown, say the cover's words (spacing, case, quotation
# marks and closing punctuation aside).
SAME_AS_THE_COVERS_QUOTE = """() => {
  const words = text => text.replace(/\\s+/g, ' ').trim()
    .replace(/^["'‘’“”„«»‹› ]+|["'‘’“”„«»‹›.!?… ]+$/g, '').toLowerCase();
  const cover = words(document.querySelector('.lr-headline-quote').innerText);
  return [...document.querySelectorAll('blockquote')]
    .filter(quote => quote.checkVisibility() && words(quote.innerText) === cover).length;
}"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1440"])
def test_screenshots_of_every_demo_story_viewport_by_viewport(new_context, viewport):
    """Written to test-results/screenshots/ to be looked at; the test checks each is readable,
    and shows its teller's quotation once (on the cover)."""
    routed = new_context(viewport=viewport, reduced_motion="reduce")
    page = routed.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for path in STORY_PATHS:
        page.goto(path)
        height = page.evaluate("document.documentElement.scrollHeight")
        name = STORY_SHOTS[path]
        for number, top in enumerate(range(0, height, viewport["height"])):
            page.evaluate("y => window.scrollTo(0, y)", top)
            _settle(page, 150)
            page.screenshot(path=SCREENSHOTS / f"story-{name}-{viewport['width']}-{number:02d}.png")
        assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"], path
        assert page.evaluate(SAME_AS_THE_COVERS_QUOTE) == 1, f"{path} repeats its quotation"
    assert routed.page_errors == []


# --- Menus, chapter bar and progress line ------------------------------------------------------


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1440"])
def test_menus_open_one_at_a_time_and_close_with_escape_or_a_tap_elsewhere(new_context, viewport):
    page = new_context(viewport=viewport).new_page()
    page.goto(FIRST["nl"])
    opened = page.locator("details.lr-drop[open]")
    page.locator(".lr-languages > summary").click()
    page.locator(".lr-helpmenu > summary").click()
    assert opened.count() == 1 and page.locator(".lr-helpmenu[open]").count() == 1
    page.keyboard.press("Escape")
    assert opened.count() == 0
    page.locator(".lr-helpmenu > summary").click()
    page.mouse.click(viewport["width"] // 2, viewport["height"] - 40)
    assert opened.count() == 0


def test_the_chapter_bar_hides_what_scrolls_under_it_and_takes_the_progress_line_along(
    new_context,
):
    page = new_context(viewport=PHONE).new_page()
    page.goto(FIRST["nl"])
    bar = page.locator("[data-chapter-bar]")
    colour = bar.evaluate("b => getComputedStyle(b).backgroundColor")
    assert colour.startswith("rgb(") and "rgba" not in colour, colour  # opaque
    assert page.locator("[data-chapter-bar] .lr-progress").count() == 1
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    _settle(page, 100)
    line = page.locator(".lr-progress").bounding_box()
    footer = page.locator("footer").bounding_box()
    assert line["y"] + line["height"] <= footer["y"] + 1, (line, footer)
    # Where the body ends, the bar leaves with it: what follows the story (its help box,
    # related stories, sharing) is never under the bar.
    after = page.locator(".lr-reading ~ *").first
    after.evaluate(
        """element => window.scrollTo(0, element.getBoundingClientRect().top + scrollY
          - parseFloat(getComputedStyle(document.documentElement)
            .getPropertyValue('--lr-exit-h')))"""
    )
    _settle(page, 100)
    bar_box, after_box = bar.bounding_box(), after.bounding_box()
    assert bar_box["y"] + bar_box["height"] <= after_box["y"] + 1, (bar_box, after_box)
