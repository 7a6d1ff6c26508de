"""The changes feed: what partners must do since a moment (show, update, take down).

Events are written when pages are published, unpublished, taken down (withdrawal, expiry,
erasure) or when a consent record is narrowed from any path (stories.consent.scope sends the
takedown signal for it in the same transaction). Each event is then
sent to the partner webhooks (`webhooks.py`). After a restore the feed goes on above every id
handed out before it, and re-announces the pages the backup set back.
"""

from django.core.management.color import no_style
from django.db import DatabaseError, connections, transaction
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


# --- after a restore ----------------------------------------------------------------------------

# Event ids skipped after a restore into an empty database, where the ids handed out since the
# backup are unknown: more than a site makes between two backups.
RESTORE_ID_MARGIN = 100_000


def events_before_restore(using: str = "default") -> list[tuple[int, int]]:
    """(id, page id) of every event of the database about to be replaced (none when it has no
    changes feed yet)."""
    try:
        return list(ContentChange.objects.using(using).values_list("pk", "page_id"))
    except DatabaseError:
        return []


def continue_after_restore(before: list[tuple[int, int]], using: str = "default") -> int:
    """The feed goes on where partners are, not where the backup was: new events get ids above
    every id handed out before the restore, so a partner's cursor never skips one. Call it
    before anything writes an event into the restored database."""
    restored = ContentChange.objects.using(using).order_by("-pk").values_list("pk", flat=True)
    restored_max = restored.first() or 0
    handed_out = max([pk for pk, _page in before], default=0)
    next_id = max(handed_out, restored_max) + (1 if before else RESTORE_ID_MARGIN)
    with transaction.atomic(using=using):
        # An explicit id moves SQLite's AUTOINCREMENT counter; PostgreSQL's sequence is reset
        # to the highest id. The row itself is gone before anyone reads it.
        placeholder = ContentChange.objects.using(using).create(
            pk=next_id, event=ContentChange.CHANGED, page_id=0
        )
        connection = connections[using]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), [ContentChange]):
                cursor.execute(statement)
        placeholder.delete()
    return restored_max


def announce_after_restore(before: list[tuple[int, int]], restored_max: int) -> None:
    """Each page with an event the backup does not hold is announced as it now stands
    (`changed` if partners may show it, `withdrawn` if not): partners may hold what the backup
    set back. Called once the consent ledger is re-applied; a page whose takedown was already
    announced since the restore is not announced twice."""
    handed_out = max([pk for pk, _page in before], default=0)
    undone = sorted({page for pk, page in before if pk > restored_max})
    live = Page.objects.filter(pk__in=undone).live()
    shown = set(consent.visible_pages(live, consent.API).values_list("pk", flat=True))
    since = ContentChange.objects.filter(pk__gt=handed_out)
    told = set(since.filter(event=ContentChange.WITHDRAWN).values_list("page_id", flat=True))
    record(ContentChange.CHANGED, [pk for pk in undone if pk in shown])
    record(ContentChange.WITHDRAWN, [pk for pk in undone if pk not in shown and pk not in told])
