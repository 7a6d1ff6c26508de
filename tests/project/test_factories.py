"""The factories build every page type as readers get it, and tests built on them need no demo
story: a consent rule checked on a testimony of the test's own making, and a body of blocks."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from wagtail.models import Page

from stories.models import LongreadPage
from tests.factories import (
    PAGE_FACTORIES,
    ConsentRecordFactory,
    HomePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ProjectIndexPageFactory,
    ProjectPageFactory,
    StoryIndexPageFactory,
    TestimonyPageFactory,
    home,
    story_index,
)

pytestmark = pytest.mark.django_db

# Page types whose pages live under an index of their own.
CHILD_OF = {
    "TestimonyPage": StoryIndexPageFactory,
    "NewsPage": NewsIndexPageFactory,
    "ProjectPage": ProjectIndexPageFactory,
}


def test_every_page_type_has_a_factory():
    page_types = {
        model
        for model in apps.get_models()
        if issubclass(model, LongreadPage) and issubclass(model, Page)
    }
    assert page_types == set(PAGE_FACTORIES)


@pytest.mark.parametrize(
    "model",
    [model for model in PAGE_FACTORIES if model.__name__ != "HomePage"],
    ids=lambda model: model.__name__,
)
def test_each_factory_builds_a_page_readers_can_open(client, model):
    parent = home("en")
    if model.__name__ in CHILD_OF:
        parent = CHILD_OF[model.__name__](parent=parent)
    page = PAGE_FACTORIES[model](parent=parent, title="Built for this test")
    assert page.locale.language_code == "en"
    response = client.get(page.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert "Built for this test" in soup.get_text()
    assert soup.html["lang"] == "en"


def test_a_home_page_factory_builds_a_language_home():
    page = HomePageFactory(parent=Page.get_first_root_node())
    assert page.live
    assert page.get_parent().is_root()


def test_a_story_without_consent_for_a_language_is_served_only_where_it_has_consent(client):
    consent = ConsentRecordFactory(languages=["nl"])
    dutch = TestimonyPageFactory(parent=story_index("nl"), consent=consent, title="Mijn verhaal")
    english = TestimonyPageFactory(parent=story_index("en"), consent=consent, title="My story")

    assert client.get(dutch.url).status_code == 200
    assert client.get(english.url).status_code == 404
    listing = client.get("/en/stories/").content.decode()
    assert "My story" not in listing
    api = client.get("/api/v2/pages/?type=stories.TestimonyPage&locale=en&limit=50").json()
    assert english.pk not in {item["id"] for item in api["items"]}
    api = client.get("/api/v2/pages/?type=stories.TestimonyPage&locale=nl&limit=50").json()
    assert dutch.pk in {item["id"] for item in api["items"]}


def test_a_body_of_block_factories_reads_as_written(client):
    page = TestimonyPageFactory(
        parent=story_index("en"),
        body__0__chapter__heading="Leaving home",
        body__1="text",
        body__2__testimony_quote__quote="I kept the ticket for years.",
        body__3__figure__alt_text="Teal shapes on a dark sea",
    )
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    assert "Leaving home" in [h.get_text(strip=True) for h in soup.find_all("h2")]
    assert "I kept the ticket for years." in soup.get_text()
    assert soup.find("img", alt="Teal shapes on a dark sea") is not None
    assert "A paragraph of the story." in soup.get_text()


def test_news_and_projects_take_a_body_too(client):
    news = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home("nl")), body__0__chapter__heading="Nieuws"
    )
    project = ProjectPageFactory(
        parent=ProjectIndexPageFactory(parent=home("nl")), body__0__pull_quote__quote="Samen"
    )
    assert "Nieuws" in client.get(news.url).content.decode()
    assert "Samen" in client.get(project.url).content.decode()
