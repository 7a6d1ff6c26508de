"""The period a reach screen and its CSV show, chosen in the address: a month (`month=YYYY-MM`,
this month when absent), a range of days (`from=YYYY-MM-DD&to=YYYY-MM-DD`, both included), the
last twelve months up to today (`last=12`: the running month and the eleven
before it) or a calendar year (`year=YYYY`); the screens' one menu sends the same as
`period=month:YYYY-MM`, `year:YYYY`, `last:12` or `range` (with `from` and `to`; days typed
there choose a range whatever the menu says, `shown_from` and `shown_to` telling typed days from
those the form showed). A choice that is
not a period (a bad date, a range that ends before it starts) shows this month with a message saying
why, never an error page."""

import datetime
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from stories.reach import report

FIRST_YEAR = 2000  # a year before it is not a year of this site


@dataclass(frozen=True)
class Period:
    since: datetime.date
    until: datetime.date  # the day after the last
    kind: str  # "month", "range", "last12" or "year"
    params: dict = field(default_factory=dict)
    error: str = ""
    entered: dict = field(default_factory=dict)  # what the date fields held, shown back

    @property
    def last(self) -> datetime.date:
        return self.until - datetime.timedelta(days=1)

    @property
    def query(self) -> str:
        """The address's query that chooses this period again (links keep it)."""
        return urlencode(self.params)

    @property
    def month(self) -> str:
        """The month the month menu selects (the period's first month)."""
        return self.since.strftime("%Y-%m")

    @property
    def slug(self) -> str:
        """The period in a file name."""
        if self.kind == "month":
            return f"{self.since:%Y-%m}"
        if self.kind == "year":
            return f"{self.since:%Y}"
        return f"{self.since:%Y-%m-%d}_{self.last:%Y-%m-%d}"

    @property
    def running_until(self) -> datetime.date | None:
        """Today when the period is not over yet."""
        today = timezone.localdate()
        return today if self.since <= today <= self.last else None

    @property
    def title(self) -> str:
        """The period as the screens name it, in the active language, to be read inside a
        sentence ("Reach in ..."; a heading writes it with a capital)."""
        running = self.running_until
        if self.kind == "month":
            name = date_format(self.since, "F Y")
            if not running:
                return name
            return _("%(month)s, up to %(day)s (the month is not over)") % {
                "month": name,
                "day": date_format(running, "j F"),
            }
        if self.kind == "year":
            name = str(self.since.year)
            if not running:
                return name
            return _("%(year)s, up to %(day)s (the year is not over)") % {
                "year": name,
                "day": date_format(running, "j F"),
            }
        days = {"first": date_format(self.since, "j F Y")}
        if running:  # the last day counted, said once
            days["last"] = date_format(running, "j F Y")
            name = _("%(first)s to %(last)s (the period is not over)") % days
        else:
            days["last"] = date_format(self.last, "j F Y")
            name = _("%(first)s to %(last)s") % days
        if self.kind == "last12":
            return _("the last 12 months: %(period)s") % {"period": name}
        return name


def _day(text: str) -> datetime.date | None:
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        return None
    return day if day.year >= FIRST_YEAR else None


def _month(first: datetime.date, months_back: int) -> datetime.date:
    index = first.year * 12 + first.month - 1 - months_back
    return datetime.date(index // 12, index % 12 + 1, 1)


def _from_menu(params) -> dict:
    """The screens' one period menu (`period=month:YYYY-MM`, `year:YYYY`, `last:12` or `range`
    with the days in `from` and `to`) as the address's own choice."""
    kind, _colon, value = (params.get("period") or "").partition(":")
    typed = [params.get(name) or "" for name in ("from", "to")]
    shown = [params.get(f"shown_{name}") or "" for name in ("from", "to")]
    if kind and any(typed) and typed != shown:
        kind = "range"  # days typed in the form mean those days, whatever the menu still says
    if kind == "month":
        return {"month": value}
    if kind == "year":
        return {"year": value}
    if kind == "last":
        return {"last": value}
    if kind == "range":
        return {"from": params.get("from") or "", "to": params.get("to") or "", "range": "1"}
    return params


def chosen(params) -> Period:
    """The period the address chooses (a QueryDict or a dict)."""
    today = timezone.localdate()
    params = _from_menu(params)
    error, entered = "", {}
    if params.get("from") or params.get("to") or params.get("range"):
        entered = {"from": params.get("from", ""), "to": params.get("to", "")}
        first, last = _day(entered["from"]), _day(entered["to"])
        if first is None or last is None:
            error = _("Enter both dates, the first and the last day, as day, month and year.")
        elif last < first:
            error = _("The last day comes before the first day. Choose a last day after it.")
        else:
            return Period(
                first, last + datetime.timedelta(days=1), "range", entered, entered=entered
            )
    elif params.get("last") == "12":
        # The running month and the eleven before it: the last twelve months up to today.
        this_month = today.replace(day=1)
        return Period(_month(this_month, 11), _month(this_month, -1), "last12", {"last": "12"})
    elif params.get("year"):
        year = params.get("year")
        if year.isdigit() and FIRST_YEAR <= int(year) <= today.year:
            first = datetime.date(int(year), 1, 1)
            return Period(first, first.replace(year=first.year + 1), "year", {"year": year})
        error = _("Choose a year from the list.")
    else:
        since, until = report.month_bounds(params.get("month"))
        return Period(since, until, "month", {"month": f"{since:%Y-%m}"})
    since, until = report.month_bounds(None)
    return Period(since, until, "month", {"month": f"{since:%Y-%m}"}, error, entered)
