"""The story index: live, consented stories, filterable by teller kind and theme."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.models import Page

from stories import consent
from stories.models.base import LongreadPage
from stories.models.listing import Listing, page_of_results
from stories.models.testimony import TellerKind, TestimonyPage, Theme


class StoryIndexPage(Listing, LongreadPage):
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
        # Cards render no body, but count its reading time from the stored texts
        # (card_reading_minutes); pictures only where the consent allows photos.
        return stories.select_related("consent", "hero_image", "locale").prefetch_related(
            "hero_image__renditions"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("kind", "")
        theme = request.GET.get("theme", "")
        page_obj = page_of_results(request, self.stories(kind, theme), self.per_page)
        context.update(
            page_obj=page_obj,
            kind=kind if kind in TellerKind.values else "",
            theme=theme if theme in Theme.values else "",
            kinds=TellerKind.choices,
            themes=Theme.choices,
        )
        return context
