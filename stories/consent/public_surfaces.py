"""The public surfaces the stories app serves; registered by the consent concern's wiring
(`wiring.py`), when the app is ready."""

from stories import consent
from stories.consent.surfaces import register


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


def _listings_of(model):
    """Index pages of a kind in the story's language, with their feeds where they have them."""

    def urls(story):
        urls = []
        for index in model.objects.live().filter(locale_id=story.locale_id):
            urls.append(index.url)
            if hasattr(index, "feed_urls"):
                urls += list(index.feed_urls().values())
            urls += [child.url for child in index.get_children().live()[:5]]
        return urls

    return urls


def register_surfaces():
    from stories.models import NewsIndexPage, OrganisationDirectoryPage, ProjectIndexPage

    register("testimony page", consent.WEBSITE, ["wagtail_serve"], _story_page)
    register("story index", consent.WEBSITE, ["wagtail_serve"], _story_index)
    register("related stories", consent.WEBSITE, ["wagtail_serve"], _related_stories)
    for name, model in (
        ("projects", ProjectIndexPage),
        ("news and its RSS and Atom feeds", NewsIndexPage),
        ("organisation directory", OrganisationDirectoryPage),
    ):
        register(name, consent.WEBSITE, ["wagtail_serve"], _listings_of(model), shows_stories=False)
