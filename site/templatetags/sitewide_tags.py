from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from sitewide.homes import language_homes
from stories import consent

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in other languages: only live translations readers may see.

    Without a page (search, errors), each language's home page is offered instead.
    """
    names = dict(settings.LANGUAGES)
    current = get_language()
    if page is not None and getattr(page, "pk", None):
        pages = consent.visible_pages(
            Page.objects.filter(translation_key=page.translation_key), consent.WEBSITE
        )
    else:
        pages = language_homes(context.get("request"))
    links = []
    for translation in pages.select_related("locale"):
        code = translation.locale.language_code
        if code in names:
            links.append(
                {
                    "code": code,
                    "name": names[code],
                    "url": translation.url,
                    "current": code == current,
                }
            )
    links.sort(key=lambda link: list(names).index(link["code"]))
    return {"links": links if len(links) > 1 else []}


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The header menu: pages marked 'show in menus' directly under this language's home."""
    request = context.get("request")
    home = language_homes(request).filter(locale=Locale.get_active()).first()
    if home is None:
        return Page.objects.none()
    return consent.visible_pages(home.get_children().filter(show_in_menus=True), consent.WEBSITE)


@register.simple_tag(takes_context=True)
def home_url(context):
    home = language_homes(context.get("request")).filter(locale=Locale.get_active()).first()
    return home.url if home else "/"
