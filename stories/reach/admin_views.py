"""The reach report in the admin: per page and language for a month, a page's chapter reach as a
chart drawn on the server, and a CSV of the exact daily figures for funders' reports."""

import csv
import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from stories.reach import report
from stories.reach.counting import flush
from stories.reach.models import ReachCounter


def _chapters_of(page_ids):
    pages = {page.pk: page.specific for page in Page.objects.filter(pk__in=page_ids)}

    def titles(page_id) -> list[str]:
        page = pages.get(page_id)
        toc = page.table_of_contents() if hasattr(page, "table_of_contents") else []
        return [chapter["heading"] for chapter in toc]

    return pages, titles


def _rows(month):
    flush()  # this process's own counts, so a figure just counted shows
    since, until = report.month_bounds(month)
    page_ids = set(
        ReachCounter.objects.filter(day__gte=since, day__lt=until).values_list("page_id", flat=True)
    )
    pages, titles = _chapters_of(page_ids)
    rows = report.per_page(since, until, chapters_of=lambda pk: len(titles(pk)))
    for row in rows:
        row["page"] = pages.get(row["page_id"])
        row["shown"] = _shown(row)
        row["titles"] = titles(row["page_id"])
    return since, until, rows


def _shown(row) -> dict:
    enough = row["views"] >= report.FEW
    return {
        "views": report.shown(row["views"]),
        "ends": report.shown(row["ends"]),
        "completion": f"{row['completion']}%" if enough else "–",
        "enough": enough,
    }


@never_cache
def report_view(request):
    month = request.GET.get("month")
    since, until, rows = _rows(month)
    if request.GET.get("format") == "csv":
        return _csv(since, until)
    today = timezone.localdate()
    months = []
    first = today.replace(day=1)
    for _step in range(12):
        months.append(first)
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return TemplateResponse(
        request,
        "stories/admin/reach_report.html",
        {
            "page_title": _("Reach"),
            "header_icon": "view",
            "rows": rows,
            "since": since,
            "month": since.strftime("%Y-%m"),
            "months": months,
        },
    )


@never_cache
def page_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    since, until, rows = _rows(request.GET.get("month"))
    rows = [row for row in rows if row["page_id"] == page.pk]
    if not hasattr(page, "table_of_contents"):
        raise Http404
    for row in rows:
        row["curve"] = [
            {
                "title": title,
                "readers": report.shown(readers),
                "width": round(100 * readers / row["views"]) if row["views"] else 0,
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
            "rows": rows,
            "since": since,
            "month": since.strftime("%Y-%m"),
        },
    )


def _csv(since, until) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="reach-{since:%Y-%m}.csv"'
    writer = csv.writer(response)
    writer.writerow(["path", "language", "day", "views", "readers_who_reached_the_end"])
    rows = report.per_day(since, until)
    paths = {
        page.pk: page.get_url() or ""
        for page in Page.objects.filter(pk__in={row["page_id"] for row in rows})
    }
    for row in rows:
        writer.writerow(
            [
                paths.get(row["page_id"], ""),
                row["language"],
                row["day"].isoformat(),
                row["views"],
                row["ends"],
            ]
        )
    return response
