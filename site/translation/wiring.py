"""How the translation workflow wires itself (called from SitewideConfig.ready())."""


def ready(app_config):
    from sitewide.translation import (
        notices,  # noqa: F401 - tells translators of changes
        review,  # noqa: F401 - publishing waits for the review of machine translation
    )
    from sitewide.translation.machine import withhold_machine_translator_from_editor

    withhold_machine_translator_from_editor()
