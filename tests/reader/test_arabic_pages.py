"""The Arabic demo, a reader's whole visit: every page reachable from the Arabic home page, by its
menu, footer, help and the links on the pages found that way, is an Arabic page (lang="ar",
right to left) without English demo text, and no link on them leads into another language but
the language switcher's. Only stories whose teller's consent covers Arabic are among them."""

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from sitewide.demo import content
from sitewide.models import LanguageSettings
from stories.consent.records import ConsentRecord
from stories.models import Organisation, TestimonyPage
from tests.helpers import FIRST_PSEUDONYM

pytestmark = pytest.mark.django_db

# Files and machine addresses, not pages a reader reads.
NOT_PAGES = ("/static/", "/media/", "/documents/", "/api/", "/admin/")
# The demo content's English, as a reader would spot it: every English text of some length that
# is not the same in Dutch (names, addresses and codes are the same in every language).
ENGLISH_WORDS = re.compile(r"[A-Za-z]+(?: [A-Za-z,']+){3,}")


def english_texts() -> set[str]:
    found = set()

    def walk(value):
        if isinstance(value, dict) and set(value) == {"nl", "en"}:
            english = value["en"]
            if isinstance(english, str) and english != value["nl"]:
                found.update(
                    match.group(0) for match in ENGLISH_WORDS.finditer(english) if match.group(0)
                )
            return
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for name in dir(content):
        if name.isupper() and not name.startswith("ARABIC"):
            walk(getattr(content, name))
    # English phrases quoted in the Arabic on purpose: the names of programmes and projects.
    quoted = " ".join(content.ARABIC.values())
    return {text for text in found if text not in quoted}


def arabic_visit(client) -> dict[str, BeautifulSoup]:
    """Every page an Arabic reader reaches from /ar/ without the language switcher."""
    seen: dict[str, BeautifulSoup] = {}
    queue = deque(["/ar/"])
    while queue:
        path = queue.popleft()
        if path in seen:
            continue
        answer = client.get(path)
        assert answer.status_code == 200, (path, answer.status_code)
        if not answer["Content-Type"].startswith("text/html"):
            seen[path] = None
            continue
        soup = BeautifulSoup(answer.content.decode(), "html.parser")
        seen[path] = soup
        for link in soup.select("a[href]"):
            if link.find_parent(class_="lr-languages"):
                continue  # the language switcher leads into other languages, said so
            href = link["href"]
            if href.startswith(("http://", "https://", "mailto:", "tel:", "sms:", "#")):
                continue
            address = urlsplit(href)
            if address.path.startswith(NOT_PAGES):
                continue
            assert address.path.startswith("/ar/"), (
                f"{path} links {href} ({link.get_text(' ', strip=True)!r}) in another language"
            )
            assert not link.get("hreflang"), (path, href)
            if not address.query:  # filters and pages of a listing show the same pages
                queue.append(address.path)
    return seen


def test_every_page_an_arabic_reader_reaches_is_in_arabic(client):
    visit = arabic_visit(client)
    pages = {path: soup for path, soup in visit.items() if soup is not None}
    # The menu's pages, the footer's and the help's are among them.
    for spec in (
        content.ABOUT,
        content.STORY_INDEX,
        content.PROJECT_INDEX,
        content.NEWS_INDEX,
        content.DIRECTORY,
        content.RETURN_PAGE,
        content.PRIVACY,
        content.SAFETY,
    ):
        assert f"/ar/{spec['slug']['en']}/" in pages, spec["slug"]
    english = english_texts()
    assert len(english) > 100
    for path, soup in pages.items():
        html = soup.find("html")
        assert (html.get("lang"), html.get("dir")) == ("ar", "rtl"), path
        main = soup.find("main") or soup
        text = " ".join((soup.find("header") or soup).stripped_strings)
        text += " " + " ".join(main.stripped_strings)
        text += " " + " ".join((soup.find("footer") or soup).stripped_strings)
        leaks = sorted(phrase for phrase in english if phrase in text)
        assert not leaks, f"{path} shows English demo text: {leaks[:5]}"


def test_only_stories_consented_in_arabic_are_shown_in_arabic(client):
    visit = arabic_visit(client)
    stories = {
        page.url: page.pseudonym
        for page in TestimonyPage.objects.filter(locale__language_code="ar", live=True)
    }
    assert set(stories.values()) == {FIRST_PSEUDONYM}
    reached = {path for path in visit if path.startswith("/ar/stories/") and path.count("/") > 3}
    assert reached == set(stories)
    consented = ConsentRecord.objects.filter(languages__language_code="ar")
    assert [record.pseudonym for record in consented] == [content.ARABIC_STORY]


def test_the_arabic_settings_name_the_arabic_safety_and_privacy_pages():
    settings = LanguageSettings.objects.get(locale__language_code="ar")
    assert settings.safety_page.locale.language_code == "ar"
    assert settings.privacy_page.locale.language_code == "ar"
    assert settings.privacy_page.slug == content.PRIVACY["slug"]["en"]


def test_every_organisation_has_its_arabic_description_and_placeholder_note():
    dutch = Organisation.objects.filter(locale__language_code="nl")
    arabic = {
        organisation.translation_key: organisation
        for organisation in Organisation.objects.filter(locale__language_code="ar")
    }
    assert dutch.count() == len(arabic)
    for source in dutch:
        translated = arabic[source.translation_key]
        assert translated.name == source.name
        assert (translated.website, translated.email, translated.phone) == (
            source.website,
            source.email,
            source.phone,
        )
        assert translated.description.endswith(content.ARABIC_ORGANISATION_NOTE)
        assert re.search(r"[\u0600-\u06ff]", translated.description)


def test_english_chapter_anchors_and_figures_in_the_english_demo():
    """The English stories carry English anchors and English number formats, not the Dutch
    source's (a slip once found in Noor's story); Arabic keeps the English anchors."""
    for spec in content.TESTIMONIES:
        for language in ("en", "ar"):
            page = TestimonyPage.objects.filter(
                pseudonym=spec["pseudonym"], locale__language_code=language
            ).first()
            if page is None:
                continue
            chapters = [block.value for block in page.body if block.block_type == "chapter"]
            expected = [value["anchor"]["en"] for kind, value in spec["body"] if kind == "chapter"]
            assert [chapter["anchor"] for chapter in chapters] == expected, (spec, language)
            for block in page.body:
                if block.block_type == "key_figures":
                    for figure in block.value["figures"]:
                        assert not re.search(r"\d\.\d{3}", figure["figure"]), figure
