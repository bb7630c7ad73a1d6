"""evaluation/splits.py: the fixed Emergent dev split, shared by training and evaluation."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from onrecord.evaluation.splits import is_dev

SRC = Path(__file__).resolve().parents[2] / "src" / "onrecord"


@pytest.mark.parametrize("claim_id, dev", [("1", True), ("2", False), ("42", False), ("abc", True)])
def test_is_dev(claim_id, dev):
    assert is_dev(claim_id) is dev


def test_about_a_fifth_is_dev():
    assert 150 <= sum(is_dev(str(i)) for i in range(1000)) <= 250


def _top_level_imports(path: Path) -> set[str]:
    """The onrecord subpackages a module of a first-level package imports (``..training`` -> training)."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 2:
            out.update([node.module.split(".")[0]] if node.module else [a.name for a in node.names])
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("onrecord."):
            out.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            out.update(a.name.split(".")[1] for a in node.names if a.name.startswith("onrecord."))
    return out


@pytest.mark.parametrize("path", sorted((SRC / "claims").glob("*.py")), ids=lambda p: p.name)
def test_claims_import_neither_training_nor_evaluation(path):
    assert not _top_level_imports(path) & {"training", "evaluation"}
