"""The JSON Schema of the record (src/onrecord/schema/record.schema.json) matches models.py."""
from __future__ import annotations

import json
from dataclasses import MISSING, fields
from importlib import resources

import jsonschema
import pytest

from onrecord import Article, analyze
from onrecord.models import (
    ACTS,
    ENTITY_KINDS,
    FORMAT,
    STANCES,
    STATEMENT_TYPES,
    Claim,
    Entity,
    Record,
    Stance,
    Statement,
)


@pytest.fixture(scope="module")
def schema() -> dict:
    text = resources.files("onrecord").joinpath("schema/record.schema.json").read_text("utf-8")
    data = json.loads(text)
    jsonschema.Draft202012Validator.check_schema(data)
    return data


def _validate(schema: dict, record: dict) -> None:
    jsonschema.Draft202012Validator(schema).validate(record)


def _hand_built(text: str) -> Record:
    a, b = text.index("Kanaani"), text.index("Kanaani") + len("Kanaani")
    q = text.index("strongly opposes")
    entity = Entity(id="e1", name="Nasser Kanaani", kind="person", titles=("spokesman",),
                    affiliations=("Iranian Foreign Ministry",), mentions=((a, b),))
    st = Statement(id="s1", type="direct", act="oppose", content=text[q:q + 16], content_span=(q, q + 16),
                   cue="stated", cue_span=(b + 1, b + 7), speaker="e1", speaker_text="Kanaani",
                   speaker_span=(a, b), venue="an interview", negated=False, confidence=0.9)
    nested = Statement(id="s2", type="indirect", act="assert", content=text[q:q + 8], content_span=(q, q + 8),
                       nested_in="s1", addressee_span=None)
    claim = Claim(id="c1", text="Iran supplied drones to Russia", polarity="positive",
                  stances=(Stance(statement="s1", speaker="e1", stance="refutes"),))
    return Record(article=Article(id="seed", text=text, language="en", license="CC-BY-4.0"),
                  entities=(entity,), statements=(st, nested), claims=(claim,), pipeline="test",
                  warnings=("a warning",))


def test_seed_record_validates(schema, pipeline, seed_text):
    record = analyze(Article(id="seed", text=seed_text, source="seed.txt"), pipeline)
    _validate(schema, record.to_dict())


def test_hand_built_record_validates_and_round_trips(schema, seed_text):
    record = _hand_built(seed_text)
    _validate(schema, record.to_dict())
    assert Record.from_dict(record.to_dict()) == record


@pytest.mark.parametrize("path, value", [
    (("statements", 0, "act"), "shout"),
    (("statements", 0, "type"), "quoted"),
    (("entities", 0, "kind"), "animal"),
    (("claims", 0, "stances", 0, "stance"), "maybe"),
    (("statements", 0, "content_span"), [1]),
    (("format",), "onrecord/0"),
])
def test_invalid_values_are_refused(schema, seed_text, path, value):
    data = _hand_built(seed_text).to_dict()
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(jsonschema.ValidationError):
        _validate(schema, data)


def test_enums_equal_the_models_constants(schema):
    defs = schema["$defs"]
    assert defs["entity"]["properties"]["kind"]["enum"] == list(ENTITY_KINDS)
    assert defs["statement"]["properties"]["type"]["enum"] == list(STATEMENT_TYPES)
    assert defs["statement"]["properties"]["act"]["enum"] == list(ACTS)
    assert defs["stance"]["properties"]["stance"]["enum"] == list(STANCES)
    assert schema["properties"]["format"]["const"] == FORMAT


@pytest.mark.parametrize("cls, name", [(Article, "article"), (Entity, "entity"), (Statement, "statement"),
                                       (Stance, "stance"), (Claim, "claim")])
def test_schema_fields_and_required_follow_the_dataclasses(schema, cls, name):
    part = schema["$defs"][name]
    in_json = [f for f in fields(cls) if f.metadata.get("json", True)]   # Claim.vector stays in memory
    assert set(part["properties"]) == {f.name for f in in_json}
    required = {f.name for f in in_json if f.default is MISSING and f.default_factory is MISSING}
    assert set(part["required"]) == required


def test_every_field_is_documented():
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[1] / "docs" / "record-format.md").read_text("utf-8")
    for cls in (Article, Entity, Statement, Stance, Claim):
        for f in fields(cls):
            assert f"`{f.name}`" in doc, f"{cls.__name__}.{f.name} is not in docs/record-format.md"
    for value in ACTS + ENTITY_KINDS + STATEMENT_TYPES + STANCES:
        assert f"`{value}`" in doc, f"{value!r} is not in docs/record-format.md"
