"""The story's end: the stories an editor linked, completed up to three with more stories of the
language that the consent rule allows; no story twice, never the story itself."""

import pytest
from bs4 import BeautifulSoup

from stories.models.testimony import STORY_END_CARDS, RelatedStory
from tests.factories import ConsentRecordFactory, TestimonyPageFactory, story_index

pytestmark = pytest.mark.django_db


def _cards(client, page):
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    ends = soup.select("article .lr-related")
    assert len(ends) == 1
    return ends[0], [a["href"] for a in ends[0].select(".lr-story-card__title a")]


def test_one_linked_story_is_completed_with_more_stories_the_consent_rule_allows(client):
    parent = story_index("en")
    story = TestimonyPageFactory(parent=parent)
    linked = TestimonyPageFactory(parent=parent)
    # The newest story of all, but not consented in English: never among the more stories.
    TestimonyPageFactory(parent=parent, consent=ConsentRecordFactory(languages=["nl"]))
    RelatedStory.objects.create(page=story, story=linked)

    end, hrefs = _cards(client, story)
    allowed = {page.url for page in story.more_stories([])}
    assert len(hrefs) == STORY_END_CARDS == len(set(hrefs)), hrefs
    assert hrefs[0] == linked.url and story.url not in hrefs
    assert set(hrefs[1:]) <= allowed
    assert end.select_one("h2").get_text() == "More stories"
    assert "lr-related__list--many" in end.select_one("ul")["class"]


def test_three_linked_stories_stay_as_the_editor_chose_them(client):
    parent = story_index("en")
    story = TestimonyPageFactory(parent=parent)
    linked = [TestimonyPageFactory(parent=parent) for _ in range(3)]
    for other in linked:
        RelatedStory.objects.create(page=story, story=other)
    end, hrefs = _cards(client, story)
    assert sorted(hrefs) == sorted(page.url for page in linked)
    assert end.select_one("h2").get_text() == "Related stories"
