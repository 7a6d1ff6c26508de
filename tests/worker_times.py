"""At the end of a parallel run: how long each worker was busy and when it finished.

The run lasts as long as its busiest worker; when one worker finishes long before the other,
the groups that keep tests together (tests/conftest.py) are the place to look.
"""

import time

_started = time.monotonic()
_busy: dict[str, float] = {}
_finished: dict[str, float] = {}


def record(report) -> None:
    node = getattr(report, "node", None)  # set by pytest-xdist on the controller's copy
    if node is None:
        return
    worker = node.gateway.id
    _busy[worker] = _busy.get(worker, 0.0) + report.duration
    _finished[worker] = time.monotonic() - _started


def summary(terminalreporter) -> None:
    if not _busy:
        return
    terminalreporter.write_sep("=", "time per worker")
    for worker in sorted(_busy):
        busy, done = _busy[worker], _finished[worker]
        terminalreporter.write_line(f"{worker}: {busy:.0f} s in tests, done {done:.0f} s in")
