"""How the caches wire themselves (called from SitewideConfig.ready())."""


def ready(app_config):
    from sitewide.caching import signals  # noqa: F401 - renews and erases what the caches keep
