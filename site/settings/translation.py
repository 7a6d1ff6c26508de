"""Languages (SITE_LANGUAGES), the admin's language, dates and numbers, and the translation
workflow (wagtail-localize, machine translation)."""

from sitewide.environment import BASE_DIR, env
from sitewide.languages import configured_languages, staff_language_names
from sitewide.translation.config import machine_translator_setting

# One setting (SITE_LANGUAGES) lists the languages; the first is the source language.
LANGUAGES = configured_languages(env("SITE_LANGUAGES"))
LANGUAGE_CODE = LANGUAGES[0][0]
# Staff read language names in their own language ("Nederlands naar Engels"); readers choose by
# each language's own name (LANGUAGES).
WAGTAIL_CONTENT_LANGUAGES = staff_language_names(LANGUAGES)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
# Wagtail's sign-in form with the password field named in the admin's language.
WAGTAILADMIN_USER_LOGIN_FORM = "sitewide.staff.sign_in.SignInForm"
# Staff accounts work in Dutch unless they choose English in their account settings, whatever
# their browser prefers (sitewide.serving.middleware.AdminLanguageMiddleware).
ADMIN_DEFAULT_LANGUAGE = "nl"
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
LOCALE_PATHS = [BASE_DIR / "site" / "locale"]
# Dates and numbers follow the active language (Django's formats), except where sitewide.formats
# says otherwise (English dates in European order).
FORMAT_MODULE_PATH = ["sitewide.formats"]
# A translation never goes live by itself: a person publishes it.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation in the translation editor: off unless DEEPL_API_KEY or LIBRETRANSLATE_URL
# is set (sitewide.translation.config). Machine-translated segments wait for a person's review.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting()
