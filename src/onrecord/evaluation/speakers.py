"""Speaker accuracy against gold files (the seed's JSON format), by kind of speaker mention.

Two modes: ``gold`` runs speaker resolution on the gold statements' spans (isolating resolution from
statement finding); ``extracted`` runs the whole pipeline and scores the statements that match a gold
one (content spans overlapping by half the longer, as ../shared/gold/score.py does). The kind of
mention is the gold's own (``mention``, tests/gold/news) where it has one, else read from the gold
mention by the resolver's ``mention_kind``.

    onrecord eval speakers [--extracted] [--errors] GOLD.json ...
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..lexicons import speakers as speaker_lexicon
from ..models import Statement
from ..nlp.entities.resolve import mention_kind
from .gold import match_spans, speaker_ok

KINDS = ("pronoun", "description", "name", "unnamed", "none")


def load_gold(path: str | Path) -> tuple[str, dict]:
    path = Path(path)
    gold = json.loads(path.read_text(encoding="utf-8"))
    with open(path.parent / gold["text_file"], encoding="utf-8", newline="") as fh:   # offsets count \r
        text = fh.read()
    return text, gold


def gold_statements(gold: dict) -> list[Statement]:
    """The gold statements as the statement extractor would hand them over, speakers unresolved."""
    gs = gold["statements"]
    out = []
    for g in gs:
        parent = None
        if g.get("nested"):
            inside = [p for p in gs if p is not g and p["content_span"][0] <= g["content_span"][0]
                      and g["content_span"][1] <= p["content_span"][1]]
            parent = min(inside, key=lambda p: p["content_span"][1] - p["content_span"][0])["id"] if inside else None
        sp = g.get("speaker_span")
        out.append(Statement(id=g["id"], type=g.get("type", "indirect"), act=g.get("act", "assert"),
                             content=g["content"], content_span=tuple(g["content_span"]), cue=g.get("cue"),
                             speaker_text=g.get("speaker_text"), speaker_span=tuple(sp) if sp else None,
                             nested_in=parent, venue=g.get("venue"), via=g.get("source")))
    return out


def _speakers_pipe(nlp):
    from ..nlp.components.speakers import SpeakerResolver
    if "onrecord_speakers" in nlp.pipe_names:
        return nlp.get_pipe("onrecord_speakers")
    return SpeakerResolver(nlp, "speakers")


def resolve_gold(nlp, text: str, gold: dict):
    """Run speaker resolution on the gold statements: (doc, entities, statements)."""
    ours = [n for n in nlp.pipe_names if n.startswith("onrecord_")]
    with nlp.select_pipes(disable=ours):
        doc = nlp(text)
    doc._.onrecord_statements = gold_statements(gold)
    doc = _speakers_pipe(nlp)(doc)
    return doc, doc._.onrecord_entities, doc._.onrecord_statements


def score_article(doc, gold: dict, entities, statements, mode: str = "gold") -> list[dict]:
    """One row per scored gold statement: id, kind of mention, ok, predicted name, gold name."""
    ents = {e.id: e for e in entities}
    gents = {e["id"]: e for e in gold["entities"]}
    gs = gold["statements"]
    if mode == "gold":
        by_id = {s.id: s for s in statements}
        pairs = [(g, by_id.get(g["id"])) for g in gs]
    else:
        m = match_spans([g["content_span"] for g in gs], [s.content_span for s in statements])
        pairs = [(gs[i], statements[j]) for i, j in m.items()]
    rows = []
    for g, p in pairs:
        if p is None:
            continue
        sp = g.get("speaker_span")
        span = doc.char_span(sp[0], sp[1], alignment_mode="expand") if sp else None
        kind = g.get("mention") or mention_kind(span, speaker_lexicon.load("en")) or "none"
        e = ents.get(p.speaker)
        name = e.name if e else p.speaker_text
        others = [x["name"] for x in gold["entities"] if x["kind"] == "person" and x["id"] != g["speaker"]]
        gold_ent = gents.get(g["speaker"]) if g.get("speaker") else None
        ok = (e is None) if gold_ent is None else speaker_ok(gold_ent, name if e else None, others)
        rows.append({"id": g["id"], "kind": kind, "ok": ok, "pred": name if e else None,
                     "gold": gold_ent["name"] if gold_ent else None, "speaker_text": g.get("speaker_text"),
                     "optional": bool(g.get("optional")),
                     "same_mention": (tuple(p.speaker_span) if p.speaker_span else None)
                     == (tuple(sp) if sp else None)})
    return rows


def summarise(rows: list[dict]) -> dict:
    out = {}
    for k in KINDS + ("all",):
        sel = [r for r in rows if k == "all" or r["kind"] == k]
        if sel:
            out[k] = {"n": len(sel), "correct": sum(r["ok"] for r in sel),
                      "accuracy": round(sum(r["ok"] for r in sel) / len(sel), 3)}
    return out


def evaluate(paths, nlp, mode: str = "gold") -> tuple[dict, list[dict]]:
    rows = []
    for path in paths:
        text, gold = load_gold(path)
        if mode == "gold":
            doc, ents, sts = resolve_gold(nlp, text, gold)
        else:
            doc = nlp(text)
            ents, sts = doc._.onrecord_entities or [], doc._.onrecord_statements or []
        for r in score_article(doc, gold, ents, sts, mode):
            r["file"] = Path(path).name
            rows.append(r)
    return summarise(rows), rows


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    mode = "extracted" if "--extracted" in argv else "gold"
    show = "--errors" in argv
    paths = [a for a in argv if not a.startswith("--")]
    from .. import load_pipeline
    summary, rows = evaluate(paths, load_pipeline().nlp, mode)
    print(f"speaker accuracy ({mode} statements), {len(paths)} files")
    for k, v in summary.items():
        print(f"  {k:12} {v['correct']:4}/{v['n']:<4} {v['accuracy']:.3f}")
    if mode == "extracted":
        wrong = [r for r in rows if not r["ok"]]
        print(f"  errors where the extracted speaker mention differs from gold: "
              f"{sum(not r['same_mention'] for r in wrong)}/{len(wrong)}")
        same = [r for r in rows if r["same_mention"]]
        if same:
            print(f"  accuracy where the mention is the gold one: {sum(r['ok'] for r in same)}/{len(same)}")
    if show:
        for r in rows:
            if not r["ok"]:
                print(f"  x {r['file']} {r['id']} [{r['kind']}] {r['speaker_text']!r}: "
                      f"got {r['pred']!r}, gold {r['gold']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
