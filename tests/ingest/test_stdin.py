import io
import json

from onrecord import Article, Rejected
from onrecord.ingest.stdin import iter_stdin


def test_text_on_stdin():
    [art] = iter_stdin(io.BytesIO("“We are ready,” he said.\n".encode()))
    assert isinstance(art, Article) and art.text == "“We are ready,” he said.\n" and art.source == "<stdin>"


def test_jsonl_on_stdin():
    data = "\n".join(json.dumps({"id": f"n{i}", "text": f"Story {i}: the mayor said yes."}) for i in range(3))
    items = list(iter_stdin(io.BytesIO(data.encode() + b"\n{broken\n")))
    assert [getattr(i, "id", None) for i in items[:3]] == ["n0", "n1", "n2"]
    assert isinstance(items[3], Rejected) and items[3].source == "<stdin>:4"


def test_empty_stdin():
    [item] = iter_stdin(io.BytesIO(b""))
    assert isinstance(item, Rejected) and item.code == "E101"


def test_a_json_looking_text_is_text():
    [art] = iter_stdin(io.BytesIO(b'{not json} he said'))
    assert isinstance(art, Article)
