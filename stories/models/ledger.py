"""The consent ledger: withdrawals, expiries, erasures and narrowings as ids and dates only
(stories.consent.ledger writes and re-applies it)."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ConsentLedgerEntry(models.Model):
    """A withdrawal, expiry or erasure, kept as ids and dates only: never any story text.

    A restore of an older backup re-applies these entries, so a withdrawn story never returns.
    """

    WITHDRAWAL = "withdrawal"
    EXPIRY = "expiry"
    ERASURE = "erasure"
    NARROWING = "narrowing"
    KIND_CHOICES = [
        (WITHDRAWAL, _("Withdrawal")),
        (EXPIRY, _("Expiry")),
        (ERASURE, _("Erasure")),
        (NARROWING, _("Narrowed scope")),
    ]

    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    happened_at = models.DateTimeField(default=timezone.now)
    consent_record_id = models.PositiveBigIntegerField(null=True, blank=True)
    story_key = models.UUIDField(null=True, blank=True, help_text="translation_key of the story")
    page_ids = models.JSONField(default=list, blank=True)
    # What a withdrawal withdrew, so a restore can record it again (codes, not text).
    withdrawal_id = models.PositiveBigIntegerField(null=True, blank=True)
    part = models.CharField(max_length=20, blank=True)
    language_code = models.CharField(max_length=20, blank=True)
    # What a narrowing took away, as codes and dates (stories.consent.scope.narrowed), and the date
    # a withdrawal takes effect: a restore narrows the record again exactly so.
    scope = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["happened_at", "pk"]
        verbose_name = _("consent ledger entry")
        verbose_name_plural = _("consent ledger")

    def __str__(self):
        return f"{self.kind} {self.happened_at:%Y-%m-%d} record={self.consent_record_id}"
