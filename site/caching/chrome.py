"""What every public page shows around its content, kept in the shared cache.

The site of a request, its home page in each language, the header menu, the per-language
settings and the addresses of the safety page and the privacy statement change only when someone
saves a page, a site, a locale, a view restriction or the settings. They are kept in the shared
cache under the chrome's generation (`sitewide.caching.generations`: renewed on such a save and
again on commit, kept apart by release), so every process sees the change at its next request;
what renews it is decided in `sitewide.caching.signals`.

Nothing kept here depends on a teller's consent: home pages, menu pages and the pages that the
settings name are never testimonies (testimonies live only under a story index), and the queries
below leave testimonies out so that it stays that way. Everything consent decides is asked per
request.
"""

from django.core.cache import cache
from django.http.request import split_domain_port
from wagtail.models import Page, Site

from sitewide.caching import generations
from stories import consent
from stories.models import TestimonyPage

# The chrome's generation (sitewide.caching.generations); what renews it: sitewide.caching.signals.
GENERATION = "sitewide:chrome-version"
TIMEOUT = 24 * 60 * 60


# What this process read or built under the current generation, by its full key (which holds
# the generation and the release): a value under a generation never changes, so it is served
# from here until the generation is renewed, without reading the shared cache each time.
_process: dict = {}
_PROCESS_ENTRIES = 2048


def _cached(key: str, build, request=None):
    """`build()` kept under `key` for the current generation and release; memoised in the
    process and on the request too."""
    generation = generations.current([GENERATION], request)[GENERATION]
    full_key = generations.key("sitewide:chrome:", generation, key)
    memo = getattr(request, "_chrome_memo", None) if request is not None else None
    if memo is not None and full_key in memo:
        return memo[full_key]
    value = _process.get(full_key)
    if value is None:
        value = cache.get(full_key)
    if value is None:
        value = build()
        cache.set(full_key, value, TIMEOUT)
        generations.stored()
    if generation != generations.MISSING:  # a cache that keeps nothing renews nothing either
        if len(_process) >= _PROCESS_ENTRIES:
            _process.clear()
        _process[full_key] = value
    if request is not None:
        if memo is None:
            memo = request._chrome_memo = {}
        memo[full_key] = value
    return value


def kept_markup(name: str, request, make, *, page=None) -> str:
    """The markup of a part of the chrome every page shows (the bar's menus, the footer), made by
    `make()` once per language, address and chrome generation instead of at every page render.

    What it shows is the chrome's alone: the language's settings, menus, home, safety and
    privacy pages, and whether `page` is one of the menu's pages (marked as the current one).
    Not kept, as a longread body is not (sitewide.caching.fragments): with the page cache off,
    for a preview, for a request with a session."""
    from django.utils.safestring import mark_safe
    from django.utils.translation import get_language

    from sitewide.caching import fragments

    if not fragments.keeps(request):
        return make()
    language = get_language() or ""
    page_id = getattr(page, "pk", None)
    current = page_id if page_id in {item["pk"] for item in menu(request, language)} else ""
    key = f"markup:{name}:{language}:{current}:{request.scheme}:{request.get_host()}"
    return mark_safe(_cached(key, lambda: str(make()), request))  # noqa: S308  # nosec B308 B703


# --- the site and its language trees -----------------------------------------------------------


def find_site(request):
    """Wagtail's Site.find_for_request, kept in the shared cache per host and port."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()
    found = _cached(
        f"site:{hostname}:{port}",
        lambda: Site._find_for_request(request) or False,
        request,
    )
    request._wagtail_site = found or None
    return request._wagtail_site


def _page_info(page, request) -> dict:
    return {
        "pk": page.pk,
        "path": page.path,
        "depth": page.depth,
        "url_path": page.url_path,
        "content_type_id": page.content_type_id,
        "alias_of_id": page.alias_of_id,
        "language": page.locale.language_code,
        "live": page.live,
        "title": page.title,
        "url": page.get_url(request),
    }


def _structure(site, request) -> dict:
    """The site's root page and its translations; its language homes and their menus."""
    translations = list(
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    roots = {page.locale.language_code: _page_info(page, request) for page in translations}
    root = _page_info(next(page for page in translations if page.pk == site.root_page_id), request)
    visible = consent.visible_pages(
        Page.objects.filter(translation_key=site.root_page.translation_key).not_type(TestimonyPage),
        consent.WEBSITE,
    ).select_related("locale")
    homes = {page.locale.language_code: _page_info(page, request) for page in visible}
    menus = {}
    for language, home in homes.items():
        items = consent.visible_pages(
            Page.objects.filter(
                path__startswith=home["path"], depth=home["depth"] + 1, show_in_menus=True
            ).not_type(TestimonyPage),
            consent.WEBSITE,
        ).select_related("locale")
        menus[language] = [
            {**_page_info(item, request), "translation_key": str(item.translation_key)}
            for item in items
        ]
    # A menu page not in a language is offered in English, said so (as the safety and privacy
    # pages are): an Arabic reader still finds the organisation directory.
    english = menus.get("en", [])
    for language, items in menus.items():
        have = {item["translation_key"] for item in items}
        items.extend(
            {**item, "other_language": "en"}
            for item in english
            if language != "en" and item["translation_key"] not in have
        )
    return {"root": root, "roots": roots, "homes": homes, "menus": menus}


def structure(request) -> dict | None:
    site = find_site(request)
    if site is None:
        return None
    return _cached(f"structure:{site.pk}", lambda: _structure(site, request), request)


def root_for_language(request, language_code: str) -> dict | None:
    """What `site.root_page.localized` gives: the live translation of the site's root page in
    the language, else the root page itself."""
    tree = structure(request)
    if tree is None:
        return None
    try:
        code = get_supported_content_language(language_code)
    except LookupError:
        return tree["root"]
    translation = tree["roots"].get(code)
    return translation if translation and translation["live"] else tree["root"]


def get_supported_content_language(language_code: str) -> str:
    from wagtail.coreutils import get_supported_content_language_variant

    return get_supported_content_language_variant(language_code)


def language_homes(request) -> list[dict]:
    """This site's home page in every language readers may see."""
    tree = structure(request)
    return list(tree["homes"].values()) if tree else []


def home(request, language_code: str) -> dict | None:
    tree = structure(request)
    return tree["homes"].get(language_code) if tree else None


def menu(request, language_code: str) -> list[dict]:
    tree = structure(request)
    return tree["menus"].get(language_code, []) if tree else []


# --- per-language settings ---------------------------------------------------------------------


def page_in_language(page_id, language_code: str):
    """As `page.localized` for a live page: its live translation in the language, else in
    English (as the interface falls back to English, not Dutch), else the page itself; None when
    the page is not live. Testimonies are left out (see above). The website's links to the
    safety and privacy pages and the API's settings (sitewide.api.views) both read it."""
    if not page_id:
        return None
    pages = {
        page.pk: page
        for page in Page.objects.filter(
            translation_key=Page.objects.filter(pk=page_id).values("translation_key")[:1],
            live=True,
        )
        .not_type(TestimonyPage)
        .select_related("locale")
    }
    own = pages.get(page_id)
    if own is None:
        return None
    try:
        language = get_supported_content_language(language_code)
    except LookupError:
        language = own.locale.language_code
    for wanted in (language, "en"):
        translated = [page for page in pages.values() if page.locale.language_code == wanted]
        if translated:
            return translated[0]
    return own


def _page_url_in_language(page_id, language_code: str) -> str:
    page = page_in_language(page_id, language_code)
    return (page.url or "") if page is not None else ""


def _settings(language_code: str) -> dict:
    from sitewide.models import LanguageSettings

    settings = LanguageSettings.for_language(language_code)
    return {
        "settings": settings or False,
        "safety_url": _page_url_in_language(
            getattr(settings, "safety_page_id", None), language_code
        ),
        "privacy_url": _page_url_in_language(
            getattr(settings, "privacy_page_id", None), language_code
        ),
    }


def _settings_entry(language_code: str, request=None) -> dict:
    return _cached(f"settings:{language_code}", lambda: _settings(language_code), request)


def language_settings(language_code: str, request=None):
    """The language's settings (falling back to the source language's), or None."""
    return _settings_entry(language_code, request)["settings"] or None


def safety_url(language_code: str, request=None) -> str:
    """Where the quick exit's 'browse safely' link goes, in the language."""
    return _settings_entry(language_code, request)["safety_url"]


def privacy_url(language_code: str, request=None) -> str:
    """The privacy statement in the language, or ""."""
    return _settings_entry(language_code, request)["privacy_url"]
