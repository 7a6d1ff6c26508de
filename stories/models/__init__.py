"""The story layer's models, one module per page type or domain; importing them here registers
them with the `stories` app (Django imports this package when the apps load).

- `base.py`: `LongreadPage`, the abstract base of every public page type;
- `testimony.py`: `TestimonyPage` and its related stories; `story_index.py`: `StoryIndexPage`;
- `ledger.py`: `ConsentLedgerEntry`;
- `organisations.py`, `projects.py`, `news.py`: the organisation directory and its snippet,
  projects, news with its feeds;
- the models of a concern live in its folder and are registered here: the reach counter
  (`stories/reach/models.py`), the teller's link (`stories/teller/models.py`), the testimony
  workflow's tasks (`stories/workflow.py`), the consent record and its withdrawals
  (`stories/consent/records.py`).

The order below is the order the models are defined in, which Wagtail keeps for its page types
and snippets (the admin's lists of them, the API schema's): it is the order they had before this
package (the organisations first, then the workflow's tasks, consent, testimonies, projects,
news). Keep it, and add a new module at the end.

`stories.models.ChoiceListField` is named by migration 0001 (it is `stories.fields`'s).
"""

# ruff: noqa: I001 - the imports run in the order the models are defined in (above)
from stories.fields import ChoiceListField  # noqa: F401 - migration 0001 names it here
from stories.models.base import (  # noqa: F401
    SCHEDULED_PUBLISH,
    LimitedPagePermissionTester,
    LongreadPage,
    SameLanguageChoicesForm,
    page_translation_fields,
    same_pages_in_language,
)
from stories.models.organisations import (  # noqa: F401
    COUNTRIES,
    HelpKind,
    Organisation,
    OrganisationDirectoryPage,
    organisations_in,
    validate_country,
)
from stories.workflow import SecondPersonApprovalTask, TellerApprovalTask  # noqa: F401
from stories.consent.records import (  # noqa: F401
    NEVER_COVERED,
    REVIEW_AFTER,
    ConsentRecord,
    ConsentWithdrawal,
    date_problem,
)
from stories.models.testimony import (  # noqa: F401
    RelatedStory,
    TellerKind,
    TestimonyPage,
    TestimonyPageForm,
    Theme,
)
from stories.models.story_index import StoryIndexPage  # noqa: F401
from stories.models.ledger import ConsentLedgerEntry  # noqa: F401
from stories.models.projects import (  # noqa: F401
    ProjectDeliverable,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectRecommendation,
    ProjectStatus,
)
from stories.models.news import NewsFeed, NewsIndexPage, NewsPage  # noqa: F401
from stories.reach.models import ReachCounter  # noqa: F401
from stories.teller.models import TellerLink, TellerMessage  # noqa: F401
