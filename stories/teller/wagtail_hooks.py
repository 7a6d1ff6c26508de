"""Admin wiring of the teller's link (imported by stories.wagtail_hooks, with every concern's)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import ListingButton

from stories.consent.permissions import CONSENT_PERMISSION
from stories.models import ConsentRecord
from stories.teller import admin_views


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
