"""A page's body made once and kept between requests, where the layer above keeps it.

Rendering a longread's body (dozens of blocks, each with its template, pictures and links) is
most of what an uncached story costs; the body changes far less often than the page around it
(the chrome, related cards, listings). So the body's HTML, and the body as the API shows it, are
made through `kept(name, page, request, make)`: `make()` when nothing keeps them, else what a
keeper installed by the layer above (`install`) kept for the same page, stored body, language and
address, as long as nothing it shows has changed since (sitewide.caching.fragments decides what
that is and when it is forgotten).

This layer knows nothing of caches or generations. It asks the keeper, and it notes the pages a
body shows (longread.shown) whether the body was made now or kept: a page answer kept under them
must be forgotten with them either way.
"""

import hashlib
import json

_keeper = None


def install(keeper) -> None:
    """`keeper(name, page, request, make, identity)` returns what `make()` returns (or returned
    before for the same `name`, page and `identity`)."""
    global _keeper
    _keeper = keeper


def digest(value) -> str:
    raw = json.dumps(value, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(raw.encode()).hexdigest()


def identity(page, extra=None) -> str:
    """What the kept body is made from, as a digest: the stored body (its JSON, as saved) and
    `extra` (what else the body's templates read of the page, e.g. the teller's media consent)."""
    body = getattr(page, "body", None)
    return digest([list(body.raw_data) if body is not None else None, extra])


def kept(name: str, page, request, make, extra=None):
    """What `make()` gives for `page`'s body, kept by the installed keeper when there is one."""
    return _kept(name, page, request, make, lambda: identity(page, extra))


def kept_value(name: str, page, request, make, extra=None):
    """What `make()` gives for `page` apart from its body (its related cards, say), kept as a
    body is: under the page, `extra` and the generations of what it shows."""
    return _kept(name, page, request, make, lambda: digest(["value", extra]))


def _kept(name, page, request, make, made_of):
    if _keeper is None or request is None or getattr(page, "pk", None) is None:
        return make()
    return _keeper(name, page, request, make, made_of())
