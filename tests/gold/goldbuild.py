"""What the hand-made gold sets share: spans found from the annotated strings, so the annotation stays
readable (used by tehran-times/build.py and news/build.py).

Each statement: (speaker id or None, speaker mention as written or None, content "start...end", cue,
type, act, options). The content is found from the cursor on (the previous statement's content start,
or ``from=`` a string); the speaker mention is the occurrence nearest the content, outside it
(``before=n`` / ``after=n`` pick the n-th occurrence before / after the content; ``within`` the first
occurrence inside it, for a frame that breaks the content: "“A,” he said, “b.”").
"""
from __future__ import annotations

import json
import re
from pathlib import Path


def P(id, name, aliases=(), titles=(), affiliations=()):
    """A person entity of the annotation (its name is its first alias)."""
    return {"id": id, "name": name, "kind": "person", "aliases": [name, *aliases], "titles": list(titles),
            "affiliations": list(affiliations)}


def E(id, name, kind, aliases=()):
    """Any other entity: organization, country, group or unnamed."""
    return {"id": id, "name": name, "kind": kind, "aliases": [name, *aliases], "titles": [], "affiliations": []}


D, I, M = "direct", "indirect", "mixed"  # noqa: E741 - the statement types, one letter each in the table


def find_content(text, spec, cursor):
    if "..." in spec:
        a, b = spec.split("...", 1)
        s = text.index(a, cursor)
        e = text.index(b, s + len(a)) + len(b)
    else:
        s = text.index(spec, cursor)
        e = s + len(spec)
    return s, e


def find_speaker(text, mention, content, opts):
    pat = re.compile(rf"(?<![\w]){re.escape(mention)}(?![\w])")
    if opts.get("within"):          # the frame stands inside the content ("A, he said, B"): its first occurrence there
        inner = [(m.start(), m.end()) for m in pat.finditer(text) if content[0] <= m.start() < content[1]]
        if not inner:
            raise ValueError(f"speaker {mention!r} not found inside the content")
        return inner[0]
    occ = [(m.start(), m.end()) for m in pat.finditer(text)
           if not (content[0] <= m.start() < content[1])]
    if opts.get("inside"):          # nested statement: the mention sits inside the parent's content
        occ = [o for o in occ if o[1] <= content[0] or o[0] >= content[1]] or occ
    if not occ:
        raise ValueError(f"speaker {mention!r} not found")
    if "after" in opts:
        return [o for o in occ if o[0] >= content[1]][opts["after"]]
    if "before" in opts:
        return [o for o in occ if o[1] <= content[0]][-1 - opts["before"]]

    def dist(o):
        return content[0] - o[1] if o[1] <= content[0] else o[0] - content[1]
    return min(occ, key=dist)


def build(aid, text, ann, about, metadata):
    sts, cursor = [], 0
    for n, row in enumerate(ann["statements"], 1):
        spk, mention, spec, cue, typ, act = row[:6]
        opts = row[6] if len(row) > 6 else {}
        try:
            start = text.index(opts["from"]) if "from" in opts else cursor
            cs = find_content(text, spec, start)
        except ValueError as exc:
            raise ValueError(f"{aid} s{n}: content {spec!r} not found") from exc
        if not opts.get("nested"):
            cursor = cs[0]
        ss = find_speaker(text, mention, cs, opts) if mention else None
        st = {"id": f"s{n}", "speaker": spk, "speaker_text": mention, "cue": cue, "type": typ, "act": act,
              "content": text[cs[0]:cs[1]], "content_span": list(cs),
              "speaker_span": list(ss) if ss else None, "stance": None,
              "nested": bool(opts.get("nested")), "optional": bool(opts.get("optional"))}
        if opts.get("addressee"):
            st["addressee"] = opts["addressee"]
        if ss:
            assert text[ss[0]:ss[1]] == mention
        sts.append(st)
    return {"about": about, "text_file": f"{aid}.txt", "metadata": metadata,
            "entities": ann["entities"], "statements": sts, "claims": []}



def write(folder: Path, aid: str, text: str, gold: dict | None) -> None:
    """``<aid>.txt`` byte for byte (\\r kept: offsets count it) and ``<aid>.gold.json``."""
    with open(folder / f"{aid}.txt", "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    if gold is not None:
        (folder / f"{aid}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
