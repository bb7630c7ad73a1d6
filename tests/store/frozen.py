"""Files and directories made unwritable at the filesystem level, for the read-only tests.

Imported as ``store.frozen`` (tests/ is on sys.path).
"""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def frozen(*paths: Path) -> Iterator[str | None]:
    """``paths`` (files or directories) unwritable while inside, as they were after.

    Not root: the write bits off (chmod). Root, whom modes do not stop: the immutable attribute
    (``chattr +i``), where the filesystem and the capabilities allow it. Yields how (``"chmod"``,
    ``"chattr"``), or None where nothing stops root from writing (the tests then compare bytes).
    """
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(modes[p] & ~0o222)
        try:
            yield "chmod"
        finally:
            for p in paths:
                p.chmod(modes[p])
        return
    names = [str(p) for p in paths]
    if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", *names], capture_output=True).returncode:
        subprocess.run(["chattr", "-i", *names], capture_output=True)       # undo a partial success
        yield None
        return
    try:
        yield "chattr"
    finally:
        subprocess.run(["chattr", "-i", *names], check=True, capture_output=True)
