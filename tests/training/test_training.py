"""training: gold spans become token labels the taggers learn."""
from __future__ import annotations

import spacy

from onrecord.training import CUE_LEMMAS, token_labels


def test_token_labels_bio_with_nesting_and_partial_tokens():
    doc = spacy.blank("en")("He said that Trump told reporters it was fine.")
    # tokens: He(0) said(3) that(8) Trump(13) told(19) reporters(24) it was fine .(45)
    assert token_labels(doc, [(0, 2)]) == ["B"] + ["O"] * 9
    outer, inner = (8, 46), (13, 18)
    labels = token_labels(doc, [inner, outer])
    assert labels == ["O", "O", "B"] + ["I"] * 7                # the longer span wins
    assert token_labels(doc, [(14, 18)]) == ["O"] * 3 + ["B"] + ["O"] * 6   # most of a token counts


def test_cue_lemmas_are_frozen_and_sorted():
    assert CUE_LEMMAS == sorted(set(CUE_LEMMAS)) and "say" in CUE_LEMMAS


def test_joint_labels_tag_every_role():
    from onrecord.evaluation.brat import GoldAttribution
    from onrecord.training import joint_labels
    doc = spacy.blank("en")("He said that Trump told reporters it was fine.")
    att = GoldAttribution("E1", source=((0, 2),), cue=((3, 7),), content=((8, 44),))
    assert joint_labels(doc, [att]) == ["B-SRC", "B-CUE", "B-CON"] + ["I-CON"] * 6 + ["O"]
