"""Testimonies: a teller's story, shown only where the teller's consent covers it."""

import copy

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from longread.blocks import LongreadBody, needs_alt_text, places
from stories import consent
from stories.api_fields import (
    BodyField,
    HeroImageField,
    RelatedProjectsField,
    RelatedStoriesField,
    ValueListField,
)
from stories.consent.permissions import CONSENT_PERMISSION
from stories.consent.records import ConsentRecord
from stories.exceptions import ConsentRefused
from stories.fields import ChoiceListField
from stories.models.base import (
    LongreadPage,
    SameLanguageChoicesForm,
    page_translation_fields,
    same_pages_in_language,
)
from stories.status_panel import StoryStatusPanel
from stories.workflow import testimony_workflow, workflow_problem


class Theme(models.TextChoices):
    SEXUAL = "sexual", _("Sexual exploitation")
    LABOUR = "labour", _("Labour exploitation")
    CRIMINAL = "criminal", _("Criminal exploitation")
    OTHER = "other", _("Other exploitation")


class TellerKind(models.TextChoices):
    SURVIVOR = "survivor", _("Survivor")
    PROFESSIONAL = "professional", _("Professional")


class TestimonyPageForm(SameLanguageChoicesForm):
    """Refuses, with a clear message, to publish or schedule a story that consent does not cover."""

    def clean(self):
        cleaned_data = super().clean()
        if "action-publish" in self.data and not self.errors:
            candidate = copy.copy(self.instance)
            for name in ("consent", "locale"):
                if name in cleaned_data:
                    setattr(candidate, name, cleaned_data[name])
            # The revision this publish would create does not exist yet: it has no approvals.
            problem = candidate.publish_problem(None, self.for_user)
            if problem:
                self.add_error(None, problem)
        return cleaned_data


class TestimonyPage(LongreadPage):
    """A teller's story, published only where their consent covers it."""

    pseudonym = models.CharField(_("pseudonym"), max_length=60)
    teller_kind = models.CharField(
        _("teller"), max_length=20, choices=TellerKind.choices, default=TellerKind.SURVIVOR
    )
    role = models.CharField(
        _("role"),
        max_length=80,
        blank=True,
        help_text=_("For professionals, e.g. care coordinator."),
    )
    quote = models.TextField(_("headline quote"))
    teaser = models.TextField(_("teaser"), blank=True)
    hero_image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_alt_text = models.CharField(_("hero alt text"), max_length=250, blank=True)
    hero_decorative = models.BooleanField(_("hero image is decorative"), default=False)
    content_note = models.CharField(
        _("content note"),
        max_length=250,
        blank=True,
        help_text=_("A short, factual note on what the story tells, so readers can choose."),
    )
    themes = ChoiceListField(_("themes"), choices_list=Theme.choices, default=list, blank=True)
    body = StreamField(LongreadBody(), blank=True, verbose_name=_("body"))
    consent = models.ForeignKey(
        ConsentRecord,
        verbose_name=_("consent record"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="stories",
    )
    # The European projects this story belongs to (chosen once, on the source): partners list
    # a project's stories through the API (`?project=`).
    related_projects = ParentalManyToManyField(
        "stories.ProjectPage",
        verbose_name=_("related projects"),
        blank=True,
        related_name="stories",
    )

    parent_page_types = ["stories.StoryIndexPage"]
    subpage_types = []

    content_panels = [
        StoryStatusPanel(heading=_("Status")),
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("pseudonym"), FieldPanel("teller_kind"), FieldPanel("role")],
            heading=_("Teller"),
        ),
        FieldPanel("quote"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [FieldPanel("hero_image"), FieldPanel("hero_alt_text"), FieldPanel("hero_decorative")],
            heading=_("Hero image"),
        ),
        FieldPanel("content_note"),
        FieldPanel("themes"),
        FieldPanel("related_projects"),
        FieldPanel("body"),
        InlinePanel("related_stories", label=_("Related story")),
        # Only consent officers see and change which record governs the story.
        FieldPanel("consent", permission=CONSENT_PERMISSION),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("pseudonym"),
        index.SearchField("quote"),
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("teller_kind"),
    ]
    # Copied from the source, never overridden per language: the consent record above all
    # (wagtail-localize would otherwise offer translators an override of it), and what
    # identifies or shows the teller.
    translatable_fields = page_translation_fields(
        translated=("role", "quote", "teaser", "hero_alt_text", "content_note", "body"),
        synchronised=(
            "pseudonym",
            "teller_kind",
            "hero_image",
            "hero_decorative",
            "themes",
            "consent",
            "related_stories",
            "related_projects",
        ),
    )

    api_fields = LongreadPage.api_fields + [
        APIField("pseudonym"),
        APIField("teller_kind"),
        APIField("role"),
        APIField("quote"),
        APIField("teaser"),
        APIField("content_note"),
        APIField("themes", serializer=ValueListField(Theme.choices, "themes")),
        APIField("hero_image", serializer=HeroImageField()),
        APIField("body", serializer=BodyField()),
        APIField("related_stories", serializer=RelatedStoriesField()),
        APIField("related_projects", serializer=RelatedProjectsField()),
    ]

    base_form_class = TestimonyPageForm

    class Meta:
        verbose_name = _("testimony")
        verbose_name_plural = _("testimonies")

    def visible_related_projects(self):
        """Related projects in this page's language (chosen once, on the source)."""
        # Imported here: projects are defined after testimonies (stories.models registers the
        # page types in a fixed order).
        from stories.models.projects import ProjectPage

        return same_pages_in_language(ProjectPage, self.related_projects.all(), self.locale_id)

    @classmethod
    def serving_queryset(cls):
        # The consent record (media_allowed) and the hero image with its renditions.
        return (
            super()
            .serving_queryset()
            .select_related("consent", "hero_image")
            .prefetch_related("hero_image__renditions")
        )

    def publish_problem(self, revision, user, scheduled=False) -> str | None:
        """Why `revision` may not be published now, or None. The one check of every path."""
        candidate = revision.as_object() if revision is not None else self
        problem = consent.consent_problem(candidate) or super().publish_problem(
            revision, user, scheduled
        )
        if problem or scheduled or user is None:
            return problem
        if candidate.locale.language_code == settings.LANGUAGE_CODE:
            # A person publishing the source text: the teller and a second person approved it.
            if revision is None or revision.pk is None:
                return workflow_problem(None)
            return workflow_problem(revision)
        return None

    def refusal(self, problem: str) -> ConsentRefused:
        return ConsentRefused(problem)

    # Testimonies always go through the testimony workflow, wherever they are in the tree (also
    # read before a new testimony is first saved: stories.workflow.SubmitToNamedWorkflow).
    always_testimony_workflow = True

    def get_workflow(self):
        return testimony_workflow() or super().get_workflow()

    def clean(self):
        super().clean()
        if needs_alt_text(self.hero_image_id, self.hero_alt_text, self.hero_decorative):
            raise ValidationError(
                {"hero_alt_text": _("Give alternative text, or mark the hero image decorative.")}
            )
        unknown = set(self.themes or []) - set(Theme.values)
        if unknown:
            raise ValidationError({"themes": _("Unknown themes: %s") % ", ".join(sorted(unknown))})

    @property
    def is_survivor(self) -> bool:
        return self.teller_kind == TellerKind.SURVIVOR

    def theme_labels(self):
        return [Theme(theme).label for theme in self.themes or [] if theme in Theme.values]

    def chosen_related_story_ids(self):
        """The stories an editor linked, as a subquery (or a list, for links held in memory)."""
        links = self.related_stories.all()
        if isinstance(links, models.QuerySet):
            return links.values("story_id")  # a subquery: no query of its own
        # Links held in memory (a preview or a revision).
        return [link.story_id for link in links if link.story_id]

    def visible_related_stories(self):
        """Related stories in this page's language; links are chosen once, on the source."""
        linked = TestimonyPage.objects.filter(pk__in=self.chosen_related_story_ids())
        return (
            same_pages_in_language(TestimonyPage, linked, self.locale_id)
            .exclude(pk=self.pk)
            .defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Related stories as cards: picture, reading time (from the body) and consent at once.
        # Built when a template first reads it: kept cards (longread.fragments) never do.
        context["related"] = SimpleLazyObject(
            lambda: (
                self.visible_related_stories()
                .defer(None)
                .select_related("consent", "hero_image", "locale")
                .prefetch_related("hero_image__renditions")
            )
        )
        context["media_allowed"] = self.media_allowed()
        return context

    @property
    def body_places_help(self) -> bool:
        """The body has its own help box: the page adds none (one help box per page)."""
        return places(self.body, "help_box")

    @property
    def shows_help_box(self) -> bool:
        """A survivor's story always ends with help: where its body places it, or after it."""
        return self.is_survivor or self.body_places_help

    @property
    def body_places_related(self) -> bool:
        return places(self.body, "related_stories")

    def media_allowed(self) -> dict:
        """The teller's consent decides whether their recorded voice or image may be played,
        and whether photos go with their story."""
        record = self.consent
        return {
            "audio": bool(record and record.allows_audio),
            "video": bool(record and record.allows_video),
            "photos": self.photos_allowed(),
        }

    def photos_allowed(self) -> bool:
        """Without the teller's photo permission their story shows no photo (hero, image
        blocks, share image, API, files). Every image counts as a photo unless staff marked it
        an illustration in the image library (longread.models.LongreadImage.kind)."""
        record = self.consent
        return bool(record and record.allows_photos)

    def image_is_shown(self, image) -> bool:
        return image is not None and (not image.is_photo or self.photos_allowed())

    @property
    def shown_hero_image(self):
        """The hero image as readers, partners and share previews may see it (or None)."""
        if self.hero_image_id and self.image_is_shown(self.hero_image):
            return self.hero_image
        return None


class RelatedStory(Orderable):
    page = ParentalKey(TestimonyPage, on_delete=models.CASCADE, related_name="related_stories")
    story = models.ForeignKey(
        TestimonyPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("story")]
