"""Where a partner webhook may point: a public HTTPS address, never this server's neighbours.

Staff who can add webhooks must not be able to make the server probe its own network (the
cloud metadata service at 169.254.169.254, a database on 10.0.0.5, the loopback). So a webhook
URL is checked when it is saved and again at every delivery, after its name is resolved: https
only, and every address the name resolves to must be a public one (not private, loopback,
link-local, multicast, reserved or otherwise special, nor an IPv6 form that carries such an
IPv4 address: IPv4-mapped, 6to4, Teredo, NAT64). Delivery then connects to the address it
checked (a name that resolves differently a moment later changes nothing) and follows no
redirect.

`WEBHOOKS_ALLOW_LOOPBACK` lets the test suite's receivers on 127.0.0.1 (plain http) through. It
is a test-only setting: `check --deploy` refuses it (`sitewide.api.webhook_urls.E001`).
"""

import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks
from django.utils.translation import gettext as _

LOOPBACK_ALLOWED = "sitewide.api.webhook_urls.E001"
BODY_READ = 64 * 1024  # bytes read at a time from a partner's answer


class UnsafeWebhookURL(ValueError):
    """The URL may not receive webhooks; the message says why, for staff."""


def loopback_allowed() -> bool:
    return bool(getattr(settings, "WEBHOOKS_ALLOW_LOOPBACK", False))


NAT64 = ipaddress.ip_network("64:ff9b::/96")
# A host written as numbers only that is not four decimal numbers (2130706433, 0x7f000001,
# 0177.0.0.1, 127.1, 0): resolvers read these as addresses, people do not.
NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|[0-9]+)(?:\.(?:0x[0-9a-f]*|[0-9]+))*\.?", re.ASCII)


def _embedded(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries and leads to: 6to4 (2002::/16), both ends of
    Teredo (2001::/32), NAT64 (64:ff9b::/96)."""
    found = [address.sixtofour] if address.sixtofour else []
    found += list(address.teredo or ())
    if address in NAT64:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return found


def _is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    public = address.is_global and not (
        address.is_multicast or address.is_reserved or address.is_link_local
    )
    if isinstance(address, ipaddress.IPv6Address):
        return public and all(_is_public(inner) for inner in _embedded(address))
    return public


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
    if literal is None and NUMERIC_HOST.fullmatch(host):
        raise UnsafeWebhookURL(
            _(
                "%(host)s is not a name or an address this site sends to: write a host name, "
                "or an address as four decimal numbers."
            )
            % {"host": host}
        )
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


class NoCompleteAnswer(OSError):
    """The partner gave no complete answer in time, or closed the connection in the middle of
    one: the attempt failed, whatever status it had begun to send."""


class _Deadline:
    """One time limit for the whole attempt: connecting, sending, and reading the status line,
    the headers and the body. A socket's own timeout counts each read afresh, so a partner that
    sends a byte every two seconds would hold the attempt (and the task worker) for minutes;
    when this deadline passes, a watchdog shuts the connection's socket down, and whatever read
    is waiting ends at once."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.expired = False
        self._end = time.monotonic() + seconds
        self._socket = None
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def start(self) -> None:
        self._timer.start()

    def cancel(self) -> None:
        self._timer.cancel()

    def remaining(self) -> float:
        return max(0.001, self._end - time.monotonic())

    def watch(self, sock) -> None:
        """The socket to shut down when the time is up (the plain one, under any TLS)."""
        with self._lock:
            self._socket = sock
            if self.expired:
                sock.close()
                raise self.failure()

    def failure(self) -> NoCompleteAnswer:
        return NoCompleteAnswer(f"no complete answer within {self.seconds:g} s")

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            if self._socket is not None:
                with contextlib.suppress(OSError):
                    self._socket.shutdown(socket.SHUT_RDWR)


class _LineReader:
    """The answer's stream, noting a line that ends without its line break: the connection
    was closed in the middle of the status line or of a header (http.client would take what
    came as all the headers there are)."""

    def __init__(self, stream):
        self._stream = stream
        self.cut = False

    def readline(self, limit=-1):
        line = self._stream.readline(limit)
        if not line.endswith(b"\n"):
            self.cut = True
        return line

    def __getattr__(self, name):
        return getattr(self._stream, name)


class _CheckedResponse(http.client.HTTPResponse):
    def __init__(self, sock, *args, **kwargs):
        super().__init__(sock, *args, **kwargs)
        self.fp = self.lines = _LineReader(self.fp)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to an address checked beforehand, with the certificate checked for the host."""

    response_class = _CheckedResponse

    def __init__(self, host, port, address, deadline):
        super().__init__(host, port, timeout=deadline.seconds, context=ssl.create_default_context())
        self._address = address
        self._deadline = deadline

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self._deadline.remaining())
        self._deadline.watch(sock)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


class _PinnedHTTPConnection(http.client.HTTPConnection):
    response_class = _CheckedResponse

    def __init__(self, host, port, address, deadline):
        super().__init__(host, port, timeout=deadline.seconds)
        self._address = address
        self._deadline = deadline

    def connect(self):
        sock = socket.create_connection((self._address, self.port), self._deadline.remaining())
        self._deadline.watch(sock)
        self.sock = sock


def post(url: str, body: bytes, headers: dict, timeout: float) -> int:
    """POSTs to the checked address; returns the status. Redirects are answers, not followed.

    `timeout` bounds the whole exchange. Only a complete answer counts: a status line and
    headers that end as HTTP says, and the whole body when its Content-Length is given;
    anything less raises NoCompleteAnswer (an OSError)."""
    scheme, host, port, address = target(url)
    parts = urlsplit(url)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    connection_class = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    deadline = _Deadline(timeout)
    connection = connection_class(host, port, address, deadline)
    deadline.start()
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        if response.lines.cut:
            raise NoCompleteAnswer("the connection closed in the middle of the headers")
        if response.length is None:
            response.read(BODY_READ)  # chunked, or until the connection closes: not needed
        while response.length:  # Content-Length given: all of it, or no answer
            if not response.read(min(BODY_READ, response.length)):
                raise NoCompleteAnswer("the connection closed before the end of the body")
        return response.status
    except (OSError, http.client.HTTPException) as error:
        if deadline.expired:
            raise deadline.failure() from None
        if isinstance(error, http.client.IncompleteRead):
            raise NoCompleteAnswer("the connection closed before the end of the body") from None
        raise
    finally:
        deadline.cancel()
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
