from django.apps import AppConfig


class SitewideConfig(AppConfig):
    """Configuration, site-wide pages and settings, URL and API wiring: the top layer."""

    name = "sitewide"
    label = "sitewide"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sitewide import signal_handlers  # noqa: F401 - connects the receivers
        from sitewide.public_surfaces import register_surfaces

        register_surfaces()
