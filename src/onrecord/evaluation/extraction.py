"""Article-extraction accuracy: our HTML ingestion against gold article bodies.

Reads a directory laid out like ``../shared/eval/article-extraction``: ``html/<id>.html.gz`` pages and
``ground-truth.json`` (``{id: {"articleBody": ..., "url": ...}}``). Each page goes through
``onrecord.ingest`` exactly as `onrecord ingest` reads it; the text is compared with the gold body as a
bag of tokens (lower-cased word tokens), micro-averaged over all pages and as a mean per page. A page
that ingestion rejects scores 0 and is listed.

    python -m onrecord.evaluation.extraction ../shared/eval/article-extraction [--json]
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvaluationError
from ..models import Rejected
from .metrics import prf

log = logging.getLogger(__name__)
_TOKEN = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> Counter:
    return Counter(_TOKEN.findall(text.lower()))


@dataclass
class ExtractionScores:
    pages: int = 0
    overlap: int = 0
    predicted: int = 0
    gold: int = 0
    per_page: list[tuple[str, float, float, float]] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)

    def micro(self) -> tuple[float, float, float]:
        return prf(self.overlap, self.predicted, self.gold)

    def mean(self) -> tuple[float, float, float]:
        if not self.per_page:
            return 0.0, 0.0, 0.0
        n = len(self.per_page)
        return tuple(sum(row[i] for row in self.per_page) / n for i in (1, 2, 3))  # type: ignore[return-value]

    def to_dict(self) -> dict:
        (mp, mr, mf), (ap, ar, af) = self.micro(), self.mean()
        return {"pages": self.pages, "rejected": self.rejected,
                "micro": {"precision": mp, "recall": mr, "f1": mf},
                "mean_per_page": {"precision": ap, "recall": ar, "f1": af}}

    def text(self) -> str:
        (mp, mr, mf), (ap, ar, af) = self.micro(), self.mean()
        return (f"pages {self.pages}, rejected {len(self.rejected)}\n"
                f"micro          precision {mp:.3f}  recall {mr:.3f}  F1 {mf:.3f}\n"
                f"mean per page  precision {ap:.3f}  recall {ar:.3f}  F1 {af:.3f}")


def load_gold(directory: Path) -> dict[str, str]:
    path = directory / "ground-truth.json"
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read the gold bodies: {exc}", source=str(path)) from exc
    return {key: value.get("articleBody") or "" for key, value in data.items()}


def evaluate_extraction(directory: str | Path, limit: int | None = None) -> ExtractionScores:
    """Token precision / recall / F1 of HTML ingestion over the pages in ``directory``."""
    from ..ingest.html import iter_html_file
    directory = Path(directory)
    gold = load_gold(directory)
    scores = ExtractionScores()
    for page_id in sorted(gold)[:limit]:
        path = _page(directory, page_id)
        items = list(iter_html_file(path)) if path else [Rejected(page_id, "page missing", "E400")]
        item = items[0]
        text = "" if isinstance(item, Rejected) else item.text
        if isinstance(item, Rejected):
            scores.rejected.append(str(item))
        _add(scores, page_id, tokens(text), tokens(gold[page_id]))
    return scores


def _page(directory: Path, page_id: str) -> Path | None:
    for name in (f"{page_id}.html.gz", f"{page_id}.html"):
        if (directory / "html" / name).is_file():
            return directory / "html" / name
    return None


def _add(scores: ExtractionScores, page_id: str, predicted: Counter, gold: Counter) -> None:
    overlap = sum((predicted & gold).values())
    n_pred, n_gold = sum(predicted.values()), sum(gold.values())
    scores.pages += 1
    scores.overlap += overlap
    scores.predicted += n_pred
    scores.gold += n_gold
    scores.per_page.append((page_id, *prf(overlap, n_pred, n_gold)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m onrecord.evaluation.extraction",
                                     description="Article-extraction accuracy of onrecord's HTML ingestion.")
    parser.add_argument("directory", help="folder with html/*.html.gz and ground-truth.json")
    parser.add_argument("--json", action="store_true", help="write the figures as JSON")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N pages")
    args = parser.parse_args(argv)
    try:
        scores = evaluate_extraction(args.directory, args.limit)
    except EvaluationError as exc:
        sys.stderr.write(f"onrecord: {exc}\n")
        return 2
    out = json.dumps(scores.to_dict(), indent=2) if args.json else scores.text()
    sys.stdout.write(out + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
