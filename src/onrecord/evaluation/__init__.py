"""Scorers used by `onrecord eval` and by the quality gate (tests/evaluation/baseline.json).

- ``gold``: one article record against a hand annotation (the seed gold), the same figures as
  ``../shared/gold/score.py``.
- ``brat`` and ``polnear``: reading PolNeAR's BRAT standoff and scoring source / cue / content spans.
- ``baseline``: the per-stage figures the quality gate holds the pipeline to.
"""
