"""The OpenAPI 3 document of the API at /api/v2/schema/.

Wagtail generates none for API v2, so it is built here from the page types' `api_fields`:
a field added to a page type appears in the document, and the test suite validates real
responses against it (and runs schemathesis), so the document stays true.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.http import JsonResponse
from django.urls import reverse
from wagtail import blocks
from wagtail.models import Page, get_page_models

from longread import blocks as longread_blocks
from longread.absolute import absolute_url
from sitewide.api import views
from sitewide.api.feed import MAX_ITEMS
from sitewide.api.models import ContentChange
from stories import api_fields as story_fields
from stories.models import HelpKind, Organisation, TellerKind, Theme

STRING = {"type": "string"}
NULLABLE_STRING = {"type": ["string", "null"]}
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


def strict(properties, required=None):
    """An object with exactly these properties (generated clients get no index signature)."""
    return obj(properties, required) | {"additionalProperties": False}


def nullable(schema):
    """`schema` or null, in OpenAPI 3.1's own JSON Schema (strict validators and generated
    clients read it as written: OpenAPI 3.0's `nullable` had no effect beside a reference)."""
    if "$ref" in schema or "type" not in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
    result = {**schema, "type": [*types, "null"]}
    if "enum" in schema:
        result["enum"] = [*schema["enum"], None]
    return result


def const(value):
    return {"type": "string", "enum": [value]}


def union(members: dict) -> dict:
    """A discriminated union on `type`: {type value: component name}."""
    return {
        "oneOf": [ref(name) for name in members.values()],
        "discriminator": {
            "propertyName": "type",
            "mapping": {value: REF + name for value, name in members.items()},
        },
    }


# Rich text (longread/richtext.py): the HTML and the same text as blocks of inline nodes.
RICH_TEXT_BLOCKS = {
    "paragraph": "RichTextParagraph",
    "heading": "RichTextHeading",
    "list": "RichTextList",
}
RICH_TEXT_INLINES = {"text": "RichTextText", "link": "RichTextLink", "line_break": "RichTextBreak"}


def rich_text_components() -> dict:
    inlines = array(ref("RichTextInline"))
    return {
        "RichText": strict({"html": STRING, "content": array(ref("RichTextNode"))}),
        "RichTextNode": union(RICH_TEXT_BLOCKS),
        "RichTextParagraph": strict({"type": const("paragraph"), "children": inlines}),
        "RichTextHeading": strict(
            {
                "type": const("heading"),
                "level": {"type": "integer", "minimum": 1, "maximum": 6},
                "children": inlines,
            }
        ),
        "RichTextList": strict(
            {
                "type": const("list"),
                "ordered": {"type": "boolean"},
                "items": array(array(ref("RichTextNode"))),
            }
        ),
        "RichTextInline": union(RICH_TEXT_INLINES),
        "RichTextText": strict(
            {
                "type": const("text"),
                "text": STRING,
                "marks": array({"type": "string", "enum": ["bold", "italic"]}),
            }
        ),
        "RichTextLink": strict(
            {
                "type": const("link"),
                "href": {"type": "string", "format": "uri"},
                "children": inlines,
            }
        ),
        "RichTextBreak": strict({"type": const("line_break")}),
    }


RICH_TEXT = ref("RichText")
IMAGE_OR_NULL = nullable(ref("Image"))
URL = {"type": "string", "format": "uri"}
URL_OR_NULL = nullable(URL)

# Blocks whose API representation is their own (`get_api_representation` in longread/blocks.py).
# Other blocks are described from their child blocks; a block with a representation of its own
# and no entry here stops the document from being built, so the schema cannot fall behind.
BLOCK_VALUE_SCHEMAS = {
    longread_blocks.ChapterBlock: strict({"heading": STRING, "anchor": STRING}),
    longread_blocks.LongreadRichTextBlock: RICH_TEXT,
    longread_blocks.FigureBlock: strict(
        {
            "image": IMAGE_OR_NULL,
            "caption": STRING,
            "credit": STRING,
            "width": {"type": "string", "enum": ["inline", "wide", "full"]},
        }
    ),
    longread_blocks.BackdropBlock: strict(
        {
            "image": IMAGE_OR_NULL,
            "cards": array(RICH_TEXT),
            "transition": {"type": "string", "enum": ["scroll", "fade", "reveal"]},
        }
    ),
    longread_blocks.ScrollyStepsBlock: strict(
        {
            "heading": STRING,
            "steps": array(strict({"image": IMAGE_OR_NULL, "text": RICH_TEXT})),
        }
    ),
    longread_blocks.AudioBlock: strict(
        {
            "title": STRING,
            "url": URL_OR_NULL,
            "mime_type": NULLABLE_STRING,
            "transcript": RICH_TEXT,
        }
    ),
    longread_blocks.VideoBlock: strict(
        {
            "title": STRING,
            "url": URL_OR_NULL,
            "captions_url": URL_OR_NULL,
            "external_url": URL_OR_NULL,
            "poster": IMAGE_OR_NULL,
            "transcript": RICH_TEXT,
        }
    ),
    longread_blocks.GalleryBlock: strict(
        {
            "heading": STRING,
            "images": array(strict({"image": IMAGE_OR_NULL, "caption": STRING})),
        }
    ),
    longread_blocks.ImageComparisonBlock: strict(
        {
            "before": IMAGE_OR_NULL,
            "before_label": STRING,
            "after": IMAGE_OR_NULL,
            "after_label": STRING,
            "caption": STRING,
        }
    ),
    longread_blocks.HelpBoxBlock: strict({"heading": STRING, "text": RICH_TEXT}),
    longread_blocks.DocumentBlock: strict(
        {
            "title": STRING,
            "description": STRING,
            "language": STRING,
            "url": URL_OR_NULL,
            "file_size": nullable(INTEGER),
        }
    ),
}


def block_value_schema(block) -> dict:
    """The JSON shape of a block's API value."""
    if type(block) in BLOCK_VALUE_SCHEMAS:
        return BLOCK_VALUE_SCHEMAS[type(block)]
    if isinstance(block, blocks.StructBlock):
        if type(block).get_api_representation is not blocks.StructBlock.get_api_representation:
            raise ImproperlyConfigured(f"{type(block).__name__}: describe its API value here")
        return strict({name: block_value_schema(c) for name, c in block.child_blocks.items()})
    if isinstance(block, blocks.ListBlock):
        return array(block_value_schema(block.child_block))
    if isinstance(block, blocks.IntegerBlock):
        return INTEGER if block.required else nullable(INTEGER)
    if isinstance(block, blocks.BooleanBlock):
        return {"type": "boolean"}
    if isinstance(block, blocks.ChoiceBlock):
        return {"type": "string", "enum": [str(value) for value, _label in block.field.choices]}
    if isinstance(block, blocks.CharBlock | blocks.TextBlock | blocks.URLBlock):
        return STRING
    raise ImproperlyConfigured(f"{type(block).__name__}: describe its API value here")


def block_component_name(name: str) -> str:
    return "Block" + "".join(part.title() for part in name.split("_"))


def block_components() -> dict:
    """Every block type of the longread body as its own component, and `Block`, their union."""
    stream = longread_blocks.LongreadBody()
    schemas = {}
    for name, block in stream.child_blocks.items():
        schemas[block_component_name(name)] = strict(
            {"type": const(name), "value": block_value_schema(block), "id": STRING}
        )
    schemas["Block"] = union({name: block_component_name(name) for name in stream.child_blocks})
    return schemas


# Fields computed by a serializer: their shape, by serializer class.
SERIALIZER_SCHEMAS = {
    story_fields.TranslationsField: array(ref("PageLink")),
    story_fields.BodyField: array(ref("Block")),
    story_fields.HeroImageField: nullable(ref("Image")),
    story_fields.RelatedStoriesField: array(ref("StoryLink")),
    story_fields.ReadingMinutesField: INTEGER,
    story_fields.TableOfContentsField: array(obj({"heading": STRING, "anchor": STRING})),
    story_fields.ValueListField: lambda field: array(
        strict({"value": {"type": "string", "enum": list(field.choices)}, "label": STRING})
    ),
    story_fields.OrganisationField: nullable(ref("Organisation")),
    story_fields.DocumentField: nullable(ref("Document")),
    story_fields.RelatedProjectsField: array(ref("ProjectLink")),
    story_fields.FeedUrlsField: strict({"rss": URL, "atom": URL}),
    story_fields.ListedOrganisationsField: array(ref("Organisation")),
    story_fields.ShownAddressField: STRING,
    story_fields.CountryNameField: STRING,
    story_fields.LocaleCodeField: lambda field: {
        "type": "string",
        "enum": [code for code, _name in settings.LANGUAGES],
    },
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
    return nullable(schema) if field.null else schema


def api_field_schema(model, api_field) -> dict:
    if api_field.serializer is not None:
        schema = SERIALIZER_SCHEMAS[type(api_field.serializer)]
        return schema(api_field.serializer) if callable(schema) else schema
    field = model._meta.get_field(api_field.name)
    if field.one_to_many:  # child objects of a page (partners, deliverables, ...)
        child = field.related_model
        return array(
            obj(
                {"id": INTEGER, "meta": obj({"type": STRING})}
                | {f.name: api_field_schema(child, f) for f in child.api_fields}
            )
        )
    return model_field_schema(field)


def page_schema(model) -> dict:
    """A page's detail: id, meta (its `type` fixed to this page type), title, and every API
    field of its type."""
    meta = {"allOf": [ref("PageDetailMeta"), {"properties": {"type": const(type_name(model))}}]}
    properties = {
        "id": INTEGER,
        "meta": meta,
        "title": STRING,
    } | {field.name: api_field_schema(model, field) for field in model.api_fields}
    return obj(properties)


def public_page_models():
    return [m for m in get_page_models() if m is not Page and hasattr(m, "api_fields")]


def type_name(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def components() -> dict:
    page_meta = {
        "type": {"type": "string", "enum": [type_name(m) for m in public_page_models()]},
        "detail_url": URL,
        "html_url": URL_OR_NULL,
        "slug": STRING,
        "first_published_at": nullable({"type": "string", "format": "date-time"}),
        "locale": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
    }
    detail_meta = page_meta | {
        "show_in_menus": {"type": "boolean"},
        "seo_title": STRING,
        "search_description": STRING,
        "alias_of": nullable(ref("NestedPage")),
        "parent": nullable(ref("NestedPage")),
    }
    link = {
        "id": INTEGER,
        "type": page_meta["type"],
        "title": STRING,
        "locale": page_meta["locale"],
        "html_url": URL_OR_NULL,
        "detail_url": URL,
    }
    listing_meta = strict(
        {"total_count": INTEGER, "next": URL_OR_NULL},
        required=["total_count", "next"],
    )
    schemas = {
        "Error": obj({"message": STRING}),
        "NestedPage": strict(
            {
                "id": INTEGER,
                "meta": strict(
                    {"type": page_meta["type"], "detail_url": URL, "html_url": URL_OR_NULL}
                ),
                "title": STRING,
            }
        ),
        "ListingMeta": listing_meta,
        "PageListMeta": obj(page_meta),
        "PageDetailMeta": obj(detail_meta, required=list(page_meta)),
        "PageListing": obj(
            {
                "meta": ref("ListingMeta"),
                "items": array(
                    {
                        "type": "object",
                        "required": ["id", "meta"],
                        "properties": {"id": INTEGER, "meta": ref("PageListMeta"), "title": STRING},
                        # Fields asked for with `fields=` (their types: the page type's detail).
                        "additionalProperties": True,
                    }
                ),
            }
        ),
        "PageLink": strict(link),
        "StoryLink": strict(
            link | {"pseudonym": STRING, "role": STRING, "quote": STRING, "teaser": STRING}
        ),
        "ProjectLink": strict(link | {"acronym": STRING}),
        **block_components(),
        **rich_text_components(),
        "Rendition": strict(
            {
                "url": URL,
                "width": INTEGER,
                "height": INTEGER,
                "format": {"type": "string", "enum": list(longread_blocks.IMAGE_FORMATS)},
            }
        ),
        "Image": strict(
            {
                "id": INTEGER,
                "kind": {"type": "string", "enum": ["photo", "illustration"]},
                "width": INTEGER,
                "height": INTEGER,
                "alt": STRING,
                "decorative": {"type": "boolean"},
                "renditions": array(ref("Rendition")),
            }
        ),
        "Document": strict({"title": STRING, "url": URL, "file_size": nullable(INTEGER)}),
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
                "email": STRING,
            }
        ),
        "OrganisationListing": obj(
            {
                "meta": ref("ListingMeta"),
                "items": array(
                    {
                        "type": "object",
                        "required": ["id", "meta"],
                        "properties": {
                            "id": INTEGER,
                            "meta": obj({"type": STRING, "detail_url": URL}),
                            "locale": STRING,
                            "name": STRING,
                            "country": STRING,
                            "city": STRING,
                        },
                        "additionalProperties": True,
                    }
                ),
            }
        ),
        "OrganisationDetail": obj(
            {"id": INTEGER, "meta": obj({"type": STRING, "detail_url": URL})}
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
                "type": page_meta["type"],
                "locale": page_meta["locale"],
                "html_url": URL_OR_NULL,
                "detail_url": URL,
            },
            "additionalProperties": False,
        },
        "Index": strict(
            {
                "endpoints": strict(
                    dict.fromkeys(("pages", "organisations", "settings", "changes", "schema"), URL)
                ),
                "languages": array(
                    strict(
                        {
                            "code": {
                                "type": "string",
                                "enum": [code for code, _name in settings.LANGUAGES],
                            },
                            "name": STRING,
                            "name_local": STRING,
                            "direction": {"type": "string", "enum": ["ltr", "rtl"]},
                            "source": {"type": "boolean"},
                        }
                    )
                ),
            }
        ),
        "LanguageSettings": obj(
            {
                "locale": {"type": "string", "enum": [code for code, _name in settings.LANGUAGES]},
                "help_text": RICH_TEXT,
            }
            | dict.fromkeys(views.SETTINGS_TEXT_FIELDS, STRING)
            | {"safety_page": nullable(ref("PageLink"))}
            | {"privacy_page": nullable(ref("PageLink"))}
        ),
        "Changes": obj(
            {
                "meta": strict(
                    {
                        "since": nullable({"type": "string", "format": "date-time"}),
                        "after": INTEGER,
                        "count": INTEGER,
                        "more": {"type": "boolean"},
                        "next": URL,
                    }
                ),
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


def listed_parameter(name, values, what):
    """A filter taking several of `values`, comma-separated, any of which matches (the server
    reads it with sitewide.api.filters.listed_values)."""
    return parameter(
        name,
        {"type": "string", "pattern": "^[a-z,]+$"},
        f"{what} any of these, comma-separated: {', '.join(values)}.",
    )


def json_response(description, schema_name):
    return {
        "description": description,
        "content": {"application/json": {"schema": ref(schema_name)}},
    }


ERRORS = {
    "400": json_response("Invalid parameter: the message says which and why.", "Error"),
    "404": json_response(
        "Not found, or not shown through the API: the message is always 'not found'.", "Error"
    ),
}
ID = {"type": "integer", "minimum": 1}
LISTING_PARAMETERS = [
    parameter(
        "limit",
        {"type": "integer", "minimum": 1, "maximum": settings.WAGTAILAPI_LIMIT_MAX},
        f"Items per page, at most {settings.WAGTAILAPI_LIMIT_MAX}.",
    ),
    parameter("offset", {"type": "integer", "minimum": 0}, "Items to skip (not with cursor)."),
    parameter(
        "cursor",
        STRING,
        "Where the next page starts: follow meta.next, which carries it (with the limit).",
    ),
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
        "openapi": "3.1.0",
        "info": {
            "title": f"{settings.WAGTAIL_SITE_NAME} content API",
            "version": "2",
            "description": (
                "Read-only JSON of every public page in every language, under the tellers' "
                "consent. Partners must follow the changes feed (or a webhook) and remove "
                "pages that are unpublished or withdrawn. Error messages are in English, or in "
                "Dutch when Accept-Language prefers Dutch."
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
                        listed_parameter("themes", Theme.values, "Stories about"),
                        listed_parameter("kind", TellerKind.values, "Stories told by"),
                        parameter(
                            "first_published_after",
                            {"type": "string", "format": "date-time"},
                            "First published after this ISO 8601 time (with a timezone).",
                        ),
                        parameter(
                            "first_published_before",
                            {"type": "string", "format": "date-time"},
                            "First published before this ISO 8601 time (with a timezone).",
                        ),
                        parameter(
                            "date_from",
                            {"type": "string", "format": "date"},
                            "News dated on or after this day (needs type=stories.NewsPage).",
                        ),
                        parameter(
                            "date_until",
                            {"type": "string", "format": "date"},
                            "News dated on or before this day (needs type=stories.NewsPage).",
                        ),
                        parameter("project", ID, "News and stories linked to this project page."),
                    ],
                    "responses": {"200": json_response("Pages.", "PageListing"), **ERRORS},
                }
            },
            "/pages/{id}/": {
                "get": {
                    "summary": "One page with all its fields",
                    "parameters": [
                        parameter("id", ID, "Page id.", location="path", required=True),
                        parameter(
                            "fields",
                            STRING,
                            "Fields to remove (-a), or _ for id and meta only, then fields to "
                            "keep (_,title). The response schema describes the whole answer; "
                            "fields removed here are absent (read it as a Partial).",
                        ),
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
                    "parameters": [
                        p
                        for p in LISTING_PARAMETERS
                        if p["name"] not in ("search", "search_operator")
                    ]
                    + [
                        parameter(
                            "search",
                            {"type": "string", "maxLength": views.MAX_SEARCH_LENGTH},
                            "Words that each appear in name or city.",
                        ),
                        parameter("locale", {"type": "string", "enum": languages}, "Language."),
                        parameter("country", STRING, "ISO 3166 country code."),
                        listed_parameter("help_kinds", HelpKind.values, "Organisations offering"),
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
                    "parameters": [
                        parameter("id", ID, "Id.", location="path", required=True),
                        parameter("fields", STRING, "Fields to remove (-a); id and meta stay."),
                    ],
                    "responses": {
                        "200": json_response("The organisation.", "OrganisationDetail"),
                        **ERRORS,
                    },
                }
            },
            "/": {
                "get": {
                    "summary": "Where everything is, and the site's languages",
                    "parameters": [],
                    "responses": {"200": json_response("The index.", "Index"), **ERRORS},
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
                            "ISO 8601 date and time with a timezone, not in the future. "
                            "Give since, after, or both.",
                        ),
                        parameter(
                            "after",
                            {"type": "integer", "minimum": 0},
                            "Event id cursor: events after this one (meta.next carries it).",
                        ),
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
    unknown = set(request.GET) - {"format"}
    if unknown:
        return views.unsupported(unknown, "format")
    base_url = absolute_url(reverse("wagtailapi:pages:listing"), request).rsplit("pages/", 1)[0]
    return JsonResponse(document(base_url), json_dumps_params={"indent": 2})
