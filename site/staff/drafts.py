"""Unfinished drafts, offered back on the dashboard.

The page editor saves a new page as soon as an editor types (autosave), so a page started and
abandoned stays as a draft, and its address stays taken: starting the same page again met
"this slug is already in use". The dashboard lists each editor's own pages that were never
published, with the way back to each (continue, or delete), so nobody starts a page twice, and
the form for a new page names the editor's unfinished drafts in the same place.

One form, one page: autosave creates the page while the new-page form is still open, and only
when its answer arrives does the form post to the new page's editor. A click on "Save draft"
(or "Submit") before that answer posted the form to "create" a second time: refused as a slug
clash, and after a changed slug, two copies. Each new-page form carries a token; the page its
first save created is remembered under it, and a later post of the same form saves into that
page through Wagtail's own editor view instead of creating another.
"""

import re
import uuid

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.components import Component
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

SHOWN = 10
FORM_ID_FIELD = "new_page_form_id"
FORM_ID_SECONDS = 24 * 60 * 60
_FORM_ID = re.compile(r"[0-9a-f]{32}")


def new_form_id() -> str:
    return uuid.uuid4().hex


def _token_key(user, token: str) -> str:
    return f"staff:new-page-form:{user.pk}:{token}"


def _token(request) -> str:
    token = request.POST.get(FORM_ID_FIELD, "")
    return token if _FORM_ID.fullmatch(token) else ""


@hooks.register("after_create_page")
def remember_the_page_this_form_created(request, page):
    token = _token(request)
    if token:
        cache.set(_token_key(request.user, token), page.pk, FORM_ID_SECONDS)


@hooks.register("before_create_page")
def save_into_the_page_this_form_created(request, parent_page, page_class):
    """A second post of a new-page form whose first save created a page edits that page (the
    editor's own, still in place), as the form would have after autosave's answer."""
    if request.method != "POST":
        offer_unfinished_drafts(request, parent_page)
        return None
    token = _token(request)
    page_id = cache.get(_token_key(request.user, token)) if token else None
    if page_id is None:
        return None
    page = Page.objects.filter(pk=page_id, owner=request.user).first()
    if page is None or page.get_parent().pk != parent_page.pk:
        return None
    return EditView.as_view()(request, page_id=page.pk)


def offer_unfinished_drafts(request, parent_page):
    """Opening a new-page form where the editor left an unfinished draft names it, with the way
    back (its address is taken while it exists)."""
    drafts = unfinished_drafts(request.user).filter(
        path__startswith=parent_page.path, depth=parent_page.depth + 1
    )
    for page in drafts[:3]:
        messages.warning(
            request,
            _("You already started “%(title)s” here and never published it.")
            % {"title": page.get_admin_display_title()},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=[page.pk]), _("Continue writing")
                )
            ],
        )


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
