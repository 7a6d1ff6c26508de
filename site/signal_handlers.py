"""Site-wide rules that hook into Wagtail's and wagtail-localize's signals."""

from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done
from wagtail.whitelist import check_url
from wagtail_localize.models import SegmentOverride


@receiver(copy_for_translation_done)
def keep_untranslated_copies_offline(sender, source_obj, target_obj, **kwargs):
    """A translation never goes live by itself.

    When a page is submitted for translation, wagtail-localize creates its missing parent pages
    in the target language as live aliases of the Dutch pages, so /ro/ would show Dutch text.
    Such copies become ordinary drafts, offline until a person translates and publishes them.
    """
    if not isinstance(target_obj, Page):
        return
    page = target_obj
    if page.alias_of_id is not None:
        ConvertAliasPageAction(page).execute(skip_permission_checks=True)
        page = Page.objects.get(pk=page.pk)
    if page.live:
        UnpublishPageAction(page.specific, log_action=True).execute(skip_permission_checks=True)


# Shown to translators; a web, e-mail or phone address is what the editor itself accepts.
SCRIPT_ADDRESS = _("This address could run a script; give a web, e-mail or phone address.")


@receiver(post_save, sender=SegmentOverride)
def refuse_script_addresses(sender, instance, raw=False, **kwargs):
    """A translator's override of a link or video address may not be a script URL.

    wagtail-localize lets translators replace, per language, a link's address in rich text or a
    URL block's value, and stores what they type without the checks the page editor makes
    (Wagtail drops `javascript:` links in rich text). An override with an error is left out when
    the translation is published, and the translation editor shows the error on the field.
    """
    if raw:
        return
    value = instance.data
    unsafe = isinstance(value, str) and check_url(value) is None
    if unsafe:
        instance.has_error, instance.field_error = True, str(SCRIPT_ADDRESS)
    elif instance.has_error and instance.field_error in _script_address_texts():
        instance.has_error, instance.field_error = False, ""  # corrected
    else:
        return
    SegmentOverride.objects.filter(pk=instance.pk).update(
        has_error=instance.has_error, field_error=instance.field_error
    )


def _script_address_texts() -> set[str]:
    texts = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            texts.add(str(SCRIPT_ADDRESS))
    return texts
