"""Taking stories down when consent ends: one service for the admin action and the commands."""

from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.search import index as search_index

from stories import consent
from stories.consent import mentions, scope
from stories.models import ConsentLedgerEntry, ConsentRecord, ConsentWithdrawal, TestimonyPage
from stories.signals import stories_taken_down


@dataclass
class TakedownResult:
    record: ConsentRecord
    unpublished: list[int] = field(default_factory=list)
    # Other pages that name the story or link to it, for editors to review
    # (stories.consent.mentions).
    review: list[str] = field(default_factory=list)

    def describe(self) -> str:
        pages = ", ".join(str(pk) for pk in self.unpublished) or "none"
        text = f"{self.record.pseudonym}: unpublished pages {pages}"
        if self.review:
            text += ". " + " ".join(self.review)
        return text


def unpublish(page, user):
    # Taking a story down is the consent officer's duty, whatever their page permissions.
    UnpublishPageAction(page, user=user, log_action=True).execute(skip_permission_checks=True)


def story_page_ids(record: ConsentRecord, also=()) -> set[int]:
    """Every page of the story, for takedown and erasure alike: pages governed by the record,
    their translations (same translation key), aliases in both directions, and anything below
    them. `also`: ids of pages known to belong to the story (from the consent ledger)."""
    ids = set(TestimonyPage.objects.filter(consent=record).values_list("pk", flat=True))
    ids |= set(Page.objects.filter(pk__in=list(also)).values_list("pk", flat=True))
    while True:
        pages = Page.objects.filter(pk__in=ids)
        found = set(
            Page.objects.filter(
                Q(translation_key__in=pages.values("translation_key"))
                | Q(alias_of__in=ids)
                | Q(pk__in=pages.exclude(alias_of=None).values("alias_of"))
            ).values_list("pk", flat=True)
        )
        for page in Page.objects.filter(pk__in=found):
            found |= set(page.get_descendants().values_list("pk", flat=True))
        if found <= ids:
            return ids
        ids |= found


@transaction.atomic
def take_down(
    record: ConsentRecord,
    kind: str,
    user=None,
    *,
    withdrawal: ConsentWithdrawal | None = None,
    narrowing: dict | None = None,
    write_ledger: bool = True,
) -> TakedownResult:
    """Unpublish every page of the story that the consent rule now hides from the website,
    remove them from the search index, purge caches, and write the ledger. Idempotent.

    A withdrawal or a narrowed scope (`narrowing`, from stories.consent.scope) is always written to
    the ledger, even when it hides no web page (API, social, print, photos): a restore of an
    older backup must record it again. Re-applying the ledger after a
    restore passes `write_ledger=False`: the entry is already there.
    """
    result = TakedownResult(record)
    pages = Page.objects.filter(pk__in=story_page_ids(record))
    hidden = set(
        pages.exclude(
            pk__in=consent.visible_pages(pages, consent.WEBSITE).values("pk")
        ).values_list("pk", flat=True)
    )
    # A page the API may still show (only the website was withdrawn or narrowed) stays live:
    # the rule hides it from every website surface at request time, and partners keep it.
    api_shown = set(consent.visible_pages(pages, consent.API).values_list("pk", flat=True))
    for page in Page.objects.filter(pk__in=hidden).specific().order_by("-depth"):
        if page.live and page.pk not in api_shown:
            unpublish(page, user)
            result.unpublished.append(page.pk)
        search_index.remove_object(page)
    if write_ledger and (result.unpublished or withdrawal is not None or narrowing):
        entry_scope = dict(narrowing or {})
        if withdrawal is not None:
            entry_scope["withdrawn_on"] = withdrawal.withdrawn_on.isoformat()
        if kind == ConsentLedgerEntry.EXPIRY and record.expires_on:
            # A restore of a backup from before the expiry date was set puts it back.
            entry_scope.setdefault("expires_on", record.expires_on.isoformat())
        ConsentLedgerEntry.objects.create(
            scope=entry_scope,
            kind=kind,
            consent_record_id=record.pk,
            story_key=TestimonyPage.objects.filter(consent=record)
            .values_list("translation_key", flat=True)
            .first(),
            page_ids=sorted(result.unpublished),
            withdrawal_id=withdrawal.pk if withdrawal else None,
            part=withdrawal.part if withdrawal else "",
            language_code=(
                withdrawal.language.language_code if withdrawal and withdrawal.language else ""
            ),
        )
    # API answers depend on consent too: purge caches for every page of the story, hidden or not.
    all_ids = list(pages.values_list("pk", flat=True))
    transaction.on_commit(lambda: stories_taken_down.send(sender=ConsentRecord, page_ids=all_ids))
    return result


@transaction.atomic
def withdraw(
    record: ConsentRecord,
    reason: str,
    part: str = ConsentWithdrawal.EVERYTHING,
    language=None,
    user=None,
) -> TakedownResult:
    """The teller withdrew all or part of their consent (GDPR Art. 7(3)): record it, act on it."""
    withdrawal = ConsentWithdrawal(
        record=record,
        withdrawn_on=timezone.localdate(),
        reason=reason,
        part=part,
        language=language,
    )
    withdrawal.full_clean(exclude=["record"])
    with scope.quiet():  # acted on here, with the officer's name: one ledger entry
        withdrawal.save()
    log(
        instance=record,
        action="stories.consent.withdrawn",
        user=user,
        data={"part": part, "language": language.language_code if language else None},
    )
    result = take_down(record, ConsentLedgerEntry.WITHDRAWAL, user=user, withdrawal=withdrawal)
    result.review = mentions.report(record.pseudonym, story_page_ids(record))
    return result


def act_on_record_edit(record: ConsentRecord, user=None) -> list[TakedownResult]:
    """A consent officer edited the record itself. Withdrawals added in its form count like the
    Withdraw action's (taken down, written to the ledger, so a restore re-applies them); a scope
    narrowed in the form (a channel or language removed) takes down what it no longer covers,
    written to the ledger like an expiry."""
    recorded = scope.recorded_withdrawals(record.pk)
    results = [
        take_down(record, ConsentLedgerEntry.WITHDRAWAL, user=user, withdrawal=withdrawal)
        for withdrawal in record.withdrawals.exclude(pk__in=recorded).order_by("pk")
    ]
    results.append(take_down(record, ConsentLedgerEntry.EXPIRY, user=user))
    return results


def enforce_all(user=None) -> list[TakedownResult]:
    """Take down every live story whose consent no longer covers it (expiry, for cron)."""
    blocked_live = TestimonyPage.objects.live().filter(
        pk__in=consent.blocked_testimonies(consent.WEBSITE)
    )
    records = ConsentRecord.objects.filter(stories__in=blocked_live).distinct()
    results = [take_down(record, ConsentLedgerEntry.EXPIRY, user=user) for record in records]
    # Live testimonies with no consent record at all.
    orphans = list(blocked_live.filter(consent__isnull=True))
    for page in orphans:
        unpublish(page, user)
        search_index.remove_object(page)
    # Stories the website still shows but partners may not since a date passed (a withdrawal
    # of the API dated ahead, an API-only expiry): announced, once, so partners take them down.
    api_hidden = list(
        TestimonyPage.objects.live()
        .filter(pk__in=consent.blocked_testimonies(consent.API))
        .values_list("pk", flat=True)
    )
    if api_hidden:
        transaction.on_commit(
            lambda: stories_taken_down.send(sender=ConsentRecord, page_ids=api_hidden)
        )
    return [result for result in results if result.unpublished]
