"""Webhook URLs: https to public addresses only, checked when saved and at every delivery
(after name resolution), and no redirect followed (sitewide.api.webhook_urls)."""

import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.core import checks
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

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


def test_the_loopback_exception_is_refused_by_the_deploy_check(settings):
    settings.WEBHOOKS_ALLOW_LOOPBACK = True
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    assert LOOPBACK_ALLOWED in [message.id for message in found]
    settings.WEBHOOKS_ALLOW_LOOPBACK = False
    found = checks.run_checks(include_deployment_checks=True, tags=[checks.Tags.security])
    assert LOOPBACK_ALLOWED not in [message.id for message in found]
