"""The translation status of every Dutch page in every language, in a fixed number of queries.

Each cell is one of five states, decided in `_state`, in this order: not translated (no
translation of the page into that language), out of date (`staleness`: the Dutch page was
published after the translation's snapshot), needs review (machine-translated segments nobody
confirmed, `review`), in progress (segments missing, or translated but not published since the
last edit; with the share of segments done), published.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Count, F, Max, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from sitewide.languages import staff_language_names
from sitewide.translation.staleness import with_out_of_date

NOT_TRANSLATED = "not_translated"
IN_PROGRESS = "in_progress"
NEEDS_REVIEW = "needs_review"
OUT_OF_DATE = "out_of_date"
PUBLISHED = "published"
STATE_LABELS = {
    NOT_TRANSLATED: _("Not translated"),
    IN_PROGRESS: _("In progress"),
    NEEDS_REVIEW: _("Needs review"),
    OUT_OF_DATE: _("Out of date"),
    PUBLISHED: _("Published"),
}


@dataclass
class Cell:
    language: str
    state: str
    percent: int | None = None
    translation_id: int | None = None
    target_page_id: int | None = None
    waiting_for_review: int = 0

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self.state])


@dataclass
class Row:
    page_id: int
    title: str
    depth: int
    section: str
    cells: list[Cell] = field(default_factory=list)


@dataclass
class Section:
    page_id: int
    title: str


@dataclass
class StatusTable:
    languages: list[tuple[str, str]]
    sections: list[Section]
    rows: list[Row]


def _state(translation, target, total, counts) -> tuple[str, int | None]:
    if translation is None or target is None:
        return NOT_TRANSLATED, None
    if not translation["enabled"]:
        # Translation stopped: the page is edited by hand in its own language.
        return (PUBLISHED, None) if target["live"] else (IN_PROGRESS, None)
    if translation["out_of_date"]:
        return OUT_OF_DATE, None
    done = counts.get("done", 0)
    if counts.get("unconfirmed", 0):
        return NEEDS_REVIEW, None
    percent = 100 if not total else done * 100 // total
    last_edit = counts.get("last_edit")
    edited_since = last_edit is not None and (
        target["last_published_at"] is None or last_edit > target["last_published_at"]
    )
    if done >= total and target["live"] and not edited_since:
        return PUBLISHED, None
    return IN_PROGRESS, percent


def status_table(languages=None, section_id=None) -> StatusTable:
    """The table of the source pages (under one section, if given) × `languages` (codes; by
    default every language after the source)."""
    targets = [
        (code, name)  # named in the admin's language ("Engels" in the Dutch admin)
        for code, name in staff_language_names(settings.LANGUAGES[1:])
        if languages is None or code in languages
    ]
    locales = {
        locale.language_code: locale
        for locale in Locale.objects.filter(
            language_code__in=[settings.LANGUAGE_CODE, *(code for code, _name in targets)]
        )
    }
    source_locale = locales.get(settings.LANGUAGE_CODE)
    target_ids = [locales[code].pk for code, _name in targets if code in locales]

    pages = Page.objects.filter(locale=source_locale, depth__gte=2, alias_of__isnull=True)
    page_rows = list(
        pages.order_by("path").values("id", "title", "depth", "path", "translation_key")
    )
    section_titles = {row["path"]: row["title"] for row in page_rows if row["depth"] == 3}
    sections = [Section(row["id"], row["title"]) for row in page_rows if row["depth"] == 3]
    if section_id is not None:
        chosen = next(
            (row for row in page_rows if row["id"] == section_id and row["depth"] == 3), None
        )
        page_rows = [row for row in page_rows if chosen and row["path"].startswith(chosen["path"])]
    keys = pages.values("translation_key")

    target_pages = {
        (row["translation_key"], row["locale_id"]): row
        for row in Page.objects.filter(
            locale_id__in=target_ids, translation_key__in=keys, alias_of__isnull=True
        ).values("id", "translation_key", "locale_id", "live", "last_published_at")
    }
    translations = {
        (row["source__object_id"], row["target_locale_id"]): row
        for row in with_out_of_date(
            Translation.objects.filter(
                source__locale=source_locale,
                source__object_id__in=keys,
                target_locale_id__in=target_ids,
            )
        ).values(
            "id", "source_id", "source__object_id", "target_locale_id", "enabled", "out_of_date"
        )
    }
    source_ids = {row["source_id"] for row in translations.values()}
    totals = dict(
        StringSegment.objects.filter(source_id__in=source_ids)
        .values_list("source_id")
        .annotate(total=Count("id"))
    )
    counts = defaultdict(dict)
    machine = Q(string__translations__translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)
    for row in (
        StringSegment.objects.filter(
            source_id__in=source_ids,
            string__translations__locale_id__in=target_ids,
            string__translations__context_id=F("context_id"),
            string__translations__has_error=False,
        )
        .values("source_id", locale_id=F("string__translations__locale_id"))
        .annotate(
            done=Count("id"),
            unconfirmed=Count("id", filter=machine & Q(string__translations__review__isnull=True)),
            last_edit=Max("string__translations__updated_at"),
        )
    ):
        counts[(row["source_id"], row["locale_id"])] = row

    rows = []
    for page in page_rows:
        section_path = page["path"][: Page.steplen * 3]
        row = Row(
            page_id=page["id"],
            title=page["title"],
            depth=page["depth"],
            section=section_titles.get(section_path, ""),
        )
        for code, _name in targets:
            locale = locales.get(code)
            key = (page["translation_key"], locale.pk if locale else None)
            translation = translations.get(key)
            target = target_pages.get(key)
            source_id = translation["source_id"] if translation else None
            cell_counts = counts.get((source_id, key[1]), {})
            state, percent = _state(translation, target, totals.get(source_id, 0), cell_counts)
            row.cells.append(
                Cell(
                    language=code,
                    state=state,
                    percent=percent,
                    translation_id=translation["id"] if translation else None,
                    target_page_id=target["id"] if target else None,
                    waiting_for_review=cell_counts.get("unconfirmed", 0),
                )
            )
        rows.append(row)
    return StatusTable(languages=targets, sections=sections, rows=rows)
