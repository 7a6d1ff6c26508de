"""Which page of this site an address names, however it is spelled.

A rule that hides a page must also catch the page's address typed or pasted by hand: a rich-text
link entered as a URL instead of chosen as a page, or a redirect that leads to an address. The
same page can be spelled many ways: relative (`/en/stories/<slug>/`) or absolute, with any host
name this site answers to (ALLOWED_HOSTS, SITE_BASE_URL), in other letter case, with
percent-encoding (`%6B` for `k`), with or without the trailing slash, with a query string
or a fragment. `page_at_address` reads them all as the page they lead to.
"""

import ipaddress
import re
import socket
import unicodedata
from urllib.parse import parse_qs, unquote, urlsplit

from django.conf import settings
from django.db.models import Q
from django.http.request import validate_host
from wagtail.models import Page, Site

# Browsers drop tabs and line breaks anywhere in an address, and leading and trailing spaces
# and control characters.
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
# `http:` or `https:` not followed by exactly two slashes: browsers read `https:/host/x`,
# `https:host/x` and `https:///host/x` as `https://host/x`, and on a page of the same scheme
# `http:/x` and `http:x` as a path on the same site.
LOOSE_SCHEME = re.compile(r"^(https?):(?!//(?!/))(/*)(.*)$", re.IGNORECASE | re.DOTALL)


def as_browsers_read(address: str) -> str:
    """The address as a browser reads it before resolving it: tabs and line breaks dropped,
    leading and trailing spaces and control characters too, backslashes as slashes."""
    address = TAB_OR_NEWLINE.sub("", address or "")
    return address.strip("".join(map(chr, range(0x21)))).replace("\\", "/")


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
    # Wagtail keeps its sites' addresses in the cache (renewed when a site is saved).
    hosts.extend(urlsplit(root.root_url).hostname or "" for root in Site.get_site_root_paths())
    return [host for host in hosts if host and host != "*"]


def _is_ip_literal(host: str) -> bool:
    """An address by number: IPv6, or IPv4 in any form browsers accept (`127.1`, `2130706433`)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        socket.inet_aton(host)
        return True
    except OSError:
        return False


def is_own_host(host: str, request_host: str = "") -> bool:
    """Whether a link's host is this site: one of its names (any letter case, with or without
    the trailing dot of a fully qualified name), or any address by number, which could be this
    site's own; on the safe side, an address by number is read as this site's."""
    # As browsers read it: percent-decoded, full-width letters as their plain forms.
    host = unicodedata.normalize("NFKC", unquote(host)).lower().rstrip(".")
    return _is_ip_literal(host) or validate_host(host, own_hosts(request_host))


def _path_segments(path: str) -> list[str]:
    """The path's segments as a browser resolves them: percent-decoded, `.` and `..` applied."""
    segments = []
    # Decoded first: the server reads `%2F` as a slash too (`/nl/verhalen/x%2F`).
    for segment in unquote(path).split("/"):
        if segment in ("", "."):
            continue
        if segment == "..":
            if segments:
                segments.pop()
            continue
        segments.append(segment)
    return segments


def page_at_address(address: str, request_host: str = ""):
    """The page of this site that `address` leads to, or None (another site, not a page).

    Besides the spellings above: backslashes (browsers read them as slashes), tabs and line
    breaks (browsers drop them), a scheme without its two slashes, dot segments
    (`/nl/./verhalen/../verhalen/x/`), a relative address (`../../verhalen/x/`, resolved
    against any of the language trees, since its base is not known here), a path without the
    language prefix (the site redirects it to a language), a sub-address of a page (its feed:
    the page it belongs to) and the API's addresses of a page (`/api/v2/pages/<id>/`,
    `/api/v2/pages/find/?html_path=…`)."""
    address = as_browsers_read(address)
    loose = LOOSE_SCHEME.match(address)
    if loose:
        scheme, slashes, rest = loose.groups()
        return page_at_address(f"{scheme}://{rest}", request_host) or page_at_address(
            slashes + rest, request_host
        )
    parts = urlsplit(address)
    if parts.scheme and parts.scheme.lower() not in ("http", "https"):
        return None
    if parts.netloc and not is_own_host(parts.hostname or "", request_host):
        return None
    if not parts.path:
        return None  # a fragment or query only: the page the link is on
    segments = _path_segments(parts.path)
    if [segment.lower() for segment in segments[:3]] == ["api", "v2", "pages"]:
        return _page_of_api_address(segments[3:], parts.query, request_host)
    codes = {code.lower(): code for code, _name in settings.LANGUAGES}
    if segments and segments[0].lower() in codes:
        languages, rest = [codes[segments[0].lower()]], segments[1:]
    else:
        languages, rest = list(codes.values()), segments
    roots = list(Page.objects.filter(depth=2, locale__language_code__in=languages)) or [
        site.root_page for site in Site.objects.select_related("root_page")
    ]
    # The page itself, or the page a sub-address belongs to: the longest path that is a page.
    candidates = Q()
    shortest = 1 if rest else 0
    for root in roots:
        for length in range(shortest, len(rest) + 1):
            url_path = root.url_path + "".join(f"{segment}/" for segment in rest[:length])
            candidates |= Q(url_path__iexact=url_path, path__startswith=root.path)
    pages = list(Page.objects.filter(candidates).order_by("pk")) if candidates else []
    return max(pages, key=lambda page: page.depth, default=None)


def _page_of_api_address(segments: list[str], query: str, request_host: str):
    if segments and segments[0].isdigit():
        return Page.objects.filter(pk=int(segments[0])).first()
    if segments and segments[0].lower() == "find":
        html_path = parse_qs(query).get("html_path")
        if html_path:
            return page_at_address(html_path[0], request_host)
    parameters = parse_qs(query)
    found = parameters.get("id")
    if found and found[0].isdigit():  # a listing by id, or find by id, names that page
        return Page.objects.filter(pk=int(found[0])).first()
    slug = parameters.get("slug")
    if slug:  # a listing filtered to one slug names that page
        return Page.objects.filter(slug__iexact=slug[0]).order_by("pk").first()
    return None
