"""Inputs as an RDD of Article | Rejected, read with onrecord's own ingest code.

Any Hadoop-compatible path works (local, hdfs://, s3a://, gs://, abfs://), a file, a directory or a
glob. A file whose name holds ``.warc`` is read whole (``binaryFiles``) and parsed with warcio through
``onrecord.ingest.warc``; any other file is JSON Lines, read with Spark's text reader (``.gz`` too),
one article a line, each line parsed as ``onrecord.ingest.jsonl`` does, with its line number in the file.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path, PurePosixPath

from ..errors import UsageError

WARC_MARK = ".warc"


def list_files(sc, inputs: list[str]) -> list[str]:
    """The files the inputs name (globs expanded, directories listed one level), via Hadoop's FileSystem."""
    jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
    files: list[str] = []
    for item in inputs:
        path = jvm.org.apache.hadoop.fs.Path(item)
        fs = path.getFileSystem(conf)
        statuses = fs.globStatus(path)
        if not statuses:
            raise UsageError(f"no such input: {item}")
        for status in statuses:
            inner = fs.listStatus(status.getPath()) if status.isDirectory() else [status]
            files.extend(str(s.getPath().toString()) for s in inner
                         if s.isFile() and not s.getPath().getName().startswith(("_", ".")))
    return files


def is_warc(name: str) -> bool:
    return WARC_MARK in PurePosixPath(name).name.lower()


def read_inputs(sc, inputs: list[str]):
    """One RDD of Article | Rejected over every input file."""
    files = list_files(sc, inputs)
    parts = [_jsonl(sc, f) for f in files if not is_warc(f)]
    warcs = [f for f in files if is_warc(f)]
    if warcs:
        parts.append(sc.binaryFiles(",".join(warcs)).flatMap(lambda pair: warc_items(*pair)))
    if not parts:
        raise UsageError(f"no input files in: {' '.join(inputs)}")
    return parts[0] if len(parts) == 1 else sc.union(parts)


def _jsonl(sc, path: str):
    source, prefix = _display(path), _stem(path)
    lines = sc.textFile(path).zipWithIndex()
    return lines.filter(lambda pair: pair[0].strip()).map(
        lambda pair: jsonl_item(pair[0], pair[1] + 1, source, prefix))


def jsonl_item(line: str, number: int, source: str, prefix: str):
    """Article or Rejected for line ``number`` of a JSONL file (as ``onrecord ingest`` reads it)."""
    from ..ingest.jsonl import read_line
    return read_line(line.encode("utf-8", "surrogatepass"), number, source, prefix)


def warc_items(path: str, data: bytes) -> list:
    """Articles and Rejecteds of one WARC file's bytes, through ``onrecord.ingest.warc``."""
    from ..ingest.warc import iter_warc_file
    source = _display(path)
    suffix = ".warc.gz" if path.lower().endswith(".gz") else ".warc"
    fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="onrecord-")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        del data
        return list(iter_warc_file(Path(tmp), source))
    finally:
        os.unlink(tmp)


def _display(path: str) -> str:
    """A local file as a plain path (as the single-process ingest names it), anything else as given."""
    return path[len("file:"):] if path.startswith("file:/") else path


def _stem(path: str) -> str:
    from ..ingest.common import stem
    return stem(PurePosixPath(path))
