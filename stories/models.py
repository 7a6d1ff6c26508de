"""Testimonies, the story index, and the consent record that governs every testimony."""

import copy
import datetime

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language_info, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page
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
from stories.exceptions import ConsentRefused
from stories.fields import ChoiceListField
from stories.pages import (
    LongreadPage,
    SameLanguageChoicesForm,
    page_translation_fields,
    same_pages_in_language,
)
from stories.status_panel import StoryStatusPanel
from stories.workflow import (  # noqa: F401 - task models live in this app
    SecondPersonApprovalTask,
    TellerApprovalTask,
    testimony_workflow,
    workflow_problem,
)

REVIEW_AFTER = datetime.timedelta(days=365)
NEVER_COVERED = _("The consent record never covered this language: there is nothing to withdraw.")
# The log action Wagtail's publish_scheduled command passes when it publishes.


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


class ConsentRecordForm(WagtailAdminModelForm):
    """The record's admin form: a withdrawal of a language the record never covered (neither
    as stored nor as the form now says) is refused on the withdrawal's own row."""

    def clean(self):
        cleaned_data = super().clean()
        covered = {locale.language_code for locale in cleaned_data.get("languages") or []}
        if self.instance.pk:
            covered |= set(
                ConsentRecord.languages.through.objects.filter(
                    consentrecord_id=self.instance.pk
                ).values_list("locale__language_code", flat=True)
            )
        formset = getattr(self, "formsets", {}).get("withdrawals")
        for form in formset.forms if formset is not None else []:
            if not form.is_valid():
                continue
            data = form.cleaned_data
            language = data.get("language")
            if (
                not data.get("DELETE")
                and data.get("part") == ConsentWithdrawal.LANGUAGE
                and language is not None
                and language.language_code not in covered
            ):
                form.add_error("language", NEVER_COVERED)
        return cleaned_data


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
    base_form_class = ConsentRecordForm

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
        InlinePanel("withdrawals", heading=_("Withdrawals"), label=_("Withdrawal")),
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

    def problem(self, channel: str, language_code: str, on) -> str | None:
        """Why this consent does not cover `channel` in `language_code` on `on`, or None.

        Explains, for one record, what consent.visible_pages() decides in SQL; a test keeps the
        two in agreement.
        """
        name = self.pseudonym
        if self.given_on > on:
            return gettext("The consent of %(name)s starts on %(date)s.") % {
                "name": name,
                "date": self.given_on,
            }
        if self.expires_on and self.expires_on <= on:
            return gettext("The consent of %(name)s expired on %(date)s.") % {
                "name": name,
                "date": self.expires_on,
            }
        for withdrawal in self.withdrawals.all():
            if withdrawal.withdrawn_on > on:
                continue
            if withdrawal.part == ConsentWithdrawal.EVERYTHING:
                return gettext("The consent of %(name)s was withdrawn on %(date)s.") % {
                    "name": name,
                    "date": withdrawal.withdrawn_on,
                }
            if withdrawal.part == channel or (
                withdrawal.part == ConsentWithdrawal.LANGUAGE
                and withdrawal.language
                and withdrawal.language.language_code == language_code
            ):
                return gettext("The consent of %(name)s was partly withdrawn (%(part)s).") % {
                    "name": name,
                    "part": withdrawal.get_part_display(),
                }
        if not getattr(self, f"allows_{channel}"):
            return gettext("The consent of %(name)s does not cover the channel '%(channel)s'.") % {
                "name": name,
                "channel": channel,
            }
        if language_code not in {locale.language_code for locale in self.languages.all()}:
            try:  # the language by its name, in the language of whoever reads this
                language = str(get_language_info(language_code)["name_translated"])
            except KeyError:
                language = language_code
            return gettext("The consent of %(name)s does not cover %(language)s.") % {
                "name": name,
                "language": language,
            }
        return None

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
        FieldPanel("consent", permission="stories.change_consentrecord"),
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
        context["related"] = (
            self.visible_related_stories()
            .defer(None)
            .select_related("consent", "hero_image", "locale")
            .prefetch_related("hero_image__renditions")
        )
        context["media_allowed"] = self.media_allowed()
        return context

    @property
    def body_places_help(self) -> bool:
        """The body has its own help box: the page adds none (one help box per page)."""
        return places(self.body, "help_box")

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


class StoryIndexPage(LongreadPage):
    """Lists live, consented stories, filterable by teller kind and theme."""

    intro = models.TextField(_("introduction"), blank=True)
    per_page = 12

    subpage_types = ["stories.TestimonyPage"]
    content_panels = Page.content_panels + [FieldPanel("intro")]
    # The stories themselves: /api/v2/pages/?child_of=<id>
    api_fields = LongreadPage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = _("story index")

    def stories(self, kind: str = "", theme: str = ""):
        stories = consent.visible_pages(
            TestimonyPage.objects.child_of(self), consent.WEBSITE
        ).order_by("-first_published_at", "pk")
        if kind in TellerKind.values:
            stories = stories.filter(teller_kind=kind)
        if theme in Theme.values:
            # JSON containment is not portable across SQLite and PostgreSQL; themes are few.
            stories = stories.filter(themes__icontains=f'"{theme}"')
        # Cards show no body: long bodies stay in the database.
        return stories.select_related("hero_image").defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        theme = request.GET.get("theme", "")
        paginator = Paginator(self.stories(kind, theme), self.per_page)
        context.update(
            page_obj=paginator.get_page(request.GET.get("page")),
            kind=kind if kind in TellerKind.values else "",
            theme=theme if theme in Theme.values else "",
            kinds=TellerKind.choices,
            themes=Theme.choices,
        )
        return context


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


# Projects, news and organisations live in their own modules; imported here so Django registers
# their models with this app.
from stories.news import NewsFeed, NewsIndexPage, NewsPage  # noqa: E402,F401
from stories.organisations import HelpKind, Organisation, OrganisationDirectoryPage  # noqa: E402,F401
from stories.projects import (  # noqa: E402,F401
    ProjectDeliverable,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    ProjectRecommendation,
    ProjectStatus,
)
from stories.reach.models import ReachCounter  # noqa: E402,F401
from stories.teller.models import TellerLink, TellerMessage  # noqa: E402,F401
