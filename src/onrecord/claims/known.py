"""Reading fact-checked claims: ClaimReview JSON-LD, CSV, JSONL (``{id, text, rating?, url?, reviewer?,
review_date?}``; a ClaimReview's ``author`` is its reviewer, its ``datePublished`` the review date).

Each yields :class:`~onrecord.claims.matching.KnownClaim`; a row without text is skipped and counted,
never silently lost (``read_known`` returns the claims and the reasons for what it skipped).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from ..errors import ClaimsError
from .matching import KnownClaim

_TEXT_KEYS = ("text", "claim", "claimReviewed", "vclaim", "claim_text")
_ID_KEYS = ("id", "claim_id", "identifier", "vclaim_id", "@id", "")   # "": an unnamed first TSV column


def _first(d: dict[str, Any], keys) -> Any:
    for k in keys:
        if d.get(k) not in (None, ""):
            return d[k]
    return None


def _rating(d: dict[str, Any]) -> str | None:
    r = d.get("rating") or d.get("reviewRating")
    if isinstance(r, dict):
        return r.get("alternateName") or r.get("name") or (str(r["ratingValue"]) if "ratingValue" in r else None)
    return None if r is None else str(r)


def _name(value: Any) -> str | None:
    """A schema.org author / publisher (a name, an object with a name, or a list of them) as one name."""
    if isinstance(value, list):
        names = [n for v in value if (n := _name(v))]
        return ", ".join(names) or None
    if isinstance(value, dict):
        value = value.get("name") or value.get("legalName")
    return value.strip() or None if isinstance(value, str) else None


def _claim(d: dict[str, Any]) -> KnownClaim | None:
    text = _first(d, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return None
    cid = _first(d, _ID_KEYS) or d.get("url") or hashlib.sha1(text.encode()).hexdigest()[:12]
    return KnownClaim(id=str(cid), text=text.strip(), title=str(d.get("title") or d.get("headline") or ""),
                      rating=_rating(d), url=d.get("url"),
                      reviewer=_name(_first(d, ("reviewer", "author") if d.get("@type") == "ClaimReview"
                                            else ("reviewer",))),
                      review_date=_date(_first(d, ("review_date", "datePublished", "date"))))


def _date(value: Any) -> str | None:
    return value.strip()[:25] or None if isinstance(value, str) else None


def _claimreviews(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [x for item in data for x in _claimreviews(item)]
    if isinstance(data, dict):
        if "@graph" in data:
            return _claimreviews(data["@graph"])
        return [data]
    return []


def parse(text: str, name: str = "") -> tuple[list[KnownClaim], list[str]]:
    """Claims in a file's text, by its form (JSONL, JSON / JSON-LD, else CSV / TSV)."""
    skipped: list[str] = []
    out: list[KnownClaim] = []
    stripped = text.lstrip()
    rows: list[dict[str, Any]]
    if stripped.startswith("[") or (stripped.startswith("{") and not _is_jsonl(stripped)):
        try:
            rows = _claimreviews(json.loads(stripped))
        except json.JSONDecodeError as exc:
            raise ClaimsError(f"not JSON: {exc}", code="E603", source=name) from exc
    elif stripped.startswith("{"):
        rows = []
        for n, line in enumerate(stripped.splitlines(), 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                skipped.append(f"line {n}: not JSON")
    else:
        dialect = "excel-tab" if name.endswith(".tsv") or "\t" in stripped.split("\n", 1)[0] else "excel"
        rows = list(csv.DictReader(io.StringIO(text), dialect=dialect))
    for n, row in enumerate(rows, 1):
        c = _claim(row) if isinstance(row, dict) else None
        if c is None:
            skipped.append(f"item {n}: no claim text")
        else:
            out.append(c)
    return out, skipped


def _is_jsonl(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) < 2:
        return False
    try:
        json.loads(lines[0])
        return True
    except json.JSONDecodeError:
        return False


def read_known(path: str | Path) -> tuple[list[KnownClaim], list[str]]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ClaimsError(f"cannot read claims file: {exc}", code="E603", source=str(path)) from exc
    return parse(text, path.name)
