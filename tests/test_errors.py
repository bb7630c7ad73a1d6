"""Every error code the package raises is listed, with its meaning, in errors.CODES."""
import re
from pathlib import Path

from onrecord.errors import CODES

SRC = Path(__file__).resolve().parents[1] / "src" / "onrecord"


def test_every_raised_code_is_listed():
    used = set()
    for path in SRC.rglob("*.py"):
        used |= set(re.findall(r'code="(E\d{3})"', path.read_text(encoding="utf-8")))
    assert used, "no codes found: the pattern is stale"
    assert not used - set(CODES), sorted(used - set(CODES))
