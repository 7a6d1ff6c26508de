"""Named generations in the shared cache: the one way the caches here forget what they kept.

A generation is a random value kept in the shared cache under its name, with no expiry. What a
cache keeps is valid only under the generations it was made under: the page cache stores them in
each entry and serves it only while they are current; the chrome keeps its values under a key that
holds its generation. Renewing a generation (`renew`) gives it a new value, so every process stops
serving what was kept under the old one at its next request; a lost or evicted generation only
costs a rebuild. Which change renews which generation is decided in `sitewide.caching.signals`.

- **Read many at once.** `current(names)` reads every name in one `get_many`; a missing one is
  created (`add`, so two processes agree on it). Given the request, the values are kept on it, so
  a request reads each generation once, however often it asks.
- **Renewed after commit.** `renew(names)` renews at once, so that this process and the tests see
  the change, and again when the transaction commits: a request that read the old rows before the
  commit may have kept them under the new generation. A transaction renews each name at once only
  once, unless something was kept since (`stored`); in production one request is one transaction
  and keeps nothing. The renewal on commit waits among the transaction's callbacks
  (`connection.run_on_commit`), one per transaction.
- **Kept apart by release.** `key(prefix, *parts)` makes the key of what is kept under
  generations; it holds the release (`sitewide.caching.release`), so what an earlier release kept
  is never read by this one. Generations themselves are shared between releases: a renewal by any
  release (during a rolling deploy, say a withdrawal) reaches what all of them kept.

A name is the generation's own key in the shared cache (`sitewide:chrome-version`,
`sitewide:page-cache:generation:lang:en`, ...), as the chrome and the page cache named them before
they shared this module, so releases on either side of that change renew each other's.

`renewed` is sent after every renewal with the generations it replaced (`old`: name -> value), for
whoever noted something under them (the page cache's CDN purge).
"""

import hashlib
import os
import time
import uuid
from collections.abc import Iterable

from django.core.cache import DEFAULT_CACHE_ALIAS, cache, caches
from django.core.cache.backends.filebased import FileBasedCache
from django.db import transaction
from django.dispatch import Signal

from sitewide.caching import release as _release

MISSING = "missing"  # a generation the cache would not keep (a cache that keeps nothing)

renewed = Signal()  # sent with old: {name: the value it had}


def current(names: Iterable[str], request=None) -> dict[str, str]:
    """The current value of each name, read in one `get_many`; kept on `request` when given."""
    names = list(names)
    known = getattr(request, "_generations", None) if request is not None else None
    if known is None:
        known = {}
        if request is not None:
            request._generations = known
    wanted = [name for name in names if name not in known]
    if wanted:
        found = _read(wanted)
        for name in wanted:
            generation = found.get(name)
            if generation is None:
                cache.add(name, uuid.uuid4().hex, None)
                generation = cache.get(name) or MISSING
            known[name] = generation
    return {name: known[name] for name in names}


# --- reading from files -------------------------------------------------------------------------
#
# Without Redis the shared cache is a folder of files, and a page-cache hit reads the generation
# of every group its answer is kept under (the language's, the page's, each page it shows): a
# file opened, read and unpickled for each, which made a cached story a quarter slower than a
# static file. A generation never expires, and a renewal, by this process or any other, writes
# its file anew (a new file moved into place). So this process remembers each value with the
# file's identity (inode, modification time in nanoseconds, size) and reads it again only when a
# look at the file (`os.stat`) says it changed. A file's time moves in ticks of a few
# milliseconds and a freed inode may be reused at once, so two renewals within one tick could
# leave the same identity: a value is remembered only once its file is a second old (SETTLED), so
# any later renewal has a later time. A missing file reads as missing (evicted or cleared: made
# anew, as ever). Redis answers all names in one round trip and is asked as ever.

_from_files: dict[str, tuple[tuple[int, int, int], str]] = {}
# A name's file in a folder (a digest of the name: worth remembering too).
_paths: dict[tuple[str, str], str] = {}
_FROM_FILES_MAX = 20_000
SETTLED_NS = 1_000_000_000


def _file_backend():
    backend = caches[DEFAULT_CACHE_ALIAS]
    return backend if isinstance(backend, FileBasedCache) else None


def _read(names: list[str]) -> dict[str, str]:
    backend = _file_backend()
    if backend is None:
        return cache.get_many(names)
    found = {}
    for name in names:
        path = _paths.get((backend._dir, name))
        if path is None:
            if len(_paths) >= _FROM_FILES_MAX:
                _paths.clear()
            path = _paths[backend._dir, name] = backend._key_to_file(name)
        try:
            stat = os.stat(path)
        except OSError:
            continue  # missing: made anew by the caller
        identity = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        remembered = _from_files.get(path)
        if remembered is not None and remembered[0] == identity:
            found[name] = remembered[1]
            continue
        value = backend.get(name)
        if value is None:
            continue
        found[name] = value
        if time.time_ns() - stat.st_mtime_ns < SETTLED_NS:
            continue  # renewed within the second: read again next time
        if len(_from_files) >= _FROM_FILES_MAX:
            _from_files.clear()
        # Read after the look: a file replaced in between gives a newer value under an older
        # identity, which the next look finds changed and reads again.
        _from_files[path] = (identity, value)
    return found


def key(prefix: str, *parts: str) -> str:
    """The key of something kept under generations: `prefix` and a digest of the release and
    `parts` (any text: a path, a query string, the generations it was made under)."""
    raw = "|".join((_release.release(), *parts))
    return prefix + hashlib.sha256(raw.encode()).hexdigest()


# Things kept under a generation by this process; a transaction renews a name at once again only
# when something was kept since it last did.
_stores = 0


def stored() -> None:
    """Note that this process kept something under the current generations."""
    global _stores
    _stores += 1


class _RenewalOnCommit:
    """The names a transaction renews, renewed once more when it commits."""

    def __init__(self):
        self.renewed: dict[str, int] = {}  # name -> stores counted when it was last renewed

    def __call__(self):
        _renew_now(set(self.renewed))


def renew(names: Iterable[str]) -> None:
    """Give each name a new generation: at once, and again when the transaction commits."""
    names = set(names)
    if not names:
        return
    connection = transaction.get_connection()
    if not connection.in_atomic_block:
        _renew_now(names)
        return
    pending = next(
        (
            func
            for _ids, func, _robust in connection.run_on_commit
            if isinstance(func, _RenewalOnCommit)
        ),
        None,
    )
    if pending is None:
        pending = _RenewalOnCommit()
        transaction.on_commit(pending)
    stale = {name for name in names if pending.renewed.get(name) != _stores}
    if stale:
        _renew_now(stale)
        pending.renewed.update(dict.fromkeys(stale, _stores))


def _renew_now(names: set[str]) -> None:
    old = cache.get_many(list(names))
    cache.set_many({name: uuid.uuid4().hex for name in names}, None)
    renewed.send(sender=None, old=old)
