"""The reading beacon: once per page view, the reader's browser reports the furthest chapter it
reached and whether it reached the end (reader.js, same origin, JavaScript only). Every answer is
the same empty 204, whatever was sent: a beacon for an unknown page, a chapter out of range or a
crawler changes nothing."""

from django.core.cache import cache
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from stories import consent
from stories.reach.counting import count
from stories.reach.models import CHAPTER, END
from stories.reach.readers import counts

FACTS_SECONDS = 300


def _nothing() -> HttpResponse:
    response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response


def page_facts(page_id: int):
    """(language, number of chapters) of a page readers may see, or None."""
    key = f"stories:reach:page:{page_id}"
    facts = cache.get(key)
    if facts is None:
        page = Page.objects.live().public().filter(pk=page_id).select_related("locale").first()
        page = page.specific if page is not None else None
        counted = page is not None and hasattr(page, "table_of_contents")
        if not counted or not consent.page_is_visible(page, consent.WEBSITE):
            facts = ()
        else:
            facts = (page.locale.language_code, len(page.table_of_contents()))
        cache.set(key, facts, FACTS_SECONDS)
    return facts or None


def _number(value: str) -> int | None:
    return int(value) if value.isascii() and value.isdigit() and len(value) < 10 else None


@csrf_exempt  # no cookie, no session: nothing for a forged request to act as
@require_POST
def beacon(request):
    # Only this site's own pages report (a page elsewhere cannot post here in a reader's name).
    if request.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin" or not counts(request):
        return _nothing()
    page_id = _number(request.POST.get("page", ""))
    chapter = _number(request.POST.get("chapter", "0"))
    facts = page_facts(page_id) if page_id is not None else None
    if facts is None or chapter is None:
        return _nothing()
    language, chapters = facts
    if chapter > chapters:
        return _nothing()
    if chapter:
        count(page_id, language, f"{CHAPTER}{chapter}")
    if request.POST.get("end") == "1":
        count(page_id, language, END)
    return _nothing()
