"""`onrecord serve` as a person runs it: a subprocess on 127.0.0.1, answering concurrent requests."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from web.sample_store import board


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, headers: dict | None = None) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture
def served(sample_db):
    port = _free_port()
    env = {**os.environ, "ONRECORD_TOKEN": "", "ONRECORD_READ_TOKEN": ""}
    proc = subprocess.Popen([sys.executable, "-c", "from onrecord.cli import main; main()", "serve",
                             "--db", str(sample_db), "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            if _get(f"{base}/api/health")[0] == 200:
                break
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"onrecord serve did not start: {proc.stdout.read().decode(errors='replace')[-2000:]}")
        time.sleep(0.2)
    yield base
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def test_serve_answers_concurrent_requests(served):
    claim_id = board()[0]
    paths = ["/api/articles", "/api/statements?speaker=kanaani", f"/api/claims/{claim_id}", "/",
             f"/claims/{claim_id}", "/speakers/nasser%20kanaani", "/api/stats", "/search?q=drones"] * 4
    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(lambda p: _get(served + p), paths))
    assert [status for status, _ in results] == [200] * len(paths)
    status, body = _get(f"{served}/api/articles/nope")
    assert status == 404 and json.loads(body)["error"]["code"] == "E202"


def test_serve_refuses_writes_without_a_token(served):
    req = urllib.request.Request(f"{served}/api/articles", data=b'{"text": "x"}', method="POST",
                                 headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as info:
        urllib.request.urlopen(req, timeout=30)
    assert info.value.code == 403 and json.loads(info.value.read())["error"]["code"] == "E514"
