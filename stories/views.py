"""Wagtail's workflow action view with refusals in words (served at Wagtail's own address by
`sitewide.urls`)."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages import workflow as pages_workflow

from stories.exceptions import PublishRefused
from stories.workflow import TellerApprovalTask


class WorkflowActionView(pages_workflow.WorkflowActionView):
    """Wagtail's workflow action (the dashboard's approve and request-changes buttons and their
    dialogs), with a refused approval shown in words: inside the dialog, the typed comment kept,
    or as a message on the page the moderator came from. Served at Wagtail's own address
    (`sitewide.urls`)."""

    def post(self, request, *args, **kwargs):
        try:
            response = super().post(request, *args, **kwargs)
        except PublishRefused as refusal:
            reason = str(refusal)
        else:
            self.confirm(request)
            return response
        if self.request.headers.get("x-requested-with") == "XMLHttpRequest" and self.form_class:
            form = self.form_class(self.request.POST)
            form.is_valid()
            form.add_error(None, reason)
            return self.render_modal_form(self.request, form)
        messages.error(request, reason)
        return redirect(self.redirect_url)

    def confirm(self, request):
        """Say what the click did: Wagtail's dashboard actions otherwise return silently."""
        page = type(self.object).objects.get(pk=self.object.pk)
        title = page.get_admin_display_title()
        if self.action_name == "approve" and page.live and not page.workflow_in_progress:
            messages.success(
                request, _("“%(title)s” is approved and published.") % {"title": title}
            )
        elif self.action_name == "approve" and isinstance(self.task, TellerApprovalTask):
            # The officer records the teller's approval, not an approval of their own.
            messages.success(
                request,
                _("The teller's approval of this version of “%(title)s” is recorded.")
                % {"title": title},
            )
        elif self.action_name == "approve":
            messages.success(
                request, _("Your approval of “%(title)s” is recorded.") % {"title": title}
            )
        elif self.action_name == "reject":
            messages.success(
                request, _("“%(title)s” was sent back for changes.") % {"title": title}
            )


workflow_action_view = require_admin_access(WorkflowActionView.as_view())
