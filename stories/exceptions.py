class PublishRefused(Exception):
    """Publishing was refused by a rule of this project; the message is for staff.

    Deliberately not a PermissionDenied: Wagtail's admin answers every PermissionDenied with its
    generic "no access" message before any handler of ours sees it. This one reaches
    `ConsentRefusalMiddleware` (and the workflow views), which show the reason itself.
    """


class ConsentRefused(PublishRefused):
    """Publishing was refused because the teller's consent does not cover it."""
