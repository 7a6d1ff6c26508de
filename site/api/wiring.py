"""How the content API wires itself (called from SitewideConfig.ready())."""


def ready(app_config):
    from sitewide.api import (
        changes,  # noqa: F401 - records the API's changes feed
        webhook_urls,  # noqa: F401 - registers its deployment check
    )
