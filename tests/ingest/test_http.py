import pytest

from onrecord.errors import IngestError
from onrecord.ingest.http import fetch


def test_fetch_a_page(server, opts):
    resp = fetch(server.base + "/page.html", opts)
    assert resp.content_type == "text/html" and resp.charset == "utf-8" and b"Vienna" in resp.body


@pytest.mark.parametrize("path, code, words", [
    ("/missing", "E104", "HTTP 404"),
    ("/500", "E104", "HTTP 500"),
    ("/slow", "E105", "timed out"),
    ("/big", "E106", "cap"),
    ("/big-unsized", "E106", "cap"),
])
def test_fetch_errors(server, opts, path, code, words):
    with pytest.raises(IngestError) as info:
        fetch(server.base + path, opts)
    assert info.value.code == code and words in str(info.value) and path in str(info.value)


def test_connection_refused_is_e105(opts):
    with pytest.raises(IngestError) as info:
        fetch("http://127.0.0.1:9/nothing", opts)
    assert info.value.code == "E105"
