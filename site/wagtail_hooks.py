"""Admin and serving hooks of the site layer (Wagtail discovers this module; it imports each
concern's own)."""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail import hooks
from wagtail.models import Page, ReferenceIndex

from longread.concerns import import_concern_modules
from stories import consent

# Every concern's hooks (its `wagtail_hooks.py`: api, staff, translation, ...), in name order,
# before this module's own.
import_concern_modules("sitewide", "wagtail_hooks")


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
