"""The public surfaces the stories app serves; registered in StoriesConfig.ready()."""

from stories import consent
from stories.surfaces import register


def _story_page(story):
    return [story.url]


def _story_index(story):
    index = story.get_parent()
    base = index.url
    return [base, f"{base}?kind={story.teller_kind}"] + [
        f"{base}?theme={theme}" for theme in story.themes or []
    ]


def _related_stories(story):
    """Pages of the other stories in that language, which may link to it as related."""
    from stories.models import TestimonyPage

    siblings = TestimonyPage.objects.sibling_of(story, inclusive=False).filter(
        locale_id=story.locale_id
    )
    return [page.url for page in siblings.live()]


def register_surfaces():
    register("testimony page", consent.WEBSITE, ["wagtail_serve"], _story_page)
    register("story index", consent.WEBSITE, ["wagtail_serve"], _story_index)
    register("related stories", consent.WEBSITE, ["wagtail_serve"], _related_stories)
