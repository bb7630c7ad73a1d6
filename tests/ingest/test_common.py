from pathlib import Path

import pytest

from onrecord.errors import IngestError
from onrecord.ingest.common import FLAG_INVALID_UTF8, check_text_bytes, decode, detect_language, id_from_url, stem


@pytest.mark.parametrize("data, code", [(b"", "E101"), (b"  \n\t ", "E101"), (b"\x00" * 40 + b"abc", "E102"),
                                        (bytes(range(1, 32)) * 50, "E102")])
def test_bad_bytes_are_refused_with_their_code(data, code):
    with pytest.raises(IngestError) as info:
        check_text_bytes(data, "some/file.txt")
    assert info.value.code == code and "some/file.txt" in str(info.value)


def test_invalid_utf8_is_replaced_and_flagged():
    text, flags = decode("The minister said ".encode() + b"\xff\xfe" + b" yes.", "x.txt")
    assert "\ufffd" in text and flags == (FLAG_INVALID_UTF8,)


def test_valid_utf8_and_declared_charset():
    assert decode("Café “said”".encode(), "x") == ("Café “said”", ())
    assert decode("Café".encode("latin-1"), "x", charset="latin-1") == ("Café", ())


@pytest.mark.parametrize("text, lang", [
    ("The foreign minister said on Tuesday that the talks had been useful and constructive.", "en"),
    ("Der Sprecher des Ministeriums sagte am Dienstag, dass die Gespräche nützlich gewesen seien.", "de"),
    ('"' * 500, None),
])
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_ids():
    assert stem(Path("a/b/story-1.html.gz")) == "story-1"
    assert stem(Path("x.jsonl")) == "x"
    assert id_from_url("https://www.example.org/news/2021/some-story.html") == "www-example-org-some-story-html"
