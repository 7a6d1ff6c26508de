"""The changes feed as JSON: `/api/v2/changes/?since=<ISO 8601 time>` or `?after=<event id>`.

A page of events costs the same few queries however many events it holds: the events, then
the pages the API may show among them, in one consent query.
"""

import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.timezone import is_naive
from django.utils.translation import gettext as _
from wagtail.models import Page

from longread.absolute import absolute_url
from sitewide.api.models import ContentChange
from stories import consent
from stories.api_fields import page_link

MAX_ITEMS = 500
# A little room for clocks that differ between a partner and the server.
FUTURE_TOLERANCE = timezone.timedelta(minutes=5)
TIMESTAMP_EXAMPLE = "2026-01-31T00:00:00Z"


def event_item(change: ContentChange) -> dict:
    return {
        "id": change.pk,
        "event": change.event,
        "page_id": change.page_id,
        "at": change.happened_at.isoformat(),
    }


def change_items(changes, request=None) -> list[dict]:
    """Events as partners see them. Pages the API shows now are named with their URLs; a
    takedown carries ids and times only, and an event about a page the API may no longer show
    is left out (its takedown event follows)."""
    shown_ids = {c.page_id for c in changes if c.event not in ContentChange.TAKEDOWN_EVENTS}
    pages = {}
    if shown_ids:
        visible = consent.visible_pages(Page.objects.filter(pk__in=shown_ids), consent.API)
        pages = {page.pk: page for page in visible.select_related("locale")}
    items = []
    for change in changes:
        item = event_item(change)
        if change.event not in ContentChange.TAKEDOWN_EVENTS:
            page = pages.get(change.page_id)
            if page is None:
                continue
            link = page_link(page, request)
            item |= {key: link[key] for key in ("type", "locale", "html_url", "detail_url")}
        items.append(item)
    return items


def change_item(change: ContentChange, request=None) -> dict | None:
    """One event as partners see it (a webhook's payload), or None when its page is hidden."""
    items = change_items([change], request)
    return items[0] if items else None


def parse_timestamp(name: str, value: str):
    """An aware datetime from an ISO 8601 parameter, or ValueError with a message naming the
    parameter and what it accepts."""
    allowed = _("an ISO 8601 date and time with a timezone, e.g. %(example)s") % {
        "example": f"{name}={TIMESTAMP_EXAMPLE}"
    }
    values = {"name": name, "example": allowed}
    if not value.isascii():
        # Python reads other scripts' digits ("٢٠٢٠") as a year; a client's bug, not a time.
        raise ValueError(_("%(name)s must be written with the digits 0-9") % values)
    try:
        moment = parse_datetime(value.replace(" ", "+"))  # an unescaped + arrives as a space
    except ValueError:
        moment = None
    if moment is not None and not is_naive(moment):
        try:
            moment.astimezone(datetime.UTC)  # stored in UTC: year 1 at +23:00 has none
        except OverflowError:
            moment = None
    if moment is None:
        raise ValueError(_("%(name)s must be %(example)s") % values)
    if is_naive(moment):
        raise ValueError(_("%(name)s needs a time with a timezone; give %(example)s") % values)
    if moment > timezone.now() + FUTURE_TOLERANCE:
        raise ValueError(
            _("%(name)s is in the future; give a moment no later than now, as %(example)s") % values
        )
    return moment


def parse_since(value: str):
    return parse_timestamp("since", value)


def changes_since(since=None, after: int = 0, limit: int = MAX_ITEMS, request=None) -> dict:
    """Events after the event id `after` (and not before `since`), oldest first.

    `meta.next` is always the URL to ask next, with the cursor and the limit: at once when
    `meta.more` is true, or later, to poll for new events."""
    changes = ContentChange.objects.filter(pk__gt=after)
    if since is not None:
        changes = changes.filter(happened_at__gte=since)
    changes = list(changes.order_by("pk")[: limit + 1])
    more = len(changes) > limit
    changes = changes[:limit]
    cursor = changes[-1].pk if changes else after
    query = {"since": since.isoformat()} if since is not None and not cursor else {}
    if cursor:
        query["after"] = cursor
    query["limit"] = limit
    next_url = absolute_url(f"{reverse('wagtailapi_changes')}?{urlencode(query)}", request)
    items = change_items(changes, request)
    return {
        "meta": {
            "since": since.isoformat() if since is not None else None,
            "after": cursor,
            "count": len(items),
            "more": more,
            "next": next_url,
        },
        "items": items,
    }
