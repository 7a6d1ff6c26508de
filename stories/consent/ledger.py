"""The consent ledger beyond one database: export it, compare it, re-apply it after a restore.

A backup holds the database as it was when the backup was made. The ledger says what happened
to stories since: withdrawals, expiries and erasures, as ids, codes and dates only. After a
restore, every entry the restored database lacks is written back (with its own id) and acted on
again, so a story withdrawn, expired or erased after the backup was made stays down or gone.

An entry is "in the backup" when the restored database holds a row with the same id for the
same event: the ledger row is written in the same transaction as the takedown or erasure it
records, so its presence means the backup already reflects it.
"""

import datetime
import json
import os
import tempfile
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page
from wagtail.search import index as search_index

from stories.consent import scope
from stories.models import ConsentLedgerEntry, ConsentRecord, ConsentWithdrawal

EXPORT_FORMAT = "testimonies-longread-consent-ledger"
EXPORT_VERSION = 1
FIELDS = (
    "id",
    "kind",
    "happened_at",
    "consent_record_id",
    "story_key",
    "page_ids",
    "withdrawal_id",
    "part",
    "language_code",
    "scope",
)
# What a withdrawal recorded again after a restore says in place of the officer's reason
# (the ledger never holds the reason: it may quote the teller).
REAPPLIED_REASON = "Recorded again from the consent ledger after a restore."


class LedgerError(Exception):
    """Two ledgers disagree, or a ledger file cannot be read."""


def as_dict(entry: ConsentLedgerEntry) -> dict:
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "happened_at": entry.happened_at.isoformat(),
        "consent_record_id": entry.consent_record_id,
        "story_key": str(entry.story_key) if entry.story_key else None,
        "page_ids": sorted(int(pk) for pk in entry.page_ids or []),
        "withdrawal_id": entry.withdrawal_id,
        "part": entry.part,
        "language_code": entry.language_code,
        "scope": entry.scope or {},
    }


def entries(using: str = "default") -> list[dict]:
    """Every ledger entry of a database, oldest first; none when it has no ledger table."""
    from django.db import connections

    if ConsentLedgerEntry._meta.db_table not in connections[using].introspection.table_names():
        return []
    return [as_dict(entry) for entry in ConsentLedgerEntry.objects.using(using).order_by("pk")]


def latest(saved: list[dict]) -> dict | None:
    return max(saved, key=lambda item: (_when(item), item["id"]), default=None)


def export(path: Path) -> int:
    """Write this database's ledger as JSON."""
    return write_export(path, entries())


def write_export(path: Path, saved: list[dict]) -> int:
    """Write ledger entries as JSON (atomically, readable by its owner only)."""
    document = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": timezone.now().isoformat(),
        "entries": saved,
    }
    path = Path(path)
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(document, out, indent=1, sort_keys=True)
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
    return len(saved)


def read_export(path: Path) -> list[dict]:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LedgerError(f"The ledger file {path} cannot be read ({error}).") from None
    if not isinstance(document, dict) or document.get("format") != EXPORT_FORMAT:
        raise LedgerError(f"{path} is not a consent ledger export of this site.")
    if document.get("version") != EXPORT_VERSION:
        raise LedgerError(f"{path} has an unknown ledger format version.")
    return validated(document.get("entries"), str(path))


def validated(saved, source: str) -> list[dict]:
    """Entries as read from a file or manifest, checked field by field."""
    if not isinstance(saved, list):
        raise LedgerError(f"The ledger in {source} is not a list of entries.")
    kinds = {value for value, _label in ConsentLedgerEntry.KIND_CHOICES}
    checked = []
    for item in saved:
        try:
            if item["kind"] not in kinds or not isinstance(item["id"], int):
                raise ValueError
            _when(item)
            page_ids = [int(pk) for pk in item.get("page_ids") or []]
            entry_scope = item.get("scope") or {}
            if not isinstance(entry_scope, dict):
                raise ValueError
        except (KeyError, TypeError, ValueError):
            raise LedgerError(f"The ledger in {source} holds a malformed entry.") from None
        checked.append(
            {
                **{name: item.get(name) for name in FIELDS},
                "page_ids": page_ids,
                "scope": entry_scope,
            }
        )
    return checked


def _when(item: dict) -> datetime.datetime:
    return datetime.datetime.fromisoformat(item["happened_at"])


def same_event(one: dict, other: dict) -> bool:
    return (
        one["kind"] == other["kind"]
        and _when(one) == _when(other)
        and one["consent_record_id"] == other["consent_record_id"]
    )


def merge(*ledgers: list[dict]) -> list[dict]:
    """One ledger from several copies of it; two different events under one id are refused."""
    merged: dict[int, dict] = {}
    for saved in ledgers:
        for item in saved:
            known = merged.get(item["id"])
            if known is not None and not same_event(known, item):
                raise LedgerError(
                    f"Two copies of the consent ledger disagree about entry {item['id']}."
                )
            merged.setdefault(item["id"], item)
    return sorted(merged.values(), key=lambda item: item["id"])


def conflicts(saved: list[dict], other: list[dict]) -> list[int]:
    """Ids that name different events in the two ledgers (a ledger of another site)."""
    by_id = {item["id"]: item for item in other}
    return [
        item["id"]
        for item in saved
        if item["id"] in by_id and not same_event(item, by_id[item["id"]])
    ]


def missing(saved: list[dict], present: list[dict]) -> list[dict]:
    """Entries of `saved` that `present` lacks, in the order they happened."""
    known = {item["id"] for item in present}
    return sorted(
        (item for item in saved if item["id"] not in known),
        key=lambda item: (_when(item), item["id"]),
    )


def reapply(saved: list[dict], user=None) -> list[str]:
    """Write back and act on every entry of `saved` that this database lacks. Idempotent.

    Returns one line per entry re-applied (ids only). Must run outside a transaction: an
    erasure overwrites the freed database space at the end.
    """
    from stories.consent.erasure import compact_database

    present = entries()
    clashing = conflicts(saved, present)
    if clashing:
        raise LedgerError(
            "The restored database and the saved ledger disagree about entries "
            + ", ".join(str(pk) for pk in clashing)
        )
    lines = []
    erased = False
    for item in missing(saved, present):
        with transaction.atomic():
            _write_back(item)
            lines.append(_act(item, user))
        erased |= item["kind"] == ConsentLedgerEntry.ERASURE
    if lines:
        _reset_sequences()
    if erased:
        lines.append(
            "Freed database space: "
            + compact_database(connection.introspection.table_names(), full=False)
        )
    return lines


def _write_back(item: dict):
    ConsentLedgerEntry(
        pk=item["id"],
        kind=item["kind"],
        happened_at=_when(item),
        consent_record_id=item["consent_record_id"],
        story_key=item["story_key"],
        page_ids=item["page_ids"],
        withdrawal_id=item["withdrawal_id"],
        part=item["part"] or "",
        language_code=item["language_code"] or "",
        scope=item.get("scope") or {},
    ).save(force_insert=True)


def _act(item: dict, user) -> str:
    from stories.consent.erasure import erase_story
    from stories.consent.takedown import take_down, unpublish

    record = None
    if item["consent_record_id"] is not None:
        record = ConsentRecord.objects.filter(pk=item["consent_record_id"]).first()
    done = []
    if item["kind"] == ConsentLedgerEntry.ERASURE:
        if record is not None:
            result = erase_story(
                record, user, compact=False, write_ledger=False, also_page_ids=item["page_ids"]
            )
            done.append(f"erased pages {_ids(result.plan.page_ids)} and record {record.pk}")
    elif record is not None:
        if item["kind"] == ConsentLedgerEntry.WITHDRAWAL and item["part"]:
            with scope.quiet():
                done.append(_record_withdrawal_again(record, item))
        if item["kind"] in (ConsentLedgerEntry.NARROWING, ConsentLedgerEntry.EXPIRY):
            narrowed_again = scope.reapply(record, item.get("scope") or {})
            done.append("narrowed again: " + (", ".join(narrowed_again) or "already narrow"))
        result = take_down(record, item["kind"], user, write_ledger=False)
        done.append(f"unpublished pages {_ids(result.unpublished)}")
    # Pages the event took down, whatever the restored record says now. After an erasure,
    # pages still here were not linked to the record yet: take them down at least.
    left = []
    for page in Page.objects.filter(pk__in=item["page_ids"]).specific().order_by("-depth"):
        if page.live:
            unpublish(page, user)
        search_index.remove_object(page)
        left.append(page.pk)
    if left:
        done.append(f"took down pages {_ids(left)}")
        if item["kind"] == ConsentLedgerEntry.ERASURE:
            done.append("THESE PAGES STILL EXIST: erase them by hand")
    when = _when(item).date().isoformat()
    return f"Entry {item['id']} ({item['kind']}, {when}): " + ("; ".join(done) or "nothing left")


def _record_withdrawal_again(record: ConsentRecord, item: dict) -> str:
    language = None
    if item["language_code"]:
        language = Locale.objects.filter(language_code=item["language_code"]).first()
        if language is None:
            return f"language {item['language_code']} unknown here: withdrawal not recorded"
    withdrawals = ConsentWithdrawal.objects.filter(
        record=record, part=item["part"], language=language
    )
    withdrawn_on = timezone.localdate(_when(item))
    if (item.get("scope") or {}).get("withdrawn_on"):
        withdrawn_on = datetime.date.fromisoformat(item["scope"]["withdrawn_on"])
    if (
        item["withdrawal_id"] and withdrawals.filter(pk=item["withdrawal_id"]).exists()
    ) or withdrawals.filter(withdrawn_on=withdrawn_on).exists():
        return "withdrawal already recorded"
    withdrawal = ConsentWithdrawal(
        record=record,
        withdrawn_on=withdrawn_on,
        part=item["part"],
        language=language,
        reason=REAPPLIED_REASON,
    )
    if (
        item["withdrawal_id"]
        and not ConsentWithdrawal.objects.filter(pk=item["withdrawal_id"]).exists()
    ):
        withdrawal.pk = item["withdrawal_id"]
    withdrawal.save(force_insert=True)
    return f"withdrawal {withdrawal.pk} recorded again"


def _reset_sequences():
    """Rows written with their own ids: move PostgreSQL's sequences past them."""
    statements = connection.ops.sequence_reset_sql(
        no_style(), [ConsentLedgerEntry, ConsentWithdrawal]
    )
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _ids(ids) -> str:
    return ", ".join(str(pk) for pk in ids) or "none"
