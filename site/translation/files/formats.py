"""The two file formats and the shape of a file read from either: its header's keys, its units."""

from dataclasses import dataclass

PO = "po"


XLIFF = "xliff"


FORMATS = {PO: ("po", "text/x-gettext-translation"), XLIFF: ("xlf", "application/x-xliff+xml")}


EXTENSIONS = {".po": PO, ".xlf": XLIFF, ".xliff": XLIFF}


TRANSLATION_ID = "X-WagtailLocalize-TranslationID"  # wagtail-localize's own header key


PAGE = "X-Page"


SOURCE_LANGUAGE = "X-Source-Language"


TARGET_LANGUAGE = "Language"


SNAPSHOT = "X-Source-Snapshot"


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
