"""The record's withdrawals on its edit screen: read only.

A withdrawal is the teller's decision: it is recorded once, through the Withdraw screen (which
names what goes offline and asks to confirm), and never edited or removed afterwards. The
record's form therefore has no formset for withdrawals at all: a saved form cannot change or
delete one, whatever it posts."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from stories.consent.permissions import CONSENT_PERMISSION


class WithdrawalHistoryPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "stories/admin/withdrawal_history_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            record = self.instance
            context["withdrawals"] = list(record.withdrawals_in_order()) if record.pk else []
            user = getattr(self.request, "user", None)
            context["withdraw_url"] = (
                reverse("stories_consent_withdraw", args=[record.pk])
                if record.pk and user is not None and user.has_perm(CONSENT_PERMISSION)
                else ""
            )
            return context
