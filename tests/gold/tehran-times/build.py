"""Writes the Tehran Times speaker gold (<id>.txt + <id>.gold.json) from the hand annotation in
annotations.py. Spans are found from the annotated strings, so the annotation stays readable:

    python tests/gold/tehran-times/build.py /work/shared/corpora/tehran-times.jsonl.gz

Each statement: (speaker id or None, speaker mention as written or None, content "start...end",
cue, type, act, options). The speaker mention is the occurrence nearest the content, outside it
(``at=`` picks the n-th occurrence after the content's start when that is not right).
"""
from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from annotations import ARTICLES  # noqa: E402


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


def build(aid, text, ann):
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
    return {"about": f"Hand annotation of speakers in Tehran Times article {aid}: who said what, each "
                     "statement's speaker resolved by reading the text. Stance is not annotated.",
            "text_file": f"{aid}.txt",
            "metadata": {"outlet": "Tehran Times (Mehr News Agency)", "license": "CC BY 4.0",
                         "license_text": "Creative Commons Attribution 4.0 International License",
                         "language": "en", "source_id": aid},
            "entities": ann["entities"], "statements": sts, "claims": []}


def main(corpus):
    texts = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as fh:
        for line in fh:
            a = json.loads(line)
            if a["id"] in ARTICLES:
                texts[a["id"]] = a["text"]
    for aid, ann in ARTICLES.items():
        text = texts[aid]
        gold = build(aid, text, ann)
        with open(HERE / f"{aid}.txt", "w", encoding="utf-8", newline="") as fh:  # keep \r: offsets
            fh.write(text)
        (HERE / f"{aid}.gold.json").write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n",
                                               encoding="utf-8")
        print(aid, len(gold["statements"]), "statements")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/corpora/tehran-times.jsonl.gz")
