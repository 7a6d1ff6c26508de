"""The figures read back: per page and language (and per day for exports), views, readers who
reached the end, and how many readers reached each chapter. A figure never exceeds the views it
belongs to (a flood of beacons cannot push a rate past 100%)."""

import datetime
from collections import defaultdict

from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from stories.reach.models import CHAPTER, END, VIEW, ReachCounter

FEW = 10  # figures under this are shown as "fewer than 10" on screens


def shown(number: int) -> str:
    """A figure as a screen shows it: small numbers are not told exactly (none is none)."""
    return _("fewer than %(few)d") % {"few": FEW} if is_hidden(number) else str(number)


def is_hidden(number: int) -> bool:
    """A figure not told exactly: from 1 to 9 (none is none)."""
    return 0 < number < FEW


def told(views: int, ends: int, parts=None, *groupings) -> dict:
    """What the screens and the CSV may tell of views and readers who read to the end (each at
    most its views): per measure the number shown (`None` when hidden), whether it is a lower
    bound and whether hidden parts are in it, and the completion rate (`None` when it would tell
    a hidden figure).

    A figure under 10 is hidden. A sum is told over its finest parts (`parts`: rows with views
    and ends, a page in one language for the period) and beside the sums it is split into on
    the same screen or file (each of `groupings` is a list of blocks, a block a row whose
    `parts` are finest parts: the languages, the projects). Exactly when, in the finest parts
    and in every grouping, the blocks not told exactly (hidden, or "at least") are none or two
    and more; otherwise the sum less the blocks told would be one hidden figure, so it is told
    as "at least" the sum of the finest parts that are shown, never of a true value that holds a
    hidden part, and without a rate. A rate is told only with 10 views or more, and 10 readers
    to the end or none."""
    parts = list(parts or ())
    figure = {}
    for measure, number in (("views", views), ("ends", ends)):
        hidden = [part for part in parts if is_hidden(part[measure])]
        untold = [len(hidden)] + [
            sum(1 for block in blocks if not _exact(block, measure)) for blocks in groupings
        ]
        if is_hidden(number):
            figure[measure] = {"number": None, "at_least": False, "with_hidden": False}
        elif 1 in untold:
            shown_sum = sum(part[measure] for part in parts if not is_hidden(part[measure]))
            figure[measure] = {"number": shown_sum, "at_least": True, "with_hidden": False}
        else:
            figure[measure] = {"number": number, "at_least": False, "with_hidden": bool(hidden)}
    rate_told = (
        views >= FEW
        and (ends >= FEW or ends == 0)
        and not (figure["views"]["at_least"] or figure["ends"]["at_least"])
    )
    figure["completion"] = round(100 * ends / views) if rate_told else None
    return figure


def _exact(block: dict, measure: str) -> bool:
    """Whether a block (a row, or a sum of the finest parts in its `parts`) is told exactly."""
    told_block = told(block["views"], block["ends"], block.get("parts"))[measure]
    return told_block["number"] is not None and not told_block["at_least"]


def languages(parts) -> list[dict]:
    """Rows added up per language: the blocks a sum is split into on the screens."""
    blocks = {}
    for part in parts:
        block = blocks.setdefault(part["language"], {"views": 0, "ends": 0, "parts": []})
        block["views"] += part["views"]
        block["ends"] += part["ends"]
        block["parts"].append(part)
    return [blocks[language] for language in sorted(blocks)]


def told_sum(rows, *groupings) -> dict:
    """The told figure of the sum of `rows` (with language, views and ends: a page in one
    language for the period on the screens, and per month or day in a CSV): over the rows as
    its finest parts, beside its languages and any other `groupings`. The one rule for every
    sum on every screen and in every CSV, so the same sum is told alike wherever it is shown."""
    rows = list(rows)
    views = sum(row["views"] for row in rows)
    ends = sum(row["ends"] for row in rows)
    return told(views, ends, rows, languages(rows), *groupings)


def told_text(figure: dict, measure: str) -> str:
    """One measure of `told()` as a screen writes it."""
    told_figure = figure[measure]
    if told_figure["number"] is None:
        return _("fewer than %(few)d") % {"few": FEW}
    if told_figure["at_least"]:
        return _("at least %(number)s") % {"number": told_figure["number"]}
    return str(told_figure["number"])


def _counters(since=None, until=None, page_ids=None):
    counters = ReachCounter.objects.all()
    if since:
        counters = counters.filter(day__gte=since)
    if until:
        counters = counters.filter(day__lt=until)
    if page_ids is not None:
        counters = counters.filter(page_id__in=page_ids)
    return counters


def _figure(views: int, ends: int, furthest: dict[int, int], chapters: int) -> dict:
    reached, total = [], 0
    last = max([chapters, *furthest]) if furthest else chapters
    for number in range(last, 0, -1):  # readers who reached chapter k: their furthest is >= k
        total += furthest.get(number, 0)
        reached.append(min(total, views))
    reached.reverse()
    ends = min(ends, views)
    return {
        "views": views,
        "ends": ends,
        "completion": round(100 * ends / views) if views else 0,
        "chapters": reached[:chapters] if chapters else reached,
    }


def per_page(since=None, until=None, page_ids=None, chapters_of=None) -> list[dict]:
    """One row per page and language: page_id, language and the figures."""
    sums = defaultdict(lambda: {"views": 0, "ends": 0, "furthest": {}})
    rows = (
        _counters(since, until, page_ids)
        .values("page_id", "language", "measure")
        .annotate(total=Sum("count"))
    )
    for row in rows:
        figure = sums[(row["page_id"], row["language"])]
        measure = row["measure"]
        if measure == VIEW:
            figure["views"] += row["total"]
        elif measure == END:
            figure["ends"] += row["total"]
        elif measure.startswith(CHAPTER) and measure[len(CHAPTER) :].isdigit():
            number = int(measure[len(CHAPTER) :])
            figure["furthest"][number] = figure["furthest"].get(number, 0) + row["total"]
    result = []
    for (page_id, language), figure in sorted(sums.items()):
        chapters = chapters_of(page_id) if chapters_of else 0
        result.append(
            {
                "page_id": page_id,
                "language": language,
                **_figure(figure["views"], figure["ends"], figure["furthest"], chapters),
            }
        )
    return result


def _daily(since=None, until=None, page_ids=None) -> dict:
    """Views and readers who reached the end per page, language and day, as counted."""
    days = defaultdict(lambda: {VIEW: 0, END: 0})
    rows = (
        _counters(since, until, page_ids)
        .filter(measure__in=[VIEW, END])
        .values("page_id", "language", "day", "measure")
        .annotate(total=Sum("count"))
    )
    for row in rows:
        days[(row["page_id"], row["language"], row["day"])][row["measure"]] += row["total"]
    return days


def per_day(since=None, until=None, page_ids=None) -> list[dict]:
    """One row per page, language and day: views and readers who reached the end (exports)."""
    return [
        {
            "page_id": page_id,
            "language": language,
            "day": day,
            "views": figure[VIEW],
            "ends": min(figure[END], figure[VIEW]),
        }
        for (page_id, language, day), figure in sorted(_daily(since, until, page_ids).items())
    ]


def per_month(since, until, page_ids=None) -> list[dict]:
    """One row per page, language and month of the period from `since` to the day before
    `until`: its first and last day (the period's own in a month it cuts; today in the running
    month), views and readers who reached the end (at most the row's views, as on the screens)."""
    months = defaultdict(lambda: {VIEW: 0, END: 0})
    for (page_id, language, day), figure in _daily(since, until, page_ids).items():
        month = months[(page_id, language, day.replace(day=1))]
        month[VIEW] += figure[VIEW]
        month[END] += figure[END]
    # The last day counted: today in a period that is not over yet.
    last = min(until - datetime.timedelta(days=1), timezone.localdate())
    rows = []
    for (page_id, language, first), figure in sorted(months.items()):
        following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        rows.append(
            {
                "page_id": page_id,
                "language": language,
                "first": max(first, since),
                "last": min(following - datetime.timedelta(days=1), last),
                "views": figure[VIEW],
                "ends": min(figure[END], figure[VIEW]),
            }
        )
    return rows


def month_bounds(month: str | None) -> tuple[datetime.date, datetime.date]:
    """The first day of a month given as YYYY-MM (this month when absent or not a month) and
    the first day of the next."""
    today = timezone.localdate()
    try:
        first = datetime.datetime.strptime(month or "", "%Y-%m").date()
    except ValueError:
        first = today.replace(day=1)
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first, following
