"""The shared cache on files (the embedded default, without Redis): Django's file cache, which
looks at how full it is less often.

Django's FileBasedCache lists its whole folder at every write to decide whether to cull (at
MAX_ENTRIES files: 20,000 here, site/settings/caching.py). With a full folder that listing costs
more than the write itself, and one page-cache miss writes several entries (the page, its kept
fragments, the chrome). Here each cache connection (one per thread) looks at its first write and
then once every CHECK_EVERY writes: between two looks the folder can grow past MAX_ENTRIES by
up to CHECK_EVERY files per connection, and the next look culls as Django does (a third of it).
"""

from django.core.cache.backends.filebased import FileBasedCache

CHECK_EVERY = 100


class FileCache(FileBasedCache):
    def __init__(self, dir, params):
        super().__init__(dir, params)
        self._writes_unchecked = None  # None: no look yet, so the first write looks

    def _cull(self):
        if self._writes_unchecked is not None and self._writes_unchecked < CHECK_EVERY - 1:
            self._writes_unchecked += 1
            return
        self._writes_unchecked = 0
        super()._cull()
