from wagtail.actions.publish_revision import PublishPermissionError


class ConsentRefused(PublishPermissionError):
    """Publishing was refused because the teller's consent does not cover it."""
