"""Admin wiring of translation files (imported by sitewide.translation.wagtail_hooks): URLs, the
"Translation files" menu item, and a "Translation file" item in a translated page's header."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem

from sitewide.staff.translators import may_edit_translation
from sitewide.translation import file_views, files


@hooks.register("register_admin_urls")
def translation_file_urls():
    return [
        path("translation-files/", file_views.languages, name="sitewide_translation_files"),
        path(
            "translation-files/language/<str:language_code>/",
            file_views.language_files,
            name="sitewide_translation_files_language",
        ),
        path(
            "translation-files/page/<uuid:translation_uuid>/",
            file_views.translation_files,
            name="sitewide_translation_files_page",
        ),
        path(
            "translation-files/page/<uuid:translation_uuid>/download/<str:file_format>/",
            file_views.download,
            name="sitewide_translation_files_download",
        ),
        path(
            "translation-files/page/<uuid:translation_uuid>/refresh/",
            file_views.refresh,
            name="sitewide_translation_files_refresh",
        ),
    ]


class TranslationFilesMenuItem(MenuItem):
    def is_shown(self, request):
        return files.may_work_on_any_translation(request.user)


@hooks.register("register_admin_menu_item")
def translation_files_menu_item():
    return TranslationFilesMenuItem(
        gettext_lazy("Translation files"),
        reverse("sitewide_translation_files"),
        name="translation-files",
        icon_name="doc-full",
        order=260,
    )


@hooks.register("register_page_header_buttons")
def translation_file_button(page, user, view_name, next_url=None):
    translation = (
        files.page_translations()
        .filter(source__object_id=page.translation_key, target_locale_id=page.locale_id)
        .first()
    )
    if translation is not None and may_edit_translation(user, page):
        yield PageMenuItem(
            gettext_lazy("Translation file (PO, XLIFF)"),
            reverse("sitewide_translation_files_page", args=[translation.uuid]),
            icon_name="doc-full",
            priority=67,
            page=page,
        )
