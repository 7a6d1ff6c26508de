"""Every page in the reader's own language, with help within reach: the Arabic pages speak Arabic
and keep numbers and punctuation where Arabic puts them; the Help control sits next to the quick
exit on every page and opens without JavaScript; the header is one slim bar on a phone; the home
page shows its purpose and the first story's picture on the first screen; the directory can be
filtered without JavaScript and fits 320 px; search has a visible label and a 16 px input."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import DEMO_PAGES, SCREENSHOTS
from tests.helpers import first_story_path
from tests.reader_messages import reader_messages

pytestmark = pytest.mark.browser

ARABIC = {"home": "/ar/", "testimony": first_story_path("ar")}
PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1440, "height": 900}
SHOTS = {"nl": "/nl/", "en": "/en/", "ar": "/ar/"}
STORIES = {"nl": first_story_path("nl"), "en": first_story_path("en"), "ar": first_story_path("ar")}

VISIBLE_TEXT = """() => {
  const parts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!element || !node.textContent.trim()) continue;
    const style = getComputedStyle(element);
    if (style.display === "none" || style.visibility === "hidden") continue;
    if (element.closest("[hidden], script, style, details:not([open]) > :not(summary)")) continue;
    // Text marked as another language is content said to be in it (an English page's title in
    // the menu, followed by "(English)" in the reader's language), not interface text.
    const marked = element.closest("[lang]");
    if (marked && marked.lang !== document.documentElement.lang) continue;
    parts.push(node.textContent);
  }
  for (const element of document.querySelectorAll("[aria-label]")) {
    parts.push(element.getAttribute("aria-label"));
  }
  return parts.join("\\n");
}"""

# Where each character of an element's text is drawn: [character, left x].
CHARACTER_POSITIONS = """element => {
  const node = [...element.childNodes].find(child => child.nodeType === Node.TEXT_NODE)
    || element.firstChild;
  const text = node.textContent, range = document.createRange(), found = [];
  for (let index = 0; index < text.length; index++) {
    if (!text[index].trim()) continue;
    range.setStart(node, index); range.setEnd(node, index + 1);
    found.push([text[index], range.getBoundingClientRect().left]);
  }
  return found;
}"""


def english_interface_words() -> list[str]:
    """The English interface strings a reader could see (placeholders cut out), long enough not
    to occur by chance inside a name."""
    words = set()
    for _context, msgid in reader_messages():
        for part in re.split(r"%\(\w+\)s|“|”", msgid):
            part = part.strip(" :.…")
            if len(part) >= 4 and re.search(r"[a-z]", part):
                words.add(part)
    return sorted(words)


def screenshot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / f"{name}.png", full_page=False)


# --- Arabic ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(ARABIC))
def test_arabic_pages_show_no_english_interface_text(new_context, kind):
    page = new_context(viewport=PHONE).new_page()
    page.goto(ARABIC[kind])
    # Open the menus, so their words are read too.
    for summary in page.locator(".lr-bar summary").all():
        if summary.is_visible():
            summary.click()
    text = page.evaluate(VISIBLE_TEXT)
    found = [
        english
        for english in english_interface_words()
        if re.search(rf"(?<![A-Za-z]){re.escape(english)}(?![A-Za-z])", text)
    ]
    assert found == [], f"English interface text on {ARABIC[kind]}: {found}"
    assert page.get_by_text("غادر هذا الموقع بسرعة").first.is_visible()


def test_arabic_footer_and_help_keep_numbers_and_punctuation_in_place(new_context):
    page = new_context(viewport=LAPTOP).new_page()
    page.goto(ARABIC["testimony"])
    footer = page.locator("footer.lr-footer")
    # The story shows its help box: the footer does not show the same help again; the top
    # bar's Help holds the language's ways to get help.
    expect(footer.locator("#footer-help")).to_have_count(0)
    page.locator(".lr-helpmenu > summary").click()
    help_panel = page.locator(".lr-helppanel")

    # The question mark is Arabic's, at the end of the sentence: the left end, in right to left.
    title = help_panel.locator(".lr-helppanel__title")
    expect(title).to_have_text("هل تحتاج إلى مساعدة؟")
    drawn = title.evaluate(CHARACTER_POSITIONS)
    assert drawn[-1][0] == "؟"
    assert drawn[-1][1] == min(x for _c, x in drawn), "the question mark is not at the left end"
    assert "?" not in title.inner_text()

    # Phone numbers read left to right inside the Arabic text: "+31 33 448 11 86", not reversed.
    for number in (
        help_panel.locator(".lr-helpopts__call bdi"),
        footer.locator(".lr-footer__contact bdi").filter(has_text="+31"),
        page.locator("aside.lr-help bdi").first,
    ):
        expect(number).to_have_text("+31 33 448 11 86")
        assert number.evaluate("e => getComputedStyle(e).direction") == "ltr"
        positions = number.evaluate(CHARACTER_POSITIONS)
        assert positions[0][0] == "+"
        xs = [x for _c, x in positions]
        assert xs == sorted(xs), f"the number is drawn out of order: {positions}"

    # The emergency number, an e-mail address and a web address are isolated too.
    for isolated in (
        help_panel.locator(".lr-helpopts__emergency bdi"),
        footer.locator(".lr-footer__contact a[href^='mailto:'] bdi"),
        help_panel.locator(".lr-helpopts a[href^='https:'] bdi"),
    ):
        assert isolated.evaluate("e => getComputedStyle(e).direction") == "ltr"
        xs = [x for _c, x in isolated.evaluate(CHARACTER_POSITIONS)]
        assert xs == sorted(xs)
    expect(help_panel.locator(".lr-helpopts__emergency bdi")).to_have_text("112")
    # The organisation's address and number say what they are, in Arabic.
    expect(footer.locator(".lr-footer__contact a[href^='mailto:']")).to_contain_text(
        "البريد الإلكتروني"
    )
    expect(footer.locator(".lr-footer__contact a[href^='tel:']")).to_contain_text("اتصال")
    screenshot(page, "ar-footer-1440px")


def test_arabic_quotations_open_and_close_with_arabic_guillemets(new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto(ARABIC["testimony"])
    marks = page.evaluate(
        """() => [...document.querySelectorAll('.lr-quote blockquote, .lr-headline-quote p')]
            .map(e => [e.tagName, getComputedStyle(e, '::before').content,
                       getComputedStyle(e).quotes])"""
    )
    assert marks, "the Arabic story shows no quotation"
    for tag, _before, quotes in marks:
        assert quotes.startswith('"«" "»"'), (tag, quotes)
    # A testimony block's large mark. The Arabic demo story shows its teller's one quotation on
    # the cover only (its body's repeat is left out), so a block is laid into the page as its
    # template writes it, once in Arabic and once in English.
    add_quote = """() => {
      const figure = document.createElement('figure');
      figure.className = 'lr-quote';
      figure.innerHTML = '<blockquote><p>…</p></blockquote>';
      document.querySelector('.lr-body').append(figure);
      return getComputedStyle(figure.querySelector('blockquote'), '::before').content;
    }"""
    assert page.evaluate(add_quote) == '"«"'
    english = new_context(viewport=PHONE).new_page()
    english.goto(STORIES["en"])
    assert english.evaluate(add_quote) == '"“"'


# --- Help within reach ------------------------------------------------------------------------


@pytest.mark.parametrize("demo", [d for d in DEMO_PAGES if d.language == "nl"], ids=str)
def test_help_sits_next_to_the_quick_exit_and_opens_without_javascript(new_context, demo):
    page = new_context(viewport=PHONE, java_script_enabled=False).new_page()
    page.goto(demo.path)
    help_control = page.locator(".lr-helpmenu > summary")
    exit_link = page.locator("a.lr-exit__link")
    expect(help_control).to_be_visible()
    expect(help_control).to_have_text("Hulp")
    help_box, exit_box = help_control.bounding_box(), exit_link.bounding_box()
    for box in (help_box, exit_box):
        assert box["width"] >= 44 and box["height"] >= 44, box
    # Side by side in the same bar, at the top of the screen.
    assert (
        abs((help_box["y"] + help_box["height"] / 2) - (exit_box["y"] + exit_box["height"] / 2))
        < 12
    )
    assert help_box["y"] < 20 and exit_box["y"] < 20
    assert 0 < exit_box["x"] - (help_box["x"] + help_box["width"]) < 80

    help_control.click()
    panel = page.locator(".lr-helppanel")
    expect(panel).to_be_visible()
    call = panel.locator("a[href^='tel:']").first
    expect(call).to_contain_text("033 448 11 86")
    call_box = call.bounding_box()
    assert call_box["height"] >= 44 and call_box["width"] >= 44
    expect(panel.locator("a[href='tel:112']")).to_be_visible()
    expect(panel).to_contain_text("Openingstijden:")
    expect(panel).to_contain_text("Gesproken talen:")


@pytest.mark.parametrize("language", ["ar", "nl"])
def test_every_link_on_its_own_line_in_the_footer_and_help_is_a_thumbs_size(new_context, language):
    """Links that stand alone (not inside a sentence) are at least 44 px tall on a phone: the
    footer's menu, contact and privacy links, the help options and the help panel's link."""
    page = new_context(viewport=PHONE).new_page()
    page.goto(SHOTS[language])
    footer_links = page.locator(
        ".lr-footer__nav a, .lr-footer__contact a, .lr-footer__privacy a, .lr-footer .lr-helpopts a"
    )
    assert footer_links.count() >= 4
    page.locator(".lr-helpmenu > summary").click()
    panel_links = page.locator(".lr-helppanel a")
    expect(panel_links.first).to_be_visible()
    small = []
    for links in (footer_links, panel_links):
        for index in range(links.count()):
            link = links.nth(index)
            link.scroll_into_view_if_needed()
            box = link.bounding_box()
            if box is None or box["height"] < 44:
                small.append((link.inner_text(), box and round(box["height"])))
    page.screenshot(path=SCREENSHOTS / f"footer-taps-375-{language}.png", full_page=True)
    assert not small, small
    # A label and the number or address after it do not run together ("Bellen033…").
    gaps = page.evaluate(
        """() => [...document.querySelectorAll('.lr-footer__contact a')].map((link) => {
            const range = document.createRange();
            range.selectNodeContents(link.firstChild);
            const label = range.getBoundingClientRect();
            const value = link.querySelector('bdi').getBoundingClientRect();
            return Math.max(value.left - label.right, label.left - value.right);
        })"""
    )
    assert gaps and min(gaps) >= 3, gaps


def test_a_language_without_a_helpline_still_shows_the_emergency_number(new_context):
    """German has no settings of its own and no pages: its search page still offers 112."""
    page = new_context(viewport=PHONE).new_page()
    page.goto("/de/search/")
    page.locator(".lr-helpmenu > summary").click()
    expect(page.locator(".lr-helppanel a[href='tel:112']")).to_be_visible()
    expect(page.locator(".lr-helpmenu > summary")).to_have_text("Hilfe")
    expect(page.locator("a.lr-exit__link")).to_have_text("Seite schnell verlassen")


# --- Header and home page ---------------------------------------------------------------------


@pytest.mark.parametrize("language", list(SHOTS))
def test_phone_header_is_one_slim_bar_and_the_first_screen_shows_a_story(new_context, language):
    page = new_context(viewport=PHONE).new_page()
    page.goto(SHOTS[language])
    bar = page.locator(".lr-bar").bounding_box()
    assert bar["height"] <= 72, f"the header takes {bar['height']} px"
    controls = page.locator(".lr-bar summary, .lr-bar a.lr-exit__link")
    tops = [box["y"] for box in (c.bounding_box() for c in controls.all() if c.is_visible())]
    assert len(tops) == 4 and max(tops) - min(tops) < 12, "exit, help, menu, language: one line"
    # The purpose, then the featured story with its picture, on the first screen.
    expect(page.locator("h1")).to_be_in_viewport()
    picture = page.locator(".lr-feature img")
    expect(picture).to_be_visible()
    assert picture.bounding_box()["y"] < PHONE["height"] - 100
    expect(page.locator(".lr-feature .lr-card__meta")).to_be_in_viewport()
    screenshot(page, f"{language}-home-first-screen-375px")

    # The menu opens without JavaScript and lists the directory and the return page.
    page.locator(".lr-menu > summary").click()
    links = page.locator(".lr-menu a").all_inner_texts()
    expected = {
        "nl": ["Organisaties", "Terugkeer naar huis", "Zoeken"],
        "en": ["Organisations", "Returning home", "Search"],
        "ar": ["المنظمات", "العودة إلى الوطن", "بحث"],
    }
    for text in expected[language]:
        assert text in links, (text, links)
    screenshot(page, f"{language}-menu-open-375px")


def test_home_lists_survivors_first_with_pictures_and_reading_time(new_context):
    page = new_context(viewport=LAPTOP).new_page()
    page.goto("/en/")
    who = page.locator(".lr-feature .lr-card__who, .lr-card .lr-card__who").all_inner_texts()
    kinds = ["Survivor" in text for text in who]
    assert kinds[0] and kinds == sorted(kinds, reverse=True), who
    for card in page.locator(".lr-cards .lr-card").all():
        expect(card.locator("img")).to_have_count(1)
        expect(card.locator(".lr-card__meta")).to_have_text(re.compile(r"^\d+-minute read$"))
    # The heading stands above the grid, not in a card's place.
    heading = page.locator("#stories-heading").bounding_box()
    first_card = page.locator(".lr-cards .lr-card").first.bounding_box()
    assert heading["y"] + heading["height"] <= first_card["y"]
    expect(page.locator("#projects-heading")).to_be_visible()
    expect(page.locator("#news-heading")).to_be_visible()
    footer_links = page.locator(".lr-footer__nav a").all_inner_texts()
    assert "Organisations" in footer_links and "Returning home" in footer_links


@pytest.mark.parametrize("language", list(SHOTS))
@pytest.mark.parametrize("viewport", [PHONE, LAPTOP], ids=["375", "1440"])
def test_screenshots_of_home_story_and_help(new_context, language, viewport):
    page = new_context(viewport=viewport).new_page()
    width = viewport["width"]
    page.goto(SHOTS[language])
    screenshot(page, f"{language}-home-{width}px")
    page.goto(STORIES[language])
    screenshot(page, f"{language}-story-{width}px")
    page.locator(".lr-helpmenu > summary").click()
    panel = page.locator(".lr-helppanel")
    expect(panel).to_be_in_viewport()
    box = panel.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= width
    # Every line of the help options is readable inside the panel, none cut at its edge.
    cut = panel.evaluate(
        """panel => { const edge = panel.getBoundingClientRect();
          return [...panel.querySelectorAll('*')].filter(e => e.getClientRects().length)
            .filter(e => { const r = e.getBoundingClientRect();
              return r.left < edge.left - 1 || r.right > edge.right + 1; })
            .map(e => e.textContent.trim().slice(0, 40)); }"""
    )
    assert cut == [], f"cut at the panel's edge: {cut}"
    screenshot(page, f"{language}-help-open-{width}px")


# --- Directory and search ---------------------------------------------------------------------


def test_directory_filters_without_javascript_and_fits_320_px(new_context):
    page = new_context(viewport={"width": 320, "height": 700}, java_script_enabled=False).new_page()
    page.goto("/en/organisations/")
    page.select_option("#filter-country", "NL")
    page.select_option("#filter-kind", "return")
    page.get_by_role("button", name="Filter").click()
    assert "country=NL" in page.url and "kind=return" in page.url
    names = page.locator(".lr-organisation h2").all_inner_texts()
    assert names and "IOM Nederland" in names
    for organisation in page.locator(".lr-organisation").all():
        expect(organisation).to_contain_text("Netherlands")
        # Demo organisations have no phone number, so no call button; placeholders are labelled.
        expect(organisation.locator("a[href^='tel:']")).to_have_count(0)
        expect(organisation).to_contain_text("Demo:")
        visit = organisation.locator("a[href*='example.org']").first
        assert visit.bounding_box()["height"] >= 44
    page.goto("/en/organisations/")
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"the directory is {overflow}px too wide at 320 px"
    screenshot(page, "en-organisations-320px")


FILTERED = ["/nl/organisaties/", "/en/organisations/", "/ar/stories/"]


@pytest.mark.parametrize("address", FILTERED)
@pytest.mark.parametrize("width", [375, 1280])
def test_each_filter_label_sits_on_its_list_and_the_button_looks_like_one(
    new_context, address, width
):
    page = new_context(viewport={"width": width, "height": 800}).new_page()
    response = page.goto(address)
    assert response.status == 200, address
    rtl = page.evaluate("document.dir") == "rtl"
    for pair in page.locator(".lr-filters .lr-filter").all():
        label = pair.locator("label").bounding_box()
        select = pair.locator("select").bounding_box()
        assert 0 <= select["y"] - (label["y"] + label["height"]) <= 12, (address, label, select)
        start = (lambda box: box["x"] + box["width"]) if rtl else (lambda box: box["x"])
        assert abs(start(label) - start(select)) <= 2, (address, label, select)
    button = page.locator(".lr-filters button")
    box = button.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    colours = button.evaluate(
        "b => [b, document.body].map(e => getComputedStyle(e).backgroundColor)"
    )
    assert colours[0] != colours[1] and colours[0] != "rgba(0, 0, 0, 0)", colours
    screenshot(page, f"{address.strip('/').replace('/', '-')}-filters-{width}px")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type one or more words to search."),
        ("'", "Nothing found for “'”."),
        # gunicorn refuses a request line over 4094 bytes; 10,000 characters reach Django in
        # tests/reader/test_search_hits.py.
        ("x" * 3_900, "only its first 200 characters were used"),
    ],
    ids=["empty", "quote", "3900"],
)
def test_search_answers_odd_input_with_a_message(new_context, query, message):
    page = new_context(viewport=PHONE).new_page()
    response = page.goto("/en/search/?q=" + query)
    assert response.status == 200
    expect(page.get_by_role("status").filter(has_text=message)).to_be_visible()


def test_search_hits_show_kind_language_and_marked_words(new_context):
    page = new_context(viewport=PHONE).new_page()
    page.goto("/en/search/?q=trust")
    label = page.locator("label[for='search-q']")
    expect(label).to_be_visible()
    size = page.locator("#search-q").evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 16
    hit = page.locator(".lr-results li").first
    expect(hit.locator(".lr-results__kind")).to_have_text(
        re.compile(r"^(Story|Page|Project|News) · English$")
    )
    expect(page.locator(".lr-results mark").first).to_have_text(re.compile("trust", re.I))
    screenshot(page, "en-search-375px")
