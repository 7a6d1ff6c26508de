"""News: dated longreads about projects, an index with pagination, and feeds per language."""

import datetime

from django.contrib.syndication.views import Feed
from django.db import models
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from longread.absolute import absolute_url
from longread.blocks import LongreadBody
from stories import consent
from stories.api_fields import BodyField, FeedUrlsField, RelatedProjectsField
from stories.models.base import (
    LongreadPage,
    SameLanguageChoicesForm,
    page_translation_fields,
    same_pages_in_language,
)
from stories.models.listing import Listing, page_of_results
from stories.models.projects import ProjectPage

FEED_ITEMS = 20


class NewsPage(LongreadPage):
    date = models.DateField(_("date"), default=datetime.date.today)
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LongreadBody(), blank=True, verbose_name=_("body"))
    related_projects = ParentalManyToManyField(
        ProjectPage, verbose_name=_("related projects"), blank=True, related_name="news"
    )

    parent_page_types = ["stories.NewsIndexPage"]
    subpage_types = []
    base_form_class = SameLanguageChoicesForm
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("related_projects"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    translatable_fields = page_translation_fields(
        translated=("intro", "body"), synchronised=("date", "related_projects")
    )

    api_fields = LongreadPage.api_fields + [
        APIField("date"),
        APIField("intro"),
        APIField("related_projects", serializer=RelatedProjectsField()),
        APIField("body", serializer=BodyField()),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def visible_related_projects(self):
        """Related projects in this page's language (chosen once, on the source)."""
        return same_pages_in_language(ProjectPage, self.related_projects.all(), self.locale_id)


class NewsIndexPage(Listing, RoutablePageMixin, LongreadPage):
    intro = models.TextField(_("introduction"), blank=True)
    per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["stories.NewsPage"]
    api_fields = LongreadPage.api_fields + [
        APIField("intro"),
        APIField("feed_urls", serializer=FeedUrlsField()),
    ]

    class Meta:
        verbose_name = _("news index")

    def news(self, project_id=None):
        items = (
            consent.visible_pages(NewsPage.objects.child_of(self))
            .order_by("-date", "-pk")
            .defer_streamfields()
        )
        if project_id:
            items = items.filter(
                related_projects__translation_key__in=ProjectPage.objects.filter(
                    pk=project_id
                ).values("translation_key")
            ).distinct()
        return items

    def projects(self):
        keys = NewsPage.objects.child_of(self).values("related_projects__translation_key")
        return consent.visible_pages(
            ProjectPage.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
        ).order_by("title")

    @path("")
    def index_view(self, request):
        project = request.GET.get("project", "")
        project_id = int(project) if project.isdigit() else None
        page_obj = page_of_results(request, self.news(project_id), self.per_page)
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "project": project_id,
                "project_options": [(item.pk, item.acronym) for item in self.projects()],
            },
        )

    @path("feed/rss/", name="rss")
    def rss_view(self, request):
        return NewsFeed(self, Rss201rev2Feed)(request)

    @path("feed/atom/", name="atom")
    def atom_view(self, request):
        return NewsFeed(self, Atom1Feed)(request)

    def feed_urls(self):
        return {
            "rss": self.url + self.reverse_subpage("rss"),
            "atom": self.url + self.reverse_subpage("atom"),
        }


class NewsFeed(Feed):
    """The news of one language as RSS 2.0 or Atom."""

    def __init__(self, index_page, feed_type):
        super().__init__()
        self.request = None
        self.index_page = index_page
        self.feed_type = feed_type

    def title(self):
        return self.index_page.title

    def link(self):
        return absolute_url(self.index_page.url, self.request)

    def description(self):
        return self.index_page.intro or self.index_page.title

    def feed_url(self):
        return absolute_url(
            self.index_page.url
            + self.index_page.reverse_subpage("atom" if self.feed_type is Atom1Feed else "rss"),
            self.request,
        )

    def items(self):
        return self.index_page.news()[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return absolute_url(item.url, self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time(9)))

    def item_updateddate(self, item):
        return item.last_published_at

    def get_feed(self, obj, request):
        self.request = request  # every link under the site's one base URL (longread.absolute)
        feed = super().get_feed(obj, request)
        feed.feed["language"] = self.index_page.locale.language_code
        return feed
