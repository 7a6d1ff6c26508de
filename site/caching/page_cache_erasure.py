"""Deleting every kept answer that quotes an erased story (sitewide.caching.page_cache).

The page cache forgets answers by renewing generations: an old entry is never served again,
but stays in the cache (a file on disk, a key in Redis) until it expires. After an erasure that
is not enough: an answer that held the story's text must be gone. `delete_entries_quoting()`
reads every page-cache entry of the shared cache (file-based or Redis) and of this process's
memory and deletes those whose body holds any of the given texts. It runs once the erasure
has committed (`stories.signals.story_erased`, received in `sitewide.caching.signals`); the
texts are never stored.
"""

import html
import json
import os
import pickle
import zlib

from django.core.cache import caches
from django.core.cache.backends.filebased import FileBasedCache

from sitewide.caching import page_cache

ENTRY_MARK = "sitewide:page-cache:entry:"


def _forms(texts) -> list[bytes]:
    """The texts as an answer may hold them: as they are, HTML-escaped, JSON-escaped."""
    forms = set()
    for text in texts:
        if not text:
            continue
        for form in (text, html.escape(text), json.dumps(text)[1:-1]):
            forms.add(form.encode())
    return sorted(forms)


def _quotes(entry, forms) -> bool:
    if not isinstance(entry, dict) or "content" not in entry or "generations" not in entry:
        return False
    content = entry["content"]
    content = content if isinstance(content, bytes) else str(content).encode()
    return any(form in content for form in forms)


def _delete_from_files(backend: FileBasedCache, forms) -> int:
    deleted = 0
    for name in backend._list_cache_files():
        try:
            with open(name, "rb") as handle:
                pickle.load(handle)  # the expiry time  # noqa: S301  # nosec B301 - own cache
                entry = pickle.loads(zlib.decompress(handle.read()))  # noqa: S301  # nosec B301
        except (OSError, EOFError, pickle.UnpicklingError, zlib.error, ValueError):
            continue
        if _quotes(entry, forms):
            try:
                os.remove(name)
                deleted += 1
            except FileNotFoundError:
                pass
    return deleted


def _delete_from_redis(backend, forms) -> int:
    client = backend._cache.get_client(write=True)
    serializer = backend._cache._serializer
    deleted = 0
    for key in client.scan_iter(match=f"*{ENTRY_MARK}*"):
        raw = client.get(key)
        if raw is None:
            continue
        try:
            entry = serializer.loads(raw)
        except Exception:  # noqa: BLE001 - not an entry this module can read: leave it
            entry = None
        if _quotes(entry, forms):
            deleted += client.delete(key)
    return deleted


def delete_entries_quoting(texts) -> int:
    """Delete every page-cache entry whose body holds one of `texts`; returns how many."""
    forms = _forms(texts)
    if not forms:
        return 0
    deleted = 0
    backend = caches["default"]
    if isinstance(backend, FileBasedCache):
        deleted += _delete_from_files(backend, forms)
    elif hasattr(getattr(backend, "_cache", None), "get_client"):
        deleted += _delete_from_redis(backend, forms)
    memory = page_cache._memory
    with memory.lock:
        for key in [key for key, entry in memory.entries.items() if _quotes(entry, forms)]:
            entry = memory.entries.pop(key)
            memory.size -= len(entry["content"])
    return deleted
