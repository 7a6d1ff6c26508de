"""The reach screens' CSV, made to open with a double-click in the spreadsheet of whoever
downloads it: headers in the admin's language, `;` between fields in Dutch (the list separator of
a Dutch spreadsheet; a comma in English), UTF-8 with a byte order mark so accents survive, each
page's title next to its path and the projects it adds to, a row per month of the period (per
day with `per=day`) and a row of totals (its label in the first column, its day columns empty),
numbers as numbers (a spreadsheet adds a column up): a figure under 10 is an empty cell with
the reason in the note column, a sum that would tell a hidden figure says "at least"
(`report.told_sum`, the screens' rule), and no cell a spreadsheet would run as a formula.
(`manage.py reach_report` keeps its own, fixed columns.)"""

import csv

from django.http import HttpResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from stories.languages import language_name
from stories.reach import report
from stories.reach.projects import label, projects_of

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def separator() -> str:
    """The field separator of the admin's language: Dutch spreadsheets split on `;`."""
    return ";" if (get_language() or "").startswith("nl") else ","


def text_cell(value: str) -> str:
    """A text a spreadsheet shows as written: one that would start a formula gets a leading
    apostrophe (the spreadsheets' own mark for "this is text")."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _figure_cells(figure: dict, parts_above=True) -> list:
    """Views, readers who read to the end and their percentage as numbers a spreadsheet adds up,
    and a note saying why a cell is empty or what a figure leaves out (`report.told`: a hidden
    figure stays hidden, in a cell of its own row and in every sum)."""
    names = {"views": _("views"), "ends": _("read to the end")}
    cells, notes = [], []
    for measure in ("views", "ends"):
        told = figure[measure]
        cells.append("" if told["number"] is None else told["number"])
        if told["number"] is None:
            notes.append(
                _("%(measure)s: fewer than %(few)d, hidden")
                % {"measure": names[measure], "few": report.FEW}
            )
        elif told["at_least"]:
            notes.append(
                _("%(measure)s: at least this many; one figure under %(few)d is hidden")
                % {"measure": names[measure], "few": report.FEW}
            )
        elif told["with_hidden"] and parts_above:  # the hidden parts are rows of this file
            notes.append(
                _("%(measure)s: includes figures under %(few)d not shown above")
                % {"measure": names[measure], "few": report.FEW}
            )
    cells.append("" if figure["completion"] is None else figure["completion"])
    if figure["completion"] is None and notes:
        notes.append(_("no percentage: it would tell a hidden figure"))
    return [*cells, "; ".join(notes)]


def _writer(filename: str):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write("\ufeff")  # the byte order mark: a spreadsheet then reads UTF-8
    return response, csv.writer(response, delimiter=separator())


FIGURE_HEADERS = (
    lambda: _("Views"),
    lambda: _("Read to the end"),
    lambda: _("Completion (%)"),
    lambda: _("Note"),
)


def reach_csv(period, page_ids=None, name="reach", per="month", project=None) -> HttpResponse:
    """A row per page, language and month (or day) of the period, then a row of totals. The
    project column names the projects each page adds to (only `project`, on a project's
    screen)."""
    per_day = per == "day"
    response, writer = _writer(f"{name}-{period.slug}{'-per-day' if per_day else ''}.csv")
    when = [_("Day")] if per_day else [_("First day"), _("Last day")]
    writer.writerow(
        [_("Title"), _("Path"), _("Project"), _("Language"), *when,
         *(header() for header in FIGURE_HEADERS)]
    )  # fmt: skip
    if per_day:
        rows = report.per_day(period.since, period.until, page_ids)
    else:
        rows = report.per_month(period.since, period.until, page_ids)
    shown_ids = {row["page_id"] for row in rows}
    pages = {page.pk: page for page in Page.objects.filter(pk__in=shown_ids).specific()}
    if project is not None:
        projects = {page_id: [label(project)] for page_id in shown_ids}
    else:
        projects = projects_of(shown_ids)

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
                text_cell(" / ".join(projects.get(row["page_id"], []))),
                language_name(row["language"]),
                *(day.isoformat() for day in days),
                *_figure_cells(report.told(row["views"], row["ends"])),
            ]
        )
    # The totals name the project and the whole period, so a file with no row of figures (nobody
    # read in the period) still says what it covers.
    writer.writerow(
        [_("Total"), "", text_cell(label(project)) if project is not None else "", "",
         *([""] if per_day else _period_days(period)),
         *_figure_cells(report.told_sum(rows))]
    )  # fmt: skip
    return response


def _period_days(period) -> list[str]:
    """The first and last day counted of the period (today while it runs)."""
    return [period.since.isoformat(), (period.running_until or period.last).isoformat()]


def projects_csv(period, rows, total, label) -> HttpResponse:
    """The projects tab's CSV: a row per project for the period (its page and the pages linked to
    it, every language), then every project's pages together, each page once."""
    response, writer = _writer(f"reach-projects-{period.slug}.csv")
    writer.writerow(
        [_("Project"), _("Pages (every language)"), _("First day"), _("Last day"),
         *(header() for header in FIGURE_HEADERS)]
    )  # fmt: skip
    days = _period_days(period)
    for row in rows:
        writer.writerow(
            [text_cell(label(row["project"])), row["pages"], *days,
             *_figure_cells(row["told"], parts_above=False)]
        )  # fmt: skip
    writer.writerow(
        [_("All projects (each page once)"), "", *days,
         *_figure_cells(total["told"], parts_above=False)]
    )  # fmt: skip
    return response
