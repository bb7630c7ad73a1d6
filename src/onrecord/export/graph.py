"""Speakers and claims as a graph: an edge from a speaker to a claim for each stance they take on it.

Claims are the claims across articles (``store.claims``; ids as in ``onrecord claims``). Nodes:
``speaker:<speaker key>`` (label, kind ``speaker``, speaker_kind) and ``claim:<claim id>`` (label, kind
``claim``). Edges (a MultiDiGraph, keyed by stance): ``stance``, ``weight`` (how many statements)
and ``statements`` (``article_id/statement_id``, space-separated).
"""
from __future__ import annotations

import io
from collections.abc import Iterable
from typing import IO

from ..models import Record
from ..store.keys import speaker_key
from . import Selection, Stances, speaker_name


def build(records: Iterable[Record], stances: Stances, selection: Selection = Selection()):
    import networkx as nx
    g = nx.MultiDiGraph()
    for record in records:
        kinds = {e.id: e.kind for e in record.entities}
        for s in record.statements:
            if not selection.keeps(record, s, stances):
                continue
            for c in stances.get((record.article.id, s.id), ()):
                if selection.claim and c["claim"] != selection.claim:
                    continue
                name = speaker_name(record, s) or "(unattributed)"
                snode, cnode, stance = f"speaker:{speaker_key(name) or name}", f"claim:{c['claim']}", c["stance"]
                if snode not in g:
                    g.add_node(snode, kind="speaker", label=name, speaker_kind=kinds.get(s.speaker or "", ""))
                if cnode not in g:
                    g.add_node(cnode, kind="claim", label=c["text"])
                ref = f"{record.article.id}/{s.id}"
                if g.has_edge(snode, cnode, key=stance):
                    data = g.edges[snode, cnode, stance]
                    data["weight"] += 1
                    data["statements"] += f" {ref}"
                else:
                    g.add_edge(snode, cnode, key=stance, stance=stance, weight=1, statements=ref)
    return g


def write_graphml(g, out: IO[bytes]) -> int:
    import networkx as nx
    buf = io.BytesIO()
    nx.write_graphml(g, buf, encoding="utf-8")
    out.write(buf.getvalue())
    return g.number_of_edges()
