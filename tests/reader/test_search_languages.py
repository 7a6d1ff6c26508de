"""Search in each page's own language: on PostgreSQL, that language's text search configuration.

The word pairs below were checked in psql: under the named configuration both forms have one
stem (`to_tsvector(config, a) @@ to_tsquery(config, b)`); under `simple` or the other
language's configuration they do not. The suite runs on SQLite and on PostgreSQL (.ci/run).
"""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from sitewide.languages import KNOWN_LANGUAGES
from sitewide.models import HomePage, InformationPage
from sitewide.search.backend import TEXT_SEARCH_CONFIGS, text_search_config
from stories.consent.takedown import withdraw
from stories.models import ConsentRecord, TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, make_user

pytestmark = pytest.mark.django_db

API = "/api/v2/pages/"

postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="other database run: text search configurations are PostgreSQL's; SQLite uses "
    "Wagtail's database backend unchanged (run with DATABASE_URL=postgres://... to test them)",
)


# The mapping: a pure function, on both databases.


def test_every_known_language_has_a_chosen_configuration():
    assert set(TEXT_SEARCH_CONFIGS) == set(KNOWN_LANGUAGES)


def test_each_language_has_its_postgresql_configuration():
    assert {code: text_search_config(code) for code in KNOWN_LANGUAGES} == {
        "nl": "dutch",
        "en": "english",
        "de": "german",
        "fr": "french",
        "es": "spanish",
        "ro": "romanian",
        "sr-latn": "serbian",
        "hu": "hungarian",
        "bg": "simple",  # PostgreSQL has no Bulgarian stemmer
        "ar": "arabic",
    }


def test_a_language_postgresql_does_not_know_gets_simple():
    assert text_search_config("xx") == "simple"
    assert text_search_config("") == "simple"


@pytest.mark.skipif(
    connection.vendor == "postgresql", reason="other database run: the SQLite side of the backend"
)
def test_sqlite_uses_wagtails_database_backend_with_arabic_written_forms():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

    from sitewide.search.arabic import WrittenFormsMixin
    from sitewide.search.sqlite import WrittenFormsSearchBackend

    backend = get_search_backend()
    assert type(backend) is WrittenFormsSearchBackend
    assert isinstance(backend, SQLiteSearchBackend) and isinstance(backend, WrittenFormsMixin)


def test_arabic_words_lose_the_article_and_joined_words_they_are_written_with():
    from sitewide.search.arabic import stem, written_forms

    assert stem("الثقة") == "ثقة"  # the trust
    assert stem("بالثقة") == "ثقة"  # with the trust
    assert stem("وثقة") == "ثقة"  # and trust
    assert stem("للثقة") == "ثقة"  # for the trust
    assert stem("ثقة") == "ثقة"
    assert stem("بل") == "بل"  # a word of its own: nothing is left to take off
    forms = written_forms("ثقة")
    assert forms[0] == "ثقة"
    assert {"الثقة", "بالثقة", "والثقة", "للثقة", "وثقة"} <= set(forms)
    assert written_forms("الثقة")[:2] == ["الثقة", "ثقة"]
    # Spellings readers use for the same word: no hamza, ha for ta marbuta, typed vowel marks.
    assert "الإيواء" in written_forms("الايواء")
    assert "الثقة" in written_forms("ثقه")
    assert written_forms("يُقدَّر")[0] == "يقدر"


# Both databases: a reader's Arabic search finds a page whatever article or joined word either
# side writes (sitewide.search.arabic).


@pytest.mark.parametrize("query", ["ثقة", "الثقة", "بالثقة", "والثقة", "ثقه", "الايواء"])
def test_an_arabic_search_finds_the_word_however_it_is_joined(client, query):
    page = add_page("ar", "العودة إلى البيت", "قصة عن الثقة والإيواء.", "arabic-written-forms")
    assert page.pk in search_ids(query, Page.objects.live().filter(locale=page.locale))
    assert "العودة إلى البيت" in client.get("/ar/search/", {"q": query}).content.decode()
    assert page.pk in api_search_ids(client, query, locale="ar")


def test_an_arabic_search_with_every_word_required_still_needs_each_word(client):
    page = add_page("ar", "العودة إلى البيت", "قصة عن الثقة والعمل.", "arabic-all-words")
    assert page.pk in api_search_ids(client, "ثقة عمل", locale="ar", search_operator="and")
    assert page.pk not in api_search_ids(client, "ثقة بحر", locale="ar", search_operator="and")
    assert page.pk in api_search_ids(client, "ثقة بحر", locale="ar", search_operator="or")


# PostgreSQL: indexing and searching per language.


def add_page(language_code, title, intro, slug):
    """A live information page in a language (a new locale if the site has none for it)."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    parent = HomePage.objects.filter(locale=locale).first() or Page.get_first_root_node()
    page = InformationPage(title=title, intro=intro, slug=slug, locale=locale)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def lexemes(page):
    """The words of a page's index entry as PostgreSQL stored them (its tsvectors, as text)."""
    entry = IndexEntry.objects.get(content_type_id=page.content_type_id, object_id=str(page.pk))
    return f"{entry.title} {entry.body}"


def search_ids(query, queryset=None):
    queryset = Page.objects.live() if queryset is None else queryset
    return [page.pk for page in get_search_backend().search(query, queryset)]


def api_search_ids(client, query, **params):
    response = client.get(API, {"search": query, **params})
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["items"]]


@postgresql_only
def test_the_postgresql_backend_is_the_language_aware_one():
    from sitewide.search.postgres import LanguageSearchBackend

    backend = get_search_backend()
    assert type(backend) is LanguageSearchBackend
    # Objects without a language (images, documents) use the source language's.
    assert backend.config == "dutch"


@postgresql_only
def test_every_configuration_exists_in_postgresql():
    with connection.cursor() as cursor:
        cursor.execute("SELECT cfgname FROM pg_ts_config")
        available = {name for (name,) in cursor.fetchall()}
    assert set(TEXT_SEARCH_CONFIGS.values()) <= available


@postgresql_only
def test_dutch_page_is_found_by_an_inflected_dutch_word(client):
    # 'verhalen' (stories) and 'verhaal' (story) share the Dutch stem 'verhal'; English keeps
    # them apart, so this fails with one English configuration for everything.
    page = add_page("nl", "Thuiskomen", "Het verhaal van haar terugkeer.", "thuiskomen-test")
    assert "'verhal'" in lexemes(page)
    assert page.pk in search_ids("verhalen", Page.objects.live().filter(locale=page.locale))
    assert "Thuiskomen" in client.get("/nl/search/", {"q": "verhalen"}).content.decode()
    assert page.pk in api_search_ids(client, "verhalen", locale="nl")


@postgresql_only
def test_english_page_is_found_by_an_inflected_english_word(client):
    # 'stories' and 'story' share the English stem 'stori'; Dutch keeps them apart.
    page = add_page("en", "Coming home", "One woman's story of her return.", "coming-home-test")
    assert "'stori'" in lexemes(page)
    assert page.pk in search_ids("stories", Page.objects.live().filter(locale=page.locale))
    assert "Coming home" in client.get("/en/search/", {"q": "stories"}).content.decode()
    assert page.pk in api_search_ids(client, "stories", locale="en")


@postgresql_only
def test_a_search_over_all_languages_matches_each_page_in_its_own(client):
    """The API searches every language at once: each row with its own language's query."""
    dutch = add_page("nl", "Thuis", "Een verhaal over thuis en een story.", "thuis-test")
    english = add_page("en", "Home", "A story about home and a verhaal.", "home-test")
    # The Dutch page's 'verhaal' is Dutch-stemmed, its 'story' is not English-stemmed; and the
    # other way round on the English page.
    assert set(search_ids("verhalen")) & {dutch.pk, english.pk} == {dutch.pk}
    assert set(search_ids("stories")) & {dutch.pk, english.pk} == {english.pk}
    assert dutch.pk in api_search_ids(client, "verhalen")
    assert english.pk not in api_search_ids(client, "verhalen")
    assert english.pk in api_search_ids(client, "stories")
    assert dutch.pk not in api_search_ids(client, "stories")


@postgresql_only
@pytest.mark.parametrize(
    ("language_code", "text", "other_form", "stem"),
    [
        # Arabic: the article and the feminine ending go ('المدرسة', the school).
        ("ar", "مدرسة", "المدرسة", "'مدرس'"),
        # Serbian in Latin script: 'priča' (story), 'pričama' (to stories).
        ("sr-latn", "Njena priča", "pričama", "'prič'"),
    ],
)
def test_arabic_and_serbian_pages_are_stemmed_in_their_language(
    language_code, text, other_form, stem
):
    page = add_page(language_code, text, text, f"stem-test-{language_code}")
    assert stem in lexemes(page)
    assert search_ids(other_form, Page.objects.live().filter(locale=page.locale)) == [page.pk]


@postgresql_only
def test_bulgarian_pages_are_indexed_with_simple():
    # `simple` lower-cases and does not stem: English would have made 'Stories' 'stori'.
    page = add_page("bg", "Историята", "Stories", "simple-test-bg")
    words = lexemes(page)
    assert "'историята'" in words and "'stories'" in words and "'stori'" not in words
    in_bulgarian = Page.objects.live().filter(locale=page.locale)
    assert search_ids("историята", in_bulgarian) == [page.pk]
    assert search_ids("история", in_bulgarian) == []


@postgresql_only
def test_update_index_rebuilds_each_page_in_its_language():
    dutch = add_page("nl", "Thuiskomen", "Het verhaal van haar terugkeer.", "thuiskomen-test")
    english = add_page("en", "Coming home", "One woman's story.", "coming-home-test")
    IndexEntry.objects.all().delete()
    call_command("update_index", stdout=io.StringIO(), stderr=io.StringIO())
    assert "'verhal'" in lexemes(dutch) and "'stori'" in lexemes(english)
    assert dutch.pk in search_ids("verhalen")
    assert english.pk in search_ids("stories")


@postgresql_only
def test_admin_page_search_still_completes_words(client):
    # The admin searches by word beginnings (autocomplete), in `simple` for every language.
    add_page("nl", "Thuiskomen", "Het verhaal van haar terugkeer.", "thuiskomen-test")
    client.force_login(make_user("admin", superuser=True))
    response = client.get("/admin/pages/search/", {"q": "thuiskom"})
    assert response.status_code == 200
    assert "Thuiskomen" in response.content.decode()


@postgresql_only
def test_consent_rule_still_hides_a_withdrawn_story_from_search(client):
    english = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    assert english.pk in api_search_ids(client, FIRST_PSEUDONYM, locale="en")
    # Withdrawn for the API only: the page stays live, and search finds it, but the API's
    # consent rule must still hide it.
    withdraw(ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM), reason="No partners", part="api")
    assert english.pk in search_ids(FIRST_PSEUDONYM)
    assert english.pk not in api_search_ids(client, FIRST_PSEUDONYM, locale="en")
    assert english.title in client.get("/en/search/", {"q": "trust"}).content.decode()
    # Withdrawn everywhere: gone from the website's search too.
    withdraw(ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM), reason="Asked by phone")
    assert english.title not in client.get("/en/search/", {"q": "trust"}).content.decode()
    assert english.pk not in api_search_ids(client, FIRST_PSEUDONYM)


def test_a_long_arabic_search_stays_within_what_the_database_parses(client):
    """Every Arabic word in its written forms would make hundreds of nested alternatives, past
    what SQLite's full-text parser takes: a long search answers, and finds its page."""
    title = "قصة طويلة عن الثقة والعمل والبيت والعودة والأمل والأسرة والمدرسة والطريق"
    page = add_page("ar", title, "نص تجريبي.", "arabic-long-search")
    response = client.get("/ar/search/", {"q": title})
    assert response.status_code == 200 and title in response.content.decode()
    assert page.pk in api_search_ids(client, title, locale="ar")
    assert page.pk in search_ids(title, Page.objects.live().filter(locale=page.locale))
