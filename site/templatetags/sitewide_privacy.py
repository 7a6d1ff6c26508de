from django import template
from django.utils.translation import get_language

from sitewide.caching import chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def privacy_statement_url(context) -> str:
    """The address of the privacy statement in the reader's language, or "" without one.

    The page comes from the per-language settings (LanguageSettings.privacy_page), kept with them
    in the shared cache (sitewide.caching.chrome).
    """
    return chrome.privacy_url(get_language() or "", context.get("request"))
