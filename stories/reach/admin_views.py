"""The reach report in the admin: per page and language for a period (a month, a range of days, the
last twelve months, a year: `periods.py`), a page's chapter reach as a chart drawn on the server,
per project (its page and the stories and news linked to it), and a CSV of the period for funders'
reports (`export.py`)."""

import datetime
from collections import defaultdict

from django.db.models import Min
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from stories.models import NewsPage, ProjectPage, TestimonyPage
from stories.reach import export, periods, report
from stories.reach.counting import flush
from stories.reach.models import ReachCounter
from stories.reach.projects import LINKING, label, naming_pages, project_pages


def _chapters_of(page_ids):
    pages = {page.pk: page.specific for page in Page.objects.filter(pk__in=page_ids)}

    def titles(page_id) -> list[str]:
        page = pages.get(page_id)
        toc = page.table_of_contents() if hasattr(page, "table_of_contents") else []
        return [chapter["heading"] for chapter in toc]

    return pages, titles


def _rows(period):
    flush()  # this process's own counts, so a figure just counted shows
    since, until = period.since, period.until
    page_ids = set(
        ReachCounter.objects.filter(day__gte=since, day__lt=until).values_list("page_id", flat=True)
    )
    pages, titles = _chapters_of(page_ids)
    rows = report.per_page(since, until, chapters_of=lambda pk: len(titles(pk)))
    for row in rows:
        row["page"] = pages.get(row["page_id"])
        row["shown"] = _shown(row)
        row["titles"] = titles(row["page_id"])
        row["is_project"] = isinstance(row["page"], ProjectPage)
        row["why_no_end"] = _why_no_end(row["page"], row)
    return rows


def _why_no_end(page, row) -> str:
    """Why a news page shows 0% read to the end, said at the figure: its end is on screen from
    the start, so it counts only once the page stayed open for half its reading time
    (docs/reach.md)."""
    if isinstance(page, NewsPage) and row["ends"] == 0 and row["views"] >= report.FEW:
        return _(
            "A short news page: its end counts only once a reader kept the page open for half "
            "its reading time, with JavaScript on. None did yet."
        )
    return ""


def _shown(row, *part_sets, figure=None) -> dict:
    """A row's figures as the screens show them (`report.told`: under 10 not exactly, a sum with
    one hidden part as "at least", no rate that would tell a hidden figure); `figure` when the
    row is a sum already told (`report.told_sum`)."""
    if figure is None:
        figure = report.told(row["views"], row["ends"], *part_sets)
    return {
        "views": report.told_text(figure, "views"),
        "ends": report.told_text(figure, "ends"),
        "completion": "–" if figure["completion"] is None else f"{figure['completion']}%",
        "enough": row["views"] >= report.FEW,
        "views_exact": figure["views"]["number"] == row["views"],
    }


def _period_context(period) -> dict:
    """What every reach screen says of its period: the twelve months its menu offers (this one
    first, and the month shown when it is older), the years with figures, the period's name and
    the query that keeps it in links."""
    months = []
    first = timezone.localdate().replace(day=1)
    for _step in range(12):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    if period.kind == "month" and period.since not in months:
        months.append(period.since)
    this_year = timezone.localdate().year
    earliest = ReachCounter.objects.aggregate(first=Min("day"))["first"]
    # The same years on every screen, whatever the period shown: from the first year counted.
    first_year = min(earliest.year if earliest else this_year, this_year)
    years = range(this_year, first_year - 1, -1)
    return {
        "period": period,
        "since": period.since,
        "month": period.month if period.kind == "month" else "",
        "months": months,
        "years": [str(year) for year in years],
        "period_query": period.query,
    }


@never_cache
def report_view(request):
    period = periods.chosen(request.GET)
    if request.GET.get("format") == "csv":
        flush()
        return export.reach_csv(period, per=request.GET.get("per", "month"))
    rows = _rows(period)
    return TemplateResponse(
        request,
        "stories/admin/reach_report.html",
        {
            "page_title": _("Reach"),
            "header_icon": "view",
            "tab": "pages",
            "rows": rows,
            **_period_context(period),
        },
    )


def _summed(rows, *groupings) -> dict:
    """Views and readers who read to the end of several rows (each already capped at its own
    views), with the completion rate, as every screen and CSV tells that sum
    (`report.told_sum`: over its pages in each language, beside its languages and any other
    `groupings`)."""
    views = sum(row["views"] for row in rows)
    ends = sum(row["ends"] for row in rows)
    told = report.told_sum(rows, *groupings)
    figure = {"views": views, "ends": ends, "completion": round(100 * ends / views) if views else 0}
    figure["told"] = told
    figure["shown"] = _shown(figure, figure=told)
    return figure


@never_cache
def projects_view(request):
    """Every project's reach in a period: its page and the pages linked to it, in every language."""
    flush()  # this process's own counts (and, with Redis, every process's pushed counts)
    period = periods.chosen(request.GET)
    since, until = period.since, period.until
    sets = project_pages()
    page_ids = set().union(*(pages["own"] | pages["linked"] for pages in sets.values()))
    by_page = defaultdict(list)
    for row in report.per_page(since, until, page_ids=page_ids):
        by_page[row["page_id"]].append(row)
    named = naming_pages(list(sets))
    rows = []
    for key, pages in sets.items():
        parts = [row for pk in pages["own"] | pages["linked"] for row in by_page[pk]]
        rows.append(
            {
                "project": named[key],
                "pages": len(pages["own"] | pages["linked"]),
                "parts": parts,
                **_summed(parts),
            }
        )
    rows.sort(key=lambda row: row["project"].title.casefold())
    if request.GET.get("format") == "csv":
        # Below the rows, every project's pages together, each page once (a story linked to two
        # projects is in both rows but counts once here).
        every_page = [row for rows_of_page in by_page.values() for row in rows_of_page]
        total = _summed(every_page, rows)
        return export.projects_csv(period, rows, total, label)
    return TemplateResponse(
        request,
        "stories/admin/reach_projects.html",
        {
            "page_title": _("Reach of projects"),
            "header_icon": "view",
            "tab": "projects",
            "rows": rows,
            **_period_context(period),
        },
    )


@never_cache
def project_view(request, page_id):
    """One project's reach in a period, per language, summing its page and the stories and news
    linked to it; each of those pages with its own figures below."""
    project = get_object_or_404(ProjectPage, pk=page_id)
    flush()
    period = periods.chosen(request.GET)
    since, until = period.since, period.until
    pages = project_pages([project.translation_key])[project.translation_key]
    page_ids = pages["own"] | pages["linked"]
    if request.GET.get("format") == "csv":
        return export.reach_csv(
            period,
            page_ids,
            name=f"reach-{project.slug}",
            per=request.GET.get("per", "month"),
            project=project,
        )
    figures = report.per_page(since, until, page_ids=page_ids)
    per_language = defaultdict(list)
    by_page = defaultdict(list)
    for row in figures:
        per_language[row["language"]].append(row)
        by_page[row["page_id"]].append(row)
    kinds = (ProjectPage, *LINKING)  # the project itself first, then stories, then news
    listed = []
    for page in Page.objects.filter(pk__in=page_ids).select_related("locale").specific():
        if not (page.live or by_page[page.pk]):
            continue  # a draft never read: nothing to tell
        rows = by_page[page.pk] or [
            {"language": page.locale.language_code, "views": 0, "ends": 0, "completion": 0}
        ]
        for row in rows:
            listed.append(
                {
                    "page": page,
                    "kind": capfirst(page._meta.verbose_name),
                    "language": row["language"],
                    "shown": _shown(row),
                    "why_no_end": _why_no_end(page, row),
                    "order": (kinds.index(type(page)), page.title),
                }
            )
    listed.sort(key=lambda row: (row["order"], row["language"]))
    languages = [
        {"language": language, **_summed(rows)} for language, rows in sorted(per_language.items())
    ]
    return TemplateResponse(
        request,
        "stories/admin/reach_project.html",
        {
            "page_title": _("Reach: %(title)s") % {"title": project.title},
            "header_icon": "view",
            "project": project,
            "languages": languages,
            # Shown beside both the languages and the pages: neither may tell a hidden one.
            "total": _summed(figures),
            "pages": listed,
            # Which kinds of page are linked: the screen says how to link a story when none is.
            "stories_linked": TestimonyPage.objects.filter(pk__in=pages["linked"]).exists(),
            **_period_context(period),
        },
    )


def _months(period, page_id) -> dict | None:
    """Per language, the page's figures month by month (a month the period cuts, or the running
    one, from its first to its last day counted), every month of the period, read or not; None
    for a period of one month."""
    first, last = period.since, min(period.last, timezone.localdate())
    if (first.year, first.month) == (last.year, last.month):
        return None
    counted = defaultdict(dict)
    for row in report.per_month(period.since, period.until, [page_id]):
        counted[row["language"]][row["first"].replace(day=1)] = row
    result = {}
    for language, by_month in counted.items():
        months, month = [], first.replace(day=1)
        while month <= last:
            following = (month.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
            since = max(month, first)
            until = min(following - datetime.timedelta(days=1), last)
            figure = by_month.get(month, {"views": 0, "ends": 0})
            name = date_format(month, "F Y")
            if since.day != 1 or until != following - datetime.timedelta(days=1):
                name = f"{since.day}–{until.day} {name}"
            months.append({"first": month, "name": name, "figure": figure, "shown": _shown(figure)})
            month = following
        result[language] = months
    return result


@never_cache
def page_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    period = periods.chosen(request.GET)
    if not hasattr(page, "table_of_contents"):
        raise Http404
    if request.GET.get("format") == "csv":
        flush()
        return export.reach_csv(
            period, [page.pk], name=f"reach-{page.slug}", per=request.GET.get("per", "month")
        )
    rows = [row for row in _rows(period) if row["page_id"] == page.pk]
    months = _months(period, page.pk)
    for row in rows:
        if months is not None:
            # The months are shown beside the period's figure: it may tell none of them.
            row["months"] = months.get(row["language"], [])
            row["shown"] = _shown(row, [month["figure"] for month in row["months"]])
        # A share of the views tells the views: none while they are told as "at least".
        row["shares"] = row["shown"]["enough"] and row["shown"]["views_exact"]
        row["curve"] = [
            {
                "title": title,
                "readers": report.shown(readers),
                # A share, and a bar, only where they tell no hidden figure.
                "width": round(100 * readers / row["views"])
                if row["views"] and (readers >= report.FEW or readers == 0)
                else 0,
                "hidden": report.is_hidden(readers),
                "y": index * 12,
            }
            for index, (title, readers) in enumerate(
                zip(row["titles"], row["chapters"], strict=False)
            )
        ]
        row["curve_height"] = max(12, len(row["curve"]) * 12)
        row["svg_height"] = row["curve_height"] * 2  # pixels: a bar of 20 px per chapter
    return TemplateResponse(
        request,
        "stories/admin/reach_page.html",
        {
            "page_title": _("Reach: %(title)s") % {"title": page.title},
            "header_icon": "view",
            "page": page,
            "is_project": isinstance(page, ProjectPage),
            "rows": rows,
            **_period_context(period),
        },
    )
