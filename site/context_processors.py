import functools

from django.utils.translation import get_language

from sitewide.caching import chrome
from sitewide.languages import text_direction


def site_chrome(request):
    """What every public template needs: per-language settings and the text direction.

    The settings come from the shared cache (sitewide.caching.chrome) and are read lazily, so
    templates that never show them cost nothing.
    """
    language = get_language() or "nl"

    @functools.cache  # templates call it many times per page
    def language_settings():
        return chrome.language_settings(language, request)

    @functools.cache
    def safety_url():
        return chrome.safety_url(language, request)

    @functools.cache
    def help_overrides():
        """Staff's own words for the safety-critical labels, only from this language's own
        settings: a language that falls back to Dutch settings keeps its translated labels."""
        settings = language_settings()
        if not settings or settings.locale.language_code != language:
            return {}
        return {
            "quick_exit_label": settings.quick_exit_label,
            "help_title": settings.help_title,
        }

    return {
        "help_overrides": help_overrides,
        "safety_url": safety_url,
        "language_settings": language_settings,
        # Handed to longread's help boxes, which know nothing of the site's settings model.
        "referral": language_settings,
        "text_direction": text_direction(language),
    }
