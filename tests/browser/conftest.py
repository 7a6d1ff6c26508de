"""Fixtures of the browser tests: the real site in a subprocess, Chromium, routed contexts."""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from scripts.served_site import GUNICORN_CONFIG, Server, SiteError, build, manage, site_environment
from tests.browser import NEUTRAL_STUB, neutral_target_of

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# The served site gets none of the caller's project variables (scripts/served_site.py): a
# DATABASE_URL or REDIS_URL in the environment (CI's PostgreSQL run, a developer's shell) must
# never receive the demo content; the site runs on the embedded default in a temp dir instead.
SERVER_START_TIMEOUT = int(os.environ.get("BROWSER_SERVER_START_TIMEOUT", "120"))  # seconds
# The served site's superuser `admin` (made by `ensure_admin`), for tests of the admin.
ADMIN_PASSWORD = secrets.token_urlsafe(18)
SERVER_VARIABLES = {
    "ADMIN_PASSWORD": ADMIN_PASSWORD,
    # The task worker beside gunicorn, started by its configuration (GUNICORN_CONFIG).
    "TASK_WORKER": "embedded",
    # Reach figures written within a second, for the test that reads them in the admin.
    "REACH_FLUSH_SECONDS": "1",
}


@pytest.fixture(scope="session")
def chromium_executable() -> Path:
    """Debian's Chromium. Missing, every browser test fails: it is never skipped silently."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: the browser tests drive Debian's Chromium through Playwright. "
            "`make test` installs it (apt-get install chromium, with root or sudo). "
            "Do not run `playwright install`.",
            pytrace=False,
        )
    return CHROMIUM


@dataclass(frozen=True)
class ServedSite:
    """The served site: its address, and its environment for one more command on it (a test's
    setup that no person does through the admin, such as a page made with the ORM)."""

    url: str
    env: dict[str, str]

    def manage(self, *args: str) -> str:
        return manage(self.env, *args)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, chromium_executable) -> ServedSite:
    """The real site, as production serves it: migrated, seeded, static files collected, gunicorn.

    Asks for Chromium first so that a missing browser fails before the site is built.
    """
    root = tmp_path_factory.mktemp("browser-site")
    env = site_environment(root, extra=SERVER_VARIABLES)
    try:
        build(env)
        # The administrator works in English (tests of the English admin sign in as it); the
        # staff it adds in the Dutch journeys work in the default, Dutch.
        manage(env, "ensure_admin", "--language", "en")
        # As `make run`: gunicorn's own configuration (the task worker starts and stops with it).
        server = Server(
            env, root, workers=2, config=GUNICORN_CONFIG, start_timeout=SERVER_START_TIMEOUT
        ).start(probe="/nl/")
    except SiteError as error:
        pytest.fail(str(error), pytrace=False)
    try:
        yield ServedSite(server.url, env)
    finally:
        server.stop()


@pytest.fixture(scope="session")
def site_url(served_site) -> str:
    """The served site's address."""
    return served_site.url


@pytest.fixture(scope="session")
def admin_credentials(site_url) -> tuple[str, str]:
    """User name and password of the served site's superuser."""
    return "admin", ADMIN_PASSWORD


# Package scope, not session scope: one browser for the whole browser suite, closed when it ends.
# Between calls of Playwright's sync API its event loop counts as running in this thread, and
# Django then refuses every ORM call (SynchronousOnlyOperation). pytest-django happens to run the
# database tests first, but any later test that touches the ORM would fail while a session-long
# browser stays open.
@pytest.fixture(scope="package")
def browser(chromium_executable):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium_executable), args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@dataclass(frozen=True)
class OtherOriginRequest:
    url: str
    resource_type: str
    referer: str | None
    answer: str  # "neutral stub", "held" or "aborted"


class RoutedContext:
    """A browser context that never leaves the loopback.

    Requests to the site's own origin go through. Requests to a neutral quick-exit target are
    answered with a local stub page (or held back, see hold_neutral_site). Every other request
    to another origin is aborted. Each one is recorded in other_origin.
    """

    def __init__(self, context, site_url: str):
        self.context = context
        self.origin = _origin(site_url)
        self.other_origin: list[OtherOriginRequest] = []
        self.page_errors: list[str] = []
        self.failed_responses: list[str] = []
        self._hold = False
        self._held = []
        context.route(lambda url: _origin(url) != self.origin, self._answer)
        context.on("page", self._watch)
        context.on("response", self._check_response)

    def new_page(self):
        return self.context.new_page()

    def hold_neutral_site(self) -> None:
        """From now on, leave the neutral site's answer pending until release_neutral_site()."""
        self._hold = True

    def wait_for_held(self, page, timeout_ms: int = 5000) -> None:
        waited = 0
        while not self._held and waited < timeout_ms:
            page.wait_for_timeout(25)
            waited += 25
        assert self._held, "the page never asked for the neutral site"

    def release_neutral_site(self) -> None:
        self._hold = False
        while self._held:
            self._held.pop(0).fulfill(status=200, content_type="text/html", body=NEUTRAL_STUB)

    def _answer(self, route) -> None:
        request = route.request
        target = neutral_target_of(request.url)
        answer = "aborted" if target is None else ("held" if self._hold else "neutral stub")
        self.other_origin.append(
            OtherOriginRequest(
                url=request.url,
                resource_type=request.resource_type,
                referer=request.header_value("referer"),
                answer=answer,
            )
        )
        if answer == "aborted":
            route.abort("blockedbyclient")
        elif answer == "held":
            self._held.append(route)
        else:
            route.fulfill(status=200, content_type="text/html", body=NEUTRAL_STUB)

    def _watch(self, page) -> None:
        page.on("pageerror", lambda error: self.page_errors.append(str(error)))

    def _check_response(self, response) -> None:
        if _origin(response.url) == self.origin and response.status >= 400:
            self.failed_responses.append(f"{response.status} {response.url}")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@pytest.fixture
def new_context(browser, site_url):
    """Makes fresh, routed browser contexts (options as for browser.new_context); closes them."""
    made = []

    def make(**options) -> RoutedContext:
        context = browser.new_context(base_url=site_url, **options)
        context.set_default_timeout(10_000)
        made.append(context)
        return RoutedContext(context, site_url)

    yield make
    for context in made:
        context.close()


@pytest.fixture(scope="module")
def module_context(browser, site_url):
    """One routed context shared by a module's tests, for visits that change nothing (audits)."""
    context = browser.new_context(base_url=site_url)
    context.set_default_timeout(10_000)
    yield RoutedContext(context, site_url)
    context.close()


# Browser tests share one served site. These change it for good (the teller takes a language
# down; a staff journey withdraws a story), so they run after every other browser test, the
# teller's first (it needs the story the staff journey later withdraws).
CHANGES_THE_SITE = ("test_teller_link.py", "test_staff_journeys.py")


def pytest_collection_modifyitems(config, items):
    def rank(item):
        name = item.path.name
        return CHANGES_THE_SITE.index(name) + 1 if name in CHANGES_THE_SITE else 0

    items.sort(key=rank)  # stable: every other test keeps its place
