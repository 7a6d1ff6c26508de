"""The keeper of longread bodies (longread.fragments): a body made once, kept in the shared cache
and made again only when something it shows has changed, so that a page-cache miss (a publication
elsewhere, the chrome renewed, an answer past its hour) re-renders the page around the body and
not every block of it.

A kept body is found under a key made of the release, the name (`body-html`, `api-body`), the
page, a digest of its stored body and of what else its templates read of the page
(longread.fragments.identity), the language, the scheme and the host. It is used only while these
generations (sitewide.caching.generations) are those it was made under:

- the page's own group (`page_cache.page_group`): any save, publication or row of the page or of
  a translation of it;
- the group of every page the body showed (longread.shown: a card, a link chosen as a page, an
  address of this site), so a page shown changes, moves or goes away and the body is made again;
- VISIBILITY: which pages readers may see and where they are (a first publication, an
  unpublication, a move, a deletion, a change of a page's language or consent record, a
  takedown): a link to a page hidden when the body was made shows its text only, and a card
  list shows only visible stories, so their appearance renews it;
- the language's OBJECTS group: anything else readers may see, saved or deleted (pictures,
  documents, snippets, consent records, the language's settings shown by a help box) and every
  batch of new renditions.
Which change renews which is decided in sitewide.caching.signals, with the page cache's groups.

Not kept: a staff preview, a request with a session, when the page cache is off. A body is kept
no longer than the page cache keeps an answer (`page_cache.lifetime`: the hour, and never past
midnight, when consent is decided anew). A body made while a page changed (the aggregates'
generation moved during rendering) is not kept. An erasure renews every fragment generation
(sitewide.caching.signals), so no kept body quotes an erased story.
"""

from django.core.cache import cache
from django.utils import translation

from longread import shown
from sitewide.caching import generations, page_cache

KEY_PREFIX = "sitewide:fragment:"
GENERATION_PREFIX = "sitewide:fragment:generation:"
VISIBILITY = GENERATION_PREFIX + "visibility"


def objects_name(language: str) -> str:
    return f"{GENERATION_PREFIX}objects:{language}"


def object_names(languages=None) -> set[str]:
    """The OBJECTS generations of `languages` (every language when None)."""
    codes = page_cache.language_codes() if languages is None else languages
    return {objects_name(code) for code in codes}


def every_name() -> set[str]:
    return {VISIBILITY} | object_names(None)


def keeps(request) -> bool:
    """Whether what a request makes may be kept for others: the page cache on, no preview, no
    session (the chrome's markup follows the same rule: sitewide.caching.chrome)."""
    return (
        page_cache.enabled()
        and not getattr(request, "is_preview", False)
        and not page_cache._has_session(request)
    )


def _base_names(page, language: str) -> list[str]:
    group = page_cache.generation_name(page_cache.page_group(page.translation_key))
    return [group, VISIBILITY, objects_name(language)]


def _shown_names(keys) -> list[str]:
    return [page_cache.generation_name(page_cache.page_group(key)) for key in sorted(keys)]


def keep(name, page, request, make, identity):
    if not keeps(request) or not getattr(page, "translation_key", None):
        return make()
    language = translation.get_language() or ""
    key = generations.key(
        KEY_PREFIX,
        name,
        str(page.pk),
        identity,
        language,
        request.scheme,
        request.META.get("HTTP_HOST", ""),
    )
    base = _base_names(page, language)
    entry = cache.get(key)
    if entry is not None:
        names = [*base, *_shown_names(entry["shown"])]
        if generations.current(names, request) == entry["generations"]:
            shown.note_keys(entry["shown"])
            return entry["value"]
    index = page_cache.generation_name(page_cache.INDEX)
    before = generations.current([*base, index], request)
    with shown.recording() as keys:
        value = make()
    shown.note_keys(keys)
    # Read afresh, not from the request's memo: a page changed while the body rendered moved
    # the aggregates' generation, and what was made may be stale.
    after = generations.current([index, *_shown_names(keys)])
    lifetime = page_cache.lifetime()
    if after.pop(index) != before.pop(index) or lifetime <= 0:
        return value
    cache.set(
        key,
        {"value": value, "shown": sorted(keys), "generations": {**before, **after}},
        lifetime,
    )
    generations.stored()
    return value
