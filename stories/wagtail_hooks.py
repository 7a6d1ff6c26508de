from django.conf import settings
from django.contrib import messages
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from longread.concerns import import_concern_modules
from stories.models import (
    Organisation,
    TestimonyPage,
)
from stories.status_panel import unpublished_ancestors
from stories.workflow import SubmitToNamedWorkflow

# Every concern's hooks (its `wagtail_hooks.py`: reach, teller, ...), in name order, before this
# module's own.
import_concern_modules("stories", "wagtail_hooks")


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["name", "country", "city"]
    list_filter = ["country", "locale"]
    search_fields = ["name"]


register_snippet(OrganisationViewSet)


# Before the translation editor takes over (sitewide.translation, order -10).
@hooks.register("before_edit_page", order=-20)
def say_when_readers_cannot_reach_the_page(request, page):
    """A published page under a page that is not (a new language's home or index, still a
    draft) is out of readers' reach: the editor says so, above the page, after publishing."""
    if request.method != "GET" or not page.live:
        return None
    above = unpublished_ancestors(page)
    if above:
        messages.warning(
            request,
            _(
                "Readers cannot reach this page yet: it is published, but %(pages)s above it "
                "in %(language)s is not. Publish (or translate and publish) those first."
            )
            % {
                "pages": ", ".join(f"“{p.title}”" for p in above),
                "language": page.locale.get_display_name(),
            },
        )
    return None


@hooks.register("register_log_actions")
def register_publish_log_actions(actions):
    actions.register_action("stories.publish_refused")(PublishRefusedFormatter)


class PublishRefusedFormatter(LogFormatter):
    """A refused publication in the page's history and the scheduled publishing log: the
    reason, in the reader's admin language."""

    label = _("Refuse publishing")

    def format_message(self, log_entry):
        reasons = (log_entry.data or {}).get("reasons") or {}
        language = translation.get_language() or settings.LANGUAGE_CODE
        reason = reasons.get(language) or reasons.get(language.split("-")[0])
        reason = reason or next(iter(reasons.values()), "")
        if (log_entry.data or {}).get("scheduled"):
            message = _("Scheduled publishing refused")
        else:
            message = _("Publishing refused")
        return f"{message}: {reason}" if reason else str(message)


@hooks.register("construct_page_action_menu")
def offer_testimonies_only_through_the_workflow(menu_items, request, context):
    """Source-language testimonies are published by the workflow, not by a Publish button."""
    page = context.get("page")
    specific = getattr(page, "specific", None)
    if (
        isinstance(specific, TestimonyPage)
        and specific.locale.language_code == settings.LANGUAGE_CODE
    ):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def name_workflows_in_the_admins_language(menu_items, request, context):
    """ "Submit to <workflow>" names the workflow in the admin's language, and the one a new
    testimony will go through (stories.workflow.SubmitToNamedWorkflow)."""
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitToNamedWorkflow(order=item.order)
