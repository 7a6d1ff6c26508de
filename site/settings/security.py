"""Hosts, HTTPS, staff sign-in, Content-Security-Policy and the other security headers
(docs/security.md). The secure defaults hold unless SITE_HTTPS=0 (plain http on the loopback)."""

from csp.constants import NONCE, UNSAFE_INLINE

from sitewide.environment import env
from sitewide.settings.base import DEBUG, LONGREAD_VIDEO_HOSTS

ALLOWED_HOSTS = env("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env("CSRF_TRUSTED_ORIGINS")

# HTTPS is assumed unless SITE_HTTPS=0; `make run` serves plain http on the loopback only.
SITE_HTTPS = env("SITE_HTTPS")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in rate limiting (django-axes): 5 failed attempts lock that user name from that address
# for an hour; other users and addresses are unaffected. Failed attempts keep the address until
# the cool-off ends (`axes_reset` clears them); successful sign-ins are not logged.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
# Password-reset requests an hour (sitewide.serving.request_checks).
PASSWORD_RESET_PER_ADDRESS = 3
PASSWORD_RESET_PER_CLIENT = 10
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "sitewide/admin/locked_out.html"
# Two-factor sign-in (django-otp, TOTP): the issuer shown in authenticator apps.
OTP_TOTP_ISSUER = env("SITE_NAME")

# Content-Security-Policy of reader pages (and the API): nothing unless listed, everything from
# this site only, no inline script; frames only from the video hosts (VIDEO_HOSTS, loaded when
# the reader clicks). The admin has its own policy below.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'none'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": [f"https://{host}" for host in LONGREAD_VIDEO_HOSTS] or ["'none'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# The admin's policy (sitewide.serving.security): scripts from this site or carrying this request's
# nonce; every exception is listed with its reason in docs/security.md, "Admin
# Content-Security-Policy". The admin's preview frames show the admin itself.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'", UNSAFE_INLINE],
        "img-src": ["'self'", "data:", "blob:"],
        "media-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *(f"https://{host}" for host in LONGREAD_VIDEO_HOSTS)],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}
# Powerful features nobody here needs, denied to the site and to every frame it embeds. Not
# denied: clipboard-write and web-share (the share buttons), fullscreen and picture-in-picture
# (the video frames), publickey-credentials-* (security keys for staff sign-in).
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)
# The admin shows initials, never avatars fetched from a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_COOKIE_SECURE = SITE_HTTPS
CSRF_COOKIE_SECURE = SITE_HTTPS
SECURE_SSL_REDIRECT = SITE_HTTPS and not DEBUG
SECURE_HSTS_SECONDS = 31_536_000 if SITE_HTTPS and not DEBUG else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
# `preload` in the header only says the site may be preloaded; submitting the domain to the
# browsers' preload list is a separate, deliberate step (docs/security.md). HSTS_PRELOAD=0 leaves
# it out.
SECURE_HSTS_PRELOAD = SECURE_HSTS_SECONDS > 0 and env("HSTS_PRELOAD")
if env("BEHIND_TLS_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
