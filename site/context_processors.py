import functools

from django.utils.translation import get_language

from sitewide.languages import text_direction


def site_chrome(request):
    """What every public template needs: per-language settings and the text direction.

    The settings are read lazily, so templates that never show them cost no query.
    """
    language = get_language() or "nl"

    @functools.cache  # templates call it many times per page: one query per request
    def language_settings():
        from sitewide.models import LanguageSettings

        return LanguageSettings.for_language(language)

    @functools.cache
    def safety_url():
        settings = language_settings()
        page = settings.safety_page if settings else None
        return page.localized.url if page and page.live else ""

    return {
        "safety_url": safety_url,
        "language_settings": language_settings,
        # Handed to longread's help boxes, which know nothing of the site's settings model.
        "referral": language_settings,
        "text_direction": text_direction(language),
    }
