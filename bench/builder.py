"""Builds a large site on top of the demo site, for the bench and for tests of query counts.

Long stories (many blocks drawing many images from a shared pool, related stories, every
language), news items, and the trees of languages the demo does not have. Pages are created
published, the way the site serves them, without going through revisions, workflows or
wagtail-localize: what is measured is serving, not publishing.

And the reference every time budget is measured against: one stock Wagtail page
(bench.reference, installed by the bench's settings only) with five paragraphs and one of the
site's illustrations, under the English home page.
"""

import datetime
import io
import random
import uuid
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from PIL import Image, ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from bench.reference.models import ReferencePage
from longread.mediafiles import MediaFile
from sitewide.models import HomePage, LanguageSettings
from stories.models import (
    ConsentRecord,
    NewsIndexPage,
    NewsPage,
    ProjectPage,
    RelatedStory,
    StoryIndexPage,
    TestimonyPage,
)

LANGUAGE_NAMES = {"nl": "Nederlands", "en": "English", "de": "Deutsch"}
WORDS = [
    "trust",
    "work",
    "home",
    "road",
    "night",
    "door",
    "hand",
    "voice",
    "window",
    "friend",
    "city",
    "promise",
    "paper",
    "money",
    "debt",
    "house",
    "bus",
    "border",
    "phone",
    "letter",
    "help",
    "shelter",
    "morning",
    "winter",
    "harbour",
    "field",
    "kitchen",
    "factory",
    "passport",
    "contract",
    "fear",
    "courage",
    "silence",
    "street",
    "name",
    "sister",
    "mother",
    "lawyer",
    "police",
    "court",
]


@dataclass(frozen=True)
class Size:
    stories: int = 300
    news: int = 100
    languages: tuple[str, ...] = ("nl", "en", "de")
    blocks: int = 60
    images_per_story: int = 20
    image_pool: int = 24
    related: int = 6
    news_blocks: int = 12
    news_images: int = 3
    # Pictures of the pool, in pixels; a small size keeps the renditions of tests quick to make.
    image_size: tuple[int, int] = (1600, 1000)


TINY = Size(
    stories=3, news=2, blocks=14, images_per_story=5, image_pool=4, related=2, news_blocks=4
)


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraph(rng: random.Random, words: int = 90, link_to=None) -> str:
    """Running text; with `link_to` (a page id), its first words link to that page."""
    sentences, left = [], words
    while left > 0:
        length = min(left, rng.randint(8, 16))
        sentences.append(sentence(rng, length))
        left -= length
    if link_to is not None:
        sentences[0] = f'<a linktype="page" id="{link_to}">{sentences[0]}</a>'
    return f"<p>{' '.join(sentences)}</p>"


def pool_image(index: int, size=(1600, 1000)) -> bytes:
    """A calm abstract picture; 1600 × 1000 is not upscaled at any rendition width."""
    rng = random.Random(index)  # noqa: S311 - decoration, not security
    width, height = size
    image = Image.new("RGB", size, tuple(rng.randrange(60, 200) for _ in range(3)))
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y, r = (
            rng.randrange(width),
            rng.randrange(height),
            rng.randrange(width // 20, width // 4),
        )
        draw.ellipse([x - r, y - r, x + r, y + r], fill=tuple(rng.randrange(256) for _ in range(3)))
    output = io.BytesIO()
    image.save(output, format="JPEG", quality=85)
    return output.getvalue()


def image_pool(size: Size, log) -> list:
    Image_ = get_image_model()
    images = []
    for index in range(size.image_pool):
        title = f"Bench image {index + 1}"
        image = Image_.objects.filter(title=title).first()
        if image is None:
            image = Image_(title=title)
            picture = pool_image(index, size.image_size)
            image.file.save("bench.jpg", ContentFile(picture), save=False)
            image._set_image_file_metadata()
            image.save()
        images.append(image)
    log(f"  {len(images)} images in the pool")
    return images


def _image_item(image, alt=True):
    return {
        "image": image.pk,
        "alt_text": f"Picture {image.pk}" if alt else "",
        "decorative": False,
    }


# Blocks that show images, by the number of images they draw.
IMAGE_BLOCKS = {
    4: lambda imgs, rng: (
        "gallery",
        {"heading": "", "images": [{**_image_item(i), "caption": ""} for i in imgs]},
    ),
    3: lambda imgs, rng: (
        "scrolly_steps",
        {
            "heading": sentence(rng, 4),
            "steps": [{**_image_item(i), "text": paragraph(rng, 30)} for i in imgs],
        },
    ),
    2: lambda imgs, rng: (
        "image_comparison",
        {
            "before": imgs[0].pk,
            "before_alt": "Before",
            "before_label": "Then",
            "after": imgs[1].pk,
            "after_alt": "After",
            "after_label": "Now",
            "caption": sentence(rng, 8),
        },
    ),
    1: lambda imgs, rng: (
        "figure",
        {**_image_item(imgs[0]), "caption": sentence(rng, 8), "credit": "", "width": "inline"},
    ),
}


def long_body(rng: random.Random, blocks: int, images: list, audio=None, links=()) -> list[dict]:
    """`blocks` blocks in chapters, drawing every image of `images` once; every third text
    links to one of the pages `links` (ids)."""
    queue = list(images)
    body = []
    position = 0
    while len(body) < blocks:
        left = blocks - len(body)
        if position % 6 == 0:
            heading = sentence(rng, 3)[:-1]
            block = ("chapter", {"heading": heading, "anchor": f"chapter-{position}"})
        elif queue and position % 6 in (2, 4) or queue and left <= len(queue):
            count = max(n for n in IMAGE_BLOCKS if n <= len(queue))
            drawn, queue = queue[:count], queue[count:]
            block = IMAGE_BLOCKS[count](drawn, rng)
        elif position % 12 == 5:
            block = ("testimony_quote", {"quote": sentence(rng, 12), "pseudonym": "", "role": ""})
        elif position % 12 == 11:
            block = ("pull_quote", {"quote": sentence(rng, 10), "attribution": ""})
        elif position % 30 == 7:
            figures = [
                {"figure": str(rng.randrange(100, 9000)), "label": sentence(rng, 4), "source": ""}
                for _ in range(3)
            ]
            block = ("key_figures", {"heading": "", "figures": figures})
        elif position % 30 == 13:
            events = [
                {"when": str(2010 + n), "title": sentence(rng, 3), "text": sentence(rng, 12)}
                for n in range(4)
            ]
            block = ("timeline", {"heading": "", "events": events})
        elif position % 30 == 19:
            block = ("help_box", {"heading": "", "text": ""})
        elif position % 30 == 25 and audio is not None:
            block = (
                "audio",
                {"media": audio.pk, "title": "Audio", "transcript": paragraph(rng, 40)},
            )
        else:
            link = links[position % len(links)] if links and position % 3 == 0 else None
            block = ("text", paragraph(rng, link_to=link))
        body.append({"type": block[0], "value": block[1], "id": str(uuid.uuid4())})
        position += 1
    if not any(item["type"] == "related_stories" for item in body):
        body[-1] = {"type": "related_stories", "value": {"heading": ""}, "id": str(uuid.uuid4())}
    return body


def publish_under(parent, page, when):
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = when
    parent.add_child(instance=page)
    return page


def _translation_of(source, locale):
    return Page.objects.filter(translation_key=source.translation_key, locale=locale).first()


class Builder:
    def __init__(self, size: Size = Size(), log=print):  # noqa: B008 - frozen dataclass
        self.size = size
        self.log = log
        self.rng = random.Random(8)  # noqa: S311 - content, not security

    def links(self) -> list[int]:
        """Pages of the demo site that stories link to (in Dutch; links follow the reader's
        language)."""
        if not hasattr(self, "_links"):
            self._links = list(
                Page.objects.filter(depth__in=(2, 3), locale__language_code="nl")
                .order_by("path")
                .values_list("pk", flat=True)[:6]
            )
        return self._links

    def locales(self) -> dict:
        return {
            code: Locale.objects.get_or_create(language_code=code)[0]
            for code in self.size.languages
        }

    def trees(self, locales) -> dict:
        """Per language: (home, story index, news index); made for languages the demo lacks."""
        source_home = HomePage.objects.get(depth=2, locale__language_code="nl")
        source_stories = StoryIndexPage.objects.child_of(source_home).get()
        source_news = NewsIndexPage.objects.child_of(source_home).get()
        root = Page.get_first_root_node()
        trees = {}
        now = timezone.now()
        for code, locale in locales.items():
            home = _translation_of(source_home, locale)
            if home is None:
                home = publish_under(
                    root,
                    HomePage(
                        title=f"Home ({code})",
                        slug=f"home-{code}",
                        locale=locale,
                        translation_key=source_home.translation_key,
                    ),
                    now,
                )
            home = home.specific
            indexes = []
            for source, model, slug in (
                (source_stories, StoryIndexPage, "stories"),
                (source_news, NewsIndexPage, "news"),
            ):
                index = _translation_of(source, locale)
                if index is None:
                    index = publish_under(
                        home,
                        model(
                            title=slug.title(),
                            slug=slug,
                            locale=locale,
                            translation_key=source.translation_key,
                            show_in_menus=True,
                        ),
                        now,
                    )
                indexes.append(index.specific)
            trees[code] = (home, *indexes)
            self.language_settings(locale)
        return trees

    def language_settings(self, locale):
        source = LanguageSettings.objects.get(locale__language_code="nl")
        if not LanguageSettings.objects.filter(locale=locale).exists():
            copy = LanguageSettings.objects.get(pk=source.pk)
            copy.pk = None
            copy.locale = locale
            copy.safety_page = None
            copy.save()

    def stories(self, trees, locales, images, first: int, count: int) -> list:
        """Stories `first` … `first + count`, each in every language: [{language: page}]."""
        audio = MediaFile.objects.filter(kind=MediaFile.AUDIO).first()
        made = []
        start = timezone.now() - datetime.timedelta(days=self.size.stories + 1)
        for number in range(first, first + count):
            record = ConsentRecord.objects.create(
                pseudonym=f"Bench teller {number + 1}",
                given_on=timezone.localdate() - datetime.timedelta(days=30),
                evidence_reference="BENCH",
                allows_website=True,
                allows_api=True,
                allows_social=True,
                allows_photos=True,
                allows_audio=True,
            )
            record.languages.set(locales.values())
            record.save()  # a cluster's many-to-many is written on save
            offset = (number * 7) % len(images)
            drawn = (images[offset:] + images[:offset])[: self.size.images_per_story]
            body = long_body(self.rng, self.size.blocks, drawn, audio, self.links())
            key = uuid.uuid4()
            pages = {}
            for code in self.size.languages:
                pages[code] = publish_under(
                    trees[code][1],
                    TestimonyPage(
                        title=sentence(self.rng, 5)[:-1],
                        slug=f"bench-story-{number + 1}",
                        locale=locales[code],
                        translation_key=key,
                        pseudonym=record.pseudonym,
                        quote=sentence(self.rng, 12),
                        teaser=sentence(self.rng, 20),
                        hero_image=drawn[0],
                        hero_alt_text="A calm abstract picture",
                        themes=["labour"],
                        body=body,
                        consent=record,
                    ),
                    start + datetime.timedelta(hours=number),
                )
            made.append(pages)
        return made

    def relate(self, stories) -> None:
        """Related stories are chosen once, on the source; every translation carries the links."""
        links = []
        for number, pages in enumerate(stories):
            others = [
                stories[(number + step) % len(stories)]["nl"]
                for step in range(1, 1 + self.size.related)
            ]
            others = [other for other in others if other.pk != pages["nl"].pk]
            links += [
                RelatedStory(page=page, story=other, sort_order=order)
                for page in pages.values()
                for order, other in enumerate(others)
            ]
        RelatedStory.objects.bulk_create(links)

    def news(self, trees, locales, images) -> list:
        projects = list(ProjectPage.objects.filter(locale__language_code="nl")[:3])
        through = NewsPage.related_projects.through
        made, links = [], []
        start = timezone.localdate() - datetime.timedelta(days=self.size.news)
        for number in range(self.size.news):
            offset = (number * 5) % len(images)
            drawn = (images[offset:] + images[:offset])[: self.size.news_images]
            body = long_body(self.rng, self.size.news_blocks, drawn, links=self.links())
            key = uuid.uuid4()
            pages = {}
            for code in self.size.languages:
                pages[code] = publish_under(
                    trees[code][2],
                    NewsPage(
                        title=sentence(self.rng, 6)[:-1],
                        slug=f"bench-news-{number + 1}",
                        locale=locales[code],
                        translation_key=key,
                        date=start + datetime.timedelta(days=number),
                        intro=sentence(self.rng, 20),
                        body=body,
                    ),
                    timezone.now(),
                )
                links += [through(newspage=pages[code], projectpage=p) for p in projects]
            made.append(pages)
        through.objects.bulk_create(links)
        return made

    def build(self) -> dict:
        self.log("Bench content")
        locales = self.locales()
        images = image_pool(self.size, self.log)
        with transaction.atomic():
            trees = self.trees(locales)
        stories = []
        for first in range(0, self.size.stories, 25):
            with transaction.atomic():  # in batches: SQLite writes quicker, readers are not held
                stories += self.stories(
                    trees, locales, images, first, min(25, self.size.stories - first)
                )
            self.log(f"  {len(stories)} of {self.size.stories} stories")
        with transaction.atomic():
            self.relate(stories)
            news = self.news(trees, locales, images)
        self.log(f"  {len(news)} news items in {len(self.size.languages)} languages")
        reference = self.reference(trees["en"][0])
        self.log(f"  the reference page {reference.url}")
        return {
            "stories": stories,
            "news": news,
            "trees": trees,
            "images": images,
            "reference": reference,
        }

    def reference(self, home) -> ReferencePage:
        """The stock page: five paragraphs of about 120 words and one illustration, published."""
        Image_ = get_image_model()
        illustration = Image_.objects.filter(kind=Image_.ILLUSTRATION).order_by("pk").first()
        if illustration is None:
            raise RuntimeError("The reference page needs one of the demo site's illustrations.")
        body = "".join(paragraph(self.rng, 120) for _ in range(5))
        return publish_under(
            home,
            ReferencePage(
                title="Reference page",
                slug="bench-reference",
                locale=home.locale,
                image=illustration,
                body=body,
            ),
            timezone.now(),
        )
