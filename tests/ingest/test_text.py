from pathlib import Path

from onrecord import Article, Rejected
from onrecord.ingest import iter_articles
from onrecord.ingest.common import FLAG_INVALID_UTF8, FLAG_NUL

SEED = Path(__file__).resolve().parents[2] / "examples" / "mehr-iran-drones.txt"


def one(path) -> Article | Rejected:
    items = list(iter_articles([str(path)]))
    assert len(items) == 1
    return items[0]


def test_seed_text_is_exactly_the_file(seed_text):
    art = one(SEED)
    assert isinstance(art, Article)
    assert art.text == SEED.read_text("utf-8") == seed_text
    assert (art.id, art.license, art.outlet, art.language, art.flags) == (
        "mehr-iran-drones", "CC-BY-4.0", "Mehr News Agency", "en", ())


def test_text_is_never_normalised(tmp_path):
    raw = "  Line one.\r\n\r\n“Quoted,” he said.\u00a0 \n\tEnd  "
    (tmp_path / "x.txt").write_bytes(raw.encode())
    assert one(tmp_path / "x.txt").text == raw


def test_empty_file_is_rejected_e101(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    item = one(tmp_path / "empty.txt")
    assert isinstance(item, Rejected) and item.code == "E101" and "empty.txt" in item.source


def test_binary_file_is_rejected_e102(tmp_path):
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    item = one(tmp_path / "photo.txt")
    assert isinstance(item, Rejected) and item.code == "E102"


def test_invalid_utf8_is_read_with_a_flag(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"The spokesman said the report was \xff\xfe false and misleading.")
    art = one(tmp_path / "bad.txt")
    assert isinstance(art, Article) and FLAG_INVALID_UTF8 in art.flags and "\ufffd" in art.text


def test_ten_thousand_quote_marks_is_an_article(tmp_path):
    (tmp_path / "quotes.txt").write_text('"' * 10_000)
    art = one(tmp_path / "quotes.txt")
    assert isinstance(art, Article) and len(art.text) == 10_000 and art.language is None


# issue 15, item 7: one rule for stray NULs in a file, a JSONL line and a POST: replaced and flagged
NUL_TEXT = "The spokesman said the report was\x00 false.\x00 He added that talks would go on."


def test_stray_nuls_are_replaced_and_flagged(tmp_path):
    (tmp_path / "nul.txt").write_bytes(NUL_TEXT.encode())
    art = one(tmp_path / "nul.txt")
    assert isinstance(art, Article) and FLAG_NUL in art.flags
    assert "\x00" not in art.text and art.text == NUL_TEXT.replace("\x00", "\ufffd")
