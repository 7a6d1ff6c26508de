"""Filters partners ask for: themes, teller kind, first publication dates, news dates and
projects.

Each unknown value is a 400 that names the allowed values; nothing is silently empty.
"""

import re

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.http import QueryDict
from django.utils.timezone import is_naive
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.fields import StreamField
from wagtail.models import Page

from sitewide.api.feed import parse_timestamp
from stories import consent
from stories.models import NewsPage, ProjectPage, TellerKind, TestimonyPage, Theme

FILTER_PARAMETERS = (
    "themes",
    "kind",
    "first_published_after",
    "first_published_before",
    "date_from",
    "date_until",
    "project",
)
NEWS_TYPE = "stories.NewsPage"


STORY_TYPE = "stories.TestimonyPage"


def allowed(values) -> str:
    return ", ".join(values)


def not_allowed(name, values, choices, several=False) -> str:
    """The one wording of a value outside a parameter's choices (or of no value at all)."""
    arguments = {"name": name, "values": ", ".join(values), "allowed": allowed(choices)}
    if not values:
        message = _("%(name)s needs a value; allowed values are %(allowed)s")
    else:
        message = _("%(name)s: %(values)s is not allowed; allowed values are %(allowed)s")
    return message % arguments + (_(" (several separated by commas)") if several else "")


def listed_values(request, name, choices) -> list[str]:
    # Each value once: a value repeated a thousand times is the same filter.
    values = list(
        dict.fromkeys(value.strip() for value in request.GET[name].split(",") if value.strip())
    )
    unknown = [value for value in values if value not in choices]
    if not values or unknown:
        raise BadRequestError(not_allowed(name, unknown, choices, several=True))
    return values


class PartnerFilter:
    """The filters as a Wagtail API filter backend."""

    def filter_queryset(self, request, queryset, view):
        get = request.GET
        for name in ("themes", "kind"):
            if name in get and get.get("type", STORY_TYPE).lower() != STORY_TYPE.lower():
                raise BadRequestError(
                    _("%(name)s filters stories: use it without type, or with type=%(type)s")
                    % {"name": name, "type": STORY_TYPE}
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
        days = {}
        for name, lookup in (("date_from", "date__gte"), ("date_until", "date__lte")):
            # The news item's own date (first publication is when it went on this site).
            if name in get:
                if get.get("type", "").lower() != NEWS_TYPE.lower():
                    raise BadRequestError(
                        _("%(name)s filters news by its date: add type=%(type)s")
                        % {"name": name, "type": NEWS_TYPE}
                    )
                days[name] = checked_field_value(NewsPage, "date", get[name], parameter=name)
                news = NewsPage.objects.filter(**{lookup: days[name]})
                queryset = queryset.filter(pk__in=news.values("pk"))
        if len(days) == 2 and days["date_from"] > days["date_until"]:
            raise BadRequestError(
                _(
                    "date_from (%(first)s) comes after date_until (%(last)s): give the earlier "
                    "day first"
                )
                % {"first": days["date_from"], "last": days["date_until"]}
            )
        if "project" in get:
            queryset = queryset.filter(pk__in=self.about_project(get["project"]).values("pk"))
        return queryset

    @staticmethod
    def about_project(value):
        """News and stories linked to the project (in any language: the link is made on the
        source)."""
        message = _(
            "project: %(value)s is not a project; give the id of a project page "
            "(/api/v2/pages/?type=stories.ProjectPage)"
        ) % {"value": repr(value)}
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


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# What a value of each kind of field looks like, for the message that refuses another.
FIELD_VALUE_EXAMPLES = (
    (
        models.DateTimeField,
        gettext_lazy("an ISO 8601 date and time with a timezone, e.g. 2026-01-31T00:00:00Z"),
    ),
    (models.DateField, gettext_lazy("a date as YYYY-MM-DD, e.g. 2021-03-12")),
    (models.DecimalField, gettext_lazy("a number, e.g. 1500.50")),
    (models.FloatField, gettext_lazy("a number, e.g. 1500.5")),
)
BOOLEAN_VALUES = ("true", "false", "1", "0")  # as Wagtail reads them


def holds_several_values(field) -> bool:
    """Blocks, a stored list, or links to several objects: nothing to compare one value with, or
    to order by."""
    return (
        isinstance(field, StreamField | models.JSONField)
        or field.many_to_many
        or field.one_to_many
        or (field.is_relation and not field.concrete)
    )


NUMBER_FIELDS = (
    models.IntegerField,
    models.BooleanField,
    models.DateField,
    models.DecimalField,
    models.FloatField,
)


def written_in_digits(field) -> bool:
    return field.is_relation or isinstance(field, NUMBER_FIELDS)


def model_field(model, name: str):
    try:
        return model._meta.get_field(name)
    except (LookupError, FieldDoesNotExist):
        return None


def checked_field_value(model, name: str, value: str, parameter: str = "") -> str:
    """The value of a `?field=value` filter (or of `parameter`, compared with the field) as
    the database compares it, or a 400 naming the parameter and what it takes (Django would
    raise while building the query: a 500)."""
    shown = parameter or name
    field = model_field(model, name)
    if field is None:
        return value
    if holds_several_values(field):
        raise BadRequestError(
            _("%(name)s can't be filtered on: it holds several values, not one") % {"name": shown}
            + (_("; use themes= (several separated by commas)") if name == "themes" else "")
        )
    # Python reads other scripts' digits ("٢٠٢٠") as numbers and dates; a client's bug, not a
    # value (text, such as a slug, may hold any script).
    if written_in_digits(field) and not value.isascii():
        raise BadRequestError(_("%(name)s must be written with the digits 0-9") % {"name": shown})
    if field.is_relation or isinstance(field, models.IntegerField):
        if not value.isdigit():  # ASCII: checked above
            raise BadRequestError(
                _("%(name)s must be a whole number of %(minimum)s or more")
                % {"name": shown, "minimum": 0}
            )
        return value
    if isinstance(field, models.BooleanField):
        if value not in BOOLEAN_VALUES:
            raise BadRequestError(_("%(name)s must be true or false") % {"name": shown})
        return value
    if field.choices:
        choices = [str(choice) for choice, _label in field.flatchoices]
        if value not in choices:
            raise BadRequestError(not_allowed(shown, [value], choices))
        return value
    for kind, example in FIELD_VALUE_EXAMPLES:
        if isinstance(field, kind):
            must_be = _("%(name)s must be %(example)s") % {"name": shown, "example": example}
            if kind is models.DateField and not ISO_DAY.fullmatch(value):
                raise BadRequestError(must_be)
            try:
                parsed = field.to_python(value)
            except (ValidationError, ValueError, OverflowError) as error:
                raise BadRequestError(must_be) from error
            if isinstance(field, models.DateTimeField):
                if is_naive(parsed):
                    raise BadRequestError(
                        _("%(name)s needs a time with a timezone; give %(example)s")
                        % {"name": shown, "example": example}
                    )
                return parsed.isoformat()
            return str(parsed)
    return value


class CheckedOrderingFilter(OrderingFilter):
    """Wagtail's `order`, refusing what has no single value to order by (blocks, lists, links to
    several pages: Django would repeat an item once per value and lose others across pages)."""

    def filter_queryset(self, request, queryset, view):
        if "order" in request.GET:
            value = request.GET["order"]
            name = value[1:] if value.startswith("-") else value
            if not name:
                raise BadRequestError(_("order needs a field, -field for descending, or random"))
            field = model_field(queryset.model, name)
            if field is not None and holds_several_values(field):
                raise BadRequestError(
                    _("cannot order by '%(name)s': it holds several values, not one")
                    % {"name": name}
                )
        return super().filter_queryset(request, queryset, view)


class FieldsFilterExcept(FieldsFilter):
    """Wagtail's `?field=value` filters, except for the parameters an endpoint reads itself;
    every value is checked against its field first."""

    excepted: tuple = ()

    def filter_queryset(self, request, queryset, view):
        class Narrowed:
            GET = QueryDict(mutable=True)

        fields = set(view.get_available_fields(queryset.model, db_fields_only=True)) - {"locale"}
        for name, values in request.GET.lists():
            if name in self.excepted:
                continue
            if name in fields:
                values = [checked_field_value(queryset.model, name, value) for value in values]
            Narrowed.GET.setlist(name, values)
        return super().filter_queryset(Narrowed, queryset, view)


class PlainFieldsFilter(FieldsFilterExcept):
    """Except the filters above (`themes` is also a field of stories, which Wagtail would
    compare with the whole stored list)."""

    excepted = FILTER_PARAMETERS
