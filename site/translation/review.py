"""Review of machine-translated segments: they wait for a person before the translation is done.

A segment needs review while its StringTranslation is a machine translation that nobody has
confirmed (`SegmentReview`). A person's edit in the translation editor stores the segment as a
manual translation, so it counts as confirmed.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from sitewide.translation.memory import untranslated_segments
from sitewide.translation.models import SegmentReview
from stories.publishing import register_publish_check


def unconfirmed_machine_translations(translation: Translation) -> QuerySet:
    """The machine-translated segments of this translation's current source nobody confirmed."""
    in_source = StringSegment.objects.filter(
        source_id=translation.source_id,
        string_id=OuterRef("translation_of_id"),
        context_id=OuterRef("context_id"),
    )
    return StringTranslation.objects.filter(
        Exists(in_source),
        locale_id=translation.target_locale_id,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        review__isnull=True,
    )


def confirm(translation: Translation, user, string_translation_ids=None) -> int:
    """Confirm the given segments of this translation (or all that wait); returns how many."""
    waiting = unconfirmed_machine_translations(translation)
    if string_translation_ids is not None:
        waiting = waiting.filter(pk__in=string_translation_ids)
    now = timezone.now()
    reviews = [
        SegmentReview(string_translation_id=pk, confirmed_by=user, confirmed_at=now)
        for pk in waiting.values_list("pk", flat=True)
    ]
    SegmentReview.objects.bulk_create(reviews, ignore_conflicts=True)
    return len(reviews)


def field_label(model, path: str) -> str:
    """A segment's field as the editor names it ("Inleiding"), not its path ("intro")."""
    name = path.split(".", 1)[0]
    try:
        label = str(model._meta.get_field(name).verbose_name)
    except (AttributeError, FieldDoesNotExist):
        return path
    return label[:1].upper() + label[1:]


def waiting_for_review(translation: Translation) -> list[dict]:
    """What the review page shows: each waiting segment with its source text, in page order."""
    segments = {
        (segment.string_id, segment.context_id): segment
        for segment in StringSegment.objects.filter(source_id=translation.source_id)
        .select_related("string", "context")
        .order_by("order")
    }
    model = translation.source.specific_content_type.model_class()
    rows = []
    for string_translation in unconfirmed_machine_translations(translation):
        segment = segments.get(
            (string_translation.translation_of_id, string_translation.context_id)
        )
        if segment is None:
            continue
        rows.append(
            {
                "id": string_translation.pk,
                "order": segment.order,
                "field": field_label(model, segment.context.path),
                "source": segment.string.data,
                "machine": string_translation.data,
                "tool": string_translation.tool_name,
            }
        )
    return sorted(rows, key=lambda row: row["order"])


def translation_of_page(page) -> Translation | None:
    """The wagtail-localize translation whose target is this page, if it is one."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source")
        .first()
    )


def review_problem(translation: Translation) -> str | None:
    """Why this translation may not be published yet: a suggestion nobody confirmed, or a
    segment nobody translated (wagtail-localize would publish the Dutch text in its place)."""
    waiting = unconfirmed_machine_translations(translation).count()
    if not waiting:
        return untranslated_problem(translation)
    return _(
        "This translation cannot be published yet: %(count)d suggested segment(s) (by a "
        "machine or from an earlier translation) need a person's review. Confirm or correct "
        "them first."
    ) % {"count": waiting}


def untranslated_problem(translation: Translation) -> str | None:
    missing = untranslated_segments(translation).count()
    if not missing:
        return None
    return ngettext(
        "This translation cannot be published yet: %(count)d segment is not translated, and "
        "readers of the %(language)s page would read it in Dutch. Translate it first.",
        "This translation cannot be published yet: %(count)d segments are not translated, and "
        "readers of the %(language)s page would read them in Dutch. Translate them first.",
        missing,
    ) % {"count": missing, "language": translation.target_locale.get_display_name()}


@register_publish_check
def machine_translations_reviewed(page, revision, user) -> str | None:
    """Every publish path (scheduled, workflows, direct calls too) waits for the review."""
    translation = translation_of_page(page)
    return review_problem(translation) if translation is not None else None
