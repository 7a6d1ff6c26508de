"""Measures what a page makes a reader download, and fails when it is over budget.

Budgets (gzip): all JavaScript at most 15 KB, all CSS at most 35 KB, fonts at most 80 KB, and no
request to another origin before the reader clicks. Fetches the page in-process (no network).
"""

import gzip
import json
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.contrib.staticfiles import finders
from django.core.management.base import BaseCommand, CommandError
from django.test import Client

BUDGETS = {"js": 15 * 1024, "css": 35 * 1024, "font": 80 * 1024}


class ResourceParser(HTMLParser):
    """Collects what a browser would fetch on load: scripts, styles, images, fonts, frames."""

    def __init__(self):
        super().__init__()
        self.resources: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script" and attributes.get("src"):
            self.resources.append(("js", attributes["src"]))
        elif tag == "link" and "stylesheet" in (attributes.get("rel") or ""):
            self.resources.append(("css", attributes["href"]))
        elif tag == "link" and (attributes.get("as") == "font"):
            self.resources.append(("font", attributes["href"]))
        elif tag in ("img", "source", "iframe", "audio", "video", "embed") and attributes.get(
            "src"
        ):
            self.resources.append(("other", attributes["src"]))
        for name in ("srcset",):
            if attributes.get(name):
                for candidate in attributes[name].split(","):
                    self.resources.append(("other", candidate.strip().split(" ")[0]))


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9))


def static_bytes(url: str) -> bytes:
    from django.conf import settings

    path = urlsplit(url).path
    if not path.startswith(settings.STATIC_URL):
        raise CommandError(f"Not a static file: {url}")
    relative = path[len(settings.STATIC_URL) :]
    # Hashed names from the manifest map back to the source file.
    found = finders.find(relative) or finders.find(_unhashed(relative))
    if not found:
        raise CommandError(f"Static file not found: {relative}")
    with open(found, "rb") as handle:
        return handle.read()


def _unhashed(name: str) -> str:
    stem, _dot, extension = name.rpartition(".")
    base, _dot, maybe_hash = stem.rpartition(".")
    return f"{base}.{extension}" if base and len(maybe_hash) == 12 else name


def measure(url: str) -> dict:
    """Sizes of what the page loads, and any resource from another origin."""
    from django.conf import settings

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h != "*"), "localhost")
    response = Client(HTTP_HOST=host).get(url)
    if response.status_code != 200:
        raise CommandError(f"{url} answered {response.status_code}")
    html = response.content
    parser = ResourceParser()
    parser.feed(html.decode())
    report = {"url": url, "html": gzip_size(html), "js": 0, "css": 0, "font": 0, "third_party": []}
    for kind, resource in parser.resources:
        parts = urlsplit(resource)
        if parts.scheme in ("http", "https") and parts.netloc != host:
            report["third_party"].append(resource)
            continue
        if kind in ("js", "css", "font"):
            report[kind] += gzip_size(static_bytes(resource))
    return report


class Command(BaseCommand):
    help = "Measure a page's JavaScript, CSS and font weight (gzip) against the budgets."

    def add_arguments(self, parser):
        parser.add_argument("url", help="Path of the page, e.g. /en/stories/a-story/")
        parser.add_argument("--json", action="store_true", help="Print the report as JSON.")

    def handle(self, url, **options):
        report = measure(url)
        over = [
            f"{kind} {report[kind]} B > {limit} B"
            for kind, limit in BUDGETS.items()
            if report[kind] > limit
        ]
        if report["third_party"]:
            over.append(f"requests to other origins: {report['third_party']}")
        if options["json"]:
            self.stdout.write(json.dumps(report, indent=2))
        else:
            for kind in ("html", "js", "css", "font"):
                limit = BUDGETS.get(kind)
                self.stdout.write(
                    f"{kind:5} {report[kind]:7} B gzip" + (f"  (budget {limit} B)" if limit else "")
                )
        if over:
            raise CommandError("Over budget: " + "; ".join(over))
        self.stdout.write(self.style.SUCCESS("Within budget."))
