"""docs/architecture.md is true: the imports between the rooms of src/onrecord run the allowed ways.

Every import is read from the source (ast, function-level and TYPE_CHECKING ones included), so a lazy
import cannot hide an arrow."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "onrecord"
GROUND = {"models", "settings", "errors", "version"}

# room -> rooms it may never import (a room: the first part of the module's path under onrecord)
NEVER = {
    "ingest": {"store", "core", "nlp", "claims", "batch", "pipeline", "cli", "api", "web", "server", "spark"},
    "store": {"nlp", "claims", "core", "pipeline", "batch", "ingest"},
    "nlp": {"claims", "evaluation", "training", "store", "batch", "core", "pipeline"},
    "claims": {"training", "evaluation", "core", "store", "batch", "pipeline", "nlp"},
    "core": {"store", "ingest", "batch"},
    "lexicons": {"nlp", "claims", "store", "core", "pipeline", "batch", "ingest", "identity"},
    "identity": {"nlp", "claims", "store", "core", "pipeline", "batch"},
    "batch": {"cli", "api", "web", "server", "app", "spark", "evaluation", "training"},
    "encoder": {"nlp", "claims", "store", "core", "pipeline", "batch", "ingest", "lexicons", "identity",
                "evaluation", "training"},
}


def _module(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """The onrecord modules ``path`` imports (absolute names)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("onrecord")}
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            name = ".".join(base + ([node.module] if node.module else []))
            if node.level == 0 and not (node.module or "").startswith("onrecord"):
                continue
            out.add(name)
            out |= {f"{name}.{a.name}" for a in node.names}
    return out


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "onrecord"


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in SRC.rglob("*.py")}
    return {m: {i for i in _imports(p) if i in files and i != m} for m, p in files.items()}


GRAPH = _graph()


@pytest.mark.parametrize("room", sorted(NEVER))
def test_a_room_never_imports_what_it_must_not(room):
    broken = sorted(f"{m} -> {i}" for m, deps in GRAPH.items() if _room(m) == room
                    for i in deps if _room(i) in NEVER[room])
    assert not broken, "\n".join(broken)


def test_the_ground_floor_imports_only_itself():
    broken = sorted(f"{m} -> {i}" for m, deps in GRAPH.items() if _room(m) in GROUND
                    for i in deps if _room(i) not in GROUND)
    assert not broken, "\n".join(broken)


def test_no_import_circle_between_modules():
    """No module reaches itself through imports, except through a package's face (``__init__``)
    and spark/job.py's ``__main__`` entry (spark-submit's, which hands over to the CLI)."""
    def deps(m):
        return {i for i in GRAPH[m] if not (m == "onrecord.spark.job" and _room(i) == "cli")
                and GRAPH.get(i) is not None and not _is_face(i)}
    circles = []
    for start in GRAPH:
        seen, stack = set(), [start]
        while stack:
            for nxt in deps(stack.pop()):
                if nxt == start:
                    circles.append(start)
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
    assert not sorted(set(circles))


def _is_face(module: str) -> bool:
    """A package's __init__ (its face hands on names; importing a submodule runs it)."""
    return (SRC.parent / module.replace(".", "/") / "__init__.py").is_file()
