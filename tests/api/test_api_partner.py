"""What a partner builds a front end on: absolute URLs that agree, a typed schema a TypeScript
client compiles against, cursor pagination, filters, transport headers, webhook verification.

Every answer fetched here is validated against the OpenAPI document (`conforming`)."""

import json
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.test import override_settings
from wagtail.models import Page

from sitewide.api.models import ContentChange, PartnerWebhook
from sitewide.api.schema import document
from stories.models import NewsPage, ProjectPage, TestimonyPage
from tests.api.test_api_changes import Receiver, receiver  # noqa: F401 - the fixture
from tests.api.test_api_schema import BASE, json_schema, validate
from tests.helpers import FIRST_PSEUDONYM, first_story, first_story_path

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
CLIENT_DIR = ROOT / "tests" / "api_client"
NODE_BIN = ROOT / "node_modules" / ".bin"
API = "/api/v2/pages/"
FEED = "/api/v2/changes/"
COMPONENTS = document(BASE)["components"]["schemas"]


def conforming(client, url, component, status=200, **extra):
    """The answer's JSON, after checking its status and validating it against `component`."""
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:300])
    data = response.json()
    validate(data, json_schema(COMPONENTS[component], COMPONENTS))
    return data


def detail(client, url):
    data = client.get(url).json()
    model = data["meta"]["type"].split(".")[1]
    validate(data, json_schema(COMPONENTS[model], COMPONENTS))
    return data


def urls_in(value):
    """Every value of a key that names a URL (url, href, *_url, next), anywhere in an answer."""
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, str) and (key in ("url", "href", "next") or key.endswith("_url")):
                yield item
            elif isinstance(item, dict) and key == "feed_urls":
                yield from item.values()
            else:
                yield from urls_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from urls_in(item)


def ours(answers) -> list[str]:
    """The URLs of answers that lead to this site (every host it could be reached under);
    links to other sites (an organisation's website, an external video) are left out."""
    urls = [url for answer in answers for url in urls_in(answer)]
    assert all(urlsplit(url).scheme in ("http", "https") for url in urls), urls
    hosts = {"localhost", "testserver", "127.0.0.1", "stories.example.org"}
    return [url for url in urls if urlsplit(url).hostname in hosts]


# 1. One base URL -------------------------------------------------------------------------


def page_with_a_document():
    from wagtail.documents import get_document_model

    for attached in get_document_model().objects.all():
        for reference in attached.get_usage():
            page = reference[0] if isinstance(reference, tuple) else reference
            page = getattr(page, "specific", page)
            if isinstance(page, Page) and page.live and page.locale.language_code == "en":
                return page
    raise AssertionError("the demo attaches documents to English pages")


def every_answer(client):
    story = first_story("en")
    answers = [
        detail(client, f"{API}{story.pk}/"),
        conforming(client, f"{API}?locale=en&limit=3", "PageListing"),
        conforming(client, f"{FEED}?after=0&limit=5", "Changes"),
        conforming(client, "/api/v2/settings/?locale=en", "LanguageSettings"),
    ]
    for model in (ProjectPage, NewsPage):
        answers.append(detail(client, f"{API}{model.objects.live().first().pk}/"))
    answers.append(detail(client, f"{API}{page_with_a_document().pk}/"))
    index = client.get(f"{API}?type=stories.NewsIndexPage&limit=1").json()["items"][0]
    answers.append(detail(client, f"{API}{index['id']}/"))
    return answers


@override_settings(SITE_BASE_URL="https://stories.example.org")
def test_every_url_in_every_answer_is_absolute_under_site_base_url(client):
    urls = ours(every_answer(client))
    assert len(urls) > 50
    wrong = [url for url in urls if not url.startswith("https://stories.example.org/")]
    assert not wrong, wrong[:5]
    # Renditions, documents and links inside rich text are among them.
    assert any("/media/" in url or "/images/" in url for url in urls)
    assert any("/documents/" in url for url in urls)
    # find redirects there too, and the sitemap, robots.txt and the news feeds agree.
    found = client.get(f"{API}find/", {"html_path": first_story("en").url})
    assert found["Location"].startswith(f"https://stories.example.org{API}{first_story('en').pk}/")
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert locations and all(loc.startswith("https://stories.example.org/") for loc in locations)
    assert "Sitemap: https://stories.example.org/sitemap.xml" in client.get("/robots.txt").text
    index = client.get(f"{API}?type=stories.NewsIndexPage&locale=en&limit=1").json()["items"][0]
    feed_url = client.get(f"{API}{index['id']}/").json()["feed_urls"]["rss"]
    rss = client.get(feed_url.removeprefix("https://stories.example.org")).content.decode()
    links = re.findall(r"<link>([^<]+)</link>", rss)
    assert links and all(link.startswith("https://stories.example.org/") for link in links)
    schema = client.get("/api/v2/schema/").json()
    assert schema["servers"][0]["url"] == "https://stories.example.org/api/v2/"


def test_without_site_base_url_every_url_names_the_requests_host(client):
    client.defaults["HTTP_HOST"] = "127.0.0.1:8000"
    urls = ours(every_answer(client))
    wrong = [url for url in urls if not url.startswith("http://127.0.0.1:8000/")]
    assert len(urls) > 50 and not wrong, wrong[:5]


@override_settings(SITE_BASE_URL="https://stories.example.org")
@pytest.mark.usefixtures("immediate_tasks")
def test_webhook_payloads_carry_absolute_urls(receiver, django_capture_on_commit_callbacks):  # noqa: F811
    PartnerWebhook.objects.create(name="P", url=f"http://127.0.0.1:{receiver.server_port}/")
    page = first_story("en")
    with django_capture_on_commit_callbacks(execute=True):
        page.teaser = "Absolute."
        page.save_revision().publish()
    event = json.loads(Receiver.received[0][1])
    assert event["html_url"] == f"https://stories.example.org{first_story_path('en')}"
    assert event["detail_url"] == f"https://stories.example.org{API}{page.pk}/"


# 2. The typed schema and a TypeScript client ---------------------------------------------


def test_every_block_type_has_its_own_component_and_rich_text_has_structure(client):
    from longread.blocks import LongreadBody

    block = COMPONENTS["Block"]
    assert block["discriminator"]["propertyName"] == "type"
    assert set(block["discriminator"]["mapping"]) == set(LongreadBody().child_blocks)
    for name in block["discriminator"]["mapping"].values():
        value = COMPONENTS[name.rsplit("/", 1)[1]]["properties"]["value"]
        assert value != {}, name
    text = next(
        b for b in detail(client, f"{API}{first_story('en').pk}/")["body"] if b["type"] == "text"
    )
    assert text["value"]["content"][0]["type"] == "paragraph"


def tool(name):
    path = NODE_BIN / name
    # No skip: a machine without node fails here, with what to run.
    assert shutil.which("node"), "node is missing: run `make browser-deps` (installs npm)"
    assert path.exists(), f"{path} is missing: run `make browser-deps` (npm ci)"
    return str(path)


def run(command, cwd):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180)  # noqa: S603


def typed(name, component, data):
    return f'export const {name}: components["schemas"]["{component}"] = {json.dumps(data)};\n'


def test_a_typescript_client_compiles_against_generated_types_and_real_answers(client, tmp_path):
    schema = client.get("/api/v2/schema/").json()
    (tmp_path / "schema.json").write_text(json.dumps(schema))
    generated = run([tool("openapi-typescript"), "schema.json", "-o", "schema.d.ts"], tmp_path)
    assert generated.returncode == 0, generated.stderr
    shutil.copy(CLIENT_DIR / "client.ts", tmp_path / "client.ts")

    # Recorded real answers: a list, a story's detail, its translations, the changes feed.
    page = first_story("en")
    page.teaser = "Recorded."
    page.save_revision().publish()
    listing = conforming(client, f"{API}?type=stories.TestimonyPage&locale=en", "PageListing")
    story = detail(client, listing["items"][0]["meta"]["detail_url"])
    translations = [detail(client, link["detail_url"]) for link in story["translations"]]
    stories = [detail(client, f"{API}{item['id']}/") for item in listing["items"]]
    changes = conforming(client, f"{FEED}?after=0", "Changes")
    assert translations and changes["items"] and {b["type"] for b in story["body"]} >= {"text"}
    answers = (
        'import type { components } from "./schema";\n'
        'import { blockText, mustRemove, pickRendition, plainText } from "./client";\n'
        + typed("listing", "PageListing", listing)
        + typed("story", "TestimonyPage", story)
        + "".join(typed(f"translation{n}", "TestimonyPage", t) for n, t in enumerate(translations))
        + "".join(typed(f"story{n}", "TestimonyPage", s) for n, s in enumerate(stories))
        + typed("changes", "Changes", changes)
        + typed("settings", "LanguageSettings", client.get("/api/v2/settings/").json())
        + "export const texts = story.body.map(blockText);\n"
        + "export const removals = changes.items.filter(mustRemove);\n"
        + "export const help = plainText(settings.help_text);\n"
        + "export const hero = story.hero_image && pickRendition(story.hero_image, 800);\n"
    )
    (tmp_path / "answers.ts").write_text(answers)
    (tmp_path / "tsconfig.json").write_text(
        json.dumps(
            {
                "compilerOptions": {
                    "strict": True,
                    "noEmit": True,
                    "target": "ES2022",
                    "module": "ES2022",
                    "moduleResolution": "Bundler",
                    "lib": ["ES2022", "DOM"],
                    "skipLibCheck": False,
                },
                "files": ["client.ts", "answers.ts"],
            }
        )
    )
    checked = run([tool("tsc"), "--noEmit", "-p", "tsconfig.json"], tmp_path)
    assert checked.returncode == 0, checked.stdout[-3000:]

    # The check can fail: an answer with a block the schema does not know is refused.
    story["body"][0] = {"type": "marquee", "value": {}, "id": "x"}
    (tmp_path / "answers.ts").write_text(
        'import type { components } from "./schema";\n' + typed("story", "TestimonyPage", story)
    )
    refused = run([tool("tsc"), "--noEmit", "-p", "tsconfig.json"], tmp_path)
    assert refused.returncode != 0 and "marquee" in refused.stdout


def test_the_partner_guide_carries_the_tested_client_and_verification_code():
    guide = (ROOT / "docs" / "api.md").read_text()
    for name in ("client.ts", "verify_webhook.py", "verify_webhook.mjs"):
        assert (CLIENT_DIR / name).read_text().strip() in guide, name


# 3. Cursor pagination and the changes feed -----------------------------------------------


def test_lists_page_with_a_cursor_in_meta_next(client):
    url = f"{API}?locale=en&limit=4&order=title"
    seen, pages = [], 0
    while url:
        data = conforming(client, url, "PageListing")
        seen += [item["id"] for item in data["items"]]
        url, pages = data["meta"]["next"], pages + 1
        if url:
            assert url.startswith("http://testserver/api/v2/pages/?")
            assert "limit=4" in url and "cursor=" in url and "locale=en" in url
    everything = client.get(f"{API}?locale=en&limit=50&order=title").json()["items"]
    assert seen == [item["id"] for item in everything] and pages > 2


@pytest.mark.parametrize(
    "query, words",
    [
        ("cursor=nonsense", ["cursor", "meta.next"]),
        ("cursor=", ["cursor"]),
        ("cursor=abc&offset=3", ["cursor", "offset"]),
        ("themes=sex", ["themes", "sexual", "labour"]),
        ("themes=", ["themes", "allowed"]),
        ("kind=victim", ["kind", "survivor", "professional"]),
        ("first_published_after=2026-01-01T00:00:00", ["first_published_after", "timezone"]),
        ("first_published_before=yesterday", ["first_published_before", "ISO 8601"]),
        ("first_published_after=2999-01-01T00:00:00Z", ["first_published_after", "future"]),
        ("project=abc", ["project", "ProjectPage"]),
        ("project=1", ["project", "ProjectPage"]),
        ("fields=body", ["body", "type=", "stories.TestimonyPage"]),
        (f"pseudonym={FIRST_PSEUDONYM}", ["pseudonym", "type=", "stories.TestimonyPage"]),
        ("nosuch=1", ["nosuch", "allowed", "themes"]),
        # A field's own filter is checked against the field (the database would raise: a 500).
        ("type=stories.NewsPage&date=2021", ["date", "YYYY-MM-DD"]),
        ("type=stories.NewsPage&date=2021-02-30", ["date", "YYYY-MM-DD"]),
        ("first_published_at=garbage", ["first_published_at", "ISO 8601"]),
        ("first_published_at=2026-01-01T00:00:00", ["first_published_at", "timezone"]),
        ("type=stories.ProjectPage&start_date=x", ["start_date", "YYYY-MM-DD"]),
        ("type=stories.ProjectPage&total_budget=x", ["total_budget", "number"]),
        ("type=stories.TestimonyPage&teller_kind=x", ["teller_kind", "survivor", "professional"]),
        ("type=stories.TestimonyPage&body=x", ["body", "can't be filtered"]),
        # News by its own date, from and until a day (both included).
        ("date_from=2021-01-01", ["date_from", "type=stories.NewsPage"]),
        ("type=stories.NewsPage&date_until=March", ["date_until", "YYYY-MM-DD"]),
        ("type=stories.NewsPage&date_from=2021-3-12", ["date_from", "YYYY-MM-DD"]),
        (
            "type=stories.NewsPage&date_from=2021-06-01&date_until=2021-01-01",
            ["date_from", "comes after", "earlier day first"],
        ),
        # A repeated parameter would silently mean its last value.
        ("themes=labour&themes=sexual", ["themes", "more than once", "commas"]),
        # Every limit out of range says the same.
        ("limit=0", ["limit", "whole number from 1 to 50"]),
        ("limit=-1", ["limit", "whole number from 1 to 50"]),
        ("limit=51", ["limit", "whole number from 1 to 50"]),
        ("limit=5.0", ["limit", "whole number from 1 to 50"]),
        # Rich text always comes as HTML and as structure: no format to choose.
        ("rich_text_format=markdown", ["rich_text_format", "not supported"]),
    ],
)
def test_bad_input_is_a_400_naming_the_parameter_and_what_is_allowed(client, query, words):
    data = conforming(client, f"{API}?{query}", "Error", status=400)
    for word in words:
        assert word in data["message"], (query, data["message"])


def test_a_cursor_from_another_query_is_refused(client):
    next_url = client.get(f"{API}?locale=en&limit=2").json()["meta"]["next"]
    cursor = re.search(r"cursor=([^&]+)", next_url).group(1)
    data = conforming(client, f"{API}?locale=nl&limit=2&cursor={cursor}", "Error", status=400)
    assert "another query" in data["message"]
    # The limit may change along the way.
    assert client.get(f"{API}?locale=en&limit=5&cursor={cursor}").status_code == 200


def test_changes_feed_after_alone_and_next_keeps_cursor_and_limit(client):
    last = ContentChange.objects.order_by("-pk").first()
    after = last.pk if last else 0
    page = first_story("en")
    for n in range(3):
        page.teaser = f"Version {n}"
        page.save_revision().publish()
    first = conforming(client, f"{FEED}?after={after}&limit=2", "Changes")
    assert len(first["items"]) == 2 and first["meta"]["more"] is True
    assert first["meta"]["next"].startswith("http://testserver/api/v2/changes/?")
    assert f"after={first['items'][-1]['id']}" in first["meta"]["next"]
    rest = conforming(client, first["meta"]["next"], "Changes")
    assert len(rest["items"]) == 1 and "limit=2" in rest["meta"]["next"]


@pytest.mark.parametrize(
    "query, words",
    [
        ({}, ["since", "after"]),
        ({"since": "2026-01-01T00:00:00"}, ["since", "timezone"]),
        ({"since": "2026-01-01"}, ["since", "timezone"]),
        ({"since": "2999-01-01T00:00:00Z"}, ["since", "future"]),
        ({"after": "x"}, ["after", "whole number"]),
        ({"after": "0", "limit": "501"}, ["limit", "500"]),
        ({"after": "0", "cursor": "x"}, ["cursor", "since, after, limit"]),
    ],
)
def test_bad_feed_input_names_the_parameter(client, query, words):
    response = client.get(FEED, query)
    assert response.status_code == 400
    for word in words:
        assert word in response.json()["message"], (query, response.json())


def test_changes_feed_costs_the_same_queries_for_5_or_200_events(
    client, django_assert_max_num_queries
):
    pages = list(TestimonyPage.objects.live().values_list("pk", flat=True))
    start = ContentChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    events = [ContentChange.PUBLISHED, ContentChange.CHANGED, ContentChange.WITHDRAWN]
    ContentChange.objects.bulk_create(
        ContentChange(event=events[n % 3], page_id=pages[n % len(pages)]) for n in range(200)
    )
    with django_assert_max_num_queries(6) as few:
        assert len(client.get(FEED, {"after": start, "limit": 5}).json()["items"]) >= 3
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(client.get(FEED, {"after": start, "limit": 200}).json()["items"]) > 100


# 4. Filters ------------------------------------------------------------------------------


def ids(client, query):
    return {item["id"] for item in conforming(client, f"{API}?{query}", "PageListing")["items"]}


def test_theme_kind_date_and_project_filters(client):
    live = TestimonyPage.objects.live()
    sexual = {p.pk for p in live if "sexual" in (p.themes or [])}
    assert sexual and ids(client, "themes=sexual&limit=50") <= sexual
    assert first_story("en").pk in ids(client, "themes=sexual,labour&limit=50")
    survivors = ids(client, "kind=survivor&limit=50")
    professionals = ids(client, "kind=professional&limit=50")
    assert survivors and professionals and not survivors & professionals
    assert first_story("en").pk in survivors

    moment = first_story("en").first_published_at
    stamp = moment.isoformat().replace("+", "%2B")
    before = ids(client, f"first_published_before={stamp}&limit=50")
    after = ids(client, f"first_published_after={stamp}&limit=50")
    assert first_story("en").pk not in before | after and not before & after

    news = NewsPage.objects.live().exclude(related_projects=None).first()
    project = news.related_projects.first()
    found = ids(client, f"project={project.pk}&limit=50")
    assert news.pk in found
    assert all(NewsPage.objects.filter(pk=pk).exists() for pk in found)
    # Stories linked to the project (on the source, in the admin), in every language.
    source = first_story("nl")
    source.related_projects.set([project])
    source.save_revision().publish()
    found = ids(client, f"project={project.pk}&limit=50")
    assert {news.pk, first_story("nl").pk, first_story("en").pk} <= found
    detail = client.get(f"{API}{first_story('nl').pk}/").json()
    dutch_project = ProjectPage.objects.get(
        translation_key=project.translation_key, locale=first_story("nl").locale
    )
    assert [item["id"] for item in detail["related_projects"]] == [dutch_project.pk]
    assert detail["related_projects"][0]["acronym"] == dutch_project.acronym


# 5. Transport ----------------------------------------------------------------------------


def test_content_language_is_the_pages_and_lists_have_none(client):
    for language in ("en", "nl", "ar"):
        response = client.get(f"{API}{first_story(language).pk}/", HTTP_ACCEPT_LANGUAGE="nl")
        assert response["Content-Language"] == language
        assert "Accept-Language" not in response.get("Vary", "")
    listing = client.get(f"{API}?limit=2", HTTP_ACCEPT_LANGUAGE="nl")
    assert "Content-Language" not in listing
    assert "Accept-Language" not in listing.get("Vary", "")


def test_error_messages_are_english_unless_asked(client):
    plain = client.put(f"{API}{first_story().pk}/")
    put_refused = "method PUT is not allowed: the API only reads (GET, HEAD, OPTIONS)"
    assert plain.status_code == 405 and plain.json()["message"] == put_refused
    assert "Accept-Language" in plain["Vary"]
    # Japanese is not spoken here.
    japanese = client.put(f"{API}{first_story().pk}/", HTTP_ACCEPT_LANGUAGE="ja-JP,ja")
    assert japanese.json()["message"] == put_refused
    dutch = client.put(f"{API}{first_story().pk}/", HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch.json()["message"] != plain.json()["message"]


# 6. Webhook verification, against a real delivery ----------------------------------------


@pytest.mark.usefixtures("immediate_tasks")
def test_webhook_verification_code_of_the_guide_accepts_a_real_delivery(
    receiver,  # noqa: F811
    django_capture_on_commit_callbacks,
    tmp_path,
):
    from tests.api_client.verify_webhook import verify_webhook

    hook = PartnerWebhook.objects.create(
        name="Partner", url=f"http://127.0.0.1:{receiver.server_port}/hook"
    )
    page = first_story("en")
    with django_capture_on_commit_callbacks(execute=True):
        page.teaser = "Verified."
        page.save_revision().publish()
    headers, body = Receiver.received[0]
    signature = headers["X-Longread-Signature"]
    assert verify_webhook(hook.secret, signature, body)
    assert not verify_webhook(hook.secret, signature, body.replace(b"changed", b"publishd"))
    assert not verify_webhook("another secret", signature, body)

    (tmp_path / "body.json").write_bytes(body)
    script = (
        f"import {{ verifyWebhook }} from {json.dumps(str(CLIENT_DIR / 'verify_webhook.mjs'))};\n"
        "import { readFileSync } from 'node:fs';\n"
        "const [secret, signature, file] = process.argv.slice(2);\n"
        "const body = readFileSync(file);\n"
        "const tampered = Buffer.concat([body, Buffer.from(' ')]);\n"
        "console.log(JSON.stringify([verifyWebhook(secret, signature, body),\n"
        "  verifyWebhook(secret, signature, tampered), verifyWebhook('x', signature, body)]));\n"
    )
    (tmp_path / "check.mjs").write_text(script)
    assert shutil.which("node"), "node is missing: run `make browser-deps`"
    result = run(["node", "check.mjs", hook.secret, signature, "body.json"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [True, False, False]


# --- what a partner developer tripped over (fresh eyes, with only the docs) ----------------


def message(response) -> str:
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    return response.json()["message"]


def test_a_feed_cursor_beyond_the_newest_event_is_refused_not_polled_forever(client):
    newest = ContentChange.objects.order_by("-pk").first().pk
    response = client.get("/api/v2/changes/", {"after": newest + 1000})
    assert response.status_code == 400
    assert f"beyond the newest event ({newest})" in message(response)
    assert client.get("/api/v2/changes/", {"after": newest}).status_code == 200


def test_a_repeated_theme_is_one_filter_and_themes_filter_stories_only(client):
    repeated = ",".join(["other"] * 600)
    response = client.get(API, {"themes": repeated, "limit": 1})
    assert response.status_code == 200
    assert (
        response.json()["meta"]["total_count"]
        == (client.get(API, {"themes": "other"}).json()["meta"]["total_count"])
    )
    for name, value in (("themes", "labour"), ("kind", "survivor")):
        wrong = client.get(API, {"type": "stories.NewsPage", name: value})
        assert wrong.status_code == 400 and "stories.TestimonyPage" in message(wrong)


def test_a_careless_detail_address_is_never_a_404(client):
    story = TestimonyPage.objects.live().filter(locale__language_code="en").first()
    for extra in ({"locale": "nl"}, {"type": "stories.NewsPage"}, {"foo": "1"}):
        response = client.get(f"{API}{story.pk}/", extra)
        assert response.status_code == 400, (extra, response.status_code)
        assert "detail takes only fields=" in message(response)
    response = client.get(f"{API}{story.pk}", {"fields": "title"})
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver{API}{story.pk}/?fields=title"
    assert client.get("/api/v2/nothing-here").status_code == 404
    assert client.get(f"{API}{story.pk}/", {"format": "json"}).status_code == 200
    organisation = client.get("/api/v2/organisations/", {"limit": 1}).json()["items"][0]["id"]
    for extra in ({"locale": "en"}, {"country": "NL"}, {"search": "zzz"}):
        response = client.get(f"/api/v2/organisations/{organisation}/", extra)
        assert response.status_code == 400, (extra, response.status_code)


def test_format_and_digits_are_checked(client):
    assert "format must be json" in message(client.get(API, {"format": "xml"}))
    assert client.get(API, {"format": "json"}).status_code == 200
    response = client.get(API, {"limit": "٣"})
    assert response.status_code == 400 and "digits 0-9" in message(response)
    assert client.get("/api/v2/changes/", {"after": "٣"}).status_code == 400


def test_find_takes_a_path_or_the_whole_html_url_and_says_what_it_needs(client):
    response = client.get(f"{API}find/")
    assert response.status_code == 400 and "html_path" in message(response)
    story = TestimonyPage.objects.live().filter(locale__language_code="en").first()
    both = client.get(f"{API}find/", {"html_path": story.url, "id": story.pk})
    assert both.status_code == 400 and "one of them" in message(both)
    extra = client.get(f"{API}find/", {"html_path": story.url, "locale": "en"})
    assert extra.status_code == 400 and "not locale" in message(extra)
    for html_path in (story.url, f"http://testserver{story.url}"):
        found = client.get(f"{API}find/", {"html_path": html_path})
        assert found.status_code == 302, html_path
        assert found["Location"].endswith(f"{API}{story.pk}/")
    elsewhere = client.get(f"{API}find/", {"html_path": f"https://example.org{story.url}"})
    assert elsewhere.status_code == 400 and "not this site" in message(elsewhere)


def test_a_random_order_has_no_next_page(client):
    answer = client.get(API, {"order": "random", "limit": 2}).json()
    assert answer["meta"]["total_count"] > 2 and answer["meta"]["next"] is None
    cursor = client.get(API, {"limit": 2}).json()["meta"]["next"].split("cursor=")[1]
    cursor = cursor.split("&")[0]
    refused = client.get(API, {"order": "random", "limit": 2, "cursor": cursor})
    assert refused.status_code == 400 and "random" in message(refused)


def test_news_by_its_own_date_from_and_until_a_day(client):
    news = {page.pk: page.date for page in NewsPage.objects.live()}
    day = sorted(set(news.values()))[len(set(news.values())) // 2]
    base = "type=stories.NewsPage&limit=50"
    since = ids(client, f"{base}&date_from={day.isoformat()}")
    until = ids(client, f"{base}&date_until={day.isoformat()}")
    assert since == {pk for pk, date in news.items() if date >= day}
    assert until == {pk for pk, date in news.items() if date <= day}
    assert since & until == {pk for pk, date in news.items() if date == day}


def test_organisations_by_kind_of_help(client):
    url = "/api/v2/organisations/"
    found = client.get(url, {"help_kinds": "shelter,legal", "limit": 50}).json()["items"]
    assert found
    for item in found:
        detail = client.get(f"{url}{item['id']}/").json()
        kinds = {kind["value"] for kind in detail["help_kinds"]}
        assert {"shelter", "legal"} & kinds, (item["name"], kinds)
        # Shaped as inside pages (a project's partners): each kind with its label, the country
        # by name.
        assert all(kind["label"] for kind in detail["help_kinds"]) and detail["country_name"]
    wrong = client.get(url, {"help_kinds": "housing"})
    assert wrong.status_code == 400 and "shelter" in message(wrong)


def test_the_index_says_where_everything_is_and_which_way_each_language_runs(client):
    index = conforming(client, "/api/v2/", "Index")
    for name, url in index["endpoints"].items():
        assert url.startswith("http") and client.get(url).status_code == 200, name
    languages = {language["code"]: language for language in index["languages"]}
    assert set(languages) == {code for code, _name in settings.LANGUAGES}
    assert languages["ar"]["direction"] == "rtl" and languages["nl"]["direction"] == "ltr"
    assert languages["ar"]["name"] == "Arabic" and languages["ar"]["name_local"] == "العربيّة"
    assert [code for code, language in languages.items() if language["source"]] == ["nl"]
    assert client.get("/api/v2/?locale=en").status_code == 400


def test_settings_of_a_language_without_its_own_are_the_english_ones(client):
    """As the interface falls back to English: more readers abroad read it than Dutch."""
    from sitewide.models import LanguageSettings

    own = set(LanguageSettings.objects.values_list("locale__language_code", flat=True))
    missing = next(code for code, _name in settings.LANGUAGES if code not in own)
    answer = client.get("/api/v2/settings/", {"locale": missing})
    assert answer.status_code == 200  # not a 404: a partner takes a 404 down
    assert answer.json()["locale"] == answer["Content-Language"] == "en"
    english = client.get("/api/v2/settings/", {"locale": "en"})
    assert english.json()["locale"] == english["Content-Language"] == "en"
    organisation = client.get("/api/v2/organisations/", {"locale": "en"}).json()["items"][0]
    detail = client.get(f"/api/v2/organisations/{organisation['id']}/")
    assert detail["Content-Language"] == "en"
    # Without English settings, the source language's.
    assert LanguageSettings.for_language(missing).locale.language_code == "en"
    LanguageSettings.objects.filter(locale__language_code="en").delete()
    assert LanguageSettings.for_language(missing).locale.language_code == settings.LANGUAGE_CODE


def test_the_changes_feed_says_its_own_limit_and_a_future_date_is_no_date(client):
    for limit in ("0", "501"):
        refused = client.get("/api/v2/changes/", {"after": 0, "limit": limit})
        assert refused.status_code == 400 and "500" in message(refused), limit
    future = client.get(API, HTTP_IF_MODIFIED_SINCE="Sun, 01 Jan 2040 00:00:00 GMT")
    assert future.status_code == 200 and future.json()["items"]


def test_settings_and_the_changes_feed_refuse_a_repeated_parameter(client):
    for url in ("/api/v2/settings/?locale=en&locale=ar", "/api/v2/changes/?after=5&after=3"):
        refused = client.get(url)
        assert refused.status_code == 400 and "more than once" in message(refused), url


def test_organisations_by_country_in_any_case_and_by_words(client):
    url = "/api/v2/organisations/"
    upper = client.get(url, {"country": "NL"}).json()["meta"]["total_count"]
    assert upper > 0
    assert client.get(url, {"country": "nl"}).json()["meta"]["total_count"] == upper
    unknown = client.get(url, {"country": "XX"})
    assert unknown.status_code == 400 and "ISO 3166" in message(unknown)
    assert client.get(url, {"search": "zzzzqqq"}).json()["meta"]["total_count"] == 0
    first = client.get(url, {"limit": 1}).json()["items"][0]["name"]
    word = max(first.split(), key=len)
    found = client.get(url, {"search": word}).json()["items"]
    assert found and all(word.lower() in (o["name"] + o["city"]).lower() for o in found)
