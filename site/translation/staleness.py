"""When a translation is out of date: the one rule, used by the dashboard, notices and files.

wagtail-localize translates a snapshot of the source page (`TranslationSource`), refreshed only
when someone submits or syncs the page. A translation is out of date when its Dutch source has
been published since that snapshot was taken: the translated page then lacks what changed.
"""

from django.db.models import BooleanField, Case, F, OuterRef, QuerySet, Subquery, Value, When
from wagtail.models import Page
from wagtail_localize.models import Translation


def _source_published_at():
    return Subquery(
        Page.objects.filter(
            translation_key=OuterRef("source__object_id"),
            locale_id=OuterRef("source__locale_id"),
        ).values("last_published_at")[:1]
    )


def with_source_published_at(translations: QuerySet) -> QuerySet:
    return translations.annotate(source_published_at=_source_published_at())


def with_out_of_date(translations: QuerySet) -> QuerySet:
    """Annotate `out_of_date` (the rule below) on any queryset of translations, in its query."""
    return with_source_published_at(translations).annotate(
        out_of_date=Case(
            When(
                enabled=True,
                source__specific_content_type__isnull=False,
                source_published_at__gt=F("source__last_updated_at"),
                then=Value(True),
            ),
            default=Value(False),
            output_field=BooleanField(),
        )
    )


def out_of_date_translations(locale=None) -> QuerySet:
    """Enabled page translations whose source was published after their snapshot."""
    translations = with_out_of_date(Translation.objects.all()).filter(out_of_date=True)
    if locale is not None:
        translations = translations.filter(target_locale=locale)
    return translations


def is_out_of_date(translation: Translation) -> bool:
    return out_of_date_translations().filter(pk=translation.pk).exists()
