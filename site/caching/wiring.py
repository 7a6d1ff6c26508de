"""How the caches wire themselves (called from SitewideConfig.ready())."""


def ready(app_config):
    from longread import fragments as longread_fragments
    from sitewide.caching import (
        fragments,
        signals,  # noqa: F401 - renews and erases what the caches keep
    )

    longread_fragments.install(fragments.keep)
