"""Which change renews which generation (sitewide.caching.generations), for the chrome and the
page cache alike; and the erasure of kept answers quoting an erased story.

- A save or deletion of a page, site, locale, view restriction or language's settings renews the
  chrome's generation (`sitewide.caching.chrome`), as do a page's publication, unpublication and
  move.
- A save or deletion of anything readers may see renews the page cache's groups
  (`sitewide.caching.page_cache`): for a page, the languages of all its translations (their
  switchers and hreflang links name each other); for a translatable object, its language; for
  anything else, every language; always the shared group. Models readers never see
  (IGNORED_APPS, IGNORED_MODELS) and rows loaded as fixtures (`raw`) renew none of them.
  A publication, unpublication or move renews the languages of the page; a takedown and a batch
  of new renditions renew every language.
- After a renewal, the CDN is purged of the URLs the page cache kept under the old generations.
- Once an erasure has committed, every kept answer quoting the story is deleted
  (`sitewide.caching.page_cache_erasure`).

The reasons behind the groups are written in docs/performance.md ("Page cache").
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from longread.renditions import renditions_prepared
from sitewide.caching import chrome, generations, page_cache, page_cache_erasure
from stories.signals import stories_taken_down, story_erased

# Models whose rows readers never see: saving them renews nothing.
IGNORED_APPS = {
    "sessions",
    "axes",
    "otp_totp",
    "otp_static",
    "django_otp",
    "admin",
    "wagtailusers",
    "django_tasks_database",
}
IGNORED_MODELS = {
    "auth.user",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailadmin.editingsession",
    "wagtail_localize.string",
    "wagtail_localize.stringsegment",
    "wagtail_localize.stringtranslation",
    "wagtail_localize.translation",
    "wagtail_localize.translationsource",
    "wagtail_localize.translationlog",
    "wagtail_localize.templatesegment",
    "wagtail_localize.relatedobjectsegment",
    "wagtail_localize.overridablesegment",
    "wagtail_localize.segmentoverride",
    "wagtail_localize.template",
    "wagtail_localize.translationcontext",
    "sitewide.contentchange",
    "sitewide.webhookdelivery",
    "sitewide.previewtoken",
    "sitewide.partnerwebhook",
    # Renditions are announced in batches (longread.renditions.renditions_prepared).
    "longread.longreadrendition",
}


def _ignored(sender) -> bool:
    meta = getattr(sender, "_meta", None)
    if meta is None:
        return True
    return meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS


def _in_chrome(sender) -> bool:
    """Whether rows of `sender` are shown in the chrome (the site, its language trees and menus,
    the per-language settings and the pages they name)."""
    from sitewide.models import LanguageSettings

    # Page types send the signal with their own class as sender, not Page.
    return isinstance(sender, type) and issubclass(
        sender, Page | Site | Locale | PageViewRestriction | LanguageSettings
    )


def _languages_of_page(page) -> list[str]:
    """The languages in which the page has a translation: their switchers name each other."""
    if not page.translation_key:
        return [page.locale.language_code] if page.locale_id else []
    return list(
        Page.objects.filter(translation_key=page.translation_key).values_list(
            "locale__language_code", flat=True
        )
    )


def _languages_of(instance) -> list[str] | None:
    if isinstance(instance, Page):
        return _languages_of_page(instance)
    locale = getattr(instance, "locale", None) if hasattr(instance, "locale_id") else None
    if locale is not None:
        return [locale.language_code]
    return None  # images, documents, consent records...: every language


@receiver(post_save, dispatch_uid="sitewide-caching-saved")
@receiver(post_delete, dispatch_uid="sitewide-caching-deleted")
def _model_changed(sender, instance, raw=False, **kwargs):
    names = set()
    if _in_chrome(sender):
        names.add(chrome.GENERATION)
    if not (raw or _ignored(sender)):
        names |= page_cache.generation_names(_languages_of(instance))
    generations.renew(names)


@receiver(page_published, dispatch_uid="sitewide-caching-published")
@receiver(page_unpublished, dispatch_uid="sitewide-caching-unpublished")
@receiver(post_page_move, dispatch_uid="sitewide-caching-moved")
def _page_changed(sender, instance, **kwargs):
    generations.renew(
        {chrome.GENERATION} | page_cache.generation_names(_languages_of_page(instance))
    )


@receiver(stories_taken_down, dispatch_uid="sitewide-caching-takedown")
@receiver(renditions_prepared, dispatch_uid="sitewide-caching-renditions")
def _everything_shown_changed(sender, **kwargs):
    generations.renew(page_cache.generation_names(None))


@receiver(generations.renewed, dispatch_uid="sitewide-caching-cdn-purge")
def _purge_cdn(sender, old, **kwargs):
    page_cache.purge_urls_kept_under(old)


@receiver(story_erased, dispatch_uid="sitewide-caching-erasure")
def _story_erased(sender, texts, **kwargs):
    page_cache_erasure.delete_entries_quoting(texts)
