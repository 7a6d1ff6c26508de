"""A language the content is not (yet) translated into: the API falls back as the website does.

The safety and privacy pages the API names for a language are the pages the website links to in
that language (its translation, else the English one, else the page chosen); the directory of
organisations in a language lists each organisation in it, else in English."""

from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_the_api_names_the_pages_the_website_links_to(client, language):
    answer = client.get(f"/api/v2/settings/?locale={language}").json()
    html = client.get(f"/{language}/", follow=True).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    privacy = soup.select_one(".lr-footer__privacy a")
    named = answer["privacy_page"]
    if privacy is None:
        assert named is None
    else:
        assert urlsplit(named["html_url"]).path == privacy["href"], language
    safety = answer["safety_page"]
    if safety is not None:
        path = urlsplit(safety["html_url"]).path
        assert soup.find("a", href=path) is not None, (language, path)


# A language the demo has no organisations in (Arabic has them all).
UNTRANSLATED = "de"


def test_the_directory_in_a_language_without_translations_lists_the_english_entries(client):
    from stories.models import Organisation

    english = client.get("/api/v2/organisations/?locale=en&limit=50").json()
    other = client.get(f"/api/v2/organisations/?locale={UNTRANSLATED}&limit=50").json()
    assert not Organisation.objects.filter(locale__language_code=UNTRANSLATED).exists()
    assert english["meta"]["total_count"] > 0
    assert [item["id"] for item in other["items"]] == [item["id"] for item in english["items"]]
    assert {item["locale"] for item in other["items"]} == {"en"}


def test_the_directory_in_arabic_lists_the_arabic_entries(client):
    english = client.get("/api/v2/organisations/?locale=en&limit=50").json()
    arabic = client.get("/api/v2/organisations/?locale=ar&limit=50").json()
    assert arabic["meta"]["total_count"] == english["meta"]["total_count"] > 0
    assert {item["locale"] for item in arabic["items"]} == {"ar"}


def test_the_directory_prefers_the_language_asked_for_and_lists_each_organisation_once(client):
    from wagtail.models import Locale

    from stories.models import Organisation

    source = Organisation.objects.filter(locale__language_code="en").order_by("name").first()
    translated = source.copy_for_translation(Locale.objects.get(language_code=UNTRANSLATED))
    translated.description = "Eine Demo-Organisation."
    translated.save()
    answer = client.get(f"/api/v2/organisations/?locale={UNTRANSLATED}&limit=50").json()
    ids = [item["id"] for item in answer["items"]]
    assert translated.pk in ids and source.pk not in ids
    assert len(ids) == len(set(ids)) == answer["meta"]["total_count"]
    # The other filters still apply to the chosen versions.
    in_country = client.get(
        f"/api/v2/organisations/?locale={UNTRANSLATED}&country={source.country}"
    ).json()
    assert all(item["country"] == source.country for item in in_country["items"])
