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

One module per step: `formats` (the two formats, a file's shape), `pages` (which translations,
who may work on them), `export`, `parse`, `checks`, `importing`. Callers use this package's names.
"""

from sitewide.translation.files.checks import (  # noqa: F401
    CHECKS,
    NUMBER,
    TAG,
    FileProblems,
    ImportRefused,
    SegmentProblem,
    check_belongs,
    check_file,
    check_translation_text,
    describe_translation_id,
    digits,
    field_label,
    groups,
    is_uuid,
    make_checker,
    make_checker_for,
    missing_addresses,
    missing_numbers_of,
    numbers_in,
    same_phone_number,
    translation_by_id,
    unfinished_units,
)
from sitewide.translation.files.export import (  # noqa: F401
    export_file,
    export_po,
    export_xliff,
    export_zip,
    file_metadata,
    file_name,
    unit_rows,
)
from sitewide.translation.files.formats import (  # noqa: F401
    EXTENSIONS,
    FORMATS,
    PAGE,
    PO,
    SNAPSHOT,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    TRANSLATION_ID,
    XLIFF,
    ParsedFile,
    Unit,
)
from sitewide.translation.files.importing import (  # noqa: F401
    MAX_FILE_BYTES,
    MAX_FILES_IN_ZIP,
    MAX_ZIP_CONTENT_BYTES,
    ImportResult,
    import_file,
    import_zip,
    read_zip,
    write_translations,
)
from sitewide.translation.files.pages import (  # noqa: F401
    editable_pages,
    may_work_on_any_translation,
    may_work_on_language,
    page_label,
    page_translations,
    pages_to_translate,
    refresh_if_out_of_date,
    segments,
    target_page,
    user_can_edit,
    with_untranslated_segments,
)
from sitewide.translation.files.parse import (  # noqa: F401
    format_of,
    looks_like_text,
    parse_file,
    xliff_metadata,
    xliff_unit,
)
from sitewide.translation.staleness import out_of_date_translations  # noqa: F401, E402 - as before
