"""The docs of this area are true: docs/python-api.md's examples run; docs/api.md lists every route;
the serve and export commands are documented."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def python_blocks(path: Path) -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", path.read_text(encoding="utf-8"), re.S | re.M)


def test_python_api_examples_run(tmp_path, monkeypatch, capsys):
    blocks = python_blocks(DOCS / "python-api.md")
    assert len(blocks) >= 6
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": "python_api_doc"}
    for n, block in enumerate(blocks, 1):
        try:
            exec(compile(block, f"docs/python-api.md block {n}", "exec"), namespace)
        except Exception as exc:  # noqa: BLE001 - report which block failed
            pytest.fail(f"docs/python-api.md block {n} failed: {type(exc).__name__}: {exc}\n{block}")
    printed = capsys.readouterr().out
    assert "Nasser Kanaani" in printed and "E202" in printed
    assert (tmp_path / "example.db").exists() and (tmp_path / "graph.graphml").exists()


def test_every_route_is_in_docs_api(client):
    text = (DOCS / "api.md").read_text(encoding="utf-8")
    for path, methods in client.get("/api/openapi.json").json()["paths"].items():
        for method in methods:
            assert f"`{method.upper()} {path}`" in text, f"{method.upper()} {path} missing from docs/api.md"
    from onrecord.server.errors import API_CODES
    for code in API_CODES:
        if code != "E515":
            assert code in text, code


def test_commands_and_pages_are_documented():
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    web = (DOCS / "web.md").read_text(encoding="utf-8")
    assert "onrecord serve" in api and "ONRECORD_TOKEN" in api and "ONRECORD_READ_TOKEN" in api
    for page in ("/claims/{id}", "/speakers/{key}", "/articles/{id}", "/search?q=", "/claims?sort=", "/speakers?sort=",
                 "/articles?sort=", "&page=N", "/login", "/logout"):
        assert page in web
    for shot in re.findall(r"\]\((screenshots/[^)]+)\)", web):
        assert (DOCS / shot).is_file(), shot
    export = (DOCS / "python-api.md").read_text(encoding="utf-8")
    assert "onrecord export" in export
    assert os.path.exists(DOCS / "screenshots" / "claim.png")
