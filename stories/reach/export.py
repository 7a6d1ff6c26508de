"""The reach screens' CSV, made to open with a double-click in the spreadsheet of whoever
downloads it: headers in the admin's language, `;` between fields in Dutch (the list separator of
a Dutch spreadsheet; a comma in English), UTF-8 with a byte order mark so accents survive, each
page's title next to its path, a row per month of the period (per day with `per=day`), figures
under 10 written as the screens show them, and no cell a spreadsheet would run as a formula.
(`manage.py reach_report` keeps its own, fixed columns.)"""

import csv

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from stories.languages import language_name
from stories.reach import report

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def separator() -> str:
    """The field separator of the admin's language: Dutch spreadsheets split on `;`."""
    return ";" if (get_language() or "").startswith("nl") else ","


def text_cell(value: str) -> str:
    """A text a spreadsheet shows as written: one that would start a formula gets a leading
    apostrophe (the spreadsheets' own mark for "this is text")."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def reach_csv(period, page_ids=None, name="reach", per="month") -> HttpResponse:
    per_day = per == "day"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"{name}-{period.slug}{'-per-day' if per_day else ''}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte order mark: a spreadsheet then reads UTF-8
    writer = csv.writer(response, delimiter=separator())
    when = [_("Day")] if per_day else [_("First day"), _("Last day")]
    writer.writerow([_("Title"), _("Path"), _("Language"), *when, _("Views"), _("Read to the end")])
    if per_day:
        rows = report.per_day(period.since, period.until, page_ids)
    else:
        rows = report.per_month(period.since, period.until, page_ids)
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in={row["page_id"] for row in rows}).specific()
    }

    def order(row):
        page = pages.get(row["page_id"])
        return (page.title.casefold() if page else "", row["page_id"], row["language"])

    for row in sorted(rows, key=order):  # stable: each page's rows keep their days' order
        page = pages.get(row["page_id"])
        days = [row["day"]] if per_day else [row["first"], row["last"]]
        writer.writerow(
            [
                text_cell(page.title if page else ""),
                text_cell((page.get_url() or "") if page else ""),
                language_name(row["language"]),
                *(day.isoformat() for day in days),
                report.shown(row["views"]),
                report.shown(row["ends"]),
            ]
        )
    return response
