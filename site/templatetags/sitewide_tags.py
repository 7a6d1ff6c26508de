from django import template
from django.conf import settings
from django.utils import translation
from django.utils.translation import get_language, gettext
from wagtail.models import Page

from longread import fragments
from sitewide import languages
from sitewide.caching import chrome
from stories import consent

register = template.Library()


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, page=None):
    """Links to this page in other languages: only live translations readers may see.

    Without a page (search, errors), each language's home page is offered instead.
    """
    request = context.get("request")
    if page is not None and getattr(page, "pk", None):
        # Kept as a body is (longread.fragments): the page's translations renew its group, a
        # translation or language home shown or hidden the visibility, a consent the objects.
        links = fragments.kept_value(
            "language-links", page, request, lambda: _language_links(request, page)
        )
    else:
        links = _language_links(request, None)
    return {"links": links}


def _language_links(request, page) -> list[dict]:
    names = dict(settings.LANGUAGES)
    current = get_language()
    if page is not None:
        # Whether a story's translation may be shown is consent's call (kept, above).
        pages = consent.visible_pages(
            Page.objects.filter(translation_key=page.translation_key), consent.WEBSITE
        ).select_related("locale")
        # Only under a live language home: below an offline one, the address answers 404.
        homes = [home["path"] for home in chrome.language_homes(request)]
        found = [
            (p.locale.language_code, p.get_url(request))
            for p in pages
            if p.path.startswith(tuple(homes))
        ]
        # A language this page is not in still leads somewhere: its home page, said so in that
        # language, so a reader who followed a link into another language can go back.
        have = {code for code, _url in found}
        fallbacks = [
            (home["language"], home["url"])
            for home in chrome.language_homes(request)
            if home["language"] not in have
        ]
    else:
        found = [(home["language"], home["url"]) for home in chrome.language_homes(request)]
        fallbacks = []
    links = [
        {"code": code, "name": names[code], "url": url, "current": code == current}
        for code, url in found
        if code in names
    ]
    for code, url in fallbacks:
        if code in names:
            with translation.override(code):
                label = gettext("home page")
            links.append({"code": code, "name": names[code], "url": url, "home": label})
    links.sort(key=lambda link: list(names).index(link["code"]))
    return links if len(links) > 1 else []


@register.simple_tag(takes_context=True)
def menu_pages(context):
    """The header menu: pages marked 'show in menus' directly under this language's home, as
    {"title", "url", "pk"} (from the shared cache)."""
    request = context.get("request")
    if request is None:
        return []
    return chrome.menu(request, get_language())


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    home = chrome.home(request, get_language()) if request is not None else None
    return home["url"] if home else "/"


@register.filter
def text_direction(language_code):
    """The text direction, rtl or ltr, of a language code (sitewide.languages)."""
    return languages.text_direction(language_code or "")


class KeptChromeNode(template.Node):
    def __init__(self, name: str, variables, nodelist):
        self.name, self.variables, self.nodelist = name, variables, nodelist

    def render(self, context):
        request = context.get("request")
        if request is None:
            return self.nodelist.render(context)
        values = ":".join(str(variable.resolve(context)) for variable in self.variables)
        return chrome.kept_markup(
            f"{self.name}:{values}",
            request,
            lambda: self.nodelist.render(context),
            page=context.get("page"),
        )


@register.tag("kept_chrome")
def kept_chrome(parser, token):
    """`{% kept_chrome "name" [value ...] %}…{% endkept_chrome %}`: markup that shows the chrome
    alone (the bar's menus, the footer), kept per language (sitewide.caching.chrome.kept_markup)
    and per value given (what the markup reads of the page, e.g. whether it shows a help box).
    Nothing inside may read anything else of the page, nor anything consent decides."""
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError(
            'Usage: {% kept_chrome "name" [value ...] %}…{% endkept_chrome %}'
        )
    variables = [parser.compile_filter(bit) for bit in bits[2:]]
    nodelist = parser.parse(("endkept_chrome",))
    parser.delete_first_token()
    return KeptChromeNode(bits[1][1:-1], variables, nodelist)
