from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

ADMIN_PREFIXES = ("/admin/", "/cms-login/")


def preferred_admin_language(accept_language: str) -> str:
    """Dutch for staff whose browser prefers Dutch, English for everybody else."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        base = code.split("-")[0].lower()
        if base == "nl":
            return "nl"
        if base == "en":
            return "en"
    return "en"


class AdminLanguageMiddleware:
    """The admin speaks Dutch to Dutch staff and English to others.

    Runs after LocaleMiddleware. Public pages take their language from the URL prefix; the admin
    has no prefix, and the site's default language (Dutch) is the wrong fallback there. A user's
    own preference in their Wagtail profile still wins, since Wagtail applies it per view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIXES):
            language = preferred_admin_language(request.META.get("HTTP_ACCEPT_LANGUAGE", ""))
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
