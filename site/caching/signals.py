"""Which change renews which generation (sitewide.caching.generations), for the chrome and the
page cache alike; and the erasure of kept answers quoting an erased story.

- A save or deletion of a page, site, locale, view restriction or language's settings renews the
  chrome's generation (`sitewide.caching.chrome`), as do a page's publication, unpublication and
  move.
- A save or deletion of anything readers may see renews the page cache's groups
  (`sitewide.caching.page_cache`). A page-level change (a page saved, published, unpublished,
  moved or deleted, or a row belonging to a page such as a related story) renews the group of the
  answers that show the page (`page_cache.page_generation_names`: every translation of it), the
  aggregates' and the shared group; and every language's group when it may change the chrome or
  an address (`_changes_chrome`; unpublications, moves and deletions always). Anything else
  renews, as before pages were kept apart: for a translatable object, its language; for anything
  else, every language; always the shared group. Models readers never see (IGNORED_APPS,
  IGNORED_MODELS) and rows loaded as fixtures (`raw`) renew none of them. A takedown and a batch
  of new renditions renew every language.
- Kept bodies (`sitewide.caching.fragments`) are renewed with the page's own group and the
  groups of the pages they show, and besides by two generations of their own: VISIBILITY, when
  a page may appear, disappear or move (`_changes_visibility`; unpublications, moves, deletions,
  takedowns), and a language's OBJECTS, when anything else readers may see is saved (as the
  languages' groups are, above), a batch of renditions is made or a story is erased.
- After a renewal, the CDN is purged of the URLs the page cache kept under the old generations.
- Once an erasure has committed, every kept answer quoting the story is deleted
  (`sitewide.caching.page_cache_erasure`).

The reasons behind the groups are written in docs/performance.md ("Page cache").
"""

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from modelcluster.fields import ParentalKey
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from longread.renditions import renditions_prepared
from sitewide.caching import chrome, fragments, generations, page_cache, page_cache_erasure
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
    # Readers' counts, the teller's link and messages, the consent ledger, translators' notes:
    # staff and the teller see them, on pages never kept. The reach counter's rows are made
    # while readers read (a page's first count of a day): renewing here emptied the page cache.
    "stories.reachcounter",
    "stories.tellerlink",
    "stories.tellermessage",
    "stories.consentledgerentry",
    "sitewide.segmentreview",
    "sitewide.translationnotice",
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


def _languages_of(instance) -> list[str] | None:
    locale = getattr(instance, "locale", None) if hasattr(instance, "locale_id") else None
    if locale is not None:
        return [locale.language_code]
    return None  # images, documents, consent records...: every language


# What the chrome shows of a page (menus, language homes, the safety and privacy pages'
# addresses, addresses typed as links) and what decides whether readers see it at all (its
# publication, its language, a testimony's consent record): a change of any of these renews every
# language, as a consent change does.
CHROME_FIELDS = ("live", "slug", "url_path", "path", "depth", "locale_id", "show_in_menus")
VISIBILITY_FIELDS = ("consent_id",)  # where the page type has them
# Pages this deep or less are the site's root, language homes and the pages directly under
# them: the ones menus may name by their titles.
MENU_DEPTH = 3


def _compared_fields(sender) -> tuple[str, ...]:
    present = {field.attname for field in sender._meta.concrete_fields}
    return ("title", *CHROME_FIELDS, *(name for name in VISIBILITY_FIELDS if name in present))


@receiver(pre_save, dispatch_uid="sitewide-caching-page-before")
def _page_before(sender, instance, raw=False, **kwargs):
    """Notes the page's row as it was, for `_changes_chrome`."""
    if raw or instance.pk is None or not _is_page_type(sender):
        return
    instance._page_cache_before = (
        sender._base_manager.filter(pk=instance.pk).values(*_compared_fields(sender)).first()
    )


def _is_page_type(sender) -> bool:
    return isinstance(sender, type) and issubclass(sender, Page)


def _changes_chrome(page, created: bool, before) -> bool:
    """Whether saving `page` changed what the chrome, any page's typed link, or the consent rule
    may show: new pages, a change of address, tree, language, publication, menu or consent
    record, and a title change of a page a menu may name. Conservative: unknown means yes."""
    if created or before is None:
        return True
    if any(before[name] != getattr(page, name) for name in before if name != "title"):
        return True
    named = page.show_in_menus or page.depth <= MENU_DEPTH
    return before["title"] != page.title and named


# What decides whether readers see a page at all, and where: kept bodies show links and cards
# only for such pages (sitewide.caching.fragments.VISIBILITY).
VISIBILITY_CHANGING_FIELDS = ("live", "slug", "url_path", "path", "locale_id", *VISIBILITY_FIELDS)


def _changes_visibility(page, created: bool, before) -> bool:
    """Whether saving `page` may show or hide it, or move it: a page made live, a change of
    publication, address, tree, language or consent record. A new draft shows nowhere."""
    if created:
        return bool(page.live)
    if before is None:
        return True
    return any(
        before[name] != getattr(page, name) for name in VISIBILITY_CHANGING_FIELDS if name in before
    )


def _parental_key(sender):
    """The key by which rows of `sender` belong to a page (an orderable of a page: a related
    story...), or None."""
    for field in sender._meta.concrete_fields:
        if isinstance(field, ParentalKey) and _is_page_type(field.related_model):
            return field
    return None


def _page_level(page, chrome_changed: bool) -> set[str]:
    """What a page-level change renews: the answers showing the page (any translation), the
    aggregates and the shared group; every language when the chrome changed."""
    names = page_cache.page_generation_names([page.translation_key])
    if chrome_changed:
        names |= page_cache.generation_names(None)
    return names


def _shown_changed(sender, instance, signal, created: bool) -> set[str]:
    """The page-cache and kept bodies' generations a save or deletion renews."""
    if _is_page_type(sender):
        before = instance.__dict__.pop("_page_cache_before", None)
        deleted = signal is post_delete
        names = _page_level(instance, deleted or _changes_chrome(instance, created, before))
        if deleted or _changes_visibility(instance, created, before):
            names.add(fragments.VISIBILITY)
        return names
    key = _parental_key(sender)
    if key is not None:
        page_id = getattr(instance, key.attname)
        parent = Page.objects.filter(pk=page_id).only("translation_key").first()
        if parent is not None:  # else (deleted with its page) as anything else
            return _page_level(parent, False)
    languages = _languages_of(instance)
    return page_cache.generation_names(languages) | fragments.object_names(languages)


@receiver(post_save, dispatch_uid="sitewide-caching-saved")
@receiver(post_delete, dispatch_uid="sitewide-caching-deleted")
def _model_changed(sender, instance, signal, raw=False, created=False, **kwargs):
    names = set()
    if _in_chrome(sender):
        names.add(chrome.GENERATION)
    if not (raw or _ignored(sender)):
        names |= _shown_changed(sender, instance, signal, created)
    generations.renew(names)


@receiver(page_published, dispatch_uid="sitewide-caching-published")
def _page_published(sender, instance, **kwargs):
    # Its save decided whether the chrome changed (`_changes_chrome`).
    generations.renew({chrome.GENERATION} | _page_level(instance, False))


@receiver(page_unpublished, dispatch_uid="sitewide-caching-unpublished")
@receiver(post_page_move, dispatch_uid="sitewide-caching-moved")
def _page_changed(sender, instance, **kwargs):
    generations.renew({chrome.GENERATION, fragments.VISIBILITY} | _page_level(instance, True))


@receiver(stories_taken_down, dispatch_uid="sitewide-caching-takedown")
@receiver(renditions_prepared, dispatch_uid="sitewide-caching-renditions")
def _everything_shown_changed(sender, **kwargs):
    generations.renew(page_cache.generation_names(None) | fragments.every_name())


@receiver(generations.renewed, dispatch_uid="sitewide-caching-cdn-purge")
def _purge_cdn(sender, old, **kwargs):
    page_cache.purge_urls_kept_under(old)


@receiver(story_erased, dispatch_uid="sitewide-caching-erasure")
def _story_erased(sender, texts, **kwargs):
    page_cache_erasure.delete_entries_quoting(texts)
    generations.renew(fragments.every_name())  # no kept body quotes the story
