"""Scorers used by `onrecord eval` and by the quality gate (tests/evaluation/baseline.json).

- ``gold``: one article record against a hand annotation (the seed gold), the same figures as
  ``../shared/gold/score.py``.
- ``brat`` and ``polnear``: reading PolNeAR's BRAT standoff and scoring source / cue / content spans
  (``conventions``: PolNeAR's span conventions; ``speech_cues``: which gold cues hold a speech verb).
- ``speakers``: speaker accuracy by kind of mention; ``claims``: known-claim matching, stance and
  linking figures; ``extraction``: article-text extraction from HTML.
- ``metrics``: precision / recall / F1, the one definition all of them use; ``splits``: fixed
  train / dev splits shared with ``training``.
- ``baseline``: the per-stage figures the quality gate holds the pipeline to.
"""
