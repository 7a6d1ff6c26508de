"""axe-core on every public page type, in both languages: no violation of WCAG 2.2 AA or of axe's
best practices. axe-core is pinned in package.json and installed by `make browser-deps`."""

from urllib.parse import urlsplit

import pytest

from longread.blocks import video_hosts
from tests.browser import DEMO_PAGES, NOT_FOUND_PAGES, REPO, TESTIMONY, DemoPage
from tests.helpers import first_story_path

pytestmark = pytest.mark.browser

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_RUN = """tags => axe.run(document, {
  runOnly: {type: "tag", values: tags},
  resultTypes: ["violations"],
}).then(results => results.violations.map(violation => ({
  id: violation.id,
  impact: violation.impact,
  help: violation.help,
  targets: violation.nodes.map(node => node.target.flat(Infinity).join(" >> ")),
})))"""
# Arabic, right to left: the demo's home, the first demo testimony, the search page and every
# page the Arabic menu and footer lead to, with a project and a news item.
ARABIC_PAGES = [
    DemoPage("ar", "home", "/ar/"),
    DemoPage("ar", "testimony", first_story_path("ar")),
    DemoPage("ar", "search", "/ar/search/?q=ثقتي"),
    DemoPage("ar", "information", "/ar/about-comensha/"),
    DemoPage("ar", "privacy", "/ar/privacy/"),
    DemoPage("ar", "safety", "/ar/browsing-safely/"),
    DemoPage("ar", "project-index", "/ar/projects/"),
    DemoPage("ar", "project", "/ar/projects/ravot-eur/"),
    DemoPage("ar", "news-index", "/ar/news/"),
    DemoPage("ar", "news", "/ar/news/rest-final-report/"),
    DemoPage("ar", "organisations", "/ar/organisations/"),
    DemoPage("ar", "return", "/ar/returning-home/"),
]
AUDITED = DEMO_PAGES + NOT_FOUND_PAGES + ARABIC_PAGES
# A phone and a laptop: the header is a different layout at each.
WIDTHS = [375, 1280]


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core's source. Missing, every audit fails: it is never skipped silently."""
    if not AXE.is_file():
        pytest.fail(
            f"{AXE} is missing: the accessibility tests inject axe-core into each page. "
            "Install it with `make browser-deps` (runs `npm ci`, pinned in package-lock.json).",
            pytrace=False,
        )
    return AXE.read_text(encoding="utf-8")


def _violations(page, axe_source: str) -> list[dict]:
    # Evaluated by the test, not added as an inline <script>: the site's Content-Security-Policy
    # (script-src 'self') rightly refuses inline scripts.
    page.evaluate(axe_source)
    return page.evaluate(AXE_RUN, AXE_TAGS)


def _report(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.extend(f"    {target}" for target in violation["targets"])
    return "\n".join(lines)


@pytest.fixture(scope="module")
def audit_page(module_context):
    return module_context.new_page()


@pytest.mark.parametrize("width", WIDTHS, ids=lambda width: f"{width}px")
@pytest.mark.parametrize("demo", AUDITED, ids=str)
def test_page_has_no_axe_violations(module_context, audit_page, axe_source, demo, width):
    module_context.page_errors.clear()  # the context is shared: judge this page alone
    audit_page.set_viewport_size({"width": width, "height": 800})
    response = audit_page.goto(demo.path)

    assert response is not None
    assert response.status == (404 if demo.kind == "not-found" else 200)
    assert audit_page.locator("html").get_attribute("lang") == demo.language
    violations = _violations(audit_page, axe_source)
    assert not violations, f"axe on {demo.path}:\n{_report(violations)}"
    assert module_context.page_errors == []


def test_story_and_media_have_no_axe_violations_after_reading(new_context, axe_source):
    """The states reader.js makes: active steps, moved slider, motion off, a loaded video frame."""
    routed = new_context(viewport={"width": 375, "height": 800})
    hosts = set(video_hosts())
    routed.context.route(
        lambda url: urlsplit(url).hostname in hosts,
        lambda route: route.fulfill(
            content_type="text/html",
            body="<!DOCTYPE html><html lang='en'><title>Video stub</title><p>Video stub</p>",
        ),
    )
    page = routed.new_page()
    problems = {}

    page.goto(TESTIMONY["en"])
    page.locator(".lr-step").nth(1).scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('[data-steps][data-active-step]')")
    page.locator("[data-compare-range]").fill("30")
    # On a phone the motion switch is in the menu.
    page.locator(".lr-menu > summary").click()
    page.locator("[data-motion-toggle]").filter(visible=True).click()
    page.locator(".lr-menu > summary").click()  # and the menu closed again
    page.locator("[data-toc-toggle]").click()  # on a phone the chapters open as a panel
    if violations := _violations(page, axe_source):
        problems[TESTIMONY["en"] + " (chapters open)"] = _report(violations)
    page.locator(".lr-toc a").last.click()
    if violations := _violations(page, axe_source):
        problems[TESTIMONY["en"]] = _report(violations)

    page.goto("/en/about-comensha/")
    page.locator("[data-embed-load]").click()
    page.frame_locator("[data-embed-src] iframe").locator("p").wait_for()
    if violations := _violations(page, axe_source):
        problems["/en/about-comensha/"] = _report(violations)

    reports = [f"axe on {path}:\n{report}" for path, report in problems.items()]
    assert not problems, "\n".join(reports)
    assert routed.page_errors == []
