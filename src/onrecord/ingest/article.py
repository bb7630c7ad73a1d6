"""Build an Article from text and what is known about it, filling language, licence and outlet."""
from __future__ import annotations

from ..models import Article
from . import licenses
from .common import FLAG_NUL, detect_language


def make_article(id: str, text: str, source: str, **meta) -> Article:
    """An Article with ``meta`` (title, url, ...) plus what the text itself tells when meta lacks it.

    NUL characters become U+FFFD and flag the article ``nul-bytes``. ``license`` strings are mapped to
    SPDX ids; a licence line at the end of the text gives the licence and outlet when they are not
    given. ``language`` is detected when not given.
    """
    meta = {k: v for k, v in meta.items() if v not in (None, "")}
    if "\x00" in text:                   # stray NULs: replaced and flagged, as invalid UTF-8 is
        text = text.replace("\x00", "\ufffd")
        meta["flags"] = tuple(meta.get("flags") or ()) + (FLAG_NUL,)
    given = meta.get("license")
    if given:
        meta["license"] = licenses.spdx(given) or given
        meta.setdefault("outlet", licenses.outlet(given))
    if not meta.get("license") or not meta.get("outlet"):
        ident, outlet = licenses.from_text_tail(text)
        meta.setdefault("license", ident)
        if not meta.get("outlet"):
            meta["outlet"] = outlet
    if not meta.get("language"):
        meta["language"] = detect_language(text)
    meta["flags"] = tuple(meta.get("flags") or ())
    return Article(id=str(id), text=text, source=source, **meta)
