"""Answers kept by one release are never served by the next (a deploy changes what a page says,
or what the API refuses); a renewal reaches the entries of every release."""

import pytest

from sitewide.caching import page_cache, release
from stories.consent import takedown
from tests.helpers import first_story

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


@pytest.fixture
def another_release(monkeypatch):
    def switch(name):
        monkeypatch.setattr(release, "release", lambda: name)
        page_cache._memory.clear()  # each worker of the new release starts with its own memory

    return switch


@pytest.mark.parametrize(
    "url", ["/api/v2/pages/?fields=-title", "/en/", "/api/v2/settings/?locale=de"]
)
def test_an_answer_kept_by_an_earlier_release_is_not_served(client, another_release, url):
    another_release("before")
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"
    another_release("after")
    assert client.get(url)[HEADER] == "miss"
    assert client.get(url)[HEADER] == "hit"


def test_a_withdrawal_during_a_deploy_reaches_the_entries_of_both_releases(client, another_release):
    story = first_story("en")
    another_release("before")
    assert client.get(story.url).status_code == 200
    another_release("after")
    assert client.get(story.url).status_code == 200
    assert client.get(story.url)[HEADER] == "hit"
    takedown.withdraw(story.consent, reason="a deploy is under way")
    for name in ("before", "after"):
        another_release(name)
        assert client.get(story.url).status_code == 404, name


def test_the_release_is_read_from_the_code_and_changes_with_it(tmp_path, settings):
    release.release.cache_clear()
    try:
        settings.BASE_DIR = tmp_path
        for folder in release.RELEASE_FOLDERS:
            (tmp_path / folder).mkdir()
        (tmp_path / "templates" / "page.html").write_text("<p>one</p>")
        first = release.release()
        release.release.cache_clear()
        assert release.release() == first  # the same code, the same release
        (tmp_path / "templates" / "page.html").write_text("<p>two</p>")
        release.release.cache_clear()
        assert release.release() != first
    finally:
        release.release.cache_clear()


def test_the_chromes_shared_cache_is_kept_apart_by_release_too(client, monkeypatch):
    """The settings a language falls back to, the menus: what an earlier release worked out is
    not read by the next (its rules may differ)."""
    from sitewide.caching import chrome

    built = []
    monkeypatch.setattr(release, "release", lambda: "before")
    chrome._cached("probe", lambda: built.append(1) or "one")
    chrome._cached("probe", lambda: built.append(1) or "one")
    assert len(built) == 1
    monkeypatch.setattr(release, "release", lambda: "after")
    chrome._cached("probe", lambda: built.append(1) or "two")
    assert len(built) == 2
