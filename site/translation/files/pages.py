"""Which page translations have files, which a person may work on, and how a file names its page."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext as _
from wagtail.models import Page, get_page_models
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from sitewide.staff.translators import may_edit_translation
from sitewide.translation.staleness import out_of_date_translations


def page_translations():
    """Enabled translations of pages (not snippets)."""
    page_types = ContentType.objects.get_for_models(*get_page_models()).values()
    return Translation.objects.filter(
        enabled=True, source__specific_content_type__in=list(page_types)
    ).select_related("source", "source__locale", "target_locale")


def target_page(translation: Translation) -> Page | None:
    model = translation.source.specific_content_type.model_class()
    if model is None or not issubclass(model, Page):
        return None
    return (
        Page.objects.filter(
            translation_key=translation.source.object_id, locale=translation.target_locale
        )
        .specific()
        .first()
    )


def user_can_edit(user, translation: Translation) -> bool:
    page = target_page(translation)
    return page is not None and may_edit_translation(user, page)


def with_untranslated_segments(translations):
    """Translations whose snapshot has a string segment without a (valid) translation."""
    untranslated = StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(
        Exists(
            StringTranslation.objects.filter(
                translation_of_id=OuterRef("string_id"),
                context_id=OuterRef("context_id"),
                locale_id=OuterRef(OuterRef("target_locale_id")),
                has_error=False,
            )
        )
    )
    return translations.filter(Exists(untranslated))


def pages_to_translate(locale, user) -> list[Translation]:
    """The page translations of `locale` that `user` may edit and that need work: out of date
    (the staleness rule), or with untranslated segments, which is what an out-of-date
    translation becomes once its snapshot is refreshed (here, or by a sync for any language:
    the snapshot is shared by all languages)."""
    stale = out_of_date_translations(locale).values("pk")
    incomplete = with_untranslated_segments(page_translations().filter(target_locale=locale))
    return list(
        page_translations()
        .filter(
            Q(pk__in=stale) | Q(pk__in=incomplete.values("pk")),
            target_locale=locale,
            source__object_id__in=editable_pages(user, locale).values("translation_key"),
        )
        .order_by("source__object_repr", "pk")
    )


def editable_pages(user, locale):
    """The pages of `locale` that `user` may edit (Wagtail's page permissions)."""
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(locale=locale, depth__gt=1)
    )


def may_work_on_language(user, locale) -> bool:
    return editable_pages(user, locale).exists()


def may_work_on_any_translation(user) -> bool:
    """One query, for the admin menu shown on every admin page."""
    return (
        PagePermissionPolicy()
        .instances_user_has_permission_for(user, "change")
        .filter(
            depth__gt=1, locale__language_code__in=[code for code, _name in settings.LANGUAGES[1:]]
        )
        .exists()
    )


def refresh_if_out_of_date(translation: Translation) -> bool:
    """Take a new snapshot of the source page if it was published since the last one (as
    wagtail-localize's sync does, without publishing anything): the file then holds the new
    segments. Translations already made are kept; segments that left the page keep theirs."""
    if not out_of_date_translations().filter(pk=translation.pk).exists():
        return False
    translation.source.update_from_db()
    return True


def segments(translation: Translation):
    return (
        StringSegment.objects.filter(source=translation.source)
        .order_by("order")
        .select_related("context", "string")
        .annotate_translation(translation.target_locale, include_errors=True)
    )


def page_label(translation: Translation) -> str:
    page = target_page(translation)
    page_id = page.pk if page else "?"
    return _("%(title)s (page %(id)s)") % {
        "title": translation.source.object_repr,
        "id": page_id,
    }
