"""``python -m onrecord.training [--train DIR] [--out DIR] [--limit N] [--parse-cache FILE.spacy]``"""
from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from . import TrainConfig, train


def main(argv: list[str] | None = None) -> None:
    defaults = TrainConfig()
    ap = argparse.ArgumentParser(prog="python -m onrecord.training", description=__doc__)
    ap.add_argument("--train", type=Path, default=defaults.train_dir, help="PolNeAR train folder")
    ap.add_argument("--out", type=Path, default=defaults.out_dir, help="where the weights go")
    ap.add_argument("--limit", type=int, default=None, help="first N articles only (quick checks)")
    ap.add_argument("--max-iterations", type=int, default=defaults.max_iterations)
    ap.add_argument("--parse-cache", type=Path, default=None,
                    help="spaCy DocBin of the same articles (user_data['name']), to skip parsing")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    meta = train(TrainConfig(train_dir=args.train, out_dir=args.out, limit=args.limit,
                             max_iterations=args.max_iterations, parse_cache=args.parse_cache))
    print(json.dumps({k: meta[k] for k in ("files", "params", "train")}, indent=1))


if __name__ == "__main__":
    main()
