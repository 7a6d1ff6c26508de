"""gunicorn's settings for `make run`, and the ones to keep in production (`gunicorn -c`).

The access log records what running the site needs and nothing about the reader: the time, the
method, the path without its query string (search terms are the reader's), the protocol, the
status, the size and the duration. No address (%(h)s), no referrer (%(f)s), no user agent
(%(a)s), no query string (%(q)s, %(r)s). The error log loses every address too (gunicorn names
the client of a malformed request). The privacy statement promises exactly this.
"""

import gc

from gunicorn.glogging import Logger

from sitewide.environment import env
from sitewide.operations.logs import RemoveAddresses

accesslog = "-"
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(L)ss'
errorlog = "-"
loglevel = "info"


class AddressFreeLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            if not any(isinstance(f, RemoveAddresses) for f in log.filters):
                log.addFilter(RemoveAddresses())


logger_class = AddressFreeLogger


# The request line (method, path and query string) may be long: a search of 10,000 characters
# must reach the site, which answers it (400 JSON on the API, 200 with a message on the reader's
# search page) instead of gunicorn's bare 414 past its default of 4,094 bytes. gunicorn takes a
# limit of at most 8,190 bytes, or none (0), and 10,000 characters do not fit in 8,190: so none
# here. Its timeout still ends a request line that never finishes, and a proxy in front caps
# the line (docs/security.md, "HTTP details").
limit_request_line = 0


# The application is loaded once, in the master, before the workers fork (they share its memory
# until they write to it). Everything loaded at start is then frozen out of the garbage
# collector's reach: without it, a worker's full collection walks some 40,000 long-lived objects
# (about 200 ms, one request in every few hundred pays for it); frozen, a collection looks only
# at what requests made. Nothing is opened in the master that a worker could share: Django opens
# database and cache connections on first use, in the worker.
preload_app = True


def when_ready(server):
    """After the application is loaded in the master, before the first worker forks."""
    from django.db import connections

    connections.close_all()
    gc.collect()
    gc.freeze()


# The task worker (`manage.py db_worker`, docs/operations.md "Task queue") runs next to gunicorn
# when TASK_WORKER=embedded (as `make run` sets it) and stops with it: on gunicorn's exit, and
# by the kernel if the arbiter dies without one (PR_SET_PDEATHSIG).
def _die_with_parent():  # pragma: no cover - runs in the child between fork and exec
    import contextlib
    import ctypes
    import signal

    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def on_starting(server):
    import subprocess  # noqa: S404 - this project's own worker command
    import sys

    if env("TASK_WORKER") != "embedded":
        return
    server.task_worker = subprocess.Popen(  # noqa: S603 - fixed command
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.5"],
        preexec_fn=_die_with_parent,  # noqa: PLW1509 - no threads yet in the arbiter
    )
    server.log.info("Started the task worker (pid %s)", server.task_worker.pid)


def on_exit(server):
    import subprocess  # noqa: S404

    worker = getattr(server, "task_worker", None)
    if worker is None or worker.poll() is not None:
        return
    worker.terminate()
    try:
        worker.wait(timeout=30)
    except subprocess.TimeoutExpired:
        worker.kill()
    server.log.info("Stopped the task worker")
