"""Where a partner webhook may point: a public HTTPS address, never this server's neighbours.

Staff who can add webhooks must not be able to make the server probe its own network (the
cloud metadata service at 169.254.169.254, a database on 10.0.0.5, the loopback). So a webhook
URL is checked when it is saved and again at every delivery, after its name is resolved: https
only, and every address the name resolves to must be a public one (not private, loopback,
link-local, multicast, reserved or otherwise special). Delivery then connects to the address it
checked (a name that resolves differently a moment later changes nothing) and follows no
redirect.

`WEBHOOKS_ALLOW_LOOPBACK` lets the test suite's receivers on 127.0.0.1 (plain http) through. It
is a test-only setting: `check --deploy` refuses it (`sitewide.api.webhook_urls.E001`).
"""

import http.client
import ipaddress
import socket
import ssl
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

LOOPBACK_ALLOWED = "sitewide.api.webhook_urls.E001"


class UnsafeWebhookURL(ValueError):
    """The URL may not receive webhooks; the message says why, for staff."""


def loopback_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOKS_ALLOW_LOOPBACK", False))


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_link_local
    )


def _allowed(address) -> bool:
    return _is_public(address) or (loopback_allowed() and address.is_loopback)


def target(url: str, resolve=socket.getaddrinfo) -> tuple[str, str, int, str]:
    """(scheme, host, port, address to connect to) for a URL that may receive webhooks;
    raises UnsafeWebhookURL otherwise."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeWebhookURL(_("This is not a valid web address.")) from None
    host = parts.hostname
    if not host:
        raise UnsafeWebhookURL(_("This is not a valid web address."))
    scheme = parts.scheme.lower()
    if scheme != "https" and not (scheme == "http" and loopback_allowed()):
        raise UnsafeWebhookURL(_("Webhook addresses must start with https://."))
    if parts.username or parts.password:
        raise UnsafeWebhookURL(_("Webhook addresses may not contain a user name or password."))
    port = port or (443 if scheme == "https" else 80)
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = resolve(host, port, type=socket.SOCK_STREAM)
        except (OSError, UnicodeError):
            raise UnsafeWebhookURL(
                _("The host name %(host)s could not be resolved.") % {"host": host}
            ) from None
        addresses = [ipaddress.ip_address(info[4][0].split("%", 1)[0]) for info in infos]
    if not addresses:
        raise UnsafeWebhookURL(_("The host name %(host)s could not be resolved.") % {"host": host})
    refused = [str(a) for a in addresses if not _allowed(a)]
    if refused:
        raise UnsafeWebhookURL(
            _(
                "Webhooks may only go to public internet addresses; %(host)s is "
                "%(addresses)s (private, loopback, link-local or reserved)."
            )
            % {"host": host, "addresses": ", ".join(refused)}
        )
    return scheme, host, port, str(addresses[0])


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand, with the certificate checked for the host."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self):
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


def post(url: str, body: bytes, headers: dict, timeout: float) -> int:
    """POSTs to the checked address; returns the status. Redirects are answers, not followed."""
    scheme, host, port, address = target(url)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = connection_class(host, port, address, timeout)
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        response.read(64 * 1024)
        return response.status
    finally:
        connection.close()


@checks.register(checks.Tags.security, deploy=True)
def check_no_loopback_webhooks(app_configs=None, **kwargs):
    if not loopback_allowed():
        return []
    return [
        checks.Error(
            "WEBHOOKS_ALLOW_LOOPBACK is on: webhooks may reach this server's own loopback "
            "addresses over plain http.",
            hint="It exists for the test suite only; remove it from production settings.",
            id=LOOPBACK_ALLOWED,
        )
    ]
