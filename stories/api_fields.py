"""What the headless API shows of story pages: fields that need the page, not one column.

The API is a consent channel of its own: linked pages (translations, related stories) are
filtered with `consent.API`, so a partner never learns of a page it may not show.
"""

from django.urls import NoReverseMatch, reverse
from django.utils import translation
from rest_framework import serializers

from longread.blocks import image_api
from stories import consent


def api_detail_url(page) -> str | None:
    try:
        return reverse("wagtailapi:pages:detail", args=(page.pk,))
    except NoReverseMatch:  # the API is not wired (the stories app on its own)
        return None


def page_link(page, request=None) -> dict:
    """A linked page as a partner needs it: enough to render a link and to fetch it."""
    detail_url = api_detail_url(page)
    if detail_url and request is not None:
        detail_url = request.build_absolute_uri(detail_url)
    return {
        "id": page.pk,
        "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
        "title": page.title,
        "locale": page.locale.language_code,
        "html_url": page.full_url,
        "detail_url": detail_url,
    }


class PageDataField(serializers.Field):
    """A read-only field computed from the whole page (`source="*"`)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("source", "*")
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)


class TranslationsField(PageDataField):
    """The page's live translations that the API channel may show, with their URLs."""

    def to_representation(self, page):
        # Not .specific(): a link needs the title, locale and URL, all on the base page.
        translations = consent.visible_pages(page.get_translations(), consent.API).select_related(
            "locale"
        )
        request = self.context.get("request")
        return [page_link(other, request) for other in translations.order_by("locale_id")]


class BodyField(PageDataField):
    """The StreamField body as structured JSON: each block its type, id and values.

    Blocks the HTML page would hide are left out here too: audio or video the teller's consent
    does not allow (`media_allowed`, as the page hands it to its templates).
    """

    def to_representation(self, page):
        body = page.body
        allowed = getattr(page, "media_allowed", lambda: {})()
        items = body.stream_block.get_api_representation(body, self.context)
        return [item for item in items if allowed.get(item["type"], True)]


class HeroImageField(PageDataField):
    def to_representation(self, page):
        if page.hero_image_id is None:
            return None
        return image_api(page.hero_image, page.hero_alt_text, page.hero_decorative)


class RelatedStoriesField(PageDataField):
    def to_representation(self, page):
        stories = consent.visible_pages(page.visible_related_stories(), consent.API).select_related(
            "locale"
        )
        request = self.context.get("request")
        return [
            {**page_link(story, request), "pseudonym": story.pseudonym, "quote": story.quote}
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


def organisation_data(organisation) -> dict | None:
    if organisation is None:
        return None
    from stories.organisations import HelpKind  # the organisations module builds on this one

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
        "website": organisation.website,
        "phone": organisation.phone,
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
        return {"title": document.title, "url": document.url, "file_size": document.file_size}


class RelatedProjectsField(PageDataField):
    def to_representation(self, page):
        projects = consent.visible_pages(page.visible_related_projects(), consent.API)
        request = self.context.get("request")
        return [
            {**page_link(project, request), "acronym": project.acronym}
            for project in projects.select_related("locale")
        ]


class FeedUrlsField(PageDataField):
    def to_representation(self, page):
        request = self.context.get("request")
        urls = page.feed_urls()
        return {
            kind: request.build_absolute_uri(url) if request else url for kind, url in urls.items()
        }


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
