"""View models: plain dicts the templates loop over. Every decision (links, labels, colours, which
URL may be a link) is made here in Python, so the templates hold only loops and ifs."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from ..models import STANCES, Record, Statement
from ..store.keys import speaker_key
from .highlight import legend, segments, speaker_name

STANCE_LABELS = {"supports": "Supports", "refutes": "Refutes", "uncertain": "Uncertain"}
PAGE_SIZE = 50                     # rows a page of an index (/claims, /speakers, /articles) or of /search
# Each index's sort choices (the first is the default), by the value of ?sort= and its label.
SORTS = {"claims": {"statements": "most statements", "latest": "latest"},
         "speakers": {"statements": "most statements", "name": "name"},
         "articles": {"newest": "newest", "oldest": "oldest", "statements": "most statements"}}
TITLES = {"claims": "Claims", "speakers": "Speakers", "articles": "Articles"}


def safe_href(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: no ``javascript:`` or ``data:`` link is made."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def safe_next(target: str | None) -> str:
    """Where to go after signing in: ``target`` when it is a path on this site ("/claims?page=2"), else
    "/": never another site ("//evil.test", "https://…", "/\\evil.test"), nor the sign-in pages."""
    t = (target or "").strip()
    parts = urlsplit(t)
    if (not t.startswith("/") or t.startswith("//") or "\\" in t or parts.scheme or parts.netloc or len(t) > 2000
            or any(ord(c) < 32 or ord(c) == 127 for c in t) or parts.path in ("/login", "/logout")):
        return "/"
    return t


def article_href(article_id: str, statement_id: str | None = None) -> str:
    href = f"/articles/{quote(article_id, safe='')}"
    return f"{href}#st-{quote(statement_id, safe='')}" if statement_id else href


def speaker_href(name: str | None) -> str | None:
    key = speaker_key(name) if name else ""
    return f"/speakers/{quote(key, safe='')}" if key else None


def claim_href(claim_id: str) -> str:
    return f"/claims/{quote(claim_id, safe='')}"


def shorten(text: str, limit: int = 90) -> str:
    """``text`` cut at a word boundary to about ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def _date(published: str | None) -> str:
    return (published or "")[:10] or "undated"


# -- article ------------------------------------------------------------------------------------------

def article_view(record: Record, stances: dict[tuple[str, str], list[dict[str, Any]]]) -> dict[str, Any]:
    """``stances``: (article id, statement id) -> claims across articles (``web_read.statement_claims``)."""
    a = record.article
    entities = {e.id: e for e in record.entities}
    claims_of = {sid: [{"id": c["claim"], "text": c["text"], "stance": c["stance"], "href": claim_href(c["claim"])}
                       for c in found] for (aid, sid), found in stances.items() if aid == a.id}
    claims = {c["id"]: c for found in claims_of.values() for c in found}
    colours = {sid: lg.colour for lg in legend(record) for sid in lg.statements}
    cards = [_card(record, s, entities, claims_of.get(s.id, []), colours.get(s.id, 0))
             for s in record.statements]
    return {"id": a.id, "title": a.title or a.id, "outlet": a.outlet, "published": _date(a.published),
            "author": a.author, "license": a.license, "url": a.url, "href": safe_href(a.url),
            "segments": segments(record),
            "legend": [{"colour": lg.colour, "name": lg.name, "count": len(lg.statements),
                        "href": speaker_href(lg.name) if _resolved(record, lg.statements) else None}
                       for lg in legend(record)],
            "cards": cards,
            "claims": [{"id": c["id"], "text": c["text"], "href": c["href"]} for c in claims.values()]}


def _resolved(record: Record, statement_ids: tuple[str, ...]) -> bool:
    ids = {e.id for e in record.entities}
    return any(s.speaker in ids for s in record.statements if s.id in statement_ids)


def _card(record: Record, s: Statement, entities: dict, claims: list, colour: int) -> dict[str, Any]:
    entity = entities.get(s.speaker or "")
    name = speaker_name(record, s)
    if entity is not None:
        how = f"“{s.speaker_text}” → {entity.name}" if s.speaker_text and s.speaker_text != entity.name \
            else entity.name
        resolution = f"{how} ({entity.kind}{', ' + ', '.join(entity.titles) if entity.titles else ''})"
    else:
        resolution = f"“{s.speaker_text}” (not resolved to an entity)" if s.speaker_text else "no speaker found"
    return {"id": s.id, "anchor": f"st-{s.id}", "speaker": name, "colour": colour,
            "speaker_href": speaker_href(entity.name) if entity else None, "resolution": resolution,
            "act": s.act, "type": s.type, "cue": s.cue, "negated": s.negated, "content": s.content,
            "claims": claims}


# -- claim --------------------------------------------------------------------------------------------

def _position(p: dict[str, Any]) -> dict[str, Any]:
    return {"speaker": p["speaker_name"] or "(unattributed)",
            "speaker_href": speaker_href(p["speaker_name"]) if p.get("speaker_kind") else None,
            "titles": ", ".join(p.get("speaker_titles") or ()), "act": p["act"], "stance": p["stance"],
            "article_title": p["article_title"] or p["article_id"], "outlet": p["outlet"] or "",
            "date": _date(p["published"]), "quote": p["content"],
            "href": article_href(p["article_id"], p["statement_id"])}


def _holder(row: dict[str, Any]) -> dict[str, Any]:
    """A speaker's row of the board: their latest statement shown, the earlier ones folded under it."""
    items = [_position(p) for p in row["statements"]]
    return {**items[-1], "earlier": items[:-1][::-1], "n_statements": row["n_statements"],
            "changed": row["changed"], "since": _date(row.get("since")) if row["changed"] else None}


def claim_view(board: dict[str, Any]) -> dict[str, Any]:
    columns = [{"stance": s, "label": STANCE_LABELS[s], "positions": [_holder(r) for r in board["holders"][s]],
                "n_statements": len(board[s])} for s in STANCES]
    timeline: list[dict[str, Any]] = []
    for p in board["timeline"]:
        item = _position(p)
        if timeline and timeline[-1]["date"] == item["date"]:
            timeline[-1]["positions"].append(item)
        else:
            timeline.append({"date": item["date"], "positions": [item]})
    changes = [{"speaker": c["speaker"], "speaker_href": speaker_href(c["speaker"]), "from": c["from"],
                "to": c["to"], "from_date": c["from_date"] or "undated", "to_date": c["to_date"] or "undated",
                "href": article_href(*c["to_statement"])} for c in board.get("changes", ())]
    fact_check = {"rating": board.get("rating"), "href": safe_href(board.get("url")), "url": board.get("url")} \
        if board.get("rating") else None
    return {"id": board["id"], "text": board["text"], "n_articles": board["n_articles"],
            "n_positions": len(board["timeline"]), "columns": columns, "timeline": timeline,
            "changes": changes, "fact_check": fact_check,
            "channels": [_holder(r) for r in board.get("channels", ())],
            "unattributed": [_holder(r) for r in board.get("unattributed", ())]}


# -- speaker ------------------------------------------------------------------------------------------

def speaker_view(info: dict[str, Any], rows: list[dict[str, Any]], filters: dict[str, Any],
                 acts: tuple[str, ...], claims: list[dict[str, Any]]) -> dict[str, Any]:
    years: list[dict[str, Any]] = []
    for r in rows:
        item = {"date": _date(r["published"]), "article_title": r["article_title"] or r["article_id"],
                "outlet": r["outlet"] or "", "href": article_href(r["article_id"], r["id"]),
                "act": r["act"], "type": r["type"], "cue": r["cue"], "content": r["content"],
                "stances": [{**st, "href": claim_href(st["claim"]), "short": shorten(st["text"])}
                            for st in r["stances"]]}
        year = item["date"][:4] if r["published"] else "Undated"
        if not years or years[-1]["year"] != year:
            years.append({"year": year, "statements": []})
        years[-1]["statements"].append(item)
    return {**info, "titles": ", ".join(info["titles"]), "years": years, "n_shown": len(rows),
            "acts": [{"value": a, "selected": a == filters.get("act")} for a in acts],
            "claims": [{"value": c["id"], "text": shorten(c["text"], 70), "selected": c["id"] == filters.get("claim")}
                       for c in claims],
            "filtered": bool(filters.get("act") or filters.get("claim"))}


# -- search -------------------------------------------------------------------------------------------

def statement_item(r: dict[str, Any]) -> dict[str, Any]:
    return {"speaker": r["speaker_name"] or "(unattributed)", "speaker_href": speaker_href(r["speaker_name"])
            if r.get("speaker") else None, "act": r["act"], "content": r["content"],
            "article_title": r["article_title"] or r["article_id"], "outlet": r["outlet"] or "",
            "date": _date(r["published"]), "href": article_href(r["article_id"], r["id"])}


def search_view(q: str, statements: list, speakers: list, claims: list, number: int = 1) -> dict[str, Any]:
    """Page ``number`` of the statements found (``statements`` fetched one past the page), with the speakers
    and claims found (the route gives them on the first page only)."""
    return {"q": q, "statements": [statement_item(r) for r in statements[:PAGE_SIZE]],
            "pager": pager("/search", {"q": q}, number, len(statements) > PAGE_SIZE),
            "speakers": [{"name": r["name"], "href": speaker_href(r["name"]), "n": r["n_statements"]}
                         for r in speakers],
            "claims": [{"text": c["text"], "href": claim_href(c["id"]), "n": c["n_statements"]} for c in claims]}


def claim_item(c: dict[str, Any]) -> dict[str, Any]:
    """A row of ``store.claims.claims``; ``latest``: its last publication date, "undated" when it has none."""
    return {"text": c["text"], "href": claim_href(c["id"]), "n": c["n_statements"], "speakers": c["n_speakers"],
            "articles": c["n_articles"], "supports": c["n_supports"], "refutes": c["n_refutes"],
            "uncertain": c["n_uncertain"], "latest": _date(c["last_date"]), "rating": c.get("rating")}


def speaker_item(s: dict[str, Any]) -> dict[str, Any]:
    return {"name": s["name"], "href": speaker_href(s["name"]), "n": s["n_statements"],
            "articles": s["n_articles"], "kind": s["kind"], "titles": ", ".join(s["titles"][:2])}


def article_item(a: dict[str, Any]) -> dict[str, Any]:
    """A row of ``Store.articles``; its date is when it was published, "undated" when unknown (never when
    it was stored)."""
    return {"title": a["title"] or a["id"], "href": article_href(a["id"]), "outlet": a["outlet"] or "",
            "date": _date(a["published"]), "n": a["n_statements"]}


def home_view(articles: list, speakers: list, claims: list, unlinked: int = 0) -> dict[str, Any]:
    """``unlinked``: stored articles not yet linked into the claims across articles (not in ``claims``)."""
    return {"unlinked": unlinked, "articles": [article_item(a) for a in articles],
            "speakers": [speaker_item(s) for s in speakers if s["n_statements"]],
            "claims": [claim_item(c) for c in claims]}


# -- indexes and paging -------------------------------------------------------------------------------

def page_href(path: str, params: dict[str, Any], number: int) -> str:
    """``path`` with the non-empty ``params`` and ``page=number`` (left out for the first page)."""
    query = {k: v for k, v in params.items() if v not in (None, "")}
    if number > 1:
        query["page"] = number
    return f"{path}?{urlencode(query)}" if query else path


def pager(path: str, params: dict[str, Any], number: int, more: bool) -> dict[str, Any]:
    """Page ``number`` (1-based) of a listing: its first row's position, and links to the previous and next
    pages (None where there is none; ``more``: whether a row was found past this page)."""
    return {"number": number, "first_row": (number - 1) * PAGE_SIZE + 1,
            "prev": page_href(path, params, number - 1) if number > 1 else None,
            "next": page_href(path, params, number + 1) if more else None,
            "start": page_href(path, params, 1)}


def index_view(kind: str, rows: list[dict[str, Any]], sort: str, number: int) -> dict[str, Any]:
    """Page ``number`` of an index (``kind``: claims, speakers or articles), ``rows`` fetched one past the
    page (so a next page is known), sorted by ``sort`` (one of ``SORTS[kind]``)."""
    path, choices = f"/{kind}", SORTS[kind]
    default = next(iter(choices))
    params = {"sort": "" if sort == default else sort}
    item = {"claims": claim_item, "speakers": speaker_item, "articles": article_item}[kind]
    return {"kind": kind, "heading": TITLES[kind], "title": TITLES[kind] + (f" · page {number}" if number > 1 else ""),
            "rows": [item(r) for r in rows[:PAGE_SIZE]],
            "sorts": [{"label": label, "selected": value == sort,
                       "href": page_href(path, {"sort": "" if value == default else value}, 1)}
                      for value, label in choices.items()],
            "pager": pager(path, params, number, len(rows) > PAGE_SIZE)}
