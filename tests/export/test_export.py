"""Exports over the sample store: JSONL records, CSV and Parquet rows, GraphML, selections."""
from __future__ import annotations

import csv
import io
import json

import pytest

from onrecord.export import Selection, records, speaker_matches, stances, write
from onrecord.export.table import COLUMNS
from onrecord.models import Record
from web.sample_store import SEED_ID, WIKINEWS_IDS, board


def _export(store, fmt, selection=Selection()):
    out = io.BytesIO()
    n = write(store, fmt, out, selection)
    return n, out.getvalue()


def test_jsonl_holds_every_record_exactly(store):
    n, data = _export(store, "jsonl")
    lines = data.decode("utf-8").splitlines()
    assert n == len(lines) == 4
    for line in lines:
        record = Record.from_dict(json.loads(line))
        assert record == store.record(record.article.id)


def test_jsonl_selection_keeps_whole_records(store):
    n, data = _export(store, "jsonl", Selection(speaker="Kanaani"))
    assert n == 1 and json.loads(data)["article"]["id"] == SEED_ID
    n, _ = _export(store, "jsonl", Selection(claim=board()[0]))
    assert n == 1
    assert _export(store, "jsonl", Selection(speaker="Nobody Atall"))[0] == 0


def test_csv_one_row_per_statement(store):
    n, data = _export(store, "csv")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert tuple(rows[0]) == COLUMNS
    total = sum(len(store.record(a["id"]).statements) for a in store.articles())
    assert n == len(rows) == total
    seed = [r for r in rows if r["article_id"] == SEED_ID]
    record = store.record(SEED_ID)
    assert [r["statement_id"] for r in seed] == [s.id for s in record.statements]
    assert all(r["outlet"] == "Mehr News Agency" for r in seed)
    sullivan = [r for r in seed if r["speaker"] == "Jake Sullivan"]
    assert sullivan
    assert dict(zip(sullivan[0]["claim"].split("; "), sullivan[0]["stance"].split("; ")))[board()[0]] == "supports"
    assert sullivan[0]["speaker_kind"] == "person" and sullivan[0]["cue"]
    wiki = [r for r in rows if r["article_id"] in WIKINEWS_IDS]
    assert all(r["url"].startswith("https://en.wikinews.org/") and r["date"] for r in wiki)
    linked = stances(store)
    assert all((r["claim"] != "") == bool(linked.get((r["article_id"], r["statement_id"]))) for r in wiki)
    assert all(len(r["claim"].split("; ")) == len(r["stance"].split("; ")) for r in rows)


def test_csv_selection(store):
    _, data = _export(store, "csv", Selection(claim=board()[0]))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows and all(board()[0] in r["claim"].split("; ") for r in rows)
    assert {s for r in rows for s in r["stance"].split("; ")} >= {"supports", "refutes", "uncertain"}
    _, data = _export(store, "csv", Selection(speaker="nasser kanaani", claim=board()[0]))
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"), newline="")))
    assert rows and {r["speaker"] for r in rows} == {"Nasser Kanaani"}
    assert all(dict(zip(r["claim"].split("; "), r["stance"].split("; ")))[board()[0]] == "refutes" for r in rows)


def test_parquet_has_the_same_rows(store):
    import pyarrow.parquet as pq
    n, data = _export(store, "parquet")
    table = pq.read_table(io.BytesIO(data))
    assert table.column_names == list(COLUMNS) and table.num_rows == n
    _, csv_data = _export(store, "csv")
    assert table.to_pylist() == list(csv.DictReader(io.StringIO(csv_data.decode("utf-8"), newline="")))


def test_graphml_loads_back_with_the_stances(store):
    import networkx as nx
    n, data = _export(store, "graphml")
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert g.number_of_edges() == n
    claim = f"claim:{board()[0]}"
    assert g.nodes[claim]["kind"] == "claim" and "drones" in g.nodes[claim]["label"]
    edges = {(u, d["stance"]) for u, v, d in g.edges(data=True) if v == claim}
    assert ("speaker:jake sullivan", "supports") in edges
    assert ("speaker:nasser kanaani", "refutes") in edges
    assert ("speaker:hossein amir abdollahian", "refutes") in edges
    assert any("pentagon" in u and s == "uncertain" for u, s in edges)
    kanaani = [d for u, v, d in g.edges(data=True) if u == "speaker:nasser kanaani"]
    assert kanaani[0]["weight"] == len(kanaani[0]["statements"].split()) >= 2
    assert all(ref.startswith(f"{SEED_ID}/") for ref in kanaani[0]["statements"].split())
    assert g.nodes["speaker:nasser kanaani"]["label"] == "Nasser Kanaani"
    assert g.nodes["speaker:nasser kanaani"]["speaker_kind"] == "person"


def test_graphml_selection(store):
    import networkx as nx
    _, data = _export(store, "graphml", Selection(speaker="Sullivan", claim=board()[0]))
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert [(u, d["stance"]) for u, _, d in g.edges(data=True)] == [("speaker:jake sullivan", "supports")]
    _, data = _export(store, "graphml", Selection(speaker="Sullivan"))
    g = nx.read_graphml(io.BytesIO(data), force_multigraph=True)
    assert {u for u, _ in g.edges()} == {"speaker:jake sullivan"}
    _, data = _export(store, "graphml", Selection(claim="another-claim"))
    assert nx.read_graphml(io.BytesIO(data)).number_of_edges() == 0


def test_records_pages_through_the_store(store):
    assert [r.article.id for r in records(store, page=1)] == [a["id"] for a in store.articles()]
    assert [r.article.id for r in records(store, Selection(claim=board()[0]), page=1)] == [SEED_ID]


@pytest.mark.parametrize("name, query, expected", [
    ("Nasser Kanaani", "kanaani", True), ("Nasser Kanaani", "NASSER kanaani", True),
    ("Nasser Kanaani", "kana", False), ("Nasser Kanaani", "", False), ("the Pentagon", "pentagon", True),
    ("Hossein Amir Abdollahian", "amir abdollahian", True), ("Hossein Amir Abdollahian", "abdollahian amir", False),
])
def test_speaker_matches(name, query, expected):
    assert speaker_matches(name, query) is expected


def test_unknown_format_is_a_usage_error(store):
    from onrecord.errors import UsageError
    with pytest.raises(UsageError):
        write(store, "xlsx", io.BytesIO())
