"""Checking a file against its translation before anything is written: it belongs to the page,
every segment is still there with the same source, and each translation keeps the source's
numbers, addresses, placeholders and tags. Problems name the field and the Dutch text, never a
block's UUID."""

import html
import re
import uuid
from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from translate.filters import checks, decoration
from translate.storage import pypo
from wagtail.models import get_page_models
from wagtail_localize.models import Translation
from wagtail_localize.strings import StringValue, validate_translation_links

from sitewide.translation.files.formats import PAGE, TRANSLATION_ID, ParsedFile
from sitewide.translation.files.pages import page_label, page_translations, segments

# translate-toolkit's checks whose failure refuses an import: placeholders and tags. Numbers
# (amounts, dates, phone numbers), URLs and e-mail addresses are compared here instead
# (`missing_numbers_of`, `missing_addresses`, with translate-toolkit's finders): its own checks
# for them refuse correct translations (a number written the target language's way, an address
# followed by other punctuation).
CHECKS = ("printf", "pythonbraceformat", "xmltags")


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
