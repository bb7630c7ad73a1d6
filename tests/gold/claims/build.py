"""Writes the claim-linking gold of issue 14 (item 4) from the hand annotation in annotations/*.py, for
the stories chosen in stories.json (select.py):

    python tests/gold/claims/build.py ../shared/corpora [--only=annotations/NAME.py]

Every chosen article's text is written as <id>.txt (annotators read these); ``gold.json`` holds, per
story, its half, its claims (id -> the proposition as the annotator wrote it) and, per annotated
article, one row per statement: the claim it is about, its content span and its stance toward that
claim. An annotation module holds ``STORY`` (a name in stories.json), ``CLAIMS`` ({id: proposition})
and ``ARTICLES`` ({article id: [(claim id, content, stance, options)]}); the content is written as in
the speaker gold (``"first words...last words"``, found from the previous row's content on, or from
``options["from"]``). The guideline: ../README.md ("Claim clusters").
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from goldbuild import find_content, write  # noqa: E402

STANCES = ("supports", "refutes", "uncertain")


def modules(only: str | None = None) -> list:
    out = []
    for path in sorted((HERE / "annotations").glob("*.py")):
        if only and path.stem != Path(only).stem:
            continue
        spec = importlib.util.spec_from_file_location(f"gold_claims_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        out.append(module)
    return out


def rows(aid: str, text: str, ann: list, claims: dict) -> list[dict]:
    out, cursor = [], 0
    for n, row in enumerate(ann, 1):
        claim, spec, stance = row[:3]
        opts = row[3] if len(row) > 3 else {}
        if claim not in claims:
            raise ValueError(f"{aid} row {n}: claim {claim!r} is not in CLAIMS")
        if stance not in STANCES:
            raise ValueError(f"{aid} row {n}: stance {stance!r} is not one of {STANCES}")
        try:
            start = text.index(opts["from"]) if "from" in opts else cursor
            s, e = find_content(text, spec, start)
        except ValueError as exc:
            raise ValueError(f"{aid} row {n}: content {spec!r} not found") from exc
        if not opts.get("nested"):
            cursor = s
        out.append({"claim": claim, "content": text[s:e], "content_span": [s, e], "stance": stance,
                    "nested": bool(opts.get("nested")), "optional": bool(opts.get("optional"))})
    return out


def texts(corpora: Path, wanted: set[str]) -> dict[str, dict]:
    out = {}
    with gzip.open(corpora / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in wanted:
                out[r["id"]] = r
    return out


def main(corpora: Path, only: str | None = None) -> int:
    chosen = json.loads((HERE / "stories.json").read_text(encoding="utf-8"))["stories"]
    story_of = {aid: name for name, s in chosen.items() for aid in s["articles"]}
    records = texts(corpora, set(story_of))
    for aid, rec in records.items():
        txt = HERE / f"{aid}.txt"
        if not txt.exists() or txt.read_bytes() != rec["text"].encode("utf-8"):
            write(HERE, aid, rec["text"], None)
    gold_path = HERE / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8")) if gold_path.exists() else {}
    failed = 0
    for module in modules(only):
        name = module.STORY
        if name not in chosen:
            raise ValueError(f"{module.__name__}: story {name!r} is not in stories.json")
        arts = {}
        for aid, ann in module.ARTICLES.items():
            if story_of.get(aid) != name:
                raise ValueError(f"{aid} is not an article of story {name!r}")
            try:
                arts[aid] = rows(aid, records[aid]["text"], ann, module.CLAIMS)
            except (ValueError, IndexError, TypeError) as exc:
                print(f"{aid}: ERROR {exc}")
                failed += 1
                continue
            print(aid, name, len(arts[aid]), "statements")
        gold[name] = {"half": chosen[name]["half"], "claims": module.CLAIMS,
                      "source": "Tehran Times (CC BY 4.0, Mehr News Agency); annotation: onrecord",
                      "articles": {a: {"url": records[a].get("url"), "published": records[a].get("published"),
                                       "statements": arts[a]} for a in sorted(arts)}}
    gold_path.write_text(json.dumps(dict(sorted(gold.items())), indent=1, ensure_ascii=False) + "\n",
                         encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--only=")]
    only = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--only=")), None)
    sys.exit(main(Path(args[0] if args else "../shared/corpora"), only))
