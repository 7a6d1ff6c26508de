"""Static files: collected with hashed names, compressed (Brotli and gzip), cached for good."""

import gzip
from pathlib import Path

import brotli
import pytest
from django.conf import settings
from django.templatetags.static import static

pytestmark = pytest.mark.django_db

IMMUTABLE = "max-age=315360000, public, immutable"
ASSETS = ["longread/reader.css", "longread/reader.js"]


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.mark.parametrize("name", ASSETS)
def test_collectstatic_writes_hashed_brotli_and_gzip_files(name):
    hashed = static(name).removeprefix(settings.STATIC_URL)
    assert hashed != name, "the manifest gives a hashed name"
    root = Path(settings.STATIC_ROOT)
    original = (root / name).read_bytes()
    assert (root / hashed).read_bytes() == original
    assert brotli.decompress((root / f"{hashed}.br").read_bytes()) == original
    assert gzip.decompress((root / f"{hashed}.gz").read_bytes()) == original


@pytest.mark.parametrize("name", ASSETS)
def test_hashed_file_is_served_brotli_compressed_and_immutable(client, name):
    url = static(name)
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "br"
    assert response["Cache-Control"] == IMMUTABLE
    assert "Accept-Encoding" in response["Vary"]
    original = (Path(settings.STATIC_ROOT) / name).read_bytes()
    compressed = _body(response)
    assert brotli.decompress(compressed) == original
    assert len(compressed) < len(original)


def test_gzip_for_clients_without_brotli_and_plain_for_the_rest(client):
    url = static("longread/reader.css")
    original = (Path(settings.STATIC_ROOT) / "longread/reader.css").read_bytes()
    gzipped = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert gzipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(_body(gzipped)) == original
    plain = client.get(url, HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in plain
    assert _body(plain) == original


def test_pages_link_the_hashed_files(client):
    html = client.get("/en/").content.decode()
    for name in ASSETS:
        assert static(name) in html
