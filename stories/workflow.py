"""The testimony workflow: the teller approves the text, then a second person approves it.

Every revision of a testimony in the source language that a person publishes must have passed
both tasks; TestimonyPage.publish() asks `workflow_problem()` before it publishes.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState, Workflow

TESTIMONY_WORKFLOW = "Testimony review"


class TellerApprovalTask(AbstractGroupApprovalTask):
    """A consent officer records that the teller approved this revision of the text."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("The teller asked for changes"), True),
                ("approve", _("The teller approved this version"), False),
            ]
        return []

    @classmethod
    def get_description(cls):
        return _("A consent officer records that the teller approved this version of the text.")

    class Meta:
        verbose_name = _("teller approval task")
        verbose_name_plural = _("teller approval tasks")


class SecondPersonApprovalTask(AbstractGroupApprovalTask):
    """Approval by a member of the groups who did not write the revision being approved."""

    @staticmethod
    def _is_last_editor(obj, user) -> bool:
        revision = obj.get_latest_revision() if hasattr(obj, "get_latest_revision") else None
        return bool(revision and revision.user_id == user.pk)

    def get_actions(self, obj, user):
        if self._is_last_editor(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and task_state.revision.user_id == user.pk:
            raise PermissionDenied(gettext("The last editor cannot approve their own text."))
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("A member of the chosen groups, other than the last editor, approves the text.")

    class Meta:
        verbose_name = _("second-person approval task")
        verbose_name_plural = _("second-person approval tasks")


def testimony_workflow():
    return Workflow.objects.filter(name=TESTIMONY_WORKFLOW, active=True).first()


def workflow_problem(revision) -> str | None:
    """Why this revision may not be published by a person yet, or None when it has passed."""
    approved = TaskState.objects.filter(revision=revision, status=TaskState.STATUS_APPROVED)
    if revision is None:
        approved = TaskState.objects.none()
    for task_model in (TellerApprovalTask, SecondPersonApprovalTask):
        if not approved.filter(task__in=task_model.objects.all()).exists():
            return gettext(
                "A testimony is published through the workflow '%(workflow)s': the teller's "
                "approval of this version and a second person's approval come first."
            ) % {"workflow": TESTIMONY_WORKFLOW}
    return None
