"""Fetching http(s) URLs with urllib: timeout and size cap from Options, typed errors."""
from __future__ import annotations

import logging
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass

from ..errors import IngestError
from ..settings import Options

log = logging.getLogger(__name__)
_READ = 65536


@dataclass(frozen=True)
class Response:
    url: str                 # final URL, after redirects
    content_type: str        # media type, lower case, without parameters
    charset: str | None
    body: bytes


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def fetch(url: str, options: Options) -> Response:
    """GET ``url``; raises IngestError E104 (HTTP status), E105 (timeout, connection), E106 (too large)."""
    request = urllib.request.Request(url, headers={"User-Agent": options.user_agent})
    try:
        with urllib.request.urlopen(request, timeout=options.http_timeout) as resp:
            _check_length(resp.headers.get("Content-Length"), url, options)
            body = _read_capped(resp, url, options)
            ctype = resp.headers.get_content_type() or ""
            return Response(resp.geturl(), ctype.lower(), resp.headers.get_content_charset(), body)
    except urllib.error.HTTPError as exc:
        raise IngestError(f"HTTP {exc.code} {exc.reason}", code="E104", source=url) from exc
    except (TimeoutError, socket.timeout) as exc:
        raise IngestError(f"timed out after {options.http_timeout:g} s", code="E105", source=url) from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise IngestError(f"timed out after {options.http_timeout:g} s", code="E105",
                              source=url) from exc
        raise IngestError(f"could not connect: {reason}", code="E105", source=url) from exc
    except (ConnectionError, OSError) as exc:
        raise IngestError(f"connection failed: {exc}", code="E105", source=url) from exc


def _check_length(length: str | None, url: str, options: Options) -> None:
    if length and length.isdigit() and int(length) > options.http_max_bytes:
        raise IngestError(f"response of {int(length):,} bytes is over the cap of "
                          f"{options.http_max_bytes:,}", code="E106", source=url)


def _read_capped(resp, url: str, options: Options) -> bytes:
    chunks, total = [], 0
    while True:
        chunk = resp.read(_READ)
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > options.http_max_bytes:
            raise IngestError(f"response is over the cap of {options.http_max_bytes:,} bytes",
                              code="E106", source=url)
        chunks.append(chunk)
