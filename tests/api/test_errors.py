"""Every error is one JSON shape under /api (validation, unknown routes, methods, store errors, 500s),
and the same code and message as an HTML page elsewhere."""
from __future__ import annotations

import pytest

from api.conftest import assert_error, make_client


@pytest.mark.parametrize("path", ["/api/statements?act=shout", "/api/statements?limit=0",
                                  "/api/statements?limit=501", "/api/articles?offset=-1",
                                  "/api/statements?since=yesterday", "/api/statements?until=2020-13-01x1",
                                  "/api/statements?offset=99999999999999999999"])
def test_validation_errors_are_422(client, path):
    error = assert_error(client.get(path), 422, "E510")
    assert error["details"] and all({"where", "problem"} == set(d) for d in error["details"])


def test_validation_message_names_the_parameter(client):
    error = assert_error(client.get("/api/statements?act=shout"), 422, "E510")
    assert "act" in error["message"]


def test_unknown_route_is_404(client):
    error = assert_error(client.get("/api/nothing/here"), 404, "E511")
    assert "/api/nothing/here" in error["message"]


def test_wrong_method_is_405(client):
    assert_error(client.delete("/api/articles"), 405, "E512")


def test_missing_article_is_404_with_the_store_code(client):
    error = assert_error(client.get("/api/articles/no-such-article"), 404, "E202")
    assert "no-such-article" in error["message"]


def test_internal_errors_are_500_in_the_same_shape(sample_db):
    client = make_client(sample_db)

    def boom():
        raise RuntimeError("kaboom")
    client.app.add_api_route("/api/boom", boom)
    error = assert_error(client.get("/api/boom"), 500, "E000")
    assert "RuntimeError" in error["message"] and "kaboom" not in error["message"]


def test_a_page_error_is_an_html_page_with_the_same_code(client):
    response = client.get("/claims/no-such-claim")
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert 'data-code="E205"' in response.text and "no-such-claim" in response.text
    response = client.get("/no/such/page")
    assert response.status_code == 404 and 'data-code="E511"' in response.text
