"""Admin wiring of the reach report (imported by stories.wagtail_hooks, with every concern's)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from stories.reach import admin_views


@hooks.register("register_admin_urls")
def reach_admin_urls():
    return [
        path("reach/", admin_views.report_view, name="stories_reach"),
        path("reach/<int:page_id>/", admin_views.page_view, name="stories_reach_page"),
        path("reach/projects/", admin_views.projects_view, name="stories_reach_projects"),
        path(
            "reach/projects/<int:page_id>/",
            admin_views.project_view,
            name="stories_reach_project",
        ),
    ]


@hooks.register("register_reports_menu_item")
def reach_menu_item():
    return MenuItem(_("Reach"), reverse("stories_reach"), icon_name="view", order=50)
