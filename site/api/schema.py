"""The OpenAPI 3 document of the API at /api/v2/schema/.

Wagtail generates none for API v2, so it is built here from the page types' `api_fields`:
a field added to a page type appears in the document, and the test suite validates real
responses against it (and runs schemathesis), so the document stays true.
"""

from django.conf import settings
from django.db import models
from django.http import JsonResponse
from django.urls import reverse
from wagtail.models import Page, get_page_models

from sitewide.api import views
from sitewide.api.feed import MAX_ITEMS
from sitewide.api.models import ContentChange
from stories import api_fields as story_fields
from stories.organisations import Organisation

STRING = {"type": "string"}
NULLABLE_STRING = {"type": "string", "nullable": True}
INTEGER = {"type": "integer"}
REF = "#/components/schemas/"


def ref(name):
    return {"$ref": REF + name}


def array(items):
    return {"type": "array", "items": items}


def obj(properties, required=None):
    schema = {"type": "object", "properties": properties}
    schema["required"] = list(properties) if required is None else required
    return schema


# Fields computed by a serializer: their shape, by serializer class.
SERIALIZER_SCHEMAS = {
    story_fields.TranslationsField: array(ref("PageLink")),
    story_fields.BodyField: array(ref("Block")),
    story_fields.HeroImageField: {**ref("Image"), "nullable": True},
    story_fields.RelatedStoriesField: array(ref("StoryLink")),
    story_fields.ReadingMinutesField: INTEGER,
    story_fields.TableOfContentsField: array(obj({"heading": STRING, "anchor": STRING})),
    story_fields.ValueListField: array(obj({"value": STRING, "label": STRING})),
    story_fields.OrganisationField: {**ref("Organisation"), "nullable": True},
    story_fields.DocumentField: {**ref("Document"), "nullable": True},
    story_fields.RelatedProjectsField: array(ref("PageLink")),
    story_fields.FeedUrlsField: obj({"rss": STRING, "atom": STRING}),
    story_fields.ListedOrganisationsField: array(ref("Organisation")),
    story_fields.LocaleCodeField: STRING,
}


def model_field_schema(field) -> dict:
    if isinstance(field, models.DateTimeField):
        schema = {"type": "string", "format": "date-time"}
    elif isinstance(field, models.DateField):
        schema = {"type": "string", "format": "date"}
    elif isinstance(field, models.DecimalField):
        schema = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}  # exact, as a string
    elif isinstance(field, models.BooleanField):
        schema = {"type": "boolean"}
    elif isinstance(field, models.IntegerField | models.AutoField):
        schema = dict(INTEGER)
    elif isinstance(field, models.JSONField):
        schema = array(STRING)
    else:
        schema = dict(STRING)
    if getattr(field, "choices", None):
        schema["enum"] = [value for value, _label in field.choices]
    if field.null:
        schema["nullable"] = True
    return schema


def api_field_schema(model, api_field) -> dict:
    if api_field.serializer is not None:
        return SERIALIZER_SCHEMAS[type(api_field.serializer)]
    field = model._meta.get_field(api_field.name)
    if field.one_to_many:  # child objects of a page (partners, deliverables, ...)
        child = field.related_model
        return array(
            obj({"id": INTEGER} | {f.name: api_field_schema(child, f) for f in child.api_fields})
        )
    return model_field_schema(field)


def page_schema(model) -> dict:
    """A page's detail: id, meta, title, and every API field of its type."""
    properties = {
        "id": INTEGER,
        "meta": ref("PageDetailMeta"),
        "title": STRING,
    } | {field.name: api_field_schema(model, field) for field in model.api_fields}
    return obj(properties)


def public_page_models():
    return [m for m in get_page_models() if m is not Page and hasattr(m, "api_fields")]


def type_name(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def components() -> dict:
    page_meta = {
        "type": STRING,
        "detail_url": STRING,
        "html_url": STRING,
        "slug": STRING,
        "first_published_at": {"type": "string", "format": "date-time", "nullable": True},
        "locale": STRING,
    }
    detail_meta = page_meta | {
        "show_in_menus": {"type": "boolean"},
        "seo_title": STRING,
        "search_description": STRING,
        "alias_of": {"type": "object", "nullable": True},
        "parent": {"type": "object", "nullable": True},
    }
    link = {
        "id": INTEGER,
        "type": STRING,
        "title": STRING,
        "locale": STRING,
        "html_url": STRING,
        "detail_url": STRING,
    }
    schemas = {
        "Error": obj({"message": STRING}),
        "PageListMeta": obj(page_meta),
        "PageDetailMeta": obj(detail_meta, required=list(page_meta)),
        "PageListing": obj(
            {
                "meta": obj({"total_count": INTEGER}),
                "items": array(
                    {
                        "type": "object",
                        "required": ["id", "meta"],
                        "properties": {"id": INTEGER, "meta": ref("PageListMeta"), "title": STRING},
                    }
                ),
            }
        ),
        "PageLink": obj(link),
        "StoryLink": obj(link | {"pseudonym": STRING, "quote": STRING}),
        "Block": obj({"type": STRING, "value": {}, "id": STRING}),
        "Rendition": obj({"url": STRING, "width": INTEGER, "height": INTEGER, "format": STRING}),
        "Image": obj(
            {
                "id": INTEGER,
                "width": INTEGER,
                "height": INTEGER,
                "alt": STRING,
                "decorative": {"type": "boolean"},
                "renditions": array(ref("Rendition")),
            }
        ),
        "Document": obj(
            {"title": STRING, "url": STRING, "file_size": {**INTEGER, "nullable": True}}
        ),
        "Organisation": obj(
            {
                "id": INTEGER,
                "name": STRING,
                "description": STRING,
                "country": STRING,
                "country_name": STRING,
                "city": STRING,
                "help_kinds": array(obj({"value": STRING, "label": STRING})),
                "languages_spoken": STRING,
                "website": STRING,
                "phone": STRING,
            }
        ),
        "OrganisationListing": obj(
            {
                "meta": obj({"total_count": INTEGER}),
                "items": array({"type": "object", "required": ["id", "meta"]}),
            }
        ),
        "OrganisationDetail": obj(
            {"id": INTEGER, "meta": obj({"type": STRING, "detail_url": STRING})}
            | {
                field.name: api_field_schema(Organisation, field)
                for field in Organisation.api_fields
            }
        ),
        "Change": {
            "type": "object",
            "required": ["id", "event", "page_id", "at"],
            "properties": {
                "id": INTEGER,
                "event": {"type": "string", "enum": [e for e, _l in ContentChange.EVENTS]},
                "page_id": INTEGER,
                "at": {"type": "string", "format": "date-time"},
                "type": STRING,
                "locale": STRING,
                "html_url": STRING,
                "detail_url": STRING,
            },
        },
        "LanguageSettings": obj(
            {"locale": STRING, "help_text": STRING}
            | dict.fromkeys(views.SETTINGS_TEXT_FIELDS, STRING)
            | {"safety_page": {**ref("PageLink"), "nullable": True}}
            | {"privacy_page": {**ref("PageLink"), "nullable": True}}
        ),
        "Changes": obj(
            {
                "meta": obj({"since": STRING, "count": INTEGER, "next": NULLABLE_STRING}),
                "items": array(ref("Change")),
            }
        ),
    }
    models_ = public_page_models()
    for model in models_:
        schemas[model.__name__] = page_schema(model)
    schemas["PageDetail"] = {"anyOf": [ref(model.__name__) for model in models_]}
    return schemas


def parameter(name, schema, description, location="query", required=False):
    return {
        "name": name,
        "in": location,
        "required": required,
        "description": description,
        "schema": schema,
    }


def json_response(description, schema_name):
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema_name)}},
    }


ERRORS = {
    "400": json_response("Invalid parameter: the message says which and why.", "Error"),
    "404": json_response("Not found, or not shown through the API.", "Error"),
}
ID = {"type": "integer", "minimum": 1}
LISTING_PARAMETERS = [
    parameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": settings.WAGTAILAPI_LIMIT_MAX},
        f"Items per page, at most {settings.WAGTAILAPI_LIMIT_MAX}.",
    ),
    parameter("offset", {"type": "integer", "minimum": 0}, "Items to skip."),
    parameter("fields", STRING, "Fields to add (a,b) or remove (-a); * for all."),
    parameter("order", STRING, "Field to order by; - for descending; random."),
    parameter(
        "search", {"type": "string", "maxLength": views.MAX_SEARCH_LENGTH}, "Words to search for."
    ),
    parameter("search_operator", {"type": "string", "enum": ["and", "or"]}, "How words combine."),
]


def document(base_url: str) -> dict:
    languages = [code for code, _name in settings.LANGUAGES]
    page_types = [type_name(model) for model in public_page_models()]
    return {
        "openapi": "3.0.3",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME} content API",
            "version": "2",
            "description": (
                "Read-only JSON of every public page in every language, under the tellers' "
                "consent. Partners must follow the changes feed (or a webhook) and remove "
                "pages that are unpublished or withdrawn."
            ),
        },
        "servers": [{"url": base_url}],
        "paths": {
            "/pages/": {
                "get": {
                    "summary": "List pages",
                    "parameters": LISTING_PARAMETERS
                    + [
                        parameter("type", STRING, "Page type, e.g. " + ", ".join(page_types) + "."),
                        parameter("locale", {"type": "string", "enum": languages}, "Language."),
                        parameter("child_of", ID, "Pages directly below this page."),
                        parameter("descendant_of", ID, "Pages anywhere below this page."),
                        parameter("translation_of", ID, "Translations of this page."),
                    ],
                    "responses": {"200": json_response("Pages.", "PageListing"), **ERRORS},
                }
            },
            "/pages/{id}/": {
                "get": {
                    "summary": "One page with all its fields",
                    "parameters": [
                        parameter("id", ID, "Page id.", location="path", required=True),
                        parameter("fields", STRING, "Fields to add or remove."),
                    ],
                    "responses": {"200": json_response("The page.", "PageDetail"), **ERRORS},
                }
            },
            "/pages/find/": {
                "get": {
                    "summary": "Find a page by its public path, e.g. /en/stories/a-story/",
                    "parameters": [
                        parameter("html_path", STRING, "Path of the HTML page."),
                        parameter("id", ID, "Page id."),
                    ],
                    "responses": {
                        "302": {"description": "Redirect to the page's detail URL."},
                        **ERRORS,
                    },
                }
            },
            "/pages/preview/": {
                "get": {
                    "summary": "A draft, with a preview token issued in the admin (1 hour)",
                    "parameters": [parameter("token", STRING, "The preview token.", required=True)],
                    "responses": {"200": json_response("The draft.", "PageDetail"), **ERRORS},
                }
            },
            "/organisations/": {
                "get": {
                    "summary": "Organisations that support victims",
                    "parameters": [p for p in LISTING_PARAMETERS if p["name"] not in ("search",)]
                    + [
                        parameter("locale", {"type": "string", "enum": languages}, "Language."),
                        parameter("country", STRING, "ISO 3166 country code."),
                    ],
                    "responses": {
                        "200": json_response("Organisations.", "OrganisationListing"),
                        **ERRORS,
                    },
                }
            },
            "/organisations/{id}/": {
                "get": {
                    "summary": "One organisation",
                    "parameters": [parameter("id", ID, "Id.", location="path", required=True)],
                    "responses": {
                        "200": json_response("The organisation.", "OrganisationDetail"),
                        **ERRORS,
                    },
                }
            },
            "/settings/": {
                "get": {
                    "summary": "A language's helpline, contact details and quick-exit target",
                    "parameters": [
                        parameter("locale", {"type": "string", "enum": languages}, "Language.")
                    ],
                    "responses": {
                        "200": json_response("The settings.", "LanguageSettings"),
                        **ERRORS,
                    },
                }
            },
            "/changes/": {
                "get": {
                    "summary": "What changed since a moment: publish, change, unpublish, withdraw",
                    "parameters": [
                        parameter(
                            "since",
                            {"type": "string", "format": "date-time"},
                            "ISO 8601 date and time.",
                            required=True,
                        ),
                        parameter("after", {"type": "integer", "minimum": 0}, "Event id cursor."),
                        parameter(
                            "limit",
                            {"type": "integer", "minimum": 1, "maximum": MAX_ITEMS},
                            f"Events per page, at most {MAX_ITEMS}.",
                        ),
                    ],
                    "responses": {"200": json_response("Events.", "Changes"), **ERRORS},
                }
            },
        },
        "components": {"schemas": components()},
    }


@views.read_only
def schema_view(request):
    base_url = request.build_absolute_uri(reverse("wagtailapi:pages:listing")).rsplit("pages/", 1)[
        0
    ]
    return JsonResponse(document(base_url), json_dumps_params={"indent": 2})
