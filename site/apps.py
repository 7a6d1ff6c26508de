from django.apps import AppConfig


class SitewideConfig(AppConfig):
    """Configuration, site-wide pages and settings, URL and API wiring: the top layer."""

    name = "sitewide"
    label = "sitewide"
    verbose_name = "Site"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from sitewide import signal_handlers  # noqa: F401 - connects the receivers
        from sitewide.api import (
            changes,  # noqa: F401 - records the API's changes feed
            webhook_urls,  # noqa: F401 - registers its deployment check
        )
        from sitewide.caching import signals  # noqa: F401 - renews and erases what the caches keep
        from sitewide.operations import (
            scale_out,  # noqa: F401 - registers the deployment check for several machines
        )
        from sitewide.serving import (
            media_views,  # noqa: F401 - purges the files of taken-down pages from a CDN
        )
        from sitewide.serving.public_surfaces import register_surfaces
        from sitewide.serving.security import nonce_chooser_scripts

        register_surfaces()
        nonce_chooser_scripts()

        from sitewide.operations.task_routing import keep_wagtail_integrity_tasks_immediate

        keep_wagtail_integrity_tasks_immediate()

        from sitewide.translation import (
            notices,  # noqa: F401 - tells translators of changes
            review,  # noqa: F401 - publishing waits for the review of machine translation
        )
        from sitewide.translation.machine import withhold_machine_translator_from_editor

        withhold_machine_translator_from_editor()

        from django.db.models.signals import post_migrate

        from sitewide.staff import roles

        # Before wagtail.snippets registers its viewsets (a later app in INSTALLED_APPS).
        roles.register_language_scoped_policies()
        roles.register_translator_limits()
        post_migrate.connect(roles.ensure_groups_after_migrate, sender=self)

        from django.db.models.signals import post_migrate

        from sitewide.languages import ensure_locales, fall_back_to_english

        post_migrate.connect(ensure_locales, sender=self)
        fall_back_to_english()
