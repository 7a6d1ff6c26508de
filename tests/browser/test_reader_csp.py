"""Readers' pages run under their Content-Security-Policy and Permissions-Policy without a single
violation or a policy Chromium does not understand: every page type in both languages, the 404
and the privacy statement."""

import pytest

from tests.browser import DEMO_PAGES, NOT_FOUND_PAGES, DemoPage
from tests.browser.test_admin_csp import Watched

pytestmark = pytest.mark.browser

PAGES = [
    *DEMO_PAGES,
    *NOT_FOUND_PAGES,
    DemoPage("nl", "privacy", "/nl/privacy/"),
    DemoPage("en", "privacy", "/en/privacy/"),
]


@pytest.fixture(scope="module")
def reader(module_context):
    return Watched(module_context)


@pytest.mark.parametrize("demo", PAGES, ids=str)
def test_reader_page_runs_within_its_policies(reader, demo):
    reader.reset()
    response = reader.page.goto(demo.path)
    assert response.status == (404 if demo.kind == "not-found" else 200)
    assert "default-src 'none'" in response.headers["content-security-policy"]
    reader.page.wait_for_load_state("load")
    reader.assert_clean()
