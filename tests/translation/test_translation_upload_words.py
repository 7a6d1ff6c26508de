"""PO/XLIFF uploads speak to translators in words: a refused segment is named by its field and
its Dutch text, never by a block's UUID; a file that is not text (a photo uploaded by mistake)
is refused in one sentence, without echoing any of its bytes."""

import html
import io
import re

import pytest
from PIL import Image
from translate.storage import pypo

from sitewide.translation import files
from tests.helpers import FIRST_SLUG
from tests.translation import test_translation_files as translation_files
from tests.translation.test_translation_files import download, translations_of, upload

# The fixtures of the translation files' tests: a signed-in English translator, the first demo
# testimony's English translation.
english = translation_files.english
first_story = translation_files.first_story
translator = translation_files.translator

pytestmark = pytest.mark.django_db
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def visible_text(response) -> str:
    """What a person reads: the page's text, without attributes (data-* keep the context)."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content.decode(), "html.parser")
    problems = soup.select_one("[data-import-problems]")
    assert problems is not None, response.content.decode()[:2000]
    return html.unescape(problems.get_text(" ", strip=True))


def test_a_segment_problem_names_the_field_and_dutch_text_not_a_uuid(
    client_en, translator, first_story
):
    store = pypo.pofile.parsestring(download(client_en, first_story, files.PO))
    body_unit = next(
        unit for unit in store.units if not unit.isheader() and UUID.search(unit.getcontext())
    )
    # The same segment twice: refused, and the message must say which segment it is.
    body_unit.target = "Translated once"
    store.units.append(body_unit)
    before = translations_of(first_story)
    text = visible_text(upload(client_en, first_story, f"{FIRST_SLUG['nl']}.en.po", bytes(store)))
    assert not UUID.search(text), text
    assert str(body_unit.source)[:40] in text
    assert "body" in text.lower()
    assert translations_of(first_story) == before


def test_a_photo_uploaded_as_a_po_file_is_refused_in_one_sentence(
    client_en, translator, first_story
):
    photo = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(photo, "JPEG", comment=b"GPS 52.37 4.89 Camera X")
    data = photo.getvalue()
    before = translations_of(first_story)
    text = visible_text(upload(client_en, first_story, f"{FIRST_SLUG['nl']}.en.po", data))
    assert "not a text file" in text
    assert "GPS" not in text and "JFIF" not in text and "\\x" not in text
    assert translations_of(first_story) == before
