"""Rich text links to pages, resolved once per request for all the text a response shows."""

import re
from html import unescape

from django.utils.html import escape
from wagtail.rich_text import LinkHandler
from wagtail.rich_text.pages import PageLinkHandler

from longread import shown
from longread.addresses import page_at_address
from longread.preload import (
    linkable_pages,
    localized_page_urls,
    page_links_memo,
    resolve_page_links,
)


class ResolvedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, with addresses from the request's memo (longread.preload): one
    query per body instead of one or more per text block with a link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        """A link to a page the registered rules hide (longread.preload.linkable_pages) has no
        address: `<a>` without `href` is its text, not a link, and names nothing."""
        memo = page_links_memo()
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        numbers = {int(number) for number in ids if number.isdigit()}
        if memo is None:
            memo = localized_page_urls(numbers) if numbers else {}
        else:
            resolve_page_links(numbers)
        urls = [memo.get(int(number)) if number.isdigit() else None for number in ids]
        # Marked as resolved for with_relative_links_checked, which takes the mark off.
        return [f'<a href="{escape(url)}" {RESOLVED}>' if url else "<a>" for url in urls]


def shown_address(address: str, channel: str | None = None) -> str:
    """`address` as readers may follow it, or "" when it leads to a page of this site that
    the registered rules hide (in any spelling): a rich-text link typed as an address, an
    organisation's website, a language's quick-exit or helpline address. Another site's
    address costs no query."""
    from wagtail.models import Page

    page = page_at_address(address or "")
    if page is not None:
        shown.note(page)  # shown or hidden, what it says follows the page (longread.shown)
    if page is not None and not linkable_pages(Page.objects.filter(pk=page.pk), channel).exists():
        return ""
    return address


class AddressLinkHandler(LinkHandler):
    """Links entered as an address (`https://…`) rather than chosen as a page: an address of
    this site that leads to a page the registered rules hide is written without it, as a page
    link would be (longread.addresses reads every spelling of it). Other addresses stay as
    they are."""

    identifier = "external"

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [cls._opening_tag(attrs) for attrs in attrs_list]

    @classmethod
    def _opening_tag(cls, attrs: dict) -> str:
        if not shown_address(attrs.get("href", "")):
            return "<a>"
        names = "".join(f' {name}="{escape(value)}"' for name, value in attrs.items())
        return f"<a{names}>"


# Wagtail's rewriter gives links that start with `http:`, `https:`, `mailto:` or `#` (in lower
# case) to a link rule and leaves every other address as written: relative ones
# (`/nl/verhalen/x/`, `../x/`) and `HTTP://…`. These reach the same rule after the rewriter,
# here.
RELATIVE_LINK = re.compile(r"<[aA]\b(?P<attrs>[^>]*\b[hH][rR][eE][fF]=\"[^\"]*\"[^>]*)>")
HANDLED_BY_WAGTAIL = re.compile(r'\bhref="(?:https?:|mailto:|#)')
# What ResolvedPageLinkHandler writes on a page link it resolved (a relative address too).
RESOLVED = "data-lr-page-link"
ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


def with_relative_links_checked(html: str) -> str:
    """Expanded rich text whose relative links to pages the rules hide lose their address, as
    AddressLinkHandler does for absolute ones."""
    if "href" not in html or not RELATIVE_LINK.search(html):
        return html

    def check(match):
        if RESOLVED in match.group("attrs"):
            return match.group(0).replace(f" {RESOLVED}", "")  # a page link, resolved
        if HANDLED_BY_WAGTAIL.search(match.group("attrs")):
            return match.group(0)  # went through the link rule already
        attrs = {
            name.lower(): unescape(value) for name, value in ATTRIBUTE.findall(match.group("attrs"))
        }
        return AddressLinkHandler._opening_tag(attrs)

    return RELATIVE_LINK.sub(check, html)
