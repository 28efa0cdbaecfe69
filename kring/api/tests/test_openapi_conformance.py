"""The API against its own OpenAPI document: no server errors, every answer as documented."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from kring.api import services
from kring.api.models import ApiCall, Insurer

# Django's WSGI handler itself: kring.wsgi adds only the production start checks (complaint keys).
application = get_wsgi_application()

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture
def connection_kept_open():
    """Called straight through WSGI, Django would close the test's database connection after each
    request (the test client prevents that in the same way)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_it_answers_as_its_openapi_document_says(reimbursed_trainer, connection_kept_open):
    insurer = Insurer.objects.create(name="Conformance", contact_email="api@example.org")
    key, secret = services.api_key_create(insurer, name="conformance")
    key.rate_per_minute = 100_000  # the limit itself is tested elsewhere; here it would hide answers
    key.save()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 6

    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        def call(case):
            case.call_and_validate(headers={"Authorization": f"Bearer {secret}"}, checks=CHECKS)

        call()
    assert ApiCall.objects.filter(status_code__in=(200, 202)).exists()


def test_every_error_answer_is_documented_with_the_error_body(client):
    document = client.get("/api/v1/openapi.json").json()
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            assert {"401", "429", "503"} <= set(responses), (method, path)
            for status, response in responses.items():
                if int(status) >= 400:
                    schema = response["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/Error"}, (method, path, status)
    assert document["components"]["schemas"]["Error"]["required"] == ["error", "message"]


def test_the_documentation_page_loads_its_scripts_from_kring(client):
    html = client.get("/api/v1/docs").content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "cdn." not in html
