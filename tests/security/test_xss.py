"""Whatever staff type comes out as text: never as markup a browser would run.

A corpus of script payloads is typed, through the real admin as a superuser, into every block of
the longread body (all 16), the page title and introduction, an image's title and alternative
text, and the snippets (organisations and the per-language settings). The test then reads every
place those texts come out (the published page, the reader chrome and directory, search, the
admin's explorer, listings, edit views, revision comparison, and wagtail-localize's translation
editor) and parses each with BeautifulSoup: no <script> element, event handler attribute or
`javascript:` URL may come from a payload, while the payload itself must be there, as text.
"""

import html as html_module
import io
import json
import re
import uuid
from types import SimpleNamespace
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page

from longread.blocks import LongreadBody
from longread.mediafiles import MediaFile
from sitewide.models import HomePage, InformationPage, LanguageSettings
from stories.models import Organisation, TestimonyPage
from tests.helpers import form_data, make_user
from tests.translation_support import segments_of, translate_by_hand

pytestmark = pytest.mark.django_db

# --- The corpus ----------------------------------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(1)>"
TEXTAREA = "</textarea><script>alert(1)</script>"
TEMPLATE = "{{7*7}}{% now 'Y' %}"
QUOTE = "'><iframe src=javascript:alert(1)></iframe>"
SCRIPT_URL = "javascript:alert(1)"
PAYLOADS = [SCRIPT, ATTRIBUTE, SVG, TEXTAREA, TEMPLATE, QUOTE]
EVERYTHING = " ".join(PAYLOADS)  # 182 characters, for fields that take that many
PAIR = f"{ATTRIBUTE} {TEXTAREA}"  # 68, for headings of at most 120
TINY = '"><svg>'  # for a field of 10 characters

# Attributes a browser follows as a URL.
URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "data",
    "poster",
    "background",
    "data-embed-src",
}
SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html")


def is_script_url(value: str) -> bool:
    # Browsers ignore control characters and spaces inside the scheme ("java\tscript:").
    return re.sub(r"[\x00-\x20]+", "", value).lower().startswith(SCRIPT_SCHEMES)


def live_markup(html: str, reader: bool = False) -> list[str]:
    """Everything in the document that a browser would run and that a payload could have made.

    Staff pages (reader=False) carry Wagtail's own scripts, icons and handlers, so there only what
    calls alert() counts; on reader pages, which run no inline script at all (their
    Content-Security-Policy forbids it), every handler, inline script, <svg> and frame counts.
    """
    soup = BeautifulSoup(html, "html.parser")
    found = []
    for element in soup.find_all(True):
        if element.name == "script":
            kind = (element.get("type") or "text/javascript").strip().lower()
            runs = kind in ("text/javascript", "application/javascript", "module")
            text = element.get_text()
            if runs and ("alert(" in text or (reader and text.strip())):
                found.append(f"script: {str(element)[:120]}")
        if reader and element.name in ("svg", "iframe", "object", "embed", "frame", "math"):
            found.append(f"element: {str(element)[:120]}")
        if element.name == "img" and element.get("src") == "x":
            found.append(f"img: {str(element)[:120]}")
        for name, value in element.attrs.items():
            value = " ".join(value) if isinstance(value, list) else str(value)
            if name.lower().startswith("on") and (reader or "alert" in value):
                found.append(f"handler {name}={value[:80]!r} on <{element.name}>")
            if name.lower() in URL_ATTRIBUTES and is_script_url(value):
                found.append(f"script URL {name}={value[:80]!r} on <{element.name}>")
    return found


def shown_text(html: str) -> str:
    """The document's text and attribute values, as a browser decodes them."""
    soup = BeautifulSoup(html, "html.parser")
    values = [
        " ".join(value) if isinstance(value, list) else str(value)
        for element in soup.find_all(True)
        for value in element.attrs.values()
    ]
    return soup.get_text(" ") + " " + " ".join(values)


def test_the_checks_find_every_payload_left_live():
    """The checks below can fail: each payload, pasted unescaped where it aims, is found."""
    contexts = {
        SCRIPT: "<div>{}</div>",
        ATTRIBUTE: '<p title="{}">x</p>',
        SVG: "<div>{}</div>",
        TEXTAREA: '<textarea name="x">{}</textarea>',
        QUOTE: "<p title='{}'>x</p>",
    }
    for payload, context in contexts.items():
        assert live_markup(context.format(payload)), payload
    assert live_markup(f'<a href=" {SCRIPT_URL}">x</a>')
    assert live_markup('<a href="java\tscript:alert(1)">x</a>')
    assert live_markup('<div data-embed-src="JavaScript:alert(1)"></div>')
    assert live_markup("<p onclick=x>a</p>", reader=True)
    # Escaped, the same texts are harmless.
    assert not live_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", reader=True)
    assert not live_markup('<img alt="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">', reader=True)
    assert not live_markup(
        '<script type="application/json">{"a": "\\u003Cscript\\u003Ealert(1)"}</script>',
        reader=True,
    )


def assert_safe(html: str, reader: bool = False, shows=()):
    problems = live_markup(html, reader=reader)
    assert problems == [], problems
    text = shown_text(html)
    missing = [payload for payload in shows if payload not in text]
    assert missing == [], f"not shown as text: {missing}"


# --- Admin form data -----------------------------------------------------------------------------


def rich_text(text: str, links: dict[str, str] | None = None, block_type="unstyled") -> str:
    """Draftail's content state, as the admin's rich text editor posts it; each word in links
    is linked to its URL."""
    entity_map, ranges = {}, []
    for key, (word, url) in enumerate((links or {}).items()):
        entity_map[str(key)] = {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}
        ranges.append({"offset": text.index(word), "length": len(word), "key": key})
    block = {
        "key": uuid.uuid4().hex[:5],
        "text": text,
        "type": block_type,
        "depth": 0,
        "inlineStyleRanges": [{"offset": 0, "length": 4, "style": "BOLD"}],
        "entityRanges": ranges,
        "data": {},
    }
    return json.dumps({"blocks": [block], "entityMap": entity_map})


RICH = rich_text(
    f"Lees {EVERYTHING} hier en daar",
    {"hier": SCRIPT_URL, "daar": 'https://example.org/"onmouseover="alert(1)'},
)


def block_id(position: str) -> str:
    """The same id at the same position in every save, as the editor keeps a block's id."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, position))


def flatten(prefix: str, value, out: dict):
    """A block value as the admin's StreamField form posts it."""
    if isinstance(value, dict):
        for key, item in value.items():
            flatten(f"{prefix}-{key}", item, out)
    elif isinstance(value, list):
        out[f"{prefix}-count"] = str(len(value))
        for index, item in enumerate(value):
            out[f"{prefix}-{index}-id"] = block_id(f"{prefix}-{index}")
            out[f"{prefix}-{index}-order"] = str(index)
            out[f"{prefix}-{index}-deleted"] = ""
            flatten(f"{prefix}-{index}-value", item, out)
    elif value is True:
        out[prefix] = "on"
    elif value is False:
        pass  # an unticked checkbox sends nothing
    else:
        out[prefix] = "" if value is None else str(value)


def stream_data(name: str, blocks: list[tuple[str, object]]) -> dict:
    out = {f"{name}-count": str(len(blocks))}
    for index, (block_type, value) in enumerate(blocks):
        out[f"{name}-{index}-type"] = block_type
        out[f"{name}-{index}-id"] = block_id(f"{name}-{index}")
        out[f"{name}-{index}-order"] = str(index)
        out[f"{name}-{index}-deleted"] = ""
        flatten(f"{name}-{index}-value", value, out)
    return out


def every_block(image, audio, document) -> list[tuple[str, object]]:
    """One of each of the 16 blocks, every text field holding payloads that fit its length."""
    picture = {"image": image.pk, "alt_text": ATTRIBUTE, "decorative": False}
    return [
        ("chapter", {"heading": PAIR, "anchor": ""}),
        ("text", RICH),
        (
            "testimony_quote",
            {"quote": "\n".join(PAYLOADS), "pseudonym": SCRIPT, "role": TEXTAREA, "lang": ""},
        ),
        ("pull_quote", {"quote": EVERYTHING, "attribution": PAIR}),
        (
            "figure",
            {**picture, "caption": EVERYTHING, "credit": QUOTE, "width": "inline"},
        ),
        ("backdrop", {**picture, "cards": [RICH]}),
        (
            "scrolly_steps",
            {"heading": PAIR, "steps": [{**picture, "text": RICH}, {**picture, "text": RICH}]},
        ),
        (
            "key_figures",
            {
                "heading": PAIR,
                "figures": [
                    {"figure": SVG, "count_to": "", "label": EVERYTHING[:160], "source": QUOTE}
                ],
            },
        ),
        (
            "timeline",
            {
                "heading": PAIR,
                "events": [{"when": SCRIPT, "title": PAIR, "text": "\n".join(PAYLOADS)}],
            },
        ),
        ("audio", {"media": audio.pk, "title": PAIR, "transcript": RICH}),
        (
            "video",
            {
                "media": "",
                # Valid for the URL validator and the host rule, and full of quotes and tags.
                "external_url": 'https://www.youtube-nocookie.com/embed/x?a="><script>alert(1)</script>',
                "title": PAIR,
                "poster": image.pk,
                "privacy_note": EVERYTHING,
                "transcript": RICH,
            },
        ),
        (
            "gallery",
            {
                "heading": PAIR,
                "images": [{**picture, "caption": EVERYTHING}, {**picture, "caption": SVG}],
            },
        ),
        (
            "image_comparison",
            {
                "before": image.pk,
                "before_alt": EVERYTHING,
                "before_label": SCRIPT,
                "after": image.pk,
                "after_alt": ATTRIBUTE,
                "after_label": QUOTE,
                "caption": EVERYTHING,
            },
        ),
        ("help_box", {"heading": PAIR, "text": RICH}),
        ("related_stories", {"heading": PAIR}),
        (
            "document",
            {
                "document": document.pk,
                "title": EVERYTHING,
                "description": EVERYTHING,
                "language": TINY,
            },
        ),
    ]


def test_the_corpus_covers_every_block():
    chosen = SimpleNamespace(pk=1)
    names = [name for name, _ in every_block(chosen, chosen, chosen)]
    assert sorted(names) == sorted(LongreadBody.base_blocks)
    assert len(names) == 16


# --- Making the content through the admin --------------------------------------------------------


@pytest.fixture(autouse=True)
def forget_cached_chrome():
    """The reader chrome is kept in the cache under a version that a save replaces; the database
    is rolled back after each test, the cache is not."""
    yield
    cache.clear()


@pytest.fixture
def admin(client):
    client.force_login(make_user("xss-admin", superuser=True))
    return client


def dutch_home():
    return HomePage.objects.get(locale__language_code="nl")


def post_page_form(client, url: str, fields: dict, blocks, action: str = "action-publish"):
    data = form_data(client.get(url).content.decode())
    data = {key: value for key, value in data.items() if not key.startswith("body-")}
    data.update(fields)
    data.update(stream_data("body", blocks))
    if action:
        data[action] = action
    return client.post(url, data)


def image_bytes() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(output, "PNG")
    return output.getvalue()


def upload_image(client, title: str, alt: str):
    model = get_image_model()
    before = set(model.objects.values_list("pk", flat=True))
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "file": SimpleUploadedFile("foto.png", image_bytes()),
            "collection": Collection.get_first_root_node().pk,
            "tags": "",
            "description": alt,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    (pk,) = set(model.objects.values_list("pk", flat=True)) - before
    return model.objects.get(pk=pk)


@pytest.fixture
def payload_page(admin):
    """An information page made and published through the admin, every block full of payloads,
    then edited once more (a second revision, for the comparison view)."""
    image = upload_image(admin, title=PAIR, alt=EVERYTHING)
    audio = MediaFile.objects.filter(kind=MediaFile.AUDIO).first()
    document = get_document_model().objects.first()
    blocks = every_block(image, audio, document)
    home = dutch_home()
    url = reverse("wagtailadmin_pages:add", args=("sitewide", "informationpage", home.pk))
    fields = {"title": PAIR, "slug": "proef-xss", "intro": EVERYTHING}
    response = post_page_form(admin, url, fields, blocks)
    assert response.status_code == 302, page_form_errors(response)
    page = InformationPage.objects.get(slug="proef-xss")
    assert page.live

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    blocks[0] = ("chapter", {"heading": f"{SVG} {QUOTE}", "anchor": ""})
    response = post_page_form(admin, edit_url, {**fields, "title": f"{PAIR}!"}, blocks, "")
    assert response.status_code == 302, page_form_errors(response)
    page.refresh_from_db()
    return page, image


def page_form_errors(response):
    context = response.context
    if context is None:
        return response.status_code
    form = context.get("form")
    return form.errors.as_data() if form is not None else response.status_code


# --- Reader pages --------------------------------------------------------------------------------


def test_the_published_page_shows_every_payload_as_text(admin, client, payload_page):
    page, _ = payload_page
    admin.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    # Every block rendered (related stories show only where the page hands some down; below).
    for css_class in (
        "lr-chapter",
        "lr-text",
        "lr-quote",
        "lr-pullquote",
        "lr-figure",
        "lr-backdrop",
        "lr-steps",
        "lr-figures",
        "lr-timeline",
        "lr-audio",
        "lr-video",
        "lr-gallery",
        "lr-compare",
        "lr-help",
        "lr-document",
    ):
        assert f'class="{css_class}' in html, css_class
    # TEMPLATE among them: typed braces are not the template language, they come out as typed.
    assert_safe(html, reader=True, shows=[*PAYLOADS, PAIR, EVERYTHING])

    soup = BeautifulSoup(html, "html.parser")
    # The rich text's script link is gone, the other keeps its quotes inside the address.
    hrefs = [a.get("href") for a in soup.select(".lr-text a")]
    assert hrefs == [None, 'https://example.org/"onmouseover="alert(1)'], hrefs
    embed = soup.select_one("[data-embed-src]")
    assert embed["data-embed-src"].startswith("https://www.youtube-nocookie.com/embed/")
    assert soup.select_one(".lr-document a")["hreflang"] == TINY


def test_related_stories_heading_is_text(payload_page):
    """Only story pages hand related stories down; the heading typed above renders with one."""
    page, _ = payload_page
    (block,) = [block for block in page.body if block.block_type == "related_stories"]
    story = TestimonyPage.objects.live().filter(locale__language_code="nl").first()
    html = block.render(context={"related": [story]})
    assert_safe(html, reader=True, shows=[PAIR])


@pytest.mark.parametrize("query", [SCRIPT + ATTRIBUTE, '"', QUOTE, TEMPLATE])
def test_search_shows_the_query_as_text(client, query):
    response = client.get("/nl/search/", {"q": query})
    assert response.status_code == 200
    assert_safe(response.content.decode(), reader=True, shows=[query])


def test_search_results_show_titles_as_text(client, payload_page):
    response = client.get("/nl/search/", {"q": "Lees"})
    assert response.status_code == 200
    assert_safe(response.content.decode(), reader=True, shows=[PAIR])


# --- Admin ---------------------------------------------------------------------------------------


def test_the_admin_shows_every_payload_as_text(admin, payload_page):
    page, image = payload_page
    revisions = list(page.revisions.order_by("created_at").values_list("pk", flat=True))
    assert len(revisions) == 2
    # Where, and which payloads each place must show (as text or as an attribute's value).
    surfaces = {
        "page edit": (reverse("wagtailadmin_pages:edit", args=(page.pk,)), [PAIR, EVERYTHING]),
        "explorer": (reverse("wagtailadmin_explore", args=(dutch_home().pk,)), [PAIR]),
        "revision comparison": (
            reverse("wagtailadmin_pages:revisions_compare", args=(page.pk, *revisions)),
            [PAIR, SVG, QUOTE, EVERYTHING],
        ),
        "history": (reverse("wagtailadmin_pages:history", args=(page.pk,)), [PAIR]),
        "dashboard": (reverse("wagtailadmin_home"), [PAIR]),
        # The query comes back in the search box.
        "page search": (
            reverse("wagtailadmin_pages:search") + "?" + urlencode({"q": ATTRIBUTE}),
            [ATTRIBUTE],
        ),
        "image listing": (reverse("wagtailimages:index"), [PAIR]),
        "image edit": (reverse("wagtailimages:edit", args=(image.pk,)), [PAIR, EVERYTHING]),
    }
    for name, (url, shows) in surfaces.items():
        response = admin.get(url)
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        assert live_markup(html) == [], (name, live_markup(html))
        text = shown_text(html)
        assert [payload for payload in shows if payload not in text] == [], name
    # The draft's preview is a reader page, under the reader's rules.
    response = admin.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))
    assert_safe(response.content.decode(), reader=True, shows=PAYLOADS)


def test_the_image_chooser_carries_titles_as_data(admin, payload_page):
    response = admin.get(reverse("wagtailimages_chooser:choose"))
    assert response.status_code == 200
    payload = response.json()
    assert_safe(payload["html"], shows=[PAIR])


def test_rich_text_keeps_only_its_features(admin, payload_page):
    """What the editor may post beyond the page's features is dropped before it is stored."""
    page, _ = payload_page
    stored = page.body.raw_data
    text = next(block["value"] for block in stored if block["type"] == "text")
    soup = BeautifulSoup(text, "html.parser")
    assert {element.name for element in soup.find_all(True)} <= {"p", "b", "a", "i", "ol", "ul"}
    assert [a.attrs for a in soup.find_all("a")] == [
        {},
        {"href": 'https://example.org/"onmouseover="alert(1)'},
    ]
    assert EVERYTHING in soup.get_text()

    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    smuggled = json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "text": "Kop",
                    "type": "header-one",
                    "depth": 0,
                    "inlineStyleRanges": [{"offset": 0, "length": 3, "style": "CODE"}],
                    "entityRanges": [{"offset": 0, "length": 3, "key": 0}],
                    "data": {},
                },
                {
                    "key": "b",
                    "text": " ",
                    "type": "atomic",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 1, "key": 1}],
                    "data": {},
                },
            ],
            "entityMap": {
                "0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": "JaVaScRiPt:1"}},
                "1": {
                    "type": "IMAGE",
                    "mutability": "IMMUTABLE",
                    "data": {"src": SCRIPT_URL, "alt": ATTRIBUTE, "id": 1, "format": "left"},
                },
            },
        }
    )
    response = post_page_form(admin, edit_url, {"title": "Kort"}, [("text", smuggled)], "")
    assert response.status_code == 302, page_form_errors(response)
    page.refresh_from_db()
    stored = page.get_latest_revision_as_object().body.raw_data[0]["value"]
    soup = BeautifulSoup(stored, "html.parser")
    assert {element.name for element in soup.find_all(True)} <= {"p", "b", "a", "i"}, stored
    assert not any(is_script_url(a.get("href", "")) for a in soup.find_all("a")), stored


def test_script_urls_are_refused_in_link_fields(admin, payload_page):
    """The video URL is the one link field of the body; the snippets' are tested below."""
    page, _ = payload_page
    edit_url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    revisions = page.revisions.count()
    for url in (SCRIPT_URL, " JavaScript:alert(1)", "data:text/html,<b>", "https://evil.example/x"):
        video = {
            "media": "",
            "external_url": url,
            "title": "Video",
            "poster": "",
            "privacy_note": "",
            "transcript": rich_text("Tekst"),
        }
        response = post_page_form(admin, edit_url, {"title": "Kort"}, [("video", video)], "")
        assert response.status_code == 200, url
        assert "body" in response.context["form"].errors, url
    assert page.revisions.count() == revisions


# --- Translation editor --------------------------------------------------------------------------


def submit_for_translation(client, page, language="en"):
    locale = Locale.objects.get(language_code=language)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=(page.pk,)),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.status_code
    return page.get_translation(locale)


def test_the_translation_editor_carries_payloads_as_data(admin, payload_page):
    page, _ = payload_page
    translated = submit_for_translation(admin, page)
    response = admin.get(reverse("wagtailadmin_pages:edit", args=(translated.pk,)))
    assert response.status_code == 200
    html = response.content.decode()
    assert live_markup(html) == [], live_markup(html)
    soup = BeautifulSoup(html, "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    sources = json.dumps(props["segments"])
    # The payloads reach the editor, as JSON data in an attribute, and nowhere as markup.
    sources = html_module.unescape(sources)  # texts are sent as HTML, as the editor shows them
    for payload in (PAIR, SCRIPT, ATTRIBUTE, SVG, TEXTAREA, TEMPLATE, QUOTE):
        assert json.dumps(payload)[1:-1] in sources, payload
    for script in soup.find_all("script"):
        assert "alert(1)" not in script.get_text()


# --- Snippets ------------------------------------------------------------------------------------


def snippet_url(model, action, *args):
    meta = model._meta
    return reverse(f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{action}", args=args)


def test_organisation_texts_are_text_everywhere(admin, client):
    add_url = snippet_url(Organisation, "add") + "?locale=nl"
    data = form_data(admin.get(add_url).content.decode())
    data.update(
        {
            "name": EVERYTHING,
            "description": "\n".join(PAYLOADS),
            "country": "NL",
            "city": PAIR,
            "languages_spoken": EVERYTHING,
            "website": SCRIPT_URL,
            "phone": TINY,
        }
    )
    response = admin.post(add_url, data)
    assert response.status_code == 200
    assert "website" in response.context["form"].errors  # no script URL as a website
    data["website"] = 'https://example.org/?q="><script>alert(1)</script>'
    response = admin.post(add_url, data)
    assert response.status_code == 302, response.context["form"].errors
    organisation = Organisation.objects.get(name=EVERYTHING)

    for url in (
        snippet_url(Organisation, "list"),
        snippet_url(Organisation, "edit", organisation.pk),
        reverse("wagtailadmin_home"),
    ):
        assert_safe(admin.get(url).content.decode())
    assert_safe(admin.get(snippet_url(Organisation, "list")).content.decode(), shows=[EVERYTHING])

    directory = Page.objects.get(url_path="/home/organisaties/").specific
    admin.logout()
    html = client.get(directory.url).content.decode()
    assert_safe(html, reader=True, shows=[EVERYTHING, PAIR, TINY])
    link = BeautifulSoup(html, "html.parser").find("a", href=re.compile("example.org"))
    assert link["href"] == 'https://example.org/?q="><script>alert(1)</script>'


def test_language_settings_texts_are_text_everywhere(admin, client, payload_page):
    page, _ = payload_page
    settings = LanguageSettings.objects.get(locale__language_code="nl")
    edit_url = snippet_url(LanguageSettings, "edit", settings.pk)
    data = form_data(admin.get(edit_url).content.decode())
    data.update(
        {
            "site_name": PAIR,
            "tagline": EVERYTHING[:160],
            "helpline_name": PAIR,
            "helpline_phone": TINY,
            "helpline_hours": PAIR,
            "helpline_url": SCRIPT_URL,
            "help_text": RICH,
            "contact_address": EVERYTHING,
            "quick_exit_url": SCRIPT_URL,
            "footer_text": EVERYTHING,
        }
    )
    response = admin.post(edit_url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert {"helpline_url", "quick_exit_url"} <= set(errors), errors
    data["helpline_url"] = "https://example.org/hulp"
    data["quick_exit_url"] = "https://www.buienradar.nl/"
    response = admin.post(edit_url, data)
    assert response.status_code == 302, response.context["form"].errors
    settings.refresh_from_db()
    assert settings.site_name == PAIR

    for url in (snippet_url(LanguageSettings, "list"), edit_url):
        assert_safe(admin.get(url).content.decode(), shows=[PAIR])

    admin.logout()
    for url in ("/nl/", page.url):
        html = client.get(url).content.decode()
        assert_safe(html, reader=True, shows=[PAIR, EVERYTHING])
    help_links = BeautifulSoup(html, "html.parser").select(".lr-help a")
    assert not any(is_script_url(a.get("href", "")) for a in help_links)


# --- Translators' overrides ----------------------------------------------------------------------


def test_a_translator_cannot_turn_a_link_into_a_script_url(
    admin, client, payload_page, django_capture_on_commit_callbacks
):
    """wagtail-localize lets a translator override a link's address or a video's URL per
    language, and stores it without the page editor's checks; an address that would run script
    is refused (the override is marked in error, which wagtail-localize leaves out on publish)."""
    from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

    page, _ = payload_page
    translated = submit_for_translation(admin, page)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=translated.locale
    )
    overridable = list(OverridableSegment.objects.filter(source=translation.source))
    link = next(s for s in overridable if s.data == 'https://example.org/"onmouseover="alert(1)')
    video = next(s for s in overridable if str(s.data).startswith("https://www.youtube-nocookie"))

    def override(segment, value):
        response = admin.put(
            reverse("wagtail_localize:edit_override", args=(translation.pk, segment.pk)),
            urlencode({"value": value}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content
        return response.json(), SegmentOverride.objects.get(
            locale=translated.locale, context_id=segment.context_id
        )

    for segment in (link, video):
        answer, stored = override(segment, SCRIPT_URL)
        assert stored.has_error and stored.field_error, stored.__dict__
        assert answer["error"] == stored.field_error  # the editor says so at once
    answer, stored = override(video, "https://evil.example/embed/x")
    assert not stored.has_error and answer["error"] is None  # corrected: no script URL now

    html = admin.get(reverse("wagtailadmin_pages:edit", args=(translated.pk,))).content.decode()
    editor = BeautifulSoup(html, "html.parser").select_one(".js-translation-editor")
    initial = json.loads(editor["data-props"])["initialOverrides"]
    assert [item["error"] is not None for item in initial].count(True) == 1, initial

    translate_by_hand(translation, segments_of(translation))
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=make_user("vertaler", superuser=True), publish=True)
    translated.refresh_from_db()
    assert translated.live
    admin.logout()
    response = client.get(translated.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert_safe(html, reader=True, shows=[PAIR])
    soup = BeautifulSoup(html, "html.parser")
    assert not [e for e in soup.select("[data-embed-src]") if "evil" in e["data-embed-src"]]
    assert not any(is_script_url(a.get("href", "")) for a in soup.select(".lr-text a"))


def test_a_video_from_another_host_is_never_framed():
    """The host rule holds where the URL is used, not only in the editor's form: a URL that
    reached the body some other way (an override, an import) is neither framed nor handed out."""
    block = LongreadBody().child_blocks["video"]
    for url in ("https://evil.example/embed/x", SCRIPT_URL, "http://www.youtube-nocookie.com/x"):
        value = block.to_python({"external_url": url, "title": "Video", "transcript": ""})
        html = block.render(value)
        soup = BeautifulSoup(html, "html.parser")
        assert not soup.select("[data-embed-src]") and not soup.select("a[href]"), html
        assert block.get_api_representation(value)["external_url"] is None
    allowed = "https://www.youtube-nocookie.com/embed/x"
    value = block.to_python({"external_url": allowed, "title": "Video", "transcript": ""})
    assert BeautifulSoup(block.render(value), "html.parser").select_one("[data-embed-src]")
    assert block.get_api_representation(value)["external_url"] == allowed


# --- API -----------------------------------------------------------------------------------------

# The headless API's URLs that carry the payload page's texts; `{page}` is its id.
API_URLS = ["/api/v2/pages/{page}/", "/api/v2/pages/?type=sitewide.InformationPage&fields=*"]


def assert_api_json_carries_payloads_as_data(client, url: str):
    """The API answers JSON, never HTML; every string in it that holds markup (rich text) holds
    no live markup; plain texts come back exactly as typed."""
    response = client.get(url, HTTP_ACCEPT="application/json")
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    assert response.get("X-Content-Type-Options") == "nosniff"
    strings = []

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str):
            strings.append(value)

    walk(response.json())
    for value in strings:
        if "<" in value and not any(text in value for text in [*PAYLOADS, TINY]):
            # Markup the API produced (rich text): it must be as clean as on the page.
            assert live_markup(value, reader=True) == [], (url, value[:200])
    assert any(EVERYTHING in value for value in strings), url


@pytest.mark.parametrize("url", API_URLS)
def test_the_api_carries_payloads_only_as_data(client, payload_page, url):
    page, _ = payload_page
    assert_api_json_carries_payloads_as_data(client, url.format(page=page.pk))
