"""E-mail: the backend EMAIL_URL names sends from the task worker; requests only enqueue
(sitewide.operations.mail)."""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import env

EMAIL_SCHEMES = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}


def parse_email_url(url: str | None) -> tuple[str, dict]:
    """EMAIL_URL such as smtp+tls://user:password@mail.example.org:587; default: the console."""
    if not url:
        return EMAIL_SCHEMES["console"], {}
    parts = urlsplit(url)
    if parts.scheme not in EMAIL_SCHEMES:
        raise ImproperlyConfigured(
            f"EMAIL_URL has an unknown scheme {parts.scheme!r}; use one of "
            + ", ".join(sorted(EMAIL_SCHEMES))
        )
    options: dict = {}
    if parts.scheme.startswith("smtp"):
        try:
            port = parts.port
        except ValueError:
            raise ImproperlyConfigured("EMAIL_URL has an invalid port.") from None
        options = {
            "EMAIL_HOST": parts.hostname or "localhost",
            "EMAIL_PORT": port or (465 if parts.scheme == "smtps" else 587),
            "EMAIL_HOST_USER": unquote(parts.username or ""),
            "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
            "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
            "EMAIL_USE_SSL": parts.scheme == "smtps",
        }
        query = parse_qs(parts.query)
        if "timeout" in query:
            options["EMAIL_TIMEOUT"] = int(query["timeout"][0])
    return EMAIL_SCHEMES[parts.scheme], options


QUEUED_EMAIL_BACKEND, _email_options = parse_email_url(env("EMAIL_URL"))
EMAIL_BACKEND = "sitewide.operations.mail.QueuedEmailBackend"
globals().update(_email_options)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
