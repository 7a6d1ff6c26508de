"""The bench (`make bench`) is not part of the suite; this runs its builder and its in-process
measurements on a tiny site, with the stock reference page every time budget is measured
against, and its hit-rate counting (the Lua script under wrk, and the budget read from it), so
that none of them can rot unnoticed. No timing is asserted."""

import dataclasses
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from bs4 import BeautifulSoup
from django.urls import clear_url_caches

from bench import run
from bench.builder import TINY, Builder
from sitewide.api.models import PartnerWebhook
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

    # The reference: a stock page, served by its own template (none of the reader templates),
    # with its five paragraphs and its one image.
    run.warm_renditions(built["images"], built["reference"])
    response = client.get(built["reference"].url)
    assert response.status_code == 200
    # (`|richtext` renders Wagtail's rich-text template, which longread overrides for every rich
    # text of the site: docs/upgrading.md.)
    assert [template.name for template in response.templates] == [
        "bench_reference/reference_page.html",
        "wagtailcore/shared/richtext.html",
    ]
    soup = BeautifulSoup(response.content, "html.parser")
    assert len(soup.select(".body p")) == 5 and len(soup.find_all("img")) == 1
    assert 500 <= len(soup.select_one(".body").get_text().split()) <= 700

    targets = run.targets(built)
    report = {
        "machine": run.machine(),
        "site": {"description": "tiny"},
        "in_process": run.in_process(targets, iterations=2),
        "public_page_queries": run.public_page_queries(run.public_pages(built)),
        "page_weight": run.page_weight(first_story_path("en")),
        "publishing": run.publishing_with_dead_partners(iterations=1),
        "seconds": 0,
        "finished": "now",
    }
    reference_row = report["in_process"]["reference page"]
    assert reference_row["uncached"]["status"] == [200] and reference_row["cached"] is not None
    story_row = report["in_process"]["long story"]
    assert story_row["uncached"]["status"] == [200]
    # Missed by the page cache, with the body kept: no answer from the page cache, and fewer
    # queries than with the body made (its pictures and links are not loaded).
    kept = story_row[run.KEPT]
    assert kept["status"] == [200] and kept["cache_hits"] == 0
    assert kept["queries"] < story_row["uncached"]["queries"]
    # The page cache answers the repeated requests: measured as hits, with no query.
    assert story_row["cached"]["status"] == [200] and story_row["cached"]["queries"] == 0
    assert story_row["cached"]["cache_hits"] == story_row["cached"]["iterations"]
    assert report["in_process"]["renditions_encoded"] == 0
    assert all(row["status"] == [200, 200] for row in report["public_page_queries"].values())
    # Each publication with the dead partners queued a delivery to each of them.
    assert report["publishing"]["deliveries_queued"] >= run.DEAD_PARTNERS
    assert not PartnerWebhook.objects.exists()  # the bench's partners are gone again
    report["budgets"] = run.budgets(report)
    assert any("dead partner webhooks" in check["budget"] for check in report["budgets"])
    queries = next(check for check in report["budgets"] if "queries" in check["budget"])
    assert queries["ok"] is True
    # Both render-time budgets are ratios to the reference, measured (whatever the verdict).
    ratios = [check for check in report["budgets"] if "stock reference page" in check["budget"]]
    assert len(ratios) == 2 and all(check["ok"] is not None for check in ratios)
    assert "Budgets" in run.table(report)


class _CacheMarks(BaseHTTPRequestHandler):
    """Answers /kept/ as a page cache hit and anything else as a miss."""

    protocol_version = "HTTP/1.1"
    paths = set()

    def do_GET(self):  # noqa: N802 - the standard library's name
        self.paths.add(self.path)
        self.send_response(200)
        self.send_header("X-Page-Cache", "hit" if self.path == "/kept/" else "miss")
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args):
        pass


def test_the_hit_rate_row_counts_the_page_cache_marks(tmp_path):
    if not shutil.which("wrk"):
        pytest.fail(
            "wrk is missing: the bench drives Debian's wrk. `make test` installs it "
            "(apt-get install wrk, with root or sudo).",
            pytrace=False,
        )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CacheMarks)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        script = tmp_path / "hit_rate.lua"
        script.write_text(run.HIT_RATE_LUA)
        measured = run.run_wrk(
            f"http://127.0.0.1:{server.server_address[1]}/",
            1,
            script=script,
            script_args=["/kept/", "/rendered/"],
        )
    finally:
        server.shutdown()
        server.server_close()
    # Each thread turns between the paths as given: half of its answers are hits.
    assert _CacheMarks.paths == {"/kept/", "/rendered/"}
    assert measured["answers"] > 10 and 0.45 <= measured["hit_rate"] <= 0.55

    # The budget reads it; a run in which the editor published nothing proves nothing.
    report = {
        "public_page_queries": {"home": {"queries": 1}},
        "in_process": {"long story": {}, "API detail": {}, "renditions_encoded": 0},
        "under_load": {"hit rate": {**measured, "editor": {"published": 5, "failures": 0}}},
    }
    budget = next(check for check in run.budgets(report) if "hit" in check["value"])
    assert budget["ok"] is False
    assert budget["value"].startswith(f"{measured['hit_rate']:.1%} ")
    report["under_load"]["hit rate"].update(hits=measured["answers"], hit_rate=1.0)
    assert next(c for c in run.budgets(report) if "hit" in c["value"])["ok"] is True
    report["under_load"]["hit rate"]["editor"]["published"] = 0
    assert next(c for c in run.budgets(report) if "hit" in c["value"])["ok"] is False
