"""What the home page lists: stories (survivors first by default, the editors' featured story on
top), then the latest projects and news. Every story passes the consent rule."""

from django.db.models import Case, IntegerField, Value, When

from stories import consent
from stories.models import NewsPage, ProjectPage, TellerKind, TestimonyPage

HOME_CARDS = 6
HOME_LATEST = 3


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
