"""Site-wide public surfaces; registered in SitewideConfig.ready()."""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from stories import consent
from stories.surfaces import exempt, register


def _home_cards(story):
    home = story.get_ancestors().filter(depth=2).first()
    return [home.url] if home else []


def _search(story):
    with translation.override(story.locale.language_code):
        url = reverse("search")
    words = [story.pseudonym, story.title, " ".join(story.quote.split()[:3])]
    return [f"{url}?{urlencode({'q': word})}" for word in words]


def _sitemap(story):
    return [reverse("sitemap")]


def _language_switcher(story):
    """Every translation of the story's page carries a switcher and a hreflang list."""
    return [
        page.url
        for page in Page.objects.filter(translation_key=story.translation_key).live()
        if page.pk != story.pk
    ]


def register_surfaces():
    register("home cards", consent.WEBSITE, ["wagtail_serve"], _home_cards)
    register("search", consent.WEBSITE, ["search"], _search)
    register("sitemap and hreflang alternates", consent.WEBSITE, ["sitemap"], _sitemap)
    register("language switcher", consent.WEBSITE, ["wagtail_serve"], _language_switcher)
    exempt("robots_txt", "Static rules; names no page.")
    exempt("root", "Redirects to a language's home page.")
    exempt(
        "rendition",
        "Image renditions under random names; story images are deleted on erasure.",
    )
    exempt("media_file", "Audio and video under random names; erased with their story.")
    exempt("wagtaildocs_serve", "Documents; none belongs to a testimony.")
    exempt("wagtaildocs_authenticate_with_password", "Password form of a private document.")
    exempt("wagtailcore_authenticate_with_password", "Password form of a private page.")
    exempt("wagtailcore_login", "Login form for private pages; shows no page content.")
