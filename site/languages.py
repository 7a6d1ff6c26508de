"""The languages the site publishes in, from one setting (SITE_LANGUAGES)."""

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import lazy
from django.utils.translation import get_language_info

# Every language the project supports, with its name in that language. The source language
# (Dutch) comes first; SITE_LANGUAGES chooses which of these a deployment serves.
KNOWN_LANGUAGES = {
    "nl": "Nederlands",
    "en": "English",
    "de": "Deutsch",
    "fr": "Français",
    "es": "Español",
    "ro": "Română",
    "sr-latn": "Srpski (latinica)",
    "hu": "Magyar",
    "bg": "Български",
    "ar": "العربية",
}
RIGHT_TO_LEFT = {"ar"}
# All of them, so `make run` shows every language (and right-to-left Arabic) out of the box.
DEFAULT_LANGUAGES = ",".join(KNOWN_LANGUAGES)
SOURCE_LANGUAGE = "nl"


def configured_languages(raw: str | None) -> list[tuple[str, str]]:
    codes = [code.strip().lower() for code in (raw or DEFAULT_LANGUAGES).split(",") if code.strip()]
    unknown = [code for code in codes if code not in KNOWN_LANGUAGES]
    if unknown:
        raise ImproperlyConfigured(
            f"SITE_LANGUAGES names unknown languages: {', '.join(unknown)}. "
            f"Known: {', '.join(KNOWN_LANGUAGES)}."
        )
    if not codes or codes[0] != SOURCE_LANGUAGE:
        raise ImproperlyConfigured(
            f"SITE_LANGUAGES must start with the source language {SOURCE_LANGUAGE!r}."
        )
    return [(code, KNOWN_LANGUAGES[code]) for code in dict.fromkeys(codes)]


def _name_in_active_language(code: str) -> str:
    return str(get_language_info(code)["name_translated"])


def staff_language_names(languages: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The languages with each name in the language of whoever reads it ("Engels" in the Dutch
    admin, "Dutch" in the English one), for WAGTAIL_CONTENT_LANGUAGES: Wagtail, wagtail-localize
    and the project's admin screens name locales by these. Readers choose a language by its own
    name (`LANGUAGES`, the language switcher)."""
    return [(code, lazy(_name_in_active_language, str)(code)) for code, _name in languages]


def text_direction(language_code: str) -> str:
    return "rtl" if language_code in RIGHT_TO_LEFT else "ltr"


def ensure_locales(**kwargs) -> None:
    """A Wagtail locale for every configured language (run after each migrate): the admin
    offers translation only into languages that have one."""
    from django.conf import settings
    from wagtail.models import Locale

    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def fall_back_to_english() -> None:
    """Interface strings missing from a language's catalogue show the English msgid.

    Django falls back to LANGUAGE_CODE's catalogue, which here is Dutch, the content's source
    language: a German reader would get Dutch buttons. The msgids are English, so no fallback
    catalogue at all gives English. Django's own strings still come from its own catalogues.
    """
    from django.utils.translation import trans_real

    def no_fallback(self, localedirs=None):
        return None

    trans_real.DjangoTranslation._add_fallback = no_fallback
    trans_real._translations = {}
