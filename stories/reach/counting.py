"""Counting in the web process: increments add up in memory and reach the database in batches,
on a timer (REACH_FLUSH_SECONDS) and when the process ends, so that a counted page view costs a
cached page almost nothing (one dictionary increment).

Without Redis each process writes its own batch to the database. Where Redis is configured
(REDIS_URL, read as the setting REACH_REDIS_URL), the timer pushes the batch into one Redis hash
(HINCRBY per figure, in one transaction) and then drains the hash into the database: RENAME moves
the hash to a key of this flush alone, so two processes never write the same increment twice, and
a database that cannot be written puts the figures back into the hash. A Redis that cannot be
reached changes nothing for readers (a page view never waits for Redis): the batch goes straight
to the database, as without Redis, and the outage is logged once (docs/reach.md).
"""

import atexit
import datetime
import logging
import threading
import uuid
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from stories.reach.models import VIEW, ReachCounter

log = logging.getLogger(__name__)

# The hash every process adds to, and the prefix of the keys one flush drains.
PENDING_KEY = "longread:reach:pending"
DRAINING_KEY = "longread:reach:draining:"
# A flush that died between taking the hash and writing it leaves its key behind: forgotten after
# a day rather than kept for ever (its figures may or may not have been written).
DRAINING_SECONDS = 24 * 3600
_SEPARATOR = "|"  # in no page id, language code, day or measure


def flush_seconds() -> float:
    return float(getattr(settings, "REACH_FLUSH_SECONDS", 30))


def redis_url() -> str:
    return getattr(settings, "REACH_REDIS_URL", "") or ""


def _field(key) -> str:
    page_id, language, day, measure = key
    return _SEPARATOR.join((str(page_id), language, day.isoformat(), measure))


def _key(field: bytes) -> tuple:
    page_id, language, day, measure = field.decode().split(_SEPARATOR)
    return int(page_id), language, datetime.date.fromisoformat(day), measure


class Tally:
    """One process's counts, and its way to the database (through Redis where configured)."""

    def __init__(self):
        self.pending: Counter = Counter()
        self.lock = threading.Lock()
        self._client = None  # (url, redis.Redis), made on the first flush that needs it
        self._redis_down = False

    def count(self, page_id: int, language: str, measure: str, day=None) -> None:
        key = (page_id, language, day or timezone.localdate(), measure)
        with self.lock:
            self.pending[key] += 1

    def take(self) -> dict:
        with self.lock:
            batch = dict(self.pending)
            self.pending.clear()
        return batch

    def keep(self, batch: dict) -> None:
        with self.lock:
            self.pending.update(batch)

    def flush(self) -> int:
        """Writes what this process counted (and, with Redis, what every process pushed);
        returns how many figures changed. Nothing is lost to an outage: a database that cannot be
        written keeps the figures (in memory, or in Redis) for the next flush."""
        batch = self.take()
        client = self.redis()
        if client is not None and batch and self._push(client, batch):
            batch = {}
        written = 0
        if batch:  # no Redis, or Redis unreachable: straight to the database
            try:
                written = write(batch)
            except Exception as error:  # an outage loses no count: written next time
                log.warning("reach figures not written (%s); kept for the next flush", error)
                self.keep(batch)
                return 0
        if client is not None and not self._redis_down:
            written += self._drain(client)
        return written

    def redis(self):
        url = redis_url()
        if not url:
            return None
        if self._client is None or self._client[0] != url:
            import redis

            self._client = (
                url,
                redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=2),
            )
        return self._client[1]

    def _push(self, client, batch: dict) -> bool:
        """The batch into the shared hash, all or nothing; False when Redis cannot be reached."""
        pipe = client.pipeline(transaction=True)
        for key, amount in batch.items():
            pipe.hincrby(PENDING_KEY, _field(key), amount)
        return self._answered(pipe.execute)

    def _drain(self, client) -> int:
        """Every process's pushed figures into the database, once."""
        mine = f"{DRAINING_KEY}{uuid.uuid4().hex}"
        pipe = client.pipeline(transaction=True)
        pipe.rename(PENDING_KEY, mine)  # fails alone when nothing is pending
        pipe.hgetall(mine)
        pipe.expire(mine, DRAINING_SECONDS)
        answer = self._answered(lambda: pipe.execute(raise_on_error=False))
        if not answer or isinstance(answer[0], Exception):
            return 0
        batch = {_key(field): int(amount) for field, amount in answer[1].items()}
        try:
            written = write(batch)
        except Exception as error:
            log.warning("reach figures not written (%s); kept for the next flush", error)
            back = client.pipeline(transaction=True)
            for key, amount in batch.items():
                back.hincrby(PENDING_KEY, _field(key), amount)
            back.delete(mine)
            if self._answered(back.execute) is None:
                # Redis went away meanwhile: this process keeps them (its key is never read
                # again, and expires).
                self.keep(batch)
            return 0
        self._answered(lambda: client.delete(mine))
        return written

    def _answered(self, call):
        """What Redis answered, or None when it could not be reached (logged once per outage)."""
        import redis

        try:
            answer = call()
        except redis.RedisError as error:
            if not self._redis_down:
                log.warning(
                    "Redis unreachable (%s): reach figures go straight to the database", error
                )
            self._redis_down = True
            return None
        if self._redis_down:
            log.warning("Redis answers again: reach figures go through Redis")
        self._redis_down = False
        return answer


def write(batch: dict) -> int:
    """Adds a batch to the database in one transaction (all or nothing); returns how many figures
    changed. Raises when the database cannot be written."""
    if not batch:
        return 0
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


# This process's tally.
_tally = Tally()
_pending = _tally.pending
_lock = _tally.lock
_timer: threading.Thread | None = None


def count(page_id: int, language: str, measure: str, day=None) -> None:
    _tally.count(page_id, language, measure, day)
    _start_timer()


def pending() -> dict:
    with _lock:
        return dict(_pending)


def flush() -> int:
    """Writes what this process counted (and, with Redis, every process's pushed figures);
    returns how many figures changed."""
    return _tally.flush()


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
