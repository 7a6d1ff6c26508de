"""Translation files: one page's translation as PO or XLIFF 1.2, and a language's pages to
translate as one zip of such files, exported and imported with translate-toolkit.

A file holds the string segments of the translation's source snapshot (wagtail-localize's
`TranslationSource`): per segment its path in the page (PO `msgctxt`, XLIFF trans-unit `id`),
the source text and the current translation. Its header names the translation (its uuid, under
wagtail-localize's own key, so the stock upload recognises it too), the page, both languages and
the snapshot's time.

An import is checked as a whole before anything is written: the file must be readable and made
for this translation (for a zip: for a page of this language that the user may edit), every
segment must still be in the snapshot with the same source text, and every translation must keep
the source's numbers (amounts, dates, phone numbers), URLs, e-mail addresses, placeholders and
tags (translate-toolkit's checks and finders, see CHECKS) and be valid for wagtail-localize.
Any problem refuses the whole import and is reported per file and segment; otherwise all
translations are written in one transaction, as manual translations by the importing user. An
empty or unfinished (fuzzy, needs-…) translation in a file never removes or replaces one already
made.
"""

import html
import io
import re
import uuid
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from lxml import etree
from translate.__version__ import sver as TRANSLATE_TOOLKIT_VERSION
from translate.filters import checks, decoration
from translate.storage import pypo, xliff
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from sitewide.staff.translators import may_edit_translation
from sitewide.translation.staleness import out_of_date_translations

PO = "po"
XLIFF = "xliff"
FORMATS = {PO: ("po", "text/x-gettext-translation"), XLIFF: ("xlf", "application/x-xliff+xml")}
EXTENSIONS = {".po": PO, ".xlf": XLIFF, ".xliff": XLIFF}

TRANSLATION_ID = "X-WagtailLocalize-TranslationID"  # wagtail-localize's own header key
PAGE = "X-Page"
SOURCE_LANGUAGE = "X-Source-Language"
TARGET_LANGUAGE = "Language"
SNAPSHOT = "X-Source-Snapshot"

# translate-toolkit's checks whose failure refuses an import: placeholders and tags. Numbers
# (amounts, dates, phone numbers), URLs and e-mail addresses are compared here instead
# (`missing_numbers_of`, `missing_addresses`, with translate-toolkit's finders): its own checks
# for them refuse correct translations (a number written the target language's way, an address
# followed by other punctuation).
CHECKS = ("printf", "pythonbraceformat", "xmltags")

# Limits for uploaded zips, whatever their headers claim.
MAX_FILES_IN_ZIP = 500
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_ZIP_CONTENT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Unit:
    context: str
    source: str
    target: str
    unfinished: bool = False  # fuzzy in PO, "needs-…" in XLIFF: not imported


@dataclass
class ParsedFile:
    name: str
    file_format: str
    metadata: dict
    units: list[Unit]


@dataclass
class SegmentProblem:
    context: str
    source: str
    message: str

    @property
    def field_label(self) -> str:
        """The field the segment belongs to, as staff know it (never a block's UUID)."""
        return field_label(self.context)


def field_label(context: str) -> str:
    name = context.split(".", 1)[0]
    for model in get_page_models():
        try:
            return str(model._meta.get_field(name).verbose_name)
        except Exception:  # noqa: BLE001, S112 - FieldDoesNotExist: try the next page type
            continue
    return name.replace("_", " ")


def looks_like_text(data: bytes) -> bool:
    """Whether the upload is text (UTF-8, no NUL bytes): an image or a document is not."""
    if b"\x00" in data[:8192]:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@dataclass
class FileProblems:
    """What is wrong with one file: about the whole file, or about its segments."""

    name: str
    page: str = ""
    file_errors: list[str] = field(default_factory=list)
    segments: list[SegmentProblem] = field(default_factory=list)

    def __bool__(self):
        return bool(self.file_errors or self.segments)


class ImportRefused(Exception):
    """Nothing was imported; `problems` lists every file's problems."""

    def __init__(self, problems: list[FileProblems]):
        super().__init__("; ".join(p.name for p in problems))
        self.problems = problems


@dataclass
class ImportResult:
    pages: list[str] = field(default_factory=list)
    changed: int = 0
    unchanged: int = 0
    skipped: list[SegmentProblem] = field(default_factory=list)


# What may be exported and imported.


def page_translations():
    """Enabled translations of pages (not snippets)."""
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return Translation.objects.filter(
        enabled=True, source__specific_content_type__in=list(page_types)
    ).select_related("source", "source__locale", "target_locale")


def target_page(translation: Translation) -> Page | None:
    model = translation.source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return None
    return (
        Page.objects.filter(
            translation_key=translation.source.object_id, locale=translation.target_locale
        )
        .specific()
        .first()
    )


def user_can_edit(user, translation: Translation) -> bool:
    page = target_page(translation)
    return page is not None and may_edit_translation(user, page)


def with_untranslated_segments(translations):
    """Translations whose snapshot has a string segment without a (valid) translation."""
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    return translations.filter(Exists(untranslated))


def pages_to_translate(locale, user) -> list[Translation]:
    """The page translations of `locale` that `user` may edit and that need work: out of date
    (the staleness rule), or with untranslated segments, which is what an out-of-date
    translation becomes once its snapshot is refreshed (here, or by a sync for any language:
    the snapshot is shared by all languages)."""
    stale = out_of_date_translations(locale).values("pk")
    incomplete = with_untranslated_segments(page_translations().filter(target_locale=locale))
    return list(
        page_translations()
        .filter(
            Q(pk__in=stale) | Q(pk__in=incomplete.values("pk")),
            target_locale=locale,
            source__object_id__in=editable_pages(user, locale).values("translation_key"),
        )
        .order_by("source__object_repr", "pk")
    )


def editable_pages(user, locale):
    """The pages of `locale` that `user` may edit (Wagtail's page permissions)."""
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(locale=locale, depth__gt=1)
    )


def may_work_on_language(user, locale) -> bool:
    return editable_pages(user, locale).exists()


def may_work_on_any_translation(user) -> bool:
    """One query, for the admin menu shown on every admin page."""
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(
            depth__gt=1, locale__language_code__in=[code for code, _name in settings.LANGUAGES[1:]]
        )
        .exists()
    )


def refresh_if_out_of_date(translation: Translation) -> bool:
    """Take a new snapshot of the source page if it was published since the last one (as
    wagtail-localize's sync does, without publishing anything): the file then holds the new
    segments. Translations already made are kept; segments that left the page keep theirs."""
    if not out_of_date_translations().filter(pk=translation.pk).exists():
        return False
    translation.source.update_from_db()
    return True


# Export.


def segments(translation: Translation):
    return (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale, include_errors=True)
    )


def page_label(translation: Translation) -> str:
    page = target_page(translation)
    page_id = page.pk if page else "?"
    return _("%(title)s (page %(id)s)") % {
        "title": translation.source.object_repr,
        "id": page_id,
    }


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


# Reading files.


def format_of(name: str, data: bytes) -> str:
    lowered = name.lower()
    for extension, file_format in EXTENSIONS.items():
        if lowered.endswith(extension):
            return file_format
    return XLIFF if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else PO


def parse_file(name: str, data: bytes) -> ParsedFile:
    """The file's header and units; a FileProblems (raised) when it cannot be read."""
    file_format = format_of(name, data)
    if not looks_like_text(data):
        # One sentence; never the file's bytes (an image may carry camera or location text).
        raise ImportRefused(
            [
                FileProblems(
                    name,
                    file_errors=[
                        _(
                            "This file is not a text file in UTF-8, so it cannot be a PO or "
                            "XLIFF file: upload the file you downloaded here."
                        )
                    ],
                )
            ]
        )
    try:
        if file_format == PO:
            store = pypo.pofile.parsestring(data)
            metadata = store.parseheader()
            units = [
                Unit(
                    context=unit.getcontext() or "",
                    source=str(unit.source),
                    target=str(unit.target or ""),
                    unfinished=unit.isfuzzy(),
                )
                for unit in store.units
                if not unit.isheader() and not unit.isobsolete()
            ]
        else:
            store = xliff.xlifffile.parsestring(data)
            metadata = xliff_metadata(store)
            units = [xliff_unit(unit) for unit in store.units]
    except Exception as error:  # noqa: BLE001 - the parsers raise many kinds for bad input
        kind = "PO" if file_format == PO else "XLIFF"
        raise ImportRefused(
            [
                FileProblems(
                    name,
                    file_errors=[
                        _("This is not a readable %(kind)s file: %(detail)s")
                        % {"kind": kind, "detail": str(error) or error.__class__.__name__}
                    ],
                )
            ]
        ) from error
    return ParsedFile(name, file_format, metadata, units)


def xliff_metadata(store) -> dict:
    metadata = {}
    for file_name_ in store.getfilenames():
        header = store.getheadernode(store.getfilenode(file_name_))
        if header is None:
            continue
        for note in header.iterchildren(store.namespaced("note")):
            key, separator, value = (note.text or "").partition(":")
            if separator:
                metadata.setdefault(key.strip(), value.strip())
    return metadata


def xliff_unit(unit) -> Unit:
    unit_id = unit.getid().rpartition("\x04")[2]  # translate-toolkit prefixes the file name
    target_node = unit.getlanguageNode(lang=None, index=1)
    state = target_node.get("state", "") if target_node is not None else ""
    return Unit(
        context=unit_id.split("#", 1)[0],
        source=str(unit.source or ""),
        target=str(unit.target or ""),
        unfinished=state.startswith("needs-"),
    )


# Checking.


def check_translation_text(source: str, target: str, checker) -> list[str]:
    """Why this translation may not be imported (empty: it may)."""
    problems = []
    missing_numbers = missing_numbers_of(source, target)
    if missing_numbers:
        problems.append(
            _("A number (amount, date, phone number) is missing or changed: %(numbers)s.")
            % {"numbers": ", ".join(missing_numbers)}
        )
    for finder, message in (
        (decoration.geturls, _("A web address (URL) is missing or changed: %(items)s.")),
        (decoration.getemails, _("An e-mail address is missing or changed: %(items)s.")),
    ):
        missing = missing_addresses(finder, source, target)
        if missing:
            problems.append(message % {"items": ", ".join(missing)})
    unit = pypo.pounit(source)
    unit.target = target
    failures = checker.run_filters(unit)
    placeholder_message = _("A placeholder (such as %(examples)s) is missing or changed.")
    messages = {
        "printf": placeholder_message % {"examples": "%s, %(name)s"},
        "pythonbraceformat": placeholder_message % {"examples": "{name}"},
        "xmltags": _("The tags (links, bold, italics) differ from the source text."),
    }
    for name, message in messages.items():
        if name in failures:
            problems.append(f"{message} ({failures[name]})")
    try:
        StringValue.from_translated_html(target)
        validate_translation_links(source, target)
    except ValueError as error:
        problems.append(str(error))
    return problems


def missing_addresses(finder, source: str, target: str) -> list[str]:
    """The source's URLs or e-mail addresses (translate-toolkit's finders) that the translation
    lacks. Its "urls" and "emails" checks compare them with the punctuation that follows, so
    "info@comensha.nl." (end of sentence) and "info@comensha.nl," differ there."""
    wanted = [item.rstrip(".,;:!?") for item in finder(source)]
    return [item for item in dict.fromkeys(wanted) if target.count(item) < wanted.count(item)]


# A number as written: digit groups joined by thousands, decimal, time or phone separators,
# with an optional leading + (international phone numbers).
NUMBER = re.compile(r"\+?\d(?:[.,:\-/()\u00a0\u202f ]*\d)*")
TAG = re.compile(r"<[^>]*>")


def numbers_in(text: str) -> list[str]:
    return [match.group() for match in NUMBER.finditer(html.unescape(TAG.sub(" ", text)))]


def digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def missing_numbers_of(source: str, target: str) -> list[str]:
    """The source's numbers that the translation lacks, however each language writes them.

    translate-toolkit's "numbers" check compares digit runs as written, so it refuses correct
    translations that write 5.000 as 5,000, 9.00 as 9:00 or 033 448 11 86 as +31 33 448 11 86
    (the demo's own English has each). Here a number is compared by its digits; a national
    phone number (leading 0) matches its international form; digit groups that were only
    reordered or regrouped (dates, ranges) match too. A dropped or changed digit does not.
    """
    offered = numbers_in(target)
    left = []
    for number in numbers_in(source):
        match = next((other for other in offered if digits(other) == digits(number)), None)
        if match is None:
            left.append(number)
        else:
            offered.remove(match)
    still_left = []
    for number in left:
        match = next((other for other in offered if same_phone_number(number, other)), None)
        if match is None:
            still_left.append(number)
        else:
            offered.remove(match)
    # Regrouped or reordered (dates, ranges): the same digit groups in other numbers.
    wanted_groups = Counter(group for number in still_left for group in groups(number))
    offered_groups = Counter(group for number in offered for group in groups(number))
    if not wanted_groups - offered_groups:
        return []
    return [number for number in still_left if Counter(groups(number)) - offered_groups]


def groups(number: str) -> list[str]:
    return re.findall(r"\d+", number)


def same_phone_number(national: str, international: str) -> bool:
    """033 448 11 86 written as +31 33 448 11 86 (or 0031…, +31 (0)33…)."""
    national_digits, international_digits = digits(national), digits(international)
    return (
        national_digits.startswith("0")
        and len(national_digits) >= 6
        and international.startswith(("+", "00"))
        and international_digits.endswith(national_digits[1:])
        and 0 < len(international_digits) - len(national_digits) + 1 <= 5
    )


def make_checker(translation: Translation):
    return make_checker_for(translation.target_locale.language_code)


def make_checker_for(language_code: str):
    return checks.StandardChecker(
        checkerconfig=checks.CheckerConfig(targetlanguage=language_code),
        limitfilters=list(CHECKS),
    )


def check_file(translation: Translation, parsed: ParsedFile, problems: FileProblems):
    """Add to `problems` what keeps the file's units from being imported into `translation`;
    return the units to write, with their segments."""
    current = {}
    current_text_by_path: dict[str, list[str]] = {}
    for segment in segments(translation):
        current[(segment.context.path, segment.string.data)] = segment
        current_text_by_path.setdefault(segment.context.path, []).append(segment.string.data)
    checker = make_checker(translation)
    seen = set()
    to_write = []
    for unit in parsed.units:
        key = (unit.context, unit.source)

        def problem(message, unit=unit):
            problems.segments.append(SegmentProblem(unit.context, unit.source, message))

        if key in seen:
            problem(_("This segment appears more than once in the file."))
            continue
        seen.add(key)
        if unit.context not in current_text_by_path:
            problem(
                _(
                    "This segment is no longer in the page (it was removed or changed since the "
                    "file was made). Download a new file."
                )
            )
            continue
        if key not in current:
            problem(
                _(
                    "The source text of this segment changed since the file was made; it now "
                    "reads: “%(current)s”. Download a new file."
                )
                % {"current": " / ".join(current_text_by_path[unit.context])}
            )
            continue
        if not unit.target.strip() or unit.unfinished:
            continue
        for message in check_translation_text(unit.source, unit.target, checker):
            problem(message)
        to_write.append((unit, current[key]))
    return to_write


def check_belongs(translation: Translation, parsed: ParsedFile, problems: FileProblems) -> bool:
    file_translation_id = parsed.metadata.get(TRANSLATION_ID, "")
    if not file_translation_id:
        problems.file_errors.append(
            _("This file does not name a translation (header %(key)s): was it exported here?")
            % {"key": TRANSLATION_ID}
        )
        return False
    if file_translation_id != str(translation.uuid):
        problems.file_errors.append(
            _("This file is for %(file_page)s, not for %(page)s.")
            % {
                "file_page": describe_translation_id(file_translation_id, parsed),
                "page": f"“{page_label(translation)}” ({translation.target_locale.language_code})",
            }
        )
        return False
    return True


def describe_translation_id(translation_id: str, parsed: ParsedFile) -> str:
    other = translation_by_id(translation_id)
    if other is not None:
        return f"“{page_label(other)}” ({other.target_locale.language_code})"
    named = parsed.metadata.get(PAGE) or translation_id
    return _("“%(page)s”, a translation unknown here") % {"page": named}


def translation_by_id(translation_id: str) -> Translation | None:
    if not is_uuid(translation_id):
        return None
    return page_translations().filter(uuid=translation_id).first()


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def unfinished_units(parsed: ParsedFile) -> list[SegmentProblem]:
    return [
        SegmentProblem(
            unit.context, unit.source, _("Not imported: marked as unfinished (fuzzy or needs-…).")
        )
        for unit in parsed.units
        if unit.unfinished and unit.target.strip()
    ]


# Writing.


def write_translations(translation: Translation, to_write, user, result: ImportResult):
    locale = translation.target_locale
    changed = 0
    for unit, segment in to_write:
        data = StringValue.from_translated_html(unit.target).data
        existing = StringTranslation.objects.filter(
            translation_of_id=segment.string_id, locale=locale, context_id=segment.context_id
        ).first()
        if existing is not None and existing.data == data and not existing.has_error:
            result.unchanged += 1
            continue
        StringTranslation.objects.update_or_create(
            translation_of_id=segment.string_id,
            locale=locale,
            context_id=segment.context_id,
            defaults={
                "data": data,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                "tool_name": "",
                "last_translated_by": user,
                "has_error": False,
                "field_error": "",
            },
        )
        changed += 1
    if changed:
        Translation.objects.filter(pk=translation.pk).update(
            translations_last_updated_at=timezone.now()
        )
    result.changed += changed
    result.pages.append(page_label(translation))


def import_file(translation: Translation, name: str, data: bytes, user) -> ImportResult:
    """Import one page's file into `translation`, all of it or (ImportRefused) nothing."""
    parsed = parse_file(name, data)
    problems = FileProblems(name, page=page_label(translation))
    to_write = check_belongs(translation, parsed, problems) and check_file(
        translation, parsed, problems
    )
    if problems:
        raise ImportRefused([problems])
    result = ImportResult(skipped=unfinished_units(parsed))
    with transaction.atomic():
        write_translations(translation, to_write, user, result)
    return result


def read_zip(data: bytes) -> tuple[list[tuple[str, bytes]], list[FileProblems]]:
    """The translation files in an uploaded zip, within the limits above, and the problems of
    the members that are not (an unreadable zip is refused at once)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = [info for info in archive.infolist() if not info.is_dir()]
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ImportRefused(
            [FileProblems(_("the uploaded file"), file_errors=[_("This is not a zip file.")])]
        ) from error
    if len(members) > MAX_FILES_IN_ZIP:
        raise ImportRefused(
            [
                FileProblems(
                    _("the uploaded file"),
                    file_errors=[
                        _("The zip holds more than %(count)s files.") % {"count": MAX_FILES_IN_ZIP}
                    ],
                )
            ]
        )
    found = []
    total = 0
    problems = []
    for info in members:
        base = info.filename.rsplit("/", 1)[-1]
        if base.startswith(".") or info.filename.startswith("__MACOSX/"):
            continue  # files that archivers add
        if not base.lower().endswith(tuple(EXTENSIONS)):
            problems.append(
                FileProblems(
                    info.filename,
                    file_errors=[
                        _("Not a translation file: only .po, .xlf and .xliff files are imported.")
                    ],
                )
            )
            continue
        try:
            with archive.open(info) as member:
                content = member.read(MAX_FILE_BYTES + 1)
        except (zipfile.BadZipFile, OSError, ValueError, RuntimeError) as error:
            problems.append(FileProblems(info.filename, file_errors=[str(error)]))
            continue
        total += len(content)
        if len(content) > MAX_FILE_BYTES or total > MAX_ZIP_CONTENT_BYTES:
            problems.append(FileProblems(info.filename, file_errors=[_("This file is too large.")]))
            continue
        found.append((info.filename, content))
    if not found and not problems:
        raise ImportRefused(
            [
                FileProblems(
                    _("the uploaded file"), file_errors=[_("The zip holds no translation file.")]
                )
            ]
        )
    return found, problems


def import_zip(locale, data: bytes, user) -> ImportResult:
    """Import every file of a zip into the translations of `locale`: all or nothing."""
    contents, problems_by_file = read_zip(data)
    work = []
    seen_translations = {}
    for name, content in contents:
        try:
            parsed = parse_file(name, content)
        except ImportRefused as refused:
            problems_by_file.extend(refused.problems)
            continue
        problems = FileProblems(name)
        problems_by_file.append(problems)
        translation_id = parsed.metadata.get(TRANSLATION_ID, "")
        translation = translation_by_id(translation_id)
        if translation is None:
            problems.file_errors.append(
                _("This file is for no page translation known here (%(id)s).")
                % {"id": translation_id or "—"}
            )
            continue
        problems.page = page_label(translation)
        if translation.target_locale_id != locale.pk:
            problems.file_errors.append(
                _("This file is for the %(file_language)s translation, not for %(language)s.")
                % {
                    "file_language": translation.target_locale.get_display_name(),
                    "language": locale.get_display_name(),
                }
            )
            continue
        if not user_can_edit(user, translation):
            problems.file_errors.append(_("You may not edit this page."))
            continue
        if translation.pk in seen_translations:
            problems.file_errors.append(
                _("The zip holds another file for this page: %(other)s.")
                % {"other": seen_translations[translation.pk]}
            )
            continue
        seen_translations[translation.pk] = name
        work.append((translation, parsed, check_file(translation, parsed, problems)))
    refused = [problems for problems in problems_by_file if problems]
    if refused:
        raise ImportRefused(refused)
    result = ImportResult()
    with transaction.atomic():
        for translation, parsed, to_write in work:
            result.skipped.extend(unfinished_units(parsed))
            write_translations(translation, to_write, user, result)
    return result
