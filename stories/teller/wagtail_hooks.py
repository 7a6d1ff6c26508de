"""Admin wiring of the teller's link (imported by stories.wagtail_hooks, with every concern's)."""

import datetime

from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import ListingButton

from stories.consent.permissions import CONSENT_PERMISSION
from stories.models import ConsentRecord
from stories.teller import admin_views
from stories.teller.models import TellerMessage

RECENT = datetime.timedelta(days=30)


@hooks.register("register_admin_urls")
def teller_admin_urls():
    return [
        path("consent/<int:pk>/teller-link/", admin_views.manage_view, name="stories_teller_link"),
        path(
            "consent/<int:pk>/teller-link/revoke/",
            admin_views.revoke_view,
            name="stories_teller_link_revoke",
        ),
        path(
            "consent/teller-card/<str:kind>/",
            admin_views.card_view,
            name="stories_teller_card",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def teller_link_button(snippet, user, next_url=None):
    if isinstance(snippet, ConsentRecord) and user.has_perm(CONSENT_PERMISSION):
        yield ListingButton(
            _("Teller's link"),
            reverse("stories_teller_link", args=[snippet.pk]),
            icon_name="link",
            priority=7,
        )


@hooks.register("register_log_actions")
def register_teller_log_actions(actions):
    for action, label, message in (
        ("link_issued", _("Issue teller's link"), _("Teller's link issued")),
        ("link_revoked", _("Revoke teller's link"), _("Teller's link revoked")),
        ("opened", _("Open teller's link"), _("Teller's link opened with the code")),
        ("code_limited", _("Limit teller's link"), _("Too many wrong codes on a teller's link")),
        ("withdrawn", _("Teller's takedown"), _("The teller took their story down")),
        ("message", _("Teller's message"), _("The teller sent a message")),
        ("approved", _("Teller's approval"), _("The teller approved a version of their story")),
    ):
        actions.register_action(f"stories.teller.{action}", label, message)


class FromTellersPanel(Component):
    """On the consent officers' dashboard: what reached them through tellers' links lately
    (a message, a takedown, an approval, too many wrong codes), each leading to its record's
    screen, so nothing a teller sent waits unseen on one record's page."""

    name = "from-tellers"
    order = 45
    template_name = "stories/teller/admin_panel.html"

    def get_context_data(self, parent_context=None):
        since = timezone.now() - RECENT
        return {
            "received": list(
                TellerMessage.objects.filter(created_at__gte=since).select_related("record")[:20]
            )
        }


@hooks.register("construct_homepage_panels")
def add_from_tellers_panel(request, panels):
    if request.user.has_perm(CONSENT_PERMISSION):
        panels.append(FromTellersPanel())
