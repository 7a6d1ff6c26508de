"""Admin hooks of the staff roles (sitewide.roles): the language limit of translators on the
views Wagtail and wagtail-localize do not check per record, and the consent check of a
translation's publish button before anything is saved."""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.shortcuts import redirect
from wagtail import hooks
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from sitewide.roles import may_edit_in_its_language


@hooks.register("before_edit_snippet", order=-20)
def refuse_snippets_of_other_languages(request, instance):
    """Wagtail's snippet edit view checks the model permission only; wagtail-localize's
    translation editor (its own before_edit_snippet hook, after this one) none at all."""
    if isinstance(instance, TranslatableMixin) and not may_edit_in_its_language(
        request.user, instance, "change"
    ):
        raise PermissionDenied


@hooks.register("before_delete_snippet", order=-20)
def refuse_deleting_snippets_of_other_languages(request, instances):
    for instance in instances:
        if isinstance(instance, TranslatableMixin) and not may_edit_in_its_language(
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
        match = request.resolver_match
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
        if not may_edit_in_its_language(request.user, instance, "change"):
            raise PermissionDenied
        return None
