"""The API's endpoints. Everyone gets what an anonymous reader gets: no session, no HTTP
authentication, no drafts (except through a preview token), no private pages, and pages
filtered by the one consent rule on the API channel."""

from functools import wraps

from django.conf import settings
from django.db.models import Case, Q, When
from django.http import Http404, JsonResponse
from django.urls import path
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.views.decorators.csrf import csrf_exempt
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    ChildOfFilter,
    DescendantOfFilter,
    FieldsFilter,
    LocaleFilter,
    OrderingFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.serializers import PageParentField, PageSerializer
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import expand_db_html
from wagtail.search.backends import get_search_backend

from sitewide.api.feed import MAX_ITEMS, changes_since, parse_since
from sitewide.api.models import PreviewToken
from sitewide.search_text import search_words
from stories import consent
from stories.api_fields import linked_pages, page_link
from stories.organisations import Organisation

MAX_SEARCH_LENGTH = 200  # characters; longer queries are refused, not run
MAX_SEARCH_RESULTS = 500


class AnonymousJSON:
    """Credentials are ignored, so a logged-in editor's browser sees what a partner sees."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError("id must be a positive integer")
        return super().find_object(queryset, request)

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by four spaces, which makes answers about a third
        # larger and encodes them in pure Python instead of the C encoder.
        context = super().get_renderer_context()
        context["indent"] = None
        return context

    def handle_exception(self, exc):
        # Every error is JSON with a message; DRF's own errors carry it as "detail".
        response = super().handle_exception(exc)
        if isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        return response


class KnownLocaleFilter(LocaleFilter):
    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError(f"locale {code!r} is not one of this site's languages")
        return super().filter_queryset(request, queryset, view)


def checked_search(query: str) -> str:
    """The words of a search (sitewide.search_text), or a 400 that says what is wrong."""
    if len(query) > MAX_SEARCH_LENGTH:
        raise BadRequestError(f"search is limited to {MAX_SEARCH_LENGTH} characters")
    words = search_words(query)
    if not words:
        raise BadRequestError(
            "search needs at least one word: letters or digits (quotes, operators and other "
            "symbols are not search syntax here)"
        )
    return words


class ConsentedSearchFilter(BaseFilterBackend):
    """Full-text search within what the other filters (and the consent rule) left.

    The search backend cannot take the consent rule's subqueries as filters, so it searches
    live pages and the result is intersected with the filtered queryset, in relevance order
    (or in the `order` asked for)."""

    def filter_queryset(self, request, queryset, view):
        operator = request.GET.get("search_operator")
        if operator not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" not in request.GET:
            return queryset
        query = checked_search(request.GET["search"])
        found = get_search_backend().search(query, Page.objects.live().public(), operator=operator)
        found_ids = [page.pk for page in found[:MAX_SEARCH_RESULTS]]
        queryset = queryset.filter(pk__in=found_ids)
        if "order" in request.GET or not found_ids:
            return queryset
        relevance = Case(*[When(pk=pk, then=rank) for rank, pk in enumerate(found_ids)])
        return queryset.order_by(relevance)


class VisibleParentField(PageParentField):
    """Wagtail's `parent`, found among the linked pages (one consent query for all links)."""

    def get_attribute(self, instance):
        return linked_pages(instance, self.context)["parent"]


class VisiblePagesSerializer(PageSerializer):
    parent = VisibleParentField(read_only=True)


class PagesEndpoint(AnonymousJSON, PagesAPIViewSet):
    base_serializer_class = VisiblePagesSerializer
    filter_backends = [
        FieldsFilter,
        ChildOfFilter,
        DescendantOfFilter,
        OrderingFilter,
        TranslationOfFilter,
        KnownLocaleFilter,
        ConsentedSearchFilter,
    ]
    # No `ancestor_of` (it would walk up to pages readers never see) and no `site` (one site).
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"ancestor_of", "site"}
    detail_only_fields = ["parent"]

    def get_queryset(self):
        # Every item shows its locale: one join instead of a query per page.
        return super().get_queryset().select_related("locale")

    def get_object(self):
        """The specific page as the HTML page loads it (`serving_queryset`: its consent record,
        hero image and that image's renditions at once) instead of one query per relation."""
        if not hasattr(self, "_cached_object"):
            base = BaseAPIViewSet.get_object(self)
            model = base.specific_class or type(base)
            queryset = (
                model.serving_queryset()
                if hasattr(model, "serving_queryset")
                else model._default_manager.select_related("locale")
            )
            self._cached_object = queryset.get(pk=base.pk)
        return self._cached_object

    def get_serializer_context(self):
        # Wagtail hands every serializer the base queryset for its `parent` field; ours finds the
        # parent among the linked pages, so the queryset is built only if something asks for it.
        context = BaseAPIViewSet.get_serializer_context(self)
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def get_base_queryset(self):
        """Live, public pages of this site's language trees that the API channel may show."""
        if not hasattr(self, "_language_trees"):  # asked several times in one request
            site = Site.find_for_request(self.request)
            roots = [site.root_page, *site.root_page.get_translations()] if site else []
            self._language_trees = [root.path for root in roots]
        if not self._language_trees:
            return Page.objects.none()
        in_trees = Q()
        for tree in self._language_trees:
            in_trees |= Q(path__startswith=tree)
        return consent.visible_pages(Page.objects.filter(in_trees), consent.API)

    def find_object(self, queryset, request):
        """`html_path` as readers see it: /en/stories/jill/ is looked up in the English tree."""
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        components = [part for part in request.GET["html_path"].split("/") if part]
        site = Site.find_for_request(request)
        locale = components and Locale.objects.filter(language_code=components[0]).first()
        if site is None or not locale:
            return None  # every public page lives under a language prefix
        language, components = locale.language_code, components[1:]
        root = site.root_page.get_translation_or_none(locale)
        if root is None:
            return None
        with translation.override(language):
            try:
                page, _args, _kwargs = root.specific.route(request, components)
            except Http404:
                return None
        return page if queryset.filter(pk=page.pk).exists() else None

    # Preview of one draft revision for headless front ends, with a token from the admin.
    @classmethod
    def get_urlpatterns(cls):
        return super().get_urlpatterns() + [
            path("preview/", cls.as_view({"get": "preview_view"}), name="preview"),
        ]

    def preview_view(self, request):
        token = PreviewToken.from_signed(request.GET.get("token", ""))
        if token is None:
            raise Http404("preview token is unknown, expired or revoked")
        page = token.revision.as_object()
        if consent.consent_problem(page, channel=consent.API):
            raise Http404("the teller's consent does not cover the API in this language")
        self._cached_object = page
        response = Response(self.get_serializer(page).data)
        response.private_preview = True  # never stored by shared caches
        return response

    def get_serializer_class(self):
        if self.action == "preview_view":
            self.action = "detail_view"  # serialised like a detail
        return super().get_serializer_class()

    def check_query_parameters(self, queryset):
        if self.action == "preview_view":
            return
        super().check_query_parameters(queryset)


class OrganisationsEndpoint(AnonymousJSON, BaseAPIViewSet):
    """The directory of organisations that support victims, per language."""

    model = Organisation
    name = "organisations"
    filter_backends = [FieldsFilter, OrderingFilter, KnownLocaleFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(["locale", "country"])
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale",
        "name",
        "country",
        "city",
    ]

    def get_queryset(self):
        organisations = Organisation.objects.select_related("locale").order_by("name", "pk")
        country = self.request.GET.get("country")
        if country:
            organisations = organisations.filter(country=country.upper())
        return organisations

    def listing_view(self, request):
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError("search_operator must be 'and' or 'or'")
        if "search" in request.GET:
            parameters = request.GET.copy()
            parameters["search"] = checked_search(request.GET["search"])
            request.GET = parameters
        return super().listing_view(request)


def read_only(view):
    """A plain API view: GET and HEAD only (405 with Allow otherwise); no CSRF check, since it
    reads nothing from cookies and changes nothing."""

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            response = JsonResponse({"message": "method not allowed"}, status=405)
            response["Allow"] = "GET, HEAD, OPTIONS"
            return response
        return view(request, *args, **kwargs)

    return wrapped


@read_only
def changes_view(request):
    """What partners must do since a moment: show, update or take down pages."""
    unknown = set(request.GET) - {"since", "after", "limit"}
    if unknown:
        return JsonResponse(
            {"message": f"query parameter is not supported: {', '.join(sorted(unknown))}"},
            status=400,
        )
    try:
        since = parse_since(request.GET.get("since", ""))
        after = int(request.GET.get("after", 0))
        limit = int(request.GET.get("limit", MAX_ITEMS))
        if after < 0 or not 0 < limit <= MAX_ITEMS:
            raise ValueError(f"after must be ≥ 0 and limit between 1 and {MAX_ITEMS}")
    except ValueError as error:
        message = str(error)
        if "invalid literal" in message:
            message = "after and limit must be whole numbers"
        return JsonResponse({"message": message}, status=400)
    return JsonResponse(changes_since(since, after, limit, request))


@csrf_exempt
def not_found(request, rest=""):
    return JsonResponse({"message": "not found"}, status=404)


SETTINGS_TEXT_FIELDS = (
    "site_name",
    "tagline",
    "helpline_name",
    "helpline_phone",
    "helpline_hours",
    "helpline_url",
    "contact_email",
    "contact_phone",
    "contact_address",
    "quick_exit_url",
    "footer_text",
)


@read_only
def settings_view(request):
    """A language's settings: the helpline and help text a front end shows with survivor
    stories, contact details, the quick-exit target and the safety and privacy pages."""
    from sitewide.models import LanguageSettings

    unknown = set(request.GET) - {"locale"}
    if unknown:
        message = f"query parameter is not supported: {', '.join(sorted(unknown))}"
        return JsonResponse({"message": message}, status=400)
    code = request.GET.get("locale", settings.LANGUAGE_CODE)
    if code not in dict(settings.LANGUAGES):
        return JsonResponse(
            {"message": f"locale {code!r} is not one of this site's languages"}, status=400
        )
    found = LanguageSettings.objects.filter(locale__language_code=code).first()
    if found is None:
        return JsonResponse({"message": f"no settings for locale {code!r}"}, status=404)
    data = {"locale": code} | {name: getattr(found, name) for name in SETTINGS_TEXT_FIELDS}
    data["help_text"] = expand_db_html(found.help_text)
    for name in ("safety_page", "privacy_page"):
        page = getattr(found, name)
        visible = page and consent.visible_pages(Page.objects.filter(pk=page.pk), consent.API)
        data[name] = page_link(page.specific, request) if visible and visible.exists() else None
    return JsonResponse(data)
