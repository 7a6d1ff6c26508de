"""What the backup tests compare, read from one environment in a process of its own.

Run as `python -m tests.backup_probe [--feed] [--fetch URL]... [--story PSEUDONYM]...
[--dump FILE]` with the environment's DATABASE_URL and MEDIA_ROOT; prints JSON. The changes feed
(--feed: its events as [id, event, page id]) is read before anything else; then pages are
fetched: a first rendering may create image renditions, which then belong to what is counted.
"""

import argparse
import hashlib
import json
import os
from pathlib import Path

import django


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--fetch", action="append", default=[])
    parser.add_argument("--story", action="append", default=[])
    parser.add_argument("--dump")
    parser.add_argument("--feed", action="store_true")
    args = parser.parse_args()
    django.setup()

    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.models import Page

    from sitewide.api.models import ContentChange
    from stories import consent
    from stories.consent import ledger
    from stories.models import ConsentRecord, TestimonyPage

    feed = None
    if args.feed:
        events = ContentChange.objects.values_list("pk", "event", "page_id")
        feed = [list(event) for event in events]

    client = Client(HTTP_HOST="localhost")
    fetched = {}
    for url in args.fetch:
        response = client.get(url)
        fetched[url] = {"status": response.status_code, "body": response.content.decode()}

    tables = sorted(connection.introspection.table_names())
    counts = {}
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]

    if args.dump:
        call_command("dumpdata", output=args.dump, verbosity=0)

    media_root = Path(settings.MEDIA_ROOT)
    media = {
        file.relative_to(media_root).as_posix(): hashlib.sha256(file.read_bytes()).hexdigest()
        for file in sorted(media_root.rglob("*"))
        if file.is_file()
    }

    index_entry = apps.get_model("wagtailsearch", "IndexEntry")
    stories = {}
    for pseudonym in args.story:
        pages = TestimonyPage.objects.filter(pseudonym=pseudonym)
        ids = list(pages.values_list("pk", flat=True))
        record = ConsentRecord.objects.filter(pseudonym=pseudonym).first()
        stories[pseudonym] = {
            "pages": {
                str(page.pk): {"live": page.live, "title": page.title, "slug": page.slug}
                for page in pages
            },
            "record": record.pk if record else None,
            "withdrawals": (
                [
                    [w.part, w.language.language_code if w.language else None]
                    for w in record.withdrawals.order_by("pk")
                ]
                if record
                else []
            ),
            "visible": {
                channel: list(
                    consent.visible_pages(Page.objects.filter(pk__in=ids), channel).values_list(
                        "pk", flat=True
                    )
                )
                for channel in consent.CHANNELS
            },
            "indexed": index_entry.objects.filter(object_id__in=[str(pk) for pk in ids]).count(),
        }

    print(
        json.dumps(
            {
                "fetched": fetched,
                "counts": counts,
                "media": media,
                "ledger": ledger.entries(),
                "stories": stories,
                **({"feed": feed} if args.feed else {}),
                "pid": os.getpid(),
            }
        )
    )


if __name__ == "__main__":
    main()
