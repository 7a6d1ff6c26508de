from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from sitewide import views
from sitewide.api import urls as api_urls
from sitewide.serving import media_views, outage, request_checks
from sitewide.serving.sitemap import sitemap
from sitewide.staff import two_factor
from sitewide.translation import file_views as translation_file_views
from sitewide.translation import machine as translation_machine
from stories import views as story_views

urlpatterns = [
    path("", views.root_redirect, name="root"),
    # Signing out takes a POST with the CSRF token; a GET shows the button (request_checks).
    path("admin/logout/", request_checks.logout),
    path("admin/two-factor/enrol/", two_factor.enrol, name="two_factor_enrol"),
    path("admin/two-factor/verify/", two_factor.verify, name="two_factor_verify"),
    path(
        "admin/two-factor/recovery-codes/",
        two_factor.recovery_codes,
        name="two_factor_recovery_codes",
    ),
    # Before wagtail-localize's own views at these addresses: the teller's consent may forbid
    # machine translation, and machine translations wait for review before publication.
    path(
        "admin/localize/translate/<int:translation_id>/machine_translate/",
        translation_machine.machine_translate,
        name="sitewide_machine_translate",
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        translation_machine.update_translations,
        name="sitewide_update_translations",
    ),
    # The translation editor's own PO upload goes through the checked import (all or nothing).
    path(
        "admin/localize/translate/<int:translation_id>/pofile/upload/",
        translation_file_views.checked_editor_upload,
        name="sitewide_checked_pofile_upload",
    ),
    # Wagtail's workflow action, with a refused approval explained instead of "no access".
    path(
        "admin/pages/workflow/action/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
        story_views.workflow_action_view,
        name="sitewide_workflow_action",
    ),
    path("admin/", include(wagtailadmin_urls)),
    *api_urls.urlpatterns,
    # Wagtail's document view, with its headers put right (views.document).
    # Wagtail's own name, so links to documents resolve to this view.
    path(
        "documents/<int:document_id>/<str:document_filename>",
        views.document,
        name="wagtaildocs_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("stories.teller.urls")),
    path("", include("stories.reach.urls")),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("health/", outage.health, name="health"),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("media/images/<path:path>", media_views.rendition, name="rendition"),
    path("media/media_files/<path:path>", media_views.media_file, name="media_file"),
]

# Reader-facing pages carry their language in the URL: /nl/..., /en/...
urlpatterns += i18n_patterns(
    path("search/", views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler500 = "sitewide.views.server_error"
