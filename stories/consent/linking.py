"""Linking a story to its teller's consent record: a consent officer's act, not an edit of the text.

The link is written on every language of the story (the record is a synchronised field) and
into the revisions that matter (the latest, and each one a running review is approving), so it
creates no revision of its own: the teller's approval of the text, recorded on a revision, stands.
Caches are renewed through the pages' own saves. When the story is already published, whatever
the new record does not cover is taken down at once, as after an edit of the record.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.log_actions import log
from wagtail.models import Page, Revision, TaskState, WorkflowState

from stories.consent.takedown import take_down
from stories.models import ConsentLedgerEntry, ConsentRecord, TestimonyPage

LOG_ACTION = "stories.consent.linked"


def story_pages(page) -> list[TestimonyPage]:
    """Every language of the story."""
    return list(TestimonyPage.objects.filter(translation_key=page.translation_key).order_by("pk"))


def revisions_to_keep_in_step(pages) -> set[int]:
    """The revisions a person may still approve or publish: each page's latest, and those of its
    running reviews."""
    ids = {page.latest_revision_id for page in pages if page.latest_revision_id}
    running = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=[str(page.pk) for page in pages],
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    )
    ids |= set(
        TaskState.objects.filter(workflow_state__in=running)
        .exclude(revision_id=None)
        .values_list("revision_id", flat=True)
    )
    return ids


@transaction.atomic
def link(page, record: ConsentRecord, user=None) -> list[TestimonyPage]:
    """Link `record` to the story of `page` (every language); returns the story's pages."""
    pages = story_pages(page)
    for revision in Revision.objects.filter(pk__in=revisions_to_keep_in_step(pages)):
        revision.content = {**revision.content, "consent": record.pk}
        revision.save(update_fields=["content"])
    for each in pages:
        each.consent = record
        each.save(update_fields=["consent"], clean=False)
    log(
        instance=page,
        action=LOG_ACTION,
        user=user,
        data={"record": record.pk, "pseudonym": record.pseudonym},
    )
    if any(each.live for each in pages):
        # What the record does not cover goes offline now (the record's own edits do the same);
        # no ledger entry: nothing was withdrawn or narrowed.
        take_down(record, ConsentLedgerEntry.EXPIRY, user=user, write_ledger=False)
    return pages
