"""Uploads that could hurt are refused with a form error: never stored, never a server error.

Every upload goes through the real admin views as a superuser would send it: the image form, the
multiple uploader (which answers JSON), replacing an image's or document's file, the document
forms, and the audio and video snippet. After each refusal nothing new is in the database or in
storage. Decompression bombs are refused from their header, before any pixel is decoded: the
test measures the memory the whole request takes.
"""

import gc
import io
import os
import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, UploadedFile

from longread.mediafiles import MediaFile
from tests.helpers import choose_admin_language, make_user

pytestmark = [
    pytest.mark.django_db,
    # Pillow warns about every bomb it opens; the refusal is what these tests check.
    pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning"),
]

MB = 1024 * 1024


# --- Files ---------------------------------------------------------------------------------------


def png_chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data) & 0xFFFFFFFF
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)


def png_bomb(width: int, height: int) -> bytes:
    """A valid black-and-white PNG of width × height pixels, compressed row by row, so that
    neither making nor storing it needs the pixels in memory (12000 × 12000: about 17 KB)."""
    compressor = zlib.compressobj(9)
    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte, then one bit per pixel
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", idat)
        + png_chunk(b"IEND", b"")
    )


def image_bytes(image_format="PNG", size=(40, 30)) -> bytes:
    output = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(output, image_format)
    return output.getvalue()


def padded(data: bytes, size: int) -> bytes:
    """The file made larger than size by bytes after its end (readers ignore them)."""
    return data + b"\x00" * (size - len(data) + 1)


PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj\n"
    b"trailer << /Root 1 0 R >>\n%%EOF\n"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)">'
    b"<script>alert(1)</script><rect width='10' height='10'/></svg>"
)
DOCX = b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 200  # a zip, as Word writes
MP3 = b"ID3\x04\x00\x00\x00\x00\x00\x00" + b"\xff\xfb\x90\x64" + b"\x00" * 400
WEBVTT = b"WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n"

# --- Refused images: name, bytes, words the error says --------------------------------------------

BAD_IMAGES = {
    "bomb-144-megapixels": ("kaart.png", png_bomb(12000, 12000), "too many pixels"),
    "bomb-400-megapixels": ("kaart.png", png_bomb(20000, 20000), "too many pixels"),
    "too-large": ("groot.png", padded(image_bytes(), 15 * MB), "too big"),
    "pdf-as-jpeg": ("foto.jpg", PDF, "not an image"),
    "html-as-jpeg": ("foto.jpg", HTML, "does not match"),
    "png-as-pdf": ("foto.pdf", image_bytes(), "Not a supported image format"),
    "png-as-jpeg": ("foto.jpg", image_bytes(), "extension does not match"),
    "svg": ("tekening.svg", SVG, "Not a supported image format"),
    "svg-as-png": ("tekening.png", SVG, "does not match"),
}


@pytest.fixture
def admin_client(client):
    client.user = make_user("upload-admin", superuser=True)
    client.force_login(client.user)
    return client


def root_collection_id():
    return Collection.get_first_root_node().pk


def media_files() -> set[Path]:
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


class Unchanged:
    """Counts rows and lists files before, and checks after, that nothing new was stored."""

    def __init__(self, *models):
        self.models = (*models, UploadedFile)
        self.counts = [model.objects.count() for model in self.models]
        self.files = media_files()

    def check(self):
        assert [model.objects.count() for model in self.models] == self.counts
        assert media_files() == self.files


def form_error(response, field="file") -> str:
    assert response.status_code == 200, response.status_code
    errors = response.context["form"].errors
    assert field in errors, errors
    return " ".join(errors[field])


def json_error(response) -> str:
    assert response.status_code == 200, response.status_code
    payload = response.json()
    assert payload["success"] is False, payload
    assert "uploaded_file_id" not in payload
    return payload["error_message"]


def post_image(client, file_name, data):
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Een foto",
            "file": SimpleUploadedFile(file_name, data),
            "collection": root_collection_id(),
            "tags": "",
            "description": "",
        },
    )


def post_image_multiple(client, file_name, data, url_name="wagtailimages:add_multiple"):
    return client.post(
        reverse(url_name),
        {"files[]": SimpleUploadedFile(file_name, data), "collection": root_collection_id()},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )


def replace_image_file(client, image, file_name, data):
    return client.post(
        reverse("wagtailimages:edit", args=(image.pk,)),
        {
            "title": image.title,
            "file": SimpleUploadedFile(file_name, data),
            "collection": image.collection_id,
            "tags": "",
            "description": image.description,
        },
    )


def post_document(client, file_name, data):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Rapport",
            "file": SimpleUploadedFile(file_name, data),
            "collection": root_collection_id(),
            "tags": "",
        },
    )


def replace_document_file(client, document, file_name, data):
    return client.post(
        reverse("wagtaildocs:edit", args=(document.pk,)),
        {
            "title": document.title,
            "file": SimpleUploadedFile(file_name, data),
            "collection": document.collection_id,
            "tags": "",
        },
    )


def post_media_file(client, kind, file_name, data, captions=None):
    post = {
        "title": "Een opname",
        "kind": kind,
        "file": SimpleUploadedFile(file_name, data),
        "captions_language": "nl",
        "duration_seconds": "",
    }
    if captions is not None:
        post["captions"] = SimpleUploadedFile("ondertitels.vtt", captions)
    return client.post(reverse("wagtailsnippets_longread_mediafile:add"), post)


# --- Images --------------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", list(BAD_IMAGES))
def test_image_form_refuses(admin_client, bad):
    file_name, data, words = BAD_IMAGES[bad]
    unchanged = Unchanged(get_image_model())
    assert words.lower() in form_error(post_image(admin_client, file_name, data)).lower()
    unchanged.check()


@pytest.mark.parametrize("bad", list(BAD_IMAGES))
def test_multiple_image_upload_refuses(admin_client, bad):
    file_name, data, words = BAD_IMAGES[bad]
    unchanged = Unchanged(get_image_model())
    assert words.lower() in json_error(post_image_multiple(admin_client, file_name, data)).lower()
    unchanged.check()


@pytest.mark.parametrize("bad", list(BAD_IMAGES))
def test_replacing_an_image_file_refuses(admin_client, bad):
    file_name, data, words = BAD_IMAGES[bad]
    image = get_image_model().objects.order_by("pk").first()
    before = (image.file.name, image.width, image.height, image.file_hash)
    admin_client.get(reverse("wagtailimages:edit", args=(image.pk,)))  # makes its previews
    unchanged = Unchanged(get_image_model())
    response = replace_image_file(admin_client, image, file_name, data)
    assert words.lower() in form_error(response).lower()
    unchanged.check()
    image.refresh_from_db()
    assert (image.file.name, image.width, image.height, image.file_hash) == before


def test_a_good_image_is_still_accepted_every_way(admin_client):
    """The refusals above are not a refusal of everything."""
    model = get_image_model()
    count = model.objects.count()
    assert post_image(admin_client, "foto.png", image_bytes()).status_code == 302
    assert post_image_multiple(admin_client, "foto.jpg", image_bytes("JPEG")).json()["success"]
    assert model.objects.count() == count + 2
    image = model.objects.latest("pk")
    response = replace_image_file(admin_client, image, "ander.webp", image_bytes("WEBP", (60, 20)))
    assert response.status_code == 302
    image.refresh_from_db()
    assert (image.width, image.height) == (60, 20)


def peak_memory_of(request) -> tuple[int, int]:
    """Peak growth of the process's resident memory (pixels decoded by Pillow are allocated in C,
    outside Python's allocator) and of Python's own allocations, while request() runs."""
    gc.collect()
    with open("/proc/self/clear_refs", "w") as clear_refs:
        clear_refs.write("5")  # the kernel's peak resident size starts again from now
    start = resident_kb("VmRSS")
    tracemalloc.start()
    try:
        request()
        python_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return (resident_kb("VmHWM") - start) * 1024, python_peak


def resident_kb(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(field)


@pytest.mark.skipif(
    not os.access("/proc/self/clear_refs", os.W_OK),
    reason="needs Linux's resettable per-process peak memory (/proc/self/clear_refs)",
)
@pytest.mark.parametrize("how", ["single", "multiple"])
def test_a_decompression_bomb_is_refused_in_bounded_memory(admin_client, how):
    data = png_bomb(12000, 12000)
    assert len(data) < 20_000  # 17 KB on disk, 144 megapixels (144 MB as 8-bit pixels) decoded
    assert Image.open(io.BytesIO(data)).size == (12000, 12000)
    unchanged = Unchanged(get_image_model())
    responses = []
    post = post_image if how == "single" else post_image_multiple
    resident_peak, python_peak = peak_memory_of(
        lambda: responses.append(post(admin_client, "kaart.png", data))
    )
    assert resident_peak < 50 * MB, resident_peak
    assert python_peak < 50 * MB, python_peak
    error = form_error(responses[0]) if how == "single" else json_error(responses[0])
    assert "144000000" in error and "40000000" in error, error
    unchanged.check()


def test_limits_are_set():
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 15 * MB
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * MB
    assert settings.WAGTAILDOCS_EXTENSIONS == ["pdf"]
    assert "svg" not in settings.WAGTAILIMAGES_EXTENSIONS


# --- Documents -----------------------------------------------------------------------------------

BAD_DOCUMENTS = {
    "png-as-pdf": ("rapport.pdf", image_bytes(), "not a PDF"),
    "html-as-pdf": ("rapport.pdf", HTML, "not a PDF"),
    "svg-as-pdf": ("rapport.pdf", SVG, "not a PDF"),
    "svg": ("tekening.svg", SVG, "pdf"),
    "html": ("pagina.html", HTML, "pdf"),
    "docx": ("rapport.docx", DOCX, "pdf"),
    "pdf-named-docx": ("rapport.docx", PDF, "pdf"),
    "no-extension": ("rapport", PDF, "pdf"),
    "empty": ("rapport.pdf", b"", "empty"),
    "too-large": ("rapport.pdf", padded(PDF, 20 * MB), "too big"),
}


@pytest.mark.parametrize("bad", list(BAD_DOCUMENTS))
def test_document_form_refuses(admin_client, bad):
    file_name, data, words = BAD_DOCUMENTS[bad]
    unchanged = Unchanged(get_document_model())
    response = post_document(admin_client, file_name, data)
    assert words.lower() in form_error(response).lower()
    assert len(response.context["form"].errors["file"]) == 1  # one reason, said once
    unchanged.check()


@pytest.mark.parametrize("bad", list(BAD_DOCUMENTS))
def test_multiple_document_upload_refuses(admin_client, bad):
    file_name, data, words = BAD_DOCUMENTS[bad]
    unchanged = Unchanged(get_document_model())
    response = post_image_multiple(admin_client, file_name, data, "wagtaildocs:add_multiple")
    error = json_error(response)
    assert words.lower() in error.lower()
    assert "\n" not in error
    unchanged.check()


@pytest.mark.parametrize("bad", list(BAD_DOCUMENTS))
def test_replacing_a_document_file_refuses(admin_client, bad):
    file_name, data, words = BAD_DOCUMENTS[bad]
    assert post_document(admin_client, "rapport.pdf", PDF).status_code == 302
    document = get_document_model().objects.latest("pk")
    before = (document.file.name, document.file_hash, document.file_size)
    unchanged = Unchanged(get_document_model())
    response = replace_document_file(admin_client, document, file_name, data)
    assert words.lower() in form_error(response).lower()
    unchanged.check()
    document.refresh_from_db()
    assert (document.file.name, document.file_hash, document.file_size) == before


def test_the_refusal_speaks_dutch_in_the_dutch_admin(admin_client):
    choose_admin_language(admin_client.user, "nl")
    # What the page shows (the form's errors are lazy: read outside the request, they would
    # speak the test's language).
    response = post_document(admin_client, "rapport.pdf", HTML)
    assert "Dit bestand is geen PDF" in response.content.decode()
    response = post_media_file(admin_client, "audio", "opname.mp3", HTML)
    assert "Dit is geen audiobestand" in response.content.decode()


def test_a_pdf_is_accepted_every_way(admin_client):
    model = get_document_model()
    count = model.objects.count()
    assert post_document(admin_client, "rapport.pdf", PDF).status_code == 302
    response = post_image_multiple(admin_client, "Verslag.PDF", PDF, "wagtaildocs:add_multiple")
    assert response.json()["success"], response.json()
    assert model.objects.count() == count + 2
    document = model.objects.latest("pk")
    new_pdf = PDF.replace(b"200 200", b"300 300")
    assert replace_document_file(admin_client, document, "nieuw.pdf", new_pdf).status_code == 302
    document.refresh_from_db()
    with document.open_file() as file:
        assert file.read() == new_pdf


# --- Audio and video -----------------------------------------------------------------------------

BAD_MEDIA = {
    "html-as-mp3": ("audio", "opname.mp3", HTML, "not an audio file"),
    "svg-as-ogg": ("audio", "opname.ogg", SVG, "not an audio file"),
    "png-as-wav": ("audio", "opname.wav", image_bytes(), "not an audio file"),
    "pdf-as-m4a": ("audio", "opname.m4a", PDF, "not an audio file"),
    "html-as-mp4": ("video", "film.mp4", HTML, "not a video file"),
    "png-as-webm": ("video", "film.webm", image_bytes(), "not a video file"),
    "svg": ("audio", "opname.svg", SVG, "File extension"),
    "html": ("video", "film.html", HTML, "File extension"),
}


@pytest.mark.parametrize("bad", list(BAD_MEDIA))
def test_audio_and_video_refuse_what_they_are_not(admin_client, bad):
    kind, file_name, data, words = BAD_MEDIA[bad]
    unchanged = Unchanged(MediaFile)
    captions = WEBVTT if kind == "video" else None
    response = post_media_file(admin_client, kind, file_name, data, captions)
    assert words.lower() in form_error(response).lower()
    unchanged.check()


def test_audio_and_video_over_the_limit_are_refused(admin_client):
    unchanged = Unchanged(MediaFile)
    with override_settings(LONGREAD_MAX_MEDIA_UPLOAD_SIZE=MB):
        response = post_media_file(admin_client, "audio", "opname.mp3", padded(MP3, MB))
    assert "larger than 1.0" in form_error(response)
    unchanged.check()


def test_captions_that_are_not_webvtt_are_refused(admin_client):
    unchanged = Unchanged(MediaFile)
    video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100
    response = post_media_file(admin_client, "video", "film.mp4", video, captions=HTML)
    assert "WEBVTT" in form_error(response, "captions")
    unchanged.check()


def test_real_audio_and_video_are_accepted(admin_client):
    count = MediaFile.objects.count()
    assert post_media_file(admin_client, "audio", "opname.mp3", MP3).status_code == 302
    video = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 100
    response = post_media_file(admin_client, "video", "film.mp4", video, captions=WEBVTT)
    assert response.status_code == 302, response.context["form"].errors
    webm = b"\x1a\x45\xdf\xa3" + b"\x00" * 100
    response = post_media_file(admin_client, "video", "film.webm", webm, captions=WEBVTT)
    assert response.status_code == 302, response.context["form"].errors
    assert MediaFile.objects.count() == count + 3
