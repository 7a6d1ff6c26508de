"""What the consent register shows consent officers: a record's status, and which pages and
languages a withdrawal or an edit takes offline, named. Read-only: the takedown itself is
`stories.consent.takedown`'s."""

import datetime

from django.db.models import Exists, OuterRef, Q
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from stories import consent
from stories.models import ConsentRecord, ConsentWithdrawal

REVIEW_WINDOW = datetime.timedelta(days=30)

ACTIVE = "active"
PARTLY_WITHDRAWN = "partly_withdrawn"
WITHDRAWN = "withdrawn"
EXPIRED = "expired"
REVIEW_DUE = "review_due"
STATUS_CHOICES = [
    (ACTIVE, _("Active")),
    (PARTLY_WITHDRAWN, _("Partly withdrawn")),
    (WITHDRAWN, _("Withdrawn")),
    (EXPIRED, _("Expired")),
    (REVIEW_DUE, _("Review due")),
]
STATUS_LABELS = dict(STATUS_CHOICES)


def record_status(record: ConsentRecord, on=None) -> str:
    on = on or consent.today()
    withdrawals = [w for w in record.withdrawals.all() if w.withdrawn_on <= on]
    if any(w.part == ConsentWithdrawal.EVERYTHING for w in withdrawals):
        return WITHDRAWN
    if record.expires_on and record.expires_on <= on:
        return EXPIRED
    if withdrawals:
        return PARTLY_WITHDRAWN
    if record.review_on and record.review_on <= on + REVIEW_WINDOW:
        return REVIEW_DUE
    return ACTIVE


def filter_by_status(queryset, status: str, on=None):
    on = on or consent.today()
    withdrawn_on = ConsentWithdrawal.objects.filter(record=OuterRef("pk"), withdrawn_on__lte=on)
    everything = Exists(withdrawn_on.filter(part=ConsentWithdrawal.EVERYTHING))
    any_part = Exists(withdrawn_on)
    expired = Q(expires_on__isnull=False, expires_on__lte=on)
    queryset = queryset.annotate(_everything=everything, _any_part=any_part)
    if status == WITHDRAWN:
        return queryset.filter(_everything=True)
    if status == EXPIRED:
        return queryset.filter(expired, _everything=False)
    if status == PARTLY_WITHDRAWN:
        return queryset.filter(_any_part=True, _everything=False).exclude(expired)
    not_ended = queryset.filter(_any_part=False).exclude(expired)
    due = Q(review_on__lte=on + REVIEW_WINDOW)
    if status == REVIEW_DUE:
        return not_ended.filter(due)
    if status == ACTIVE:
        return not_ended.exclude(due)
    return queryset


def page_label(page) -> str:
    # The title isolated (FSI … PDI), so a right-to-left title keeps the sentence in order.
    return gettext("“%(title)s” (%(language)s)") % {
        "title": f"\u2068{page.title}\u2069",
        "language": page.locale.get_display_name(),
    }


def live_on_website(record: ConsentRecord):
    """The record's pages readers can read now."""
    pages = record.stories.filter(live=True).select_related("locale")
    return [page for page in pages if consent.page_is_visible(page, consent.WEBSITE)]


def withdrawal_summary(record: ConsentRecord, part: str, language=None) -> list[str]:
    """Sentences naming what a withdrawal of `part` takes offline, before it is recorded."""
    live = live_on_website(record)
    if part in (ConsentWithdrawal.EVERYTHING, consent.WEBSITE):
        going = live
    elif part == ConsentWithdrawal.LANGUAGE:
        going = [page for page in live if language and page.locale_id == language.pk]
    else:
        going = []
    lines = []
    if going:
        lines.append(
            gettext("These pages go offline at once: %(pages)s.")
            % {"pages": ", ".join(page_label(page) for page in going)}
        )
    else:
        lines.append(gettext("No page on the website goes offline."))
    channels = {
        ConsentWithdrawal.EVERYTHING: gettext("the website, the API, social media and print"),
        consent.API: gettext("the API (partner sites)"),
        consent.SOCIAL: gettext("social media (share links and previews)"),
        consent.PRINT: gettext("print"),
    }
    if part in channels:
        lines.append(
            gettext("The story is no longer shown on %(channels)s, in any language.")
            % {"channels": channels[part]}
        )
    return lines


def pages_named(page_ids) -> str:
    pages = Page.objects.filter(pk__in=list(page_ids)).select_related("locale")
    return ", ".join(page_label(page) for page in pages)


def record_warnings(record: ConsentRecord, on=None) -> list[str]:
    """What a consent officer must know after saving a record that shows nothing."""
    on = on or consent.today()
    warnings = []
    if record.expires_on and record.expires_on <= on:
        warnings.append(
            gettext("This consent has already expired (%(date)s): the story is shown nowhere.")
            % {"date": formats.date_format(record.expires_on, "DATE_FORMAT")}
        )
    if not record.languages.exists():
        warnings.append(
            gettext("This consent covers no language: the story is shown in no language.")
        )
    return warnings
