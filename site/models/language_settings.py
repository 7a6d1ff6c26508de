"""The per-language settings: a translatable snippet, one record per language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import TranslatableField


@register_snippet
class LanguageSettings(TranslatableMixin, models.Model):
    """What the header, footer and referral boxes say, per language.

    Wagtail's site settings are not translatable, so this is a translatable snippet: one record
    per language, translated with wagtail-localize like any page.
    """

    site_name = models.CharField(_("site name"), max_length=80)
    tagline = models.CharField(_("tagline"), max_length=160, blank=True)
    helpline_name = models.CharField(_("helpline name"), max_length=120)
    helpline_phone = models.CharField(_("helpline phone"), max_length=40, blank=True)
    helpline_hours = models.CharField(_("helpline hours"), max_length=120, blank=True)
    helpline_url = models.URLField(_("helpline website"), blank=True)
    help_text = RichTextField(
        _("where to get help"),
        features=["bold", "link", "ul"],
        blank=True,
        help_text=_("Shown under every survivor story and on the help pages."),
    )
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_address = models.TextField(_("contact address"), blank=True)
    quick_exit_url = models.URLField(
        _("quick exit target"),
        default="https://www.buienradar.nl/",
        help_text=_("A neutral website that the quick exit opens, common in this language."),
    )
    footer_text = models.TextField(_("footer text"), blank=True)
    # Safety-critical words staff can correct without a deploy; empty uses the built-in
    # translation of the interface catalogue.
    quick_exit_label = models.CharField(
        _("quick exit label"),
        max_length=60,
        blank=True,
        help_text=_(
            "Replaces the built-in words of the quick exit button in this language. "
            "Leave empty to use the built-in translation."
        ),
    )
    help_title = models.CharField(
        _("help title"),
        max_length=60,
        blank=True,
        help_text=_(
            'Replaces the built-in title of the help box ("Need help?") in this language. '
            "Leave empty to use the built-in translation."
        ),
    )
    helpline_text_phone = models.CharField(
        _("text message or WhatsApp number"), max_length=40, blank=True
    )
    helpline_chat_url = models.URLField(_("chat address"), blank=True)
    helpline_out_of_hours = models.CharField(
        _("outside opening hours"),
        max_length=200,
        blank=True,
        help_text=_("What a reader can do when the helpline is closed."),
    )
    helpline_languages = models.CharField(
        _("languages spoken by the helpline"), max_length=200, blank=True
    )
    emergency_number = models.CharField(
        _("emergency number"),
        max_length=20,
        default="112",
        help_text=_("Shown in every help box, also when no helpline is set."),
    )
    safety_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("safety page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Says honestly what the quick exit does and does not erase."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("What the site logs and keeps, for how long; linked in the footer."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("site_name"), FieldPanel("tagline")], heading=_("Site")),
        MultiFieldPanel(
            [
                FieldPanel("helpline_name"),
                FieldPanel("helpline_phone"),
                FieldPanel("helpline_hours"),
                FieldPanel("helpline_url"),
                FieldPanel("helpline_text_phone"),
                FieldPanel("helpline_chat_url"),
                FieldPanel("helpline_out_of_hours"),
                FieldPanel("helpline_languages"),
                FieldPanel("emergency_number"),
                FieldPanel("help_text"),
                FieldPanel("help_title"),
            ],
            heading=_("Help"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_address"),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("quick_exit_url"),
        FieldPanel("quick_exit_label"),
        FieldPanel("safety_page"),
        FieldPanel("privacy_page"),
        FieldPanel("footer_text"),
    ]

    # Every text field is translated per language, URLs and addresses included: the quick exit
    # should open a site common for readers of that language, the helpline may differ.
    translatable_fields = [
        TranslatableField(name)
        for name in (
            "site_name",
            "tagline",
            "helpline_name",
            "helpline_phone",
            "helpline_hours",
            "helpline_url",
            "help_text",
            "contact_email",
            "contact_phone",
            "contact_address",
            "quick_exit_url",
            "footer_text",
            "quick_exit_label",
            "help_title",
            "helpline_text_phone",
            "helpline_chat_url",
            "helpline_out_of_hours",
            "helpline_languages",
            "emergency_number",
            "safety_page",
            "privacy_page",
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("language settings")
        verbose_name_plural = _("language settings")

    def __str__(self):
        return f"{self.site_name} ({self.locale.language_code})"

    @classmethod
    def for_language(cls, language_code: str):
        """The settings of a language, else English's (as the interface falls back to English,
        which more readers abroad read than Dutch), else the source language's."""
        source = Locale.get_default().language_code
        records = {
            record.locale.language_code: record
            for record in cls.objects.select_related("locale").filter(
                locale__language_code__in={language_code, "en", source}
            )
        }
        return records.get(language_code) or records.get("en") or records.get(source)
