"""training/runs.py: the shared optimiser (two learning rates, warm-up then linear decay) and run folders."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from onrecord.training.runs import optimiser, run_dir

torch = pytest.importorskip("torch")


@dataclass(frozen=True)
class Settings:
    cache: Path
    epochs: int = 2
    lr_layers: float = 1e-4
    lr_head: float = 1e-2
    warmup: float = 0.25
    weight_decay: float = 0.01


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = torch.nn.ModuleList([torch.nn.Linear(4, 4)])
        self.head = torch.nn.Linear(4, 2)


def test_layers_and_head_get_their_rates_with_warm_up_and_decay(tmp_path):
    net = Net()
    opt, sched = optimiser(net, Settings(tmp_path), steps_per_epoch=4)     # 8 steps, 2 of warm-up
    layers, head = opt.param_groups
    assert {id(p) for p in layers["params"]} == {id(p) for p in net.layers.parameters()}
    assert {id(p) for p in head["params"]} == {id(p) for p in net.head.parameters()}
    rates = []
    for _ in range(8):
        rates.append(opt.param_groups[1]["lr"])
        opt.step()
        sched.step()
    assert rates[0] == pytest.approx(0.5e-2) and rates[1] == pytest.approx(1e-2)
    assert rates[1:] == sorted(rates[1:], reverse=True) and rates[-1] < rates[2]


def test_a_run_folder_is_the_settings_and_data(tmp_path):
    a = run_dir(Settings(tmp_path), "fp1", "run-")
    assert a.is_dir() and a.name.startswith("run-")
    assert run_dir(Settings(tmp_path), "fp1", "run-") == a
    assert run_dir(Settings(tmp_path), "fp2", "run-") != a
    assert run_dir(replace(Settings(tmp_path), epochs=3), "fp1", "run-") != a
