from django.apps import AppConfig


class SitewideConfig(AppConfig):
    """Configuration, site-wide pages and settings, URL and API wiring: the top layer."""

    name = "sitewide"
    label = "sitewide"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from longread.concerns import ready_concerns
        from sitewide import signal_handlers  # noqa: F401 - connects the receivers
        from sitewide.languages import ensure_locales, fall_back_to_english

        # Every concern folder wires itself (its `wiring.ready()`: api, caching, operations,
        # serving, staff, translation, ...), in name order. This runs before the apps after this
        # one in INSTALLED_APPS are ready: the staff's roles rely on it (wagtail.snippets).
        ready_concerns(self)

        # After the concerns: post_migrate receivers run in the order they are connected, and
        # the translators' groups (the staff concern's) are seen to before the locales.
        post_migrate.connect(ensure_locales, sender=self)
        fall_back_to_english()
