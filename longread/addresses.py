"""Which page of this site an address names, however it is spelled.

A rule that hides a page must also catch the page's address typed or pasted by hand: a rich-text
link entered as a URL instead of chosen as a page, or a redirect that leads to an address. The
same page can be spelled many ways: relative (`/en/stories/<slug>/`) or absolute, with any host
name this site answers to (ALLOWED_HOSTS, SITE_BASE_URL), in other letter case, with
percent-encoding (`%6B` for `k`), with or without the trailing slash, with a query string
or a fragment. `page_at_address` reads them all as the page they lead to.
"""

from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.http.request import validate_host
from wagtail.models import Page, Site


def own_hosts(request_host: str = "") -> list[str]:
    hosts = [host.lower() for host in settings.ALLOWED_HOSTS]
    for url in (
        getattr(settings, "SITE_BASE_URL", ""),
        getattr(settings, "WAGTAILADMIN_BASE_URL", ""),
    ):
        if url:
            hosts.append((urlsplit(url).hostname or "").lower())
    if request_host:
        hosts.append(request_host.split(":")[0].lower())
    hosts.extend(Site.objects.values_list("hostname", flat=True))
    return [host for host in hosts if host and host != "*"]


def page_at_address(address: str, request_host: str = ""):
    """The page of this site that `address` leads to, or None (another site, not a page)."""
    address = (address or "").strip()
    parts = urlsplit(address)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return None
    if parts.netloc:
        host = (parts.hostname or "").lower()
        if not validate_host(host, own_hosts(request_host)):
            return None
    elif not parts.path.startswith("/"):
        return None
    segments = [unquote(segment) for segment in parts.path.split("/") if segment]
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    if not segments or segments[0].lower() not in codes:
        return None
    language = codes[segments[0].lower()]
    rest = "".join(f"{segment}/" for segment in segments[1:])
    roots = list(Page.objects.filter(depth=2, locale__language_code=language)) or [
        site.root_page for site in Site.objects.select_related("root_page")
    ]
    for root in roots:
        page = (
            Page.objects.filter(url_path__iexact=root.url_path + rest, path__startswith=root.path)
            .order_by("pk")
            .first()
        )
        if page is not None:
            return page
    return None
