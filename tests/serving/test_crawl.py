"""A crawl of the demo site: every internal link answers 200, in both languages."""

from collections import deque
from urllib.parse import urldefrag, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.helpers import first_story_path

START = ["/nl/", "/en/"]
SKIP_PREFIXES = ("/admin/", "mailto:", "tel:")


def internal_links(html: str):
    soup = BeautifulSoup(html, "html.parser")
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in soup.find_all(tag):
            url = element.get(attribute)
            if not url:
                continue
            url = urldefrag(url)[0]
            parts = urlsplit(url)
            if parts.scheme or parts.netloc or not url or url.startswith(SKIP_PREFIXES):
                continue
            yield url


@pytest.mark.django_db
def test_every_internal_link_answers_200(client):
    seen, queue, failures = set(START), deque(START), []
    while queue:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code))
            continue
        if "text/html" in response.get("Content-Type", ""):
            for link in internal_links(response.content.decode()):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    assert not failures
    # The crawl reached the pages of both language trees, stories included.
    assert {first_story_path("nl"), first_story_path("en"), "/en/about-comensha/"} <= seen
    assert len(seen) > 20
