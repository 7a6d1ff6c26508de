"""Which other pages a response shows, noted while it renders (for the page cache above).

A page turns another page into something readers see in a few places only: a card of a related
story, a rich-text link chosen as a page (longread.rich_text, through longread.preload), an
address of this site typed as a link or in the settings (longread.rich_text.shown_address).
Each of them calls `note(page)`; within `recording()` (opened by the page cache for a request it
may keep) the translation keys of those pages are collected, so the page cache can keep the
answer under the generation of every page it shows (sitewide.caching.page_cache). Outside a
recording, noting does nothing.

Only what a page shows is noted: a link to a hidden page shows no page. A hidden page becomes
visible only through a publication, a move, a new page or a consent change, and those renew
more than the page's own generation (sitewide.caching.signals).
"""

import contextlib
import contextvars

_noted = contextvars.ContextVar("longread_shown_pages", default=None)


@contextlib.contextmanager
def recording():
    """Collects the translation keys of the pages noted within it (a set, filled in place)."""
    keys: set[str] = set()
    token = _noted.set(keys)
    try:
        yield keys
    finally:
        _noted.reset(token)


def note(*pages) -> None:
    """Note pages (anything with a `translation_key`) shown by the response being rendered."""
    keys = _noted.get()
    if keys is None:
        return
    for page in pages:
        key = getattr(page, "translation_key", None)
        if key:
            keys.add(str(key))


def note_keys(keys) -> None:
    """Note pages by their translation keys (what a kept body showed when it was made)."""
    noted = _noted.get()
    if noted is not None:
        noted.update(str(key) for key in keys)
