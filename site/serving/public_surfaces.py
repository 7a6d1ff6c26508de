"""Site-wide public surfaces; registered by the serving concern's wiring (`wiring.py`), when the
app is ready."""

from urllib.parse import urlencode

from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from stories import consent
from stories.consent.surfaces import exempt, register


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
    register_api_surfaces()
    register("home cards", consent.WEBSITE, ["wagtail_serve"], _home_cards)
    register("search", consent.WEBSITE, ["search"], _search)
    register("sitemap and hreflang alternates", consent.WEBSITE, ["sitemap"], _sitemap)
    register("language switcher", consent.WEBSITE, ["wagtail_serve"], _language_switcher)
    exempt("robots_txt", "Static rules; names no page.")
    exempt("health", "Monitoring: the state of the database and cache; names no page.")
    exempt("root", "Redirects to a language's home page.")
    exempt(
        "rendition",
        "Image renditions under random names; story images are deleted on erasure.",
    )
    exempt("media_file", "Audio and video under random names; erased with their story.")
    exempt("wagtaildocs_serve", "Documents, served only while a live public page uses them.")
    exempt("wagtaildocs_authenticate_with_password", "Password form of a private document.")
    exempt("wagtailcore_authenticate_with_password", "Password form of a private page.")
    exempt("wagtailcore_login", "Login form for private pages; shows no page content.")


def _api_listings(story):
    """API listings and filters where the story (one translation) would be listed."""
    base = "/api/v2/pages/"
    language = story.locale.language_code
    home = story.get_ancestors().filter(depth=2).first()
    others = Page.objects.filter(translation_key=story.translation_key).exclude(pk=story.pk)
    urls = [
        f"{base}?type=stories.TestimonyPage&fields=*&locale={language}",
        f"{base}?child_of={story.get_parent().pk}&fields=*",
        f"{base}?descendant_of={home.pk}&limit=50" if home else base,
        f"{base}?type=stories.TestimonyPage&fields=quote&{urlencode({'search': story.pseudonym})}",
        f"{base}?{urlencode({'search': story.title})}",
    ]
    urls += [f"{base}?translation_of={other.pk}&fields=*" for other in others]
    return urls


def _api_detail(story):
    """The story's own detail and lookup by path, and the details of its translations
    (their `translations` field) and of the stories that may link to it (`related_stories`)."""
    neighbours = Page.objects.filter(
        Q(translation_key=story.translation_key) | Q(path__startswith=story.get_parent().path),
        depth=story.depth,
    )
    return [
        f"/api/v2/pages/{story.pk}/",
        f"/api/v2/pages/find/?{urlencode({'html_path': story.url})}",
    ] + [f"/api/v2/pages/{page.pk}/" for page in neighbours.live() if page.pk != story.pk]


def _api_changes(story):
    return ["/api/v2/changes/?since=2000-01-01T00:00:00Z"]


def _api_organisations(story):
    return [f"/api/v2/organisations/?locale={story.locale.language_code}"]


def register_api_surfaces():
    register("API listings and filters", consent.API, ["listing"], _api_listings)
    register("API detail, find and linked pages", consent.API, ["detail", "find"], _api_detail)
    register("API changes feed", consent.API, ["wagtailapi_changes"], _api_changes)
    register("API organisations", consent.API, ["listing"], _api_organisations, shows_stories=False)
    exempt("wagtailapi_schema", "The OpenAPI document; describes the API, names no page.")
    exempt("wagtailapi_index", "The API's addresses and the site's languages; names no page.")
    exempt("wagtailapi_not_found", "JSON 404 for unknown API paths.")
    exempt("wagtailapi_settings", "A language's helpline and contact details; links no story.")
    exempt("preview", "A draft behind a signed, revocable one-hour token from the admin.")
