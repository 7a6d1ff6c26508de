"""The one rule: may a story be shown in a language, on a channel, at a moment?

Every public surface (pages, listings, home cards, related stories, search, sitemap, feeds,
hreflang alternates, language switcher, API, caches) asks this module, at request time. Pages
that are not testimonies carry no teller's consent and follow Wagtail's own live/public state.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext

WEBSITE = "website"
API = "api"
SOCIAL = "social"
PRINT = "print"
CHANNELS = (WEBSITE, API, SOCIAL, PRINT)


def today():
    return timezone.localdate()


def _consent_in_force(channel: str, on, locale_ref):
    """An Exists() over consent records that cover `channel` and the locale at `locale_ref`."""
    from stories.models import ConsentRecord, ConsentWithdrawal

    if channel not in CHANNELS:
        raise ValueError(f"Unknown consent channel {channel!r}")
    withdrawn = ConsentWithdrawal.objects.filter(
        record=OuterRef("pk"), withdrawn_on__lte=on
    ).filter(
        Q(part=ConsentWithdrawal.EVERYTHING)
        | Q(part=channel)
        | Q(part=ConsentWithdrawal.LANGUAGE, language=OuterRef(locale_ref))
    )
    return Exists(
        ConsentRecord.objects.filter(
            pk=OuterRef("consent_id"),
            given_on__lte=on,
            languages=OuterRef(locale_ref),
            **{f"allows_{channel}": True},
        )
        .filter(Q(expires_on__isnull=True) | Q(expires_on__gt=on))
        .exclude(Exists(withdrawn))
    )


def blocked_testimonies(channel: str, on=None):
    """Testimony pages (in any language) that the consent rule keeps from readers."""
    from stories.models import TestimonyPage

    on = on or today()
    return TestimonyPage.objects.exclude(
        _consent_in_force(channel, on, OuterRef("locale_id"))
    ).values("pk")


def visible_pages(queryset, channel: str = WEBSITE, on=None):
    """Narrow a page queryset to what readers of `channel` may see: live, public, consented."""
    return queryset.live().public().exclude(pk__in=blocked_testimonies(channel, on))


def page_is_visible(page, channel: str = WEBSITE, on=None) -> bool:
    from wagtail.models import Page

    return visible_pages(Page.objects.filter(pk=page.pk), channel, on).exists()


def consent_problem(page, language_code: str | None = None, on=None) -> str | None:
    """Why `page` may not be published on the website now, or None when it may.

    Used by every publish path; the message is shown to staff as it is.
    """
    record = getattr(page, "consent", None)
    if not hasattr(page, "consent_id"):
        return None  # not a testimony: no teller's consent involved
    if record is None:
        return gettext("This story has no consent record. A consent officer must link one first.")
    on = on or today()
    language_code = language_code or page.locale.language_code
    return record.problem(WEBSITE, language_code, on)
