"""Search answers every query with a page a reader can use: each hit's kind, language and a
snippet with the matched words marked; odd input gets a message, never an error."""

import html

import pytest
from bs4 import BeautifulSoup

from tests.helpers import FIRST_PSEUDONYM


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type one or more words to search."),
        ("'", "Nothing found for “'”."),
        ("x" * 10_000, "Your search was long, so only its first 200 characters were used."),
        ("ّ" * 10_000, "Your search was long, so only its first 200 characters were used."),
    ],
    ids=["empty", "quote", "10000", "10000-arabic"],
)
def test_odd_queries_answer_200_with_a_message(client, query, message):
    response = client.get("/en/search/", {"q": query})
    assert response.status_code == 200
    statuses = [
        p.get_text() for p in BeautifulSoup(response.content, "html.parser").select("[role=status]")
    ]
    assert message in statuses


@pytest.mark.django_db
def test_hits_show_kind_language_and_marked_words(client):
    response = client.get("/en/search/", {"q": "trust"})
    soup = BeautifulSoup(response.content, "html.parser")
    hits = soup.select(".lr-results li")
    assert hits
    assert hits[0].select_one(".lr-results__kind").get_text() == "Story · English"
    marked = [mark.get_text().lower() for mark in soup.select(".lr-results__snippet mark")]
    assert marked and set(marked) == {"trust"}


@pytest.mark.django_db
def test_dutch_hits_speak_dutch(client):
    soup = BeautifulSoup(client.get("/nl/search/", {"q": "vertrouwen"}).content, "html.parser")
    assert soup.select_one(".lr-results__kind").get_text() == "Verhaal · Nederlands"
    assert soup.select(".lr-results__snippet mark")


@pytest.mark.django_db
def test_a_snippet_shows_typed_markup_as_text(client):
    from stories.models import TestimonyPage

    story = TestimonyPage.objects.get(locale__language_code="en", pseudonym=FIRST_PSEUDONYM)
    story.teaser = "<script>alert(1)</script> trust & <b>care</b>"
    story.save()
    text = client.get("/en/search/", {"q": "trust"}).content.decode()
    assert "<script>alert(1)</script>" not in text
    assert html.escape("<script>alert(1)</script>") in text
    assert "<mark>trust</mark> &amp; &lt;b&gt;care&lt;/b&gt;" in text


@pytest.mark.django_db
def test_a_phrase_finds_pages_with_all_its_words_first_and_else_with_some(client):
    def titles(query):
        soup = BeautifulSoup(client.get("/nl/search/", {"q": query}).content, "html.parser")
        return [a.get_text() for a in soup.select(".lr-results a")]

    alone = titles("paspoort")
    assert alone  # the demo speaks of a passport taken away
    # No page has both words: the pages with one of them, not "nothing found".
    assert titles("paspoort kwijt") == alone
    # A page with every word comes before pages with only some.
    both = titles("paspoort vertrouwen")
    assert both and set(both) <= set(alone) | set(titles("vertrouwen"))
