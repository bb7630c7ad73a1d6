import gzip
import json

from onrecord import Article, Rejected
from onrecord.ingest import iter_articles
from onrecord.ingest.common import FLAG_INVALID_UTF8, FLAG_NUL

from .conftest import WIKINEWS


def test_wikinews_fields_are_kept():
    lines = WIKINEWS.read_text("utf-8").splitlines()[:5]
    items = list(iter_articles([str(WIKINEWS)]))
    assert len(items) == 295 and all(isinstance(i, Article) for i in items)
    for line, art in zip(lines, items):
        row = json.loads(line)
        assert (art.id, art.text, art.url, art.title, art.published, art.outlet) == (
            row["id"], row["text"], row["url"], row["title"], row["published"], row["outlet"])
        assert art.license == "CC-BY-2.5" and art.language == "en"
    assert items[0].source == f"{WIKINEWS}:1"


def test_tehran_times_sample(tehran_sample):
    items = list(iter_articles([str(tehran_sample)]))
    assert len(items) == 300 and all(isinstance(i, Article) for i in items)
    assert all(i.license == "CC-BY-4.0" and i.outlet for i in items)


def test_malformed_lines_name_the_line_and_the_run_goes_on(tmp_path):
    rows = [json.dumps({"id": "a", "text": "The mayor said the bridge would reopen soon."}),
            '{"id": "b", "text": "unterminated',
            "",
            json.dumps(["not", "an", "object"]),
            json.dumps({"id": "e", "title": "no text"}),
            json.dumps({"id": "f", "text": "   "}),
            json.dumps({"id": "g", "text": "The governor said the budget would pass.", "language": "en"})]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(rows) + "\n")
    items = list(iter_articles([str(path)]))
    assert [getattr(i, "code", i.id if isinstance(i, Article) else None) for i in items] == [
        "a", "E108", "E108", "E108", "E101", "g"]
    assert items[1].source == f"{path}:2" and "line 2" in items[1].reason
    assert items[2].source == f"{path}:4"


def test_invalid_utf8_line_is_flagged_and_missing_id_is_made(tmp_path):
    path = tmp_path / "x.jsonl.gz"
    path.write_bytes(gzip.compress(b'{"text": "The minister said \xff the talks were useful."}\n'))
    [art] = iter_articles([str(path)])
    assert art.id == "x-1" and FLAG_INVALID_UTF8 in art.flags


def test_empty_and_truncated_gzip(tmp_path):
    (tmp_path / "empty.jsonl").write_text("\n\n")
    data = gzip.compress(WIKINEWS.read_bytes())
    (tmp_path / "cut.jsonl.gz").write_bytes(data[: len(data) // 2])
    items = list(iter_articles([str(tmp_path / "empty.jsonl"), str(tmp_path / "cut.jsonl.gz")]))
    assert items[0].code == "E101"
    assert isinstance(items[-1], Rejected) and items[-1].code == "E100"
    assert sum(isinstance(i, Article) for i in items) > 50


def test_stray_nuls_in_a_line_are_replaced_and_flagged_as_in_a_file(tmp_path):
    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"id": "n1", "text": "The spokesman said the report was\x00 false."}) + "\n")
    [art] = iter_articles([str(path)])
    assert FLAG_NUL in art.flags and art.text == "The spokesman said the report was\ufffd false."
