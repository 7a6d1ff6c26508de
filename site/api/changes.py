"""The changes feed: what partners must do since a moment (show, update, take down).

Events are written when pages are published, unpublished, taken down (withdrawal, expiry,
erasure) or when a consent record stops covering the API for a live page. Each event is then
sent to the partner webhooks (`webhooks.py`).
"""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from sitewide.api.models import ContentChange
from stories import consent
from stories.models import ConsentRecord, ConsentWithdrawal
from stories.signals import stories_taken_down
from stories.takedown import story_page_ids


def last_event(page_id: int) -> str | None:
    change = ContentChange.objects.filter(page_id=page_id).order_by("-pk").first()
    return change.event if change else None


def record(event: str, page_ids) -> list[ContentChange]:
    changes = [ContentChange.objects.create(event=event, page_id=pk) for pk in sorted(page_ids)]
    if changes:
        from sitewide.api.webhooks import queue_deliveries

        queue_deliveries(changes)
    return changes


@receiver(page_published)
def page_was_published(sender, instance, **kwargs):
    was_shown = last_event(instance.pk) in (ContentChange.PUBLISHED, ContentChange.CHANGED)
    record(ContentChange.CHANGED if was_shown else ContentChange.PUBLISHED, [instance.pk])


@receiver(page_unpublished)
def page_was_unpublished(sender, instance, **kwargs):
    record(ContentChange.UNPUBLISHED, [instance.pk])


@receiver(post_delete, sender=Page)
def page_was_deleted(sender, instance, **kwargs):
    if instance.live:
        record(ContentChange.UNPUBLISHED, [instance.pk])


@receiver(stories_taken_down)
def stories_were_taken_down(sender, page_ids, **kwargs):
    record(ContentChange.WITHDRAWN, page_ids)


def pages_hidden_from_api(record_pk: int) -> set[int]:
    """Live pages of a consent record that the API may no longer show, not yet announced."""
    consent_record = ConsentRecord.objects.filter(pk=record_pk).first()
    if consent_record is None:
        return set()
    live = Page.objects.filter(pk__in=story_page_ids(consent_record)).live()
    shown = set(consent.visible_pages(live, consent.API).values_list("pk", flat=True))
    return {
        pk
        for pk in live.values_list("pk", flat=True)
        if pk not in shown and last_event(pk) not in ContentChange.TAKEDOWN_EVENTS
    }


@receiver(post_save, sender=ConsentRecord)
@receiver(post_save, sender=ConsentWithdrawal)
def consent_changed(sender, instance, **kwargs):
    """A consent officer narrowed a record (API channel, a language) without a takedown:
    partners must still remove the story. Checked after commit, when the record's languages
    and withdrawals are saved too."""
    record_pk = instance.pk if sender is ConsentRecord else instance.record_id
    transaction.on_commit(lambda: record(ContentChange.WITHDRAWN, pages_hidden_from_api(record_pk)))
