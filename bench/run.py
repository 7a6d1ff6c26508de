"""`make bench`: how the site serves a large site, and whether it keeps its budgets.

Builds a large site in a throwaway folder (SQLite database, media, static files): the demo site
as every served site is built (scripts/served_site.py, the one harness), then the bench's own
content in this process (bench.builder). Then it measures, with production settings (DEBUG off,
HTTPS off on the loopback):

(a) in-process render time p50/p95 of a long story, a listing, the API list and the API detail,
    uncached and cached, each as a ratio to the reference page's: a stock Wagtail page (a
    RichTextField of five paragraphs and one image, a stock template: bench.reference, installed
    by the bench's settings only) measured the same way in the same run;
(b) SQL queries per request of those, and of every public page type;
(c) throughput and p50/p99 latency under a bounded loopback load: gunicorn with two workers,
    `wrk -t2 -c16` for a few seconds, each target alternating three times with a static file
    served by whitenoise (the stack's limit), and each target's median ratio to it;
(d) the page cache's hit rate on story requests (several stories of one language in turn)
    while an editor publishes a different story every 3 s (scripts/load_test.py's editor);
(e) gzip bytes of the demo story's HTML, CSS and JS.

Prints a table, writes JSON to var/bench/ (bench-<time>.json and latest.json), and exits 1 when
a budget is broken. The budgets live here, not in timed unit tests.

The page cache for anonymous readers (sitewide.caching.page_cache) marks its answers `X-Page-Cache:
hit` (or `miss`), keys on the scheme, host, path and the query parameters a page reads (so a query
string of the bench's own makes no miss), and is switched off in a process by the setting
PAGE_CACHE_ENABLED = False. Cached rows are measured when a repeated request answers `hit` (else
they read "n/a"); uncached rows in-process run with that setting off; uncached rows under load
send the bench's bypass token (PAGE_CACHE_BYPASS_TOKEN, set for the bench's gunicorn only), and
wrk counts every answer not marked `miss` (the row fails when there is one). The cached story is
measured plain and with `Accept-Encoding: br, gzip` (kept compressed: a hit compresses nothing).

The bench says when the machine is busy: the load average before and after, and the spread of
the static file's throughput between rounds; above 20% the load budgets are not judged.
"""

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from scripts.served_site import (
    GUNICORN_CONFIG,
    PROJECT_VARIABLES,
    Server,
    build,
    site_environment,
)

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "var" / "bench"
CACHE_HEADER = "X-Page-Cache"

# Budgets. Every time is a ratio to a reference measured in the same run (machines differ and
# are noisy): throughput to the static file's, render times to the reference page's (the stock
# Wagtail page of bench.reference, uncached in-process).
MAX_QUERIES = 12
CACHED_STORY_MIN_RATIO = 0.9  # of the static file's throughput
UNCACHED_STORY_MIN_RATIO = 0.1  # of the static file's throughput
STORY_UNCACHED_MAX_RATIO = 1.5  # a long story's uncached p50, to the reference page's
API_DETAIL_MAX_RATIO = 1.0  # the long story's uncached API detail p50, to the reference page's
HIT_RATE_MIN = 0.9  # story requests answered from the page cache while an editor publishes
EDIT_INTERVAL = 3.0  # seconds between the editor's publishes
# Stories of one language the hit-rate load turns between: as many as readers open in a few
# seconds on a site that is read; with a handful, hits between renewals hide what each renewal
# costs (every page it renews is rendered again by its next reader).
HIT_RATE_STORIES = 30
HIT_RATE_SECONDS = 15  # five publishes
# The demo's information page (site/demo/content.py): measured beside the reference, as
# information (it was the reference before the stock page).
INFORMATION_SLUG = "returning-home"

# The bench's own settings on top of the harness's production settings on the loopback
# (scripts/served_site.py, which also drops the caller's project variables: PROJECT_VARIABLES).
BENCH_VARIABLES = {
    # The production settings plus the reference page type (bench/settings.py).
    "DJANGO_SETTINGS_MODULE": "bench.settings",
    "ALLOWED_HOSTS": "127.0.0.1",
    "SITE_LANGUAGES": "nl,en,de",
    "EMAIL_URL": "memory://",
    "LOG_LEVEL": "ERROR",
}


def environment(folder: Path) -> dict[str, str]:
    return site_environment(folder, extra=BENCH_VARIABLES)


def machine() -> dict:
    model = ""
    with contextlib.suppress(OSError, StopIteration):
        model = next(
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        )
    try:
        memory_kb = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        memory_kb = 0
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "memory_gb": round(memory_kb / 1024 / 1024, 1),
        "load_average": [round(value, 2) for value in os.getloadavg()],
        "python": platform.python_version(),
        "system": platform.platform(),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# --- in-process measurements --------------------------------------------------------------------


class EncodeCounter:
    """Counts images encoded into renditions while it is open."""

    def __enter__(self):
        from longread.models import rendition_encoded

        self.count = 0
        self.signal = rendition_encoded
        rendition_encoded.connect(self._encoded, weak=False)
        return self

    def _encoded(self, sender, **kwargs):
        self.count += 1

    def __exit__(self, *exc):
        self.signal.disconnect(self._encoded)


def page_cache_off():
    from django.test import override_settings

    return override_settings(PAGE_CACHE_ENABLED=False)


def _get(client, url, headers=None):
    response = client.get(url, headers=headers or {})
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def _unique(url: str, number: int) -> str:
    return f"{url}{'&' if '?' in url else '?'}bench={number}"


def time_requests(client, url, iterations, *, uncached: bool, headers=None) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    html = not url.startswith("/api/")
    times, statuses, hits = [], set(), 0
    for number in range(iterations):
        target = _unique(url, number) if uncached and html else url
        start = time.perf_counter()
        response = _get(client, target, headers)
        times.append((time.perf_counter() - start) * 1000)
        statuses.add(response.status_code)
        hits += response.get(CACHE_HEADER, "").lower() == "hit"
    with CaptureQueriesContext(connection) as queries:
        _get(client, _unique(url, iterations) if uncached and html else url, headers)
    return {
        "p50_ms": round(percentile(times, 0.5), 2),
        "p95_ms": round(percentile(times, 0.95), 2),
        "queries": len(queries),
        "status": sorted(statuses),
        "cache_hits": hits,
        "iterations": iterations,
    }


# The in-process states: the page cache off, so every body is made ("uncached"); missed by the
# page cache with the bodies kept ("uncached, bodies kept"); answered by the page cache.
KEPT = "uncached, bodies kept"
STATES = ("uncached", KEPT, "cached")
LABELS = {"uncached": "uncached, bodies made", KEPT: KEPT, "cached": "cached"}


def in_process(targets: dict, iterations: int) -> dict:
    from django.test import Client, override_settings

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    with EncodeCounter() as encoded:
        # Every target once before any is timed: the first one measured (the reference) would
        # otherwise pay for the process's first requests (templates loaded, connections opened).
        with page_cache_off():
            for url in targets.values():
                for _ in range(3 if url else 0):
                    _get(client, url)
        for name, url in targets.items():
            if url is None:
                results[name] = {"uncached": None, "cached": None, "note": "n/a (no API yet)"}
                continue
            with page_cache_off():
                for _ in range(3):
                    _get(client, url)
                uncached = time_requests(client, url, iterations, uncached=True)
            # Missed by the page cache (the bench's bypass), the longread bodies kept from the
            # first request (sitewide.caching.fragments): what a miss costs on a site in use.
            with override_settings(PAGE_CACHE_BYPASS_TOKEN=BYPASS_TOKEN):
                bypass = {"X-Page-Cache-Bypass": BYPASS_TOKEN}
                for _ in range(3):
                    _get(client, url, bypass)
                kept = time_requests(client, url, iterations, uncached=True, headers=bypass)
            _get(client, url)
            probe = _get(client, url)
            cached = None
            if probe.get(CACHE_HEADER, "").lower() == "hit":
                cached = time_requests(client, url, iterations, uncached=False)
            results[name] = {
                "url": url,
                "uncached": uncached,
                KEPT: kept,
                "cached": cached,
                "note": "" if cached else "n/a (not answered from the page cache)",
            }
    results["renditions_encoded"] = encoded.count
    return results


DEAD_PARTNERS = 3
# Saving and publishing a story with three partner endpoints that never answer, to the same
# with none: the request only queues their deliveries for the task worker.
PUBLISH_MAX_RATIO = 1.25


def publishing_with_dead_partners(iterations: int) -> dict:
    """In-process p50 of saving and publishing a demo story (Wagtail's own publish, the task
    backend the settings name), with no partner webhook and with DEAD_PARTNERS whose endpoints
    are loopback ports nobody listens on."""
    from django.conf import settings

    from scripts.served_site import free_port
    from sitewide.api.models import PartnerWebhook, WebhookDelivery
    from stories.models import TestimonyPage

    story = TestimonyPage.objects.live().filter(locale__language_code="en").order_by("pk").first()

    def publishes() -> float:
        times = []
        for _ in range(iterations):
            page = TestimonyPage.objects.get(pk=story.pk)
            start = time.perf_counter()
            page.save_revision().publish()
            times.append((time.perf_counter() - start) * 1000)
        return round(percentile(times, 0.5), 2)

    publishes()  # warm
    none = publishes()
    partners = [
        PartnerWebhook.objects.create(
            name=f"Dead partner {number}", url=f"https://127.0.0.1:{free_port()}/events"
        )
        for number in range(1, DEAD_PARTNERS + 1)
    ]
    try:
        dead = publishes()
        queued = WebhookDelivery.objects.filter(webhook__in=partners).count()
    finally:
        PartnerWebhook.objects.filter(pk__in=[partner.pk for partner in partners]).delete()
    return {
        "task_backend": settings.TASKS["default"]["BACKEND"],
        "story": story.url,
        "none_p50_ms": none,
        "dead_p50_ms": dead,
        "deliveries_queued": queued,
        "ratio": round(dead / none, 2) if none else None,
    }


def public_page_queries(pages: dict) -> dict:
    """Queries of one request for every public page type (after a first request)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts = {}
    with page_cache_off():
        for name, url in pages.items():
            first = _get(client, url)
            with CaptureQueriesContext(connection) as queries:
                response = _get(client, _unique(url, 0) if "?" not in url else url)
            counts[name] = {
                "url": url,
                "queries": len(queries),
                "status": [first.status_code, response.status_code],
            }
    return counts


def page_weight(url: str) -> dict:
    from longread.management.commands.check_page_budget import measure

    report = measure(url)
    return {"url": url, "html": report["html"], "css": report["css"], "js": report["js"]}


# --- under load ---------------------------------------------------------------------------------

# Uncached load: every request carries the bench's bypass token (PAGE_CACHE_BYPASS_TOKEN, set
# only for the bench's own gunicorn), so the page cache renders it and keeps nothing; a query
# string of its own per request as well. wrk counts the answers not marked `X-Page-Cache: miss`:
# any such answer makes the uncached row dishonest, and the row says so.
UNIQUE_PATHS_LUA = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end
function init(args)
  path = args[1]
  wrk.headers["X-Page-Cache-Bypass"] = args[2]
  counter = 0
  not_miss = 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", path .. "?bench=" .. id .. "-" .. counter)
end
function response(status, headers, body)
  if headers["X-Page-Cache"] ~= "miss" then
    not_miss = not_miss + 1
  end
end
function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("not_miss")
  end
  io.write("Answers not a miss: " .. total .. "\\n")
end
"""
# The hit rate while an editor publishes: each connection asks for the story paths given after
# `--` in turn (no bypass token, no query string: what readers ask for) and counts the answers
# marked `X-Page-Cache: hit`; the figures of every thread are summed at the end.
HIT_RATE_LUA = """
local threads = {}
function setup(thread)
  table.insert(threads, thread)
end
function init(args)
  paths = args
  counter = 0
  hits = 0
  answers = 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[counter % #paths + 1])
end
function response(status, headers, body)
  answers = answers + 1
  if headers["X-Page-Cache"] == "hit" then
    hits = hits + 1
  end
end
function done(summary, latency, requests)
  local hit_total, answer_total = 0, 0
  for _, thread in ipairs(threads) do
    hit_total = hit_total + thread:get("hits")
    answer_total = answer_total + thread:get("answers")
  end
  io.write("Page cache hits: " .. hit_total .. " of " .. answer_total .. "\\n")
end
"""
BYPASS_TOKEN = secrets.token_urlsafe(16)
# The static file's throughput may vary this much between rounds before the machine counts as
# busy and the load budgets are not judged.
STATIC_SPREAD_LIMIT = 0.20


def _duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


READER_AGENT = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)


def run_wrk(
    url: str,
    seconds: int,
    script: Path | None = None,
    path: str = "",
    headers: dict = None,
    script_args: list[str] | None = None,
) -> dict:
    """One wrk run; with `script`, its arguments are `script_args` (by default `path` and the
    bypass token: UNIQUE_PATHS_LUA)."""
    command = ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    # As a reader's browser: pages count their views (stories.reach), so throughput is measured
    # with counting on, as production serves readers (wrk names no agent: a script, not counted).
    for name, value in {"User-Agent": READER_AGENT, **(headers or {})}.items():
        command += ["-H", f"{name}: {value}"]
    if script is not None:
        command += ["-s", str(script), url, "--", *(script_args or [path, BYPASS_TOKEN])]
    else:
        command.append(url)
    output = subprocess.run(  # noqa: S603 - wrk against our own loopback server
        command, capture_output=True, text=True, check=True, timeout=seconds + 30
    ).stdout
    return parse_wrk(output, f"{url} {path}")


def parse_wrk(output: str, what: str = "") -> dict:
    """wrk's figures, with what the bench's Lua scripts add: answers not a miss
    (UNIQUE_PATHS_LUA), page cache hits of all answers (HIT_RATE_LUA)."""
    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)\s*$", output, re.MULTILINE))
    if "50" not in latency or "Requests/sec" not in output:
        raise RuntimeError(f"wrk gave no measurement for {what}:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    not_miss = re.search(r"Answers not a miss: (\d+)", output)
    hits = re.search(r"Page cache hits: (\d+) of (\d+)", output)
    return {
        **({"not_miss": int(not_miss.group(1))} if not_miss else {}),
        **(
            {
                "hits": int(hits.group(1)),
                "answers": int(hits.group(2)),
                "hit_rate": round(int(hits.group(1)) / int(hits.group(2)), 4)
                if int(hits.group(2))
                else None,
            }
            if hits
            else {}
        ),
        "requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": round(_duration_ms(latency["50"]), 2),
        "p99_ms": round(_duration_ms(latency["99"]), 2),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def serve(env: dict, folder: Path) -> Server:
    """gunicorn with two workers and its production settings (access log without addresses),
    ready once it accepts connections: the application loads in the master before it binds
    (preload_app, site/gunicorn.conf.py)."""
    config = GUNICORN_CONFIG if GUNICORN_CONFIG.exists() else None
    return Server(env, folder, workers=2, config=config, start_timeout=180).start(probe=None)


def under_load(base: str, targets: dict, static_url: str, seconds: int, folder: Path) -> dict:
    """Each target alternates three times with the static file; ratios are per round."""
    import urllib.request

    script = folder / "unique_paths.lua"
    script.write_text(UNIQUE_PATHS_LUA)
    results = {"static": {"url": static_url, "rounds": []}}
    for name, (url, unique, *extra) in targets.items():
        headers = extra[0] if extra else None
        if url is None:
            results[name] = {"note": "n/a (no API yet)"}
            continue
        if name == "cached story":
            with urllib.request.urlopen(base + url, timeout=10) as first:  # noqa: S310 - loopback
                first.read()
            with urllib.request.urlopen(base + url, timeout=10) as second:  # noqa: S310 - loopback
                if second.headers.get(CACHE_HEADER, "").lower() != "hit":
                    results[name] = {"url": url, "note": "not answered from the page cache"}
                    continue
        rounds = []
        for _ in range(3):
            drain(base + static_url)
            static = run_wrk(base + static_url, seconds)
            results["static"]["rounds"].append(static)
            if unique:
                measured = run_wrk(base + "/", seconds, script=script, path=url)
            else:
                measured = run_wrk(base + url, seconds, headers=headers)
            measured["ratio_to_static"] = (
                round(measured["requests_per_second"] / static["requests_per_second"], 4)
                if static["requests_per_second"]
                else None
            )
            rounds.append(measured)
        ratios = [r["ratio_to_static"] for r in rounds if r["ratio_to_static"] is not None]
        results[name] = {
            "url": url,
            "rounds": rounds,
            "requests_per_second": statistics.median(r["requests_per_second"] for r in rounds),
            "p50_ms": statistics.median(r["p50_ms"] for r in rounds),
            "p99_ms": statistics.median(r["p99_ms"] for r in rounds),
            "median_ratio_to_static": statistics.median(ratios) if ratios else None,
            "non_2xx": sum(r["non_2xx"] for r in rounds),
            **({"not_miss": sum(r.get("not_miss", 0) for r in rounds)} if unique else {}),
        }
    static_rounds = results["static"]["rounds"]
    if static_rounds:
        results["static"].update(
            requests_per_second=statistics.median(r["requests_per_second"] for r in static_rounds),
            p50_ms=statistics.median(r["p50_ms"] for r in static_rounds),
            p99_ms=statistics.median(r["p99_ms"] for r in static_rounds),
            spread=static_spread(static_rounds),
        )
    return results


def drain(url: str) -> None:
    """Wait until gunicorn has worked off what the last run left queued: requests wrk sent
    before it stopped are still answered, one by one, and a slow target's leftovers would fall
    into the next run. One request queued behind them returns once they are done."""
    import urllib.request

    with urllib.request.urlopen(url, timeout=300) as answer:  # noqa: S310 - loopback
        answer.read()


def hit_rate_while_publishing(
    base: str, paths: list[str], env: dict, seconds: int, folder: Path
) -> dict:
    """wrk on `paths` in turn (stories of one language, as readers ask for them) while the load
    test's editor (scripts/load_test.py) saves and publishes a different story of that language
    every EDIT_INTERVAL seconds with Wagtail's own publish, in the served site's database."""
    import urllib.request

    from scripts.load_test import STORY, Editor, parse_editor

    if STORY in paths:
        raise ValueError(f"the editor publishes {STORY}: it must not be one of the targets")
    for path in paths:  # the load starts from kept pages, as a site that has been read does
        with urllib.request.urlopen(base + path, timeout=300) as answer:  # noqa: S310 - loopback
            answer.read()
    script = folder / "hit_rate.lua"
    script.write_text(HIT_RATE_LUA)
    editor = Editor(env, EDIT_INTERVAL).start()
    try:
        measured = run_wrk(base + "/", seconds, script=script, script_args=paths)
    finally:
        editor_output = editor.stop()
    return {
        "paths": paths,
        "published": STORY,
        "seconds": seconds,
        "editor": parse_editor(editor_output),
        **measured,
    }


def static_spread(rounds: list[dict]) -> float:
    """How much the static file's throughput varied between rounds: (max - min) / median."""
    values = [r["requests_per_second"] for r in rounds]
    if not values:
        return 0.0
    median = statistics.median(values)
    return round((max(values) - min(values)) / median, 4) if median else float("inf")


# --- budgets and report -------------------------------------------------------------------------


def budgets(report: dict) -> list[dict]:
    checks = []
    queries = report["public_page_queries"]
    worst = max(queries.items(), key=lambda item: item[1]["queries"])
    checks.append(
        {
            "budget": f"at most {MAX_QUERIES} queries for any public page",
            "value": f"max {worst[1]['queries']} ({worst[0]})",
            "ok": worst[1]["queries"] <= MAX_QUERIES,
        }
    )
    publishing = report.get("publishing")
    if publishing:
        checks.append(
            {
                "budget": f"publishing with {DEAD_PARTNERS} dead partner webhooks at most "
                f"{PUBLISH_MAX_RATIO}× publishing with none (in-process p50)",
                "value": f"{publishing['ratio']}× ({publishing['dead_p50_ms']} ms / "
                f"{publishing['none_p50_ms']} ms; {publishing['deliveries_queued']} deliveries "
                "queued for the worker)",
                "ok": publishing["ratio"] is not None
                and publishing["ratio"] <= PUBLISH_MAX_RATIO
                and publishing["deliveries_queued"] > 0,
            }
        )
    load = report.get("under_load") or {}
    spread = load.get("static", {}).get("spread")
    busy = spread is not None and spread > STATIC_SPREAD_LIMIT
    uncached = load.get("uncached story", {})
    if uncached.get("not_miss"):
        checks.append(
            {
                "budget": "every uncached request under load is a real miss (X-Page-Cache: miss)",
                "value": f"{uncached['not_miss']} answers were not a miss",
                "ok": False,
            }
        )
    if busy:
        checks.append(
            {
                "budget": "load budgets judged only on a quiet machine (static file's throughput "
                f"varies at most {STATIC_SPREAD_LIMIT:.0%} between rounds)",
                "value": f"varied {spread:.0%}; load average before "
                f"{report.get('machine', {}).get('load_average')}, after "
                f"{report.get('load_average_after')}: the machine is busy, load budgets not judged",
                "ok": None,
            }
        )
    for name, limit in (
        ("cached story", CACHED_STORY_MIN_RATIO),
        ("uncached story", UNCACHED_STORY_MIN_RATIO),
    ):
        row = load.get(name, {})
        ratio = row.get("median_ratio_to_static")
        checks.append(
            {
                "budget": f"{name} at least {limit:.0%} of the static file's throughput",
                "value": f"{ratio:.0%}" if ratio is not None else row.get("note", "not measured"),
                # Not measured (--no-load) is no verdict; measured without cache hits is a
                # failure.
                "ok": None
                if busy
                else (ratio >= limit if ratio is not None else (False if row else None)),
            }
        )
    hit_rate = load.get("hit rate") or {}
    if hit_rate:
        published = hit_rate["editor"]["published"]
        rate = hit_rate.get("hit_rate")
        value = (
            f"{rate:.1%} ({hit_rate['hits']} hits of {hit_rate['answers']} answers; "
            f"{published} publishes, {hit_rate['editor']['failures']} failed)"
            if rate is not None
            else "no answer"
        )
        honest = published > 0 and not hit_rate["editor"]["failures"]
        if not honest:
            value += ": the editor did not publish as it should, the rate says nothing"
        ok = rate is not None and rate >= HIT_RATE_MIN and honest
    checks.append(
        {
            "budget": f"at least {HIT_RATE_MIN:.0%} of story requests answered from the page cache "
            f"while an editor publishes a different story every {EDIT_INTERVAL:g} s",
            "value": value if hit_rate else "not measured",
            "ok": (None if busy else ok) if hit_rate else None,
        }
    )
    measured = report["in_process"]
    reference = measured.get("reference page", {})

    def ratio_to_base(target, state):
        base = reference.get(state)
        return target["p50_ms"] / base["p50_ms"] if target and base and base["p50_ms"] else None

    # Judged with the bodies kept (a page-cache miss on a site in use); with the bodies made
    # (the first request after a change of the page itself) as information beside it.
    for name, limit, what in (
        ("long story", STORY_UNCACHED_MAX_RATIO, "uncached long story p50 (bodies kept)"),
        ("API detail", API_DETAIL_MAX_RATIO, "uncached API detail p50, long story (body kept)"),
    ):
        target = measured[name].get(KEPT)
        ratio = ratio_to_base(target, KEPT)
        made = ratio_to_base(measured[name].get("uncached"), "uncached")
        base = reference.get(KEPT) or {}
        checks.append(
            {
                "budget": f"{what} at most {limit:g}× the stock reference page's, in-process",
                "value": (
                    f"{ratio:.2f}× ({target['p50_ms']} ms / {base.get('p50_ms')} ms; "
                    f"bodies made: {made:.2f}×)"
                    if ratio is not None and made is not None
                    else "n/a"
                ),
                "ok": ratio <= limit if ratio is not None else None,
            }
        )
    encoded = report["in_process"]["renditions_encoded"]
    encoded += report.get("renditions_made_under_load", 0)
    checks.append(
        {
            "budget": "no image encoded during a public request",
            "value": f"{encoded} encoded",
            "ok": encoded == 0,
        }
    )
    return checks


def hit_rate_text(row: dict) -> str:
    rate = row.get("hit_rate")
    return f"{rate:.1%} hits" if rate is not None else "no answer"


def _ms(value) -> str:
    return f"{value:8.1f} ms" if value is not None else "       n/a"


def table(report: dict) -> str:
    lines = []
    m = report["machine"]
    lines.append(f"Longread bench, {report['finished']} ({report['seconds']:.0f} s)")
    lines.append(
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB, Python {m['python']}, "
        f"load average at start {m['load_average']}"
    )
    lines.append(f"Site: {report['site']['description']}")
    lines.append("")
    lines.append(
        "In-process (Django test client, production settings): p50 as a ratio to the stock "
        "reference page's p50 in the same state; milliseconds as information"
    )
    lines.append(f"  {'':52} {'× reference':>11} {'p50':>11} {'p95':>11} {'queries':>8}")
    in_process = report["in_process"]
    for name, row in in_process.items():
        if not isinstance(row, dict):
            continue
        for state in STATES:
            values = row.get(state)
            label = f"{name}, {LABELS[state]}"
            if values:
                # The reference page has no body to keep: its uncached p50 in both states.
                base = (in_process.get("reference page") or {}).get(state)
                ratio = (
                    f"{values['p50_ms'] / base['p50_ms']:10.2f}×"
                    if base and base["p50_ms"]
                    else f"{'n/a':>11}"
                )
                lines.append(
                    f"  {label:52} {ratio} {_ms(values['p50_ms'])} {_ms(values['p95_ms'])} "
                    f"{values['queries']:8}"
                )
            else:
                lines.append(f"  {label:52} {row.get('note') or 'n/a'}")
    lines.append("")
    lines.append("Queries per request, every public page type")
    for name, row in report["public_page_queries"].items():
        lines.append(f"  {name:32} {row['queries']:3}   {row['url']}")
    load = report.get("under_load")
    if load:
        lines.append("")
        lines.append(
            f"Load average before {m['load_average']}, after {report.get('load_average_after')}; "
            f"static file's throughput varied {load.get('static', {}).get('spread', 0):.0%} "
            "between rounds"
        )
        lines.append(
            f"Under load (gunicorn, 2 workers; wrk -t2 -c16, {report['load_seconds']} s a run, "
            "3 rounds alternating with the static file)"
        )
        lines.append(f"  {'':24} {'ratio to static':>16} {'req/s':>9} {'p50':>11} {'p99':>11}")
        for name, row in load.items():
            if name == "hit rate":
                continue
            if "requests_per_second" not in row:
                lines.append(f"  {name:24} {row.get('note', 'n/a')}")
                continue
            ratio = row.get("median_ratio_to_static")
            lines.append(
                f"  {name:24} {f'{ratio:.1%}' if ratio is not None else '':>16} "
                f"{row['requests_per_second']:9.0f} {_ms(row['p50_ms'])} {_ms(row['p99_ms'])}"
            )
        hit_rate = load.get("hit rate")
        if hit_rate:
            lines.append(
                f"  {'hit rate, editing':24} {hit_rate_text(hit_rate):>16} "
                f"{hit_rate['requests_per_second']:9.0f} {_ms(hit_rate['p50_ms'])} "
                f"{_ms(hit_rate['p99_ms'])}"
            )
            lines.append(
                f"    (X-Page-Cache: hit of all answers, {len(hit_rate['paths'])} stories in "
                f"turn for {hit_rate['seconds']} s, while an editor published "
                f"{hit_rate['published']} {hit_rate['editor']['published']} times)"
            )
    weight = report["page_weight"]
    lines.append("")
    lines.append(
        f"Demo story {weight['url']} (gzip): HTML {weight['html']} B, CSS {weight['css']} B, "
        f"JS {weight['js']} B"
    )
    lines.append("")
    lines.append("Budgets")
    for check in report["budgets"]:
        mark = {True: "ok  ", False: "FAIL", None: "n/a "}[check["ok"]]
        lines.append(f"  {mark} {check['budget']}: {check['value']}")
    return "\n".join(lines)


# --- the run ------------------------------------------------------------------------------------


def setup_django(env: dict) -> None:
    os.environ.update(env)
    for name in PROJECT_VARIABLES:
        if name not in env:
            os.environ.pop(name, None)
    import django

    django.setup()


def prepare(size, log) -> dict:
    """Build the bench content on the built demo site, warm renditions."""
    import io
    import warnings

    from django.core.management import call_command

    from bench.builder import Builder

    quiet = io.StringIO()
    warnings.simplefilter("ignore")  # the demo's translations parse URLs as HTML; harmless
    call_command("compile_catalogues", stdout=quiet)
    built = Builder(size, log=lambda message: log(message.strip())).build()
    log("Making renditions (before any timed request)")
    warm_renditions(built["images"], built["reference"])
    return built


def warm_renditions(images, reference=None) -> None:
    """What publishing makes in the background: every rendition the pages and the API use; and
    the reference page's one rendition, which a stock site makes for its first reader."""
    try:
        from longread.renditions import specs_of
    except ImportError:  # before large images had wider renditions
        try:
            from longread.renditions import READER_SPECS as specs
        except ImportError:  # before renditions were made on publish
            from longread.templatetags.longread_images import PICTURE_SPECS

            specs = (*PICTURE_SPECS, "fill-1200x630|format-jpeg")

        def specs_of(image):
            return specs

    for image in images:
        image.get_renditions(*specs_of(image))
    if reference is not None and reference.image is not None:
        reference.image.get_rendition(reference.RENDITION)


def targets(built) -> dict:
    from django.urls import NoReverseMatch, reverse

    story = built["stories"][0]["en"]
    try:
        reverse("wagtailapi:pages:listing")
        api = True
    except NoReverseMatch:
        api = False
    # The reference every time budget compares with, measured in the same run on the same
    # machine: the stock Wagtail page (bench.reference). The site's plainest page of its own, an
    # information page, as HTML and as the API's detail, is measured beside it as information.
    information = information_page()
    return {
        "reference page": built["reference"].url,
        "long story": story.url,
        "listing": story.get_parent().url,
        "API list": "/api/v2/pages/?type=stories.TestimonyPage&locale=en" if api else None,
        "API detail": f"/api/v2/pages/{story.pk}/" if api else None,
        "information page": information.url,
        "information page, API detail": f"/api/v2/pages/{information.pk}/" if api else None,
    }


def information_page():
    from wagtail.models import Page

    return (
        Page.objects.live()
        .filter(locale__language_code="en", slug=INFORMATION_SLUG)
        .specific()
        .get()
    )


def hit_rate_paths(built) -> list[str]:
    """English stories the hit-rate load turns between (the editor publishes another one)."""
    return [story["en"].url for story in built["stories"][:HIT_RATE_STORIES]]


def public_pages(built) -> dict:
    story = built["stories"][0]
    news = built["news"][0]
    index = story["en"].get_parent().specific
    pages = {
        "home": "/en/",
        "testimony": story["en"].url,
        "testimony, third language": story["de"].url,
        "story index": index.url,
        "project": "/en/projects/rest/",
        "project index": "/en/projects/",
        "news": news["en"].url,
        "news index": news["en"].get_parent().url,
        "news feed": news["en"].get_parent().url + "feed/rss/",
        "information page": "/en/returning-home/",
        "organisation directory": "/en/organisations/",
        "search": "/en/search/?q=passport",
        "sitemap": "/sitemap.xml",
    }
    # A second page only where there is one: a page number past the end is sent to the last
    # page (a redirect, not a page).
    if index.stories().count() > index.per_page:
        pages["story index, page 2"] = index.url + "?page=2"
    return pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tiny", action="store_true", help="a tiny site: checks the bench runs")
    parser.add_argument("--seconds", type=int, default=4, help="length of one wrk run")
    parser.add_argument("--iterations", type=int, default=30, help="in-process requests a row")
    parser.add_argument("--no-load", action="store_true", help="skip the load test (wrk)")
    parser.add_argument("--keep", action="store_true", help="keep the throwaway folder")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="folder of the JSON reports")
    args = parser.parse_args(argv)

    started = time.monotonic()
    folder = Path(tempfile.mkdtemp(prefix="longread-bench-"))
    env = environment(folder)

    def log(message):
        print(f"[{time.monotonic() - started:5.0f} s] {message}", flush=True)

    report = {"machine": machine()}
    server = None
    try:
        log("Building the demo site: migrate, seed, its tasks, static files (hashed, Brotli, gzip)")
        build(env)
        setup_django(env)
        from bench.builder import TINY, Size

        size = TINY if args.tiny else Size()
        built = prepare(size, log)
        story_pages = size.stories * len(size.languages)
        report["site"] = {
            "size": size.__dict__,
            "description": (
                f"{size.stories} stories and {size.news} news items in {len(size.languages)} "
                f"languages ({story_pages} story pages); {size.blocks} blocks and "
                f"{size.images_per_story} images a story from a pool of {size.image_pool}; "
                f"{size.related} related stories; SQLite"
            ),
        }
        measured = targets(built)
        log("Measuring in-process")
        report["in_process"] = in_process(measured, args.iterations)
        report["public_page_queries"] = public_page_queries(public_pages(built))
        log(f"Publishing with and without {DEAD_PARTNERS} dead partner webhooks")
        report["publishing"] = publishing_with_dead_partners(5 if args.tiny else 15)
        from sitewide.demo import content

        report["page_weight"] = page_weight(content.story_path("en"))
        if not args.no_load:
            from django.db import connections

            from longread.models import LongreadRendition

            if not shutil.which("wrk"):
                raise SystemExit("wrk is missing: `make bench` installs Debian's wrk.")
            connections.close_all()
            renditions_before = LongreadRendition.objects.count()
            log("Measuring under load (gunicorn, wrk)")
            server = serve({**env, "PAGE_CACHE_BYPASS_TOKEN": BYPASS_TOKEN}, folder)
            base = server.url
            report["load_seconds"] = args.seconds
            from django.templatetags.static import static

            report["under_load"] = under_load(
                base,
                {
                    "cached story": (measured["long story"], False),
                    "uncached story": (measured["long story"], True),
                    "reference page, uncached": (measured["reference page"], True),
                    "API detail": (measured["API detail"], False),
                    "cached story, br": (
                        measured["long story"],
                        False,
                        {"Accept-Encoding": "br, gzip"},
                    ),
                },
                static("longread/reader.css"),
                args.seconds,
                folder,
            )
            log(f"Measuring the hit rate while an editor publishes every {EDIT_INTERVAL:g} s")
            report["under_load"]["hit rate"] = hit_rate_while_publishing(
                base, hit_rate_paths(built), env, HIT_RATE_SECONDS, folder
            )
            report["load_average_after"] = [round(value, 2) for value in os.getloadavg()]
            report["renditions_made_under_load"] = (
                LongreadRendition.objects.count() - renditions_before
            )
    finally:
        if server is not None:
            server.stop()
        if args.keep:
            print(f"Kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)

    report["budgets"] = budgets(report)
    report["seconds"] = round(time.monotonic() - started, 1)
    report["finished"] = datetime.datetime.now().astimezone().isoformat(timespec="seconds")
    args.output.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(report, indent=2, default=str)
    (args.output / f"bench-{stamp}.json").write_text(text)
    (args.output / "latest.json").write_text(text)
    print()
    print(table(report))
    print(f"\nWritten: {args.output / f'bench-{stamp}.json'}")
    return 1 if any(check["ok"] is False for check in report["budgets"]) else 0


if __name__ == "__main__":
    sys.exit(main())
