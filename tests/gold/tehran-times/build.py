"""Writes the Tehran Times speaker gold (<id>.txt + <id>.gold.json) from the hand annotation in
annotations.py. Spans are found from the annotated strings, so the annotation stays readable:

    python tests/gold/tehran-times/build.py /work/shared/corpora/tehran-times.jsonl.gz

The statement rows and how their spans are found: ../goldbuild.py.
"""
from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent)]
from annotations import ARTICLES  # noqa: E402
from goldbuild import build, write  # noqa: E402

METADATA = {"outlet": "Tehran Times (Mehr News Agency)", "license": "CC BY 4.0",
            "license_text": "Creative Commons Attribution 4.0 International License", "language": "en"}


def main(corpus):
    texts = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in ARTICLES:
                texts[a["id"]] = a["text"]
    for aid, ann in ARTICLES.items():
        text = texts[aid]
        about = (f"Hand annotation of speakers in Tehran Times article {aid}: who said what, each "
                 "statement's speaker resolved by reading the text. Stance is not annotated.")
        gold = build(aid, text, ann, about, {**METADATA, "source_id": aid})
        write(HERE, aid, text, gold)
        print(aid, len(gold["statements"]), "statements")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/tehran-times.jsonl.gz")
