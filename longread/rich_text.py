"""Rich text links to pages, resolved once per request for all the text a response shows."""

from django.utils.html import escape
from wagtail.rich_text.pages import PageLinkHandler

from longread.preload import page_links_memo, resolve_page_links


class ResolvedPageLinkHandler(PageLinkHandler):
    """Wagtail's page links, with addresses from the request's memo (longread.preload): one
    query per body instead of one or more per text block with a link."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        memo = page_links_memo()
        if memo is None:
            return super().expand_db_attributes_many(attrs_list)
        ids = [str(attrs.get("id", "")) for attrs in attrs_list]
        resolve_page_links({int(number) for number in ids if number.isdigit()})
        urls = [memo.get(int(number)) if number.isdigit() else None for number in ids]
        return [f'<a href="{escape(url)}">' if url else "<a>" for url in urls]
