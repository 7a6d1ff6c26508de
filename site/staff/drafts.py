"""Unfinished drafts, offered back on the dashboard.

The page editor saves a new page as soon as an editor types (autosave), so a page started and
abandoned stays as a draft, and its address stays taken: starting the same page again met
"this slug is already in use". The dashboard lists each editor's own pages that were never
published, with the way back to each (continue, or delete), so nobody starts a page twice.
"""

from django.conf import settings
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

SHOWN = 10


def unfinished_drafts(user):
    """The user's own pages in the source language that were never published, newest first."""
    return (
        Page.objects.filter(
            owner=user,
            live=False,
            first_published_at__isnull=True,
            alias_of__isnull=True,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("locale")
        .order_by("-latest_revision_created_at", "-pk")
    )


class UnfinishedDraftsPanel(Component):
    name = "unfinished_drafts"
    order = 55
    template_name = "sitewide/admin/unfinished_drafts_panel.html"

    def __init__(self, drafts):
        self.drafts = drafts

    def get_context_data(self, parent_context=None):
        return {"drafts": self.drafts}


@hooks.register("construct_homepage_panels")
def add_unfinished_drafts(request, panels):
    drafts = list(unfinished_drafts(request.user)[:SHOWN])
    if drafts:
        panels.append(UnfinishedDraftsPanel(drafts))
