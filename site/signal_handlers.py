"""Site-wide rules that hook into Wagtail's and wagtail-localize's signals."""

from django.dispatch import receiver
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.models import Page
from wagtail.signals import copy_for_translation_done


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
