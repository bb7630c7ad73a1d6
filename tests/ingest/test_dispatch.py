"""iter_articles: kinds by name, directories (recursive, sorted), globs, missing paths."""

from pathlib import Path

from onrecord import Article, Rejected
from onrecord.ingest import iter_articles, kind_of

from .conftest import ARTICLE_HTML


def test_kinds():
    assert [kind_of(Path(n)) for n in ("a.txt", "a.HTML", "a.html.gz", "a.jsonl.gz", "a.warc.gz", "a.rss",
                                      "a.md")] == ["text", "html", "html", "jsonl", "warc", "feed", None]


def test_directory_is_recursive_sorted_and_skips_unknown_and_hidden(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("The mayor said the bridge would reopen soon enough.")
    (tmp_path / "a.html").write_text(ARTICLE_HTML)
    (tmp_path / "README.md").write_text("# not an article")
    (tmp_path / ".hidden.txt").write_text("secret")
    (tmp_path / "c.txt").write_text("")
    items = list(iter_articles([str(tmp_path)]))
    assert [i.source for i in items] == [str(tmp_path / n) for n in ("a.html", "b/z.txt", "c.txt")]
    assert isinstance(items[2], Rejected)


def test_examples_directory():
    examples = Path(__file__).resolve().parents[2] / "examples"
    items = list(iter_articles([str(examples)]))
    assert len(items) == 21 and all(isinstance(i, Article) for i in items)


def test_glob_and_missing(tmp_path):
    for n in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / n).write_text(f"{n}: the minister said the talks were useful.")
    items = list(iter_articles([str(tmp_path / "x*.txt"), str(tmp_path / "nope*.txt"), str(tmp_path / "gone.txt")]))
    assert [getattr(i, "id", None) for i in items[:2]] == ["x1", "x2"]
    assert [i.code for i in items[2:]] == ["E100", "E100"] and "gone.txt" in items[3].source


def test_unknown_ending_is_sniffed(tmp_path):
    (tmp_path / "page").write_text(ARTICLE_HTML)
    (tmp_path / "note.md").write_text("The minister said the talks were useful and would go on.")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01\x02" * 100)
    items = list(iter_articles([str(tmp_path / n) for n in ("page", "note.md", "blob.bin")]))
    assert isinstance(items[0], Article) and items[0].title == "Minister says talks useful"
    assert items[1].text.startswith("The minister")
    assert items[2].code == "E102"
