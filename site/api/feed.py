"""The changes feed as JSON: `/api/v2/changes/?since=<ISO 8601 time>`."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive, make_aware
from wagtail.models import Page

from sitewide.api.models import ContentChange
from stories import consent
from stories.api_fields import page_link

MAX_ITEMS = 500


def change_item(change: ContentChange, request=None) -> dict | None:
    """One event as partners see it. Pages the API shows now are named with their URLs; for
    a takedown, or a page the API may not show, the event carries ids and times only."""
    item = {
        "id": change.pk,
        "event": change.event,
        "page_id": change.page_id,
        "at": change.happened_at.isoformat(),
    }
    if change.event in ContentChange.TAKEDOWN_EVENTS:
        return item
    page = (
        consent.visible_pages(Page.objects.filter(pk=change.page_id), consent.API)
        .specific()
        .select_related("locale")
        .first()
    )
    if page is None:
        return None
    link = page_link(page, request)
    return {**item, **{key: link[key] for key in ("type", "locale", "html_url", "detail_url")}}


def parse_since(value: str):
    """An aware datetime from `since`, or ValueError with a message for the partner."""
    if not value:
        raise ValueError("since is required, e.g. since=2026-01-31T00:00:00Z")
    try:
        moment = parse_datetime(value.replace(" ", "+"))  # an unescaped + arrives as a space
    except ValueError:
        moment = None
    if moment is None:
        raise ValueError("since must be an ISO 8601 date and time, e.g. 2026-01-31T00:00:00Z")
    return make_aware(moment) if is_naive(moment) else moment


def changes_since(since, after: int = 0, limit: int = MAX_ITEMS, request=None) -> dict:
    changes = list(
        ContentChange.objects.filter(happened_at__gte=since, pk__gt=after).order_by("pk")[
            : limit + 1
        ]
    )
    more = len(changes) > limit
    changes = changes[:limit]
    items = [item for item in (change_item(c, request) for c in changes) if item is not None]
    next_url = None
    if more:
        query = urlencode({"since": since.isoformat(), "after": changes[-1].pk})
        next_url = f"{reverse('wagtailapi_changes')}?{query}"
        next_url = request.build_absolute_uri(next_url) if request else next_url
    return {
        "meta": {"since": since.isoformat(), "count": len(items), "next": next_url},
        "items": items,
    }
