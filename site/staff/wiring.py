"""How the staff's roles wire themselves (called from SitewideConfig.ready())."""


def ready(app_config):
    from django.db.models.signals import post_migrate

    from sitewide.staff import roles

    # Before wagtail.snippets registers its viewsets: its app comes after this one in
    # INSTALLED_APPS, so its ready() runs after this.
    roles.register_language_scoped_policies()
    roles.register_translator_limits()
    # After every migrate. Receivers run in the order they are connected: this one before
    # sitewide.languages.ensure_locales, which SitewideConfig.ready() connects after the concerns.
    post_migrate.connect(roles.ensure_groups_after_migrate, sender=app_config)
