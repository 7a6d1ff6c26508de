"""Webhook URLs: https to public addresses only, checked when saved and at every delivery
(after name resolution), and no redirect followed (sitewide.api.webhook_urls)."""

import contextlib
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import checks
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from sitewide.api import webhooks
from sitewide.api.models import ContentChange, PartnerWebhook, WebhookDelivery
from sitewide.api.webhook_urls import LOOPBACK_ALLOWED, UnsafeWebhookURL, target
from sitewide.api.webhooks import attempt
from tests.helpers import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def production_rule(settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = False


REFUSED = [
    "http://93.184.215.14/hook",  # plain http
    "ftp://93.184.215.14/hook",
    "https://127.0.0.1/hook",
    "https://127.0.0.1:8000/",
    "https://169.254.169.254/latest/meta-data/",
    "https://10.0.0.5/",
    "https://172.16.1.1/",
    "https://192.168.1.1/",
    "https://100.64.0.1/",  # carrier-grade NAT
    "https://0.0.0.0/",
    "https://224.0.0.1/",  # multicast
    "https://240.0.0.1/",  # reserved
    "https://192.0.2.10/",  # documentation
    "https://[::1]/",
    "https://[fe80::1]/",
    "https://[fd00::1]/",
    "https://[::ffff:127.0.0.1]/",
    "https://[::ffff:169.254.169.254]/",
    "https://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "https://[2002:a9fe:a9fe::1]/",  # 6to4 of 169.254.169.254
    "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo (client 192.0.2.45)
    "https://[64:ff9b::a9fe:a9fe]/",  # NAT64 of 169.254.169.254
    "https://localhost/",  # a name that resolves to the loopback (from /etc/hosts)
    "https://user:secret@93.184.215.14/",
    "https://",
    "https://93.184.215.14:99999/",
]


@pytest.mark.parametrize("url", REFUSED)
def test_unsafe_addresses_are_refused(production_rule, url):
    with pytest.raises(UnsafeWebhookURL) as refusal:
        target(url)
    assert str(refusal.value)


def test_a_public_https_address_is_accepted(production_rule):
    assert target("https://93.184.215.14/hook") == ("https", "93.184.215.14", 443, "93.184.215.14")


def test_the_6to4_form_of_a_public_address_is_accepted(production_rule):
    assert target("https://[2002:5db8:d70e::1]/")[3] == "2002:5db8:d70e::1"


def test_a_name_that_does_not_resolve_is_refused_with_a_message(production_rule):
    with translation.override("en"), pytest.raises(UnsafeWebhookURL, match="could not be resolved"):
        target("https://no-such-host.invalid/hook")


def test_the_model_refuses_them_when_saved(production_rule):
    hook = PartnerWebhook(name="Probe", url="https://169.254.169.254/latest/")
    with translation.override("en"), pytest.raises(ValidationError) as refusal:
        hook.full_clean()
    assert "public internet addresses" in str(refusal.value.message_dict["url"])


def test_staff_see_the_reason_in_the_admin_and_nothing_is_saved(client, production_rule):
    client.force_login(make_user("webhooks-admin", superuser=True))
    add = reverse("wagtailsnippets_sitewide_partnerwebhook:add")
    for url, reason in [
        ("http://93.184.215.14/", "https://"),
        ("https://127.0.0.1/", "public internet addresses"),
        ("https://localhost/", "public internet addresses"),
    ]:
        response = client.post(add, {"name": "Probe", "url": url, "secret": "s" * 30})
        assert response.status_code == 200, url
        assert reason in response.content.decode(), url
    assert not PartnerWebhook.objects.exists()


def test_hosts_written_as_numbers_get_a_reason_not_just_invalid(client, production_rule):
    client.force_login(make_user("webhooks-admin", superuser=True))
    add = reverse("wagtailsnippets_sitewide_partnerwebhook:add")
    with translation.override("en"):
        for host in ["2130706433", "0x7f000001", "0177.0.0.1", "127.1", "0"]:
            response = client.post(add, {"name": "P", "url": f"https://{host}/", "secret": "s"})
            page = response.content.decode()
            assert "not a name or an address this site sends to" in page, host
            assert "Enter a valid URL" not in page, host
        for host in ["localhost.", "ip6-localhost"]:  # what they resolve to depends on the machine
            response = client.post(add, {"name": "P", "url": f"https://{host}/", "secret": "s"})
            page = response.content.decode()
            assert "could not be resolved" in page or "public internet addresses" in page, host
    assert not PartnerWebhook.objects.exists()


def test_the_signing_secret_is_offered_when_created_and_never_shown_again(client):
    client.force_login(make_user("webhooks-admin", superuser=True))
    add = client.get(reverse("wagtailsnippets_sitewide_partnerwebhook:add")).content.decode()
    assert 'name="secret"' in add
    hook = PartnerWebhook.objects.create(name="Partner", url="https://93.184.215.14/hook")
    edit = reverse("wagtailsnippets_sitewide_partnerwebhook:edit", args=[hook.pk])
    page = client.get(edit).content.decode()
    assert 'name="url"' in page
    assert hook.secret not in page and 'name="secret"' not in page
    # Saving the edit form keeps the secret the partner has.
    response = client.post(edit, {"name": "Renamed", "url": hook.url, "active": "on"})
    assert response.status_code == 302
    renamed = PartnerWebhook.objects.get(pk=hook.pk)
    assert renamed.name == "Renamed" and renamed.secret == hook.secret


class Receiver(BaseHTTPRequestHandler):
    hits: list = []
    location = ""

    def do_POST(self):  # noqa: N802 - http.server's naming
        self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.hits.append(self.path)
        if self.path == "/moved":
            self.send_response(302)
            self.send_header("Location", Receiver.location)
        else:
            self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def receiver():
    Receiver.hits = []
    server = HTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()


def delivery_to(url: str) -> WebhookDelivery:
    # Saved without the form's check, as a webhook saved before the rule (or whose name now
    # resolves elsewhere) would be.
    hook = PartnerWebhook.objects.create(name="Partner", url=url)
    change = ContentChange.objects.create(event="withdrawn", page_id=4321)
    return WebhookDelivery.objects.create(webhook=hook, change=change)


def test_delivery_checks_again_after_resolving_the_name(receiver, settings):
    delivery = delivery_to(f"http://localhost:{receiver.server_port}/hook")
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    attempt(delivery)
    delivery.refresh_from_db()
    assert Receiver.hits == []
    assert delivery.status == WebhookDelivery.PENDING and delivery.attempts == 1
    assert "https://" in delivery.last_error
    delivery.webhook.url = f"https://localhost:{receiver.server_port}/hook"
    delivery.webhook.save()
    attempt(delivery)
    assert Receiver.hits == []
    assert "127.0.0.1" in delivery.last_error or "::1" in delivery.last_error


def test_redirects_are_not_followed(receiver):
    Receiver.location = f"http://127.0.0.1:{receiver.server_port}/elsewhere"
    delivery = delivery_to(f"http://127.0.0.1:{receiver.server_port}/moved")
    attempt(delivery)
    delivery.refresh_from_db()
    assert Receiver.hits == ["/moved"]  # never /elsewhere
    assert delivery.status == WebhookDelivery.PENDING
    assert "302" in delivery.last_error and "redirect" in delivery.last_error


class RawPartner:
    """A partner on the loopback that answers with the bytes it is given, `pause` seconds
    apart, then closes the connection."""

    def __init__(self, pieces: list[bytes], pause: float = 0.0):
        self.pieces, self.pause = pieces, pause
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.answer, daemon=True)
        self.thread.start()

    def answer(self):
        connection, _ = self.listener.accept()
        with connection:
            connection.settimeout(5)
            connection.recv(65536)  # the request (small: one withdrawn event)
            for piece in self.pieces:
                try:
                    connection.sendall(piece)
                except OSError:
                    return  # the site hung up
                if self.stop.wait(self.pause):
                    return
            # Hang up cleanly: say so, then read what is left of the request (closing with
            # unread bytes would send a reset instead of the end of the answer).
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_WR)
                while connection.recv(65536):
                    pass

    def close(self):
        self.stop.set()
        self.thread.join(5)
        self.listener.close()


def test_a_partner_that_drips_its_answer_fails_the_attempt_at_the_deadline(monkeypatch):
    """One deadline for the whole attempt: a byte every 0.3 s never trips a socket timeout,
    but the attempt ends when its time is up, as a failure retried later."""
    monkeypatch.setattr(webhooks, "TIMEOUT", 1)
    partner = RawPartner([b"HTTP/1.1 200 OK\r\n"] + [b"X"] * 20, pause=0.3)
    try:
        delivery = delivery_to(f"http://127.0.0.1:{partner.port}/hook")
        started = time.monotonic()
        attempt(delivery)
        took = time.monotonic() - started
    finally:
        partner.close()
    delivery.refresh_from_db()
    assert took < 2, took
    assert delivery.status == WebhookDelivery.PENDING and delivery.attempts == 1
    assert delivery.last_error == "no complete answer within 1 s"


@pytest.mark.parametrize(
    "answer",
    [
        [b"HTTP/1.1 200 OK\r\nContent-Type: appl"],  # cut in the middle of a header
        [b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"],  # before the blank line
        [b"HTTP/1.1 200"],  # in the status line
        [b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{}"],  # before the body's end
    ],
)
def test_an_answer_cut_short_is_not_a_delivery(answer):
    partner = RawPartner(answer)
    try:
        delivery = delivery_to(f"http://127.0.0.1:{partner.port}/hook")
        attempt(delivery)
    finally:
        partner.close()
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.PENDING and delivery.delivered_at is None
    assert "closed" in delivery.last_error or "reset" in delivery.last_error


def test_a_complete_answer_with_its_body_is_a_delivery():
    partner = RawPartner([b"HTTP/1.1 204 No Content\r\n", b"Server: partner\r\n\r\n"])
    body = RawPartner([b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n", b"{}"])
    try:
        for server in (partner, body):
            delivery = delivery_to(f"http://127.0.0.1:{server.port}/hook")
            attempt(delivery)
            delivery.refresh_from_db()
            assert delivery.status == WebhookDelivery.DELIVERED, delivery.last_error
    finally:
        partner.close()
        body.close()


def test_the_loopback_exception_is_refused_by_the_deploy_check(settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = True
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    assert LOOPBACK_ALLOWED in [message.id for message in found]
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    assert LOOPBACK_ALLOWED not in [message.id for message in found]
