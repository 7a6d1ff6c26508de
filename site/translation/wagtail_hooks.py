"""Admin wiring of the translation workflow (imported by sitewide.wagtail_hooks, with every
concern's)."""

# isort: off
# The translation files' hooks register first, before wagtail-localize's (imported below) and
# this module's own.
from sitewide.translation import file_hooks  # noqa: F401 - PO/XLIFF translation files

# isort: on
import html
import json
import re

from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.log_actions import LogFormatter
from wagtail_localize import wagtail_hooks as localize_hooks

from sitewide.staff.translators import (
    is_moderator,
    may_convert_to_alias,
    may_sync,
    translator_languages,
)
from sitewide.translation import handoff, views
from sitewide.translation.machine import editor_without_machine, machine_translation_refusal
from sitewide.translation.memory import earlier_suggestions, suggest_earlier_translations
from sitewide.translation.models import TranslationNotice
from sitewide.translation.review import (
    review_problem,
    translation_of_page,
    unconfirmed_machine_translations,
)
from sitewide.translation.staleness import is_out_of_date


@hooks.register("register_admin_urls")
def translation_admin_urls():
    return [
        path("translations/", views.dashboard, name="sitewide_translation_status"),
        path("translations/export.csv", views.export_csv, name="sitewide_translation_csv"),
        path(
            "translations/<int:translation_id>/review/",
            views.review_segments,
            name="sitewide_translation_review",
        ),
        path(
            "translations/<int:translation_id>/review/confirm/",
            views.confirm_segments,
            name="sitewide_translation_confirm",
        ),
        path(
            "translations/start/<int:page_id>/",
            handoff.start_translation,
            name="sitewide_translation_start",
        ),
        path(
            "translations/ready/<int:page_id>/",
            handoff.ready_for_review,
            name="sitewide_translation_ready",
        ),
        path(
            "translations/send-back/<int:page_id>/",
            handoff.send_back,
            name="sitewide_translation_send_back",
        ),
        path(
            "translations/notices/<int:notice_id>/dismiss/",
            views.dismiss_notice,
            name="sitewide_translation_notice_dismiss",
        ),
    ]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request):
        return views.may_see_status(request.user)


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return TranslationsMenuItem(
        gettext_lazy("Translations"),
        reverse("sitewide_translation_status"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=250,
    )


@hooks.register("before_edit_page", order=-10)
def guard_translation_editor(request, page):
    """Before wagtail-localize's translation editor (order 0): publishing waits for the review
    of machine-translated segments, and a testimony without consent to machine translation gets
    an editor without the machine translation button."""
    translation = translation_of_page(page)
    if translation is None:
        return None
    if request.method == "POST" and request.POST.get("action") == "publish":
        problem = review_problem(translation)
        if problem:
            review = reverse("sitewide_translation_review", args=[translation.pk])
            waiting = unconfirmed_machine_translations(translation).exists()
            messages.error(
                request, problem, buttons=[messages.button(review, _("Review"))] if waiting else []
            )
            return redirect("wagtailadmin_pages:edit", page.pk)
    if request.method == "GET":
        tell_what_changed(request, translation)
    if machine_translation_refusal(translation):
        with editor_without_machine():
            response = localize_hooks.before_edit_page(request, page)
    else:
        response = localize_hooks.before_edit_page(request, page)
    if response is not None and no_alias_conversion(request.user, page):
        without_actions(response, stop=not may_sync(request.user))
    return response


def tell_what_changed(request, translation) -> None:
    """Above the translation editor: whether the Dutch page changed since this translation was
    last updated, and which segments carry their earlier translation as a suggestion."""
    review = messages.button(
        reverse("sitewide_translation_review", args=[translation.pk]), _("Review")
    )
    if is_out_of_date(translation):
        messages.warning(
            request,
            _(
                "The Dutch page was published again after this translation was last updated: "
                "what changed is not in this editor yet. A moderator updates it (Sync translated "
                "pages); each changed segment then shows its earlier translation as a suggestion."
            ),
        )
    suggest_earlier_translations(translation)
    waiting = earlier_suggestions(unconfirmed_machine_translations(translation)).count()
    if waiting:
        messages.info(
            request,
            ngettext(
                "%(count)d segment changed in Dutch since it was translated. It shows its "
                "earlier translation as a suggestion: check it against the new Dutch text and "
                "correct it here, or confirm it under Review.",
                "%(count)d segments changed in Dutch since they were translated. Each shows its "
                "earlier translation as a suggestion: check them against the new Dutch text and "
                "correct them here, or confirm them under Review.",
                waiting,
            )
            % {"count": waiting},
            buttons=[review],
        )


def no_alias_conversion(user, page) -> bool:
    """Whose editor offers no "Convert to alias page": translators' (their work would be
    replaced by the Dutch text), and nobody's on a testimony (sitewide.staff.role_hooks refuses
    it)."""
    return not may_convert_to_alias(user, page)


PROPS = re.compile(rb'data-props="([^"]*)"')


def without_actions(response, stop: bool) -> None:
    """The translation editor (React) draws its actions from its props: drop the conversion
    into an alias, and for translators "Stop synced translation" (a moderator's decision)."""
    if getattr(response, "streaming", False) or not hasattr(response, "content"):
        return
    if hasattr(response, "render") and not getattr(response, "is_rendered", True):
        response.render()

    def rewrite(match):
        props = json.loads(html.unescape(match.group(1).decode()))
        links = props.get("links") or {}
        if links.get("convertToAliasUrl"):
            links["convertToAliasUrl"] = None
        if stop and links.get("stopTranslationUrl"):
            links["stopTranslationUrl"] = None
        return b'data-props="' + html.escape(json.dumps(props), quote=True).encode() + b'"'

    response.content = PROPS.sub(rewrite, response.content, count=1)


class TranslationNoticesPanel(Component):
    name = "translation_notices"
    order = 60
    template_name = "sitewide/admin/translation_notices_panel.html"

    def __init__(self, notices):
        self.notices = notices

    def get_context_data(self, parent_context=None):
        return {"notices": self.notices}


@hooks.register("construct_homepage_panels")
def add_translation_notices_panel(request, panels):
    notices = list(
        TranslationNotice.objects.open_for(request.user).select_related("page", "locale")
    )
    if notices:
        panels.append(TranslationNoticesPanel(notices))


@hooks.register("register_log_actions")
def register_handoff_log_actions(actions):
    actions.register_action(
        handoff.READY,
        gettext_lazy("Ready for review"),
        gettext_lazy("Translation ready for review"),
    )

    @actions.register_action(handoff.SENT_BACK)
    class SentBack(LogFormatter):
        label = gettext_lazy("Send translation back")

        def format_message(self, log_entry):
            return _("Translation sent back: %(comment)s") % {
                "comment": (log_entry.data or {}).get("comment", "")
            }


class TranslatorQueuePanel(Component):
    name = "translator_queue"
    order = 40
    template_name = "sitewide/admin/translator_queue_panel.html"

    def __init__(self, queue):
        self.queue = queue

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        return {**self.queue, "csrf_token": get_token(request), "next": request.get_full_path()}


class ReviewQueuePanel(Component):
    name = "translation_review_queue"
    order = 45
    template_name = "sitewide/admin/review_queue_panel.html"

    def __init__(self, queue):
        self.queue = queue

    def get_context_data(self, parent_context=None):
        request = parent_context["request"]
        return {
            "queue": self.queue,
            "csrf_token": get_token(request),
            "next": request.get_full_path(),
        }


@hooks.register("construct_homepage_panels")
def add_translation_queues(request, panels):
    if translator_languages(request.user):
        panels.append(TranslatorQueuePanel(handoff.translator_queue(request.user)))
    if is_moderator(request.user):
        queue = handoff.awaiting_review()
        if queue:
            panels.append(ReviewQueuePanel(queue))
