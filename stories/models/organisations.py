"""Partner organisations (a translatable snippet) and the directory readers search."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from stories.api_fields import (
    CountryNameField,
    LocaleCodeField,
    ShownAddressField,
    ValueListField,
)
from stories.fields import ChoiceListField
from stories.models.base import LongreadPage
from stories.models.listing import Listing, page_of_results

# ISO 3166-1 alpha-2 codes of the countries this work touches, with their English names; a full
# list is not needed to validate a code, only to name it.
COUNTRIES = {
    "AT": _("Austria"),
    "BE": _("Belgium"),
    "BG": _("Bulgaria"),
    "CH": _("Switzerland"),
    "DE": _("Germany"),
    "ES": _("Spain"),
    "FR": _("France"),
    "HU": _("Hungary"),
    "MD": _("Moldova"),
    "MK": _("North Macedonia"),
    "NL": _("Netherlands"),
    "PL": _("Poland"),
    "RO": _("Romania"),
    "RS": _("Serbia"),
    "UA": _("Ukraine"),
}


class HelpKind(models.TextChoices):
    SHELTER = "shelter", _("Shelter")
    LEGAL = "legal", _("Legal aid")
    RETURN = "return", _("Return and reintegration")
    HEALTH = "health", _("Health and psychosocial care")
    LABOUR = "labour", _("Labour rights")
    REFERRAL = "referral", _("Coordination and referral")
    POLICY = "policy", _("Policy and research")


def validate_country(value: str):
    if value not in COUNTRIES:
        raise ValidationError(
            _("'%(code)s' is not a known ISO 3166 country code (e.g. NL, BE, HU).")
            % {"code": value}
        )


class Organisation(TranslatableMixin, index.Indexed, models.Model):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    country = models.CharField(
        _("country"), max_length=2, validators=[validate_country], help_text=_("ISO 3166 code")
    )
    city = models.CharField(_("city"), max_length=100, blank=True)
    help_kinds = ChoiceListField(
        _("kinds of help"), choices_list=HelpKind.choices, default=list, blank=True
    )
    languages_spoken = models.CharField(
        _("languages spoken"),
        max_length=200,
        blank=True,
        help_text=_("Language codes, e.g. nl, en, ro"),
    )
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("country", widget=forms.Select(choices=[("", "---"), *COUNTRIES.items()])),
        FieldPanel("city"),
        FieldPanel("help_kinds"),
        FieldPanel("languages_spoken"),
        FieldPanel("website"),
        FieldPanel("phone"),
        FieldPanel("email"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]
    # The API's organisations endpoint (/api/v2/organisations/).
    api_fields = [
        APIField("locale", serializer=LocaleCodeField()),
        APIField("name"),
        APIField("description"),
        APIField("country"),
        APIField("country_name", serializer=CountryNameField()),
        APIField("city"),
        # As inside pages (a project's partners): each kind with its label.
        APIField("help_kinds", serializer=ValueListField(HelpKind.choices, "help_kinds")),
        APIField("languages_spoken"),
        APIField("website", serializer=ShownAddressField()),
        APIField("phone"),
        APIField("email"),
    ]
    translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("name", overridable=False),
        SynchronizedField("country", overridable=False),
        SynchronizedField("city"),
        SynchronizedField("help_kinds", overridable=False),
        SynchronizedField("languages_spoken", overridable=False),
        SynchronizedField("website"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.country = (self.country or "").upper()
        super().save(*args, **kwargs)

    @property
    def country_name(self):
        return COUNTRIES.get(self.country, self.country)

    def help_kind_labels(self):
        return [HelpKind(kind).label for kind in self.help_kinds or [] if kind in HelpKind.values]


def organisations_in(locale, country: str = "", kind: str = ""):
    """Organisations of a language, filtered by country and kind of help."""
    organisations = Organisation.objects.filter(locale=locale)
    if country in COUNTRIES:
        organisations = organisations.filter(country=country)
    if kind in HelpKind.values:
        # JSON containment is not portable across SQLite and PostgreSQL; kinds are few.
        organisations = organisations.filter(help_kinds__icontains=f'"{kind}"')
    return organisations.order_by("name")


class OrganisationDirectoryPage(Listing, LongreadPage):
    """The social map: organisations that support victims, by country and kind of help."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = 20

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = []
    # The organisations themselves: /api/v2/organisations/?locale=<language>
    api_fields = LongreadPage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("organisation directory")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        country = request.GET.get("country", "").upper()
        kind = request.GET.get("kind", "")
        page_obj = page_of_results(
            request, organisations_in(self.locale, country, kind), self.per_page
        )
        context.update(
            page_obj=page_obj,
            country=country if country in COUNTRIES else "",
            kind=kind if kind in HelpKind.values else "",
            countries=sorted(
                {
                    (code, COUNTRIES[code])
                    for code in Organisation.objects.filter(locale=self.locale).values_list(
                        "country", flat=True
                    )
                    if code in COUNTRIES
                },
                key=lambda item: str(item[1]),
            ),
            kinds=HelpKind.choices,
        )
        return context
