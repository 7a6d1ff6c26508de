"""The consent record that governs every testimony, and its withdrawals (kept as history).

The consent concern's models, beside the rule they feed (`ConsentRecord.problem()` explains in
words what `stories.consent.visible_pages()` decides in SQL). Registered with the app by
`stories.models`, which imports them in its fixed order; this module imports only the rule's
channel names (`stories.consent`), never pages, so it loads before the page models."""

import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Locale, Orderable

from stories import consent
from stories.consent.history_panel import WithdrawalHistoryPanel
from stories.languages import language_name

REVIEW_AFTER = datetime.timedelta(days=365)
NEVER_COVERED = _("The consent record never covered this language: there is nothing to withdraw.")


def date_problem(given_on, expires_on, review_on=None):
    """Contradictory dates of a consent record, as {field: message}, or None."""
    if given_on and expires_on and expires_on <= given_on:
        return {"expires_on": _("The expiry date must come after the date given.")}
    if given_on and review_on and review_on < given_on:
        return {"review_on": _("The review date cannot come before the date given.")}
    return None


class ConsentRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        """A bulk update is a change of every record it touches: narrowings are taken down and
        written to the ledger in the same transaction (stories.consent.scope), contradictory dates
        refused with nothing applied."""
        from stories.consent.scope import tracked

        with tracked(lambda: list(self.values_list("pk", flat=True))):
            ids = list(self.values_list("pk", flat=True))
            count = super().update(**kwargs)
            rows = ConsentRecord.objects.filter(pk__in=ids).values(
                "given_on", "expires_on", "review_on"
            )
            for row in rows:
                problem = date_problem(row["given_on"], row["expires_on"], row["review_on"])
                if problem:
                    raise ValidationError(problem)
        return count


class ConsentWithdrawalQuerySet(models.QuerySet):
    """Withdrawals written in bulk are changes of their records like one saved at a time: taken
    down and written to the ledger in the same transaction (stories.consent.scope)."""

    def bulk_create(self, objs, *args, **kwargs):
        from stories.consent.scope import tracked

        objs = list(objs)
        with tracked(sorted({obj.record_id for obj in objs if obj.record_id})):
            return super().bulk_create(objs, *args, **kwargs)

    def update(self, **kwargs):
        """Also what bulk_update() runs. A withdrawal moved to another record is a change of
        that record too."""
        from stories.consent.scope import tracked

        moved_to = kwargs.get("record_id", getattr(kwargs.get("record"), "pk", None))

        def records():
            return sorted(set(self.values_list("record_id", flat=True)) | {moved_to} - {None})

        with tracked(records):
            return super().update(**kwargs)


class ConsentRecord(ClusterableModel):
    """What a teller agreed to. Not translatable: one record governs every translation.

    The signed form itself never goes on the site; `evidence_reference` says where it is kept.
    """

    pseudonym = models.CharField(_("pseudonym"), max_length=60, unique=True)
    given_on = models.DateField(_("date given"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    evidence_reference = models.CharField(
        _("where the signed evidence is kept"),
        max_length=200,
        help_text=_("A reference only, such as a file number. Never upload the form itself."),
    )
    review_on = models.DateField(
        _("review date"), blank=True, help_text=_("Default: twelve months after the date given.")
    )
    expires_on = models.DateField(_("expiry date"), null=True, blank=True)

    allows_website = models.BooleanField(_("website (HTML pages)"), default=True)
    allows_api = models.BooleanField(_("API (JSON for partner sites)"), default=False)
    allows_social = models.BooleanField(_("social (share links and previews)"), default=False)
    allows_print = models.BooleanField(_("print"), default=False)
    allows_machine_translation = models.BooleanField(_("machine translation"), default=False)
    allows_photos = models.BooleanField(
        _("photos"),
        default=False,
        help_text=_(
            "Without it the story shows no image at all (hero, image blocks, share image, API): "
            "any image may show the teller."
        ),
    )
    allows_audio = models.BooleanField(_("audio"), default=False)
    allows_video = models.BooleanField(_("video"), default=False)
    languages = ParentalManyToManyField(
        Locale, verbose_name=_("languages allowed"), related_name="+", blank=True
    )
    notes = models.TextField(_("internal notes"), blank=True)

    objects = ConsentRecordQuerySet.as_manager()

    panels = [
        FieldPanel("pseudonym"),
        MultiFieldPanel(
            [
                FieldPanel("given_on"),
                FieldPanel("recorded_by"),
                FieldPanel("evidence_reference"),
                FieldPanel("review_on"),
                FieldPanel("expires_on"),
            ],
            heading=_("Record"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("allows_website"),
                FieldPanel("allows_api"),
                FieldPanel("allows_social"),
                FieldPanel("allows_print"),
                FieldPanel("allows_machine_translation"),
                FieldPanel("allows_photos"),
                FieldPanel("allows_audio"),
                FieldPanel("allows_video"),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Scope"),
        ),
        # Read only: a withdrawal is recorded once, on the Withdraw screen, and never edited.
        WithdrawalHistoryPanel(heading=_("Withdrawals")),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        ordering = ["pseudonym"]

    def __str__(self):
        return self.pseudonym

    def clean(self):
        super().clean()
        problem = date_problem(self.given_on, self.expires_on, self.review_on)
        if problem:
            raise ValidationError(problem)

    def save(self, *args, **kwargs):
        """Every save is tracked (stories.consent.scope): a narrowing is taken down and written to
        the ledger in the same transaction, whoever saves (form, command, script)."""
        from stories.consent.scope import tracked

        if not self.review_on and self.given_on:
            self.review_on = self.given_on + REVIEW_AFTER
        problem = date_problem(self.given_on, self.expires_on, self.review_on)
        if problem:
            raise ValidationError(problem)
        with tracked([self.pk], user=getattr(self, "_consent_user", None)):
            super().save(*args, **kwargs)

    def photos_allowed(self) -> bool:
        return bool(self.allows_photos)

    def ended(self, channel: str, language_code: str, on) -> str | None:
        """Why this consent no longer covers `channel` in `language_code` on `on` (expired, or
        withdrawn in whole or for this part), or None. Unlike a language or channel the record
        does not name (yet), nothing staff add to the record changes this."""
        name = self.pseudonym
        if self.expires_on and self.expires_on <= on:
            return gettext("The consent of %(name)s expired on %(date)s.") % {
                "name": name,
                "date": formats.date_format(self.expires_on, "DATE_FORMAT"),
            }
        # In force on `on`; a full withdrawal is named before any partial one.
        withdrawals = sorted(
            (withdrawal for withdrawal in self.withdrawals.all() if withdrawal.withdrawn_on <= on),
            key=lambda withdrawal: withdrawal.part != ConsentWithdrawal.EVERYTHING,
        )
        for withdrawal in withdrawals:
            if withdrawal.part == ConsentWithdrawal.EVERYTHING:
                return gettext("The consent of %(name)s was withdrawn on %(date)s.") % {
                    "name": name,
                    "date": formats.date_format(withdrawal.withdrawn_on, "DATE_FORMAT"),
                }
            if withdrawal.part == channel or (
                withdrawal.part == ConsentWithdrawal.LANGUAGE
                and withdrawal.language
                and withdrawal.language.language_code == language_code
            ):
                return gettext("The consent of %(name)s was partly withdrawn (%(part)s).") % {
                    "name": name,
                    "part": withdrawal.describe(),
                }
        return None

    def problem(self, channel: str, language_code: str, on) -> str | None:
        """Why this consent does not cover `channel` in `language_code` on `on`, or None.

        Explains, for one record, what consent.visible_pages() decides in SQL; a test keeps the
        two in agreement.
        """
        name = self.pseudonym
        if self.given_on > on:
            return gettext("The consent of %(name)s starts on %(date)s.") % {
                "name": name,
                "date": formats.date_format(self.given_on, "DATE_FORMAT"),
            }
        ended = self.ended(channel, language_code, on)
        if ended:
            return ended
        if not getattr(self, f"allows_{channel}"):
            return gettext("The consent of %(name)s does not cover the channel '%(channel)s'.") % {
                "name": name,
                "channel": channel,
            }
        if language_code not in {locale.language_code for locale in self.languages.all()}:
            language = language_name(language_code)  # in the language of whoever reads this
            return gettext("The consent of %(name)s does not cover %(language)s.") % {
                "name": name,
                "language": language,
            }
        return None

    def withdrawals_in_order(self):
        """The withdrawals as staff read them: oldest first, each with its language."""
        return self.withdrawals.select_related("language").order_by("withdrawn_on", "pk")

    @property
    def is_withdrawn(self) -> bool:
        return self.withdrawals.filter(part=ConsentWithdrawal.EVERYTHING).exists()


class ConsentWithdrawal(Orderable):
    """A teller withdrew all or part of their consent. Kept as history; never deleted."""

    EVERYTHING = "everything"
    LANGUAGE = "language"
    PART_CHOICES = [
        (EVERYTHING, _("Everything")),
        (consent.WEBSITE, _("Website")),
        (consent.API, _("API")),
        (consent.SOCIAL, _("Social")),
        (consent.PRINT, _("Print")),
        (LANGUAGE, _("One language")),
    ]

    record = ParentalKey(ConsentRecord, on_delete=models.CASCADE, related_name="withdrawals")
    withdrawn_on = models.DateField(_("withdrawn on"))
    reason = models.TextField(_("why"), blank=True)
    part = models.CharField(
        _("which part"), max_length=20, choices=PART_CHOICES, default=EVERYTHING
    )
    language = models.ForeignKey(
        Locale, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = ConsentWithdrawalQuerySet.as_manager()

    panels = [
        FieldPanel("withdrawn_on"),
        FieldPanel("part"),
        FieldPanel("language"),
        FieldPanel("reason"),
    ]

    def describe(self) -> str:
        """The withdrawn part in words, a language by its name in the reader's language."""
        if self.part == self.LANGUAGE and self.language_id:
            return gettext("%(part)s: %(language)s") % {
                "part": self.get_part_display(),
                "language": self.language.get_display_name(),
            }
        return str(self.get_part_display())

    def clean(self):
        super().clean()
        problem = self.problem()
        if problem:
            raise ValidationError(problem)

    def problem(self, covered_codes=None) -> dict | None:
        """Why this withdrawal cannot be recorded, as {field: message}, or None.

        `covered_codes`: the languages the record covers (default: as stored). A withdrawal of a
        language the record never covered would record nothing the rule can act on, and a part
        the rule does not know (written by a script) would hide nothing."""
        parts = [part for part, _label in self.PART_CHOICES]
        if self.part not in parts:
            message = _("Choose which part is withdrawn: %(parts)s.") % {"parts": ", ".join(parts)}
            return {"part": message}
        if self.part == self.LANGUAGE and not self.language_id:
            return {"language": _("Choose the language that is withdrawn.")}
        if self.part == self.LANGUAGE and self.record_id:
            if covered_codes is None:
                covered_codes = set(
                    ConsentRecord.languages.through.objects.filter(
                        consentrecord_id=self.record_id
                    ).values_list("locale__language_code", flat=True)
                )
            code = (
                Locale.objects.filter(pk=self.language_id)
                .values_list("language_code", flat=True)
                .first()
            )
            if code not in covered_codes:
                return {"language": NEVER_COVERED}
        return None

    def save(self, *args, **kwargs):
        """Saved from anywhere (the record's form, the Withdraw action, a script), a new
        withdrawal is taken down and written to the ledger in the same transaction."""
        from stories.consent.scope import tracked

        with tracked([self.record_id], user=getattr(self, "_consent_user", None)):
            super().save(*args, **kwargs)
