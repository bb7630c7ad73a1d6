"""``python -m onrecord.training [--train DIR] [--out DIR] [--limit N] [--parse-cache FILE.spacy]``

``python -m onrecord.training stance [--data FILE] [--cache DIR]``: the claims stance model instead.

``python -m onrecord.training tagger [--epochs N] [--limit N] [--cache DIR] [--out DIR]``: the attribution
tagger on the shared MiniLM encoder (``nlp/tagger.py``).

``python -m onrecord.training stance-encoder [--epochs N] [--limit N] [--cache DIR] [--out DIR]``: the stance
cross-encoder (``claims/stance_encoder.py``) on FNC-1 and Emergent.

``python -m onrecord.training resolver [--epochs N] [--limit N] [--cache DIR] [--out DIR]``: the antecedent
ranker of speaker resolution (``nlp/entities/ranker.py``), on GUM and GAP.

``python -m onrecord.training pairs [--epochs N] [--limit N] [--cache DIR] [--out DIR]``: the mention-pair
model on the shared encoder (``nlp/entities/pairs.py``), on GAP development and GUM train.
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


def _encoder_run(prog: str, defaults, argv: list[str], limit_help: str, cache_help: str, split: bool = False):
    """The options the encoder-model trainers share (--epochs, --limit, --cache, --out; --split for the
    tagger), parsed into a copy of their ``defaults`` config; logging set up."""
    from dataclasses import replace

    ap = argparse.ArgumentParser(prog=f"python -m onrecord.training {prog}")
    ap.add_argument("--epochs", type=int, default=defaults.epochs)
    if split:
        ap.add_argument("--split", type=int, default=defaults.net.split,
                        help="MiniLM layers below this stay frozen (6: train the head only)")
    ap.add_argument("--limit", type=int, default=None, help=limit_help)
    ap.add_argument("--cache", type=Path, default=defaults.cache, help=cache_help)
    ap.add_argument("--out", type=Path, default=defaults.out_dir, help="where the weights go")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    config = replace(defaults, epochs=args.epochs, limit=args.limit, cache=args.cache, out_dir=args.out)
    return replace(config, net=replace(defaults.net, split=args.split)) if split else config


def stance_encoder_main(argv: list[str]) -> None:
    from .stance_encoder import TrainConfig as StanceConfig
    from .stance_encoder import train as train_stance_encoder
    config = _encoder_run("stance-encoder", StanceConfig(), argv, "first N training pairs (quick checks)",
                          "encoder states, checkpoints")
    print(json.dumps(train_stance_encoder(config)["dev"], indent=1))


def resolver_main(argv: list[str]) -> None:
    from .resolver import ResolverConfig
    from .resolver import train as train_resolver
    config = _encoder_run("resolver", ResolverConfig(), argv, "first N documents of each source (quick checks)",
                          "parses")
    print(json.dumps(train_resolver(config), indent=1))


def pairs_main(argv: list[str]) -> None:
    from .pairs import TrainConfig as PairsConfig
    from .pairs import train as train_pairs
    config = _encoder_run("pairs", PairsConfig(), argv, "first N GAP snippets and GUM documents (quick checks)",
                          "encoder states, checkpoints")
    print(json.dumps(train_pairs(config)["history"], indent=1))


def tagger_main(argv: list[str]) -> None:
    from .tagger import TrainConfig as TaggerConfig
    from .tagger import train as train_tagger
    config = _encoder_run("tagger", TaggerConfig(), argv, "first N train articles only (quick checks)",
                          "parses, encoder states, checkpoints", split=True)
    print(json.dumps(train_tagger(config)["dev"], indent=1))


def main(argv: list[str] | None = None) -> None:
    import sys
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["stance"]:
        return stance_main(argv[1:])
    if argv[:1] == ["tagger"]:
        return tagger_main(argv[1:])
    if argv[:1] == ["stance-encoder"]:
        return stance_encoder_main(argv[1:])
    if argv[:1] == ["resolver"]:
        return resolver_main(argv[1:])
    if argv[:1] == ["pairs"]:
        return pairs_main(argv[1:])
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
