"""Logs keep no reader's address (sitewide.operations.logs). Django's error mails (mail_admins)
would carry the reader's address, referrer and headers: Django's loggers only pass their records
on to the console, at LOG_LEVEL."""

from sitewide.environment import env

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "no_addresses": {"()": "sitewide.operations.logs.RemoveAddresses"},
        "one_line": {"()": "sitewide.operations.logs.WithoutTraceback"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["no_addresses"]},
        "console_one_line": {
            "class": "logging.StreamHandler",
            "filters": ["one_line", "no_addresses"],
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL")},
    "loggers": {
        "django": {"handlers": [], "level": "NOTSET", "propagate": True},
        # A request for a host this site is not: one line, no traceback.
        "django.security.DisallowedHost": {
            "handlers": ["console_one_line"],
            "level": "WARNING",
            "propagate": False,
        },
    },
}
