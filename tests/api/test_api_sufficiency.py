"""Proof of sufficiency: every story, project and news page can be rebuilt from the API alone.

For each demo page, the reading text of the HTML article is split into its text fragments;
each must be found in the text of the API's JSON for that page. Interface words (labels such
as "Content note:" or "Related stories", which a partner front end writes itself) are the
fragments that every page of a type shares, and are left out.
"""

import datetime
import re
from pathlib import Path

import polib
import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import trans_real

from stories import consent
from stories.models import NewsPage, ProjectPage, TestimonyPage

pytestmark = pytest.mark.django_db

SPACE = re.compile(r"\s+")
WORD = re.compile(r"\w+", re.UNICODE)
DUTCH_CATALOGUE = Path(__file__).resolve().parents[2] / "site/locale/nl/LC_MESSAGES/django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\{ ?\w+ ?\}\}|\d+")
THOUSANDS = re.compile(r"(?<=\d)[.,\u00a0\u202f ](?=\d{3}\b)")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def interface_strings(language: str) -> set[str]:
    """The interface's own words in a language (gettext catalogues): labels that a partner
    front end writes itself, such as "Content note:" or "Related stories"."""
    strings = set()
    # The source strings (English msgids) come with any other language's catalogue.
    for catalogue_language in {language, "nl"}:
        for key, value in trans_real.translation(catalogue_language)._catalog.items():
            texts = [key if isinstance(key, str) else key[0]]
            if catalogue_language == language:
                texts.append(value)
            strings |= {without_numbers(str(text)) for text in texts}
    # The English plural msgids too: a language without a catalogue shows them as they are.
    for entry in polib.pofile(str(DUTCH_CATALOGUE)):
        if entry.msgid_plural:
            strings.add(without_numbers(entry.msgid_plural))
    return strings


def without_numbers(text: str) -> str:
    """A label with its numbers and placeholders taken out: "1 minute read" and
    "%(minutes)s minute read" are the same interface string."""
    return normalise(PLACEHOLDER.sub("", text))


def words_of(text: str) -> set[str]:
    """The words and numbers of a text; "€ 346.069" and "346069.00" share "346069"."""
    return set(WORD.findall(THOUSANDS.sub("", text).lower()))


def normalise(text: str) -> str:
    return SPACE.sub(" ", text).strip()


def json_text(value) -> str:
    """All text a JSON answer carries; HTML values (rich text) as their text."""
    if isinstance(value, dict):
        return " ".join(json_text(v) for v in value.values())
    if isinstance(value, list):
        return " ".join(json_text(v) for v in value)
    if isinstance(value, str):
        if "<" in value:
            return BeautifulSoup(value, "html.parser").get_text(" ")
        if ISO_DATE.match(value):  # dates are data: the front end formats them
            day = datetime.date.fromisoformat(value)
            return f"{value} {date_format(day)} {date_format(day, 'j F Y')}"
        return value
    return str(value)


def article_fragments(html: str, left_out_urls=()) -> list[str]:
    """The article's texts, without the cards that link to `left_out_urls`."""
    article = BeautifulSoup(html, "html.parser").find("article")
    assert article is not None
    for hidden in article.find_all(["script", "style", "template", "svg"]):
        hidden.decompose()
    for card in article.select("li.lr-story-card"):
        if any(link.get("href") in left_out_urls for link in card.find_all("a")):
            card.decompose()
    return [normalise(text) for text in article.stripped_strings if len(normalise(text)) > 1]


@pytest.mark.parametrize("model", [TestimonyPage, ProjectPage, NewsPage])
def test_every_demo_page_is_rebuilt_from_the_api_alone(client, model):
    pages = [
        page
        for page in consent.visible_pages(model.objects.all(), consent.API).specific()
        if consent.page_is_visible(page)
    ]
    assert len(pages) >= 2
    # Stories whose consent allows the website but not the API: the HTML may link them as
    # related stories, the API rightly does not.
    website_only = [
        story
        for story in consent.visible_pages(TestimonyPage.objects.all(), consent.WEBSITE)
        if not consent.page_is_visible(story, consent.API)
    ]
    assert website_only, "the demo has a story for the website only"
    not_in_api = {story.pseudonym for story in website_only}
    not_in_api_urls = {story.url for story in website_only}
    for page in pages:
        language = page.locale.language_code
        fragments = article_fragments(client.get(page.url).content.decode(), not_in_api_urls)
        data = client.get(f"/api/v2/pages/{page.pk}/").json()
        settings = client.get(f"/api/v2/settings/?locale={language}").json()
        with translation.override(language):
            text = normalise(json_text(data) + " " + json_text(settings))
        words = words_of(text)
        interface = interface_strings(language)
        content = [
            f
            for f in fragments
            if without_numbers(f) not in interface and not any(name in f for name in not_in_api)
        ]
        missing = [f for f in content if f not in text and not words_of(f) <= words]
        assert not missing, (page.url, missing)
        assert len(content) >= 4, page.url  # the comparison compared something
