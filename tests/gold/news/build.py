"""Writes the speaker gold of issue 13 (<id>.txt + <id>.gold.json) from the hand annotation in
annotations/*.py, for the articles chosen in articles.json (select.py):

    python tests/gold/news/build.py ../shared/corpora [--only=annotations/NAME.py]

Every chosen article's text is written, annotated or not (annotators read the .txt files); a gold file
is written for each annotated one. The statement rows and how their spans are found:
../goldbuild.py. Each statement also gets ``mention``, the kind of its speaker mention: ``none`` (no
mention: a quote's continuation), ``pronoun``, ``unnamed`` (the speaker is an unnamed source),
``name`` (the mention holds the speaker's name or an alias that is a proper name) or ``description``.
The guideline: ../README.md.
"""
from __future__ import annotations

import gzip
import importlib.util
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from goldbuild import build, write  # noqa: E402

STOP = frozenset("the a an of for and in on at to".split())
PRONOUNS = frozenset("he she they it we i you him her them us his its their".split())
SOURCES = {
    "wikinews": {"outlet": "Wikinews", "license": "CC BY 2.5",
                 "license_text": "Creative Commons Attribution 2.5 Generic License", "language": "en"},
    "tehrantimes": {"outlet": "Tehran Times", "license": "CC BY 4.0",
                    "license_text": "Creative Commons Attribution 4.0 International License", "language": "en"},
}


def annotations(only: str | None = None) -> dict:
    """Every annotated article, from the modules in annotations/ (an article in two modules is an
    error); with ``only``, from that module alone."""
    out: dict = {}
    for path in sorted((HERE / "annotations").glob("*.py")):
        if only and path.stem != Path(only).stem:
            continue
        spec = importlib.util.spec_from_file_location(f"gold_news_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for aid, ann in module.ARTICLES.items():
            if aid in out:
                raise ValueError(f"{aid} is annotated in two modules ({path.name})")
            out[aid] = ann
    return out


def mention_kind(statement: dict, entity: dict) -> str:
    """The kind of a statement's speaker mention, from the mention and the gold entity: ``name`` when
    it holds a word of the entity's name as written there (case counts: "the ministry" is not "the
    Foreign Ministry"), titles left out, or one of its one-word aliases ("IAEA", "Kanaani")."""
    text = statement["speaker_text"]
    if not text:
        return "none"
    if text.lower() in PRONOUNS:
        return "pronoun"
    if entity["kind"] == "unnamed":
        return "unnamed"
    words = set(re.findall(r"[\w.@-]+", text.replace("’s", "").replace("'s", "")))
    titles = {w for t in entity.get("titles", []) for w in t.split()}
    names = {w for w in re.findall(r"[\w.@-]+", entity["name"]) if w not in titles and w.lower() not in STOP}
    names |= {a for a in entity.get("aliases", []) if " " not in a and a[:1].isupper() and a not in titles}
    return "name" if words & names else "description"


def texts(corpora: Path, wanted: set[str]) -> dict[str, dict]:
    out = {}
    for line in open(corpora / "wikinews.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if r["id"] in wanted:
            out[r["id"]] = r
    with gzip.open(corpora / "tehran-times.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if r["id"] in wanted:
                out[r["id"]] = r
    return out


def article(aid: str, rec: dict, ann: dict, half: str) -> dict:
    source = aid.split("-", 1)[0]
    meta = {**SOURCES[source], "source_id": aid, "title": rec.get("title"), "half": half}
    if rec.get("url"):
        meta["url"] = rec["url"]
    if rec.get("published"):
        meta["published"] = rec["published"]
    about = (f"Hand annotation of who said what in {SOURCES[source]['outlet']} article {aid}, written "
             "from the text before the speaker resolver was tuned (tests/gold/README.md). "
             "Stance is not annotated.")
    gold = build(aid, rec["text"], ann, about, meta)
    ents = {e["id"]: e for e in gold["entities"]}
    for st in gold["statements"]:
        if st["speaker"] not in ents:
            raise ValueError(f"{aid} {st['id']}: speaker {st['speaker']!r} is not an entity")
        st["mention"] = mention_kind(st, ents[st["speaker"]])
    return gold


def main(corpora: Path, only: str | None = None) -> int:
    chosen = json.loads((HERE / "articles.json").read_text(encoding="utf-8"))
    half = {aid: h for h in ("development", "held-out", "fresh", "fresh-2", "fresh-3", "fresh-4") for aid in chosen[h]}
    anns = annotations(only)
    stray = set(anns) - set(half)
    if stray:
        raise ValueError(f"annotated but not chosen: {sorted(stray)}")
    records = texts(corpora, set(half))
    failed = 0
    for aid in sorted(anns if only else half):
        text = records[aid]["text"]
        gold = None
        if aid in anns:
            try:
                gold = article(aid, records[aid], anns[aid], half[aid])
            except (ValueError, IndexError, KeyError, TypeError, AssertionError) as exc:
                print(f"{aid}: ERROR {exc}")
                failed += 1
                continue
        txt = HERE / f"{aid}.txt"
        if gold is not None or not txt.exists() or txt.read_bytes() != text.encode("utf-8"):
            write(HERE, aid, text, gold)
        print(aid, half[aid], len(gold["statements"]) if gold else "-", "statements")
    return 1 if failed else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--only=")]
    only = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--only=")), None)
    sys.exit(main(Path(args[0] if args else "../shared/corpora"), only))
