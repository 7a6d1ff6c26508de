"""The bench (`make bench`) is not part of the suite; this runs its builder and its in-process
measurements on a tiny site, so that neither can rot unnoticed."""

import dataclasses

import pytest
from django.urls import clear_url_caches

from bench import run
from bench.builder import TINY, Builder
from tests.helpers import first_story_path

pytestmark = pytest.mark.django_db
THREE_LANGUAGES = [("nl", "Nederlands"), ("en", "English"), ("de", "Deutsch")]


@pytest.fixture
def three_languages(settings):
    settings.LANGUAGES = THREE_LANGUAGES
    settings.WAGTAIL_CONTENT_LANGUAGES = THREE_LANGUAGES
    clear_url_caches()
    yield
    clear_url_caches()


def test_the_bench_builds_a_site_and_measures_it(three_languages, client):
    size = dataclasses.replace(TINY, image_size=(48, 30))
    built = Builder(size, log=lambda message: None).build()
    assert len(built["stories"]) == size.stories and len(built["news"]) == size.news
    story = built["stories"][0]
    for language in size.languages:
        response = client.get(story[language].url)
        assert response.status_code == 200, language
        html = response.content.decode()
        assert html.count("<picture") >= size.images_per_story
        assert "lr-related" in html  # its related stories, in its own language
    assert client.get(built["news"][0]["de"].url).status_code == 200

    run.warm_renditions(built["images"])
    targets = run.targets(built)
    report = {
        "machine": run.machine(),
        "site": {"description": "tiny"},
        "in_process": run.in_process(targets, iterations=2),
        "public_page_queries": run.public_page_queries(run.public_pages(built)),
        "page_weight": run.page_weight(first_story_path("en")),
        "seconds": 0,
        "finished": "now",
    }
    story_row = report["in_process"]["long story"]
    assert story_row["uncached"]["status"] == [200]
    # The page cache answers the repeated requests: measured as hits, with no query.
    assert story_row["cached"]["status"] == [200] and story_row["cached"]["queries"] == 0
    assert story_row["cached"]["cache_hits"] == story_row["cached"]["iterations"]
    assert report["in_process"]["renditions_encoded"] == 0
    assert all(row["status"] == [200, 200] for row in report["public_page_queries"].values())
    report["budgets"] = run.budgets(report)
    queries = next(check for check in report["budgets"] if "queries" in check["budget"])
    assert queries["ok"] is True
    assert "Budgets" in run.table(report)
