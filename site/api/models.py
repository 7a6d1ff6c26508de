"""What the API keeps: the change log partners follow, their webhooks, and preview tokens."""

import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

PREVIEW_TOKEN_LIFETIME = 60 * 60  # seconds: a headless preview link works for one hour at most
PREVIEW_TOKEN_SALT = "sitewide.api.preview"  # noqa: S105 - a namespace, not a secret


class ContentChange(models.Model):
    """One event of the changes feed. Ids and times only: what a page says is read live, at
    request time, so a withdrawn story leaves nothing of itself here."""

    PUBLISHED = "published"
    CHANGED = "changed"
    UNPUBLISHED = "unpublished"
    WITHDRAWN = "withdrawn"
    EVENTS = [
        (PUBLISHED, _("published")),
        (CHANGED, _("changed")),
        (UNPUBLISHED, _("unpublished")),
        (WITHDRAWN, _("withdrawn")),
    ]
    # Events after which a partner must no longer show the page.
    TAKEDOWN_EVENTS = (UNPUBLISHED, WITHDRAWN)

    event = models.CharField(max_length=20, choices=EVENTS)
    page_id = models.PositiveBigIntegerField(db_index=True)
    happened_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("content change")

    def __str__(self):
        return f"{self.event} {self.page_id} {self.happened_at:%Y-%m-%d %H:%M}"


class PartnerWebhook(models.Model):
    """A partner's endpoint that receives the changes feed as signed POST requests."""

    name = models.CharField(_("partner"), max_length=120)
    url = models.URLField(_("URL"), help_text=_("HTTPS address that receives the events."))
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=secrets.token_urlsafe,  # a new secret per webhook; shown once to give the partner
        help_text=_("Shared with the partner; it checks the signature of every request."),
    )
    active = models.BooleanField(_("active"), default=True)
    contact_email = models.EmailField(
        _("contact e-mail"), blank=True, help_text=_("Told when deliveries keep failing.")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("partner webhook")
        verbose_name_plural = _("partner webhooks")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        from sitewide.api.webhook_urls import UnsafeWebhookURL, target

        if self.url:
            try:
                target(self.url)
            except UnsafeWebhookURL as error:
                raise ValidationError({"url": str(error)}) from None


class WebhookDelivery(models.Model):
    PENDING = "pending"
    DELIVERED = "delivered"
    FAILED = "failed"
    STATUSES = [(PENDING, _("pending")), (DELIVERED, _("delivered")), (FAILED, _("failed"))]

    webhook = models.ForeignKey(PartnerWebhook, on_delete=models.CASCADE, related_name="deliveries")
    change = models.ForeignKey(ContentChange, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=20, choices=STATUSES, default=PENDING, db_index=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    last_error = models.CharField(max_length=300, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self):
        return f"{self.webhook} #{self.change_id}: {self.status}"


class PreviewToken(models.Model):
    """Lets a headless front end read one draft revision for at most an hour; revocable."""

    revision = models.ForeignKey("wagtailcore.Revision", on_delete=models.CASCADE, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("preview token")

    def __str__(self):
        return f"preview of revision {self.revision_id}"

    @property
    def expires_at(self):
        return self.created_at + timezone.timedelta(seconds=PREVIEW_TOKEN_LIFETIME)

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None and timezone.now() < self.expires_at

    def signed(self) -> str:
        """The token a front end sends: signed, naming this token and its revision."""
        return signing.dumps({"id": self.pk, "rev": self.revision_id}, salt=PREVIEW_TOKEN_SALT)

    @classmethod
    def from_signed(cls, token: str):
        """The valid token behind `token`, or None (bad signature, expired, revoked)."""
        try:
            data = signing.loads(token, salt=PREVIEW_TOKEN_SALT, max_age=PREVIEW_TOKEN_LIFETIME)
            found = cls.objects.select_related("revision").get(pk=data["id"], revision=data["rev"])
        except (signing.BadSignature, cls.DoesNotExist, KeyError, TypeError, ValueError):
            return None
        return found if found.is_valid else None
