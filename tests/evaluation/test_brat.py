"""evaluation/brat.py: BRAT standoff as PolNeAR writes it."""
from __future__ import annotations

import pytest

from onrecord.errors import EvaluationError
from onrecord.evaluation import brat

ANN = (
    "T1\tSource 0 5\tTrump\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 20;30 41\tfirst bit second\nbit\n"   # the text column may hold a newline
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tCue 50 59\taccording\n"
    "T6\tContent 60 70\tsomething\n"
    "T7\tAttribution-no-source 50 59\taccording\n"
    "E2\tAttribution-no-source:T7 Cue:T5 Content:T6\n"
    "T8\tDiscard 80 90\tRead more\n"
)


def test_parse_ann_links_roles_and_keeps_fragments():
    a, b = brat.parse_ann(ANN)
    assert a.source == ((0, 5),) and a.cue == ((6, 10),)
    assert a.content == ((11, 20), (30, 41))
    assert b.source is None and b.cue == ((50, 59),) and b.content == ((60, 70),)


def test_unknown_reference_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        brat.parse_ann("E1\tAttribution:T4 Content:T3\n")


DISCONTINUOUS = "breitbart_2016-09-15_pat-caddell-democrat-voters-worr"


def test_reads_a_real_dev_article_with_a_discontinuous_content(shared):
    root = shared / "eval" / "polnear" / "dev"
    ann = next((root / "attributions").glob(f"{DISCONTINUOUS}_*.ann"))
    art = brat.read_article(root / "text" / f"{DISCONTINUOUS}.txt", ann)
    frags = [att.content for att in art.attributions if len(att.content) > 1]
    assert ((315, 448), (463, 553)) in frags
    text = art.text
    assert text[315:448].startswith("“One of the things I am surprised about")
    assert text[463:553].endswith("very similar numbers.”")


def test_every_dev_span_names_its_annotated_text(shared):
    """Offsets count characters of the UTF-8 text read without newline translation."""
    root = shared / "eval" / "polnear" / "dev"
    arts = brat.read_split(root)
    assert len(arts) == 84
    assert sum(len(a.attributions) for a in arts) > 2000
    checked = 0
    for text_path, ann_path in brat.article_files(root)[:10]:
        text = text_path.open(encoding="utf-8", newline="").read()
        raw = ann_path.read_text(encoding="utf-8")
        for line in raw.split("\n"):
            parts = line.split("\t")
            if len(parts) == 3 and line.startswith("T") and ";" not in parts[1]:
                _, a, b = parts[1].split(" ")
                assert text[int(a):int(b)] == parts[2]
                checked += 1
    assert checked > 100


def test_several_annotators_read_the_first_by_name(shared):
    root = shared / "eval" / "polnear" / "dev"
    pairs = dict((t.stem, a.name) for t, a in brat.article_files(root))
    assert pairs["politico_2016-09-08_flynn-says-trump-absolutely-righ"].endswith("_4b22.ann")


def test_a_folder_without_the_split_layout_is_an_error(tmp_path):
    with pytest.raises(EvaluationError):
        brat.read_split(tmp_path)
