"""The longread block library: validation, rendering without JavaScript, API representation."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.models import Page

from longread import blocks
from longread.mediafiles import MediaFile
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, SECOND_SLUG, first_story

pytestmark = pytest.mark.django_db


def an_image():
    return get_image_model().objects.first()


def errors_of(block, value):
    with pytest.raises(StructBlockValidationError) as caught:
        block.clean(block.to_python(value) if isinstance(value, dict) else value)
    return set(caught.value.block_errors)


def test_figure_needs_alt_text_unless_decorative():
    block = blocks.FigureBlock()
    value = {"image": an_image().pk, "alt_text": "", "decorative": False, "width": "inline"}
    assert errors_of(block, value) == {"alt_text"}
    value["decorative"] = True
    block.clean(block.to_python(value))


@pytest.mark.parametrize(
    "block, wrap",
    [
        (blocks.FigureBlock(), lambda picture: {**picture, "width": "wide"}),
        (blocks.BackdropBlock(), lambda picture: {**picture, "cards": ["<p>Card</p>"]}),
        (blocks.ScrollyStepsBlock(), lambda p: {"steps": [{**p, "text": "<p>1</p>"}] * 2}),
        (blocks.GalleryBlock(), lambda picture: {"images": [picture, picture]}),
    ],
    ids=["figure", "backdrop", "scrolly_steps", "gallery"],
)
def test_every_picture_block_tells_readers_its_alt_text_unless_decorative(block, wrap):
    """The accessible image (blocks.AccessibleImageBlock): the alt text is required unless the
    picture is decorative, and a decorative one has none, on the page as in the API."""
    picture = {"image": an_image().pk, "alt_text": "", "decorative": False}
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python(wrap(picture)))
    for alt_text, decorative, shown in [("A calm sea", False, "A calm sea"), ("Kept", True, "")]:
        raw = wrap({**picture, "alt_text": alt_text, "decorative": decorative})
        value = block.clean(block.to_python(raw))
        assert {img["alt"] for img in render(block, raw).find_all("img")} == {shown}
        api = block.get_api_representation(value)
        images = (
            api.get("image")
            and [api["image"]]
            or [item["image"] for item in api.get("steps") or api["images"]]
        )
        assert {image["alt"] for image in images} == {shown}
        assert {image["decorative"] for image in images} == {decorative}


def test_video_needs_captions_and_an_allowed_host():
    block = blocks.VideoBlock()
    assert errors_of(
        block, {"title": "x", "external_url": "https://video.example.com/embed/1"}
    ) == {"external_url"}
    assert errors_of(
        block, {"title": "x", "external_url": "http://www.youtube-nocookie.com/x"}
    ) == {"external_url"}
    video = MediaFile.objects.create(title="v", kind=MediaFile.VIDEO, file="media_files/v.mp4")
    assert errors_of(block, {"title": "x", "media": video.pk}) == {"media"}
    assert errors_of(block, {"title": "x"}) == {"media"}
    block.clean(
        block.to_python({"title": "x", "external_url": "https://www.youtube-nocookie.com/embed/a"})
    )


def test_audio_needs_a_transcript():
    audio = MediaFile.objects.get(kind=MediaFile.AUDIO)
    block = blocks.AudioBlock()
    assert errors_of(block, {"title": "x", "media": audio.pk, "transcript": ""}) == {"transcript"}


def test_video_model_refuses_a_video_without_captions():
    from django.core.exceptions import ValidationError

    video = MediaFile(title="v", kind=MediaFile.VIDEO, file="media_files/v.mp4")
    with pytest.raises(ValidationError) as caught:
        video.clean()
    assert "captions" in caught.value.message_dict


def test_chapter_anchor_is_stable_and_made_from_the_heading():
    block = blocks.ChapterBlock()
    value = block.clean(block.to_python({"heading": "Het begin!", "anchor": ""}))
    assert value["anchor"] == "het-begin"


def test_testimony_quote_language_must_be_a_language_code():
    block = blocks.TestimonyQuoteBlock()
    assert errors_of(block, {"quote": "q", "lang": "Dutch please"}) == {"lang"}


def test_every_block_type_appears_in_a_demo_page():
    used = set()
    for page in Page.objects.live().specific():
        body = getattr(page, "body", None)
        if body is not None:
            used |= {child.block_type for child in body}
    assert set(blocks.LongreadBody.base_blocks) <= used, set(blocks.LongreadBody.base_blocks) - used


def test_the_story_reads_completely_without_javascript(client):
    html = client.get(first_story().url).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    # Steps: each step carries its own figure, then its text, in reading order.
    steps = soup.select(".lr-step")
    assert len(steps) == 3
    for step in steps:
        children = [child for child in step.children if getattr(child, "name", None)]
        assert [child.name for child in children] == ["figure", "div"]
        assert step.find("img")["alt"]
    assert "First there is attention." in steps[0].get_text()
    # Transcript open, both comparison images present, backdrop cards as text.
    assert soup.select_one(".lr-transcript").has_attr("open")
    assert len(soup.select(".lr-compare img")) == 2
    assert "Help starts with safety" in soup.select_one(".lr-backdrop").get_text()
    # Nothing is hidden by CSS that only JavaScript reveals: no hidden content but controls.
    for element in soup.select("[hidden]"):
        controls = element.has_attr("data-gallery-controls") or element.has_attr(
            "data-audio-player"
        )
        assert element.name in ("button", "label") or controls, element
    # No autoplay anywhere.
    assert "autoplay" not in html


def test_external_video_makes_no_request_before_a_click(client):
    html = client.get("/en/about-comensha/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("[data-embed-src]")
    assert not soup.find("iframe")
    for element in soup.find_all(src=True):
        assert not element["src"].startswith("http"), element


def test_images_are_responsive_with_dimensions(client):
    soup = BeautifulSoup(client.get(first_story().url).content.decode(), "html.parser")
    hero = soup.select_one("header img")
    assert hero["fetchpriority"] == "high" and "loading" not in hero.attrs
    for picture in soup.find_all("picture"):
        assert picture.find("source", type="image/webp")
        image = picture.find("img")
        assert image["width"] and image["height"] and image.get("srcset")
    body_images = soup.select(".lr-body img")
    assert body_images and all(img.get("loading") == "lazy" for img in body_images)


def test_reading_time_is_computed_per_language():
    nl, en = first_story("nl"), first_story("en")
    assert nl.reading_minutes() >= 1 and en.reading_minutes() >= 1
    assert FIRST_PSEUDONYM in nl.reading_text() and "trust" in en.reading_text()


def test_audio_plays_only_where_consent_allows_it(client):
    page = first_story()
    assert "<audio" in client.get(page.url).content.decode()
    record = page.consent
    record.allows_audio = False
    record.save()
    assert "<audio" not in client.get(page.url).content.decode()


def test_the_player_is_labelled_with_its_running_time_before_anything_loads(client):
    # The player loads nothing before play (preload="none"), so it would say 0:00 until then.
    html = client.get(first_story().url).content.decode()
    assert '<audio controls preload="none"' in html
    assert '(<time datetime="PT4S">0:04</time>)' in html  # the demo tone's 4 seconds


@pytest.mark.parametrize(
    ("seconds", "shown", "iso"),
    [
        (None, "", ""),
        (0, "", ""),
        (9, "0:09", "PT9S"),
        (125, "2:05", "PT125S"),
        (3725, "1:02:05", "PT3725S"),
    ],
)
def test_running_time_reads_as_a_clock(seconds, shown, iso):
    media = MediaFile(title="x", kind=MediaFile.AUDIO, duration_seconds=seconds)
    assert (media.length, media.length_iso) == (shown, iso)


def test_api_representation_gives_renditions_never_the_original():
    page = first_story()
    data = page.body.stream_block.get_api_representation(page.body)
    figure = next(item for item in data if item["type"] == "figure")["value"]
    urls = [rendition["url"] for rendition in figure["image"]["renditions"]]
    assert {"webp", "jpeg"} == {rendition["format"] for rendition in figure["image"]["renditions"]}
    assert urls and not any("original_images" in url for url in urls)
    assert figure["image"]["alt"].startswith("Abstract illustration")
    text = next(item for item in data if item["type"] == "text")["value"]
    assert text["html"].startswith("<p>") and text["content"][0]["type"] == "paragraph"


def test_viewport_never_blocks_zoom(client):
    html = client.get(first_story().url).content.decode()
    viewport = BeautifulSoup(html, "html.parser").find("meta", attrs={"name": "viewport"})
    assert "user-scalable" not in viewport["content"] and "maximum-scale" not in viewport["content"]


def test_demo_story_is_within_its_budgets():
    out = io.StringIO()
    call_command("check_page_budget", first_story().url, stdout=out)
    assert "Within budget." in out.getvalue()


def test_budget_check_fails_over_budget(monkeypatch):
    from django.core.management import CommandError

    from longread.management.commands import check_page_budget

    monkeypatch.setitem(check_page_budget.BUDGETS, "js", 10)
    with pytest.raises(CommandError, match="Over budget"):
        call_command("check_page_budget", first_story().url, stdout=io.StringIO())


def test_every_block_has_an_admin_preview_that_renders(client):
    """Editors see each block in the block picker: a description and a rendered example."""
    from tests.helpers import make_user

    client.force_login(make_user("editor", "Editors"))
    stream = TestimonyPage._meta.get_field("body").stream_block
    for name, block in stream.child_blocks.items():
        assert block.get_description(), name
        assert block.is_previewable, name
        assert block.get_preview_value() not in (None, {}), name
        response = client.get("/admin/block-preview/", {"id": block.definition_prefix})
        assert response.status_code == 200, name
        html = response.content.decode()
        assert "longread/reader" in html and f"block-{name}" in html, name


# --- The story page: cover, one help box and one list of related stories, bad input ------------


def render(block, value, **context):
    block.set_name("test")
    return BeautifulSoup(block.render(block.to_python(value), context), "html.parser")


def test_story_opens_with_a_cover_of_title_teller_quote_and_reading_time(client):
    soup = BeautifulSoup(client.get(first_story().url).content.decode(), "html.parser")
    cover = soup.select_one("article > header.lr-cover")
    assert cover.select_one("h1").get_text() == "Getting my trust back"
    assert FIRST_PSEUDONYM in cover.select_one(".lr-kicker").get_text()
    assert "trust back" in cover.select_one("blockquote").get_text()
    assert "minutes read" in cover.get_text() or "minute read" in cover.get_text()
    assert cover.select_one(".lr-cover__media img")["alt"].startswith("Abstract illustration")


def test_story_without_hero_or_photo_consent_gets_a_typographic_cover(client):
    page = first_story()
    page.hero_image = None
    page.save_revision().publish()
    cover = BeautifulSoup(client.get(page.url).content.decode(), "html.parser").select_one(
        ".lr-cover"
    )
    assert "lr-cover--type" in cover["class"] and not cover.find("img")
    assert cover.select_one("h1").get_text() == "Getting my trust back"


def test_cover_leaves_out_the_photo_when_the_consent_says_no_photos(client):
    page = first_story()
    hero = page.hero_image
    hero.kind = hero.PHOTO  # the demo's pictures are illustrations, shown in any case
    hero.save()
    record = page.consent
    record.allows_photos = False
    record.save()
    cover = BeautifulSoup(client.get(page.url).content.decode(), "html.parser").select_one(
        ".lr-cover"
    )
    assert "lr-cover--type" in cover["class"] and not cover.find("img")


def test_one_help_box_and_one_list_of_related_stories_per_page(client):
    page = first_story()
    body = list(page.body.raw_data)
    help_box = next(block for block in body if block["type"] == "help_box")
    related = next(block for block in body if block["type"] == "related_stories")
    page.body = [*body, {**help_box, "id": None}, {**related, "id": None}]
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    assert len(soup.select("article .lr-help")) == 1
    # The same help is not shown again below it, in the footer (the top bar's Help stays).
    assert not soup.select("footer .lr-footer__help") and soup.select(".lr-bar .lr-helppanel")
    assert len(soup.select("article .lr-related")) == 1
    links = soup.select(f".lr-related a[href*='/{SECOND_SLUG['en']}/']")
    assert len(links) == 1, "the second testimony is listed more than once"
    card = links[0].find_parent("li")
    assert card.find("img") is None or card.find("img")["alt"] == ""
    assert "minute" in card.get_text() and card.select_one(".lr-story-card__hook").get_text()


def test_the_covers_quotation_is_not_shown_again_in_the_body_and_no_quote_is_changed(client):
    """The demo story's body holds its teller's quotation, the cover's, as a quote block: it is
    shown once, on the cover. A quote block with other words stays, word for word; so does the
    stored body."""
    page = first_story()
    quote = page.quote
    assert any(
        child.block_type == "testimony_quote" and child.value["quote"] == quote
        for child in page.body
    )
    other = "Another sentence, kept as it was written."
    body = list(page.body.raw_data)
    page.body = [
        *body,
        {"type": "pull_quote", "value": {"quote": f"“{quote}.”", "attribution": "Demo"}},
        {"type": "pull_quote", "value": {"quote": other, "attribution": "Demo"}},
    ]
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    article = soup.select_one("article")
    assert article.get_text().count(quote) == 1
    assert article.select_one(".lr-cover blockquote").get_text(strip=True) == quote
    shown = [block.get_text(strip=True) for block in soup.select(".lr-body blockquote")]
    assert other in shown and not [text for text in shown if quote in text], shown
    assert len(page.specific_class.objects.get(pk=page.pk).body) == len(body) + 2
    # Another quotation on the cover, the same body: the body shown follows the cover.
    page.quote = other
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    shown = [block.get_text(strip=True) for block in soup.select(".lr-body blockquote")]
    assert other not in shown and [text for text in shown if quote in text], shown


def test_cards_count_reading_time_from_the_stored_texts_as_the_story_does():
    for language in ("nl", "en"):
        page = first_story(language)
        assert abs(page.card_reading_minutes() - page.reading_minutes()) <= 1


def test_page_places_help_and_related_stories_when_the_body_does_not(client):
    page = first_story()
    page.body = [block for block in page.body.raw_data if block["type"] not in blocks.ONCE_PER_PAGE]
    page.save_revision().publish()
    soup = BeautifulSoup(client.get(page.url).content.decode(), "html.parser")
    assert len(soup.select("article .lr-help")) == 1
    assert not soup.select("footer .lr-footer__help")  # help once, with the emergency number
    assert soup.select_one("article .lr-help .lr-help__emergency a.lr-tap[href='tel:112']")
    assert len(soup.select("article .lr-related")) == 1


def test_scrolly_steps_and_backdrop_without_pictures_read_as_text():
    steps = render(
        blocks.ScrollyStepsBlock(),
        {"heading": "H", "steps": [{"image": None, "text": "<p>One</p>"}, {"text": "<p>Two</p>"}]},
    )
    assert not steps.find("img") and not steps.select("[data-steps]")
    assert [step.get_text(strip=True) for step in steps.select(".lr-step")] == ["One", "Two"]
    backdrop = render(blocks.BackdropBlock(), {"image": None, "cards": ["<p>Card</p>"]})
    section = backdrop.select_one(".lr-backdrop")
    assert "lr-backdrop--plain" in section["class"] and "lr-backdrop--scroll" in section["class"]
    assert section.get_text(strip=True) == "Card"


def test_backdrop_transition_is_chosen_per_block():
    for transition in ("scroll", "fade", "reveal"):
        soup = render(
            blocks.BackdropBlock(),
            {
                "image": an_image().pk,
                "decorative": True,
                "cards": ["<p>x</p>"],
                "transition": transition,
            },
        )
        assert f"lr-backdrop--{transition}" in soup.select_one(".lr-backdrop")["class"]
    data = blocks.BackdropBlock().get_api_representation(
        blocks.BackdropBlock().to_python({"image": None, "cards": [], "transition": "fade"})
    )
    assert data["transition"] == "fade"


def test_gallery_with_one_picture_has_no_previous_or_next():
    soup = render(
        blocks.GalleryBlock(),
        {"images": [{"image": an_image().pk, "alt_text": "A", "caption": "C"}]},
    )
    assert "lr-gallery--single" in soup.select_one(".lr-gallery")["class"]
    assert len(soup.select(".lr-gallery__item img")) == 1
    assert not soup.select("[data-gallery-step]") and soup.select("[data-gallery-open]")


def test_comparison_of_pictures_with_different_shapes_renders_both():
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (300, 600), "#345").save(buffer, "PNG")
    tall = get_image_model().objects.create(title="tall", file=ImageFile(buffer, name="tall.png"))
    soup = render(
        blocks.ImageComparisonBlock(),
        {
            "before": an_image().pk,
            "before_alt": "Wide",
            "before_label": "Then",
            "after": tall.pk,
            "after_alt": "Tall",
            "after_label": "Now",
        },
    )
    frame = soup.select_one("[data-compare-frame]")
    assert [img["alt"] for img in frame.find_all("img")] == ["Wide", "Tall"]


@pytest.mark.parametrize("language", ["nl", "en", "ar"])
def test_the_help_box_offers_the_emergency_number_as_a_button(client, language):
    soup = BeautifulSoup(client.get(first_story(language).url).content.decode(), "html.parser")
    button = soup.select_one("article .lr-help .lr-help__emergency a.lr-tap[href='tel:112']")
    assert button is not None and button.get_text(strip=True) == "112"
