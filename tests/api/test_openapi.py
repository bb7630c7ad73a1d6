"""The OpenAPI document: every route is in it, every schema is valid JSON Schema, every $ref resolves."""
from __future__ import annotations

import json

from jsonschema import Draft202012Validator


def _refs(node):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def _schemas(node):
    """Every inline schema in the document (parameters', bodies' and responses')."""
    if isinstance(node, dict):
        if isinstance(node.get("schema"), dict):
            yield node["schema"]
        for value in node.values():
            yield from _schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _schemas(value)


def test_openapi_document(client):
    doc = client.get("/api/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert doc["info"]["title"] == "onrecord"
    paths = doc["paths"]
    expected = {"/api": {"get"}, "/api/health": {"get"}, "/api/articles": {"get", "post"},
                "/api/articles/{article_id}": {"get"}, "/api/statements": {"get"}, "/api/speakers": {"get"},
                "/api/speakers/{key}": {"get"}, "/api/claims": {"get"}, "/api/claims/{claim_id}": {"get"},
                "/api/stats": {"get"}}
    assert set(paths) == set(expected), "pages (/, /claims/..) stay out of the API document"
    for path, methods in expected.items():
        assert set(paths[path]) == methods, path
    params = {p["name"] for p in paths["/api/statements"]["get"]["parameters"]}
    assert {"speaker", "act", "claim", "outlet", "since", "until", "q", "limit", "offset"} <= params
    body = paths["/api/articles"]["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body == {"$ref": "#/components/schemas/ArticleIn"}
    for path, methods in expected.items():
        for method in methods:
            responses = paths[path][method]["responses"]
            for status in ("401", "404", "422", "500"):
                schema = responses[status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorResponse"}, (path, status)


def test_openapi_schemas_are_valid_and_refs_resolve(client):
    doc = client.get("/api/openapi.json").json()
    components = doc["components"]["schemas"]
    assert {"ArticleIn", "ErrorResponse"} <= set(components)
    assert "HTTPValidationError" not in components, "422s are documented in our error shape"
    for schema in components.values():
        Draft202012Validator.check_schema(schema)
    for schema in _schemas(doc["paths"]):
        Draft202012Validator.check_schema(schema)
    for ref in set(_refs(doc)):
        assert ref.startswith("#/components/schemas/") and ref.split("/")[-1] in components, ref
    article = components["ArticleIn"]
    assert set(article["properties"]) >= {"text", "html", "url", "title", "published"}
    assert article["additionalProperties"] is False
    Draft202012Validator(article).validate({"text": "Someone said something.", "title": "t"})
    json.dumps(doc)                                  # serialisable as it is served
