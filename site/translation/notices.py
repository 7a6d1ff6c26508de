"""Translators hear when a Dutch page changes after their translation of it.

When a Dutch page is published again and that makes translations out of date (`staleness`),
each translator of an affected language gets one e-mail and a notice on the translations
dashboard, once per change: until the translation is synced, later publications add nothing.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.translation import gettext as _
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published
from wagtail.users.models import UserProfile

from sitewide.staff.translators import translator_group_name
from sitewide.translation.models import TranslationNotice
from sitewide.translation.staleness import out_of_date_translations

logger = logging.getLogger(__name__)


@receiver(page_published)
def notify_translators_after_commit(sender, instance, **kwargs):
    page = instance
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return
    if page.first_published_at is None or page.first_published_at == page.last_published_at:
        return  # the first publication: nothing was translated from a published page yet
    page_id = page.pk
    transaction.on_commit(lambda: notify_translators_task.enqueue(page_id))


@task()
def notify_translators_task(page_id: int) -> int:
    """The task queue's side of a publication: notices and e-mails, never in the request."""
    return len(notify_translators(page_id))


def notify_translators(page_id: int) -> list[TranslationNotice]:
    """Notices (and e-mails) for the translations this page's latest publication outdated."""
    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return []
    outdated = (
        out_of_date_translations()
        .filter(source__object_id=page.translation_key, source__locale_id=page.locale_id)
        .select_related("source", "target_locale")
    )
    notices = []
    for translation in outdated:
        locale = translation.target_locale
        already_told = TranslationNotice.objects.filter(
            page=page, locale=locale, created_at__gt=translation.source.last_updated_at
        ).exists()
        if already_told:
            continue
        translators = (
            get_user_model()
            .objects.filter(
                is_active=True, groups__name=translator_group_name(locale.language_code)
            )
            .distinct()
        )
        for user in translators:
            notices.append(
                TranslationNotice.objects.create(recipient=user, page=page, locale=locale)
            )
    _send_mails(notices)
    return notices


def _send_mails(notices: list[TranslationNotice]) -> None:
    mails = []
    dashboard = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("sitewide_translation_status")
    for notice in notices:
        user = notice.recipient
        if not user.email:
            continue
        with django_translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            language = notice.locale.get_display_name()
            subject = _("Translation out of date: %(title)s") % {"title": notice.page.title}
            body = _(
                "The Dutch page “%(title)s” was published again after it was last synced for "
                "translation. Its %(language)s translation is out of date until someone syncs "
                "it and translates what changed.\n\nTranslation status: %(url)s\n"
            ) % {"title": notice.page.title, "language": language, "url": dashboard}
        mails.append(EmailMessage(subject, body, to=[user.email]))
    if not mails:
        return
    try:
        get_connection().send_messages(mails)
    except OSError:
        # The notices are stored; a mail server that is down must not undo a publication.
        logger.exception("Could not send %d translation notice e-mails", len(mails))
