"""Translation memory: when the Dutch text of a segment changes, its earlier translation is
offered as a suggestion, from this site's own earlier translations.

wagtail-localize keys a translation by the Dutch text it translates and the field it belongs to
(its context: the title, a block of the body). After the Dutch page changes and its translation
is updated, a changed segment has new Dutch text and so no translation; the translation of the
same field's earlier text is still stored. `suggest_earlier_translations` copies it onto the new
text, marked as a suggestion: like a machine translation it waits for a person (review.py)
before the page can be published, and the translation editor says where it came from.
"""

import re

from django.conf import settings
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import translation as django_translation
from django.utils.translation import gettext as _
from wagtail_localize.models import StringSegment, StringTranslation, Translation

# Inline elements in a segment (links, bold): a suggestion must keep the same ones.
PLACEHOLDER = re.compile(r"<(\w+) id=\"([^\"]+)\"")


def _placeholders(text: str) -> list[tuple[str, str]]:
    return sorted(PLACEHOLDER.findall(text))


def _tool_names() -> set[str]:
    """How a suggestion names its source, in each admin language (stored in the language of
    whoever opened the editor; wagtail-localize shows it as "Translated with …")."""
    names = set()
    for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
        with django_translation.override(code):
            names.add(_("an earlier translation"))
    return names


def earlier_suggestions(string_translations: QuerySet) -> QuerySet:
    """The suggestions from earlier translations among these segment translations."""
    return string_translations.filter(
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE, tool_name__in=_tool_names()
    )


def untranslated_segments(translation: Translation):
    """The segments of the translation's current source with no translation in its language."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=translation.target_locale_id,
    )
    return (
        StringSegment.objects.filter(source_id=translation.source_id)
        .exclude(Exists(translated))
        .select_related("string")
    )


def suggest_earlier_translations(translation: Translation) -> int:
    """Fill each untranslated segment with the latest earlier translation of the same field, as a
    suggestion waiting for review. Returns how many segments got one."""
    segments = list(untranslated_segments(translation))
    if not segments:
        return 0
    earlier = {}
    for string_translation in StringTranslation.objects.filter(
        locale_id=translation.target_locale_id,
        context_id__in={segment.context_id for segment in segments},
    ).order_by("updated_at"):
        earlier[string_translation.context_id] = string_translation  # the latest wins
    tool = _("an earlier translation")
    suggestions = []
    for segment in segments:
        previous = earlier.get(segment.context_id)
        if previous is None or previous.translation_of_id == segment.string_id:
            continue
        if _placeholders(previous.data) != _placeholders(segment.string.data):
            continue  # its links or emphasis changed: a suggestion would not fit the new text
        suggestions.append(
            StringTranslation(
                translation_of_id=segment.string_id,
                locale_id=translation.target_locale_id,
                context_id=segment.context_id,
                data=previous.data,
                translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                tool_name=tool,
            )
        )
    StringTranslation.objects.bulk_create(suggestions, ignore_conflicts=True)
    return len(suggestions)
