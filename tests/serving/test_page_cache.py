"""The full-page cache for anonymous readers (sitewide.caching.page_cache): what it keeps, for whom,
and that every change readers must see renews it. (The leak matrix runs every consent state with a
primed cache too: tests/consent/test_consent_leaks.py.)"""

import datetime
import http.server
import threading

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.utils import timezone
from wagtail.models import Locale

from sitewide.caching import page_cache
from sitewide.models import LanguageSettings
from stories.consent import takedown
from stories.signals import stories_taken_down
from tests.helpers import FIRST_PSEUDONYM, first_story, make_user

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


def get(client, url, **headers):
    return client.get(url, headers=headers)


def test_a_second_anonymous_request_is_served_from_the_cache_with_the_same_bytes(client):
    url = first_story("en").url
    first = get(client, url)
    second = get(client, url)
    assert first[HEADER] == "miss" and second[HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Length"] == str(len(first.content))
    assert second["Content-Type"] == first["Content-Type"]


@pytest.mark.parametrize(
    "url", ["/en/", "/en/stories/", "/sitemap.xml", "/en/news/feed/rss/", "/api/v2/pages/"]
)
def test_listings_feeds_sitemap_and_api_are_kept_too(client, url):
    get(client, url)
    assert get(client, url)[HEADER] == "hit"


def test_anonymous_answers_set_no_cookie_and_do_not_vary_on_cookies(client):
    for url in (first_story("en").url, "/en/", "/api/v2/pages/", "/sitemap.xml"):
        for response in (get(client, url), get(client, url)):
            assert not response.cookies, url
            assert "Set-Cookie" not in response, url
            assert "cookie" not in response.get("Vary", "").lower(), url


def test_shared_caches_may_keep_an_answer_until_midnight_at_the_latest(client):
    response = get(client, "/en/")
    directives = dict(
        part.strip().partition("=")[::2] for part in response["Cache-Control"].split(",")
    )
    assert "public" in directives and directives["max-age"] == "0"
    assert 0 < int(directives["s-maxage"]) <= page_cache.seconds_until_midnight() + 1


def test_no_entry_outlives_local_midnight():
    """Consent is decided per day: what ends tomorrow must not be served from today's cache."""
    amsterdam = timezone.get_current_timezone()
    evening = datetime.datetime(2026, 11, 24, 23, 59, 30, tzinfo=amsterdam)
    morning = datetime.datetime(2026, 11, 24, 8, 0, tzinfo=amsterdam)
    assert page_cache.seconds_until_midnight(evening) == 30
    assert page_cache.lifetime(evening) == 30
    assert page_cache.lifetime(morning) == 3600  # PAGE_CACHE_SECONDS


def test_an_entry_is_stored_for_no_longer_than_until_midnight(client, monkeypatch):
    monkeypatch.setattr(page_cache, "seconds_until_midnight", lambda now=None: 5)
    stored = {}
    original = cache.set

    def spy(key, value, timeout=None, *args, **kwargs):
        if key.startswith("sitewide:page-cache:entry:"):
            stored[key] = timeout
        return original(key, value, timeout, *args, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    get(client, "/en/")
    assert list(stored.values()) == [5]


def test_signed_in_staff_never_get_or_fill_the_cache(client):
    url = first_story("en").url
    get(client, url)  # kept for anonymous readers
    client.force_login(make_user("editor-cache", superuser=True))
    for _ in range(2):
        response = get(client, url)
        assert HEADER not in response
    client.logout()
    assert get(client, url)[HEADER] == "hit"


def test_other_methods_and_admin_pages_are_not_kept(client):
    assert HEADER not in client.post("/en/search/", {"q": "x"})
    assert HEADER not in client.head("/en/")
    assert HEADER not in get(client, "/admin/login/")


@pytest.fixture
def one_story_a_page(monkeypatch):
    from stories.models import StoryIndexPage

    monkeypatch.setattr(StoryIndexPage, "per_page", 1)  # the demo's stories make several pages
    return StoryIndexPage.objects.get(locale__language_code="en").stories().count()


def test_query_strings_a_page_reads_are_kept_apart(client, one_story_a_page):
    assert get(client, "/en/stories/?page=2")[HEADER] == "miss"
    assert get(client, "/en/stories/?page=3")[HEADER] == "miss"
    assert get(client, "/en/stories/?page=2")[HEADER] == "hit"


def test_a_page_number_written_otherwise_is_sent_on_and_kept_nowhere(client, one_story_a_page):
    """Every value of ?page= that is not a page written as its number redirects to the address
    of what it asked for; only real pages make cache entries."""
    last = one_story_a_page
    assert get(client, "/en/stories/")[HEADER] == "miss"
    for value, target in [
        ("1", "/en/stories/"),
        ("abc", "/en/stories/"),
        ("abd", "/en/stories/"),
        ("-1", "/en/stories/"),
        ("02", "/en/stories/?page=2"),
        ("0", "/en/stories/"),
        ("%202", "/en/stories/"),
        ("2.0", "/en/stories/"),
        ("9" * 5000, f"/en/stories/?page={last}"),
        ("99998", f"/en/stories/?page={last}"),
        ("99998&theme=nothing", f"/en/stories/?page={last}&theme=nothing"),
    ]:
        for _ in range(2):
            response = get(client, f"/en/stories/?page={value}")
            assert response.status_code == 302, value
            assert response["Location"] == target, value
            assert HEADER not in response, value
    assert get(client, "/en/stories/")[HEADER] == "hit"
    assert get(client, f"/en/stories/?page={last}")[HEADER] == "miss"
    assert get(client, f"/en/stories/?page={last}")[HEADER] == "hit"


def test_what_a_reader_searched_for_is_kept_nowhere(client):
    for _ in range(2):
        response = get(client, "/en/search/?q=passport")
        assert response.status_code == 200 and HEADER not in response
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert get(client, "/en/search/")[HEADER] == "miss"  # the empty search form is kept


def test_switched_off_by_setting(client):
    with override_settings(PAGE_CACHE_ENABLED=False):
        get(client, "/en/")
        assert HEADER not in get(client, "/en/")


def test_api_answers_keep_their_per_request_cors_and_etag(client, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://partner.example"]  # from API_CORS_ORIGINS
    get(client, "/api/v2/pages/")
    kept = get(client, "/api/v2/pages/", Origin="https://partner.example")
    assert kept[HEADER] == "hit"
    assert kept["Access-Control-Allow-Origin"] == "https://partner.example"
    stranger = get(client, "/api/v2/pages/", Origin="https://other.example")
    assert stranger[HEADER] == "hit" and "Access-Control-Allow-Origin" not in stranger
    not_modified = get(client, "/api/v2/pages/", **{"If-None-Match": kept["ETag"]})
    assert not_modified.status_code == 304


def test_headless_previews_are_never_kept(client):
    from tests.api.test_api_preview import PREVIEW, draft_with_token

    token = draft_with_token(client, first_story("en"))
    for _ in range(2):
        response = client.get(PREVIEW, {"token": token})
        assert response.status_code == 200 and HEADER not in response


def test_publishing_renews_the_page_in_every_language_and_the_aggregates(
    client, django_capture_on_commit_callbacks
):
    page = first_story("en")
    for url in (page.url, "/en/stories/", first_story("nl").url, "/api/v2/pages/"):
        get(client, url)
    page.title = f"{FIRST_PSEUDONYM}, renewed"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    renewed = get(client, page.url)
    assert renewed[HEADER] == "miss" and f"{FIRST_PSEUDONYM}, renewed" in renewed.content.decode()
    assert get(client, "/en/stories/")[HEADER] == "miss"
    assert get(client, "/api/v2/pages/")[HEADER] == "miss"
    # The Dutch page names the English one in its language switcher and hreflang links.
    assert get(client, first_story("nl").url)[HEADER] == "miss"


# --- renewal per page: a publication renews the answers that show the page ----------------------


def unrelated_story(story, language="en"):
    """A demo story in `language` that neither shows `story` as a related story nor is shown
    by it."""
    from stories.models import TestimonyPage

    related = {page.translation_key for page in story.visible_related_stories()}
    for other in TestimonyPage.objects.live().filter(locale__language_code=language):
        shows = {page.translation_key for page in other.visible_related_stories()}
        if story.translation_key not in shows | {other.translation_key} | related:
            return other
    raise AssertionError("the demo has no story unrelated to the first")


def story_showing(story):
    """A demo story that shows `story` as a related story card."""
    from stories.models import TestimonyPage

    for other in TestimonyPage.objects.live().filter(locale=story.locale).exclude(pk=story.pk):
        if story in other.visible_related_stories():
            return other
    raise AssertionError("no demo story shows the first as related")


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


STORIES_IN_THE_API = "/api/v2/pages/?type=stories.TestimonyPage&locale=en"
AGGREGATES = ["/en/", "/en/stories/", "/en/news/feed/rss/", "/sitemap.xml", STORIES_IN_THE_API]


def test_publishing_a_story_keeps_the_pages_that_do_not_show_it(
    client, django_capture_on_commit_callbacks
):
    story = first_story("en")
    other = unrelated_story(story)
    for url in (other.url, unrelated_story(story, "nl").url, *AGGREGATES):
        get(client, url)
    story.title = story.quote = "A title published just now"
    publish(story, django_capture_on_commit_callbacks)
    assert get(client, other.url)[HEADER] == "hit"
    assert get(client, unrelated_story(story, "nl").url)[HEADER] == "hit"
    for url in AGGREGATES:
        assert get(client, url)[HEADER] == "miss", url
    for url in ("/en/stories/", STORIES_IN_THE_API):
        assert "A title published just now" in get(client, url).content.decode(), url


def test_a_related_story_card_follows_the_story_at_once(client, django_capture_on_commit_callbacks):
    story = first_story("en")
    showing = story_showing(story)
    assert f'href="{story.url}"' in get(client, showing.url).content.decode()
    assert get(client, showing.url)[HEADER] == "hit"
    story.title = "A card title published just now"
    publish(story, django_capture_on_commit_callbacks)
    response = get(client, showing.url)
    assert response[HEADER] == "miss"
    assert "A card title published just now" in response.content.decode()
    get(client, showing.url)
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    response = get(client, showing.url)
    assert response[HEADER] == "miss" and f'href="{story.url}"' not in response.content.decode()


def test_a_rich_text_link_to_a_story_loses_its_address_when_the_story_goes(
    client, django_capture_on_commit_callbacks
):
    story = first_story("en")
    linking = unrelated_story(story)
    body = list(linking.body.raw_data)
    link = f'<p>Read <a linktype="page" id="{story.pk}">her story</a> here.</p>'
    body.append({"type": "text", "value": link, "id": "0b5f5a1e-link"})
    linking.body = body
    publish(linking, django_capture_on_commit_callbacks)
    linking.refresh_from_db()
    assert f'href="{story.url}"' in get(client, linking.url).content.decode()
    assert get(client, linking.url)[HEADER] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()
    response = get(client, linking.url)
    assert response[HEADER] == "miss"
    assert f'href="{story.url}"' not in response.content.decode()
    assert "her story" in response.content.decode()


def test_a_translation_published_refreshes_the_switchers_of_the_others(
    client, django_capture_on_commit_callbacks
):
    english, dutch = first_story("en"), first_story("nl")
    with django_capture_on_commit_callbacks(execute=True):
        dutch.unpublish()
    assert 'hreflang="nl"' not in get(client, english.url).content.decode()
    assert get(client, english.url)[HEADER] == "hit"
    publish(dutch, django_capture_on_commit_callbacks)
    response = get(client, english.url)
    assert response[HEADER] == "miss" and 'hreflang="nl"' in response.content.decode()
    # Published again with the same address: the other languages' answers are renewed still.
    get(client, english.url)
    dutch.refresh_from_db()
    publish(dutch, django_capture_on_commit_callbacks)
    assert get(client, english.url)[HEADER] == "miss"


def test_a_menu_pages_new_title_reaches_every_page_of_the_language(
    client, django_capture_on_commit_callbacks
):
    from sitewide.models import InformationPage

    menu_page = InformationPage.objects.filter(
        locale__language_code="en", show_in_menus=True
    ).first()
    story = first_story("en")
    urls = [story.url, unrelated_story(story).url, "/en/"]
    for url in urls:
        get(client, url)
    menu_page.title = "A menu title published just now"
    publish(menu_page, django_capture_on_commit_callbacks)
    for url in urls:
        response = get(client, url)
        assert response[HEADER] == "miss", url
        assert "A menu title published just now" in response.content.decode(), url


def test_an_answer_rendered_while_a_page_changed_is_not_kept(client):
    """A page's answer is kept under the generations of the pages it showed, read after it
    rendered: a page published meanwhile could have been read as it was, so nothing is kept."""
    from django.test.signals import template_rendered

    story, other = first_story("en"), first_story("nl")

    def publish_during_rendering(sender, template, **kwargs):
        if template.name == "stories/testimony_page.html":
            template_rendered.disconnect(publish_during_rendering)
            other.save_revision().publish()

    template_rendered.connect(publish_during_rendering)
    try:
        assert get(client, story.url)[HEADER] == "miss"
    finally:
        template_rendered.disconnect(publish_during_rendering)
    assert get(client, story.url)[HEADER] == "miss"
    assert get(client, story.url)[HEADER] == "hit"


def test_a_withdrawal_takes_the_story_out_of_every_kept_answer(
    client, django_capture_on_commit_callbacks
):
    page = first_story("en")
    urls = [page.url, "/en/stories/", "/sitemap.xml", "/api/v2/pages/?locale=en"]
    for url in urls:
        assert (
            page.url in get(client, url).content.decode()
            or FIRST_PSEUDONYM in get(client, url).content.decode()
        ), url
    with django_capture_on_commit_callbacks(execute=True):
        takedown.withdraw(page.consent, reason="test")
    assert get(client, page.url).status_code == 404
    for url in urls[1:]:
        response = get(client, url)
        assert response[HEADER] == "miss", url
        assert page.url not in response.content.decode(), url
        assert f"/api/v2/pages/{page.pk}/" not in response.content.decode(), url


def test_a_language_setting_renews_only_its_language(client):
    get(client, "/en/"), get(client, "/nl/")
    settings_en = LanguageSettings.objects.get(locale=Locale.objects.get(language_code="en"))
    settings_en.helpline_phone = "0800 0000000"
    settings_en.save()
    assert get(client, "/en/")[HEADER] == "miss"
    assert get(client, "/nl/")[HEADER] == "hit"


def test_saving_what_readers_never_see_renews_nothing(client):
    get(client, "/en/")
    make_user("someone-new")
    assert get(client, "/en/")[HEADER] == "hit"


def test_renditions_made_after_publishing_renew_the_pages(client):
    from longread.renditions import prepare_renditions

    get(client, "/en/")
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    image.renditions.all().delete()
    prepare_renditions.call([image.pk])
    assert get(client, "/en/")[HEADER] == "miss"


class _PurgeReceiver(http.server.BaseHTTPRequestHandler):
    received: list = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        self.received.append((self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_receiver():
    server = http.server.HTTPServer(("127.0.0.1", 0), _PurgeReceiver)
    _PurgeReceiver.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", _PurgeReceiver.received
    server.shutdown()


def test_a_cdn_is_purged_of_the_same_urls(client, settings, purge_receiver, task_worker):
    location, received = purge_receiver
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    page = first_story("en")
    showing, unrelated = story_showing(page).url, unrelated_story(page).url
    for url in (page.url, "/en/stories/", "/nl/", "/api/v2/pages/", showing, unrelated):
        get(client, url)
    page.title = f"{FIRST_PSEUDONYM}, purged"
    page.save_revision().publish()
    task_worker()  # the purge is a task: the worker calls the CDN, not the editor's request
    paths = {path for _host, path in received}
    assert {page.url, "/en/stories/", "/nl/", "/api/v2/pages/", showing} <= paths
    assert unrelated not in paths  # kept by the page cache, so kept by the CDN too
    assert {host for host, _path in received} == {"testserver"}
    # English settings renew the English pages (and the API), not the Dutch ones.
    received.clear()
    for url in ("/en/", "/nl/"):
        get(client, url)
    settings_en = LanguageSettings.objects.get(locale=Locale.objects.get(language_code="en"))
    settings_en.save()
    task_worker()
    paths = {path for _host, path in received}
    assert "/en/" in paths and "/nl/" not in paths


def test_a_takedown_purges_the_storys_files_on_the_public_address(
    settings, purge_receiver, task_worker
):
    """The files of a story taken down are purged where readers fetched them: the public
    site's address (SITE_BASE_URL), not the admin's."""
    location, received = purge_receiver
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": location,
        }
    }
    settings.SITE_BASE_URL = "http://verhalen.example.org"
    settings.WAGTAILADMIN_BASE_URL = "http://beheer.example.org"
    page = first_story("en")
    stories_taken_down.send(sender=None, page_ids=[page.pk])
    task_worker()  # purges are tasks: the worker calls the CDN
    files = [(host, path) for host, path in received if "/media/" in path]
    assert files, received
    assert {host for host, _path in files} == {"verhalen.example.org"}


def _entry_writes(monkeypatch):
    written = []
    original = cache.set

    def spy(key, value, timeout=None, *args, **kwargs):
        if key.startswith("sitewide:page-cache:entry:"):
            written.append(key)
        return original(key, value, timeout, *args, **kwargs)

    monkeypatch.setattr(cache, "set", spy)
    return written


def test_the_scheme_is_part_of_the_key(client):
    """An https answer names https addresses: it is never served to a plain request."""
    assert get(client, "/api/v2/pages/")[HEADER] == "miss"
    assert client.get("/api/v2/pages/", secure=True)[HEADER] == "miss"
    assert client.get("/api/v2/pages/", secure=True)[HEADER] == "hit"
    assert get(client, "/en/")[HEADER] == "miss"
    assert client.get("/en/", secure=True)[HEADER] == "miss"


def test_parameters_a_page_does_not_read_make_no_entry(client, monkeypatch):
    clean = get(client, "/en/stories/")
    written = _entry_writes(monkeypatch)
    for number in range(5):
        response = get(client, f"/en/stories/?utm_source=mail{number}&x={number}")
        assert response.status_code == 200
        assert response[HEADER] == "hit"  # the clean page's answer: the page reads neither
        assert response.content == clean.content
    assert written == []


def test_parameters_a_page_reads_make_their_own_entry(client):
    everyone = get(client, "/en/stories/").content
    survivors = get(client, "/en/stories/?kind=survivor")
    assert survivors[HEADER] == "miss" and survivors.content != everyone
    assert get(client, "/en/stories/?kind=survivor")[HEADER] == "hit"
    # Parameters in another order, or with an unread one next to them, find the same entry.
    again = get(client, "/en/stories/?utm_source=mail&kind=survivor")
    assert again[HEADER] == "hit" and again.content == survivors.content
    assert get(client, "/en/stories/?kind=professional")[HEADER] == "miss"


def test_an_unread_parameter_never_brings_its_text_into_an_entry(client, monkeypatch):
    """A request with a parameter the page did not read is rendered and not kept, so nothing it
    carried can reach another reader."""
    written = _entry_writes(monkeypatch)
    response = get(client, "/en/stories/?kind=survivor&note=%3Cb%3Ehello%3C/b%3E")
    assert response.status_code == 200 and response[HEADER] == "miss"
    assert written == []
    assert get(client, "/en/stories/?kind=survivor")[HEADER] == "miss"
    assert len(written) == 1


def test_a_kept_answer_is_served_only_to_requests_that_agree_on_what_the_page_read(client):
    """Names a page read while absent count too: before the path is known to read `kind`, the
    clean page's answer (rendered without it) is still not served to a request that sets it."""
    everyone = get(client, "/en/stories/")
    survivors = get(client, "/en/stories/?kind=survivor")
    assert survivors[HEADER] == "miss" and survivors.content != everyone.content


def test_the_bench_bypass_is_off_unless_configured(client, settings):
    get(client, "/en/")
    assert get(client, "/en/", **{"X-Page-Cache-Bypass": ""})[HEADER] == "hit"
    settings.PAGE_CACHE_BYPASS_TOKEN = "bench-token"
    assert get(client, "/en/", **{"X-Page-Cache-Bypass": "wrong"})[HEADER] == "hit"
    for _ in range(2):
        assert get(client, "/en/", **{"X-Page-Cache-Bypass": "bench-token"})[HEADER] == "miss"


def test_the_deployment_check_refuses_the_bench_bypass(settings):
    assert page_cache.check_no_bench_bypass() == []
    settings.PAGE_CACHE_BYPASS_TOKEN = "bench-token"
    assert [problem.id for problem in page_cache.check_no_bench_bypass()] == ["sitewide.W110"]
