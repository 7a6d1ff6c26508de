"""The testimony workflow: the teller approves the text, then a second person approves it.

Every revision of a testimony in the source language that a person publishes must have passed
both tasks; TestimonyPage.publish() asks `workflow_problem()` before it publishes.

Workflows and tasks are stored under English names (the migrations made them so; lookups by
name use them) and read in the admin's language wherever Wagtail shows them (`NameInAdminLanguage`).
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.models import (
    AbstractGroupApprovalTask,
    GroupApprovalTask,
    ModelLogEntry,
    PageLogEntry,
    Revision,
    Task,
    TaskState,
    Workflow,
)

from stories import consent
from stories.exceptions import PublishRefused

# The names the workflows and their tasks are stored under (stories/migrations/0005), in English;
# the catalogue translates them. Wagtail's own default workflow and its one task share a name.
TESTIMONY_WORKFLOW = gettext_noop("Testimony review")
TELLER_APPROVAL = gettext_noop("Teller's approval")
SECOND_APPROVAL = gettext_noop("Second person's approval")
MODERATORS_APPROVAL = gettext_noop("Moderators approval")
STORED_NAMES = frozenset(
    {TESTIMONY_WORKFLOW, TELLER_APPROVAL, SECOND_APPROVAL, MODERATORS_APPROVAL}
)


class NameInAdminLanguage(str):
    """A stored workflow or task name that reads in the admin's language wherever it is shown.

    Wagtail shows `workflow.name` and `task.name` as they are stored in many places (the lock
    banner, the status panel, the workflow history, the dashboard's review panels, reports,
    notifications). Templates, `%`, `str.format()` and `format_html()` ask an object for its text
    through `str()` or `format()`, and get the translation here. Everything else sees the stored
    English: comparisons, hashing and lookups by name, and the database adapters (SQLite's and
    psycopg's) and JSON, which read a `str` subclass's characters, not its `__str__`; so a save
    stores the English name and a log entry records it.
    """

    __slots__ = ()

    def __str__(self):
        return gettext(str.__str__(self))

    def __format__(self, format_spec):
        return format(str(self), format_spec)


def in_admin_language(name):
    """A stored name as NameInAdminLanguage; any other value as it is."""
    if type(name) is str and name in STORED_NAMES:
        return NameInAdminLanguage(name)
    return name


def stored_name(name):
    """The stored name of which `name` is the translation in an admin language (an edit form
    shows the name translated, and sends it back so), else `name` as it is."""
    if not isinstance(name, str) or name in STORED_NAMES:
        return name
    for language, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
        with translation.override(language):
            for stored in STORED_NAMES:
                if gettext(stored) == name:
                    return stored
    return name


class TellerApprovalTask(AbstractGroupApprovalTask):
    """A consent officer records that the teller approved this revision of the text."""

    def get_actions(self, obj, user):
        if user.is_superuser or self._user_in_groups(user):
            return [
                ("reject", _("The teller asked for changes"), True),
                ("approve", _("The teller approved this version"), False),
            ]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            problem = teller_approval_problem(task_state.revision)
            if problem:
                raise PublishRefused(problem)
        return super().on_action(task_state, user, action_name, **kwargs)

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
        if action_name == "reject":
            result = super().on_action(task_state, user, action_name, **kwargs)
            restart_at_the_tellers_step(task_state)
            return result
        if action_name == "approve" and task_state.revision.user_id == user.pk:
            raise PublishRefused(
                gettext(
                    "You made the last change to this text, so a second person must approve it. "
                    "Ask another moderator."
                )
            )
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _("A member of the chosen groups, other than the last editor, approves the text.")

    class Meta:
        verbose_name = _("second-person approval task")
        verbose_name_plural = _("second-person approval tasks")


def name_in_admin_language(sender, instance, **kwargs):
    """post_init of a workflow or a task: its stored name reads in the admin's language."""
    # Through __dict__: a deferred name is not loaded for this.
    name = instance.__dict__.get("name")
    if name is not None:
        instance.__dict__["name"] = in_admin_language(name)


def keep_the_stored_name(sender, instance, **kwargs):
    """pre_save of a workflow or a task: saved under the translation of its stored name (an edit
    form sends back what it showed), it keeps the stored name."""
    if "name" in instance.__dict__:
        instance.__dict__["name"] = stored_name(instance.__dict__["name"])


def log_names_in_admin_language(sender, instance, **kwargs):
    """post_init of a log entry: a workflow's log entry records the workflow's and the task's
    names as they were stored (data["workflow"]["title"], and in its "task" and "next"); Wagtail's
    history shows them from there, so they read in the admin's language too."""
    data = instance.__dict__.get("data")
    recorded = data.get("workflow") if isinstance(data, dict) else None
    if not isinstance(recorded, dict):
        return
    for part in (recorded, recorded.get("task"), recorded.get("next")):
        if isinstance(part, dict) and "title" in part:
            part["title"] = in_admin_language(part["title"])


def testimony_workflow():
    return Workflow.objects.filter(name=TESTIMONY_WORKFLOW, active=True).first()


# What a revision records about the page's place and state, not its text: two revisions that
# differ only here hold the same text.
NOT_TEXT = {
    "latest_revision", "latest_revision_created_at", "live_revision", "live",
    "has_unpublished_changes", "first_published_at", "last_published_at", "go_live_at",
    "expire_at", "expired", "locked", "locked_at", "locked_by", "draft_title", "owner",
    "path", "depth", "numchild", "url_path", "content_type",
}  # fmt: skip


def same_text(revision, other) -> bool:
    """Whether two revisions of a page hold the same text (an editor opened and left without a
    change, and the admin's autosave kept a revision all the same)."""
    if revision is None or other is None:
        return False
    if revision.pk == other.pk:
        return True
    strip = lambda content: {k: v for k, v in content.items() if k not in NOT_TEXT}  # noqa: E731
    return strip(revision.content) == strip(other.content)


def approved_for(revision, task_model) -> bool:
    """Whether a person approved this revision's text at this task (on it, or on a revision of
    the same text).

    The approved revisions' ids come first, without their texts: approved on this very revision
    needs no text. Then the latest approved revision's text (the usual case: a revision kept
    after the approval without a change); the earlier ones' only when that text differs."""
    if revision is None:
        return False
    approved_ids = list(
        TaskState.objects.filter(
            revision__object_id=revision.object_id,
            revision__base_content_type_id=revision.base_content_type_id,
            status=TaskState.STATUS_APPROVED,
            task__in=task_model.objects.all(),
        )
        .order_by("-revision_id")
        .values_list("revision_id", flat=True)
        .distinct()
    )
    if revision.pk is not None and revision.pk in approved_ids:
        return True
    if not approved_ids:
        return False
    latest, *earlier = approved_ids
    if same_text(revision, Revision.objects.filter(pk=latest).first()):
        return True
    return any(
        same_text(revision, other)
        for other in Revision.objects.filter(pk__in=earlier).order_by("-pk")
    )


def workflow_problem(revision) -> str | None:
    """Why this revision may not be published by a person yet, or None when it has passed."""
    for task_model in (TellerApprovalTask, SecondPersonApprovalTask):
        if not approved_for(revision, task_model):
            return gettext(
                "A testimony is published through the workflow '%(workflow)s': the teller's "
                "approval of this version and a second person's approval come first."
            ) % {"workflow": gettext(TESTIMONY_WORKFLOW)}
    return None


def teller_approval_problem(revision) -> str | None:
    """Why the teller's approval of this revision cannot be recorded yet, or None: a consent
    record that covers the source language (Dutch) on the website must be linked first."""
    page = revision.as_object() if revision is not None else None
    record = getattr(page, "consent", None)
    if record is None:
        return gettext(
            "Link the teller's consent record to this story before recording the teller's "
            "approval: a consent officer does so with 'Link consent record' in the story's "
            "status."
        )
    problem = record.problem(consent.WEBSITE, settings.LANGUAGE_CODE, consent.today())
    if problem:
        return gettext(
            "The teller's approval cannot be recorded while the linked consent does not cover "
            "Dutch on the website: %(problem)s"
        ) % {"problem": problem}
    return None


def restart_at_the_tellers_step(rejected_state) -> None:
    """After "changes requested" at the second step, the resubmitted text goes to the teller
    again: the teller approves what they will be published with. Wagtail resumes a workflow at
    the task that asked for changes, so the request is recorded on the teller's step too (with
    the same reviewer, time and comment), and Wagtail resumes there."""
    workflow_state = rejected_state.workflow_state
    teller_task = (
        TellerApprovalTask.objects.filter(
            workflow_tasks__workflow_id=workflow_state.workflow_id, active=True
        )
        .order_by("workflow_tasks__sort_order")
        .first()
    )
    if teller_task is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return
    teller_state = rejected_state.copy(update_attrs={"task": teller_task.task_ptr})
    workflow_state.current_task_state = teller_state
    workflow_state.save(update_fields=["current_task_state"])


class SubmitToNamedWorkflow(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow>" with the workflow and task named in the admin's language
    (their names are stored in English and translated in the catalogue), and, for a page not yet
    saved, the workflow its type goes through (a new testimony: the testimony workflow, not the
    one its parent would give)."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = gettext("Resubmit to %(task_name)s") % {
                "task_name": gettext(state.current_task_state.task.name)
            }
            return context
        workflow = self._workflow(page, context)
        if workflow is not None:
            context["label"] = gettext("Submit to %(workflow_name)s") % {
                "workflow_name": gettext(workflow.name)
            }
        return context

    @staticmethod
    def _workflow(page, context):
        if page is not None and page.pk:
            return page.get_workflow()
        # The create view names the new page's type in its address, not in the menu's context.
        match = getattr(context.get("request"), "resolver_match", None)
        kwargs = match.kwargs if match is not None else {}
        try:
            model = apps.get_model(
                kwargs.get("content_type_app_name", ""), kwargs.get("content_type_model_name", "")
            )
        except (LookupError, ValueError):
            model = None
        if getattr(model, "always_testimony_workflow", False):
            workflow = testimony_workflow()
            if workflow is not None:
                return workflow
        parent = context.get("parent_page")
        return parent.get_workflow() if parent is not None else None


# Each model separately (post_init without a sender would run for every object loaded): a task is
# loaded as Task or as its own type.
for _model in (Workflow, Task, GroupApprovalTask, TellerApprovalTask, SecondPersonApprovalTask):
    post_init.connect(
        name_in_admin_language, sender=_model, dispatch_uid=f"stories-name-{_model._meta.label}"
    )
    pre_save.connect(
        keep_the_stored_name, sender=_model, dispatch_uid=f"stories-keep-{_model._meta.label}"
    )


def serialized_as_stored(field):
    """Django's serializers (`dumpdata`, ...) write a field's `value_to_string()`, which is `str()`
    of the value: the translation, for a name read in the admin's language. A dump holds the
    stored name, in whatever language the process runs."""

    def value_to_string(obj):
        value = field.value_from_object(obj)
        return value if value is None else str.__str__(value)

    field.value_to_string = value_to_string


# A task's own types share Task's field (multi-table inheritance).
for _model in (Workflow, Task):
    serialized_as_stored(_model._meta.get_field("name"))
for _model in (PageLogEntry, ModelLogEntry):
    post_init.connect(
        log_names_in_admin_language,
        sender=_model,
        dispatch_uid=f"stories-log-names-{_model._meta.label}",
    )
