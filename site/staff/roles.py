"""Staff roles made by the site: one translators' group per translated language.

"Translators (en)" may edit the pages of the English tree and the English records of the
translatable snippets (language settings, organisations), and nothing else: no Dutch source page,
no other language, no publishing (a page goes live only through a publisher or moderator, who
reviews it), no consent records.

Wagtail's snippet permissions are per model, so the language limit on snippets is a permission
policy (`LanguageScopedPermissionPolicy`) registered for every translatable model, and enforced on
the views that do not ask it per record (`sitewide.staff.role_hooks`). Which languages a
translator works in and what they may do there is decided in `sitewide.staff.translators`.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from sitewide.staff.translators import (
    translator_group_language,
    translator_group_name,
    translators_do_not_take_pages_away,
)


def translatable_snippet_models() -> list[type]:
    """Every translatable model that is not a page: the snippets kept per language."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]


def _permission(model, action: str) -> Permission:
    # Django creates model permissions after migrating each app (post_migrate); make sure the
    # ones a group needs exist whatever the order.
    content_type = ContentType.objects.get_for_model(model, for_concrete_model=True)
    codename = get_permission_codename(action, model._meta)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": f"Can {action} {model._meta.verbose_name_raw}"[:255]},
    )
    return permission


def ensure_translator_groups(language_codes=None) -> list[Group]:
    """Create or complete (idempotently) the group of every language after the source.

    The group gets admin access and "change" on the translatable snippets at once; "change" on
    the language's home page (its whole tree) as soon as that home exists. Called after every
    migration, by the `ensure_translator_groups` command, when a language's home page is made,
    and by `seed_demo`.
    """
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    change_page = _permission(Page, "change")
    snippet_permissions = [
        _permission(model, "change")
        for model in translatable_snippet_models()
        if _is_snippet(model)
    ]
    codes = [code for code, _name in settings.LANGUAGES[1:]]
    if language_codes is not None:
        codes = [code for code in codes if code in language_codes]
    groups = []
    for code in codes:
        group, _ = Group.objects.get_or_create(name=translator_group_name(code))
        group.permissions.add(access_admin, *snippet_permissions)
        locale = Locale.objects.filter(language_code=code).first()
        home = Page.objects.filter(depth=2, locale=locale).first() if locale else None
        if home is not None:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=change_page
            )
        groups.append(group)
    return groups


def _is_snippet(model) -> bool:
    from wagtail.snippets.models import get_snippet_models

    return model in get_snippet_models()


def ensure_groups_after_migrate(sender, **kwargs):
    """post_migrate of this app (connected by the staff concern's `wiring.py` when the app is
    ready): every deployment has the groups, seeded or not."""
    if Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).exists():  # absent only while Wagtail's own migrations have not run (migrate to a target)
        ensure_translator_groups()


@receiver(post_save)
def give_a_new_language_home_to_its_translators(sender, instance, created, raw=False, **kwargs):
    """A language tree made later (its home page) is opened to that language's translators."""
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    ensure_translator_groups([instance.locale.language_code])


# --- Language-scoped permissions on translatable snippets ----------------------------------------


class LanguageScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, except for translators: a user who holds a permission only
    through translators' groups holds it only for records in those groups' languages."""

    def language_scope(self, user, action: str) -> set[str] | None:
        """The languages `user` may do `action` in, or None for every language."""
        cache = user.__dict__.setdefault("_language_scope_cache", {})
        key = (self.model._meta.label, action)
        if key not in cache:
            cache[key] = self._compute_scope(user, action)
        return cache[key]

    def _compute_scope(self, user, action: str) -> set[str] | None:
        if not user.is_active:
            return set()
        if user.is_superuser:
            return None
        codename = self._get_permission_codename(action)
        permission = {"content_type": self._content_type, "codename": codename}
        if user.user_permissions.filter(**permission).exists():
            return None
        names = user.groups.filter(
            permissions__content_type=self._content_type, permissions__codename=codename
        ).values_list("name", flat=True)
        languages = set()
        for name in names:
            code = translator_group_language(name)
            if code is None:
                return None  # a group that is not language-bound grants it everywhere
            languages.add(code)
        return languages

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        scope = self.language_scope(user, action)
        return scope is None or instance.locale.language_code in scope

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = self.model._default_manager.all()
        allowed = [action for action in actions if self.user_has_permission(user, action)]
        scopes = [self.language_scope(user, action) for action in allowed]
        if not scopes:
            return queryset.none()
        if any(scope is None for scope in scopes):
            return queryset
        return queryset.filter(locale__language_code__in=set().union(*scopes))


def register_language_scoped_policies():
    """Called by the staff concern's `wiring.py` when the app is ready: before wagtail.snippets
    registers its viewsets, which would give every snippet model the plain per-model policy."""
    for model in translatable_snippet_models():
        if policy_registry.get_by_type(model, fallback=False) is None:
            register_permission_policy(
                model, LanguageScopedPermissionPolicy(model), exact_class=True
            )


def register_translator_limits():
    from stories.publishing import register_page_action_limit

    register_page_action_limit(translators_do_not_take_pages_away)
