"""The leak matrix: every registered public surface × every consent state × every language.

A story whose consent does not cover a language or channel must not reach readers anywhere:
neither its pseudonym, nor its quote, nor a link to the page.
"""

import datetime
import io
import re
import shutil
from urllib.parse import parse_qs, urlsplit

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from django.utils.html import escape
from wagtail.models import Locale

from stories import consent
from stories.consent import scope
from stories.consent.surfaces import SURFACES, covered_url_names
from stories.models import ConsentWithdrawal, TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, FIRST_SLUG, SECOND_PSEUDONYM
from tests.skip_rule import OTHER_DATABASE, suite_on_postgres

pytestmark = pytest.mark.django_db

PSEUDONYM = FIRST_PSEUDONYM
# The demo has the first testimony in Dutch, English and (right to left) Arabic.
LANGUAGES = ("nl", "en", "ar")
ALL = set(LANGUAGES)


def first_story():
    """The first demo testimony's pages, by language."""
    return {
        page.locale.language_code: page
        for page in TestimonyPage.objects.filter(pseudonym=PSEUDONYM).select_related("locale")
    }


def today():
    return timezone.localdate()


# Each state changes the first testimony's consent and says in which languages readers may still
# see her.
def state_valid(record):
    return ALL


def state_expired(record):
    record.expires_on = today()
    record.save()
    return set()


def state_not_yet_given(record):
    record.given_on = today() + datetime.timedelta(days=3)
    record.save()
    return set()


def state_withdrawn(record):
    ConsentWithdrawal.objects.create(record=record, withdrawn_on=today(), reason="x")
    return set()


def state_website_withdrawn(record):
    ConsentWithdrawal.objects.create(
        record=record, withdrawn_on=today(), part=consent.WEBSITE, reason="x"
    )
    return set()


def state_english_withdrawn(record):
    ConsentWithdrawal.objects.create(
        record=record,
        withdrawn_on=today(),
        part=ConsentWithdrawal.LANGUAGE,
        language=Locale.objects.get(language_code="en"),
        reason="x",
    )
    return ALL - {"en"}


def state_english_not_allowed(record):
    record.languages.remove(Locale.objects.get(language_code="en"))
    record.save()  # parental many-to-many changes are written on save
    return ALL - {"en"}


def state_website_not_allowed(record):
    record.allows_website = False
    record.save()
    return set()


def state_missing(record):
    # Saved as the editor saves it (signals included), not by a bulk update behind the app's back.
    for page in TestimonyPage.objects.filter(consent=record):
        page.consent = None
        page.save(clean=False, update_fields=["consent"])
    return set()


def state_api_withdrawn(record):
    ConsentWithdrawal.objects.create(
        record=record, withdrawn_on=today(), part=consent.API, reason="x"
    )
    return ALL


def state_api_not_allowed(record):
    record.allows_api = False
    record.save()
    return ALL


STATES = [
    state_valid,
    state_expired,
    state_not_yet_given,
    state_withdrawn,
    state_website_withdrawn,
    state_english_withdrawn,
    state_english_not_allowed,
    state_website_not_allowed,
    state_missing,
    state_api_withdrawn,
    state_api_not_allowed,
]

# Where the API channel's visibility differs from the website's (what each state returns).
API_VISIBLE = {
    state_website_withdrawn: ALL,
    state_website_not_allowed: ALL,
    state_api_withdrawn: set(),
    state_api_not_allowed: set(),
}


def fetch(client, url):
    """Status and HTML (or JSON) of a URL, without the echo of the reader's own search words.
    API lookups (`find`) redirect to the page's detail, which is followed; API filters naming
    a page the API does not show answer 400, as for a page that does not exist."""
    api = url.startswith("/api/")
    response = client.get(url, follow=api)
    assert response.status_code in ((200, 400, 404) if api else (200, 404)), (url, response)
    html = response.content.decode()
    query = parse_qs(urlsplit(url).query).get("q", [""])[0]
    if query:
        html = html.replace(f'value="{escape(query)}"', "")
        # "Nothing found for “…”" in every language's quotation marks.
        for before, after in (("“", "”"), ("«", "»"), ("„", "“"), ("„", "”"), ("« ", " »")):
            html = html.replace(f"{before}{escape(query)}{after}", "")
    return response.status_code, html


CHANNELS = (consent.WEBSITE, consent.API)

# Both runs render every surface after the change (the primed cache is renewed, so each surface is
# rendered again from the database): the SQL rule is checked on PostgreSQL by the primed half. The
# cold half differs only in what was served before the change, which no database decides; it runs
# once, on SQLite, so that CI stays within its time.
CACHES = [
    pytest.param(
        "cold",
        marks=pytest.mark.skipif(
            suite_on_postgres(),
            reason=f"{OTHER_DATABASE}: the cold-cache half of the matrix runs on SQLite; the "
            "primed half renders every surface again from PostgreSQL",
        ),
    ),
    "primed",
]


# What the shared cache holds once a channel's every surface was served, per process: a copy
# of the cache's folder (file cache). Every test starts from the same database (its changes are
# rolled back), so every surface serves the same then; the first primed test of a channel serves
# them, later ones start from the copy of what it kept.
_PRIMED: dict[str, str] = {}


def _prime(client, channel, urls, own_urls, folder):
    from django.core.cache import cache

    if channel in _PRIMED:
        shutil.copytree(_PRIMED[channel], cache._dir, dirs_exist_ok=True)
        if client.get(own_urls[0]).headers.get("X-Page-Cache") == "hit":
            return
        cache.clear()  # kept no longer (past midnight, say): served again below
    for url in [*urls, *own_urls]:
        fetch(client, url)
    shutil.copytree(cache._dir, folder / channel, dirs_exist_ok=True)
    _PRIMED[channel] = str(folder / channel)


@pytest.mark.parametrize("cache", CACHES)
@pytest.mark.parametrize("channel", CHANNELS)
@pytest.mark.parametrize("apply_state", STATES, ids=[state.__name__[6:] for state in STATES])
def test_story_reaches_readers_only_where_consent_covers_it(
    client, apply_state, channel, cache, tmp_path_factory
):
    """With a primed cache, every surface was served (and kept by the page cache) before the
    consent changed: what readers get afterwards must follow the new state all the same."""
    pages = first_story()
    record = pages["nl"].consent
    # Each address once, whichever language's page named it (listings, feeds and the sitemap are
    # named by every language's page): every address is checked for every language below.
    urls = {
        url: surface.name
        for page in pages.values()
        for surface in SURFACES.values()
        if surface.channel == channel
        for url in surface.urls_for(page)
    }
    assert urls, f"no surface registered for {channel}"
    quotes = {language: page.quote for language, page in pages.items()}
    if cache == "primed":
        own_urls = [
            page.url if channel == consent.WEBSITE else f"/api/v2/pages/{page.pk}/"
            for page in pages.values()
        ]
        _prime(client, channel, urls, own_urls, tmp_path_factory.getbasetemp() / "primed")
        assert client.get(own_urls[0]).headers.get("X-Page-Cache") == "hit"
    visible = apply_state(record)
    if channel == consent.API:
        visible = API_VISIBLE.get(apply_state, visible)

    for language in LANGUAGES:
        page = pages[language]
        own_url = page.url if channel == consent.WEBSITE else f"/api/v2/pages/{page.pk}/"
        status, _ = fetch(client, own_url)
        assert (status == 200) == (language in visible), (language, status)

    for url, surface_name in sorted(urls.items()):
        status, html = fetch(client, url)
        if status == 404:
            continue
        for language in LANGUAGES:
            hidden = language not in visible
            where = f"{surface_name} {url} ({language})"
            if hidden:
                assert quotes[language] not in html, f"quote leaks on {where}"
                assert f'"{pages[language].url}"' not in html, f"link leaks on {where}"
                assert pages[language].full_url not in html, f"URL leaks on {where}"
        if not visible:
            assert PSEUDONYM not in html, f"pseudonym leaks on {surface_name} {url}"


def test_positive_control_every_surface_shows_a_consented_story(client):
    """The matrix can fail: with valid consent, each surface does show the story somewhere."""
    pages = first_story()
    for surface in SURFACES.values():
        if not surface.shows_stories:
            continue
        shown = False
        for page in pages.values():
            for url in surface.urls_for(page):
                _, html = fetch(client, url)
                if page.quote in html or page.url in html or PSEUDONYM in html:
                    shown = True
        assert shown, f"{surface.name} never shows the consented story"


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name


def test_every_public_url_is_covered_by_a_registered_surface():
    uncovered = [
        (route, name)
        for route, name in walk(get_resolver().url_patterns)
        if not route.startswith("admin/") and name not in covered_url_names()
    ]
    assert not uncovered, f"Register these as surfaces or exemptions: {uncovered}"


def test_python_explanation_agrees_with_the_sql_rule():
    """ConsentRecord.problem() explains what consent.visible_pages() decides."""
    for apply_state in [state for state in STATES if state is not state_missing]:
        pages = first_story()
        record = pages["nl"].consent
        with scope.quiet():  # the rule itself, without the takedown a change acts on
            apply_state(record)
        record.refresh_from_db()
        for language, page in pages.items():
            sql_visible = consent.page_is_visible(page)
            explanation = record.problem(consent.WEBSITE, language, today())
            assert sql_visible == (explanation is None), (apply_state.__name__, language)
        # Undo for the next state.
        record.withdrawals.all().delete()
        record.expires_on = None
        record.given_on = today() - datetime.timedelta(days=120)
        record.allows_website = True
        record.allows_api = True
        record.languages.set(Locale.objects.filter(language_code__in=LANGUAGES))
        with scope.quiet():
            record.save()


def test_share_links_and_social_previews_follow_the_social_scope(client):
    pages = first_story()
    record = pages["nl"].consent
    html = client.get(pages["en"].url).content.decode()
    assert record.allows_social
    assert 'property="og:title"' in html and "data-share-link" in html
    record.allows_social = False
    record.save()
    for page in pages.values():
        html = client.get(page.url).content.decode()
        assert 'property="og:' not in html
        assert "data-share-link" not in html
        assert page.quote in html  # the page itself is still shown: only sharing is off
    # The second demo testimony's consent never allowed social sharing.
    second = TestimonyPage.objects.get(pseudonym=SECOND_PSEUDONYM, locale__language_code="nl")
    assert "data-share-link" not in client.get(second.url).content.decode()


# --- files, redirects ---------------------------------------------------------------------------


def file_urls(html: str, folder: str) -> set[str]:
    import re

    return set(re.findall(rf"(/media/{folder}/[\w./-]+)", html))


def used_by_no_other_page(urls: set[str], pages) -> set[str]:
    """The files among `urls` whose image no page but `pages` uses (the demo's illustrations
    are shared between stories, and a shared file rightly stays while another page shows it)."""
    from wagtail.images import get_image_model
    from wagtail.models import ReferenceIndex

    renditions = get_image_model().get_rendition_model()
    own = {str(page.pk) for page in pages}
    kept = set()
    for url in urls:
        rendition = (
            renditions.objects.filter(file=url.removeprefix("/media/"))
            .select_related("image")
            .first()
        )
        if rendition is None or not (
            ReferenceIndex.get_references_to(rendition.image).exclude(object_id__in=own).exists()
        ):
            kept.add(url)
    return kept


def test_files_follow_their_pages(client):
    """A withdrawn story's renditions and audio answer 404 at once; while it is shown they
    are served with a short cache lifetime, never `immutable`."""
    from stories.consent.takedown import withdraw

    page = first_story()["en"]
    html = client.get(page.url).content.decode()
    images, audio = file_urls(html, "images"), file_urls(html, "media_files")
    assert images and audio, "the demo story shows images and plays audio"
    for url in images | audio:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == "public, max-age=300"
        b"".join(response.streaming_content) if response.streaming else response.content
    only_this_story = used_by_no_other_page(images, first_story().values())
    assert only_this_story, "the demo story shows an image no other page uses"
    withdraw(page.consent, reason="x")
    for url in only_this_story | audio:
        assert client.get(url).status_code == 404, url
    # Staff still see them (the image library, drafts), never kept by a shared cache; but
    # only once signed in with the second factor: a password alone sees what readers see.
    from tests.helpers import make_user

    staff = make_user("staff", superuser=True)
    client.post("/admin/login/", {"username": "staff", "password": "a-long-test-passphrase"})
    assert client.session.get("_auth_user_id") == str(staff.pk)
    assert client.get(sorted(only_this_story)[0]).status_code == 404
    client.force_login(staff)  # with the second factor (tests/conftest.py)
    response = client.get(sorted(only_this_story)[0])
    assert response.status_code == 200 and response["Cache-Control"] == "private, no-store"


def test_a_file_another_visible_page_uses_stays(client):
    from stories.consent.takedown import withdraw

    pages = first_story()
    hero = pages["en"].hero_image
    second = TestimonyPage.objects.get(pseudonym=SECOND_PSEUDONYM, locale__language_code="en")
    second.consent.allows_photos = True
    second.consent.save()
    second.hero_image = hero
    second.hero_alt_text = "A shared illustration"
    second.save_revision().publish()
    html = client.get(second.url).content.decode()
    shared = file_urls(html, "images")
    assert shared
    withdraw(pages["en"].consent, reason="x")
    for url in shared:
        assert client.get(url).status_code == 200, url


def demo_images_as_photos():
    """The demo's pictures are illustrations, shown whatever the photo permission says; here
    they stand for photos of the teller."""
    from wagtail.images import get_image_model

    model = get_image_model()
    model.objects.update(kind=model.PHOTO)


def test_without_photo_permission_no_image_of_the_story_is_shown_or_served(client):
    demo_images_as_photos()
    pages = first_story()
    page = pages["en"]
    html = client.get(page.url).content.decode()
    images = file_urls(html, "images")
    assert images and 'property="og:image"' in html
    only_this_story = used_by_no_other_page(images, first_story().values())
    assert only_this_story, "the demo story shows an image no other page uses"
    record = page.consent
    record.allows_photos = False
    record.save()
    html = client.get(page.url).content.decode()
    assert not file_urls(html, "images")
    assert 'property="og:image"' not in html
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["hero_image"] is None
    assert "/media/images/" not in str(detail["body"])
    for url in only_this_story:
        assert client.get(url).status_code == 404, url
    assert page.media_allowed()["photos"] is False


def test_without_photo_permission_no_card_shows_the_story_picture(client):
    """Home cards follow the photo permission like the story page."""
    from bs4 import BeautifulSoup

    def card_images(html, url):
        soup = BeautifulSoup(html, "html.parser")
        links = [link for link in soup.select("main a") if link.get("href") == url]
        assert links, "the home page links to the story"
        return [image for link in links for image in link.find_all("img")]

    demo_images_as_photos()
    page = first_story()["en"]
    record = page.consent
    record.allows_photos = True
    record.save()
    assert card_images(client.get("/en/").content.decode(), page.url)
    record.allows_photos = False
    record.save()
    assert not card_images(client.get("/en/").content.decode(), page.url)


def test_without_photo_permission_illustrations_stay(client):
    """An illustration shows no one: a story without photo permission keeps it (the hero,
    the body's pictures, the API and the files), while a photo in the same place goes."""
    from wagtail.images import get_image_model

    page = first_story()["en"]
    record = page.consent
    record.allows_photos = False
    record.save()
    html = client.get(page.url).content.decode()
    images = file_urls(html, "images")
    assert images and 'property="og:image"' in html
    for url in images:
        assert client.get(url).status_code == 200, url
    detail = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert detail["hero_image"]["kind"] == "illustration"
    hero = get_image_model().objects.get(pk=page.hero_image_id)
    hero.kind = hero.PHOTO
    hero.save()
    html = client.get(page.url).content.decode()
    assert 'property="og:image"' not in html
    assert client.get(f"/api/v2/pages/{page.pk}/").json()["hero_image"] is None
    assert file_urls(html, "images"), "the body's illustrations are still shown"


def test_a_redirect_to_a_hidden_story_answers_404(client):
    from wagtail.contrib.redirects.models import Redirect

    page = first_story()["en"]
    Redirect.objects.create(old_path="/en/old-story", redirect_page=page)
    Redirect.objects.create(old_path="/en/older-story", redirect_link=page.url)
    for old in ("/en/old-story/", "/en/older-story/"):
        response = client.get(old)
        assert response.status_code == 301 and response["Location"].endswith(page.url), old
    state_withdrawn(page.consent)
    for old in ("/en/old-story/", "/en/older-story/"):
        response = client.get(old)
        assert response.status_code == 404, old
        slug = FIRST_SLUG["en"]
        assert slug not in response.get("Location", "") and f"/stories/{slug}" not in (
            response.content.decode()
        )


def test_no_real_story_is_named_outside_the_demo_content(client):
    """Code, templates, documentation, tools, the tests, CI, the Makefile and the OpenAPI document
    name no real story: only the demo content does, and the tests read the names from it (so
    this test names none either). The real stories are the demo testimonies not marked [demo]."""
    from pathlib import Path

    from sitewide.demo.content import TESTIMONIES

    real = [story for story in TESTIMONIES if "[demo]" not in story["pseudonym"]]
    assert real, "the demo content has real stories"
    names = {story["pseudonym"] for story in real}
    names |= {slug for story in real for slug in story["slug"].values()}
    # A name in any case, as a word or a part of an identifier (story_en, a test's name): not
    # next to another letter or digit, an "s" (a possessive in an identifier) allowed.
    alternatives = "|".join(sorted(re.escape(name) for name in names))
    named = re.compile(rf"(?<![^\W_])({alternatives})s?(?![^\W_])", re.IGNORECASE)
    root = Path(__file__).resolve().parents[2]
    text = (".py", ".html", ".json", ".yaml", ".txt", ".js", ".md")
    folders = ("site", "stories", "longread", "templates", "docs", "scripts", "bench")
    checked = {**dict.fromkeys(folders, text), "tests": (*text, ".ts", ".mjs")}
    checked[".ci"] = None  # shell scripts, some without a suffix: every file
    files = [root / name for name in ("README.md", "ARCHITECTURE.md", "Makefile", "pyproject.toml")]
    for folder, suffixes in checked.items():
        for file in sorted((root / folder).rglob("*")):
            if not file.is_file() or (suffixes is not None and file.suffix not in suffixes):
                continue
            if "demo" in file.relative_to(root).parts or "migrations" in file.parts:
                continue
            files.append(file)
    assert len(files) > 100 and root / "tests" / "helpers.py" in files
    found = [
        str(file.relative_to(root))
        for file in files
        if named.search(file.read_text(encoding="utf-8", errors="ignore"))
    ]
    assert not found
    schema = client.get("/api/v2/schema/").content.decode()
    assert not named.search(schema)


# --- rich text links from other pages -----------------------------------------------------------


def link_to(page, text="her story"):
    return f'<p>Read <a linktype="page" id="{page.pk}">{text}</a> here.</p>'


def page_linking_to(story, language="en", text=None):
    """A news page in the story's language whose text links to the story."""
    from stories.models import NewsPage

    news = NewsPage.objects.filter(locale__language_code=language).live().first()
    body = list(news.body.raw_data)
    body.append({"type": "text", "value": text or link_to(story), "id": "0b5f5a1e-link"})
    news.body = body
    news.save_revision().publish()
    return NewsPage.objects.get(pk=news.pk)


def test_links_from_other_pages_to_a_hidden_story_lose_their_address(client):
    from stories.consent.takedown import withdraw

    story = first_story()["en"]
    news = page_linking_to(story)
    html = client.get(news.url).content.decode()
    assert f'href="{story.url}"' in html  # positive control
    api = f"/api/v2/pages/{news.pk}/"
    urls = [page.url for page in first_story().values()]
    assert any(url in json_text(client, api) for url in urls)  # in the API's language
    result = withdraw(story.consent, reason="x")
    html = client.get(news.url).content.decode()
    assert not any(url in html for url in urls)
    assert "her story" in html  # the text stays, as text
    assert not any(url in json_text(client, api) for url in urls)
    # The withdrawal's report names the page for editors to review.
    assert any(f" {news.pk} (en)" in line for line in result.review)


def test_a_link_hidden_only_from_partners_stays_on_the_website(client):
    story = first_story()["en"]
    news = page_linking_to(story)
    urls = [page.url for page in first_story().values()]
    state_api_not_allowed(story.consent)
    assert f'href="{story.url}"' in client.get(news.url).content.decode()
    assert not any(url in json_text(client, f"/api/v2/pages/{news.pk}/") for url in urls)


def spellings_of(url: str, pk: int) -> list[str]:
    """Addresses an editor might paste for a page at `url` (a path such as /en/stories/<slug>/)."""
    last = url.rstrip("/").rsplit("/", 1)[1]
    encoded = url.replace(last, "".join(f"%{ord(c):02X}" for c in last))
    language, rest = url.strip("/").split("/", 1)
    return [
        f"http://testserver{url}",
        f"https://localhost{url}?from=news#start",
        f"http://LOCALHOST{url.upper()}",
        f"http://127.0.0.1{encoded}",
        f"http://testserver{url.rstrip('/')}",
        # Other spellings of this site's host: by number, and a fully qualified name.
        f"http://127.1:8001{url}",
        f"http://2130706433{url}",
        f"http://[::1]:8000{url}",
        f"http://LOCALHOST.{url}",
        # Paths a browser resolves to the same page.
        f"http://testserver/{language}/./{rest.split('/')[0]}/../{rest}/",
        "http://testserver" + url.replace("/", "\\"),
        f"/{rest}/",  # no language prefix: the site redirects it to a language
        f"../../{rest}/",  # relative
        f"{url}feed/",  # a sub-address of the page
        f"/api/v2/pages/find/?html_path={url}",
        f"/api/v2/pages/?slug={rest.rstrip('/').rsplit('/', 1)[-1]}",
        f"/api/v2/pages/?id={pk}",
        f"/api/v2/pages/find/?id={pk}",
        f"http://testserver{url.rstrip('/')}%2F",  # the server reads %2F as a slash
        # A scheme in capitals (Wagtail's rewriter leaves it as written), an encoded host.
        f"HTTP://testserver{url}",
        f"http://%6c%6fcalhost{url}",
        f"http://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54{url}",
        # A scheme without its two slashes, or with three: browsers read a host after it, or
        # (on a page of the same scheme) a path of this site.
        f"https:/testserver{url}",
        f"https:testserver{url}",
        f"https:///testserver{url}",
        f"http:{url}",
        # Browsers drop tabs and line breaks inside an address.
        f"http://testserver{url[:-3]}\n{url[-3:]}",
        f"http://testserver{url[:-3]}\t{url[-3:]}",
    ]


def test_pasted_addresses_of_a_hidden_story_lose_their_address(client, settings):
    """A link entered as an address instead of chosen as a page, in any spelling."""
    from stories.consent.takedown import withdraw

    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    story = first_story()["en"]
    addresses = spellings_of(story.url, story.pk)
    text = "".join(
        f'<p>Read <a href="{address}">story {number}</a>.</p>'
        for number, address in enumerate(addresses)
    )
    text += '<p>And <a href="https://example.org/en/elsewhere/">elsewhere</a>.</p>'
    text += f'<p>Also <a HREF="{story.url}">in capitals</a>.</p>'
    news = page_linking_to(story, text=text)
    html = client.get(news.url).content.decode()
    assert re.search(rf'<a href="{story.url}">in capitals', html, re.I)  # positive control
    for address in addresses:
        assert f'href="{escape(address)}"' in html, address  # positive control
    withdraw(story.consent, reason="x")
    html = client.get(news.url).content.decode()
    api = json_text(client, f"/api/v2/pages/{news.pk}/")
    for address in addresses:
        assert escape(address) not in html and address not in api, address
    assert "<a>in capitals</a>" in html
    slug = story.url.rstrip("/").rsplit("/", 1)[1]
    assert f"/stories/{slug}" not in html.lower()
    assert "story 0" in html and "story 4" in html  # the text stays, as text
    # An address of another site is not this site's page: it stays.
    assert 'href="https://example.org/en/elsewhere/"' in html


def test_a_redirect_to_a_hidden_story_spelled_otherwise_answers_404(client, settings):
    from wagtail.contrib.redirects.models import Redirect

    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    page = first_story()["en"]
    olds = []
    for number, address in enumerate(spellings_of(page.url, page.pk)):
        Redirect.objects.create(old_path=f"/en/old-{number}", redirect_link=address)
        olds.append(f"/en/old-{number}/")
    for old in olds:
        assert client.get(old).status_code == 301, old
    state_withdrawn(page.consent)
    for old in olds:
        response = client.get(old)
        assert response.status_code == 404, old
        assert FIRST_SLUG["en"] not in response.get("Location", "").lower()


def json_text(client, url) -> str:
    import json

    return json.dumps(client.get(url).json())


# --- addresses typed into settings and the organisation directory -------------------------------


def test_addresses_in_settings_and_the_directory_never_lead_to_a_hidden_story(client, settings):
    """An organisation's website, a language's quick-exit, helpline and chat addresses: typed by
    staff, they lose an address that leads to a story readers may no longer see."""
    from sitewide.models import LanguageSettings
    from stories.consent.takedown import withdraw
    from stories.models import Organisation

    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    story = first_story()["en"]
    address = f"http://testserver{story.url}"
    organisation = Organisation.objects.filter(locale__language_code="en").first()
    organisation.website = address
    organisation.save()
    language = LanguageSettings.objects.get(locale__language_code="en")
    language.quick_exit_url = language.helpline_url = language.helpline_chat_url = address
    language.save()
    directory = "/en/organisations/"
    seen = [directory, story.url, "/api/v2/settings/?locale=en"]
    seen.append(f"/api/v2/organisations/{organisation.pk}/")
    assert client.get(directory).status_code == 200
    for url in seen:  # positive control: the address is shown while the story may be
        assert story.url in client.get(url).content.decode(), url

    result = withdraw(story.consent, reason="x")
    # The report names the rows for editors to review.
    assert any(str(organisation.pk) in line for line in result.review), result.review
    assert any(str(language.pk) in line for line in result.review), result.review
    for url in [directory, "/en/", "/api/v2/settings/?locale=en"]:
        text = client.get(url).content.decode()
        assert story.url not in text, url
    organisation_data = client.get(f"/api/v2/organisations/{organisation.pk}/").json()
    assert organisation_data["website"] == ""
    # The quick exit still leaves: to the neutral default.
    home = client.get("/en/").content.decode()
    assert "data-quick-exit-link" in home and "https://www.buienradar.nl/" in home


def test_an_erasure_empties_addresses_of_the_story_in_settings_and_the_directory(settings):
    from sitewide.models import LanguageSettings
    from stories.consent.erasure import erase_story
    from stories.models import Organisation

    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    story = first_story()["nl"]
    organisation = Organisation.objects.first()
    organisation.website = f"https:/testserver{story.url}"  # a browser's reading of it
    organisation.save()
    language = LanguageSettings.objects.get(locale__language_code="nl")
    language.quick_exit_url = f"http://localhost{story.url.upper()}"
    language.save()
    erase_story(story.consent)
    organisation.refresh_from_db()
    language.refresh_from_db()
    assert organisation.website == "" and language.quick_exit_url == ""


def test_a_withdrawal_from_partners_dated_ahead_is_announced_when_it_takes_effect(
    client, django_capture_on_commit_callbacks
):
    """The nightly check (enforce_consent) announces stories partners may no longer show since
    a date passed, though the website still shows them; once."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import models

    from sitewide.api.models import ContentChange

    story = first_story()["en"]
    tomorrow = today() + datetime.timedelta(days=1)
    withdrawal = ConsentWithdrawal.objects.create(
        record=story.consent, part=consent.API, withdrawn_on=tomorrow, reason="x"
    )
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 200
    # Midnight passes (the stored row is as it was; only the date it names has come).
    models.QuerySet.update(ConsentWithdrawal.objects.filter(pk=withdrawal.pk), withdrawn_on=today())
    cache.clear()  # kept answers end at midnight (sitewide.caching.page_cache.lifetime)
    assert client.get(f"/api/v2/pages/{story.pk}/").status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        call_command("enforce_consent", stdout=io.StringIO())
    events = ContentChange.objects.filter(page_id=story.pk, event=ContentChange.WITHDRAWN)
    assert events.count() == 1
    assert client.get(story.url).status_code == 200  # the website still shows it
    with django_capture_on_commit_callbacks(execute=True):
        call_command("enforce_consent", stdout=io.StringIO())
    assert events.count() == 1  # announced once


@pytest.mark.parametrize("part", ["all", "Everything", ""])
def test_a_withdrawal_of_a_part_the_rule_does_not_know_is_refused(part):
    from django.core.exceptions import ValidationError

    from stories.models import ConsentLedgerEntry

    record = first_story()["nl"].consent
    entries = ConsentLedgerEntry.objects.count()
    with pytest.raises(ValidationError) as refused:
        ConsentWithdrawal.objects.create(record=record, part=part, withdrawn_on=today())
    assert "part" in refused.value.message_dict
    assert not ConsentWithdrawal.objects.filter(record=record).exists()
    assert ConsentLedgerEntry.objects.count() == entries


def test_a_review_date_before_the_date_given_is_refused_from_code():
    from django.core.exceptions import ValidationError

    from stories.models import ConsentRecord

    record = first_story()["nl"].consent
    record.review_on = record.given_on - datetime.timedelta(days=1)
    with pytest.raises(ValidationError):
        record.save()
    with pytest.raises(ValidationError):
        ConsentRecord.objects.filter(pk=record.pk).update(review_on=record.review_on)
