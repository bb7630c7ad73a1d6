"""What the trainers of models on the shared encoder (``tagger``, ``stance_encoder``) share: the
optimiser and schedule of a net whose ``layers`` are MiniLM's fine-tuned top and whose other
parameters are its head, and the checkpoint folder of one run's settings."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path


def optimiser(net, config, steps_per_epoch: int):
    """AdamW with ``config.lr_layers`` for ``net.layers`` and ``config.lr_head`` for the rest
    (``config.weight_decay``), and a linear warm-up over ``config.warmup`` of the
    ``steps_per_epoch * config.epochs`` steps, then a linear decay to 0."""
    import torch

    net.layers.requires_grad_(True)
    layer_params = list(net.layers.parameters())
    ids = {id(p) for p in layer_params}
    head_params = [p for p in net.parameters() if id(p) not in ids]
    opt = torch.optim.AdamW([{"params": layer_params, "lr": config.lr_layers},
                             {"params": head_params, "lr": config.lr_head}], weight_decay=config.weight_decay)
    total = steps_per_epoch * config.epochs
    warm = max(1, int(total * config.warmup))
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (total - s) / max(1, total - warm))))
    return opt, sched


def run_dir(config, fingerprint: str, prefix: str) -> Path:
    """``config.cache / f"{prefix}{key}"``, made: ``key`` hashes the settings and the data's fingerprint,
    so a resumed run continues only the run it was."""
    key = hashlib.sha256(json.dumps({**asdict(config), "fp": fingerprint}, default=str, sort_keys=True)
                         .encode()).hexdigest()[:10]
    path = config.cache / f"{prefix}{key}"
    path.mkdir(parents=True, exist_ok=True)
    return path
