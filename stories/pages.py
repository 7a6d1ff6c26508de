"""The abstract base of every public page type.

wagtail-localize 1.14 does not support Wagtail 8's custom base page model setting, so shared
behaviour lives in this abstract class instead.
"""

import math
import re
from functools import cached_property

from django.utils.html import strip_tags
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from longread.blocks import chapters
from stories import consent

# Words a reader reads in a minute, per language; long compound words read slower.
READING_SPEED = {"nl": 200, "de": 180, "en": 230, "ar": 180}
DEFAULT_READING_SPEED = 200
WORD = re.compile(r"\w+", re.UNICODE)


def page_translation_fields(translated=(), synchronised=()):
    """wagtail-localize's field list of a page type: Wagtail's own page texts, the type's texts,
    and fields copied from the source that translators may not override."""
    return [
        TranslatableField(name)
        for name in ("title", "slug", "seo_title", "search_description", *translated)
    ] + [SynchronizedField(name, overridable=False) for name in synchronised]


def same_pages_in_language(model, pages, locale_id, channel=consent.WEBSITE):
    """The visible translations, in one language, of pages linked on the source page: links
    (related stories, related projects) are chosen once and follow the reader's language."""
    return consent.visible_pages(
        model.objects.filter(
            translation_key__in=pages.values("translation_key"), locale_id=locale_id
        ),
        channel,
    )


class LongreadPage(Page):
    class Meta:
        abstract = True

    def reading_text(self) -> str:
        """The page's running text, as a reader would read it."""
        parts = [self.title, getattr(self, "intro", "") or ""]
        body = getattr(self, "body", None)
        if body is not None:
            parts.append(strip_tags(body.render_as_block()))
        return "\n".join(part for part in parts if part)

    def reading_minutes(self) -> int:
        words = len(WORD.findall(self.reading_text()))
        speed = READING_SPEED.get(self.locale.language_code, DEFAULT_READING_SPEED)
        return max(1, math.ceil(words / speed))

    def table_of_contents(self) -> list[dict]:
        body = getattr(self, "body", None)
        return chapters(body) if body is not None else []

    @cached_property  # asked by the page head and the share block: one query per request
    def allows_sharing(self) -> bool:
        """Share links and social previews: only where the consent's social scope allows."""
        return consent.page_is_visible(self, consent.SOCIAL)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # Staff preview shows why readers would not see this page.
            context["consent_problem"] = consent.consent_problem(self)
        return context
