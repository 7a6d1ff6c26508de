"""The status panel on every testimony's editor: what consent allows, where the story is in its
workflow, who acts next, and why it is or is not public in each language."""

from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Page, TaskState

from stories import consent
from stories.consent.permissions import CONSENT_PERMISSION
from stories.workflow import TellerApprovalTask, same_text

CHANNEL_LABELS = {
    consent.WEBSITE: _("website"),
    consent.API: _("API"),
    consent.SOCIAL: _("social media"),
    consent.PRINT: _("print"),
}
MEDIA_LABELS = {
    "photos": _("photos"),
    "audio": _("audio"),
    "video": _("video"),
}


def unpublished_ancestors(page) -> list:
    """The pages above `page` in its language tree that are not published: while there is one,
    readers cannot reach the page, published or not (a new language's home and index pages
    start as drafts)."""
    return list(
        page.get_ancestors().filter(depth__gt=1, live=False).order_by("depth").only("title")
    )


def _date(value):
    return formats.date_format(value, "DATE_FORMAT") if value else ""


def story_status(page) -> dict:
    from stories.teller.service import teller_approval  # stories.models imports this module

    record = page.consent if page.consent_id else None
    status = {"record": record, "languages": [], "channels": []}
    if record is not None:
        status["channels"] = [
            str(label)
            for channel, label in CHANNEL_LABELS.items()
            if getattr(record, f"allows_{channel}")
        ]
        status["media"] = [
            str(label) for name, label in MEDIA_LABELS.items() if getattr(record, f"allows_{name}")
        ]
        status["withdrawals"] = [
            {"date": _date(withdrawal.withdrawn_on), "part": withdrawal.describe()}
            for withdrawal in record.withdrawals_in_order()
        ]
        status["withdrawn"] = record.is_withdrawn
        status["consent_languages"] = [
            locale.get_display_name() for locale in record.languages.all()
        ]
        status["expires_on"] = _date(record.expires_on)
        status["review_on"] = _date(record.review_on)
    if page.pk:
        teller = (
            TaskState.objects.filter(
                workflow_state__base_content_type_id=page.content_type_id,
                workflow_state__object_id=str(page.pk),
                task__in=TellerApprovalTask.objects.all(),
                status=TaskState.STATUS_APPROVED,
            )
            .select_related("revision", "finished_by")
            .order_by("-finished_at")
            .first()
        )
        latest = page.get_latest_revision()
        # What the officer confirms: the teller's own approval of this version, through the link.
        via_link = teller_approval(latest.pk) if latest is not None else None
        if via_link is not None:
            status["teller_via_link"] = formats.date_format(
                timezone.localtime(via_link.created_at), "DATETIME_FORMAT"
            )
        if teller is not None:
            status["teller"] = {
                "when": formats.date_format(teller.finished_at, "DATETIME_FORMAT"),
                "by": teller.finished_by.get_full_name() or teller.finished_by.get_username()
                if teller.finished_by
                else "",
                "current": same_text(latest, teller.revision),
            }
        task = page.current_workflow_task
        if record is not None and record.is_withdrawn:
            # Nobody acts next: a full withdrawal is final, whatever the workflow says.
            status["next"] = gettext(
                "Nobody: the teller withdrew all consent. The story stays offline in every "
                "language; only a new consent record could change that."
            )
        elif task is not None:
            # Names kept in the database, in the admin's language where the catalogue has them.
            groups = ", ".join(gettext(group.name) for group in task.specific.groups.all())
            status["next"] = gettext("%(task)s, by: %(groups)s") % {
                "task": gettext(task.name),
                "groups": groups,
            }
        elif not page.live or page.has_unpublished_changes:
            status["next"] = gettext("An editor submits the story for review.")
        for translation in (
            Page.objects.filter(translation_key=page.translation_key)
            .select_related("locale")
            .order_by("locale__language_code")
        ):
            specific = translation.specific
            if not translation.live:
                why = gettext("not published")
                public = False
            else:
                why = consent.consent_problem(specific) or ""
                above = unpublished_ancestors(translation)
                if not why and above:
                    why = gettext("not reachable: %(pages)s above it is not published") % {
                        "pages": ", ".join(f"“{p.title}”" for p in above)
                    }
                public = not why
            status["languages"].append(
                {
                    "name": translation.locale.get_display_name(),
                    "public": public,
                    "why": why or gettext("public: published and covered by consent"),
                }
            )
    return status


def link_url(page, user) -> str:
    """Where a consent officer links the story's record, or "" for anyone else."""
    if page.pk and user is not None and user.has_perm(CONSENT_PERMISSION):
        return reverse("stories_consent_link", args=[page.pk])
    return ""


class StoryStatusPanel(Panel):
    """Read-only: shown to everyone who opens the story."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/story_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["status"] = story_status(self.instance)
            # Consent officers link the record here: not a change of the text, so no revision.
            user = getattr(self.request, "user", None)
            context["link_url"] = link_url(self.instance, user)
            return context
