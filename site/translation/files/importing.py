"""Importing a checked file or zip: all of it in one transaction, or nothing, within the limits."""

import io
import zipfile
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.strings import StringValue

from sitewide.translation.files.checks import (
    FileProblems,
    ImportRefused,
    SegmentProblem,
    check_belongs,
    check_file,
    translation_by_id,
    unfinished_units,
)
from sitewide.translation.files.formats import EXTENSIONS, TRANSLATION_ID
from sitewide.translation.files.pages import page_label, user_can_edit
from sitewide.translation.files.parse import parse_file

# Limits for uploaded zips, whatever their headers claim.
MAX_FILES_IN_ZIP = 500


MAX_FILE_BYTES = 5 * 1024 * 1024


MAX_ZIP_CONTENT_BYTES = 50 * 1024 * 1024


@dataclass
class ImportResult:
    pages: list[str] = field(default_factory=list)
    changed: int = 0
    unchanged: int = 0
    skipped: list[SegmentProblem] = field(default_factory=list)


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
