"""Write docs/cli.md from the commands' own --help, so the reference stays true.

    .venv/bin/python tools/cli_doc.py        # or: make docs
"""
from __future__ import annotations

from pathlib import Path

import click
from click.testing import CliRunner

from onrecord.cli import main

HEAD = """# Command line

Every `onrecord` command with its `--help` (written by `make docs`; a test checks that every command
is here). Exit status everywhere: 0 done, 1 something was skipped or not found (named on stderr),
2 usage error. `--db` (or `ONRECORD_DB`) picks the store: a SQLite file (default `./onrecord.db`).
"""


def commands(group: click.Group = main, prefix: tuple[str, ...] = ()):
    """Every command path under ``group``, depth first, sorted by name."""
    for name in sorted(group.commands):
        cmd = group.commands[name]
        yield prefix + (name,)
        if isinstance(cmd, click.Group):
            yield from commands(cmd, prefix + (name,))


def render() -> str:
    runner = CliRunner()
    out = [HEAD]
    for path in commands():
        res = runner.invoke(main, [*path, "--help"], prog_name="onrecord", terminal_width=100)
        out += [f"## onrecord {' '.join(path)}", "", "```", res.output.rstrip(), "```", ""]
    return "\n".join(out)


if __name__ == "__main__":
    Path(__file__).resolve().parents[1].joinpath("docs", "cli.md").write_text(render(), encoding="utf-8")
