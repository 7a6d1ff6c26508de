"""Machine translation from the environment: DeepL, LibreTranslate, or (by default) none.

Read by the settings, so it imports nothing of Django's app machinery.
"""

from collections.abc import Mapping

from django.core.exceptions import ImproperlyConfigured

from sitewide.env import FALSE_WORDS, TRUE_WORDS

DEEPL = "sitewide.translation.machine.DeepLTranslator"
LIBRETRANSLATE = "wagtail_localize.machine_translators.libretranslate.LibreTranslator"


def _flag(environ: Mapping[str, str], name: str) -> bool:
    word = environ.get(name, "").strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {word!r}."
    )


def machine_translator_setting(environ: Mapping[str, str]) -> dict | None:
    """WAGTAILLOCALIZE_MACHINE_TRANSLATOR for this environment; None keeps it off.

    DEEPL_API_KEY (with DEEPL_FREE_API=1 for DeepL's free API), or LIBRETRANSLATE_URL (with
    LIBRETRANSLATE_API_KEY when the server asks for one). Both at once is a mistake, not a choice.
    """
    deepl_key = environ.get("DEEPL_API_KEY", "").strip()
    libre_url = environ.get("LIBRETRANSLATE_URL", "").strip().rstrip("/")
    if deepl_key and libre_url:
        raise ImproperlyConfigured(
            "Set DEEPL_API_KEY or LIBRETRANSLATE_URL for machine translation, not both."
        )
    if deepl_key:
        return {
            "CLASS": DEEPL,
            "OPTIONS": {"AUTH_KEY": deepl_key, "FREE_API": _flag(environ, "DEEPL_FREE_API")},
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
                "API_KEY": environ.get("LIBRETRANSLATE_API_KEY", "").strip(),
            },
        }
    if environ.get("LIBRETRANSLATE_API_KEY", "").strip():
        raise ImproperlyConfigured("LIBRETRANSLATE_API_KEY is set without LIBRETRANSLATE_URL.")
    return None
