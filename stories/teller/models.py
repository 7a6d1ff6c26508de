"""A teller's private link and the messages sent through it. Tokens and codes are kept hashed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class TellerLink(models.Model):
    """A private link for one consent record: a 256-bit token (in the address) and a short code
    (handed over separately). Only SHA-256 of the token and a PBKDF2 hash of the code are kept."""

    record = models.ForeignKey(
        "stories.ConsentRecord",
        verbose_name=_("consent record"),
        on_delete=models.CASCADE,
        related_name="teller_links",
    )
    token_hash = models.CharField(max_length=64, unique=True)
    code_salt = models.CharField(max_length=32)
    code_hash = models.CharField(max_length=64)
    language = models.CharField(_("language"), max_length=20)
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)
    # When the teller last left through the quick exit: every screen opened before it asks for
    # the code again (someone pressing Back on their phone finds the code screen).
    locked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("teller's link")
        verbose_name_plural = _("teller's links")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.record} ({self.created_at:%Y-%m-%d})"


class TellerMessage(models.Model):
    """What reached the consent officers through a teller's link: a message (stored without any
    address of the sender), a takedown, the teller's approval of a version, or an alert that the
    link's code was guessed at."""

    MESSAGE = "message"
    WITHDRAWAL = "withdrawal"
    ALERT = "alert"
    APPROVAL = "approval"
    KIND_CHOICES = [
        (MESSAGE, _("Message")),
        (WITHDRAWAL, _("Takedown by the teller")),
        (ALERT, _("Too many wrong codes")),
        (APPROVAL, _("The teller approved a version")),
    ]

    record = models.ForeignKey(
        "stories.ConsentRecord", on_delete=models.CASCADE, related_name="teller_messages"
    )
    link = models.ForeignKey(TellerLink, null=True, on_delete=models.SET_NULL, related_name="+")
    kind = models.CharField(max_length=20, choices=KIND_CHOICES)
    text = models.TextField(blank=True)
    # An approval's version: the evidence a consent officer confirms in the workflow.
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("message from a teller")
        verbose_name_plural = _("messages from tellers")

    def __str__(self):
        return f"{self.record} {self.kind} ({self.created_at:%Y-%m-%d})"
