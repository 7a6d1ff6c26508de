"""`{{ body|placed_once:shown_quote }}`: a body's blocks without repeated help boxes or related
lists, nor a quote block that repeats the quotation shown above the body.
`{{ html|relative_links_checked }}`: rich text whose relative links follow the link rule."""

from django import template

from longread.blocks import placed_once as _placed_once
from longread.rich_text import shown_address as _shown_address
from longread.rich_text import with_relative_links_checked

register = template.Library()


@register.filter
def placed_once(body, shown_quote=""):
    return _placed_once(body, shown_quote or "")


@register.filter
def relative_links_checked(html):
    return with_relative_links_checked(html)


@register.filter
def shown_address(address):
    """An address typed by staff (a website, a quick-exit or helpline address) as readers may
    follow it: empty when it leads to a page of this site that readers may not see."""
    return _shown_address(address or "")
