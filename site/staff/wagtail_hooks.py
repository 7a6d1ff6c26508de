"""Admin hooks of the staff concern (imported by sitewide.wagtail_hooks, with every concern's)."""

from sitewide.staff import (
    cancel_workflow,  # noqa: F401 - cancelling a review asks first
    drafts,  # noqa: F401 - each editor's unfinished drafts on the dashboard
    language_hint,  # noqa: F401 - where to choose the admin's language, when the browser differs
    page_search,  # noqa: F401 - the page search counts its results with a noun
    role_hooks,  # noqa: F401 - translators' language limit, publish checks
    translators,  # noqa: F401 - the editor's actions translators do not see
)
