from django.utils.translation import get_language

from sitewide.languages import text_direction


def site_chrome(request):
    """What every public template needs: per-language settings and the text direction.

    The settings are read lazily, so templates that never show them cost no query.
    """
    language = get_language() or "nl"

    def language_settings():
        from sitewide.models import LanguageSettings

        return LanguageSettings.for_language(language)

    return {
        "language_settings": language_settings,
        "text_direction": text_direction(language),
    }
