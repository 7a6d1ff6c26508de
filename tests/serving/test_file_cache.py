"""The file cache (the embedded default, sitewide.caching.file_cache): it looks at how full its
folder is once every CHECK_EVERY writes, not at each, and still culls as Django does."""

from sitewide.caching import file_cache
from sitewide.caching.file_cache import FileCache


def _files(folder):
    return [path for path in folder.iterdir() if path.name.endswith(".djcache")]


def test_the_folder_is_listed_once_per_check_every_writes_and_still_culled(tmp_path, monkeypatch):
    monkeypatch.setattr(file_cache, "CHECK_EVERY", 10)
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 15, "CULL_FREQUENCY": 3}})
    listed = []
    original = FileCache._list_cache_files
    monkeypatch.setattr(
        FileCache, "_list_cache_files", lambda self: listed.append(1) or original(self)
    )
    for number in range(40):
        cache.set(f"key-{number}", number)
    # Looked at the first write and at every tenth after it: 4 looks for 40 writes, not 40.
    assert len(listed) == 4
    # Culled all the same, as Django culls (a third of the files, at random) at each look that
    # finds MAX_ENTRIES or more: at write 21 (20 files: 6 go) and at write 31 (24 files: 8 go).
    assert len(_files(tmp_path)) == 40 - 6 - 8
    assert cache.get("key-39") == 39  # the newest write is never culled before it is made


def test_every_write_of_a_fresh_connection_to_a_full_folder_culls_at_once(tmp_path):
    """A new process (or thread) looks at its first write: a folder left full is culled."""
    full = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 1000}})
    for number in range(30):
        full.set(f"key-{number}", number)
    fresh = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 20, "CULL_FREQUENCY": 2}})
    fresh.set("one-more", 1)
    assert len(_files(tmp_path)) == 30 - 15 + 1
