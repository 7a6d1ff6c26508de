"""The changes feed and partner webhooks: partners learn of every publish and takedown."""

import datetime
import hashlib
import hmac
import json
import socket
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core.management import call_command
from django.utils import timezone

from sitewide.api.models import ContentChange, PartnerWebhook, WebhookDelivery
from sitewide.api.webhooks import BACKOFF, SIGNATURE_HEADER, deliver_due
from stories import consent
from stories.consent.takedown import withdraw
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, first_story, first_story_path

pytestmark = pytest.mark.django_db

FEED = "/api/v2/changes/"


def since_now():
    return {"since": timezone.now().isoformat()}


def test_publish_change_unpublish_and_withdrawal_appear_in_the_feed(
    client, django_capture_on_commit_callbacks
):
    since = since_now()
    page = first_story("en")
    page.teaser = "Changed."
    page.save_revision().publish()
    items = client.get(FEED, since).json()["items"]
    assert [(i["event"], i["page_id"]) for i in items] == [("changed", page.pk)]
    assert items[0]["detail_url"].endswith(f"/api/v2/pages/{page.pk}/")
    assert items[0]["html_url"].endswith(first_story_path("en")) and items[0]["locale"] == "en"

    with django_capture_on_commit_callbacks(execute=True):
        withdraw(page.consent, reason="The teller asked.")
    items = client.get(FEED, since).json()["items"]
    withdrawn = [i for i in items if i["event"] == "withdrawn"]
    assert {i["page_id"] for i in withdrawn} >= {first_story("nl").pk, first_story("en").pk}
    # Takedown events carry ids and times only, and earlier events no longer name the page.
    assert all(set(i) == {"id", "event", "page_id", "at"} for i in items)
    name = FIRST_PSEUDONYM.upper()
    assert name not in json.dumps(items).upper().replace(f"{name}'S", "")


def test_narrowing_consent_without_takedown_is_announced(
    client, django_capture_on_commit_callbacks
):
    since = since_now()
    record = first_story().consent
    with django_capture_on_commit_callbacks(execute=True):
        record.allows_api = False
        record.save()
    events = {(i["event"], i["page_id"]) for i in client.get(FEED, since).json()["items"]}
    every_translation = TestimonyPage.objects.filter(consent=record).values_list("pk", flat=True)
    assert len(every_translation) >= 3  # nl, en and the Arabic demo translation
    assert events == {("withdrawn", pk) for pk in every_translation}
    assert consent.page_is_visible(first_story("en"))  # the website still shows it


def test_feed_pages_with_a_cursor(client):
    since = since_now()
    page = first_story("en")
    for n in range(3):
        page.teaser = f"Version {n}"
        page.save_revision().publish()
    first = client.get(FEED, {**since, "limit": 2}).json()
    assert len(first["items"]) == 2 and first["meta"]["next"]
    rest = client.get(first["meta"]["next"]).json()
    assert len(rest["items"]) == 1 and rest["meta"]["more"] is False
    # At the end, meta.next is where to poll for what comes next: cursor and limit kept.
    assert f"after={rest['items'][0]['id']}" in rest["meta"]["next"]
    assert "limit=2" in rest["meta"]["next"]
    assert client.get(rest["meta"]["next"]).json()["items"] == []


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"since": "yesterday"},
        {"since": "2026-13-45T00:00:00Z"},
        {"since": "2026-01-01", "limit": "0"},
        {"since": "2026-01-01T00:00:00Z", "limit": "x"},
        {"since": "2026-01-01T00:00:00Z", "other": "1"},
    ],
)
def test_bad_feed_parameters_get_a_json_400(client, query):
    response = client.get(FEED, query)
    assert response.status_code == 400 and response.json()["message"]


class Receiver(BaseHTTPRequestHandler):
    received: list = []
    status = 200

    def do_POST(self):  # noqa: N802 - http.server's naming
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.received.append((dict(self.headers), body))
        self.send_response(Receiver.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.received, Receiver.status = [], 200
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_webhooks_receive_signed_events(receiver, django_capture_on_commit_callbacks, task_worker):
    hook = PartnerWebhook.objects.create(
        name="Partner", url=f"http://127.0.0.1:{receiver.server_port}/hook"
    )
    page = first_story("en")
    with django_capture_on_commit_callbacks(execute=True):
        page.teaser = "Signed."
        page.save_revision().publish()
    assert Receiver.received == []  # publishing only queued it
    task_worker()
    assert len(Receiver.received) == 1
    headers, body = Receiver.received[0]
    timestamp, digest = (part.split("=", 1)[1] for part in headers[SIGNATURE_HEADER].split(","))
    expected = hmac.new(hook.secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    assert hmac.compare_digest(digest, expected.hexdigest())
    event = json.loads(body)
    assert event["event"] == "changed" and event["page_id"] == page.pk
    assert WebhookDelivery.objects.get().status == WebhookDelivery.DELIVERED


def test_a_failing_webhook_is_retried_with_backoff_and_never_blocks_publishing(
    django_capture_on_commit_callbacks, caplog, task_worker
):
    PartnerWebhook.objects.create(name="Down", url=f"http://127.0.0.1:{closed_port()}/")
    page = first_story("en")
    with django_capture_on_commit_callbacks(execute=True):
        page.teaser = "Published anyway."
        page.save_revision().publish()
    page.refresh_from_db()
    assert page.teaser == "Published anyway." and page.live
    task_worker()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.PENDING and delivery.attempts == 1
    assert delivery.next_attempt_at > timezone.now() + datetime.timedelta(seconds=50)
    assert deliver_due() == 0  # not due yet
    for _ in BACKOFF:
        deliver_due(now=timezone.now() + datetime.timedelta(days=2))
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.FAILED and delivery.last_error
    assert "gave up" in caplog.text


def test_deliver_webhooks_command_sends_what_is_due(receiver):
    PartnerWebhook.objects.create(name="P", url=f"http://127.0.0.1:{receiver.server_port}/")
    change = ContentChange.objects.create(event="withdrawn", page_id=12345)
    WebhookDelivery.objects.create(webhook=PartnerWebhook.objects.get(), change=change)
    call_command("deliver_webhooks", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert json.loads(Receiver.received[0][1]) == {
        "id": change.pk,
        "event": "withdrawn",
        "page_id": 12345,
        "at": change.happened_at.isoformat(),
    }
