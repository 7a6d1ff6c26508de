"""Writing a page's translation as a PO or XLIFF 1.2 file, and a language's pages as one zip."""

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.utils.text import slugify
from lxml import etree
from translate.__version__ import sver as TRANSLATE_TOOLKIT_VERSION
from translate.storage import pypo, xliff
from wagtail_localize.models import Translation

from sitewide.translation.files.formats import (
    FORMATS,
    PAGE,
    PO,
    SNAPSHOT,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    TRANSLATION_ID,
    XLIFF,
)
from sitewide.translation.files.pages import page_label, segments, target_page


def file_name(translation: Translation, file_format: str) -> str:
    page = target_page(translation)
    slug = slugify(translation.source.object_repr)[:60] or "page"
    extension = FORMATS[file_format][0]
    return f"{slug}-{page.pk if page else 0}.{translation.target_locale.language_code}.{extension}"


def file_metadata(translation: Translation) -> dict:
    return {
        "Project-Id-Version": settings.WAGTAIL_SITE_NAME,
        TARGET_LANGUAGE: translation.target_locale.language_code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Generator": f"sitewide (translate-toolkit {TRANSLATE_TOOLKIT_VERSION})",
        TRANSLATION_ID: str(translation.uuid),
        PAGE: page_label(translation),
        SOURCE_LANGUAGE: translation.source.locale.language_code,
        SNAPSHOT: translation.source.last_updated_at.isoformat(),
    }


def unit_rows(translation: Translation):
    """(path, field path, source text, translation) per segment, without repeats."""
    seen = set()
    for segment in segments(translation):
        key = (segment.context.path, segment.string.data)
        if key in seen:
            continue
        seen.add(key)
        yield (
            segment.context.path,
            segment.context.field_path,
            segment.string.data,
            (segment.translation or ""),
        )


def export_po(translation: Translation) -> bytes:
    store = pypo.pofile()
    header = store.header()
    metadata = file_metadata(translation)
    header.target = "".join(f"{key}: {value}\n" for key, value in metadata.items())
    header.markfuzzy(False)
    for path, field_path, source, target in unit_rows(translation):
        unit = store.addsourceunit(source)
        unit.setcontext(path)
        unit.target = target
        if field_path:
            unit.addnote(field_path, origin="developer")
    return bytes(store)


def export_xliff(translation: Translation) -> bytes:
    metadata = file_metadata(translation)
    original = file_name(translation, XLIFF)
    notes = "".join(f"<note>{escape(f'{key}: {value}')}</note>" for key, value in metadata.items())
    skeleton = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        f"<file original={quoteattr(original)}"
        f" source-language={quoteattr(translation.source.locale.language_code)}"
        f" target-language={quoteattr(translation.target_locale.language_code)}"
        f' datatype="plaintext"><header>{notes}</header><body></body></file></xliff>'
    )
    store = xliff.xlifffile.parsestring(skeleton.encode())
    used_ids: dict[str, int] = {}
    for path, field_path, source, target in unit_rows(translation):
        unit = store.addsourceunit(source, filename=original)
        # A rich text field gives several segments one path: ids must still be unique.
        used_ids[path] = used_ids.get(path, 0) + 1
        unit.setid(path if used_ids[path] == 1 else f"{path}#{used_ids[path]}")
        if target:
            unit.target = target
        if field_path:
            unit.addnote(field_path, origin="developer")
    # Units are made in XLIFF 1.1's namespace, then moved: drop the declaration left behind.
    etree.cleanup_namespaces(store.document)
    return bytes(store)


def export_file(translation: Translation, file_format: str) -> tuple[str, str, bytes]:
    """(file name, content type, content) of the translation's file in `file_format`."""
    content = export_po(translation) if file_format == PO else export_xliff(translation)
    return file_name(translation, file_format), FORMATS[file_format][1], content


def export_zip(translations, file_format: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for translation in translations:
            name, _content_type, content = export_file(translation, file_format)
            archive.writestr(name, content)
    return buffer.getvalue()
