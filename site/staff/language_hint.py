"""A word on the dashboard for staff whose browser asks for another language than the admin
speaks: every account works in Dutch unless it chose otherwise (sitewide.serving.middleware),
and a translator with an English browser should not have to guess where to change that. Said
in both admin languages, since the reader may not read the one shown."""

from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.users.models import UserProfile

from sitewide.serving.middleware import browser_admin_language


def differs_from_browser(request) -> bool:
    """The account made no choice, and its browser prefers the other admin language."""
    if UserProfile.get_for_user(request.user).preferred_language:
        return False
    asked = request.META.get("HTTP_ACCEPT_LANGUAGE", "")
    if not parse_accept_lang_header(asked):
        return False
    return browser_admin_language(asked) != translation.get_language()


class AdminLanguageHint(Component):
    name = "admin_language_hint"
    order = 10
    template_name = "sitewide/admin/admin_language_hint.html"

    def get_context_data(self, parent_context=None):
        current = translation.get_language()
        other = "en" if current == "nl" else "nl"
        return {"here": _hint(current), "other": other, "there": _hint(other, about=current)}


def _hint(language: str, about: str | None = None) -> str:
    """The hint in `language`, naming the admin's language (`about`, by default the same)."""
    with translation.override(language):
        name = translation.get_language_info(about or language)["name_translated"]
        return translation.gettext(
            "This admin speaks %(language)s for every account. To work in another language, "
            "choose it under Account, Preferences, Language."
        ) % {"language": name}


@hooks.register("construct_homepage_panels")
def add_admin_language_hint(request, panels):
    if differs_from_browser(request):
        panels.append(AdminLanguageHint())
