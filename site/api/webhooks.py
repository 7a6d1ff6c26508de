"""Partner webhooks: every change event is POSTed, signed, to each active partner endpoint.

Delivery never blocks a publish: deliveries are rows written with the event, sent after the
transaction commits by a background task (in-process by default, a worker in production), each
attempt bounded by one short deadline for all of it; only a complete 2xx answer counts as
delivered. A failed attempt is retried with back-off by the next task
run or by `manage.py deliver_webhooks` (run it every minute from cron or a worker); after the
last attempt the delivery is marked failed, logged, and shown in the admin.
"""

import hashlib
import hmac
import http.client
import json
import logging
import time
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from sitewide.api.models import ContentChange, PartnerWebhook, WebhookDelivery
from sitewide.api.webhook_urls import UnsafeWebhookURL, post

logger = logging.getLogger(__name__)

# Seconds for a whole attempt: connecting, sending, and the complete answer (a partner that
# answers slowly holds the task worker no longer; sitewide.api.webhook_urls.post).
TIMEOUT = 3
# Waits before each retry; after the last one the delivery is given up and reported.
BACKOFF = [timedelta(minutes=m) for m in (1, 5, 30, 120, 360, 1440)]
SIGNATURE_HEADER = "X-Longread-Signature"
EVENT_HEADER = "X-Longread-Event"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """`t=<unix time>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: partners recompute and compare."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def queue_deliveries(changes) -> None:
    webhooks = list(PartnerWebhook.objects.filter(active=True))
    if not webhooks:
        return
    WebhookDelivery.objects.bulk_create(
        WebhookDelivery(webhook=webhook, change=change)
        for change in changes
        for webhook in webhooks
    )
    transaction.on_commit(deliver_due_webhooks.enqueue)


def payload(change: ContentChange) -> dict:
    from sitewide.api.feed import change_item

    return change_item(change, request=None) or {
        # A page the API may not show (any more): the partner learns no more than its id.
        "id": change.pk,
        "event": ContentChange.WITHDRAWN,
        "page_id": change.page_id,
        "at": change.happened_at.isoformat(),
    }


def attempt(delivery: WebhookDelivery) -> None:
    body = json.dumps(payload(delivery.change), sort_keys=True).encode()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "longread-webhooks/1",
        EVENT_HEADER: delivery.change.event,
        SIGNATURE_HEADER: signature(delivery.webhook.secret, int(time.time()), body),
    }
    delivery.attempts += 1
    status, reason = None, ""
    try:
        # Checked again here, after name resolution (sitewide.api.webhook_urls); the
        # connection goes to the address that was checked, and no redirect is followed.
        status = post(delivery.webhook.url, body, headers, timeout=TIMEOUT)
        reason = f"HTTP {status}"
        if 300 <= status < 400:
            reason += " (redirects are not followed)"
    except UnsafeWebhookURL as error:
        status, reason = None, str(error)
    except (OSError, ValueError, http.client.HTTPException) as error:
        status, reason = None, str(error) or error.__class__.__name__
    if status is not None and 200 <= status < 300:
        delivery.status = WebhookDelivery.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.last_error = ""
    elif delivery.attempts > len(BACKOFF):
        delivery.status = WebhookDelivery.FAILED
        delivery.last_error = reason[:300]
        logger.error(
            "Webhook %s gave up on change %s after %s attempts: %s",
            delivery.webhook,
            delivery.change_id,
            delivery.attempts,
            reason,
        )
    else:
        delivery.last_error = reason[:300]
        delivery.next_attempt_at = timezone.now() + BACKOFF[delivery.attempts - 1]
        logger.warning("Webhook %s failed (%s); retrying later", delivery.webhook, reason)
    delivery.save()


def deliver_due(now=None) -> int:
    """Send every pending delivery whose time has come, oldest first. Returns how many."""
    now = now or timezone.now()
    due = WebhookDelivery.objects.filter(
        status=WebhookDelivery.PENDING, next_attempt_at__lte=now, webhook__active=True
    ).select_related("webhook", "change")
    count = 0
    for delivery in due.order_by("change_id", "pk"):
        attempt(delivery)
        count += 1
    return count


@task()
def deliver_due_webhooks():
    deliver_due()
