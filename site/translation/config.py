"""Machine translation from the environment: DeepL, LibreTranslate, or (by default) none.

Read by the settings, so it imports nothing of Django's app machinery. The variables, their types
and their errors are the schema's (sitewide.environment).
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import Environment

DEEPL = "sitewide.translation.machine.DeepLTranslator"
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"


def machine_translator_setting(environ: Mapping[str, str] | None = None) -> dict | None:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for the environment (or a given mapping); None keeps it
    off.

    DEEPL_API_KEY (with DEEPL_FREE_API=1 for DeepL's free API), or LIBRETRANSLATE_URL (with
    LIBRETRANSLATE_API_KEY when the server asks for one). Both at once is a mistake, not a choice.
    """
    env = Environment(environ)  # None: the process's environment
    deepl_key = env("DEEPL_API_KEY")
    libre_url = env("LIBRETRANSLATE_URL").rstrip("/")
    if deepl_key and libre_url:
        raise ImproperlyConfigured(
            "Set DEEPL_API_KEY or LIBRETRANSLATE_URL for machine translation, not both."
        )
    if deepl_key:
        return {
            "CLASS": DEEPL,
            "OPTIONS": {"AUTH_KEY": deepl_key, "FREE_API": env("DEEPL_FREE_API")},
        }
    if libre_url:
        if not libre_url.startswith(("https://", "http://")):
            raise ImproperlyConfigured(
                f"LIBRETRANSLATE_URL must be an http(s) address; got {libre_url!r}."
            )
        return {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libre_url,
                "API_KEY": env("LIBRETRANSLATE_API_KEY"),
            },
        }
    if env("LIBRETRANSLATE_API_KEY"):
        raise ImproperlyConfigured("LIBRETRANSLATE_API_KEY is set without LIBRETRANSLATE_URL.")
    return None
