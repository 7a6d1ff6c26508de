"""Admin hooks of the staff roles (sitewide.staff.roles): the language limit of translators on the
views Wagtail and wagtail-localize do not check per record, and the consent check of a
translation's publish button before anything is saved. What translators may do (and which of the
editor's actions they see) is decided in sitewide.staff.translators; these hooks ask it."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from sitewide.staff import translators
from sitewide.staff.two_factor import ADMIN_PREFIX
from stories.models import TestimonyPage

# What translators may not do, by wagtail-localize's view names: turn a translation back into
# an alias of the Dutch page (the Dutch text would appear under the translation's language),
# and sync translations (which replaces their source text).
CONVERT_TO_ALIAS = "wagtail_localize:convert_to_alias"
SYNC_VIEWS = (
    "wagtail_localize:update_translations",
    "sitewide_update_translations",
    "wagtail_localize:stop_translation",
)


def refused_page_action(request, match) -> str | None:
    """Why this request may not do what it asks, or None."""
    name = match.view_name
    if name == CONVERT_TO_ALIAS:
        page = Page.objects.filter(pk=match.kwargs.get("page_id")).first()
        if page is not None and page.specific_class is TestimonyPage:
            return gettext(
                "A translation of a testimony cannot become an alias of the Dutch page: the "
                "Dutch text would be shown under another language. Edit the translation instead."
            )
        if not translators.may_convert_to_alias(request.user, page):
            return gettext(
                "Translators do not convert pages into aliases. Ask a moderator if this "
                "translation should go."
            )
    if name in SYNC_VIEWS and not translators.may_sync(request.user):
        return gettext(
            "Translators do not sync translations with the Dutch page, nor stop syncing them. "
            "A moderator or editor does this when the Dutch text changes."
        )
    return None


@hooks.register("before_edit_snippet", order=-20)
def refuse_snippets_of_other_languages(request, instance):
    """Wagtail's snippet edit view checks the model permission only; wagtail-localize's
    translation editor (its own before_edit_snippet hook, after this one) none at all."""
    if isinstance(instance, TranslatableMixin) and not translators.may_edit_record(
        request.user, instance, "change"
    ):
        raise PermissionDenied


@hooks.register("before_delete_snippet", order=-20)
def refuse_deleting_snippets_of_other_languages(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not translators.may_edit_record(
            request.user, instance, "delete"
        ):
            raise PermissionDenied


@hooks.register("before_edit_page", order=-20)
def refuse_publishing_a_translation_consent_does_not_cover(request, page):
    """wagtail-localize's "Publish" saves the translated page and publishes it after commit,
    where TestimonyPage.publish() refuses it; this asks the same rule first, so the publisher
    gets the reason as a message and nothing is saved. Users who may not publish at all get
    wagtail-localize's own refusal (and learn nothing about the consent)."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    specific = page.specific
    if not hasattr(specific, "publish_problem"):
        return None
    if not Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).exists():
        return None  # the ordinary edit form, whose own clean() asks the rule
    if not page.permissions_for_user(request.user).can_publish():
        return None
    problem = specific.publish_problem(None, None)
    if problem:
        messages.error(request, problem)
        return redirect(request.path)
    return None


class TranslatorScopeMiddleware:
    """wagtail-localize's translation endpoints (strings, overrides, PO files, machine
    translation, stop) ask only whether the user may edit the snippet *type*; for a snippet
    record the language limit of translators is checked here, by the URL's translation."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not request.path.startswith(ADMIN_PREFIX):
            # Readers' pages never touch the session (it would make them vary on Cookie and
            # keep them out of the page cache).
            return None
        match = request.resolver_match
        refusal = match and request.user.is_authenticated and refused_page_action(request, match)
        if refusal:
            messages.error(request, refusal)
            back = request.META.get("HTTP_REFERER", "")
            if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
                back = reverse("wagtailadmin_home")
            return redirect(back)
        if (
            match is None
            or "wagtail_localize" not in match.namespaces
            or "translation_id" not in view_kwargs
            or not request.user.is_authenticated
        ):
            return None
        translation = Translation.objects.filter(pk=view_kwargs["translation_id"]).first()
        if translation is None:
            return None  # the view answers 404
        try:
            instance = translation.get_target_instance()
        except ObjectDoesNotExist:
            return None
        if isinstance(instance, Page):
            return None  # Wagtail's page permissions already hold the language limit
        if not translators.may_edit_record(request.user, instance, "change"):
            raise PermissionDenied
        return None
