"""A longread body converts all at once: one query per kind of chosen object (longread.preload)."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.images import get_image_model

from longread.mediafiles import MediaFile
from longread.models import rendition_encoded
from stories.models import TestimonyPage
from tests.helpers import FIRST_SLUG

pytestmark = pytest.mark.django_db


def _block(kind, value):
    return {"type": kind, "value": value, "id": str(uuid.uuid4())}


def _item(image):
    return {"type": "item", "value": {"image": image.pk, "alt_text": "A picture"}, "id": "x"}


@pytest.fixture
def long_story():
    """The first demo testimony with a body of every block type that chooses something, twice
    over."""
    images = list(get_image_model().objects.order_by("pk")[:4])
    audio = MediaFile.objects.filter(kind=MediaFile.AUDIO).first()
    body = []
    for _ in range(2):
        body += [
            _block("figure", {"image": images[0].pk, "alt_text": "One", "width": "inline"}),
            _block("backdrop", {"image": images[1].pk, "decorative": True, "cards": ["<p>A</p>"]}),
            _block("gallery", {"images": [_item(images[2]), _item(images[3])]}),
            _block(
                "scrolly_steps",
                {"steps": [{**_item(images[0])["value"], "text": "<p>Step</p>"}] * 2},
            ),
            _block(
                "image_comparison",
                {
                    "before": images[1].pk,
                    "before_alt": "Before",
                    "before_label": "Then",
                    "after": images[2].pk,
                    "after_alt": "After",
                    "after_label": "Now",
                },
            ),
            _block("audio", {"media": audio.pk, "title": "Audio", "transcript": "<p>Said</p>"}),
            _block("text", "<p>Words.</p>"),
        ]
    body.append(_block("figure", {"image": 999_999, "alt_text": "Gone", "width": "inline"}))
    story = TestimonyPage.objects.get(slug=FIRST_SLUG["en"], locale__language_code="en")
    story.body = body
    story.save()
    return TestimonyPage.objects.get(pk=story.pk), images, audio


def test_a_body_loads_its_images_with_renditions_and_its_media_in_three_queries(long_story):
    story, images, audio = long_story
    with CaptureQueriesContext(connection) as queries:
        blocks = list(story.body)
    assert len(queries) == 3  # images, their renditions, audio and video
    figure = blocks[0].value
    assert figure["image"] == images[0]
    assert blocks[2].value["images"][1]["image"] == images[3]
    assert blocks[5].value["media"] == audio
    assert blocks[-1].value["image"] is None  # an image that no longer exists


def test_each_occurrence_of_an_image_is_its_own_object(long_story):
    story, images, _audio = long_story
    blocks = list(story.body)
    first, again = blocks[0].value["image"], blocks[7].value["image"]
    assert first == again and first is not again


def test_rendering_the_body_asks_for_nothing_more(long_story, client):
    story, _images, _audio = long_story
    client.get(story.url)  # makes the renditions, as publishing will
    fresh = TestimonyPage.objects.get(pk=story.pk)
    encoded = []
    receiver = lambda sender, **kwargs: encoded.append(kwargs["filter"])  # noqa: E731
    rendition_encoded.connect(receiver)
    try:
        list(fresh.body)
        with CaptureQueriesContext(connection) as queries:
            html = fresh.body.render_as_block()
    finally:
        rendition_encoded.disconnect(receiver)
    assert html.count("<picture") == 2 * 8  # the missing image shows nothing
    assert len(queries) == 0 and encoded == []


def test_a_body_changed_in_memory_keeps_its_changes_when_assigned(long_story):
    """wagtail-localize writes translations into the source's body and assigns it to the copy."""
    story, _images, _audio = long_story
    body = story.body
    body[6].value.source = "<p>Translated words.</p>"
    story.body = body
    assert story.body is body
    assert story.body.get_prep_value()[6]["value"] == "<p>Translated words.</p>"


def test_links_in_the_text_resolve_in_one_query_in_the_readers_language(client):
    from wagtail.models import Page

    from longread import preload

    targets = list(
        Page.objects.filter(depth__in=(2, 3), locale__language_code="nl").order_by("path")[:6]
    )
    story = TestimonyPage.objects.get(slug=FIRST_SLUG["en"], locale__language_code="en")
    story.body = [
        _block("text", f'<p><a linktype="page" id="{page.pk}">Read {page.title}</a>.</p>')
        for page in targets * 2
    ]
    story.save()
    english = {
        page.pk: Page.objects.get(translation_key=page.translation_key, locale=story.locale).url
        for page in targets
    }
    with translation.override("en"):
        fresh = TestimonyPage.objects.get(pk=story.pk)
        with preload.request_scope(), CaptureQueriesContext(connection) as queries:
            html = fresh.body.render_as_block()
        assert len(queries) == 1
        for page in targets:
            assert f'<a href="{english[page.pk]}">' in html
        # Outside a request scope, Wagtail's own resolution gives the same links.
        outside = TestimonyPage.objects.get(pk=story.pk).body.render_as_block()
        assert outside == html
    response = client.get(story.url)
    assert f'<a href="{english[targets[-1].pk]}">' in response.content.decode()


@pytest.mark.parametrize(
    "attrs",
    [
        'alt="A calm picture" sizes="100vw" loading="lazy" decoding="async" class=None',
        'alt="" sizes="(min-width: 40rem) 38rem, 100vw" fetchpriority="high" class="lr-hero"',
    ],
)
def test_longread_picture_is_wagtails_picture(attrs):
    from django.template import Context, Template

    image = get_image_model().objects.order_by("pk").first()
    wagtail = Template(
        "{% load wagtailimages_tags %}"
        "{% picture image format-{webp,jpeg} width-{480,800,1200,1600} " + attrs + " %}"
    )
    ours = Template("{% load longread_images %}{% longread_picture image " + attrs + " %}")
    expected = wagtail.render(Context({"image": image}))
    assert ours.render(Context({"image": image})) == expected
    assert ours.render(Context({"image": image})) == expected  # kept, and the same
    other = Template('{% load longread_images %}{% longread_picture image alt="Other" %}')
    assert 'alt="Other"' in other.render(Context({"image": image}))
    assert Template("{% load longread_images %}{% longread_picture None %}").render(Context()) == ""
