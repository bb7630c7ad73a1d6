"""Entities for speaker resolution: mentions, clustering, salience, description fit.

Small modules, each a noun: ``mentions`` (what the text names), ``cluster`` (mentions into entities),
``salience`` (who is in focus), ``describe`` (does a description fit an entity), ``resolve``
(statements' speakers and addressees). The speaker lexicon and the name helpers they read are
``onrecord.lexicons.speakers`` and ``onrecord.lexicons.names``; speaker accuracy against gold is
``onrecord.evaluation.speakers``.
"""
