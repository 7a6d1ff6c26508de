"""Query budgets: every public page type costs at most 12 SQL queries, however much it shows.

Each page type is measured twice: with the demo's content, and with a lot (stories of 60 blocks
drawing 20 images, 6 related stories and 3 translations; more stories, projects, news and
organisations than a listing shows on one page). A page is asked for once first, so that its
renditions exist, as they do once a page is published; the measured request must make none.
"""

import datetime

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import clear_url_caches
from wagtail.documents.models import Document

from bench.builder import Builder, Size, long_body, publish_under
from longread.models import rendition_encoded
from sitewide.models import HomePage, InformationPage
from stories.models import (
    Organisation,
    ProjectIndexPage,
    ProjectPage,
    ProjectPartner,
    StoryIndexPage,
    TestimonyPage,
)
from tests.helpers import first_story_path

MAX_QUERIES = 12
THREE_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]
LARGE = Size(
    stories=14,  # more than a story index shows on one page (12)
    news=12,  # more than a news index shows on one page (10)
    blocks=60,
    images_per_story=20,
    image_pool=20,
    related=6,
    news_blocks=60,
    news_images=20,
    image_size=(48, 30),
)
ORGANISATIONS = 30  # more than the directory shows on one page (20)
PROJECTS = 15  # more than the project index shows on one page (12)

SMALL_PAGES = {
    "home": "/en/",
    "testimony": first_story_path("en"),
    "story index": "/en/stories/",
    "story index, filtered": "/en/stories/?kind=survivor&theme=labour",
    "project": "/en/projects/rest/",
    "project index": "/en/projects/",
    "project index, filtered": "/en/projects/?status=completed&country=NL",
    "news": "/en/news/compass-launched/",
    "news index": "/en/news/",
    "news feed, RSS": "/en/news/feed/rss/",
    "news feed, Atom": "/en/news/feed/atom/",
    "information page": "/en/returning-home/",
    "organisation directory": "/en/organisations/",
    "search": "/en/search/?q=trust",
    "sitemap": "/sitemap.xml",
}
LARGE_PAGES = {
    **SMALL_PAGES,
    "testimony": "/en/stories/bench-story-1/",
    "testimony, third language": "/de/stories/bench-story-2/",
    "story index, page 2": "/en/stories/?page=2",
    "news": "/en/news/bench-news-1/",
    "news index, page 2": "/en/news/?page=2",
    "organisation directory, page 2": "/en/organisations/?page=2",
    "search": "/en/search/?q=passport",
}


class RenditionsMade:
    """Counts images encoded into renditions while it is open: none may be, for a reader."""

    def __enter__(self):
        self.count = 0
        rendition_encoded.connect(self._encoded, weak=False)
        return self

    def _encoded(self, sender, **kwargs):
        self.count += 1

    def __exit__(self, *exc):
        rendition_encoded.disconnect(self._encoded)


def assert_within_budget(client, url, django_assert_max_num_queries):
    first = client.get(url)
    assert first.status_code == 200, url
    with RenditionsMade() as renditions, django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, url
    assert renditions.count == 0, f"{url} made {renditions.count} renditions"
    return response


@pytest.mark.django_db
@pytest.mark.parametrize("url", SMALL_PAGES.values(), ids=SMALL_PAGES.keys())
def test_demo_pages_stay_within_the_query_budget(client, url, django_assert_max_num_queries):
    assert_within_budget(client, url, django_assert_max_num_queries)


def _large_site():
    """The demo site with a lot of everything (see the module's docstring)."""
    built = Builder(LARGE, log=lambda message: None).build()
    images = built["images"]
    links = Builder(LARGE).links()
    en_home = HomePage.objects.get(depth=2, locale__language_code="en")
    en_home.body = long_body(Builder(LARGE).rng, 60, images, links=links)
    en_home.save()
    # Projects: one with many partners, deliverables and recommendations and a long body, and
    # more projects than the index shows on one page, each with partners in other countries.
    organisations = [
        Organisation.objects.create(
            locale=en_home.locale,
            name=f"Organisation {number}",
            country=["NL", "BE", "DE", "RO", "HU"][number % 5],
            help_kinds=["return", "legal"],
            description="Helps people who return home.",
        )
        for number in range(ORGANISATIONS)
    ]
    document = Document.objects.first()
    project = ProjectPage.objects.get(locale__language_code="en", slug="rest")
    project.body = long_body(Builder(LARGE).rng, 60, images, links=links)
    project.save()
    for number, organisation in enumerate(organisations[:10]):
        locale = project.locale
        ProjectPartner.objects.create(
            page=project, organisation=organisation, role="Partner", locale=locale
        )
        project.deliverables.model.objects.create(
            page=project, title=f"Report {number}", document=document, locale=locale
        )
        project.recommendations.model.objects.create(
            page=project, theme=f"Theme {number % 3}", text="Do more.", locale=locale
        )
    project_index = ProjectIndexPage.objects.get(locale__language_code="en")
    for number in range(PROJECTS):
        extra = publish_under(
            project_index,
            ProjectPage(
                title=f"Project {number}",
                slug=f"project-{number}",
                acronym=f"P{number}",
                full_name=f"Project number {number}",
                funding_programme=f"Programme {number % 4}",
                status="completed",
                start_date=datetime.date(2020, 1, 1),
                coordinator=organisations[number],
                locale=en_home.locale,
            ),
            datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC),
        )
        ProjectPartner.objects.create(
            page=extra, organisation=organisations[-1 - number], locale=extra.locale
        )
    # An information page with a long body that lists many organisations.
    returning = InformationPage.objects.get(locale__language_code="en", slug="returning-home")
    returning.body = long_body(Builder(LARGE).rng, 60, images, links=links)
    returning.save()
    assert TestimonyPage.objects.filter(locale__language_code="de").count() == LARGE.stories
    assert StoryIndexPage.objects.get(locale__language_code="en").get_children().count() > 12


@pytest.fixture(scope="module")
def large_client(django_db_setup, django_db_blocker):
    """A client of the large site; built once for the module, rolled back after it."""
    with (
        django_db_blocker.unblock(),
        override_settings(LANGUAGES=THREE_LANGUAGES, WAGTAIL_CONTENT_LANGUAGES=THREE_LANGUAGES),
        transaction.atomic(),
    ):
        clear_url_caches()
        try:
            _large_site()
            yield Client()
        finally:
            transaction.set_rollback(True)
            clear_url_caches()


@pytest.mark.django_db
@pytest.mark.parametrize("url", LARGE_PAGES.values(), ids=LARGE_PAGES.keys())
def test_large_pages_stay_within_the_query_budget(large_client, url, django_assert_max_num_queries):
    response = assert_within_budget(large_client, url, django_assert_max_num_queries)
    html = response.content.decode() if not response.streaming else ""
    if url == LARGE_PAGES["testimony"]:
        # The large story shows what it should: its images, its related stories, its languages.
        assert html.count("<picture") >= LARGE.images_per_story
        assert html.count('href="/en/stories/bench-story-') >= LARGE.related
        assert 'hreflang="de"' in html and 'hreflang="nl"' in html
        # Links in the text go to the English pages of the Dutch pages they name.
        assert '<a href="/en/stories/">' in html and "linktype" not in html
    if url == LARGE_PAGES["organisation directory"]:
        assert html.count('class="lr-organisation"') == 20
