"""``python -m onrecord.training [--train DIR] [--out DIR] [--limit N] [--parse-cache FILE.spacy]``

``python -m onrecord.training stance [--data FILE] [--cache DIR]``: the claims stance model instead.
"""
from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path

from . import TrainConfig, train


def stance_main(argv: list[str]) -> None:
    from .stance import DEFAULT_DATA
    from .stance import train as train_stance
    ap = argparse.ArgumentParser(prog="python -m onrecord.training stance")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="Emergent train.jsonl")
    ap.add_argument("--cache", default=None, help="folder for cached sentence vectors")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    print(json.dumps(train_stance(args.data, cache=args.cache), indent=1))


def main(argv: list[str] | None = None) -> None:
    import sys
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["stance"]:
        return stance_main(argv[1:])
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
