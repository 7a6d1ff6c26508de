from django import template

from sitewide.serving.security import nonce_attribute

register = template.Library()


@register.simple_tag
def csp_nonce():
    """` nonce="…"` for an admin inline script, from the request being answered.

    Form widgets render without the request, so this reads it from the CSP middleware rather than
    from the template context.
    """
    return nonce_attribute()
