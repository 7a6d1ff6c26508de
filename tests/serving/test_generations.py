"""The one generation mechanism (sitewide.caching.generations) that the page cache and the chrome
forget by, and the one module that decides which change renews which generation
(sitewide.caching.signals). What each cache keeps, and when: tests/serving/test_page_cache.py and
tests/serving/test_page_cache_release.py."""

import datetime

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from sitewide.caching import chrome, generations, page_cache
from sitewide.models import LanguageSettings
from tests.helpers import first_story, make_user

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"
ENGLISH = page_cache.generation_name("lang:en")
DUTCH = page_cache.generation_name("lang:nl")
SHARED = page_cache.generation_name(page_cache.SHARED)
INDEX = page_cache.generation_name(page_cache.INDEX)
NAMES = [chrome.GENERATION, ENGLISH, DUTCH, SHARED, INDEX]


def english_settings():
    return LanguageSettings.objects.get(locale__language_code="en")


def changed(before: dict[str, str]) -> set[str]:
    after = generations.current(before)
    return {name for name in before if after[name] != before[name]}


def test_the_chrome_shows_a_saved_setting_at_once():
    assert chrome.language_settings("en")  # kept
    settings = english_settings()
    settings.helpline_phone = "0800 1234567"
    settings.save()
    assert chrome.language_settings("en").helpline_phone == "0800 1234567"


def story_generation(story):
    return page_cache.generation_name(page_cache.page_group(story.translation_key))


def test_a_language_setting_renews_the_chrome_and_the_pages_of_its_language():
    story = first_story("en")
    before = generations.current([*NAMES, story_generation(story)])
    english_settings().save()
    assert changed(before) == {chrome.GENERATION, ENGLISH, SHARED}


def test_publishing_a_live_page_again_renews_what_shows_it_not_its_languages():
    story = first_story("en")
    before = generations.current([*NAMES, story_generation(story)])
    story.save_revision().publish()
    assert changed(before) == {chrome.GENERATION, story_generation(story), INDEX, SHARED}


def test_a_story_saved_with_another_consent_record_renews_every_language():
    """Whether readers see the story changed without a change of publication: a consent change,
    which renews everything, whatever pages showed the story before."""
    story = first_story("en")
    before = generations.current([*NAMES, story_generation(story)])
    story.consent = None
    story.save(update_fields=["consent"], clean=False)
    assert changed(before) == {*NAMES, story_generation(story)}


def test_unpublishing_a_page_renews_every_language():
    story = first_story("en")
    before = generations.current([*NAMES, story_generation(story)])
    story.unpublish()
    assert changed(before) == {*NAMES, story_generation(story)}


def test_saving_what_readers_never_see_renews_no_generation():
    before = generations.current(NAMES)
    make_user("someone-unseen")
    assert changed(before) == set()


def test_readers_counts_written_in_a_batch_renew_no_generation():
    """A page's first count of a day makes a row: the page cache keeps every answer."""
    from stories.reach import counting
    from stories.reach.models import VIEW

    story = first_story("en")
    before = generations.current([*NAMES, story_generation(story)])
    counting.write({(story.pk, "en", datetime.date(2026, 1, 5), VIEW): 3})
    assert changed(before) == set()


def test_a_takedown_renews_the_pages_of_every_language():
    from stories.consent import takedown

    before = generations.current(NAMES)
    takedown.withdraw(first_story("en").consent, reason="test")
    assert {ENGLISH, DUTCH, SHARED} <= changed(before)


def test_generations_are_read_at_once_and_once_per_request(monkeypatch):
    reads = []
    original = generations._read

    def spy(keys, *args, **kwargs):
        reads.append(list(keys))
        return original(keys, *args, **kwargs)

    generations.current(NAMES)  # made, so that reading them only reads
    monkeypatch.setattr(generations, "_read", spy)
    request = RequestFactory().get("/en/")
    assert generations.current(NAMES, request) == generations.current(NAMES)
    assert generations.current([ENGLISH, chrome.GENERATION], request)
    assert reads == [NAMES, NAMES]  # the request's, then the one without a request


def test_a_page_cache_hit_reads_its_generations_at_once_and_nothing_else(client, monkeypatch):
    """The shared cache is read once on a hit this process served before: the generations of
    its groups (a home page: its language's and the aggregates'; a story: its language's and
    those of the pages it shows)."""
    story = first_story("en")
    client.get("/en/"), client.get(story.url)
    reads, depth = [], []
    # The generations are read in one call (generations._read: one get_many, or a look at each
    # file); anything else read from the shared cache is a read of its own.
    for owner, name in ((cache, "get"), (cache, "get_many"), (generations, "_read")):
        original = getattr(owner, name)

        def spy(key, *args, _original=original, **kwargs):
            if not depth:  # get_many and _read may read through get: one read
                keys = [key] if isinstance(key, str) else list(key)
                reads.append([key for key in keys if key.startswith("sitewide:")])
            depth.append(1)
            try:
                return _original(key, *args, **kwargs)
            finally:
                depth.pop()

        monkeypatch.setattr(owner, name, spy)
    assert client.get("/en/")[HEADER] == "hit"
    assert [keys for keys in reads if keys] == [[ENGLISH, INDEX]]
    reads.clear()
    assert client.get(story.url)[HEADER] == "hit"
    [read] = [keys for keys in reads if keys]
    assert read[0] == ENGLISH and story_generation(story) in read and INDEX not in read


def test_the_chrome_is_rebuilt_after_every_save_within_one_transaction():
    """A transaction renews a generation at once only once, unless something was kept under it
    since: the chrome keeping a value counts."""
    built = []
    for _ in range(3):
        chrome._cached("probe", lambda: built.append(1) or "value")
        english_settings().save()
    chrome._cached("probe", lambda: built.append(1) or "value")
    assert len(built) == 4


def test_the_chrome_is_read_from_the_process_until_its_generation_is_renewed():
    """A chrome value is read from the shared cache once per process and generation: gone from
    the shared cache, it is still served by the process; a save renews it in either."""
    built = []
    chrome._cached("probe", lambda: built.append(1) or "value")
    cache.delete_many([key for key in chrome._process if key.endswith(":probe")])
    assert chrome._cached("probe", lambda: built.append(1) or "other") == "value"
    english_settings().save()
    assert chrome._cached("probe", lambda: built.append(1) or "other") == "other"
    assert len(built) == 2


def test_a_transaction_renews_its_generations_once_more_on_commit_in_one_callback(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        english_settings().save()
        english_settings().save()
        first_story("en").save_revision().publish()
    renewals = [func for func in callbacks if isinstance(func, generations._RenewalOnCommit)]
    assert len(renewals) == 1
    story = story_generation(first_story("en"))
    assert {chrome.GENERATION, ENGLISH, INDEX, SHARED, story} <= set(renewals[0].renewed)
    before = generations.current(renewals[0].renewed)
    renewals[0]()
    assert changed(before) == set(renewals[0].renewed)


def _aged(backend, name: str) -> None:
    """The generation's file as if written two seconds ago (settled: remembered when read)."""
    import os
    import time

    path = backend._key_to_file(name)
    old = time.time_ns() - 2 * generations.SETTLED_NS
    os.utime(path, ns=(old, old))


def test_generations_in_files_are_remembered_until_any_process_renews_them(monkeypatch):
    """Without Redis: a settled generation is read once from its file; a renewal by another
    process (another cache object on the same folder) is seen at the next read."""
    from django.core.cache import caches
    from django.core.cache.backends.filebased import FileBasedCache

    backend = caches["default"]
    assert isinstance(backend, FileBasedCache)
    other_process = FileBasedCache(backend._dir, {})
    name = "sitewide:test:generation"
    other_process.set(name, "first", None)
    _aged(backend, name)
    assert generations.current([name]) == {name: "first"}

    reads = []
    original = FileBasedCache.get
    monkeypatch.setattr(
        FileBasedCache, "get", lambda self, *a, **k: reads.append(a[0]) or original(self, *a, **k)
    )
    assert generations.current([name]) == {name: "first"} and reads == []  # remembered

    other_process.set(name, "second", None)
    assert generations.current([name]) == {name: "second"}  # renewed in a file: read again
    other_process.set(name, "third", None)  # within the same second: never remembered
    assert generations.current([name]) == {name: "third"}
    other_process.delete(name)
    assert generations.current([name])[name] not in {"first", "second", "third"}
