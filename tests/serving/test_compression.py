"""HTML and JSON sent compressed by Accept-Encoding (sitewide.serving.compression), kept compressed
in the page cache so that a hit compresses nothing."""

import gzip

import brotli
import pytest

from sitewide.serving import compression
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, make_user

pytestmark = pytest.mark.django_db

HEADER = "X-Page-Cache"


def story_url(language="en"):
    return TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code=language).url


def decoded(response) -> bytes:
    encoding = response.get("Content-Encoding")
    if encoding == "br":
        return brotli.decompress(response.content)
    if encoding == "gzip":
        return gzip.decompress(response.content)
    assert encoding is None, encoding
    return response.content


def varies_on_encoding(response) -> bool:
    return "accept-encoding" in response.get("Vary", "").lower()


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_a_story_is_sent_compressed_and_kept_compressed(client, encoding):
    url = story_url()
    plain = client.get(url)
    assert plain.status_code == 200 and "Content-Encoding" not in plain
    assert varies_on_encoding(plain)
    for expected in ("hit", "hit"):
        response = client.get(url, headers={"Accept-Encoding": f"{encoding}, deflate"})
        assert response[HEADER] == expected
        assert response["Content-Encoding"] == encoding
        assert varies_on_encoding(response)
        assert int(response["Content-Length"]) == len(response.content)
        assert len(response.content) * 3 < len(plain.content)
        assert decoded(response) == plain.content


def test_a_miss_is_sent_compressed_too(client):
    response = client.get(story_url(), headers={"Accept-Encoding": "gzip, deflate, br"})
    assert response[HEADER] == "miss" and response["Content-Encoding"] == "br"
    assert FIRST_PSEUDONYM.encode() in decoded(response)
    assert client.get(story_url())[HEADER] == "hit"  # the plain body was kept as well


def test_a_hit_costs_no_compression(client, monkeypatch):
    calls = []
    original = compression.compress

    def counting(body, encoding):
        calls.append(encoding)
        return original(body, encoding)

    monkeypatch.setattr(compression, "compress", counting)
    url = story_url()
    for _ in range(3):
        client.get(url, headers={"Accept-Encoding": "br"})
    for _ in range(3):
        client.get(url, headers={"Accept-Encoding": "gzip"})
    for _ in range(2):
        client.get(url)
    # Once per encoding, at the first request that asked for it; every later hit replays bytes.
    assert calls == ["br", "gzip"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("br", "br"),
        ("gzip", "gzip"),
        ("gzip, br", "br"),
        ("br;q=0.5, gzip;q=0.8", "gzip"),
        ("br;q=0, gzip", "gzip"),
        ("*", "br"),
        ("*;q=0", None),
        ("identity", None),
        ("deflate", None),
        ("", None),
        ("br;q=x, , ;;", None),
    ],
)
def test_the_encoding_follows_accept_encoding(rf, accept, expected):
    request = rf.get("/", headers={"Accept-Encoding": accept} if accept else {})
    assert compression.accepted_encoding(request) == expected


def test_api_answers_are_compressed_with_a_weak_etag_that_still_answers_304(client):
    url = "/api/v2/pages/?locale=en"
    plain = client.get(url)
    first = client.get(url, headers={"Accept-Encoding": "br"})
    again = client.get(url, headers={"Accept-Encoding": "br"})
    assert first["Content-Encoding"] == "br" == again["Content-Encoding"]
    assert again[HEADER] == "hit"
    assert decoded(first) == decoded(again) == plain.content
    assert varies_on_encoding(first) and varies_on_encoding(plain)
    # The same content has one validator; compressed, it is weak (its bytes differ per encoding).
    assert first["ETag"] == again["ETag"] == "W/" + plain["ETag"]
    for etag in (first["ETag"], plain["ETag"]):
        not_modified = client.get(url, headers={"Accept-Encoding": "br", "If-None-Match": etag})
        assert not_modified.status_code == 304


def test_answers_that_are_not_kept_are_compressed_as_well(client):
    response = client.get("/en/search/?q=passport", headers={"Accept-Encoding": "gzip"})
    assert response.status_code == 200 and HEADER not in response
    assert response["Content-Encoding"] == "gzip"
    assert b"passport" in decoded(response)
    assert varies_on_encoding(response)


def test_staff_pages_and_pages_with_a_csrf_token_are_never_compressed(client):
    """A secret (session, CSRF token) next to text a requester chooses is what BREACH reads."""
    login = client.get("/admin/login/", headers={"Accept-Encoding": "br, gzip"})
    assert login.status_code == 200 and "Content-Encoding" not in login
    client.force_login(make_user("editor-compression", superuser=True))
    for url in ("/admin/", story_url()):
        response = client.get(url, headers={"Accept-Encoding": "br, gzip"})
        assert response.status_code == 200, url
        assert "Content-Encoding" not in response, url


def test_small_answers_stay_plain(client):
    response = client.get("/robots.txt", headers={"Accept-Encoding": "br"})
    assert response.status_code == 200
    if len(response.content) < compression.MIN_BYTES:
        assert "Content-Encoding" not in response
    else:
        assert response["Content-Encoding"] == "br"
