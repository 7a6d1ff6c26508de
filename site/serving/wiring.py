"""How serving readers wires itself (called from SitewideConfig.ready())."""


def ready(app_config):
    from sitewide.serving import (
        media_views,  # noqa: F401 - purges the files of taken-down pages from a CDN
    )
    from sitewide.serving.public_surfaces import register_surfaces
    from sitewide.serving.security import nonce_chooser_scripts

    register_surfaces()
    nonce_chooser_scripts()
