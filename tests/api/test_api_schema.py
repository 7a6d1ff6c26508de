"""The OpenAPI document is true: it names every field, real answers conform to it, and
schemathesis finds no server error and no non-conforming answer (a bounded run)."""

import copy

import jsonschema_rs
import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from sitewide.api.schema import document, public_page_models
from stories.models import Organisation

pytestmark = pytest.mark.django_db

BASE = "http://testserver/api/v2/"


def json_schema(openapi_schema, components):
    """OpenAPI 3.1 schemas as plain JSON Schema: components become `$defs` (rich text nests
    lists in lists, so references are kept, not inlined)."""

    def convert(node):
        if isinstance(node, dict):
            node = {key: convert(value) for key, value in node.items()}
            if "$ref" in node:
                node["$ref"] = "#/$defs/" + node["$ref"].rsplit("/", 1)[1]
            node.pop("discriminator", None)  # OpenAPI's hint; `type` enums already decide
            assert "nullable" not in node, "OpenAPI 3.0's nullable: write nullable() instead"
            return node
        if isinstance(node, list):
            return [convert(item) for item in node]
        return node

    schema = convert(copy.deepcopy(openapi_schema))
    return {**schema, "$defs": {name: convert(copy.deepcopy(c)) for name, c in components.items()}}


def validate(instance, schema):
    jsonschema_rs.validator_for(schema).validate(instance)


def test_schema_is_served_and_names_every_api_field(client):
    served = client.get("/api/v2/schema/").json()
    assert served["openapi"].startswith("3.")
    schemas = served["components"]["schemas"]
    for model in public_page_models():
        properties = schemas[model.__name__]["properties"]
        for field in model.api_fields:
            assert field.name in properties, (model.__name__, field.name)
    for field in Organisation.api_fields:
        assert field.name in schemas["OrganisationDetail"]["properties"]


def test_every_page_answer_conforms_to_its_type_schema(client):
    components = document(BASE)["components"]["schemas"]
    listing = client.get("/api/v2/pages/?limit=50").json()
    validate(listing, json_schema(components["PageListing"], components))
    for item in listing["items"]:
        detail = client.get(f"/api/v2/pages/{item['id']}/").json()
        model_name = detail["meta"]["type"].split(".")[1]
        validate(detail, json_schema(components[model_name], components))
    organisations = client.get("/api/v2/organisations/?limit=3").json()
    for item in organisations["items"]:
        detail = client.get(f"/api/v2/organisations/{item['id']}/").json()
        validate(detail, json_schema(components["OrganisationDetail"], components))
    changes = client.get("/api/v2/changes/?since=2000-01-01T00:00:00Z").json()
    validate(changes, json_schema(components["Changes"], components))


def test_the_document_itself_is_valid_openapi():
    from openapi_spec_validator import validate as validate_document

    served = document(BASE)
    assert served["openapi"] == "3.1.0"
    validate_document(served)  # raises on an invalid document
    schemathesis.openapi.from_dict(served)


def test_a_strict_openapi_validator_accepts_real_answers_with_nulls(client):
    """What a partner's validator does: OpenAPI 3.1's own validator, references resolved in the
    served document, on answers that hold nulls (a page's `alias_of`, a missing picture)."""
    from openapi_schema_validator import OAS31Validator

    served = client.get("/api/v2/schema/").json()

    def check(answer, name):
        schema = {"components": served["components"], "$ref": f"#/components/schemas/{name}"}
        OAS31Validator(schema).validate(answer)

    nulls = 0
    for item in client.get("/api/v2/pages/?limit=50").json()["items"]:
        detail = client.get(f"/api/v2/pages/{item['id']}/").json()
        nulls += detail["meta"]["alias_of"] is None
        check(detail, detail["meta"]["type"].split(".")[1])
    assert nulls
    check(client.get("/api/v2/settings/?locale=en").json(), "LanguageSettings")


@pytest.fixture(autouse=True)
def keep_the_test_connection_open():
    """Schemathesis calls the WSGI handler directly, which closes the database connection after
    each request (Django's test client disconnects that, as done here): on PostgreSQL that would
    close the test transaction's connection."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


api_schema = schemathesis.openapi.from_dict(document(BASE))
api_schema.app = WSGIHandler()


@api_schema.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,  # the same examples on every run: a failure is reproducible
    suppress_health_check=list(HealthCheck),
)
def test_schemathesis_finds_no_server_error_and_no_nonconforming_answer(case):
    # Ids that are schema-valid may name no page (or one the API does not show): the API then
    # answers 400 or 404 with a message, which this check would call rejected valid data.
    # Plain bodies: the answers are validated as JSON, not as the compressed bytes a
    # client asking for gzip or Brotli would get.
    case.call_and_validate(
        headers={"Accept-Encoding": "identity"}, excluded_checks=[positive_data_acceptance]
    )
