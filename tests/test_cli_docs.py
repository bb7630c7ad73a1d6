"""Every CLI command is documented in docs/cli.md, and every doc page named in README exists."""
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location("cli_doc", ROOT / "tools" / "cli_doc.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_every_command_is_in_the_cli_reference():
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    missing = [" ".join(p) for p in _tool().commands() if f"## onrecord {' '.join(p)}\n" not in doc]
    assert not missing, f"run `make docs`: not in docs/cli.md: {missing}"


def test_readme_names_the_two_setup_commands_and_real_docs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make run" in readme and "make test" in readme
    for line in readme.splitlines():
        if line.startswith("- `docs/"):
            assert (ROOT / line.split("`")[1]).exists(), line
