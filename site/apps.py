from django.apps import AppConfig


class SitewideConfig(AppConfig):
    """Configuration, site-wide pages and settings, URL and API wiring: the top layer."""

    name = "sitewide"
    label = "sitewide"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sitewide import (
            chrome,  # noqa: F401 - forgets the cached chrome on every save
            signal_handlers,  # noqa: F401 - connects the receivers
        )
        from sitewide.api import changes  # noqa: F401 - records the API's changes feed
        from sitewide.public_surfaces import register_surfaces
        from sitewide.security import nonce_chooser_scripts

        register_surfaces()
        nonce_chooser_scripts()
