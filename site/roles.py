"""Staff roles made by the site: one translators' group per translated language.

"Translators (en)" may edit the pages of the English tree and nothing else: no Dutch source
page, no publishing, no consent records. Wagtail's permissions on snippets are per model, not
per language, so translators get no snippet permissions.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Locale, Page


def translator_group_name(language_code: str) -> str:
    return f"Translators ({language_code})"


def ensure_translator_groups() -> list[Group]:
    """Create (idempotently) the group of each language after the source whose tree exists."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    change_page = Permission.objects.get(
        content_type__app_label="wagtailcore", codename="change_page"
    )
    groups = []
    for code, _name in settings.LANGUAGES[1:]:
        locale = Locale.objects.filter(language_code=code).first()
        home = Page.objects.filter(depth=2, locale=locale).first() if locale else None
        if home is None:
            continue
        group, _ = Group.objects.get_or_create(name=translator_group_name(code))
        group.permissions.add(access_admin)
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=change_page)
        groups.append(group)
    return groups
