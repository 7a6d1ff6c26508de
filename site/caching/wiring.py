"""How the caches wire themselves (called from SitewideConfig.ready())."""


def ready(app_config):
    from sitewide.caching import (
        chrome,  # noqa: F401 - forgets the cached chrome on every save
        page_cache,  # noqa: F401 - renews the kept pages when what readers see changes
        page_cache_erasure,  # noqa: F401 - deletes kept pages quoting an erased story
    )
