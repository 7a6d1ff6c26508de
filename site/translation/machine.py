"""Machine translation: configured by environment (config.py), refused for testimonies whose
teller did not allow it, and never the last word (review.py: a person confirms each segment).
"""

import contextvars
import logging
from contextlib import contextmanager

import requests
from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators import deepl, get_machine_translator
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import edit_translation
from wagtail_localize.views.update_translations import UpdateTranslationsView

from sitewide.staff.translators import may_edit_translation
from sitewide.translation.memory import suggest_earlier_translations
from sitewide.translation.review import unconfirmed_machine_translations
from stories.models import TestimonyPage

logger = logging.getLogger(__name__)

DEEPL_FREE_ENDPOINT = "https://api-free.deepl.com/v2/translate"


class DeepLTranslator(deepl.DeepLTranslator):
    """wagtail-localize's DeepL translator, told by DEEPL_FREE_API (not only by the key's
    `:fx` ending) to use DeepL's free API."""

    def get_api_endpoint(self):
        if self.options.get("FREE_API"):
            return DEEPL_FREE_ENDPOINT
        return super().get_api_endpoint()


def machine_translation_refusal(translation: Translation) -> str | None:
    """Why this translation may not be machine-translated, or None.

    A testimony is the teller's own story: only their consent record can allow sending it to a
    machine translation service. Other pages may be machine-translated.
    """
    model = translation.source.specific_content_type.model_class()
    if model is None or not issubclass(model, TestimonyPage):
        return None
    story = (
        TestimonyPage.objects.filter(
            translation_key=translation.source.object_id, locale_id=translation.source.locale_id
        )
        .select_related("consent")
        .first()
    )
    if story is not None and story.consent is not None and story.consent.allows_machine_translation:
        return None
    return _(
        "Machine translation is not allowed for this testimony: the teller's consent record "
        "does not allow it. Translate it by hand."
    )


# While set, the translation editor offers no machine translation (see `editor_without_machine`).
_machine_translation_withheld = contextvars.ContextVar(
    "machine_translation_withheld", default=False
)


@contextmanager
def editor_without_machine():
    token = _machine_translation_withheld.set(True)
    try:
        yield
    finally:
        _machine_translation_withheld.reset(token)


def withhold_machine_translator_from_editor() -> None:
    """The translation editor asks `get_machine_translator()` (a name in its own module) whether
    to show its machine translation button. Let it answer None while the editor is rendered for
    a translation that may not be machine-translated (sitewide.translation.wagtail_hooks)."""
    if getattr(edit_translation.get_machine_translator, "_withheld", False):
        return
    configured = edit_translation.get_machine_translator

    def get_machine_translator():
        if _machine_translation_withheld.get():
            return None
        return configured()

    get_machine_translator._withheld = True
    edit_translation.get_machine_translator = get_machine_translator


@require_admin_access
@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's machine translation view (this URL comes first), after the consent
    check; then tells the person how many segments now wait for review."""
    translation = get_object_or_404(Translation.objects.select_related("source"), pk=translation_id)
    target = translation.get_target_instance()
    # This address is outside wagtail-localize's namespace, so the translators' language limit
    # on snippets (sitewide.staff.role_hooks.TranslatorScopeMiddleware) is asked here too.
    if not may_edit_translation(request.user, target):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    refusal = machine_translation_refusal(translation)
    if refusal:
        messages.error(request, refusal)
        return redirect(next_url)
    try:
        response = edit_translation.machine_translate(request, translation_id)
    except (requests.RequestException, KeyError, ValueError):
        logger.exception("Machine translation of translation %s failed", translation_id)
        messages.error(
            request,
            _("The machine translation service did not answer as expected. Nothing was changed."),
        )
        return redirect(next_url)
    waiting = unconfirmed_machine_translations(translation).count()
    if waiting:
        messages.warning(
            request,
            ngettext(
                "%(count)d machine-translated segment needs a person's review before this "
                "translation can be published.",
                "%(count)d machine-translated segments need a person's review before this "
                "translation can be published.",
                waiting,
            )
            % {"count": waiting},
            buttons=[
                messages.button(
                    reverse("sitewide_translation_review", args=[translation.pk]), _("Review")
                )
            ],
        )
    return response


_update_translations = UpdateTranslationsView.as_view()


def _checked(request, name: str) -> bool:
    return forms.CheckboxInput().value_from_datadict(request.POST, {}, name)


@require_admin_access
def update_translations(request, translation_source_id):
    """wagtail-localize's "Sync translated pages" (this URL comes first). Its form can machine-
    translate and publish every translation at once: the consent check and the review apply
    there too, so neither ticks past them."""
    if request.method == "POST":
        if not request.user.has_perms(["wagtail_localize.submit_translation"]):
            raise PermissionDenied
        source = get_object_or_404(TranslationSource, pk=translation_source_id)
        translations = list(source.translations.filter(enabled=True).select_related("source"))
        machine = _checked(request, "use_machine_translation") and get_machine_translator()
        publish = _checked(request, "publish_translations")
        problem = None
        if machine and translations:
            problem = machine_translation_refusal(translations[0])  # one source, one consent
        if not problem and publish and machine:
            problem = _(
                "Machine translations are reviewed before they are published: sync with "
                "machine translation without publishing, review the segments, then publish."
            )
        if not problem and publish:
            waiting = [t for t in translations if unconfirmed_machine_translations(t).exists()]
            if waiting:
                problem = _(
                    "Nothing was synced: machine-translated segments of %(languages)s need a "
                    "person's review before publication. Sync without publishing, or review first."
                ) % {
                    "languages": ", ".join(str(t.target_locale.get_display_name()) for t in waiting)
                }
        if problem:
            messages.error(request, problem)
            return redirect(request.get_full_path())
        response = _update_translations(request, translation_source_id=translation_source_id)
        if response.status_code == 302:
            # Synced: each changed segment gets its earlier translation as a suggestion.
            for translation in translations:
                suggest_earlier_translations(translation)
        return response
    return _update_translations(request, translation_source_id=translation_source_id)
