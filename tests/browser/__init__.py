"""Browser tests: the real site, served by gunicorn as production serves it, driven by Chromium.

The fixtures live in conftest.py; what several test modules share (the demo pages, the neutral
quick-exit targets, small helpers) lives here.
"""

from dataclasses import dataclass
from pathlib import Path

from tests.helpers import first_story_path

REPO = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPO / "test-results" / "screenshots"

# The neutral sites the quick exit opens, per language (the demo's LanguageSettings). Tests never
# reach them: every context answers them with NEUTRAL_STUB.
NEUTRAL_TARGETS = {"nl": "https://www.buienradar.nl/", "en": "https://www.bbc.com/weather"}
NEUTRAL_STUB_TITLE = "Neutral stub"
NEUTRAL_STUB = (
    "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
    f"<title>{NEUTRAL_STUB_TITLE}</title></head><body><h1>{NEUTRAL_STUB_TITLE}</h1></body></html>"
)

# Every quick-exit link. A page may have more than one (e.g. one kept off screen until keyboard
# focus reveals it); ON_SCREEN tells the ones a reader sees in the viewport right now.
QUICK_EXIT = "[data-quick-exit-link]"
ON_SCREEN = """element => {
  const box = element.getBoundingClientRect();
  return box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
    && box.bottom <= window.innerHeight && box.right <= window.innerWidth
    && getComputedStyle(element).visibility === "visible";
}"""


@dataclass(frozen=True)
class DemoPage:
    language: str
    kind: str
    path: str

    def __str__(self):
        return f"{self.language}-{self.kind}"


# One page of every public page type, in both languages (what `seed_demo` creates). "return" is
# an information page that lists organisations (return and reintegration support).
DEMO_PAGES = [
    DemoPage("nl", "home", "/nl/"),
    DemoPage("nl", "information", "/nl/over-comensha/"),
    DemoPage("nl", "story-index", "/nl/verhalen/"),
    DemoPage("nl", "testimony", first_story_path("nl")),
    DemoPage("nl", "project-index", "/nl/projecten/"),
    DemoPage("nl", "project", "/nl/projecten/rest/"),
    DemoPage("nl", "news-index", "/nl/nieuws/"),
    DemoPage("nl", "news", "/nl/nieuws/eindrapport-rest/"),
    DemoPage("nl", "organisations", "/nl/organisaties/"),
    DemoPage("nl", "return", "/nl/terugkeer/"),
    DemoPage("nl", "search", "/nl/search/?q=vertrouwen"),
    DemoPage("en", "home", "/en/"),
    DemoPage("en", "information", "/en/about-comensha/"),
    DemoPage("en", "story-index", "/en/stories/"),
    DemoPage("en", "testimony", first_story_path("en")),
    DemoPage("en", "project-index", "/en/projects/"),
    DemoPage("en", "project", "/en/projects/ravot-eur/"),
    DemoPage("en", "news-index", "/en/news/"),
    DemoPage("en", "news", "/en/news/rest-final-report/"),
    DemoPage("en", "organisations", "/en/organisations/"),
    DemoPage("en", "return", "/en/returning-home/"),
    DemoPage("en", "search", "/en/search/?q=trust"),
]
# The site's answer to an address it does not know, per language (status 404).
NOT_FOUND_PAGES = [
    DemoPage("nl", "not-found", "/nl/bestaat-niet/"),
    DemoPage("en", "not-found", "/en/does-not-exist/"),
]

# Per language: the story index and the first demo testimony, which the index links to.
STORY_INDEX = {"nl": "/nl/verhalen/", "en": "/en/stories/"}
TESTIMONY = {"nl": first_story_path("nl"), "en": first_story_path("en")}

# Seen by a reader: rendered with a size, and neither hidden nor transparent. Playwright's own
# visibility check ignores opacity; a reveal-on-scroll style would hide text behind opacity 0
# until a script runs. This walks up the tree.
SEEN = """element => {
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  for (let node = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.display === "none" || style.visibility !== "visible") return false;
    if (parseFloat(style.opacity) === 0) return false;
  }
  return true;
}"""


def neutral_target_of(url: str) -> str | None:
    """The neutral quick-exit target that a URL belongs to, if any."""
    for target in NEUTRAL_TARGETS.values():
        base = target.rstrip("/")
        if url in (target, base) or url.startswith((base + "/", base + "?", base + "#")):
            return target
    return None


def assert_no_requests_elsewhere(routed) -> None:
    """The page has asked nothing of any origin but the site's own (before any click)."""
    urls = [request.url for request in routed.other_origin]
    assert urls == [], f"requests to other origins: {urls}"


def exit_target(page) -> str:
    """Where the page's quick exit leads: every quick-exit link on a page leads to one place."""
    targets = set(page.locator(QUICK_EXIT).evaluate_all("links => links.map(link => link.href)"))
    assert len(targets) == 1, f"quick-exit links lead to {sorted(targets)}"
    target = targets.pop()
    assert target in NEUTRAL_TARGETS.values(), f"quick exit leads to {target!r}"
    return target


def on_screen_exit(page):
    """The quick-exit link a reader sees in the viewport now (the first, if several)."""
    links = page.locator(QUICK_EXIT)
    seen = links.evaluate_all(f"links => links.map({ON_SCREEN})")
    assert any(seen), "no quick-exit link on screen"
    return links.nth(seen.index(True))


def click_without_waiting(page, locator) -> None:
    """A real mouse click on an element, without waiting for the navigation it starts.

    Playwright's click() waits for the navigation it schedules; a test that holds the neutral
    site's answer back (to look at the page meanwhile) must not wait.
    """
    box = locator.bounding_box()
    assert box is not None, "the element is not rendered"
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
