"""The one rule: may a story be shown in a language, on a channel, at a moment?

Every public surface (pages, listings, home cards, related stories, search, sitemap, feeds,
hreflang alternates, language switcher, API, caches) asks this module, at request time. Pages
that are not testimonies carry no teller's consent and follow Wagtail's own live/public state.
"""

import functools

from django.db.models import BooleanField, Case, Exists, F, OuterRef, Q, Value, When
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.translation import gettext

WEBSITE = "website"
API = "api"
SOCIAL = "social"
PRINT = "print"
CHANNELS = (WEBSITE, API, SOCIAL, PRINT)


def today():
    return timezone.localdate()


def _consent_in_force(channel: str, on, locale_field: str = "locale_id"):
    """An Exists() over consent records that cover `channel` and the language of the page of the
    query it sits in (its `locale_field`)."""
    from stories.models import ConsentRecord, ConsentWithdrawal

    if channel not in CHANNELS:
        raise ValueError(f"Unknown consent channel {channel!r}")
    withdrawn = ConsentWithdrawal.objects.filter(
        record=OuterRef("pk"), withdrawn_on__lte=on
    ).filter(
        Q(part=ConsentWithdrawal.EVERYTHING)
        | Q(part=channel)
        # Two levels up: past the consent record, to the page.
        | Q(part=ConsentWithdrawal.LANGUAGE, language=OuterRef(OuterRef(locale_field)))
    )
    return Exists(
        ConsentRecord.objects.filter(
            pk=OuterRef("consent_id"),
            given_on__lte=on,
            languages=OuterRef(locale_field),
            **{f"allows_{channel}": True},
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gt=on))
        .exclude(Exists(withdrawn))
    )


def blocked_testimonies(channel: str, on=None):
    """Testimony pages (in any language) that the consent rule keeps from readers.

    Each testimony is checked in its own language; the subquery does not depend on the query it
    is used in, so the database works it out once, not once per row.
    """
    from stories.models import TestimonyPage

    on = on or today()
    return TestimonyPage.objects.exclude(_consent_in_force(channel, on)).values("pk")


def _view_restricted():
    """An Exists() that is true when the page of the row is, or is below, a page with a view
    restriction (what Wagtail's `.public()` leaves out)."""
    from wagtail.models import PageViewRestriction

    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length(F("page__path")))
        )
    )


def not_view_restricted(queryset):
    """Wagtail's `.public()` as one subquery; `.public()` reads every restriction in a query of
    its own each time it is called."""
    return queryset.exclude(_view_restricted())


def _blocked_here(channel: str, on=None):
    """An Exists() that is true when the page of the row is a testimony the rule keeps from
    readers: one lookup by primary key per row, however many testimonies there are."""
    return _blocked_here_on(channel, on or today())


@functools.lru_cache(maxsize=32)
def _blocked_here_on(channel: str, on):
    # Built once per channel and day: building the nested subqueries cost more than running
    # them. Django copies an expression whenever a query uses it, so one may serve many.
    from stories.models import TestimonyPage

    return Exists(
        TestimonyPage.objects.filter(pk=OuterRef("pk")).exclude(_consent_in_force(channel, on))
    )


def visible_pages(queryset, channel: str = WEBSITE, on=None):
    """Narrow a page queryset to what readers of `channel` may see: live, public, consented."""
    return not_view_restricted(queryset.live()).exclude(_blocked_here(channel, on))


def linkable_pages(queryset, channel: str = WEBSITE):
    """The rule for rich text links (registered with longread.preload): a link names a page
    only while readers of the request's channel may see it."""
    return visible_pages(queryset, channel if channel in CHANNELS else WEBSITE)


def visibility_flags(channels=CHANNELS, on=None, model=None) -> dict:
    """Per channel, an expression for a page queryset: may readers of that channel see the row?

    The same rule as visible_pages(), as values instead of a filter, so that one query can fetch
    a page and ask about several channels. For a queryset of a page type that is not a
    testimony (`model`), the consent records are not consulted: such pages carry none.
    """
    from stories.models import TestimonyPage

    consented = model is None or issubclass(model, TestimonyPage)

    def flag(channel):
        hidden = [When(live=False, then=Value(False)), When(_view_restricted(), then=Value(False))]
        if consented:
            hidden.append(When(_blocked_here(channel, on), then=Value(False)))
        return Case(*hidden, default=Value(True), output_field=BooleanField())

    return {channel: flag(channel) for channel in channels}


def page_visibility(page, channels=CHANNELS, on=None) -> dict[str, bool]:
    """Whether `page` is visible on each of `channels`, in one query."""
    from wagtail.models import Page

    row = Page.objects.filter(pk=page.pk).values(**visibility_flags(channels, on)).first()
    return {channel: bool(row and row[channel]) for channel in channels}


def remember_visibility(page, visibility: dict[str, bool]) -> None:
    """Keep what was decided for the page object that this one request serves (the serve hook
    and the template ask again; the answer cannot change within the request)."""
    page._visibility_this_request = visibility


def remembered_visibility(page) -> dict[str, bool] | None:
    return getattr(page, "_visibility_this_request", None)


def page_is_visible(page, channel: str = WEBSITE, on=None) -> bool:
    remembered = remembered_visibility(page)
    if on is None and remembered is not None and channel in remembered:
        return remembered[channel]
    return page_visibility(page, (channel,), on)[channel]


def consent_problem(
    page, language_code: str | None = None, on=None, channel: str = WEBSITE
) -> str | None:
    """Why `page` (perhaps a draft) may not be shown on `channel` now, or None when it may.

    Used by every publish path (website) and by headless previews (API); the message is shown
    to staff as it is.
    """
    record = getattr(page, "consent", None)
    if not hasattr(page, "consent_id"):
        return None  # not a testimony: no teller's consent involved
    if record is None:
        return gettext("This story has no consent record. A consent officer must link one first.")
    on = on or today()
    language_code = language_code or page.locale.language_code
    return record.problem(channel, language_code, on)
