"""European projects: a longread with structured facts, and an index filtered by them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from longread.blocks import LongreadBody
from stories import consent
from stories.api_fields import BodyField, DocumentField, OrganisationField
from stories.models.base import LongreadPage, page_translation_fields
from stories.models.listing import Listing, page_of_results
from stories.models.organisations import COUNTRIES, Organisation


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class ProjectPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        partners = self.formsets.get("partners")
        if partners is not None and partners.is_valid():
            seen = set()
            for form in partners.forms:
                organisation = form.cleaned_data.get("organisation")
                if not organisation or form.cleaned_data.get("DELETE"):
                    continue
                if organisation.pk in seen:
                    form.add_error(
                        "organisation",
                        _("%(name)s is listed twice as a partner.") % {"name": organisation},
                    )
                seen.add(organisation.pk)
        return cleaned_data


class ProjectPage(LongreadPage):
    acronym = models.CharField(_("acronym"), max_length=30)
    full_name = models.CharField(_("full name"), max_length=300)
    intro = models.TextField(_("introduction"), blank=True)
    funding_programme = models.CharField(_("funding programme"), max_length=200, blank=True)
    grant_reference = models.CharField(_("grant reference"), max_length=100, blank=True)
    total_budget = models.DecimalField(
        _("total budget (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    eu_contribution = models.DecimalField(
        _("EU contribution (EUR)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(
        _("end date"), null=True, blank=True, help_text=_("Empty while the project goes on.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ONGOING
    )
    coordinator = models.ForeignKey(
        Organisation,
        verbose_name=_("coordinator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(LongreadBody(), blank=True, verbose_name=_("body"))

    base_form_class = ProjectPageForm
    parent_page_types = ["stories.ProjectIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("acronym"), FieldPanel("full_name"), FieldPanel("intro")],
            heading=_("Project"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_programme"),
                FieldPanel("grant_reference"),
                FieldPanel("total_budget"),
                FieldPanel("eu_contribution"),
            ],
            heading=_("Funding"),
        ),
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("status")],
            heading=_("Period"),
        ),
        FieldPanel("coordinator"),
        InlinePanel("partners", label=_("Partner")),
        InlinePanel("deliverables", label=_("Deliverable")),
        InlinePanel("recommendations", label=_("Recommendation")),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("acronym"),
        index.SearchField("full_name"),
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("status"),
    ]
    translatable_fields = page_translation_fields(
        translated=(
            "full_name",
            "intro",
            "funding_programme",
            "body",
            "partners",
            "deliverables",
            "recommendations",
            "coordinator",
        ),
        synchronised=(
            "acronym",
            "grant_reference",
            "total_budget",
            "eu_contribution",
            "start_date",
            "end_date",
            "status",
        ),
    )

    api_fields = LongreadPage.api_fields + [
        APIField("acronym"),
        APIField("full_name"),
        APIField("intro"),
        APIField("funding_programme"),
        APIField("grant_reference"),
        APIField("total_budget"),
        APIField("eu_contribution"),
        APIField("start_date"),
        APIField("end_date"),
        APIField("status"),
        APIField("coordinator", serializer=OrganisationField()),
        APIField("partners"),
        APIField("deliverables"),
        APIField("recommendations"),
        APIField("body", serializer=BodyField()),
    ]

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot come before the start date.")
        if (
            self.total_budget is not None
            and self.eu_contribution is not None
            and self.eu_contribution > self.total_budget
        ):
            errors["eu_contribution"] = _("The EU contribution cannot exceed the total budget.")
        if errors:
            raise ValidationError(errors)

    @classmethod
    def serving_queryset(cls):
        return super().serving_queryset().select_related("coordinator")

    def linked_stories(self):
        """The stories editors linked to this project (on their source), in this page's
        language, as readers may see them."""
        from stories.models.testimony import TestimonyPage

        linked = TestimonyPage.objects.filter(
            related_projects__translation_key=self.translation_key
        )
        return (
            consent.visible_pages(
                TestimonyPage.objects.filter(
                    translation_key__in=linked.values("translation_key"), locale_id=self.locale_id
                )
            )
            .select_related("consent", "hero_image", "locale")
            .prefetch_related("hero_image__renditions")
        )

    def partner_list(self):
        """The partners with their organisations, in one query."""
        return self.partners.select_related("organisation")

    def deliverable_list(self):
        """The deliverables with their documents, in one query."""
        return self.deliverables.select_related("document")

    def countries(self) -> set[str]:
        codes = {self.coordinator.country} if self.coordinator else set()
        codes |= {
            partner.organisation.country for partner in self.partners.all() if partner.organisation
        }
        return codes

    def recommendations_by_theme(self):
        groups: dict[str, list] = {}
        for recommendation in self.recommendations.all():
            groups.setdefault(recommendation.theme, []).append(recommendation)
        return list(groups.items())


class ProjectPartner(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=120, blank=True)

    panels = [FieldPanel("organisation"), FieldPanel("role")]
    api_fields = [APIField("organisation", serializer=OrganisationField()), APIField("role")]
    translatable_fields = [TranslatableField("organisation"), TranslatableField("role")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class ProjectDeliverable(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(_("title"), max_length=200)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(_("language of the document"), max_length=10, default="en")

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("language")]
    api_fields = [
        APIField("title"),
        APIField("document", serializer=DocumentField()),
        APIField("language"),
    ]
    translatable_fields = [
        TranslatableField("title"),
        SynchronizedField("document"),
        SynchronizedField("language", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class ProjectRecommendation(TranslatableMixin, Orderable):
    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="recommendations")
    theme = models.CharField(_("theme"), max_length=200)
    text = models.TextField(_("recommendation"))

    panels = [FieldPanel("theme"), FieldPanel("text")]
    api_fields = [APIField("theme"), APIField("text")]
    translatable_fields = [TranslatableField("theme"), TranslatableField("text")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order"]


class ProjectIndexPage(Listing, LongreadPage):
    intro = models.TextField(_("introduction"), blank=True)
    per_page = 12

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["stories.ProjectPage"]
    api_fields = LongreadPage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("project index")

    def projects(self, status: str = "", country: str = "", programme: str = ""):
        projects = consent.visible_pages(ProjectPage.objects.child_of(self)).order_by(
            "-start_date", "title"
        )
        if status in ProjectStatus.values:
            projects = projects.filter(status=status)
        if programme:
            projects = projects.filter(funding_programme=programme)
        if country in COUNTRIES:
            projects = projects.filter(
                models.Q(coordinator__country=country)
                | models.Q(partners__organisation__country=country)
            ).distinct()
        return projects.select_related("coordinator").defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = request.GET.get("status", "")
        country = request.GET.get("country", "").upper()
        programme = request.GET.get("programme", "")
        # The filters offer what the visible projects have: two queries, however many projects.
        all_projects = self.projects().order_by()
        countries = Organisation.objects.filter(
            models.Q(pk__in=all_projects.values("coordinator_id"))
            | models.Q(
                pk__in=ProjectPartner.objects.filter(page_id__in=all_projects.values("pk")).values(
                    "organisation_id"
                )
            )
        ).values_list("country", flat=True)
        page_obj = page_of_results(
            request, self.projects(status, country, programme), self.per_page
        )
        context.update(
            page_obj=page_obj,
            status=status,
            country=country,
            programme=programme,
            statuses=ProjectStatus.choices,
            programmes=[
                (name, name)
                for name in sorted(
                    {
                        name
                        for name in all_projects.values_list("funding_programme", flat=True)
                        if name
                    }
                )
            ],
            countries=sorted(
                {(code, COUNTRIES[code]) for code in countries if code in COUNTRIES},
                key=lambda item: str(item[1]),
            ),
        )
        return context
