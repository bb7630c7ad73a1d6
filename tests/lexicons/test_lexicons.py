"""lexicons: one loader, keyed by language, for every word list."""
from __future__ import annotations

import ast
from importlib import resources
from pathlib import Path

import pytest

from onrecord import lexicons

SRC = Path(__file__).resolve().parents[2] / "src" / "onrecord"
FILES = sorted(p.name for p in resources.files("onrecord.lexicons").joinpath("en").iterdir() if p.is_file())


@pytest.mark.parametrize("filename", FILES)
def test_every_file_loads(filename):
    name, ext = filename.rsplit(".", 1)
    data = lexicons.load(name, "en")
    if ext == "json":
        assert isinstance(data, dict) and data
    else:
        assert ext == "tsv" and data and all(isinstance(r, tuple) and r[0] and not r[0].startswith("#")
                                             for r in data)


def test_tsv_rows_are_stripped_cells_without_comments():
    rows = lexicons.load("institutions")
    assert ("Kremlin", "Russia") in rows
    assert all(c == c.strip() for r in rows for c in r)


def test_cached_and_english_by_default():
    assert lexicons.load("cues") is lexicons.load("cues")
    assert lexicons.load("cues") == lexicons.load("cues", "en")


def test_unknown_lexicon():
    with pytest.raises(FileNotFoundError):
        lexicons.load("no-such-lexicon")


def _imports(path: Path) -> set[str]:
    """Absolute names of the onrecord modules a file imports (relative imports resolved)."""
    package = ["onrecord", *path.relative_to(SRC).with_suffix("").parts][:-1]
    if path.name == "__init__.py":
        package = ["onrecord", *path.relative_to(SRC).parent.parts]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            mod = ".".join(base + ([node.module] if node.module else []))
            out.add(mod)
            out.update(f"{mod}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
    return {m for m in out if m.startswith("onrecord")}


@pytest.mark.parametrize("path", sorted((SRC / "lexicons").glob("*.py")) + [SRC / "identity.py"],
                         ids=lambda p: p.name)
def test_lexicons_and_identity_import_no_nlp(path):
    assert not {m for m in _imports(path) if m.startswith("onrecord.nlp")}

