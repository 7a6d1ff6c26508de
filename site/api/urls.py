"""URL wiring of the API at /api/v2/ (outside the language prefixes: it serves every language)."""

from django.urls import path, re_path
from wagtail.api.v2.router import WagtailAPIRouter

from sitewide.api import schema, views

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", views.PagesEndpoint)
api_router.register_endpoint("organisations", views.OrganisationsEndpoint)
# No images or documents endpoint: the libraries are not public. Images and documents reach
# partners only inside the pages that use them.

urlpatterns = [
    path("api/v2/changes/", views.changes_view, name="wagtailapi_changes"),
    path("api/v2/schema/", schema.schema_view, name="wagtailapi_schema"),
    path("api/v2/settings/", views.settings_view, name="wagtailapi_settings"),
    path("api/v2/", views.index_view, name="wagtailapi_index"),
    path("api/v2/", api_router.urls),
    # Anything else under /api/ is a JSON 404, never a redirect to a language prefix.
    re_path(r"^api/(?P<rest>.*)$", views.not_found, name="wagtailapi_not_found"),
]
