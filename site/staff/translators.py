"""The one translators' rule: in which languages a translator works, and what they may do there.

A translator is a member of "Translators (xx)" groups (made by `sitewide.staff.roles`). They edit
translations in their languages (pages through Wagtail's page permissions on that language's
tree, translatable records through the language scope of `LanguageScopedPermissionPolicy`),
start translations into them and hand them over for review. They never publish (a moderator,
who may publish, reviews), and never take pages away: no delete, move, unpublish, sync, stop
syncing, or turning a translation into an alias.

Everything that asks (the admin hooks of `sitewide.staff.role_hooks`, the translation workflow
in `sitewide.translation`: hand-off, dashboard, review, files, machine translation, the
editor's hooks; the page permission limit registered in `stories.publishing`) asks here. What
they see of it in the editor's action menu is decided here too, at the end of this module.
"""

import re

from django.conf import settings
from wagtail import hooks
from wagtail.models import GroupPagePermission, Page
from wagtail.permissions import policy_registry

GROUP_NAME = re.compile(r"^Translators \((?P<code>[a-z-]+)\)$")

# What only people who are more than translators do with pages.
TAKING_PAGES_AWAY = ("delete", "move", "unpublish")


# --- Who is a translator, in which languages ------------------------------------------------------


def translator_group_name(language_code: str) -> str:
    return f"Translators ({language_code})"


def translator_group_language(group_name: str) -> str | None:
    match = GROUP_NAME.match(group_name)
    return match["code"] if match else None


def translator_languages(user) -> set[str]:
    """The languages of the translators' groups `user` is in."""
    if not user.is_authenticated:
        return set()
    cache = user.__dict__
    if "_translator_languages" not in cache:
        cache["_translator_languages"] = {
            code
            for code in (translator_group_language(name) for name in _group_names(user))
            if code
        }
    return cache["_translator_languages"]


def _group_names(user) -> list[str]:
    cache = user.__dict__
    if "_group_names" not in cache:
        cache["_group_names"] = list(user.groups.values_list("name", flat=True))
    return cache["_group_names"]


def is_translator_only(user) -> bool:
    """A member of translators' groups and of no other group (not a superuser): they translate,
    they do not delete, move, unpublish, sync or turn pages into aliases."""
    if not user.is_authenticated or user.is_superuser:
        return False
    names = _group_names(user)
    return bool(names) and all(translator_group_language(name) for name in names)


def languages_shown(user) -> list[tuple[str, str]]:
    """The translated languages (code, name) `user` works on: a translator their own, others
    every language after the source."""
    targets = list(settings.LANGUAGES[1:])
    if user.is_superuser:
        return targets
    own = [(code, name) for code, name in targets if code in translator_languages(user)]
    return own or targets


def may_start_translation(user, language_code: str) -> bool:
    """Whether `user` may start the translation of a source page into this language."""
    return user.is_superuser or language_code in translator_languages(user)


# --- What they may edit, hand over and publish --------------------------------------------------


def may_edit_record(user, instance, action: str = "change") -> bool:
    """Whether the language scope lets `user` do `action` on this (non-page) record."""
    policy = policy_registry.get_by_type(type(instance))
    return policy.user_has_permission_for_instance(user, action, instance)


def may_edit_translated_type(user, instance) -> bool:
    """wagtail-localize's own question, and all it asks: a page by Wagtail's page permissions,
    a record by its model's "change" permission alone, whatever the record's language."""
    from wagtail_localize.views.edit_translation import user_can_edit_instance

    return user_can_edit_instance(user, instance)


def may_edit_translation(user, instance) -> bool:
    """Whether `user` may edit this translated page or record (its segments, its files, its
    machine translation): a page by Wagtail's page permissions, which hold the language of the
    translators' tree; a record by its model permission and the translators' language scope."""
    if not may_edit_translated_type(user, instance):
        return False
    return isinstance(instance, Page) or may_edit_record(user, instance, "change")


def may_hand_over(user, page) -> bool:
    """Whether `user` may say this translation is ready for review: a translation (not the
    source page) they may edit."""
    return (
        page.locale.language_code != settings.LANGUAGE_CODE
        and page.permissions_for_user(user).can_edit()
    )


def may_review(user, page) -> bool:
    """Whether `user` may publish this translation, or send it back: never a translator."""
    return page.permissions_for_user(user).can_publish()


def is_moderator(user) -> bool:
    """May publish pages somewhere: reviews translations."""
    if user.is_superuser:
        return True
    return GroupPagePermission.objects.filter(
        group__user=user, permission__codename="publish_page"
    ).exists()


# --- What they never do -------------------------------------------------------------------------


def may_take_pages_away(user) -> bool:
    """Delete, move or unpublish pages: not translators."""
    return not is_translator_only(user)


def translators_do_not_take_pages_away(user, page, action: str) -> bool:
    """The page action limit (`stories.publishing.register_page_action_limit`)."""
    return action in TAKING_PAGES_AWAY and not may_take_pages_away(user)


def may_sync(user) -> bool:
    """Sync translations with the source page, stop syncing them or restart them: not
    translators (a sync replaces the source text they translate)."""
    return not is_translator_only(user)


def may_convert_to_alias(user, page=None) -> bool:
    """Turn this translation (a page, or one not found) back into an alias of the source page:
    never a testimony's (the Dutch text would be shown under another language), and never by a
    translator (their work would be replaced by the Dutch text)."""
    from stories.models import TestimonyPage

    if page is not None and page.specific_class is TestimonyPage:
        return False
    return not is_translator_only(user)


# --- What they see of it in the editor --------------------------------------------------------


def hidden_page_actions(user, page) -> set[str]:
    """The editor's action-menu items (by Wagtail's and wagtail-localize's names) `user` does not
    see on `page`: those of what they never do."""
    hide = (
        {"localize-convert-to-alias"}
        if page is not None and not may_convert_to_alias(user, page)
        else set()
    )
    if not may_take_pages_away(user):
        hide |= {"action-unpublish", "action-delete"}
    if not may_sync(user):
        hide |= {"localize-restart-translation"}
    return hide


@hooks.register("construct_page_action_menu")
def hide_what_translators_may_not_do(menu_items, request, context):
    hide = hidden_page_actions(request.user, context.get("page"))
    if hide:
        menu_items[:] = [item for item in menu_items if item.name not in hide]
