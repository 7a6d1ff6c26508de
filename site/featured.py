from stories import consent
from stories.models import TestimonyPage

HOME_CARDS = 6


def featured_stories(home):
    """Story cards for a home page: live, consented testimonies of that language tree."""
    return (
        consent.visible_pages(TestimonyPage.objects.descendant_of(home), consent.WEBSITE)
        .order_by("-first_published_at", "pk")
        .select_related("hero_image")
        .defer_streamfields()[:HOME_CARDS]
    )
