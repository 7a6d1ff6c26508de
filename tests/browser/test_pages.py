"""Every demo page type, in both languages: loads, speaks its language, asks nothing of others."""

from urllib.parse import urlsplit

import pytest

from tests.browser import (
    DEMO_PAGES,
    ON_SCREEN,
    QUICK_EXIT,
    SCREENSHOTS,
    assert_no_requests_elsewhere,
    exit_target,
    on_screen_exit,
)

pytestmark = pytest.mark.browser

WIDTHS = [375, 1280]
# Resource hints make the browser contact an origin (DNS, TLS) without a request we can route.
HINTS = (
    "link[rel~=preconnect], link[rel~=dns-prefetch], link[rel~=prefetch], "
    "link[rel~=preload], link[rel~=modulepreload], link[rel~=prerender]"
)


@pytest.mark.parametrize("demo", DEMO_PAGES, ids=str)
def test_page_loads_in_its_language_without_third_party_requests(new_context, site_url, demo):
    routed = new_context()
    page = routed.new_page()

    response = page.goto(demo.path)

    assert response is not None and response.status == 200
    assert page.locator("html").get_attribute("lang") == demo.language
    assert_no_requests_elsewhere(routed)
    hinted = page.locator(HINTS).evaluate_all("links => links.map(link => link.href)")
    own = urlsplit(site_url).netloc
    assert [url for url in hinted if urlsplit(url).netloc != own] == []
    assert routed.failed_responses == []
    assert routed.page_errors == []
    on_screen_exit(page)
    exit_target(page)
    if demo.kind == "search":
        assert page.locator(".lr-results li").count() > 0, "the demo search finds nothing"


def _viewport_settings(content: str) -> dict[str, str]:
    settings = {}
    for item in content.replace(";", ",").split(","):
        name, _, value = item.partition("=")
        settings[name.strip().lower()] = value.strip().lower()
    return settings


def _zoom_problems(content: str) -> list[str]:
    settings = _viewport_settings(content)
    problems = []
    if settings.get("user-scalable", "yes") in {"no", "0", "false"}:
        problems.append(f"user-scalable={settings['user-scalable']}")
    if "maximum-scale" in settings:
        try:
            if float(settings["maximum-scale"]) < 2:
                problems.append(f"maximum-scale={settings['maximum-scale']}")
        except ValueError:
            problems.append(f"unreadable maximum-scale={settings['maximum-scale']!r}")
    return problems


def test_viewport_never_disables_zoom(new_context):
    # One context visits every page (only the markup matters): every problem is listed at once.
    page = new_context().new_page()
    problems = {}
    for demo in DEMO_PAGES:
        page.goto(demo.path, wait_until="domcontentloaded")  # deferred scripts have run by then
        contents = page.locator('meta[name="viewport" i]').evaluate_all(
            "metas => metas.map(meta => meta.content)"
        )
        found = [problem for content in contents for problem in _zoom_problems(content)]
        if not contents:
            found.append("no viewport meta")
        if found:
            problems[str(demo)] = found

    assert problems == {}


ANY_ON_SCREEN = f"links => links.some({ON_SCREEN})"


@pytest.mark.parametrize("demo", DEMO_PAGES, ids=str)
def test_screenshots_and_layout_at_phone_and_desktop_width(new_context, demo):
    routed = new_context(viewport={"width": WIDTHS[0], "height": 800})
    page = routed.new_page()
    page.goto(demo.path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    links = page.locator(QUICK_EXIT)

    for width in WIDTHS:  # one load, resized: half the page loads of a context per width
        page.set_viewport_size({"width": width, "height": 800})
        page.evaluate("window.scrollTo(0, 0)")
        path = SCREENSHOTS / f"{demo.language}-{demo.kind}-{width}px.png"
        page.screenshot(path=path, full_page=True)

        assert path.stat().st_size > 0
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"at {width}px the page is {overflow}px too wide"
        # The quick exit is on screen at the top and still on screen at the end of the page.
        assert links.evaluate_all(ANY_ON_SCREEN), f"at {width}px no quick exit on screen at the top"
        page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        assert links.evaluate_all(ANY_ON_SCREEN), f"at {width}px no quick exit on screen at the end"

    # Full-page screenshots have rendered everything, lazily loaded content included: still
    # nothing asked of another origin, and nothing missing.
    assert_no_requests_elsewhere(routed)
    assert routed.failed_responses == []
