"""`{% other_language_attributes code %}`: lang and dir for a passage in another language.
`{% link_language url as code %}`: the language of a link into this site, when it is another.

A quote may be in another language than the page around it (a teller's own words, kept as they
were said). Screen readers then switch voice, and a right-to-left quote on a left-to-right page
(or the reverse) runs the right way. Nothing is written when the passage is in the page's language.
"""

from django import template
from django.conf import settings
from django.conf.locale import LANG_INFO
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

# Right-to-left languages Django's own table does not mark (it knows ar, fa, he, ur, ug, ckb).
MORE_RIGHT_TO_LEFT = {"ps", "yi", "dv", "sd", "syr", "ku-arab"}


def direction(language_code: str) -> str:
    code = language_code.lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in MORE_RIGHT_TO_LEFT or LANG_INFO.get(candidate, {}).get("bidi"):
            return "rtl"
    return "ltr"


@register.simple_tag
def other_language_attributes(language_code):
    code = (language_code or "").strip().lower()
    if not code or code == (get_language() or "").lower():
        return ""
    return format_html(' lang="{}" dir="{}"', code, direction(code))


@register.simple_tag
def link_language(url):
    """The language of a link into this site (its address's first segment) when it is not the
    page's, else "". A page missing in the reader's language links its English version
    (sitewide.caching.chrome); the link then says so, and a reader at risk knows before following
    it."""
    path = str(url or "")
    if not path.startswith("/"):
        return ""
    code = path.strip("/").split("/", 1)[0].lower()
    if code not in {language.lower() for language, _name in settings.LANGUAGES}:
        return ""
    return "" if code == (get_language() or "").lower() else code
