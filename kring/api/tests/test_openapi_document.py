"""The OpenAPI document insurers built their clients on stays the same, byte for byte: a change to the
API's code that would change it (a field, a description, an error) must change this file on purpose."""

from pathlib import Path

DOCUMENT = Path(__file__).with_name("openapi.json")


def test_the_openapi_document_is_the_one_insurers_know(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.content == DOCUMENT.read_bytes()
