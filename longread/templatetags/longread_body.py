"""`{% longread_body page.body shown_quote=... %}`: a page's body, made once and kept
(longread.fragments).
`{% longread_related heading_id="..." %}`: the page's related cards, kept the same way.
`{{ body|placed_once:shown_quote }}`: a body's blocks without repeated help boxes or related
lists, nor a quote block that repeats the quotation shown above the body.
`{{ html|relative_links_checked }}`: rich text whose relative links follow the link rule."""

from django import template
from django.utils.safestring import mark_safe

from longread import fragments
from longread.blocks import placed_once as _placed_once
from longread.rich_text import shown_address as _shown_address
from longread.rich_text import with_relative_links_checked

register = template.Library()

BODY_TEMPLATE = "longread/body.html"


@register.simple_tag(takes_context=True)
def longread_body(context, body, shown_quote=""):
    """The body's blocks as `longread/body.html` renders them with the page's context; kept by
    page, stored body, the teller's media consent and the quotation shown above the body (what
    the blocks read of the page)."""
    template_ = context.template.engine.get_template(BODY_TEMPLATE)

    def make():
        with context.push(body=body, shown_quote=shown_quote or ""):
            return str(template_.render(context))

    page = context.get("page")
    request = context.get("request")
    extra = context.get("media_allowed")
    if shown_quote:
        extra = [extra, shown_quote]
    html = fragments.kept("body-html", page, request, make, extra=extra)
    return mark_safe(html)  # noqa: S308  # nosec B308 B703  # made by the body's templates, which escape


RELATED_TEMPLATE = "longread/chrome/related.html"


@register.simple_tag(takes_context=True)
def longread_related(context, heading_id, heading=""):
    """The page's related stories (`related`, as the page hands them) as cards, or nothing
    when there are none; kept by page (its rows of related stories renew it) and heading."""
    template_ = context.template.engine.get_template(RELATED_TEMPLATE)

    def make():
        if not context.get("related"):
            return ""
        with context.push(heading_id=heading_id, heading=heading):
            return str(template_.render(context))

    page = context.get("page")
    request = context.get("request")
    html = fragments.kept_value("related-html", page, request, make, extra=[heading_id, heading])
    return mark_safe(html)  # noqa: S308  # nosec B308 B703  # made by the cards' template, which escapes


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
