"""The Spark job in local mode gives, record for record, what analyze_many gives in one process."""
from __future__ import annotations

import gzip
import io
import json
import os
import shutil

import pytest

from onrecord import Article, Rejected
from onrecord.core import analyze_many
from onrecord.ingest import iter_articles
from onrecord.spark.output import read_records

pytestmark = pytest.mark.slow

if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
    pytest.skip("Spark needs Java 17+: no java on PATH and no JAVA_HOME", allow_module_level=True)
pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[dev]')")


def _warc(path, article: dict) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter
    paras = "".join(f"<p>{p}</p>" for p in article["text"].split("\n") if p.strip())
    page = (f"<html><head><title>{article['title']}</title></head><body><article><h1>{article['title']}"
            f"</h1>{paras}</article></body></html>")
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            article["url"], "response", payload=io.BytesIO(page.encode()), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2019-01-05T10:00:00Z"}))


@pytest.fixture(scope="module")
def inputs(shared, tmp_path_factory):
    """2 Tehran Times and 2 Wikinews articles as JSONL(.gz) with one bad line; 1 WARC; 1 broken WARC."""
    d = tmp_path_factory.mktemp("spark-in")
    with gzip.open(shared / "corpora" / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as f:
        tehran = [next(f) for _ in range(2)]
    wiki = (shared / "corpora" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    with gzip.open(d / "tehran.jsonl.gz", "wt", encoding="utf-8") as out:
        out.writelines(tehran)
    (d / "wikinews.jsonl").write_text(wiki[0] + "{not json\n\n" + wiki[1], encoding="utf-8")
    _warc(d / "crawl.warc.gz", json.loads(wiki[2]))
    (d / "broken.warc").write_bytes(b"this is not a WARC file\n")
    return [str(d / n) for n in ("tehran.jsonl.gz", "wikinews.jsonl", "crawl.warc.gz", "broken.warc")]


@pytest.fixture(scope="module")
def job_output(inputs, tmp_path_factory):
    from onrecord.settings import Options
    from onrecord.spark import Job, run_job
    out = tmp_path_factory.mktemp("spark-out") / "run"
    job = Job(inputs=tuple(inputs), output=str(out), options=Options.from_env(), partitions=3,
              master="local[2]", jsonl=True)
    from onrecord.spark.job import spark_session
    spark = spark_session(job)
    try:
        summary = run_job(job, spark)
    finally:
        spark.stop()
    return out, summary


def test_records_equal_the_single_process_records(inputs, job_output, pipeline):
    out, summary = job_output
    items = list(iter_articles(inputs))
    articles = [i for i in items if isinstance(i, Article)]
    expected = {r.article.id: r for r in analyze_many(articles, pipeline)}
    got = {r.article.id: r for r in read_records(out)}
    assert len(expected) == 5 and sorted(got) == sorted(expected)
    for art_id, want in expected.items():
        have = got[art_id]
        assert have.pipeline == want.pipeline
        assert have.article == want.article
        assert [s.to_dict() for s in have.statements] == [s.to_dict() for s in want.statements], art_id
        assert [e.to_dict() for e in have.entities] == [e.to_dict() for e in want.entities], art_id
        assert [c.to_dict() for c in have.claims] == [c.to_dict() for c in want.claims], art_id
    assert sum(len(r.statements) for r in expected.values()) == summary.statements > 0
    assert summary.articles == 5


def test_bad_lines_and_files_are_rejects_in_the_summary(inputs, job_output):
    out, summary = job_output
    rejected = [i for i in iter_articles(inputs) if isinstance(i, Rejected)]
    assert summary.rejected == 2 and summary.codes == {"E107": 1, "E108": 1}
    assert sorted(summary.examples) == sorted(str(r) for r in rejected)
    lines = [json.loads(line) for p in (out / "rejects").glob("part-*") for line in p.read_text().splitlines()]
    assert sorted(r["code"] for r in lines) == ["E107", "E108"]
    assert json.loads((out / "summary.json").read_text())["rejected"] == 2


def test_parquet_is_partitioned_by_outlet_and_month_with_counts(job_output):
    import pyarrow.dataset as ds
    out, summary = job_output
    table = ds.dataset(str(out / "records"), format="parquet", partitioning="hive").to_table()
    rows = table.to_pylist()
    assert {(r["outlet"], r["month"]) for r in rows} >= {("Wikinews", "2019-01")}
    assert all((out / "records" / f"outlet={r['outlet']}" / f"month={r['month']}").is_dir() for r in rows)
    for row in rows:
        record = json.loads(row["record"])
        assert row["article_id"] == record["article"]["id"]
        assert row["statements"] == len(record["statements"])
        assert row["pipeline"] == record["pipeline"]
    jsonl = [json.loads(line) for p in (out / "jsonl").glob("part-*") for line in p.read_text().splitlines()]
    assert sorted(r["article"]["id"] for r in jsonl) == sorted(r["article_id"] for r in rows)


def test_load_stores_the_records_once(job_output, tmp_path):
    from click.testing import CliRunner

    from onrecord.cli import main
    from onrecord.store import Store
    out, _ = job_output
    db = str(tmp_path / "spark.db")
    first = CliRunner().invoke(main, ["load", str(out), "--db", db])
    assert first.exit_code == 0, first.output
    assert "loaded 5, already stored 0" in first.output
    again = CliRunner().invoke(main, ["load", str(out / "records"), "--db", db])
    assert "loaded 0, already stored 5" in again.output
    with Store(db) as store:
        for record in read_records(out):
            assert store.record(record.article.id).statements == record.statements
