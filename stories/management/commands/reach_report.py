"""Prints the reach figures, one row per page, language and day (docs/reach.md)."""

import csv
import datetime
import sys

from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from stories.reach import report
from stories.reach.counting import flush


class Command(BaseCommand):
    help = "Reach figures per page, language and day: path, language, day, views, read to the end."

    def add_arguments(self, parser):
        parser.add_argument("--since", help="First day, YYYY-MM-DD (default: everything)")
        parser.add_argument("--csv", action="store_true", help="Comma-separated, with a header")

    def handle(self, *args, since=None, csv=False, **options):
        first = None
        if since:
            try:
                first = datetime.date.fromisoformat(since)
            except ValueError:
                raise CommandError(f"--since must be a day as YYYY-MM-DD, not {since!r}") from None
        flush()  # what this process counted; web processes write theirs on their own timer
        rows = report.per_day(since=first)
        paths = {
            page.pk: page.get_url() or ""
            for page in Page.objects.filter(pk__in={row["page_id"] for row in rows})
        }
        header = ["path", "language", "day", "views", "readers_who_reached_the_end"]
        lines = [
            [
                paths.get(r["page_id"], ""),
                r["language"],
                r["day"].isoformat(),
                r["views"],
                r["ends"],
            ]
            for r in rows
        ]
        if csv:
            writer = _csv_writer(self.stdout)
            writer.writerow(header)
            writer.writerows(lines)
            return
        if not lines:
            self.stdout.write("No reach figures yet.")
        for line in lines:
            self.stdout.write("  ".join(str(value) for value in line))


def _csv_writer(stream):
    return csv.writer(stream or sys.stdout, lineterminator="\n")
