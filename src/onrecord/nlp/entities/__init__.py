"""Entities for speaker resolution: lexicon, mentions, clustering, salience, description fit.

Small modules, each a noun: ``lexicon`` (data files), ``mentions`` (what the text names), ``cluster``
(mentions into entities), ``salience`` (who is in focus), ``describe`` (does a description fit an entity),
``resolve`` (statements' speakers and addressees), ``evaluate`` (speaker accuracy against gold).
"""
