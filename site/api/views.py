"""The API's endpoints. Everyone gets what an anonymous reader gets: no session, no HTTP
authentication, no drafts (except through a preview token), no private pages, and pages
filtered by the one consent rule on the API channel."""

from functools import wraps
from types import SimpleNamespace
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Case, Q, When
from django.http import Http404, HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, path, resolve, reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework.fields import Field, SkipField
from rest_framework.filters import BaseFilterBackend
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import (
    ChildOfFilter,
    DescendantOfFilter,
    LocaleFilter,
    TranslationOfFilter,
)
from wagtail.api.v2.serializers import (
    BaseSerializer,
    PageAliasOfField,
    PageParentField,
    PageSerializer,
)
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.models import Locale, Page, Site
from wagtail.search.backends import get_search_backend

from longread import fragments, shown
from longread.absolute import absolute_url
from longread.addresses import is_own_host
from longread.rich_text import shown_address
from longread.richtext import rich_text_api
from sitewide.api import methods
from sitewide.api.feed import MAX_ITEMS, changes_since, parse_since
from sitewide.api.filters import (
    FILTER_PARAMETERS,
    CheckedOrderingFilter,
    FieldsFilterExcept,
    PartnerFilter,
    PlainFieldsFilter,
    listed_values,
)
from sitewide.api.framework_messages import in_answer_language
from sitewide.api.http import ApiJson, answer_language, bad_request, not_found_answer
from sitewide.api.models import ContentChange, PreviewToken
from sitewide.api.pagination import CursorPagination
from sitewide.caching.chrome import page_in_language, structure
from sitewide.search.text import search_words
from stories import consent
from stories.api_fields import kept_in_detail, linked_pages, page_html_url, page_link
from stories.models import COUNTRIES, HelpKind, Organisation

MAX_SEARCH_LENGTH = 200  # characters; longer queries are refused, not run
MAX_SEARCH_RESULTS = 500


def site_languages() -> str:
    return ", ".join(code for code, _name in settings.LANGUAGES)


def operator_message() -> str:
    return _("search_operator must be 'and' or 'or'")


def method_not_allowed(method: str) -> str:
    return _("method %(method)s is not allowed: the API only reads (%(allowed)s)") % {
        "method": method,
        "allowed": methods.ALLOW_HEADER,
    }


def unsupported_message(names, allowed: str) -> str:
    """The one wording of query parameters an endpoint does not take, naming those it does."""
    names = ", ".join(sorted(names))
    if allowed:
        message = _("query parameter is not supported: %(names)s (allowed: %(allowed)s)")
    else:
        message = _("query parameter is not supported: %(names)s (this address takes none)")
    return message % {"names": names, "allowed": allowed}


def unsupported(names, allowed: str) -> JsonResponse:
    return bad_request(unsupported_message(names, allowed))


def top_level_fields(value: str) -> list[str]:
    """The top-level items of a `fields` parameter as written (`a,-b,c(d,e),_`)."""
    items, depth, current = [], 0, ""
    for char in value:
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(current.strip())
            current = ""
            continue
        if depth == 0 and char not in "()":
            current += char
    return [*items, current.strip()]


def requested_fields(value: str) -> set[str]:
    """The top-level field names of a `fields` parameter (`a,-b,c(d,e),_`)."""
    return {item.lstrip("-") for item in top_level_fields(value)} - {"", "_"}


def field_hint(view, model, names) -> str:
    """For names that are fields of some page types, not of `model`: which `type` to add."""
    if model is not Page:
        return ""
    from sitewide.api.schema import public_page_models, type_name

    hints = []
    for name in names:
        types = [
            type_name(page_model)
            for page_model in public_page_models()
            if name in view.get_available_fields(page_model)
        ]
        if types:
            hints.append(
                _(
                    "%(name)s belongs to some page types only: add type= with one of "
                    "%(types)s (e.g. type=%(example)s)"
                )
                % {"name": name, "types": ", ".join(types), "example": types[0]}
            )
    return "".join(f". {hint}" for hint in hints)


class AnonymousJSON:
    """Credentials are ignored, so a logged-in editor's browser sees what a partner sees."""

    authentication_classes = []
    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]
    pagination_class = CursorPagination

    # Every answer's item carries these (the schema requires them): `fields=` cannot remove them.
    kept_fields = ("id", "type", "detail_url")

    def dispatch(self, request, *args, **kwargs):
        # Messages in English, or in Dutch when the client prefers it (sitewide.api.http).
        with translation.override(answer_language(request)):
            return super().dispatch(request, *args, **kwargs)

    def check_query_parameters(self, queryset):
        """Unknown parameters are refused naming what is allowed; a field of some page types
        used on a mixed listing says which `type` to add."""
        model = queryset.model
        fields = set(self.get_available_fields(model, db_fields_only=True))
        allowed = fields | self.known_query_parameters
        unknown = sorted(set(self.request.GET) - allowed)
        if unknown:
            raise BadRequestError(
                unsupported_message(unknown, ", ".join(sorted(self.known_query_parameters)))
                + _("; and the fields of %(model)s: %(fields)s")
                % {"model": model.__name__, "fields": ", ".join(sorted(fields))}
                + field_hint(self, model, unknown)
            )
        for name in ("type", "order"):
            if self.request.GET.get(name) == "":
                raise BadRequestError(
                    _("%(name)s is empty: give a value or leave it out") % {"name": name}
                )
        self.check_fields(model)

    def check_fields(self, model=None):
        """`fields=` as written: no empty name, and never without id and meta. With a model (a
        listing), each name must be a field of it."""
        value = self.request.GET.get("fields")
        if value is None:
            return
        items = top_level_fields(value)
        if any(item in ("", "-") for item in items):
            raise BadRequestError(
                _("fields: a name is missing (two commas in a row, or a '-' without a name)")
            )
        kept = ", ".join(self.kept_fields)
        if "_" in items:
            raise BadRequestError(
                _(
                    "fields: '_' would leave out %(kept)s, which every answer carries; remove "
                    "the fields you do not need with -name"
                )
                % {"kept": kept}
            )
        removed = [item[1:] for item in items if item.startswith("-")]
        if "meta" in items or any(name in self.kept_fields + ("meta",) for name in removed):
            raise BadRequestError(
                _("fields: %(kept)s are part of every answer; they cannot be chosen or removed")
                % {"kept": kept}
            )
        if model is None:
            return
        names = requested_fields(value)
        available = set(self.get_available_fields(model))
        missing = sorted(name for name in names if name not in available and name != "*")
        hint = field_hint(self, model, missing) if missing else ""
        if hint:
            raise BadRequestError(
                _("fields: %(names)s is not a field here") % {"names": ", ".join(missing)} + hint
            )

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise BadRequestError(
                _("%(name)s must be a whole number of %(minimum)s or more")
                % {"name": "id", "minimum": 1}
            )
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
        if response.status_code == 404:
            # One message for everything not found, whichever layer said so.
            response.data = {"message": _("not found")}
        elif response.status_code == 405:
            response.data = {"message": method_not_allowed(self.request.method)}
        elif isinstance(response.data, dict) and "detail" in response.data:
            response.data = {"message": str(response.data["detail"])}
        if isinstance(response.data, dict) and "message" in response.data:
            response.data["message"] = in_answer_language(response.data["message"])
        return response


def unknown_locale(code: str) -> str:
    return _("locale %(code)s is not one of this site's languages; allowed: %(allowed)s") % {
        "code": repr(code),
        "allowed": site_languages(),
    }


class KnownLocaleFilter(LocaleFilter):
    @staticmethod
    def refuse_unknown(code) -> None:
        if code is not None and not Locale.objects.filter(language_code=code).exists():
            raise BadRequestError(unknown_locale(code))

    def filter_queryset(self, request, queryset, view):
        self.refuse_unknown(request.GET.get("locale"))
        return super().filter_queryset(request, queryset, view)


def checked_search(query: str) -> str:
    """The words of a search (sitewide.search.text), or a 400 that says what is wrong."""
    if len(query) > MAX_SEARCH_LENGTH:
        raise BadRequestError(
            _("search is limited to %(count)s characters") % {"count": MAX_SEARCH_LENGTH}
        )
    words = search_words(query)
    if not words:
        raise BadRequestError(
            _(
                "search needs at least one word: letters or digits (quotes, operators and other "
                "symbols are not search syntax here)"
            )
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
            raise BadRequestError(operator_message())
        if "search" not in request.GET:
            if operator is not None:
                raise BadRequestError(_("search_operator combines the words of search: add search"))
            return queryset
        query = checked_search(request.GET["search"])
        found = get_search_backend().search(query, Page.objects.live().public(), operator=operator)
        found_ids = [page.pk for page in found[:MAX_SEARCH_RESULTS]]
        queryset = queryset.filter(pk__in=found_ids)
        if "order" in request.GET or not found_ids:
            return queryset
        relevance = Case(*[When(pk=pk, then=rank) for rank, pk in enumerate(found_ids)])
        return queryset.order_by(relevance)


def detail_url(context, model, pk) -> str | None:
    """The API detail URL of an object, under the site's one base URL."""
    path = context["router"].get_object_detail_urlpath(model, pk)
    return absolute_url(path, context.get("request")) if path else None


class AbsoluteDetailUrlField(Field):
    """Wagtail's `meta.detail_url`, under `SITE_BASE_URL` (else the request's host), not the
    site record's host name and port."""

    def get_attribute(self, instance):
        url = detail_url(self.context, type(instance), instance.pk)
        if url is None:
            raise SkipField
        return url

    def to_representation(self, url):
        return url


class AbsoluteHtmlUrlField(Field):
    """Wagtail's `meta.html_url`, under the same base URL as every other URL of the answer."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page_html_url(page, self.context.get("request"))


def nested_page(page, context) -> dict:
    """A page linked from another (parent, alias_of), in Wagtail's nested shape."""
    return {
        "id": page.pk,
        "meta": {
            "type": f"{page.specific_class._meta.app_label}.{page.specific_class.__name__}",
            "detail_url": detail_url(context, Page, page.pk),
            "html_url": page_html_url(page, context.get("request")),
        },
        "title": page.title,
    }


class VisibleParentField(PageParentField):
    """Wagtail's `parent`, found among the linked pages (one consent query for all links); in a
    detail answer kept as a body is (`kept_in_detail`)."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return kept_in_detail(self, "api-parent", page, lambda: self._represented(page))

    def _represented(self, page):
        parent = linked_pages(page, self.context)["parent"]
        if parent is None:
            return None
        shown.note(parent)
        return nested_page(parent, self.context)


class AbsoluteAliasOfField(PageAliasOfField):
    def to_representation(self, value):
        return nested_page(value, self.context)


class VisiblePagesSerializer(PageSerializer):
    detail_url = AbsoluteDetailUrlField(read_only=True)
    html_url = AbsoluteHtmlUrlField(read_only=True)
    parent = VisibleParentField(read_only=True)
    alias_of = AbsoluteAliasOfField(read_only=True)


class AbsoluteUrlSerializer(BaseSerializer):
    detail_url = AbsoluteDetailUrlField(read_only=True)


DETAIL_PARAMETERS = {"fields", "format"}


def refuse_list_parameters_on_a_detail(request) -> None:
    """Never a 404 for an object asked for carelessly: a partner takes a 404 down."""
    unknown = sorted(set(request.GET) - DETAIL_PARAMETERS)
    if unknown:
        raise BadRequestError(
            _(
                "query parameter is not supported on a detail: %(names)s. A detail takes only "
                "fields=; filters belong to the listing."
            )
            % {"names": ", ".join(unknown)}
        )


class PagesEndpoint(AnonymousJSON, PagesAPIViewSet):
    kept_fields = ("id", "type", "detail_url", "html_url", "slug", "first_published_at", "locale")
    base_serializer_class = VisiblePagesSerializer
    filter_backends = [
        PlainFieldsFilter,
        PartnerFilter,
        ChildOfFilter,
        DescendantOfFilter,
        CheckedOrderingFilter,
        TranslationOfFilter,
        KnownLocaleFilter,
        ConsentedSearchFilter,
    ]
    # No `ancestor_of` (it would walk up to pages readers never see) and no `site` (one site).
    # No `rich_text_format` either: rich text always comes as HTML and as structure.
    known_query_parameters = (
        PagesAPIViewSet.known_query_parameters - {"ancestor_of", "site", "rich_text_format"}
    ) | {
        "cursor",
        *FILTER_PARAMETERS,
    }
    detail_only_fields = ["parent"]

    def get_queryset(self):
        # Every item shows its locale: one join instead of a query per page.
        return super().get_queryset().select_related("locale")

    def get_object(self):
        """The specific page as the HTML page loads it (`serving_queryset`: its consent record,
        hero image and that image's renditions at once) instead of one query per relation.

        A detail finds the page among the site's language trees with a plain query and asks the
        consent rule whether API readers may see it; that answer is kept as a body is
        (`longread.fragments`: under the page's group, which pages are visible and the consent
        records, never past midnight), as the website keeps its own (`sitewide.serving.routing`),
        so a miss asks the rule only when something it answers has changed."""
        if hasattr(self, "_cached_object"):
            return self._cached_object
        if self.action != "detail_view":
            base = BaseAPIViewSet.get_object(self)
            self._cached_object = self._served(base.specific_class or type(base), base.pk)
            return self._cached_object
        row = (
            Page.objects.filter(self._in_trees(), pk=self.kwargs["pk"])
            .values("pk", "translation_key", "content_type_id")
            .first()
        )
        if row is None:
            raise Http404("not found")
        found = SimpleNamespace(pk=row["pk"], translation_key=row["translation_key"])
        visible = fragments.kept_value(
            "api-visibility",
            found,
            self.request,
            lambda: consent.visible_pages(Page.objects.filter(pk=row["pk"]), consent.API).exists(),
        )
        if not visible:
            raise Http404("not found")
        model = ContentType.objects.get_for_id(row["content_type_id"]).model_class() or Page
        # The hero image's renditions only when its representation is made (it is kept).
        self._cached_object = self._served(model, row["pk"], prefetch=False)
        return self._cached_object

    @staticmethod
    def _served(model, pk, prefetch=True):
        queryset = (
            model.serving_queryset()
            if hasattr(model, "serving_queryset")
            else model._default_manager.select_related("locale")
        )
        return (queryset if prefetch else queryset.prefetch_related(None)).get(pk=pk)

    def _in_trees(self) -> Q:
        """This site's language trees (asked several times in one request)."""
        if not hasattr(self, "_language_trees"):
            tree = structure(self.request)  # the site's root and its translations, kept
            self._language_trees = [root["path"] for root in tree["roots"].values()] if tree else []
        in_trees = Q(pk__in=[])
        for tree in self._language_trees:
            in_trees |= Q(path__startswith=tree)
        return in_trees

    def get_serializer_context(self):
        # Wagtail hands every serializer the base queryset for its `parent` field; ours finds the
        # parent among the linked pages, so the queryset is built only if something asks for it.
        context = BaseAPIViewSet.get_serializer_context(self)
        context["base_queryset"] = SimpleLazyObject(self.get_base_queryset)
        return context

    def get_base_queryset(self):
        """Live, public pages of this site's language trees that the API channel may show."""
        in_trees = self._in_trees()
        if not self._language_trees:
            return Page.objects.none()
        return consent.visible_pages(Page.objects.filter(in_trees), consent.API)

    def find_view(self, request):
        """Wagtail's redirect, to the detail URL under the site's one base URL."""
        response = super().find_view(request)
        target = urlsplit(response["Location"])
        location = target.path + (f"?{target.query}" if target.query else "")
        response["Location"] = absolute_url(location, request)
        return response

    def find_object(self, queryset, request):
        """`html_path` as readers see it: /en/stories/a-story/ is looked up in the English tree.
        A whole address (a page's `html_url`) is read for its path."""
        given = {"html_path", "id"} & set(request.GET)
        if len(given) != 1 or not request.GET[given.pop()]:
            raise BadRequestError(
                _(
                    "give html_path (a page's path, e.g. html_path=/en/stories/<slug>/, or its "
                    "html_url) or id, one of them"
                )
            )
        extra = sorted(set(request.GET) - {"html_path", "id"})
        if extra:
            raise BadRequestError(
                _(
                    "find takes only html_path or id, not %(names)s: its answer is a redirect "
                    "to the page's detail"
                )
                % {"names": ", ".join(extra)}
            )
        if "html_path" not in request.GET:
            return super().find_object(queryset, request)
        address = urlsplit(request.GET["html_path"])
        if address.netloc and not is_own_host(address.hostname or "", request.get_host()):
            raise BadRequestError(
                _(
                    "html_path: %(host)s is not this site; give a path such as "
                    "/en/stories/<slug>/ or a page's html_url"
                )
                % {"host": address.hostname}
            )
        components = [part for part in address.path.split("/") if part]
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
        unknown = set(request.GET) - {"token", "format"}
        if unknown:
            raise BadRequestError(unsupported_message(unknown, "token, format"))
        if not request.GET.get("token"):
            raise BadRequestError(
                _("token is required: the preview token from the page editor's header menu")
            )
        self.previewing = True  # nothing kept for the live page is used (kept_in_detail)
        token = PreviewToken.from_signed(request.GET["token"])
        if token is None:
            raise Http404("preview token is unknown, expired or revoked")
        page = token.revision.as_object()
        # The draft's consent and the page's as stored now (an officer may have linked the page
        # to another record since the draft was saved): both must cover the API.
        stored = type(page).objects.filter(pk=page.pk).first()
        if any(
            consent.consent_problem(candidate, channel=consent.API)
            for candidate in (page, stored)
            if candidate is not None
        ):
            raise Http404("the teller's consent does not cover the API in this language")
        self._cached_object = page
        response = Response(self.get_serializer(page).data)
        response["Content-Language"] = page.locale.language_code
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

    def detail_view(self, request, pk):
        refuse_list_parameters_on_a_detail(request)
        self.check_fields()
        response = super().detail_view(request, pk)
        response["Content-Language"] = self.get_object().locale.language_code
        return response


class OrganisationFieldsFilter(FieldsFilterExcept):
    """Except `country` (any letter case, checked), `search` and `help_kinds` (any of several):
    the endpoint reads them."""

    excepted = ("country", "search", "help_kinds")


class OrganisationLocaleFilter(KnownLocaleFilter):
    """The directory in a language: each organisation in that language, else in English, else as
    it was written (as the website falls back for its interface), so a partner's Arabic
    directory is never empty because nobody translated it yet. Each item's `locale` says which."""

    def filter_queryset(self, request, queryset, view):
        code = request.GET.get("locale")
        if code is None:
            return queryset
        self.refuse_unknown(code)
        rank = {code: 0, "en": 1}
        chosen = {}
        for pk, key, language in queryset.values_list(
            "pk", "translation_key", "locale__language_code"
        ).order_by("pk"):
            candidate = (rank.get(language, 2), pk)
            if key not in chosen or candidate < chosen[key]:
                chosen[key] = candidate
        return queryset.filter(pk__in=[pk for _rank, pk in chosen.values()])


class OrganisationsEndpoint(AnonymousJSON, BaseAPIViewSet):
    """The directory of organisations that support victims, per language."""

    model = Organisation
    name = "organisations"
    base_serializer_class = AbsoluteUrlSerializer
    filter_backends = [OrganisationFieldsFilter, CheckedOrderingFilter, OrganisationLocaleFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters.union(
        ["locale", "country", "cursor", "search", "help_kinds"]
    ) - {"rich_text_format"}
    listing_default_fields = BaseAPIViewSet.listing_default_fields + [
        "locale",
        "name",
        "country",
        "city",
    ]

    def get_queryset(self):
        organisations = Organisation.objects.select_related("locale").order_by("name", "pk")
        country = self.request.GET.get("country")
        if country is not None:
            if country.upper() not in COUNTRIES:
                raise BadRequestError(
                    _(
                        "country: %(value)s is not an ISO 3166 country code (two letters, "
                        "e.g. country=NL)"
                    )
                    % {"value": repr(country)}
                )
            organisations = organisations.filter(country=country.upper())
        if "help_kinds" in self.request.GET:
            # Any of the kinds asked for (a stored list; JSON containment is not portable).
            matching = Q()
            for kind in listed_values(self.request, "help_kinds", HelpKind.values):
                matching |= Q(help_kinds__icontains=f'"{kind}"')
            organisations = organisations.filter(matching)
        # Every word in the name or the city (the directory is small: no search index).
        for word in self.request.GET.get("search", "").split():
            organisations = organisations.filter(Q(name__icontains=word) | Q(city__icontains=word))
        return organisations

    def detail_view(self, request, pk):
        refuse_list_parameters_on_a_detail(request)
        self.check_fields()
        response = super().detail_view(request, pk)
        response["Content-Language"] = self.get_object().locale.language_code
        return response

    def listing_view(self, request):
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError(operator_message())
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
        with translation.override(answer_language(request)):
            if request.method not in methods.READ:
                message = method_not_allowed(request.method)
                response = ApiJson({"message": message}, status=405)
                response["Allow"] = methods.ALLOW_HEADER
                return response
            return view(request, *args, **kwargs)

    return wrapped


@read_only
def changes_view(request):
    """What partners must do since a moment or after an event: show, update or take down."""
    unknown = set(request.GET) - {"since", "after", "limit", "format"}
    if unknown:
        return unsupported(unknown, "since, after, limit, format")
    if "since" not in request.GET and "after" not in request.GET:
        message = _(
            "give since (an ISO 8601 date and time with a timezone, e.g. "
            "since=2026-01-31T00:00:00Z) or after (the id of the last event you have), or both"
        )
        return ApiJson({"message": message}, status=400)
    try:
        since = parse_since(request.GET["since"]) if "since" in request.GET else None
        after = whole_number(request, "after", 0, minimum=0)
        limit = whole_number(request, "limit", MAX_ITEMS, minimum=1, maximum=MAX_ITEMS)
    except ValueError as error:
        return ApiJson({"message": str(error)}, status=400)
    answer = changes_since(since, after, limit, request)
    if answer["meta"]["after"] != after or not after:
        return ApiJson(answer)
    newest = ContentChange.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    if after > newest:
        # A cursor from the future (a corrupted store, or a site restored from a backup) would
        # be polled forever without a single takedown: say so, and how to start again.
        message = _(
            "after (%(after)s) is beyond the newest event (%(newest)s): this site has no such "
            "event, for example after a restore from a backup. Start again with since (the "
            "time of your last complete sync) and re-check the pages you show."
        ) % {"after": after, "newest": newest}
        return ApiJson({"message": message}, status=400)
    return ApiJson(answer)


def whole_number(request, name, default, minimum, maximum=None) -> int:
    value = request.GET.get(name)
    if value is None:
        return default
    if not value.isdigit() or not minimum <= int(value) <= (maximum or int(value)):
        if maximum:
            message = _("%(name)s must be a whole number from %(minimum)s to %(maximum)s")
        else:
            message = _("%(name)s must be a whole number of %(minimum)s or more")
        raise ValueError(message % {"name": name, "minimum": minimum, "maximum": maximum})
    return int(value)


@csrf_exempt
def not_found(request, rest=""):
    """A JSON 404; an address that lacks only its trailing slash is sent on to it (301), so a
    careless client never reads "not found" (for a partner: take the page down) for a live page."""
    if not request.path.endswith("/"):
        match = resolve_or_none(request.path + "/")
        if match is not None and match.url_name != "wagtailapi_not_found":
            query = request.META.get("QUERY_STRING", "")
            target = request.path + "/" + (f"?{query}" if query else "")
            return HttpResponsePermanentRedirect(absolute_url(target, request))
    with translation.override(answer_language(request)):
        return not_found_answer()


def resolve_or_none(path: str):
    try:
        return resolve(path)
    except Resolver404:
        return None


SETTINGS_TEXT_FIELDS = (
    "site_name",
    "tagline",
    "helpline_name",
    "helpline_phone",
    "helpline_hours",
    "helpline_url",
    "helpline_text_phone",
    "helpline_out_of_hours",
    "helpline_languages",
    "emergency_number",
    "contact_email",
    "contact_phone",
    "contact_address",
    "quick_exit_url",
    "footer_text",
)


SETTINGS_ADDRESS_FIELDS = ("helpline_url", "quick_exit_url")


@read_only
def settings_view(request):
    """A language's settings: the helpline and help text a front end shows with survivor
    stories, contact details, the quick-exit target and the safety and privacy pages."""
    from sitewide.models import LanguageSettings

    unknown = set(request.GET) - {"locale", "format"}
    if unknown:
        return unsupported(unknown, "locale, format")
    code = request.GET.get("locale", settings.LANGUAGE_CODE)
    if code not in dict(settings.LANGUAGES):
        return bad_request(unknown_locale(code))
    # A language without settings of its own is shown with English's (else the source
    # language's), as the website shows it; `locale` says whose they are.
    found = LanguageSettings.for_language(code)
    if found is None:
        return ApiJson({"message": _("this site has no settings yet")}, status=404)
    data = {"locale": found.locale.language_code}
    data |= {name: getattr(found, name) for name in SETTINGS_TEXT_FIELDS}
    for name in SETTINGS_ADDRESS_FIELDS:  # never an address of a page partners may not show
        data[name] = shown_address(data[name])
    data["help_text"] = rich_text_api(found.help_text, request)
    for name in ("safety_page", "privacy_page"):
        # The page in the language asked for, else in English, else as chosen: the page the
        # website links to in that language (sitewide.caching.chrome).
        page = page_in_language(getattr(found, f"{name}_id"), code)
        visible = page and consent.visible_pages(Page.objects.filter(pk=page.pk), consent.API)
        data[name] = page_link(page.specific, request) if visible and visible.exists() else None
    response = ApiJson(data)
    response["Content-Language"] = data["locale"]
    return response


@read_only
def index_view(request):
    """Where everything is, and the site's languages: code, name in English and in itself, and
    the direction their text runs (a partner lays out Arabic right to left)."""
    from django.conf.locale import LANG_INFO

    from longread.templatetags.longread_language import direction

    # Read whole: the page cache then keys on every parameter.
    unknown = sorted(set(request.GET) - {"format"})
    if unknown:
        return unsupported(unknown, "format")
    base = absolute_url(reverse("wagtailapi:pages:listing"), request).rsplit("pages/", 1)[0]
    languages = [
        {
            "code": code,
            "name": LANG_INFO.get(code, {}).get("name", str(name)),
            "name_local": LANG_INFO.get(code, {}).get("name_local", str(name)),
            "direction": direction(code),
            "source": code == settings.LANGUAGE_CODE,
        }
        for code, name in settings.LANGUAGES
    ]
    endpoints = {
        name: base + f"{name}/" for name in ("pages", "organisations", "settings", "schema")
    }
    endpoints["changes"] = base + "changes/?after=0"  # from the first event on
    return ApiJson({"endpoints": endpoints, "languages": languages})
