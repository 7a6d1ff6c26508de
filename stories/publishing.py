"""Checks that the layers above add to publishing, asked by every page type's publish().

Every publish path (edit view, scheduled publishing, bulk actions, workflows, wagtail-localize's
translation editor and sync) ends in `LongreadPage.publish()`. The consent rule is the story
layer's own check (`TestimonyPage.publish_problem`); the site layer registers its rules here
(for example: a translation waits for the review of its machine-translated segments), so the
story layer does not import them.
"""

from collections.abc import Callable

# check(page, revision, user) -> a message for staff, or None when it may be published.
PublishCheck = Callable[..., str | None]
_checks: list[PublishCheck] = []


def register_publish_check(check: PublishCheck) -> PublishCheck:
    if check not in _checks:
        _checks.append(check)
    return check


def registered_problem(page, revision, user) -> str | None:
    for check in _checks:
        problem = check(page, revision, user)
        if problem:
            return problem
    return None


# limit(user, page, action) -> True when the layers above forbid `action` ("delete", "move",
# "unpublish", "lock") on `page` to `user`, whatever Wagtail's page permissions say.
PageActionLimit = Callable[..., bool]
_limits: list[PageActionLimit] = []


def register_page_action_limit(limit: PageActionLimit) -> PageActionLimit:
    if limit not in _limits:
        _limits.append(limit)
    return limit


def action_forbidden(user, page, action: str) -> bool:
    return any(limit(user, page, action) for limit in _limits)
