"""Filters partners ask for: themes, teller kind, first publication dates and projects.

Each unknown value is a 400 that names the allowed values; nothing is silently empty.
"""

from django.db.models import Q
from django.http import QueryDict
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Page

from sitewide.api.feed import parse_timestamp
from stories import consent
from stories.models import NewsPage, ProjectPage, TellerKind, TestimonyPage, Theme

FILTER_PARAMETERS = (
    "themes",
    "kind",
    "first_published_after",
    "first_published_before",
    "project",
)


STORY_TYPE = "stories.TestimonyPage"


def allowed(values) -> str:
    return ", ".join(values)


def listed_values(request, name, choices) -> list[str]:
    # Each value once: a value repeated a thousand times is the same filter.
    values = list(
        dict.fromkeys(value.strip() for value in request.GET[name].split(",") if value.strip())
    )
    unknown = [value for value in values if value not in choices]
    if not values or unknown:
        shown = ", ".join(unknown) or "nothing"
        raise BadRequestError(
            f"{name}: {shown} is not allowed; allowed values are {allowed(choices)} "
            "(several separated by commas)"
        )
    return values


class PartnerFilter:
    """The filters as a Wagtail API filter backend."""

    def filter_queryset(self, request, queryset, view):
        get = request.GET
        for name in ("themes", "kind"):
            if name in get and get.get("type", STORY_TYPE).lower() != STORY_TYPE.lower():
                raise BadRequestError(
                    f"{name} filters stories: use it without type, or with type={STORY_TYPE}"
                )
        if "themes" in get:
            themes = listed_values(request, "themes", Theme.values)
            matching = Q()
            for theme in themes:
                # JSON containment is not portable across SQLite and PostgreSQL; themes are few.
                matching |= Q(themes__icontains=f'"{theme}"')
            queryset = queryset.filter(pk__in=TestimonyPage.objects.filter(matching).values("pk"))
        if "kind" in get:
            kinds = listed_values(request, "kind", TellerKind.values)
            stories = TestimonyPage.objects.filter(teller_kind__in=kinds)
            queryset = queryset.filter(pk__in=stories.values("pk"))
        for name, lookup in (
            ("first_published_after", "first_published_at__gt"),
            ("first_published_before", "first_published_at__lt"),
        ):
            if name in get:
                try:
                    moment = parse_timestamp(name, get[name])
                except ValueError as error:
                    raise BadRequestError(str(error)) from error
                queryset = queryset.filter(**{lookup: moment})
        if "project" in get:
            queryset = queryset.filter(pk__in=self.about_project(get["project"]).values("pk"))
        return queryset

    @staticmethod
    def about_project(value):
        """News and stories linked to the project (in any language: the link is made on the
        source)."""
        message = (
            f"project: {value!r} is not a project; give the id of a project page "
            "(/api/v2/pages/?type=stories.ProjectPage)"
        )
        if not value.isdigit():
            raise BadRequestError(message)
        projects = consent.visible_pages(Page.objects.filter(pk=int(value)), consent.API)
        project = ProjectPage.objects.filter(pk__in=projects.values("pk")).first()
        if project is None:
            raise BadRequestError(message)
        linked = ProjectPage.objects.filter(translation_key=project.translation_key).values("pk")
        news = NewsPage.objects.filter(related_projects__in=linked).values("pk")
        linked_stories = TestimonyPage.objects.filter(related_projects__in=linked)
        stories = TestimonyPage.objects.filter(
            translation_key__in=linked_stories.values("translation_key")
        ).values("pk")
        return Page.objects.filter(Q(pk__in=news) | Q(pk__in=stories))


class FieldsFilterExcept(FieldsFilter):
    """Wagtail's `?field=value` filters, except for the parameters an endpoint reads itself."""

    excepted: tuple = ()

    def filter_queryset(self, request, queryset, view):
        class Narrowed:
            GET = QueryDict(mutable=True)

        for name, values in request.GET.lists():
            if name not in self.excepted:
                Narrowed.GET.setlist(name, values)
        return super().filter_queryset(Narrowed, queryset, view)


class PlainFieldsFilter(FieldsFilterExcept):
    """Except the filters above (`themes` is also a field of stories, which Wagtail would
    compare with the whole stored list)."""

    excepted = FILTER_PARAMETERS
