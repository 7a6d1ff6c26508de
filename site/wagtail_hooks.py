"""Admin and serving hooks of the site layer (Wagtail discovers this module)."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from sitewide.api import wagtail_hooks  # noqa: F401 - preview tokens, partner webhooks
from sitewide.staff import (
    cancel_workflow,  # noqa: F401 - cancelling a review asks first
    drafts,  # noqa: F401 - each editor's unfinished drafts on the dashboard
    language_hint,  # noqa: F401 - where to choose the admin's language, when the browser differs
    role_hooks,  # noqa: F401 - translators' language limit, publish checks
)
from sitewide.translation import file_hooks  # noqa: F401 - PO/XLIFF translation files
from sitewide.translation import (  # noqa: F401 - status dashboard, review, notices
    wagtail_hooks as translation_hooks,
)
from stories import consent


@hooks.register("before_serve_document")
def serve_documents_of_public_pages_only(document, request):
    """The document library is not public: a document is served only while a live, public
    page that readers (or partners) may see uses it."""
    page_ids = (
        ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ContentType.objects.get_for_model(Page))
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids])
    if not (
        consent.visible_pages(pages, consent.WEBSITE).exists()
        or consent.visible_pages(pages, consent.API).exists()
    ):
        raise Http404("This document is not used on a public page.")
