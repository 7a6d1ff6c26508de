"""Load test: the demo site under wrk on the loopback while an editor keeps publishing.

    .venv/bin/python scripts/load_test.py                       # 60 s, 32 connections
    .venv/bin/python scripts/load_test.py --duration 5 --connections 8
    .venv/bin/python scripts/load_test.py --duration 600 --dead-webhook   # the soak

Builds its own copy of the seeded demo site (SQLite in WAL mode in a temp folder; with a
PostgreSQL DATABASE_URL, a throwaway database on that server), serves it with gunicorn and
production settings, and runs Debian's `wrk` against a story, the API (when /api/v2/pages/
exists) and search, the connections shared between them. Meanwhile an editor process saves a
revision of the story and publishes it every few seconds, and the task worker
(`manage.py db_worker`) runs next to gunicorn as `make run` runs it; with `--dead-webhook` a
partner webhook points at a port nobody listens on. Prints requests/s, latency p50/p99 (and the
story's p99 against a static file's), responses that are not 2xx/3xx, socket errors, what the
server log says ("database is locked", tracebacks), and the task queue's length at the end.
Exit status: 0 when all is well, 1 on any error, 2 when it could not run.
"""

import argparse
import json
import os
import shutil
import signal
import subprocess  # noqa: S404 - runs wrk and this project's own commands
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.served_site import (  # noqa: E402
    REPO,
    Server,
    SiteError,
    build,
    free_port,
    is_postgres,
    manage,
    site_environment,
    throwaway_postgres,
)
from sitewide.demo import content  # noqa: E402

STORY = content.story_path("en")
API = "/api/v2/pages/"
SEARCH = "/en/search/?q=trust"
STATIC = "/static/longread/reader.css"
# Printed by the Lua script at the end of each wrk run, one JSON object per line.
MARKER = "LOAD-RESULT "
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '%s{"requests": %d, "duration_us": %d, "connect": %d, "read": %d, "write": %d, '
    .. '"timeout": %d, "non_2xx_3xx": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
    .. '"max_us": %d}\\n',
    "MARKER", summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout,
    e.status, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max))
end
""".replace("MARKER", MARKER)
# What the server log must not contain.
LOG_PROBLEMS = {
    "database is locked": "database is locked",
    "tracebacks": "Traceback (most recent call last)",
    "worker timeouts": "WORKER TIMEOUT",
    "database outages": "Database unavailable",
}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load (60)")
    parser.add_argument("--connections", type=int, default=32, help="open connections (32)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (4)")
    parser.add_argument(
        "--edit-interval", type=float, default=3.0, help="seconds between publishes (3)"
    )
    parser.add_argument("--timeout", type=int, default=10, help="wrk's request timeout, s (10)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--dead-webhook",
        action="store_true",
        help="a partner webhook at a port nobody listens on: every publication queues deliveries",
    )
    parser.add_argument("--editor", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.editor:
        return editor(args.edit_interval)
    if not shutil.which("wrk"):
        print("wrk is missing: apt-get install wrk (`make load` installs it).", file=sys.stderr)
        return 2
    database_url = os.environ.get("DATABASE_URL")
    with tempfile.TemporaryDirectory(prefix="longread-load-") as folder:
        root = Path(folder)
        try:
            if is_postgres(database_url):
                with throwaway_postgres(database_url, "load") as url:
                    figures = run(root, url, args)
            else:
                figures = run(root, None, args)
        except SiteError as error:
            print(f"The load test could not run: {error}", file=sys.stderr)
            return 2
    report(figures)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n")
    return 1 if figures["problems"] else 0


def run(root: Path, database_url: str | None, args) -> dict:
    # With a dead webhook, its receiver is a closed loopback port: the test-only exception of
    # the webhook address rule (sitewide.api.webhook_urls), never set in production.
    extra = {"WEBHOOKS_ALLOW_LOOPBACK": "1"} if args.dead_webhook else None
    env = site_environment(root, database_url, extra=extra)
    print("Building the demo site ...", flush=True)
    build(env)
    if args.dead_webhook:
        manage(env, "shell", "-c", DEAD_WEBHOOK.format(port=free_port()))
    server = Server(env, root, workers=args.workers).start()
    worker = TaskWorker(env, root).start()
    editor_process = None
    queue = {}
    try:
        targets = [STORY, STATIC, API, SEARCH]
        for path in list(targets):
            status = fetch_status(server.url + path)
            if path == API and status == 404:
                targets.remove(path)  # no API on this site yet
            elif status != 200:
                raise SiteError(f"{path} answers {status} before the load; expected 200")
        editor_process = Editor(env, args.edit_interval).start()
        print(
            f"Load: {args.duration} s, {args.connections} connections over "
            f"{', '.join(targets)}; an editor publishes every {args.edit_interval:g} s ...",
            flush=True,
        )
        results = run_wrk(server.url, targets, args)
    finally:
        editor_output = editor_process.stop() if editor_process else ""
        try:
            queue = queue_state(env)
        except SiteError as error:
            queue = {"error": str(error)[-500:]}
        worker.stop()
        server.stop()
    log = server.log_text()
    editor_figures = parse_editor(editor_output)
    editor_figures["exit_status"] = editor_process.process.returncode
    figures = {
        "database": "PostgreSQL" if database_url else "SQLite (WAL)",
        "duration_s": args.duration,
        "connections": args.connections,
        "workers": args.workers,
        "targets": results,
        "total": total(results),
        "editor": editor_figures,
        "server_log": {name: log.count(text) for name, text in LOG_PROBLEMS.items()},
        "queue": queue,
        "worker_log": {name: worker.log_text().count(text) for name, text in LOG_PROBLEMS.items()},
    }
    if STORY in results and STATIC in results and results[STATIC]["p99_us"]:
        figures["story_p99_over_static_p99"] = round(
            results[STORY]["p99_us"] / results[STATIC]["p99_us"], 2
        )
    figures["problems"] = problems(figures)
    if figures["problems"]:
        figures["server_log_tail"] = log[-3000:]
        figures["editor_output_tail"] = editor_output[-3000:]
    return figures


DEAD_WEBHOOK = (
    "from sitewide.api.models import PartnerWebhook; "
    "PartnerWebhook.objects.create(name='Dead partner (load test)', "
    "url='http://127.0.0.1:{port}/hook')"
)
QUEUE_STATE = (
    "import json; from django_tasks_db.models import DBTaskResult; "
    "from sitewide.api.models import WebhookDelivery as D; "
    "print('QUEUE ' + json.dumps({{'waiting': DBTaskResult.objects.ready().count(), "
    "'failed_tasks': DBTaskResult.objects.failed().count(), "
    "'deliveries_pending': D.objects.filter(status='pending').count(), "
    "'deliveries_attempted': D.objects.filter(attempts__gt=0).count()}}))"
)


def queue_state(env) -> dict:
    """The task queue when the load ends: tasks still waiting (a worker that keeps up leaves
    next to none), failed tasks, and the webhook deliveries."""
    output = manage(env, "shell", "-c", QUEUE_STATE.format())
    line = next(line for line in output.splitlines() if line.startswith("QUEUE "))
    return json.loads(line[len("QUEUE ") :])


class TaskWorker:
    """`manage.py db_worker` next to gunicorn, as `make run` starts it."""

    def __init__(self, env: dict[str, str], root: Path):
        self.env = env
        self.log = root / "worker.log"
        self.process = None

    def start(self) -> "TaskWorker":
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - this project's own command
                [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.5"],
                cwd=REPO,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        return self

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def fetch_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def run_wrk(base_url: str, targets: list[str], args) -> dict:
    """One wrk per target, all at once, the connections shared out: figures per target."""
    script = Path(tempfile.mkstemp(suffix=".lua")[1])
    script.write_text(WRK_SCRIPT)
    shares = [args.connections // len(targets)] * len(targets)
    for index in range(args.connections % len(targets)):
        shares[index] += 1
    runs = {}
    try:
        runs = {
            path: subprocess.Popen(  # noqa: S603 - wrk with fixed arguments
                [
                    shutil.which("wrk") or "wrk",
                    "--threads",
                    "1",
                    "--connections",
                    str(max(share, 1)),
                    "--duration",
                    f"{args.duration}s",
                    "--timeout",
                    f"{args.timeout}s",
                    "--script",
                    str(script),
                    base_url + path,
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            for path, share in zip(targets, shares, strict=True)
        }
        results = {}
        for path, process in runs.items():
            output, _ = process.communicate(timeout=args.duration + 120)
            lines = [line for line in output.splitlines() if line.startswith(MARKER)]
            if process.returncode != 0 or not lines:
                raise SiteError(f"wrk failed on {path}:\n{output[-2000:]}")
            result = json.loads(lines[-1][len(MARKER) :])
            result["connections"] = max(shares[targets.index(path)], 1)
            results[path] = result
        return results
    finally:
        for process in runs.values():
            if process.poll() is None:
                process.kill()
                process.communicate()
        script.unlink(missing_ok=True)


def total(results: dict) -> dict:
    keys = ("requests", "connect", "read", "write", "timeout", "non_2xx_3xx")
    summed = {key: sum(result[key] for result in results.values()) for key in keys}
    seconds = max(result["duration_us"] for result in results.values()) / 1e6
    summed["requests_per_s"] = round(summed["requests"] / seconds, 1) if seconds else 0
    summed["socket_errors"] = sum(summed[key] for key in ("connect", "read", "write", "timeout"))
    return summed


def problems(figures: dict) -> list[str]:
    found = []
    if figures["total"]["requests"] == 0:
        found.append("no request was answered")
    if figures["total"]["non_2xx_3xx"]:
        found.append(f"{figures['total']['non_2xx_3xx']} responses were not 2xx/3xx")
    if figures["total"]["socket_errors"]:
        found.append(f"{figures['total']['socket_errors']} socket errors")
    for name, count in figures["server_log"].items():
        if count:
            found.append(f"server log: {count} × {name}")
    editor_figures = figures["editor"]
    if editor_figures["failures"]:
        found.append(f"the editor failed {editor_figures['failures']} times")
    if editor_figures["exit_status"] != 0:
        found.append(f"the editor exited with status {editor_figures['exit_status']}")
    if not editor_figures["published"]:
        found.append("the editor published nothing")
    return found


def report(figures: dict) -> None:
    print()
    print(
        f"{figures['database']}, {figures['workers']} gunicorn workers, "
        f"{figures['connections']} connections, {figures['duration_s']} s"
    )
    header = (
        f"{'target':<24} {'conns':>5} {'requests':>9} {'req/s':>8} {'p50 ms':>8} "
        f"{'p99 ms':>8} {'non-2xx/3xx':>11} {'socket err':>10}"
    )
    print(header)
    print("-" * len(header))
    for path, result in figures["targets"].items():
        seconds = result["duration_us"] / 1e6
        errors = sum(result[key] for key in ("connect", "read", "write", "timeout"))
        print(
            f"{path:<24} {result['connections']:>5} {result['requests']:>9} "
            f"{result['requests'] / seconds if seconds else 0:>8.1f} "
            f"{result['p50_us'] / 1000:>8.1f} {result['p99_us'] / 1000:>8.1f} "
            f"{result['non_2xx_3xx']:>11} {errors:>10}"
        )
    summed = figures["total"]
    print(
        f"{'all':<24} {figures['connections']:>5} {summed['requests']:>9} "
        f"{summed['requests_per_s']:>8.1f} {'':>8} {'':>8} {summed['non_2xx_3xx']:>11} "
        f"{summed['socket_errors']:>10}"
    )
    editor_figures = figures["editor"]
    print(
        f"Editor: {editor_figures['published']} publishes, {editor_figures['failures']} failures"
        + (
            f", median {editor_figures['median_ms']:.0f} ms per save and publish"
            if editor_figures["published"]
            else ""
        )
    )
    print(
        "Server log: "
        + ", ".join(f"{count} × {name}" for name, count in figures["server_log"].items())
    )
    if "story_p99_over_static_p99" in figures:
        print(f"Story p99 / static file p99: {figures['story_p99_over_static_p99']}×")
    queue = figures.get("queue", {})
    if "waiting" in queue:
        print(
            f"Task queue at the end: {queue['waiting']} waiting, {queue['failed_tasks']} failed; "
            f"webhook deliveries: {queue['deliveries_attempted']} attempted, "
            f"{queue['deliveries_pending']} pending a retry"
        )
    if figures["problems"]:
        print("\nFAILED: " + "; ".join(figures["problems"]))
        print("\nServer log (end):\n" + figures.get("server_log_tail", ""))
        print("\nEditor output (end):\n" + figures.get("editor_output_tail", ""))
    else:
        print("\nOK: no errors.")


# The editor: a separate process that keeps publishing the story under load.

EDITOR_MARKER = "EDITOR "
EDITOR_READY = "EDITOR-READY"


def editor(interval: float) -> int:
    """Save a revision of the English demo story and publish it, every `interval` seconds,
    until SIGTERM. Prints one line per attempt."""
    import django

    django.setup()
    from stories.models import TestimonyPage

    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    slug = STORY.rstrip("/").rsplit("/", 1)[1]
    page_id = TestimonyPage.objects.get(slug=slug, locale__language_code="en").pk
    print(EDITOR_READY, flush=True)
    count = 0
    while not stopping:
        count += 1
        started = time.monotonic()
        try:
            page = TestimonyPage.objects.get(pk=page_id)
            page.search_description = f"Load test edit {count}."
            # user=None: the system publishing, as scheduled publishing does.
            page.save_revision(log_action=True).publish()
            outcome = {"ok": True, "ms": (time.monotonic() - started) * 1000}
        except Exception as error:  # reported and counted: the load test fails on any of them
            outcome = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(EDITOR_MARKER + json.dumps(outcome), flush=True)
        deadline = time.monotonic() + interval
        while not stopping and time.monotonic() < deadline:
            time.sleep(0.05)
    return 0


class Editor:
    """The editor process; start() returns once Django is set up, so the load meets publishes."""

    READY_TIMEOUT = 120  # seconds

    def __init__(self, env: dict[str, str], interval: float):
        self.command = [sys.executable, __file__, "--editor", "--edit-interval", str(interval)]
        self.env = env
        self.lines: list[str] = []
        self.process = None
        self.reader = None

    def start(self) -> "Editor":
        self.process = subprocess.Popen(  # noqa: S603 - this script, in editor mode
            self.command,
            cwd=REPO,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        deadline = time.monotonic() + self.READY_TIMEOUT
        while EDITOR_READY not in self.lines:
            if self.process.poll() is not None or time.monotonic() > deadline:
                output = self.stop()
                raise SiteError(f"The editor did not start:\n{output[-3000:]}")
            time.sleep(0.05)
        return self

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.reader.join(timeout=10)
        return "\n".join(self.lines)


def parse_editor(output: str) -> dict:
    outcomes = [
        json.loads(line[len(EDITOR_MARKER) :])
        for line in output.splitlines()
        if line.startswith(EDITOR_MARKER)
    ]
    times = sorted(outcome["ms"] for outcome in outcomes if outcome["ok"])
    errors = [outcome["error"] for outcome in outcomes if not outcome["ok"]]
    failures = len(errors)
    return {
        "published": len(times),
        "failures": failures,
        "median_ms": times[len(times) // 2] if times else None,
        "errors": errors[:5],
    }


if __name__ == "__main__":
    sys.exit(main())
