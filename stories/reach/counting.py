"""Counting in the web process: increments add up in memory and reach the database in batches,
on a timer (REACH_FLUSH_SECONDS) and when the process ends, so that a counted page view costs a
cached page almost nothing. A worker process cannot reach another's memory: each flushes its own.
"""

import atexit
import logging
import threading
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from stories.reach.models import VIEW, ReachCounter

log = logging.getLogger(__name__)

_pending: Counter = Counter()
_lock = threading.Lock()
_timer: threading.Thread | None = None


def flush_seconds() -> float:
    return float(getattr(settings, "REACH_FLUSH_SECONDS", 30))


def count(page_id: int, language: str, measure: str, day=None) -> None:
    key = (page_id, language, day or timezone.localdate(), measure)
    with _lock:
        _pending[key] += 1
    _start_timer()


def pending() -> dict:
    with _lock:
        return dict(_pending)


def flush() -> int:
    """Writes what this process counted; returns how many figures changed. A database that
    cannot be written keeps the batch for the next flush."""
    with _lock:
        batch = dict(_pending)
        _pending.clear()
    if not batch:
        return 0
    try:
        with transaction.atomic():
            # A page deleted (or erased) since it was read leaves no figure behind.
            existing = set(
                Page.objects.filter(pk__in={key[0] for key in batch}).values_list("pk", flat=True)
            )
            written = 0
            for (page_id, language, day, measure), amount in sorted(batch.items(), key=str):
                if page_id in existing:
                    _add(page_id, language, day, measure, amount)
                    written += 1
    except Exception as error:  # an outage loses no count: back into memory, written next time
        log.warning("reach figures not written (%s); kept for the next flush", error)
        with _lock:
            _pending.update(batch)
        return 0
    return written


def _add(page_id, language, day, measure, amount) -> None:
    figures = ReachCounter.objects.filter(
        page_id=page_id, language=language, day=day, measure=measure
    )
    if figures.update(count=F("count") + amount):
        return
    try:
        with transaction.atomic():
            ReachCounter.objects.create(
                page_id=page_id, language=language, day=day, measure=measure, count=amount
            )
    except IntegrityError:  # another process created it meanwhile
        figures.update(count=F("count") + amount)


def _start_timer() -> None:
    global _timer
    seconds = flush_seconds()
    if seconds <= 0 or (_timer is not None and _timer.is_alive()):
        return
    with _lock:
        if _timer is not None and _timer.is_alive():
            return
        _timer = threading.Thread(target=_flush_every, args=(seconds,), daemon=True)
        _timer.start()
    atexit.register(flush)  # what the last interval counted


def _flush_every(seconds: float) -> None:
    stop = threading.Event()
    while not stop.wait(seconds):
        flush()


def count_view(request, reach) -> None:
    """A page view, cached or not: `reach` is what the page's response carried (page id,
    language), or None for a page that is not counted."""
    from stories.reach.readers import counts

    if reach and request.method == "GET" and counts(request):
        count(reach[0], reach[1], VIEW)
