"""The languages the site publishes in, from one setting (SITE_LANGUAGES)."""

from django.core.exceptions import ImproperlyConfigured

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
DEFAULT_LANGUAGES = "nl,en"
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


def text_direction(language_code: str) -> str:
    return "rtl" if language_code in RIGHT_TO_LEFT else "ltr"
