import re

from django.core.paginator import Paginator
from django.db.models import F, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from longread.absolute import absolute_url
from sitewide.search.text import search_words
from sitewide.serving.media_views import public_file_cache_control
from sitewide.serving.outage import in_reader_language, is_database_outage, unavailable_response
from stories import consent

SEARCH_MAX_QUERY = 200
SEARCH_MAX_RESULTS = 200
SEARCH_PER_PAGE = 10


@require_safe
def search(request):
    """Site search in the reader's language; results pass the consent rule like any listing."""
    raw = request.GET.get("q", "")
    # Shown back to the reader (escaped): what they typed, without control characters.
    query = "".join(c for c in raw if c.isprintable()).strip()[:SEARCH_MAX_QUERY]
    message = ""
    # Only words reach the search backend (sitewide.search.text): never the database's syntax.
    terms = search_words(query)
    if raw.strip() and not terms:
        message = _("Search for words or numbers: punctuation and symbols alone find nothing.")
    results = []
    if terms:
        # Plain pages: a result needs only its title, description and URL, not its page type.
        candidates = Page.objects.live().public().filter(locale=Locale.get_active())
        # Pages with every word first; when none has them all ("paspoort kwijt"), pages with
        # any of them, best first, rather than nothing.
        found = list(candidates.search(terms, operator="and")[:SEARCH_MAX_RESULTS])
        if not found and len(terms.split()) > 1:
            found = list(candidates.search(terms, operator="or")[:SEARCH_MAX_RESULTS])
        allowed = set(
            consent.visible_pages(
                Page.objects.filter(pk__in=[page.pk for page in found]), consent.WEBSITE
            ).values_list("pk", flat=True)
        )
        results = [page for page in found if page.pk in allowed]
    page_obj = Paginator(results, SEARCH_PER_PAGE).get_page(request.GET.get("page"))
    hits = search_hits(page_obj.object_list, terms)
    response = render(
        request,
        "search.html",
        {
            "query": query,
            "page_obj": page_obj,
            "hits": hits,
            "searched": "q" in request.GET,
            "shortened": len(raw.strip()) > SEARCH_MAX_QUERY,
            "message": message,
        },
    )
    if query:
        # What a reader searched for is theirs: no cache (the page cache, a CDN, the browser's
        # disk) keeps an answer that repeats it.
        patch_cache_control(response, private=True, no_store=True)
    return response


SNIPPET_WORDS = 40
# What a hit says it is; the template words it in the reader's language.
HIT_KINDS = {"testimonypage": "story", "projectpage": "project", "newspage": "news"}


SNIPPET_FIELDS = ("teaser", "intro", "quote", "description")


def snippet_sources():
    """Where a hit's snippet can come from: the page's search description, else the first of
    SNIPPET_FIELDS that a page type has, as lookups through Page (every page type here extends
    Page directly)."""
    from wagtail.models import get_page_models

    sources = [F("search_description")]
    for field in SNIPPET_FIELDS:
        for model in get_page_models():
            if Page in model._meta.parents and field in {f.name for f in model._meta.local_fields}:
                sources.append(F(f"{model._meta.model_name}__{field}"))
    return sources


def search_hits(pages, terms: str) -> list[dict]:
    """Each result on this page of results with its kind and a snippet whose matched words are
    marked; the snippets of all of them in one query."""
    pages = list(pages)
    if not pages:
        return []
    texts = dict(
        Page.objects.filter(pk__in=[page.pk for page in pages])
        .annotate(
            snippet=Coalesce(
                *[
                    NullIf(source, Value(""), output_field=TextField())
                    for source in snippet_sources()
                ],
                output_field=TextField(),
            )
        )
        .values_list("pk", "snippet")
    )
    words = [re.escape(word) for word in re.findall(r"\w+", terms) if len(word) > 1]
    pattern = re.compile(r"\b(" + "|".join(words) + r")", re.IGNORECASE) if words else None
    hits = []
    for page in pages:
        # Plain-text fields: shown as typed, escaped below.
        text = Truncator(texts.get(page.pk) or "").words(SNIPPET_WORDS)
        # Split on the matches before escaping: a marked word never cuts an escaped character.
        parts = pattern.split(text) if pattern is not None else [text]
        snippet = "".join(
            f"<mark>{escape(part)}</mark>" if index % 2 else escape(part)
            for index, part in enumerate(parts)
        )
        model = page.specific_class
        hits.append(
            {
                "page": page,
                "kind": HIT_KINDS.get(model._meta.model_name, "page") if model else "page",
                "snippet": mark_safe(snippet),  # noqa: S308  # nosec B308 B703  # escaped above
            }
        )
    return hits


@require_safe
def root_redirect(request):
    """/ goes to the reader's language (Accept-Language) among those with a live home page,
    falling back to the source language."""
    from django.conf import settings
    from django.shortcuts import redirect
    from django.utils.cache import patch_vary_headers
    from django.utils.translation.trans_real import parse_accept_lang_header

    from sitewide.pages.homes import language_homes

    available = set(language_homes(request).values_list("locale__language_code", flat=True))
    choice = settings.LANGUAGE_CODE
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        code = code.lower()
        match = code if code in available else code.split("-")[0]
        if match in available:
            choice = match
            break
    response = redirect(f"/{choice}/")
    patch_vary_headers(response, ["Accept-Language"])
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /api/",
        "Disallow: /*/search/",
        f"Sitemap: {absolute_url('/sitemap.xml', request)}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def server_error(request):
    """The 500 page is a static template: it must render when the database is down.

    Django calls this inside its `except` block, so the exception is at hand: an outage raised
    outside a view (another middleware, the 404 page's rendering) answers 503 like the middleware.
    """
    import sys

    from django.template import loader

    exc = sys.exc_info()[1]
    if is_database_outage(exc):
        return unavailable_response(request, exc)
    message = in_reader_language(request, error=True)  # rendered by the template engine: safe
    return HttpResponse(
        loader.get_template("500.html").render({"reader_language": message}), status=500
    )


def document(request, document_id, document_filename):
    """Wagtail's document view (which checks the hooks that decide who may have it), without
    the `Content-Encoding: None` it writes when the file's type has no encoding (browsers and
    proxies would take the PDF for compressed data), nor the empty ETag of a document stored
    without its hash."""
    from wagtail.documents.views.serve import serve

    response = serve(request, document_id, document_filename)
    if response.get("Content-Encoding") in ("None", ""):
        del response["Content-Encoding"]
    if response.get("ETag") in ('""', 'W/""'):
        # A document stored without its hash: an empty ETag would make every version match.
        del response["ETag"]
    if response.status_code in (200, 304):
        # Served only while a public page uses it (before_serve_document), like a rendition:
        # the same short lifetime; a document behind a collection's privacy is kept by nobody.
        from wagtail.documents import get_document_model

        document = get_document_model().objects.select_related("collection").get(pk=document_id)
        restricted = document.collection.get_view_restrictions().exists()
        response["Cache-Control"] = (
            "private, no-store" if restricted else public_file_cache_control()
        )
    return response
