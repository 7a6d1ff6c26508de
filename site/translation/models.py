"""What the translation workflow stores beside wagtail-localize: reviews and notices."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import StringTranslation


class SegmentReview(models.Model):
    """A person confirmed a machine-translated segment.

    Keyed on wagtail-localize's StringTranslation: a new machine translation of the segment is a
    new row (the old one is deleted first), so it needs a new confirmation; a person's own edit
    turns the row into a manual translation, which needs none.
    """

    string_translation = models.OneToOneField(
        StringTranslation, on_delete=models.CASCADE, related_name="review"
    )
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("segment review")

    def __str__(self):
        return f"Review of string translation {self.string_translation_id}"


class TranslationNoticeQuerySet(models.QuerySet):
    def open_for(self, user):
        return self.filter(recipient=user, dismissed_at=None)


class TranslationNotice(models.Model):
    """Tells one translator that a Dutch page changed after their language's translation."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="translation_notices"
    )
    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    objects = TranslationNoticeQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation notice")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["page", "locale", "created_at"])]

    def __str__(self):
        return f"{self.page_id} ({self.locale_id}) for {self.recipient_id}"
