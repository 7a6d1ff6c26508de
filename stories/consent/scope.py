"""What a consent record allows, and whether a change narrowed it: one event, from any path.

A consent record (or a withdrawal of it) can be changed by the admin form, the Withdraw
action, a command, a script's `save()`, or a bulk `update()` through `ConsentRecord.objects`.
Each of them goes through `tracked()`: the record's scope is read from the database before the
change (the previously stored state, never the object in memory) and again after it, in the
same transaction. When the change narrowed the scope (a channel, a language or a medium taken
away, the consent starting later or ending earlier, a withdrawal added) `act()` takes down
what the rule now hides and writes the consent ledger, in that transaction; when it commits,
`stories_taken_down` renews the caches, announces the change to partners (changes feed,
webhooks, and so the API's Last-Modified) and purges the story's files from a CDN.

Re-applying the ledger after a restore, and services that act themselves (`withdraw`), run
inside `quiet()`: their saves write no second entry.
"""

import contextlib
import datetime
import threading

from django.core.exceptions import ValidationError
from django.db import transaction

from stories import consent

# Channels and media a record may allow; taking one away narrows the scope.
CHANNEL_FIELDS = tuple(f"allows_{channel}" for channel in consent.CHANNELS)
MEDIA = ("photos", "audio", "video", "machine_translation")
MEDIA_FIELDS = tuple(f"allows_{medium}" for medium in MEDIA)

_state = threading.local()


def _depth() -> int:
    return getattr(_state, "depth", 0)


@contextlib.contextmanager
def quiet():
    """Changes made inside are acted on by the caller itself (or are a re-application)."""
    previous = getattr(_state, "quiet", False)
    _state.quiet = True
    try:
        yield
    finally:
        _state.quiet = previous


def is_quiet() -> bool:
    return getattr(_state, "quiet", False)


def stored(record_ids) -> dict[int, dict]:
    """The scope of each record as the database holds it now (ids, codes and dates only)."""
    from stories.models import ConsentRecord, ConsentWithdrawal

    ids = [pk for pk in record_ids if pk is not None]
    if not ids:
        return {}
    scopes = {
        row["pk"]: {**row, "languages": set(), "withdrawals": {}}
        for row in ConsentRecord.objects.filter(pk__in=ids).values(
            "pk", "given_on", "expires_on", *CHANNEL_FIELDS, *MEDIA_FIELDS
        )
    }
    through = ConsentRecord.languages.through
    for record_id, code in through.objects.filter(consentrecord_id__in=ids).values_list(
        "consentrecord_id", "locale__language_code"
    ):
        scopes[record_id]["languages"].add(code)
    # Each withdrawal with what it takes away: changing one (a language widened to everything,
    # an earlier date) is a withdrawal of its own.
    for record_id, pk, part, code, withdrawn_on in ConsentWithdrawal.objects.filter(
        record_id__in=ids
    ).values_list("record_id", "pk", "part", "language__language_code", "withdrawn_on"):
        scopes[record_id]["withdrawals"][pk] = (part, code, withdrawn_on)
    return scopes


def narrowed(before: dict, after: dict) -> dict:
    """What `after` no longer allows that `before` did, as codes and dates; empty when nothing.

    New withdrawals are not part of it: each is its own ledger entry.
    """
    change = {}
    channels = [f[len("allows_") :] for f in CHANNEL_FIELDS if before[f] and not after[f]]
    media = [f[len("allows_") :] for f in MEDIA_FIELDS if before[f] and not after[f]]
    languages = sorted(before["languages"] - after["languages"])
    if channels:
        change["channels"] = channels
    if media:
        change["media"] = media
    if languages:
        change["languages"] = languages
    if after["given_on"] and (before["given_on"] is None or after["given_on"] > before["given_on"]):
        change["given_on"] = after["given_on"].isoformat()
    if after["expires_on"] and (
        before["expires_on"] is None or after["expires_on"] < before["expires_on"]
    ):
        change["expires_on"] = after["expires_on"].isoformat()
    return change


@contextlib.contextmanager
def tracked(record_ids, user=None):
    """Wrap a change of consent records: compare what the database held before and after, and
    act on every narrowing in the same transaction. Nested changes (a record's form saving its
    withdrawals) are acted on once, by the outermost."""
    if is_quiet() or _depth():
        _state.depth = _depth() + 1
        try:
            yield
        finally:
            _state.depth -= 1
        return
    with transaction.atomic():
        record_ids = list(record_ids() if callable(record_ids) else record_ids)
        before = stored(record_ids)
        _state.depth = 1
        try:
            yield
        finally:
            _state.depth = 0
        after = stored(before)
        for pk in sorted(before):
            if pk in after:
                act(pk, before[pk], after[pk], user)


def recorded_withdrawals(record_pk: int) -> set[int]:
    """The record's withdrawals already in the ledger: taken down before, not to act on again."""
    from stories.models import ConsentLedgerEntry

    return set(
        ConsentLedgerEntry.objects.filter(
            consent_record_id=record_pk, withdrawal_id__isnull=False
        ).values_list("withdrawal_id", flat=True)
    )


def act(record_pk: int, before: dict, after: dict, user=None) -> list:
    """Take down and record what changed from `before` to `after` (see the module docstring)."""
    from stories.consent.takedown import take_down
    from stories.models import ConsentLedgerEntry, ConsentRecord, ConsentWithdrawal

    record = ConsentRecord.objects.get(pk=record_pk)
    results = []
    recorded = recorded_withdrawals(record_pk)
    added = sorted(set(after["withdrawals"]) - set(before["withdrawals"]) - recorded)
    changed = sorted(
        pk
        for pk, what in after["withdrawals"].items()
        if pk in before["withdrawals"] and before["withdrawals"][pk] != what
    )
    added += changed
    covered = before["languages"] | after["languages"]
    for withdrawal in ConsentWithdrawal.objects.filter(pk__in=added).order_by("pk"):
        problem = withdrawal.problem(covered)
        if problem:
            raise ValidationError(problem)  # nothing of the change is kept
        results.append(
            take_down(record, ConsentLedgerEntry.WITHDRAWAL, user=user, withdrawal=withdrawal)
        )
    change = narrowed(before, after)
    if change:
        results.append(take_down(record, ConsentLedgerEntry.NARROWING, user=user, narrowing=change))
    return results


def reapply(record, change: dict) -> list[str]:
    """Narrow `record` again as a ledger entry says (after a restore), without a new entry."""
    done = []
    for name in change.get("channels", []) + change.get("media", []):
        if getattr(record, f"allows_{name}", False):
            setattr(record, f"allows_{name}", False)
            done.append(name)
    given_on = change.get("given_on")
    if given_on and record.given_on < datetime.date.fromisoformat(given_on):
        record.given_on = datetime.date.fromisoformat(given_on)
        done.append("date given")
    expires_on = change.get("expires_on")
    if expires_on:
        expires = datetime.date.fromisoformat(expires_on)
        if record.expires_on is None or record.expires_on > expires:
            record.expires_on = expires
            done.append("expiry date")
    codes = set(change.get("languages", []))
    if codes:
        current = list(record.languages.all())
        kept = [locale for locale in current if locale.language_code not in codes]
        if len(kept) != len(current):
            record.languages.set(kept)
            done.append("languages " + ", ".join(sorted(codes)))
    if done:
        with quiet():
            record.save()
    return done
