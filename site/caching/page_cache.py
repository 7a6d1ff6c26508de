"""Whole responses for anonymous readers, kept in the shared cache and served before sessions.

What is kept and for whom, the groups and their generations (a language's, the shared answers',
the aggregates' and one per page shown), renewal when a transaction that changes what readers see
commits, the midnight limit and the CDN purge are described once, in
docs/performance.md ("Page cache"); the functions below say what each part does. The generations
are sitewide.caching.generations' (shared with the chrome); which change renews which group is
decided in sitewide.caching.signals.
"""

import datetime
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Iterable

from django.conf import settings
from django.core import checks
from django.core.cache import cache
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import HttpResponse, QueryDict
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers

from longread import shown
from sitewide.caching import generations as shared_generations
from sitewide.serving import compression, paths
from stories.reach.counting import count_view

HEADER = "X-Page-Cache"
SHARED = "shared"
# Every answer that gathers pages (home, listings, feeds, a project's stories...) is kept under
# this group too; every page-level change renews it (sitewide.caching.signals).
INDEX = "index"
PAGE_GROUP_PREFIX = "page:"
# Page types whose templates note every other page they show (longread.shown): their answers
# are kept under the generations of those pages instead of INDEX. Any other page type, and a
# sub-route of any page, is kept as an aggregate: forgetting a type here is stale-safe.
PAGES_THAT_NOTE_WHAT_THEY_SHOW = frozenset({"stories.testimonypage", "sitewide.informationpage"})
EXCLUDED_PREFIXES = paths.NOT_CACHED
MAX_BODY_BYTES = 2 * 1024 * 1024
# Response headers never replayed: per-request or added again by outer middleware.
DROPPED_HEADERS = {"set-cookie", HEADER.lower(), "content-length", "date", "content-encoding"}
# The bench's own bypass (bench.run): a request carrying this header with the token of the
# setting PAGE_CACHE_BYPASS_TOKEN is rendered and never kept. Unset (production), it does nothing.
BYPASS_HEADER = "HTTP_X_PAGE_CACHE_BYPASS"
ALL = "*"  # a page that read every parameter (iterated the query string)


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_ENABLED", True)


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def group_of_path(path: str) -> str:
    first = path.lstrip("/").split("/", 1)[0].lower()
    return f"lang:{first}" if first in language_codes() else SHARED


GENERATION_PREFIX = "sitewide:page-cache:generation:"


def generation_name(group: str) -> str:
    """The name of a group's generation (sitewide.caching.generations)."""
    return GENERATION_PREFIX + group


def generation_names(languages: Iterable[str] | None) -> set[str]:
    """The generations of the groups of `languages` (all languages when None) and the shared
    group: what a change to something shown in those languages renews."""
    codes = language_codes() if languages is None else languages
    return {generation_name(SHARED)} | {generation_name(f"lang:{code}") for code in codes}


def page_group(translation_key) -> str:
    """The group of the answers that show a page (any of its translations)."""
    return f"{PAGE_GROUP_PREFIX}{translation_key}"


def page_generation_names(translation_keys: Iterable) -> set[str]:
    """What a page-level change (a save, publication, unpublication, move or deletion) of the
    pages with these translation keys renews: the answers that show them, every aggregate
    answer and the shared group. Not the languages' own groups, which every answer of the
    language is kept under too (sitewide.caching.signals adds them when the chrome changes)."""
    return {generation_name(SHARED), generation_name(INDEX)} | {
        generation_name(page_group(key)) for key in translation_keys
    }


def _urls_key(group: str, generation: str) -> str:
    return f"sitewide:page-cache:urls:{group}:{generation}"


def current_generations(groups: Iterable[str], request=None) -> dict[str, str]:
    """Each group's current generation, read at once (once per request when given)."""
    groups = list(groups)
    found = shared_generations.current((generation_name(group) for group in groups), request)
    return {group: found[generation_name(group)] for group in groups}


def seconds_until_midnight(now=None) -> int:
    """Seconds until the next local midnight, when consent is decided anew."""
    now = timezone.localtime(now)
    midnight = datetime.datetime.combine(
        now.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=now.tzinfo
    )
    return int((midnight - now).total_seconds())


def lifetime(now=None) -> int:
    return min(getattr(settings, "PAGE_CACHE_SECONDS", 3600), seconds_until_midnight(now))


# --- serving -------------------------------------------------------------------------------------


def _has_session(request) -> bool:
    return settings.SESSION_COOKIE_NAME in request.COOKIES


def _eligible(request) -> bool:
    return (
        enabled()
        and request.method == "GET"
        and not request.path_info.startswith(EXCLUDED_PREFIXES)
        and not _has_session(request)
        and "HTTP_AUTHORIZATION" not in request.META
    )


def _key(request, group: str, query: str = "") -> str:
    """The release, the scheme (an https answer names https addresses), the host, the path, the
    query parameters that make the entry (see _query_for_key) and, outside the language trees,
    the language the request negotiates."""
    language = ""
    if group == SHARED:
        language = translation.get_language_from_request(request) or ""
    return shared_generations.key(
        "sitewide:page-cache:entry:",
        request.scheme,
        request.META.get("HTTP_HOST", ""),
        request.path,
        query,
        language,
    )


def _params_key(request) -> str:
    """Where the parameter names a path was seen to read are noted. Not renewed with the
    path's groups (a hit must read no generation before its entry): a name read once stays in
    the key until the note expires, which only costs entries, never serves a wrong one
    (`_agrees`)."""
    return shared_generations.key(
        "sitewide:page-cache:params:",
        request.scheme,
        request.META.get("HTTP_HOST", ""),
        request.path,
    )


# --- query strings -------------------------------------------------------------------------------
#
# A page's answer depends only on the query parameters it reads. So the middleware hands the view
# a request.GET that notes every name read (_ReadingQueryDict), and:
# - keeps an answer only when the view read every parameter the request carried, under a key made
#   of those parameters, with the names it read and their values;
# - looks an answer up under the parameters this path was ever seen to read (an unknown name,
#   `?utm_source=...` or a loop of `?x=1`, `?x=2`..., never makes a key of its own), and serves it
#   only when the request agrees with it on every name its view read (present or absent), so a
#   view that reads a name only sometimes never gets another request's answer;
# - renders, and does not keep, an answer to a request that carries parameters the view did not
#   read (nothing that request added can be served to anybody else).
# A view that iterates the whole query string reads every name (ALL): its answers are keyed on
# the whole query string, as before.


class _ReadingQueryDict(QueryDict):
    """request.GET that remembers which parameter names the view asked for."""

    def _note(self, key) -> None:
        names = self.__dict__.setdefault("_read", set())
        names.add(key)

    def _note_all(self) -> None:
        self.__dict__["_read_all"] = True

    @property
    def read(self):
        if self.__dict__.get("_read_all"):
            return ALL
        return frozenset(self.__dict__.get("_read", ()))

    def __getitem__(self, key):
        self._note(key)
        return super().__getitem__(key)

    def _getlist(self, key, default=None, force_list=False):
        self._note(key)
        return super()._getlist(key, default, force_list)

    def __contains__(self, key):
        self._note(key)
        return super().__contains__(key)

    def __iter__(self):
        self._note_all()
        return super().__iter__()

    def keys(self):
        self._note_all()
        return super().keys()

    def lists(self):
        self._note_all()
        return super().lists()


def _reading_query(request) -> _ReadingQueryDict:
    query = _ReadingQueryDict(
        get_bytes_from_wsgi(request.environ, "QUERY_STRING", ""), encoding=request.encoding
    )
    query.__dict__.pop("_read", None)  # building it looked every name up; the view has not
    query.__dict__.pop("_read_all", None)
    return query


def _parameters(request) -> dict[str, list[str]]:
    return {name: list(values) for name, values in dict.items(request.GET)}


def _encode(parameters: dict[str, list[str]]) -> str:
    query = QueryDict(mutable=True)
    for name in sorted(parameters):
        query.setlist(name, parameters[name])
    return query.urlencode()


def _query_for_key(parameters: dict[str, list[str]], names) -> str:
    if names == ALL:
        return _encode(parameters)
    return _encode({name: values for name, values in parameters.items() if name in names})


def _agrees(entry, parameters: dict[str, list[str]]) -> bool:
    """Whether the request would make the view read what it read for the entry."""
    read = entry.get("read", ALL)
    kept = entry.get("parameters", {})
    if read == ALL:
        return parameters == kept
    return all(parameters.get(name, []) == kept.get(name, []) for name in read)


def _storable(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(response, "private_preview", False):
        return False  # a draft behind a preview token (sitewide.api)
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # the page holds a CSRF token: it belongs to one reader
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache")):
        return False
    varies = {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}
    if varies - {"accept-language", "accept-encoding"}:
        return False  # Vary: Cookie or Authorization means it is not the same for everybody
    return len(response.content) <= MAX_BODY_BYTES


def _size(entry) -> int:
    return len(entry["content"]) + sum(len(body) for body in entry.get("encoded", {}).values())


class _ProcessMemory:
    """The entries this process served last, so that a hit reads one small generation key from
    the shared cache instead of the whole answer. An entry is still served only while its
    generations are current, so it is forgotten as soon as the shared one is."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.size = 0
        self.entries: OrderedDict = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def put(self, key, entry) -> None:
        size = _size(entry)
        if size > self.max_bytes // 8:
            return
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.size -= _size(old)
            self.entries[key] = entry
            self.size += size
            while self.size > self.max_bytes:
                _key, dropped = self.entries.popitem(last=False)
                self.size -= _size(dropped)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()
            self.size = 0


_memory = _ProcessMemory(32 * 1024 * 1024)


def _current(request, entry, now: float) -> bool:
    """Whether `entry` may be served: not expired, and made under the current generations of
    all its groups (read in one get_many)."""
    if entry is None or entry["expires"] <= now:
        return False
    return current_generations(entry["generations"], request) == entry["generations"]


def _shown_pages(request, group: str, shown_keys: set[str]) -> list[str] | None:
    """The page groups an answer is kept under: the page served and every page it showed
    (longread.shown), when it is a page of a type that notes them; None for an aggregate."""
    route = getattr(request, "_wagtail_route_for_request", None)
    if group == SHARED or not route:
        return None
    page, args, kwargs = route
    if args or kwargs or page._meta.label_lower not in PAGES_THAT_NOTE_WHAT_THEY_SHOW:
        return None
    return sorted({page_group(page.translation_key)} | {page_group(key) for key in shown_keys})


def _generations_to_keep(request, group, before, shown_keys) -> dict[str, str] | None:
    """The generations an answer is kept under: its language's and the aggregates' (`before`,
    read before it rendered) for an aggregate; its language's and those of the pages it shows
    for a page that notes them. Those pages' generations are read after rendering, so INDEX,
    which every page-level change renews, is read again with them: when it changed, a page
    may have changed during the rendering, and None says not to keep the answer."""
    pages = _shown_pages(request, group, shown_keys)
    if pages is None:
        return before
    after = current_generations([INDEX, *pages])
    if after[INDEX] != before[INDEX]:
        return None
    return {group: before[group], **{name: after[name] for name in pages}}


def _shared_cache_headers(response, seconds: int) -> None:
    patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)


class PageCacheMiddleware:
    """Serves a kept answer before sessions, authentication and routing run; keeps new ones.

    Sits below django-cors-headers' CorsMiddleware and ApiHttpMiddleware, which add CORS, ETag
    and 304 answers to kept API responses per request, and above SessionMiddleware, so a kept
    answer never touches a session.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _eligible(request):
            response = self.get_response(request)
            # Readers are counted with the cache off too; staff (with a session) never.
            if not enabled() and not _has_session(request) and response.status_code == 200:
                count_view(request, getattr(response, "reach", None))
            return response
        group = group_of_path(request.path_info)
        if _bypassed(request):
            response = self.get_response(request)
            response[HEADER] = "miss"
            if response.status_code == 200:
                count_view(request, getattr(response, "reach", None))
            return response
        parameters = _parameters(request)
        known = ()
        if parameters:
            known = cache.get(_params_key(request)) or ()
        key = _key(request, group, _query_for_key(parameters, known))
        now = timezone.now().timestamp()
        entry = _memory.get(key)
        if not _current(request, entry, now):
            entry = cache.get(key)
            if entry is not None:
                _memory.put(key, entry)
        if _current(request, entry, now) and _agrees(entry, parameters):
            count_view(request, entry.get("reach"))
            return self._replay(request, entry)
        # Read before rendering: a change committed meanwhile makes what is kept stale at once.
        groups = [SHARED] if group == SHARED else [group, INDEX]
        before = current_generations(groups, request)
        request.GET = _reading_query(request)
        with shown.recording() as shown_keys:
            response = self.get_response(request)
        if response.status_code == 200:
            count_view(request, getattr(response, "reach", None))
        read = request.GET.read if isinstance(request.GET, _ReadingQueryDict) else ALL
        if parameters and known != ALL:
            learned = ALL if read == ALL else sorted(set(known) | read)
            if learned != sorted(known):
                cache.set(_params_key(request), learned, lifetime() or 1)
        if not _storable(request, response):
            return response
        if parameters and read != ALL and not read >= set(parameters):
            response[HEADER] = "miss"  # carries parameters its view never read: not kept
            self._compress(request, response)
            return response
        generations = _generations_to_keep(request, group, before, shown_keys)
        if generations is None:
            response[HEADER] = "miss"  # a page changed while it rendered: not kept
            self._compress(request, response)
            return response
        self._store(request, group, generations, parameters, read, response)
        return response

    def _compress(self, request, response) -> dict[str, bytes]:
        """Sends the response compressed as the request accepts; returns what it compressed."""
        if not compression.compressible(request, response):
            return {}
        encoding = compression.accepted_encoding(request)
        if encoding is None:
            compression.set_body(response, response.content, None)
            return {}
        response.content_digest = hashlib.sha256(response.content).hexdigest()
        body = compression.compress(response.content, encoding)
        compression.set_body(response, body, encoding)
        return {encoding: body}

    def _replay(self, request, entry) -> HttpResponse:
        content, encoding = entry["content"], None
        if entry.get("compressible"):
            encoding = compression.accepted_encoding(request)
            if encoding is not None and encoding not in entry["encoded"]:
                # The first reader asking for this encoding: compressed once, kept with the rest.
                entry["encoded"][encoding] = compression.compress(content, encoding)
                remaining = int(entry["expires"] - timezone.now().timestamp())
                if remaining > 0:
                    cache.set(entry["key"], entry, remaining)
            if encoding is not None:
                content = entry["encoded"][encoding]
        response = HttpResponse(content, status=entry["status"])
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(content))
        if encoding is not None:
            response["Content-Encoding"] = encoding
        response.content_digest = entry.get("digest")
        remaining = int(entry["expires"] - timezone.now().timestamp())
        _shared_cache_headers(response, max(remaining, 0))
        response[HEADER] = "hit"
        return response

    def _store(self, request, group, generations, parameters, read, response) -> None:
        seconds = lifetime()
        response[HEADER] = "miss"
        if seconds < 1:
            self._compress(request, response)
            return
        _shared_cache_headers(response, seconds)
        content = response.content
        compressible = compression.compressible(request, response)
        encoded = self._compress(request, response)
        if compressible:
            patch_vary_headers(response, ("Accept-Encoding",))
        headers = [
            (name, value) for name, value in response.items() if name.lower() not in DROPPED_HEADERS
        ]
        names = ALL if read == ALL else sorted(read)
        key = _key(request, group, _query_for_key(parameters, names))
        entry = {
            "key": key,
            "status": response.status_code,
            "headers": headers,
            "content": content,
            "compressible": compressible,
            "encoded": encoded,
            "digest": getattr(response, "content_digest", None)
            or hashlib.sha256(content).hexdigest(),
            "read": names,
            "parameters": parameters
            if names == ALL
            else {name: values for name, values in parameters.items() if name in read},
            "generations": generations,
            "expires": timezone.now().timestamp() + seconds,
            "reach": getattr(response, "reach", None),
        }
        cache.set(key, entry, seconds)
        _memory.put(key, entry)
        if getattr(settings, "WAGTAILFRONTENDCACHE", None):
            _remember_url(request.build_absolute_uri(), generations)
        shared_generations.stored()


BYPASS_IN_PRODUCTION = "sitewide.W110"


@checks.register(checks.Tags.security, deploy=True)
def check_no_bench_bypass(app_configs=None, **kwargs):
    if not getattr(settings, "PAGE_CACHE_BYPASS_TOKEN", ""):
        return []
    return [
        checks.Warning(
            "PAGE_CACHE_BYPASS_TOKEN is set: whoever knows it makes every page render anew, past "
            "the page cache. Only the bench's own server sets it.",
            hint="Unset PAGE_CACHE_BYPASS_TOKEN in production.",
            id=BYPASS_IN_PRODUCTION,
        )
    ]


def _bypassed(request) -> bool:
    token = getattr(settings, "PAGE_CACHE_BYPASS_TOKEN", "")
    return bool(token) and request.META.get(BYPASS_HEADER) == token


def _remember_url(url: str, generations: dict[str, str]) -> None:
    """Note the URL under its group's generation, for the CDN purge of that group.

    A read-modify-write: two processes storing at the same moment may lose one URL from the
    list (the CDN then keeps that answer until its s-maxage ends, at most until midnight).
    """
    for group, generation in generations.items():
        key = _urls_key(group, generation)
        urls = cache.get(key) or []
        if url not in urls:
            urls.append(url)
            cache.set(key, urls, 24 * 60 * 60)


# --- renewal (which change renews which group: sitewide.caching.signals) ------------------------


def purge_urls_kept_under(old: dict[str, str]) -> None:
    """After a renewal (sitewide.caching.generations.renewed, `old` being the generations it
    replaced): purge from the CDN every URL kept under the old generations of the groups."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    urls = set()
    for name, generation in old.items():
        if name.startswith(GENERATION_PREFIX):
            group = name.removeprefix(GENERATION_PREFIX)
            urls.update(cache.get(_urls_key(group, generation)) or [])
    if urls:
        from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

        purge_urls_from_cache(sorted(urls))
