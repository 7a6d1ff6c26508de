"""Rich text links to pages, resolved once per request for all the text a response shows."""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from longread.preload import localized_page_urls, page_links_memo, resolve_page_links


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
        return [f'<a href="{escape(url)}">' if url else "<a>" for url in urls]
