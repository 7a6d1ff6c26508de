"""The ten languages: every public page type in each, 404 where a page is not translated, and
nothing (link, language switcher, sitemap alternate) pointing at an untranslated page.

Also: right-to-left Arabic, localised dates and numbers, the language of quoted passages, the
English fallback of interface strings, translatable alt text, captions and settings, and the
demo's Arabic story and out-of-date translation.

Translations are made as a translator makes them, with wagtail-localize (a string for every
segment, then `save_target(publish=True)`); each translated text is the Dutch text followed by
a marker naming the language, so a test sees that the translation, not the source, is shown.
"""

import io
import re
from html import unescape
from urllib.parse import urlsplit
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.utils import formats, translation
from django.utils.translation import gettext
from wagtail.models import Locale, Page, Revision
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from longread.blocks import RICH_TEXT_FEATURES, TestimonyQuoteBlock
from sitewide.demo import content
from sitewide.languages import KNOWN_LANGUAGES, RIGHT_TO_LEFT
from sitewide.models import HomePage, InformationPage, LanguageSettings
from sitewide.translation.staleness import out_of_date_translations
from stories.models import (
    NewsIndexPage,
    NewsPage,
    OrganisationDirectoryPage,
    ProjectIndexPage,
    ProjectPage,
    StoryIndexPage,
    TestimonyPage,
)
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM

pytestmark = pytest.mark.django_db

LANGUAGES = list(KNOWN_LANGUAGES)
# Languages the demo has no pages in (Arabic has the first demo testimony and the site's pages).
WITHOUT_DEMO_PAGES = [code for code in LANGUAGES if code not in ("nl", "en", "ar")]
HTML_TAG = re.compile(r"<html lang=\"([^\"]+)\" dir=\"([^\"]+)\"")
HREF = re.compile(r"href=\"(/[^\"]*)\"")
NOT_TEXT = re.compile(r"^(https?://\S+|[\w.+-]+@[\w.-]+|[a-z0-9-]+|[\d\s+()-]+)$")


def marker(code: str) -> str:
    return f"[{code}]"


class MarkedTranslation(dict):
    """Dutch text → the same text with the language's marker; slugs, anchors, addresses and
    numbers stay as they are (a slug with a marker would not be a slug)."""

    def __init__(self, code):
        super().__init__()
        self.code = code

    def __contains__(self, text):
        return True

    def __missing__(self, text):
        return text if NOT_TEXT.match(text) else f"{text} {marker(self.code)}"


def translate(instance, code: str, django_capture_on_commit_callbacks):
    """Translate and publish one page or snippet into the language (wagtail-localize)."""
    locale = Locale.objects.get(language_code=code)
    mapping = MarkedTranslation(code)
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation_, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = unescape(segment.string.data)
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": StringValue.from_plaintext(mapping[text]).data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation_.save_target(publish=True)
    return instance.get_translation(locale).specific


def dutch(model, **filters):
    return model.objects.get(locale__language_code="nl", **filters)


def source_pages() -> dict[str, Page]:
    """One Dutch page of every public page type, parents before children."""
    return {
        "home": dutch(HomePage, depth=2),
        "information": dutch(InformationPage, slug=content.ABOUT["slug"]["nl"]),
        "story_index": dutch(StoryIndexPage),
        "testimony": dutch(TestimonyPage, pseudonym=FIRST_PSEUDONYM),
        "project_index": dutch(ProjectIndexPage),
        "project": dutch(ProjectPage, acronym="RAVOT-EUR"),
        "news_index": dutch(NewsIndexPage),
        "news": dutch(NewsPage, slug="eindrapport-rest"),
        "directory": dutch(OrganisationDirectoryPage),
    }


def translated_site(code, django_capture_on_commit_callbacks, only=None) -> dict[str, Page]:
    """The pages in the language: the demo's where they exist and are live, else made here
    (those are in `made_here`, their texts carry the language's marker)."""
    pages = {}
    made_here.clear()
    locale = Locale.objects.get(language_code=code)
    for name, page in source_pages().items():
        if only is not None and name not in only:
            continue
        if code == "nl":
            pages[name] = page
            continue
        if name == "testimony" and not page.consent.languages.filter(pk=locale.pk).exists():
            page.consent.languages.add(locale)
            page.consent.save()
        existing = page.get_translations().filter(locale=locale, live=True).first()
        if existing is None:
            made_here.add(name)
        pages[name] = (
            existing.specific
            if existing
            else translate(page, code, django_capture_on_commit_callbacks)
        )
    return pages


made_here: set[str] = set()


def get_html(client, url, status=200) -> str:
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    return response.content.decode()


def internal_links(html: str) -> set[str]:
    return {
        urlsplit(unescape(href)).path
        for href in HREF.findall(html)
        if not href.startswith(("/static/", "/media/", "/documents/"))
    }


# --- Configuration ----------------------------------------------------------------------------


def test_the_ten_languages_are_configured_and_have_locales():
    assert [code for code, _ in settings.LANGUAGES] == LANGUAGES
    assert len(LANGUAGES) == 10
    assert set(Locale.objects.values_list("language_code", flat=True)) >= set(LANGUAGES)
    assert {"ar"} == RIGHT_TO_LEFT


# --- Every page type in every language --------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_public_page_type_renders_in_each_language(
    client, code, django_capture_on_commit_callbacks
):
    pages = translated_site(code, django_capture_on_commit_callbacks)
    direction = "rtl" if code == "ar" else "ltr"
    for name, page in pages.items():
        assert page.locale.language_code == code and page.live, name
        html = get_html(client, page.url)
        assert HTML_TAG.search(html).groups() == (code, direction), name
        assert unescape(page.title) in unescape(html), name
        if name in made_here:
            assert marker(code) in html, f"{name} in {code} shows no translated text"
        # Readers can always leave quickly, in every language.
        assert "data-quick-exit-link" in html, name
    # Search and the news feeds, in the language.
    html = get_html(client, f"/{code}/search/?q={FIRST_PSEUDONYM}")
    assert HTML_TAG.search(html).groups() == (code, direction)
    assert pages["testimony"].url in html
    for feed in ("rss", "atom"):
        feed_url = pages["news_index"].url + pages["news_index"].reverse_subpage(feed)
        xml = get_html(client, feed_url)
        assert pages["news"].title in unescape(xml)
        assert code in xml  # the feed's language


@pytest.mark.parametrize("code", ["de", "ar"])
def test_a_page_not_translated_answers_404_and_nothing_points_at_it(
    client, code, django_capture_on_commit_callbacks
):
    translated = translated_site(
        code, django_capture_on_commit_callbacks, only={"home", "story_index", "testimony"}
    )
    untranslated = [
        page
        for name, page in source_pages().items()
        if name not in translated and name not in ("home",)
    ]
    for page in untranslated:  # the demo's own translations (Arabic has them) taken offline
        for shown in page.get_translations().filter(locale=Locale.objects.get(language_code=code)):
            if shown.live:
                shown.specific.unpublish()
    for page in untranslated:
        # The Dutch address under this language's prefix is not a page.
        assert client.get(page.url.replace("/nl/", f"/{code}/", 1)).status_code == 404
        switcher = get_html(client, page.url)
        assert f'hreflang="{code}"' not in switcher, f"{page.title} offers {code}"

    sitemap = get_html(client, "/sitemap.xml")
    for page in untranslated:
        assert f"/{code}{page.url[3:]}" not in sitemap
    assert f'hreflang="{code}" href="http://testserver{translated["testimony"].url}"' in sitemap

    # Every internal link on the translated pages answers 200: no link to an untranslated page.
    for page in translated.values():
        html = get_html(client, page.url)
        for link in internal_links(html):
            assert client.get(link).status_code in (200, 302), f"{page.url} links to {link}"


@pytest.mark.parametrize("code", WITHOUT_DEMO_PAGES)
def test_a_language_without_pages_has_no_home_and_is_not_offered(client, code):
    assert client.get(f"/{code}/").status_code == 404
    assert client.get("/", HTTP_ACCEPT_LANGUAGE=code)["Location"] == "/nl/"
    html = get_html(client, "/nl/")
    assert f'hreflang="{code}"' not in html
    assert f'hreflang="{code}"' not in get_html(client, "/sitemap.xml")


def test_switcher_and_sitemap_offer_the_arabic_story_only_where_it_exists(client):
    arabic = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="ar")
    html = get_html(client, arabic.url)
    for code in ("nl", "en", "ar"):
        assert f'hreflang="{code}"' in html
    assert 'hreflang="de"' not in html
    # The second story's consent covers Dutch and English only: no Arabic in its switcher.
    second = TestimonyPage.objects.get(pseudonym=SECOND_PSEUDONYM, locale__language_code="en")
    other_html = get_html(client, second.url)
    assert 'hreflang="ar"' not in other_html
    assert 'hreflang="nl"' in other_html
    # It offers the Arabic home page instead, said so in Arabic: a reader who came from the
    # Arabic pages can go back.
    soup = BeautifulSoup(other_html, "html.parser")
    (arabic_home,) = soup.select(".lr-languages a[lang=ar]")
    assert arabic_home["href"] == "/ar/"
    assert arabic_home.get_text(" ", strip=True) == "العربية (الصفحة الرئيسية)"

    alternates = sitemap_alternates(get_html(client, "/sitemap.xml"))
    first = {
        page.locale.language_code: page
        for page in TestimonyPage.objects.filter(pseudonym=FIRST_PSEUDONYM)
    }
    for page in first.values():
        assert alternates[f"http://testserver{page.url}"] == {
            code: f"http://testserver{other.url}" for code, other in first.items()
        }
    assert set(alternates[f"http://testserver{second.url}"]) == {"nl", "en"}
    assert not any(url.startswith("http://testserver/de/") for url in alternates)


SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def sitemap_alternates(xml: str) -> dict[str, dict[str, str]]:
    """Each listed address with its hreflang alternates (language → address)."""
    return {
        entry.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in entry.iter(f"{XHTML}link")
        }
        for entry in ElementTree.fromstring(xml).iter(f"{SITEMAP}url")
    }


# --- Dates, numbers, quoted passages ----------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "date_text"),
    [
        ("nl", "12 maart 2021"),
        ("en", "12 March 2021"),  # European order (sitewide.formats.en)
        ("de", "12. März 2021"),
        ("fr", "12 mars 2021"),
        ("ar", "12 مارس، 2021"),
    ],
)
def test_news_dates_are_written_as_the_language_writes_them(
    client, code, date_text, django_capture_on_commit_callbacks
):
    pages = translated_site(
        code,
        django_capture_on_commit_callbacks,
        only={"home", "news_index", "news", "project_index", "project"},
    )
    assert date_text in get_html(client, pages["news"].url)
    assert date_text in get_html(client, pages["news_index"].url)
    with translation.override(code):
        budget = formats.number_format(346069, force_grouping=True)
    assert budget in get_html(client, pages["project"].url)


def test_budget_numbers_are_grouped_as_the_language_groups_them():
    for code, grouped in (("nl", "346.069"), ("en", "346,069"), ("de", "346.069")):
        with translation.override(code):
            assert formats.number_format(346069, force_grouping=True) == grouped


def render_quote(quote_language: str, page_language: str) -> str:
    block = TestimonyQuoteBlock()
    value = block.to_python(
        {"quote": "…", "pseudonym": FIRST_PSEUDONYM, "role": "", "lang": quote_language}
    )
    with translation.override(page_language):
        return block.render(value)


def test_a_quote_in_another_language_carries_its_language_and_direction():
    assert '<blockquote lang="ar" dir="rtl">' in render_quote("ar", "nl")
    assert '<blockquote lang="nl" dir="ltr">' in render_quote("nl", "ar")
    assert '<blockquote lang="en" dir="ltr">' in render_quote("en", "de")
    # In the page's own language, or unknown, nothing is added.
    assert "<blockquote>" in render_quote("nl", "nl")
    assert "<blockquote>" in render_quote("", "ar")


# --- Interface strings ------------------------------------------------------------------------


def test_interface_strings_missing_in_a_language_fall_back_to_english_not_dutch(client):
    """Readers' strings are translated into every language (tests/reader/test_reader_catalogues.py);
    the admin's own strings exist in Dutch and English only. Where a language lacks a string,
    English shows, never the Dutch of the default language."""
    staff_string = "Withdrawal recorded. Pages taken down: %(count)d."
    with translation.override("nl"):
        assert gettext(staff_string) != staff_string  # Dutch has it
    for code in WITHOUT_DEMO_PAGES + ["ar"]:
        with translation.override(code):
            assert gettext(staff_string) == staff_string, code
    # Django's own catalogues still speak the language.
    with translation.override("de"):
        assert gettext("January") == "Januar"


def test_a_page_in_a_language_without_demo_pages_speaks_it_not_dutch(
    client, django_capture_on_commit_callbacks
):
    pages = translated_site("hu", django_capture_on_commit_callbacks, only={"home"})
    html = get_html(client, pages["home"].url)
    with translation.override("hu"):
        skip = gettext("Skip to content")
        leave = gettext("Leave this site quickly")
    assert skip != "Skip to content" and leave != "Leave this site quickly"
    assert f'<a class="lr-skip" href="#main">{skip}</a>' in html
    assert "Hoofdmenu" not in html and "Snel weg van deze site" not in html
    assert "Naar de inhoud" not in html
    arabic = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="ar")
    html = get_html(client, arabic.url)
    with translation.override("ar"):
        assert gettext("Skip to content") in html
    assert "Naar de inhoud" not in html and "Skip to content" not in html


# --- Alt text, captions, settings -------------------------------------------------------------


def test_alt_text_and_captions_are_translated_on_the_page_and_in_the_api(client):
    english = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    html = unescape(get_html(client, english.url))
    figure_alt = (
        "Abstract illustration: sheets of paper in orange, blue and sand colour lie askew on top "
        "of each other."
    )
    assert f'alt="{figure_alt}"' in html
    assert f"Illustration for {FIRST_PSEUDONYM}'s story." in html
    assert 'alt="A pale path winds through green fields to the horizon."' in html  # gallery
    assert "Abstracte illustratie" not in html
    body = client.get(f"/api/v2/pages/{english.pk}/").json()["body"]
    figure = next(block["value"] for block in body if block["type"] == "figure")
    assert figure["caption"] == f"Illustration for {FIRST_PSEUDONYM}'s story."
    assert figure["image"]["alt"] == figure_alt
    # They are segments of the source: translators see them in the editor.
    source = TranslationSource.objects.get_for_instance(
        TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    )
    texts = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    assert f"Illustratie bij het verhaal van {FIRST_PSEUDONYM}." in texts
    assert (
        "Abstracte illustratie: vellen papier in oranje, blauw en zandkleur liggen schuin over "
        "elkaar."
    ) in texts


def test_rich_text_allows_no_images_so_no_alt_text_escapes_translation():
    """wagtail-localize does not translate alt text inside rich text; ours allows no images."""
    assert "image" not in RICH_TEXT_FEATURES and "embed" not in RICH_TEXT_FEATURES


def test_language_settings_are_translated_per_language(client):
    arabic = LanguageSettings.objects.get(locale__language_code="ar")
    dutch_settings = LanguageSettings.objects.get(locale__language_code="nl")
    assert arabic.translation_key == dutch_settings.translation_key
    assert arabic.helpline_hours == content.ARABIC["Monday to Friday, 9:00 to 17:00 (CET)"]
    html = get_html(
        client, TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="ar").url
    )
    assert arabic.helpline_hours in html
    assert dutch_settings.helpline_hours not in html


# --- Demo -------------------------------------------------------------------------------------


def test_demo_has_the_first_story_in_arabic_marked_as_a_demo_translation(client):
    arabic = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="ar")
    assert arabic.live
    assert arabic.consent.languages.filter(language_code="ar").exists()
    html = get_html(client, arabic.url)
    assert HTML_TAG.search(html).groups() == ("ar", "rtl")
    assert "ترجمة تجريبية" in html  # "demo translation", in the story's first paragraph
    assert content.ARABIC["Getting my trust back"] in html
    # Only the first testimony, with the site's pages: the second testimony's consent does not
    # cover Arabic.
    assert not TestimonyPage.objects.filter(
        pseudonym=SECOND_PSEUDONYM, locale__language_code="ar"
    ).exists()
    live = Page.objects.filter(locale__language_code="ar", live=True).specific()
    assert sorted({type(page).__name__ for page in live}) == [
        "HomePage",
        "InformationPage",
        "NewsIndexPage",
        "NewsPage",
        "OrganisationDirectoryPage",
        "ProjectIndexPage",
        "ProjectPage",
        "StoryIndexPage",
        "TestimonyPage",
    ]
    assert [page.pseudonym for page in live if isinstance(page, TestimonyPage)] == [FIRST_PSEUDONYM]
    assert "ترجمة تجريبية" in get_html(client, "/ar/")


def test_demo_has_exactly_one_page_out_of_date_in_its_translations():
    stale = list(out_of_date_translations())
    assert {translation.target_locale.language_code for translation in stale} == {"en", "ar"}
    assert len(stale) == 2 and len({translation.source_id for translation in stale}) == 1
    page = stale[0].source.get_source_instance()
    assert page.slug == "eindrapport-rest"
    assert content.OUT_OF_DATE_UPDATE in page.intro


def test_seeding_the_demo_again_changes_no_translation():
    before = (
        Revision.objects.count(),
        Translation.objects.count(),
        list(out_of_date_translations().values_list("pk", flat=True)),
    )
    call_command("seed_demo", stdout=io.StringIO())
    after = (
        Revision.objects.count(),
        Translation.objects.count(),
        list(out_of_date_translations().values_list("pk", flat=True)),
    )
    assert after == before


def test_site_pages_missing_in_a_language_are_linked_in_english_not_dutch(client):
    """The demo has the privacy page and the page on browsing safely in Dutch, English and
    Arabic. Without its Arabic privacy page, an Arabic page links the English one, as its
    interface falls back to English; the Arabic page on browsing safely (the help a reader at
    risk needs first) is still the one the Arabic pages link."""
    from sitewide.caching import chrome

    for url_of in (chrome.safety_url, chrome.privacy_url):
        english, dutch = url_of("en"), url_of("nl")
        assert english.startswith("/en/") and dutch.startswith("/nl/")
        assert url_of("hu") == english
        assert url_of("ar").startswith("/ar/")
    # The Arabic privacy page taken offline, the Arabic settings naming the Dutch one again: as
    # a language whose settings were translated before the page was.
    arabic_privacy = InformationPage.objects.get(
        locale__language_code="ar", slug=content.PRIVACY["slug"]["en"]
    )
    arabic_settings = LanguageSettings.objects.get(locale__language_code="ar")
    arabic_settings.privacy_page = arabic_privacy.get_translation(
        Locale.objects.get(language_code="nl")
    )
    arabic_settings.save()
    arabic_privacy.unpublish()
    assert chrome.privacy_url("ar") == chrome.privacy_url("en")
    arabic_safety = chrome.safety_url("ar")
    assert arabic_safety.startswith("/ar/")
    arabic = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="ar")
    html = get_html(client, arabic.url)
    assert chrome.privacy_url("en") in html and arabic_safety in html
    assert chrome.safety_url("en") not in html
    assert chrome.safety_url("nl") not in html and chrome.privacy_url("nl") not in html
    # A link into English says, in the reader's language, that it leads to English; the
    # Arabic safety page's link does not.
    soup = BeautifulSoup(html, "html.parser")
    links = soup.select(f'a[href="{chrome.privacy_url("en")}"]')
    assert links
    for link in links:
        assert link.get("hreflang") == "en"
        assert link.get_text().endswith("(الإنجليزيّة)"), link
    for link in soup.select(f'a[href="{arabic_safety}"]'):
        assert not link.get("hreflang") and "(" not in link.get_text(), link
    assert "تصفّح هذا الموقع بأمان" in get_html(client, arabic_safety)
    english = BeautifulSoup(get_html(client, "/en/"), "html.parser")
    for link in english.select(f'a[href="{chrome.safety_url("en")}"]'):
        assert not link.get("hreflang") and "(" not in link.get_text()


def test_the_story_filters_speak_the_page_language(client):
    from stories.models import Theme

    html = get_html(client, "/ar/stories/")
    with translation.override("ar"):
        themes = [str(label) for label in Theme.labels]
    for theme in themes:
        assert theme in html
    assert "Sexual exploitation" not in html and "Seksuele uitbuiting" not in html


@pytest.mark.parametrize(
    ("address", "query", "label"),
    [
        ("/en/organisations/", {"country": "HU", "kind": "return"}, "Remove the filters"),
        ("/nl/organisaties/", {"country": "HU", "kind": "return"}, "Filters wissen"),
        ("/ar/stories/", {"kind": "professional"}, "إزالة عوامل التصفية"),
    ],
)
def test_a_filter_that_finds_nothing_offers_the_way_back(client, address, query, label):
    soup = BeautifulSoup(client.get(address, query).content.decode(), "html.parser")
    back = soup.find("a", string=label)
    assert back is not None and back["href"] == address
    unfiltered = BeautifulSoup(client.get(address).content.decode(), "html.parser")
    assert unfiltered.find("a", string=label) is None


@pytest.mark.parametrize(
    ("address", "anchor"),
    [
        ("/nl/terugkeer/", "eerst-contact"),
        ("/en/returning-home/", "whom-to-contact-first"),
        ("/ar/returning-home/", "whom-to-contact-first"),
    ],
)
def test_the_return_page_gives_someone_to_call_right_where_it_says_whom_to_contact(
    client, address, anchor
):
    soup = BeautifulSoup(client.get(address).content.decode(), "html.parser")
    box = soup.select_one("article .lr-help, main .lr-help")
    assert box is not None, "no help box on the return page"
    assert box.select_one("a.lr-tap[href^='tel:0'], a.lr-tap[href^='tel:+31']"), "no call button"
    assert box.select_one("a.lr-tap[href='tel:112']")
    heading = soup.find(id=anchor)
    assert heading is not None and heading.find_next(class_="lr-help") is box


def test_the_help_box_in_a_story_says_which_languages_the_helpline_speaks(client):
    """A reader of the Arabic story learns before calling that the helpline speaks Dutch and
    English (the help menu said so; the box in the story did not)."""
    from django.utils import translation

    from sitewide.models import LanguageSettings

    arabic = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="ar")
    spoken = LanguageSettings.for_language("ar").helpline_languages
    assert spoken
    with translation.override("ar"):
        label = translation.gettext("Languages spoken:")
    soup = BeautifulSoup(get_html(client, arabic.url), "html.parser")
    boxes = [box.get_text(" ", strip=True) for box in soup.select("aside.lr-help")]
    assert boxes and all(label in box and spoken in box for box in boxes), boxes
