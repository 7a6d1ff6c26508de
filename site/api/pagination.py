"""Cursor pagination of the API's lists: `meta.next` is the complete URL of the next page.

The cursor is opaque to partners: a signed token naming the position and the query it belongs
to (every parameter except `cursor`, `limit`, `offset` and `format`). Follow `meta.next` as it
is; the limit is kept, and may be changed. A cursor altered by hand, or used with other filters, is
refused with a 400 that says so.
"""

import hashlib
from collections import OrderedDict
from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _
from rest_framework.response import Response
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

from longread.absolute import absolute_url

CURSOR_SALT = "sitewide.api.cursor"
PAGING_PARAMETERS = ("cursor", "limit", "offset")
# Parameters that change nothing in which items come: a cursor is not bound to them.
UNBOUND_PARAMETERS = (*PAGING_PARAMETERS, "format")


def query_fingerprint(request) -> str:
    """What a cursor is bound to: the endpoint and every parameter except the paging ones."""
    pairs = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name not in UNBOUND_PARAMETERS
        for value in values
    )
    text = request.path + "?" + urlencode(pairs)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def make_cursor(request, offset: int) -> str:
    return signing.dumps({"o": offset, "q": query_fingerprint(request)}, salt=CURSOR_SALT)


def read_cursor(request) -> int:
    try:
        data = signing.loads(request.GET["cursor"], salt=CURSOR_SALT)
        offset, fingerprint = int(data["o"]), data["q"]
    except (signing.BadSignature, KeyError, TypeError, ValueError) as error:
        raise BadRequestError(
            _("cursor is not one this API gave: follow meta.next of the previous page as it is")
        ) from error
    if fingerprint != query_fingerprint(request) or offset < 0:
        raise BadRequestError(
            _(
                "cursor belongs to another query: keep every parameter except limit as it was "
                "(follow meta.next), or leave cursor out to start again"
            )
        )
    return offset


def limit_message() -> str:
    return _("limit must be a whole number from 1 to %(maximum)s") % {
        "maximum": settings.WAGTAILAPI_LIMIT_MAX
    }


def whole(request, name, default) -> int:
    value = request.GET.get(name, str(default))
    if not value.isdigit():
        raise BadRequestError(_("%(name)s must be a whole number of 0 or more") % {"name": name})
    return int(value)


class CursorPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        if "cursor" in request.GET and "offset" in request.GET:
            raise BadRequestError(_("give cursor or offset, not both"))
        if "cursor" in request.GET and request.GET.get("order") == "random":
            raise BadRequestError(
                _(
                    "order=random has no next page (each answer is drawn anew): ask for the "
                    "items you need with limit, or page through another order"
                )
            )
        offset = read_cursor(request) if "cursor" in request.GET else whole(request, "offset", 0)
        value = request.GET.get("limit", str(min(20, limit_max)))
        if not value.isdigit() or not 1 <= int(value) <= limit_max:
            raise BadRequestError(limit_message())
        limit = int(value)
        self.view, self.request = view, request
        self.total_count = queryset.count()
        self.next_offset = offset + limit if offset + limit < self.total_count else None
        if request.GET.get("order") == "random":
            self.next_offset = None  # a page of a random draw has no next page
        self.limit = limit
        return queryset[offset : offset + limit]

    def next_url(self) -> str | None:
        if self.next_offset is None:
            return None
        query = self.request.GET.copy()
        for name in PAGING_PARAMETERS:
            query.pop(name, None)
        query["cursor"] = make_cursor(self.request, self.next_offset)
        query["limit"] = str(self.limit)
        return absolute_url(f"{self.request.path}?{query.urlencode()}", self.request)

    def get_paginated_response(self, data):
        meta = OrderedDict([("total_count", self.total_count), ("next", self.next_url())])
        return Response(OrderedDict([("meta", meta), ("items", data)]))
