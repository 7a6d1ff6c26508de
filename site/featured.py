"""What the home page lists: stories (survivors first by default, the editors' featured story on
top), then the latest projects and news. Every story passes the consent rule."""

import hashlib
import json
import math
import re

from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Case, IntegerField, Value, When
from django.utils.html import strip_tags
from django.utils.translation import get_language

from stories import consent
from stories.models import TellerKind, TestimonyPage
from stories.news import NewsPage
from stories.pages import DEFAULT_READING_SPEED, READING_SPEED
from stories.projects import ProjectPage

HOME_CARDS = 6
HOME_LATEST = 3
WORD = re.compile(r"\w+")


def featured_stories(home, order: str = "survivors"):
    """Story cards for a home page: live, consented testimonies of that language tree."""
    stories = consent.visible_pages(TestimonyPage.objects.descendant_of(home), consent.WEBSITE)
    ordering = ["-first_published_at", "pk"]
    if order == "survivors":
        stories = stories.annotate(
            survivor_first=Case(
                When(teller_kind=TellerKind.SURVIVOR, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        ordering.insert(0, "survivor_first")
    return (
        stories.order_by(*ordering)
        # The consent record decides whether the card may show the teller's photo.
        .select_related("consent", "hero_image", "locale")
        .prefetch_related("hero_image__renditions")[:HOME_CARDS]
    )


def card_minutes(story) -> int:
    """A card's reading time without rendering the story: the story page's own count when it
    is known (the shared cache), else the words of the story's texts as stored."""
    source = [get_language(), story.title, getattr(story, "intro", "") or "", None]
    source[-1] = story.body.get_prep_value()
    digest = hashlib.sha256(
        json.dumps(source, sort_keys=True, cls=DjangoJSONEncoder).encode()
    ).hexdigest()
    words = cache.get(f"stories:reading-words:{digest}")
    if words is None:
        texts = [story.title, getattr(story, "intro", "") or ""]

        def collect(value):
            if isinstance(value, str):
                texts.append(strip_tags(value))
            elif isinstance(value, dict):
                for key, item in value.items():
                    if key not in ("id", "type", "anchor", "url", "image", "link"):
                        collect(item)
            elif isinstance(value, list):
                for item in value:
                    collect(item)

        collect(list(story.body.raw_data))
        words = sum(len(WORD.findall(text)) for text in texts)
    speed = READING_SPEED.get(story.locale.language_code, DEFAULT_READING_SPEED)
    return max(1, math.ceil(words / speed))


def home_listing(home) -> dict:
    stories = list(featured_stories(home, getattr(home, "stories_order", "survivors")))
    featured = None
    chosen = getattr(home, "featured_story_id", None)
    if chosen:
        # The editors' choice, in this language, and only if it is among the stories readers
        # may see (its translation_key matches one of them).
        key = getattr(home.featured_story, "translation_key", None)
        featured = next((story for story in stories if story.translation_key == key), None)
    if featured is None and stories:
        # By default the first story that may show its picture (a teller's photo consent).
        featured = next((story for story in stories if story.shown_hero_image), stories[0])
    for story in stories:
        story.card_minutes = card_minutes(story)
    more = [story for story in stories if story is not featured]
    projects = list(
        ProjectPage.objects.live()
        .public()
        .descendant_of(home)
        .order_by("-first_published_at")
        .defer_streamfields()[:HOME_LATEST]
    )
    news = list(
        NewsPage.objects.live()
        .public()
        .descendant_of(home)
        .order_by("-date", "-pk")
        .defer_streamfields()[:HOME_LATEST]
    )
    return {
        "stories": stories,
        "featured": featured,
        "more": more,
        "projects": projects,
        "news": news,
    }
