"""What the headless API shows of story pages: fields that need the page, not one column.

The API is a consent channel of its own: linked pages (translations, related stories) are
filtered with `consent.API`, so a partner never learns of a page it may not show.
"""

from django.db.models import Q
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from rest_framework import serializers
from wagtail.models import Page

from longread import fragments, shown
from longread.absolute import absolute_url
from longread.blocks import image_api
from stories import consent


def api_detail_url(page) -> str | None:
    try:
        return reverse("wagtailapi:pages:detail", args=(page.pk,))
    except NoReverseMatch:  # the API is not wired (the stories app on its own)
        return None


def page_link(page, request=None) -> dict:
    """A linked page as a partner needs it: enough to render a link and to fetch it."""
    return {
        "id": page.pk,
        "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
        "title": page.title,
        "locale": page.locale.language_code,
        "html_url": page_html_url(page, request),
        "detail_url": absolute_url(api_detail_url(page), request),
    }


def page_html_url(page, request=None) -> str | None:
    """Where readers find the page, under the site's one base URL (`SITE_BASE_URL`, else the
    request's scheme and host), not the site record's host name and port."""
    # With the request: the site's root paths are looked up once per request, not per link.
    parts = page.get_url_parts(request)
    return absolute_url(parts[2], request) if parts else None


class PageDataField(serializers.Field):
    """A read-only field computed from the whole page (`source="*"`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


def linked_pages(page, context: dict) -> dict:
    """The pages an answer about `page` links to (its parent, its translations, its related
    stories), narrowed to what the API channel may show in one consent query: building the
    rule's subqueries costs more than running them, and a detail answer needed it three times.

    Kept in the serializer's context for the one answer. Links are base pages (a link needs the
    title, locale and URL); related stories come as testimonies (pseudonym, role, quote and teaser).
    """
    memo = context.setdefault("_linked_pages", {})
    if page.pk in memo:
        return memo[page.pk]
    candidates = Q(translation_key=page.translation_key) & ~Q(pk=page.pk)
    # A language's home page has the tree's root above it, which the API never shows.
    parent_path = page.path[: -page.steplen] if page.depth > 2 else None
    if parent_path:
        candidates |= Q(path=parent_path)
    if hasattr(page, "chosen_related_story_ids"):
        chosen = Page.objects.filter(pk__in=page.chosen_related_story_ids()).values(
            "translation_key"
        )
        candidates |= Q(translation_key__in=chosen, locale_id=page.locale_id) & ~Q(pk=page.pk)
    visible = list(
        consent.visible_pages(Page.objects.filter(candidates), consent.API)
        .select_related("locale")
        .order_by("path")
    )
    related = [
        other
        for other in visible
        if other.translation_key != page.translation_key and other.path != parent_path
    ]
    if related:
        # What a related story's card adds: its teller, role, quote and teaser, read without
        # the page.
        extra = {
            pk: values
            for pk, *values in type(page)
            .objects.filter(pk__in=[other.pk for other in related])
            .values_list("pk", "pseudonym", "role", "quote", "teaser")
        }
        for other in related:
            other.pseudonym, other.role, other.quote, other.teaser = extra.get(
                other.pk, ("", "", "", "")
            )
    memo[page.pk] = {
        "parent": next((other for other in visible if other.path == parent_path), None),
        "translations": sorted(
            (other for other in visible if other.translation_key == page.translation_key),
            key=lambda other: other.locale_id,
        ),
        "related": related,
    }
    return memo[page.pk]


def kept_in_detail(field, name: str, page, make):
    """What `make()` represents of `page` in a detail answer, kept as a body is
    (longread.fragments: under the page, the pages `make` notes as shown, which pages readers
    may see and the consent records). A list (many pages, each its own key) and a preview (a
    draft's links are not the live page's) make it each time."""
    view = field.context.get("view")
    if getattr(view, "action", None) != "detail_view" or getattr(view, "previewing", False):
        return make()
    return fragments.kept_value(name, page, field.context.get("request"), make)


class TranslationsField(PageDataField):
    """The page's live translations that the API channel may show, with their URLs."""

    def to_representation(self, page):
        return kept_in_detail(self, "api-translations", page, lambda: self._represented(page))

    def _represented(self, page):
        request = self.context.get("request")
        return [
            page_link(other, request) for other in linked_pages(page, self.context)["translations"]
        ]


class BodyField(PageDataField):
    """The StreamField body as structured JSON: each block its type, id and values.

    Blocks the HTML page would hide are left out here too: audio or video the teller's consent
    does not allow (`media_allowed`, as the page hands it to its templates).
    """

    def to_representation(self, page):
        allowed = getattr(page, "media_allowed", lambda: {})()
        return fragments.kept(
            "api-body",
            page,
            self.context.get("request"),
            lambda: self._represented(page, allowed),
            extra=allowed,
        )

    def _represented(self, page, allowed):
        body = page.body
        items = body.stream_block.get_api_representation(body, self.context)
        items = [item for item in items if allowed.get(item["type"], True)]
        if allowed.get("photos", True):
            return items
        return [kept for kept in (without_photos(item) for item in items) if kept is not None]


def _photo(image: dict | None) -> bool:
    return image is not None and image.get("kind") != "illustration"


def without_photos(item: dict) -> dict | None:
    """A body block as the API shows it when the teller gave no photo permission: its photos
    taken out (illustrations stay), or None when it was a photo and nothing else."""
    value = item.get("value")
    if not isinstance(value, dict):
        return item
    value = dict(value)
    kind = item["type"]
    if kind == "figure" and _photo(value.get("image")):
        return None
    if kind == "image_comparison" and (_photo(value.get("before")) or _photo(value.get("after"))):
        return None
    if kind == "gallery":
        value["images"] = [each for each in value.get("images", []) if not _photo(each["image"])]
        if not value["images"]:
            return None
    elif kind == "backdrop" and _photo(value.get("image")):
        value["image"] = None
    elif kind == "scrolly_steps":
        value["steps"] = [
            {**step, "image": None} if _photo(step.get("image")) else step
            for step in value.get("steps", [])
        ]
    elif kind == "video" and _photo(value.get("poster")):
        value["poster"] = None
    return {**item, "value": value}


class HeroImageField(PageDataField):
    """The hero image with its renditions; in a detail answer kept as a body is."""

    def to_representation(self, page):
        return kept_in_detail(self, "api-hero", page, lambda: self._represented(page))

    def _represented(self, page):
        hero = getattr(page, "shown_hero_image", page.hero_image)
        if hero is None:
            return None
        return image_api(
            hero,
            page.hero_alt_text,
            page.hero_decorative,
            self.context.get("request"),
        )


class RelatedStoriesField(PageDataField):
    def to_representation(self, page):
        return kept_in_detail(self, "api-related", page, lambda: self._represented(page))

    def _represented(self, page):
        stories = linked_pages(page, self.context)["related"]
        shown.note(*stories)
        request = self.context.get("request")
        return [
            {
                **page_link(story, request),
                "pseudonym": story.pseudonym,
                "role": story.role,
                "quote": story.quote,
                "teaser": story.teaser,
            }
            for story in stories
        ]


class ReadingMinutesField(PageDataField):
    def to_representation(self, page):
        return page.reading_minutes()


class TableOfContentsField(PageDataField):
    def to_representation(self, page):
        return page.table_of_contents()


class ValueListField(PageDataField):
    """A list of labelled values: `[{"value": "...", "label": "..."}]` from a choices field."""

    def __init__(self, choices, attribute, **kwargs):
        self.choices, self.attribute = dict(choices), attribute
        super().__init__(**kwargs)

    def to_representation(self, page):
        values = getattr(page, self.attribute) or []
        with translation.override(page.locale.language_code):  # labels in the page's language
            return [{"value": v, "label": str(self.choices.get(v, v))} for v in values]


class ShownAddressField(serializers.CharField):
    """An address typed by staff (an organisation's website): empty when it leads to a page of
    this site that partners may not show (longread.rich_text.shown_address)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        from longread.rich_text import shown_address  # rich text loads pages: after models

        return shown_address(value or "")


class CountryNameField(PageDataField):
    """The organisation's country by name, in the organisation's language."""

    def to_representation(self, organisation):
        with translation.override(organisation.locale.language_code):
            return str(organisation.country_name)


def organisation_data(organisation) -> dict | None:
    if organisation is None:
        return None
    from stories.models.organisations import HelpKind  # that module builds on this one

    with translation.override(organisation.locale.language_code):
        labels = {kind: str(label) for kind, label in HelpKind.choices}
        country_name = str(organisation.country_name)
    return {
        "id": organisation.pk,
        "name": organisation.name,
        "description": organisation.description,
        "country": organisation.country,
        "country_name": country_name,
        "city": organisation.city,
        "help_kinds": [
            {"value": kind, "label": labels.get(kind, kind)}
            for kind in organisation.help_kinds or []
        ],
        "languages_spoken": organisation.languages_spoken,
        "website": ShownAddressField().to_representation(organisation.website),
        "phone": organisation.phone,
        "email": organisation.email,
    }


class OrganisationField(serializers.Field):
    """An organisation in full: partner front ends show it without another request."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, organisation):
        return organisation_data(organisation)


class DocumentField(serializers.Field):
    """A document attached to a live page: its title, URL and size (no library listing)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, document):
        if document is None:
            return None
        return {
            "title": document.title,
            "url": absolute_url(document.url, self.context.get("request")),
            "file_size": document.file_size,
        }


class RelatedProjectsField(PageDataField):
    def to_representation(self, page):
        return kept_in_detail(self, "api-projects", page, lambda: self._represented(page))

    def _represented(self, page):
        projects = list(
            consent.visible_pages(page.visible_related_projects(), consent.API).select_related(
                "locale"
            )
        )
        shown.note(*projects)
        request = self.context.get("request")
        return [{**page_link(project, request), "acronym": project.acronym} for project in projects]


class FeedUrlsField(PageDataField):
    def to_representation(self, page):
        request = self.context.get("request")
        urls = page.feed_urls()
        return {kind: absolute_url(url, request) for kind, url in urls.items()}


class ListedOrganisationsField(PageDataField):
    """The organisations a page lists (`page.organisations()`), in full."""

    def to_representation(self, page):
        return [organisation_data(organisation) for organisation in page.organisations()]


class LocaleCodeField(serializers.Field):
    """A locale as its language code ("nl"), as pages show theirs."""

    def __init__(self, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, locale):
        return locale.language_code
