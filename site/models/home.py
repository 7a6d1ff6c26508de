"""The home page: the root of one language tree."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from longread.blocks import LongreadBody
from stories.api_fields import BodyField
from stories.models import LongreadPage


class HomePage(LongreadPage):
    """The root of one language tree."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LongreadBody(), blank=True, verbose_name=_("body"))
    featured_story = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown first and large, with its picture. Empty: the first story in the order "
            "below. Only shown while its teller's consent allows."
        ),
    )
    stories_order = models.CharField(
        _("order of the stories"),
        max_length=20,
        choices=[
            ("survivors", _("Survivors' stories first, newest first")),
            ("newest", _("Newest first")),
        ],
        default="survivors",
    )

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = None

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                PageChooserPanel("featured_story", "stories.TestimonyPage"),
                FieldPanel("stories_order"),
            ],
            heading=_("Stories on the home page"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = LongreadPage.api_fields + [
        APIField("intro"),
        APIField("body", serializer=BodyField()),
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from sitewide.pages.featured import home_listing

        context = super().get_context(request, *args, **kwargs)
        listing = home_listing(self)
        context["featured_stories"] = listing["stories"]
        context["featured_story"] = listing["featured"]
        context["more_stories"] = listing["more"]
        context["latest_projects"] = listing["projects"]
        context["latest_news"] = listing["news"]
        return context
