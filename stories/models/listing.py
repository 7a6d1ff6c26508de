"""Listings (stories, projects, organisations, news): the page of results `?page=` asks for.

Only a page that exists, asked for as its number is written (`?page=2`), is answered: anything
else is sent on (302) to the address that means what was asked: page 1, and a value that is no
page number (`abc`, `-1`, ` 2`, `2.0`), to the listing's own address without `?page=`; a number
with leading zeros (`02`) to that page's; a number past the end to the last page's. So the page
cache, which keeps an answer per value of the parameters a page reads, keeps one entry per real
page, however many values are tried (sitewide.caching.page_cache keeps no redirect). The reader's
search (sitewide.views) is never kept and still shows the nearest page.
"""

from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, QueryDict


class NotThePagesAddress(Exception):
    """Raised while a listing is built; Listing.serve answers with a redirect to `url`."""

    def __init__(self, url: str):
        super().__init__(url)
        self.url = url


class Listing:
    """First among a listing page type's bases (before RoutablePageMixin, whose views it wraps
    too): a page of results asked for in a form the listing does not answer is sent on (302),
    never kept."""

    def serve(self, request, *args, **kwargs):
        try:
            return super().serve(request, *args, **kwargs)
        except NotThePagesAddress as moved:
            return HttpResponseRedirect(moved.url)


def page_of_results(request, items, per_page: int):
    """The Paginator's page `?page=` names, or NotThePagesAddress with the canonical address."""
    paginator = Paginator(items, per_page)
    asked = request.GET.get("page")
    if asked is None:
        return paginator.page(1)
    last = paginator.num_pages
    wanted = 1
    if asked.isascii() and asked.isdigit():
        digits = asked.lstrip("0")
        number = int(digits or "0") if len(digits) <= 18 else last + 1  # longer: past any end
        if 2 <= number <= last:
            if asked == digits:
                return paginator.page(number)
            wanted = number  # `02`: page 2, written as it is written
        elif number > last:
            wanted = last
    # From the address itself: going through request.GET would tell the page cache that the
    # listing reads every parameter.
    query = QueryDict(request.META.get("QUERY_STRING", ""), mutable=True)
    if wanted == 1:
        query.pop("page")
    else:
        query["page"] = str(wanted)
    raise NotThePagesAddress(request.path + (f"?{query.urlencode()}" if query else ""))
