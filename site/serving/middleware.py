from django.conf import settings
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header

from sitewide.serving import paths
from sitewide.serving.outage import HEALTH_PATH, health, is_database_outage, unavailable_response

ADMIN_PREFIXES = paths.STAFF


def browser_admin_language(accept_language: str) -> str:
    """Before sign-in (the account is not known yet): Dutch for a browser that prefers Dutch,
    English for every other browser."""
    for code, _quality in parse_accept_lang_header(accept_language or ""):
        base = code.split("-")[0].lower()
        if base == "nl":
            return "nl"
        if base == "en":
            return "en"
    return "en"


def chosen_admin_language(user) -> str:
    """The admin language the account chose in its account settings, or ""."""
    from wagtail.users.models import UserProfile

    chosen = UserProfile.get_for_user(user).preferred_language
    return chosen if chosen in dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES) else ""


def account_admin_language(user) -> str:
    """A signed-in account's admin language: the one it chose in its account settings, otherwise
    the organisation's (`ADMIN_DEFAULT_LANGUAGE`, Dutch), whatever the browser prefers."""
    return chosen_admin_language(user) or settings.ADMIN_DEFAULT_LANGUAGE


def signed_in(request) -> bool:
    """Whether the session has passed both steps of the sign-in (password and code: django-otp's
    mark in the session). A password alone is not yet signed in: the two-factor screens come
    before the admin, like the sign-in page."""
    from django_otp import DEVICE_ID_SESSION_KEY

    user = getattr(request, "user", None)
    session = getattr(request, "session", None)
    return bool(
        user is not None
        and user.is_authenticated
        and session is not None
        and session.get(DEVICE_ID_SESSION_KEY)
    )


class AdminLanguageMiddleware:
    """The admin's language: the account's own choice, or Dutch for every staff account.

    Runs after authentication. Public pages take their language from the URL prefix; the admin
    has no prefix. Staff share one working language, so a signed-in account without a choice
    works in `ADMIN_DEFAULT_LANGUAGE` even when its browser prefers another one. Until the
    sign-in is complete (the sign-in page, and the two-factor screens after the password), the
    screens follow the browser (Dutch for a Dutch browser, else English), or the account's own
    choice once the password named it. Every admin view, Wagtail's and the project's own, then
    speaks the same language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(ADMIN_PREFIXES):
            user = getattr(request, "user", None)
            if signed_in(request):
                language = account_admin_language(user)
            else:
                chosen = chosen_admin_language(user) if user and user.is_authenticated else ""
                language = chosen or browser_admin_language(
                    request.META.get("HTTP_ACCEPT_LANGUAGE", "")
                )
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)


class DatabaseUnavailableMiddleware:
    """A 503 page with Retry-After, not a 500, when the database is down, locked or unreadable.

    Sits high in MIDDLEWARE, below the security headers and static files, above everything that
    may query. process_exception sees what views and template rendering raise; what other
    middleware raises reaches the 500 handler, which answers the same way (sitewide.views).
    It also answers /health/ itself, before any middleware below can query and fail first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == HEALTH_PATH:
            return health(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_outage(exception):
            return unavailable_response(request, exception)
        return None


# Paths that carry no language prefix: a 404 there is final, not a hint to add /nl/.
UNPREFIXED_PATHS = paths.UNPREFIXED


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware, except that it never redirects an unprefixed path's 404
    (for example an unknown API page) to the same path under /nl/, and leaves files without
    a language."""

    def process_response(self, request, response):
        if request.path_info.startswith(paths.API):
            # The API sets Content-Language (a page's own language) and Vary itself.
            return response
        if request.path_info.startswith((paths.MEDIA, paths.DOCUMENTS)):
            # A file has no language, and one copy serves readers of every language (a CDN
            # would otherwise keep one per Accept-Language).
            return response
        if response.status_code == 404 and request.path_info.startswith(UNPREFIXED_PATHS):
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
