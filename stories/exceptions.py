from wagtail.actions.publish_revision import PublishPermissionError


class PublishRefused(PublishPermissionError):
    """Publishing was refused by a rule of this project; the message is for staff."""


class ConsentRefused(PublishRefused):
    """Publishing was refused because the teller's consent does not cover it."""
