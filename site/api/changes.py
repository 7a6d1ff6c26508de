"""The changes feed: what partners must do since a moment (show, update, take down).

Events are written when pages are published, unpublished, taken down (withdrawal, expiry,
erasure) or when a consent record is narrowed from any path (stories.consent.scope sends the
takedown signal for it in the same transaction). Each event is then
sent to the partner webhooks (`webhooks.py`).
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from sitewide.api.models import ContentChange
from stories import consent
from stories.signals import stories_taken_down


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
    """A takedown, or any narrowing of a consent (stories.consent.scope): pages the API no longer
    shows are announced `withdrawn`; pages it still shows changed (a photo or a medium went)."""
    live = Page.objects.filter(pk__in=page_ids).live()
    shown = set(consent.visible_pages(live, consent.API).values_list("pk", flat=True))
    # Once: a page already announced withdrawn (the nightly check asks again) is not announced
    # again.
    record(
        ContentChange.WITHDRAWN,
        [pk for pk in page_ids if pk not in shown and last_event(pk) != ContentChange.WITHDRAWN],
    )
    record(ContentChange.CHANGED, shown)
