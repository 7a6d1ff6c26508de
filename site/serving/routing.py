"""Wagtail's page routing in two queries, whatever the depth of the page.

Stock Wagtail localises the site's root page (a locale and a page query), then asks, level by
level, for the child page and again for its specific type: eight queries for a story. Here the
language's root comes from the shared cache (sitewide.caching.chrome), the pages along the path come
in one query by their URL path, and the page itself in a second, with what its template reads at
once (`serving_queryset`) and the consent rule's answer for the website and social channels.

A page type that routes its own sub-paths (RoutablePageMixin, or any other override of `route`)
still routes them itself; whenever the shortcut is unsure it leaves the request to Wagtail.
"""

from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.urls import Resolver404
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from longread import fragments, preload
from sitewide.caching import chrome
from sitewide.serving import paths
from stories import consent

# Channels the serve hook and the page's template ask about.
SERVE_CHANNELS = (consent.WEBSITE, consent.SOCIAL)


class _Unsure(Exception):
    """Let Wagtail route this request its own way."""


def _model(content_type_id):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None or not issubclass(model, Page):
        raise _Unsure
    return model


def _routes_rest_itself(model, remaining) -> bool:
    """Whether the page answers `remaining` itself instead of handing it to a child."""
    if model.route is Page.route:
        return False
    if not issubclass(model, RoutablePageMixin):
        return True  # an override we do not know: let the page decide
    try:
        model.get_resolver().resolve("/" + "".join(f"{part}/" for part in remaining))
    except Resolver404:
        return False
    return True


def _serving_queryset(model):
    if hasattr(model, "serving_queryset"):
        return model.serving_queryset()
    return model._default_manager.select_related("locale")


def find_route(request, path):
    """Wagtail's RouteResult for `path`, or None; raises _Unsure to leave it to Wagtail."""
    root = chrome.root_for_language(request, translation.get_language() or "")
    if root is None:
        return None
    parts = [part for part in path.split("/") if part]
    prefixes = [
        root["url_path"] + "".join(f"{part}/" for part in parts[:n])
        for n in range(1, 1 + len(parts))
    ]
    along = {}
    if prefixes:
        along = {
            row["url_path"]: row
            for row in Page.objects.filter(
                url_path__in=prefixes, path__startswith=root["path"]
            ).values("pk", "depth", "url_path", "content_type_id", "translation_key")
        }
    node, consumed = root, 0
    while consumed < len(parts):
        if _routes_rest_itself(_model(node["content_type_id"]), parts[consumed:]):
            break
        child = along.get(prefixes[consumed])
        if child is None or child["depth"] != node["depth"] + 1:
            raise _Unsure  # no such child (a 404), or a tree the shortcut does not understand
        node, consumed = child, consumed + 1
    model = _model(node["content_type_id"])
    page, visible = _page_and_visibility(request, model, node)
    consent.remember_visibility(page, visible)
    return page.route(request, parts[consumed:])


def _page_and_visibility(request, model, node):
    """The page, and whether readers of each serving channel may see it: asked with the page
    in one query, or, where that answer is kept (as a body is, longread.fragments: under the
    page's group, the visibility and the consent records' generations, never past midnight),
    the page alone."""
    loaded = {}

    def asked():
        flags = {
            f"_visible_{channel}": flag
            for channel, flag in consent.visibility_flags(SERVE_CHANNELS, model=model).items()
        }
        loaded["page"] = page = _serving_queryset(model).annotate(**flags).get(pk=node["pk"])
        return {channel: getattr(page, f"_visible_{channel}") for channel in SERVE_CHANNELS}

    if "translation_key" in node:  # the site's root from the chrome has none: asked
        found = SimpleNamespace(pk=node["pk"], translation_key=node["translation_key"])
        visible = fragments.kept_value("serving-visibility", found, request, asked)
    else:
        visible = asked()
    page = loaded.get("page") or _serving_queryset(model).get(pk=node["pk"])
    return page, visible


class PageRouteMiddleware:
    """Finds the site from the shared cache for every request, routes Wagtail's pages, and
    scopes what rich text resolves to the request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # Rich text links to pages resolve once per request (longread.preload), rendering
        # included: the template of a response renders before it leaves this call.
        channel = "api" if request.path_info.startswith(paths.API) else "website"
        with preload.request_scope(channel):
            return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        chrome.find_site(request)
        if view_func is not wagtail_views.serve or hasattr(request, "_wagtail_route_for_request"):
            return None
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        try:
            request._wagtail_route_for_request = find_route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
        except (_Unsure, Page.DoesNotExist):
            pass  # Wagtail routes it
        return None
