"""Linking: statements about the same proposition join one claim.

Within an article (:class:`ClaimBuilder`, the pipeline's claims stage: analyze() fills ``Record.claims``
from ``ClaimBuilder.build``): propositions are embedded (MiniLM), clustered (average link), and the remaining
statements join the claim they are closest to when close enough, or a little less close but with a
stance cue toward it ("unrelated to", "not to send weapons", "produce any evidence"). A statement that
reports another (``nested_in``) has its proposition (``propositions.of_statements``) and goes with it; a
reference to an allegation ("refuted the charges by Sullivan", "such claims are baseless") joins the
claim of the allegation's author. Each member gets its stance (``stance.rule_stance``).

Across articles (``claims.index.ClaimIndex.match``, run by ``claims.across``, with :func:`names_fit`
and the thresholds of :class:`LinkConfig` from here): a new article's claim joins the global claim
whose centroid is most similar when the similarity reaches ``threshold`` and their names overlap (or
neither names anything); else it starts a new global claim. The thresholds and the data
they were chosen on are in docs/accuracy.md ("Claims").
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..models import Article, Claim, Entity, Stance, Statement
from . import propositions as props_
from .stance import cues, rule_stance

Encode = Callable[[list[str]], np.ndarray]

# Acts whose statement makes a claim of its own even when nobody else in the article speaks to it.
CLAIM_ACTS = frozenset({"deny", "accuse", "confirm", "uncertain"})
_NAME = re.compile(r"\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
_INNER_THAT = re.compile(r"\b(?:that|indicating|showing)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class LinkConfig:
    cluster: float = 0.70          # average-link similarity at which propositions form one claim
    join: float = 0.60             # a further statement joins a claim at this similarity ...
    cue_join: float = 0.50         # ... or at this one when it carries a stance cue toward the claim
    best_only: bool = True         # ... only the one claim it is closest to, and none when it is in a cluster
    global_threshold: float = 0.72  # a new claim joins a global claim (chosen on the tuning story, see docs)
    stale_days: int = 365          # past this gap from the global claim's last statement ...
    stale_penalty: float = 0.05    # ... the threshold rises by this much


def names(text: str) -> set[str]:
    """Capitalised words not at a sentence start: a crude bag of the entities a text names."""
    out = set()
    for m in _NAME.finditer(text):
        before = text[:m.start()].rstrip()
        if before and before[-1] not in ".!?\"“":
            out.add(m.group().lower())
    return out


def views(prop: props_.Proposition) -> list[str]:
    """The texts a proposition is compared by: itself, its sentences, what follows an inner 'that'."""
    out = [prop.text, *prop.clauses]
    for m in _INNER_THAT.finditer(prop.text):
        tail = prop.text[m.end():]
        if len(tail.split()) >= 4:
            out.append(tail)
    return list(dict.fromkeys(out))


def _average_link(vecs: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage clusters whose mean pairwise similarity is at least ``threshold``.

    scipy's agglomerative clustering is O(n²): a long article's thousands of statements cluster in
    seconds (a hand-written merge loop had taken minutes on a 180,000-word article)."""
    n = len(vecs)
    if n < 2:
        return [[i] for i in range(n)]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    dist = np.clip(pdist(vecs, metric="cosine"), 0.0, 2.0)
    labels = fcluster(linkage(dist, method="average"), t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        groups.setdefault(int(lab), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def claim_id(article: Article, text: str) -> str:
    """Article-unique and stable: the same proposition in the same article gets the same id."""
    return "claim-" + hashlib.sha1(f"{article.id}\x1f{text}".encode("utf-8", "surrogatepass")).hexdigest()[:12]


@dataclass
class _Group:
    members: list[int]
    rep: int
    core: tuple[int, ...] = ()     # the cluster the claim was formed from: what others are compared to


class ClaimBuilder:
    """``builder(article, statements, entities) -> list[Claim]``: the claims of one article."""

    def __init__(self, encode: Encode | None = None, config: LinkConfig = LinkConfig(), language: str = "en"):
        self._encode = encode
        self.config = config
        self.language = language
        self._primed: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> np.ndarray:
        if self._encode is None:
            from .embed import encode
            self._encode = encode
        return self._encode(texts)

    def build(self, parsed: Sequence[tuple[Article, Sequence[Statement], Sequence[Entity]]]
              ) -> list[tuple[Claim, ...]]:
        """The claims of each parsed (article, statements, entities), in order. The texts of the whole
        batch are encoded in one call first: one full encoder batch costs far less than many small ones."""
        props = (p for _, statements, _ in parsed for _, p in props_.of_statements(statements, self.language))
        texts = list(dict.fromkeys(t for p in props for t in views(p)))
        if texts:
            self._primed = dict(zip(texts, self.encode(texts)))
        try:
            return [tuple(self(article, statements, entities)) for article, statements, entities in parsed]
        finally:
            self._primed = {}

    def _vectors(self, texts: list[str]) -> np.ndarray:
        missing = [t for t in texts if t not in self._primed]
        fresh = dict(zip(missing, self.encode(missing))) if missing else {}
        return np.stack([self._primed[t] if t in self._primed else fresh[t] for t in texts])

    def __call__(self, article: Article, statements: Sequence[Statement],
                 entities: Sequence[Entity] = ()) -> list[Claim]:
        items = props_.of_statements(statements, self.language)
        if not items:
            return []
        all_views = [views(p) for _, p in items]
        flat = list(dict.fromkeys(t for vs in all_views for t in vs))
        index = {t: i for i, t in enumerate(flat)}
        vecs = self._vectors(flat)
        main = np.stack([vecs[index[p.text]] for _, p in items])
        groups = self._groups(items, main)
        member_of: dict[int, set[int]] = {}
        for g, grp in enumerate(groups):
            for i in grp.members:
                member_of.setdefault(i, set()).add(g)
        for i in range(len(items)):                 # further statements join (maybe several claims)
            for g in self._joins(i, items, all_views, vecs, index, groups):
                groups[g].members.append(i)
                member_of.setdefault(i, set()).add(g)
        child_of: dict[str | None, int] = {}
        for k, (t, _) in enumerate(items):
            child_of.setdefault(t.nested_in, k)
        for i, (s, p) in enumerate(items):           # a lone denial or accusation is a claim too
            if i in member_of or p.reference:
                continue
            if not p.reported:
                if s.act in CLAIM_ACTS and not p.nominal:
                    member_of[i] = {len(groups)}
                    groups.append(_Group(members=[i], rep=i, core=(i,)))
                continue
            chain = _chain(i, items, child_of)      # i, the statement it reports, the one that reports ...
            if any(k in member_of for k in chain):
                continue                             # on its claim through _nested_follow
            if p.nominal:
                continue
            if any(items[k][0].act in CLAIM_ACTS for k in chain) or props_.discredits(p, self.language):
                group = {len(groups)}                # "the U.S. lies when it claims P": one claim, P
                for k in chain:
                    member_of[k] = group
                groups.append(_Group(members=list(chain), rep=chain[-1], core=(chain[-1],)))
        self._references(items, groups, member_of, entities)
        self._nested_follow(items, groups, member_of)
        claims = [self._claim(article, items, grp, vecs[index[items[grp.rep][1].text]]) for grp in groups]
        return sorted(claims, key=lambda c: -len(c.stances))

    def _groups(self, items, main: np.ndarray) -> list[_Group]:
        groups = []
        # references join the claim they name later; a report of a statement follows it (_nested_follow)
        own = [i for i, (_, p) in enumerate(items) if not (p.reference or p.reported)]
        for found in _average_link(main[own], self.config.cluster):
            members = [own[k] for k in found]
            if len(members) < 2:
                continue
            propositional = [k for k, i in enumerate(members) if not items[i][1].nominal]
            if not propositional:
                continue                            # noun phrases only ("the importance of ties"): no claim
            sub = main[members]
            score = (sub @ sub.T).mean(axis=1)
            positive = [k for k in propositional if items[members[k]][1].polarity == "positive"]
            ranked = sorted(positive or propositional, key=lambda k: (-round(float(score[k]), 6), k))
            groups.append(_Group(members=list(members), rep=members[ranked[0]], core=tuple(members)))
        return groups

    def _joins(self, i, items, all_views, vecs, index, groups) -> list[int]:
        """The claims statement ``i`` joins besides its own cluster's."""
        if items[i][1].reference or items[i][1].reported:
            return []                               # see _groups
        if self.config.best_only and any(i in grp.members for grp in groups):
            return []                               # in a cluster: on that claim's board only
        mine = np.stack([vecs[index[t]] for t in all_views[i]])
        out = []
        for g, grp in enumerate(groups):
            if i in grp.members:
                continue
            core = np.stack([vecs[index[items[k][1].text]] for k in grp.core])
            s = float((mine @ core.T).max())
            wording = " ".join(dict.fromkeys(items[k][1].text for k in grp.core))
            if s >= self.config.join or (
                    s >= self.config.cue_join
                    and cues(items[i][1].text, items[grp.rep][1].text, self.language, wording).any):
                out.append((s, g))
        if self.config.best_only:
            return [max(out)[1]] if out else []
        return [g for _, g in out]

    @staticmethod
    def _references(items, groups, member_of, entities: Sequence[Entity]) -> None:
        """A statement about an allegation it names ("refuted recent charges by Jake Sullivan", "such
        claims are baseless") joins the claim of the allegation's author: the nearest statement before it
        (else after it) by a speaker the reference names; with no name, the claim of one of the three
        statements just before it. A named author's statement that is on no claim yet starts one."""
        name_of = {e.id: e.name for e in entities}
        order = sorted(range(len(items)), key=lambda i: items[i][0].content_span)
        for pos, i in enumerate(order):
            s, p = items[i]
            if not p.reference or i in member_of:
                continue
            text = p.text.lower()
            named = [k for k in order if k != i and not items[k][1].reference
                     and items[k][0].speaker != s.speaker
                     and _names_in(name_of.get(items[k][0].speaker), text)]
            before = [k for k in named if items[k][0].content_span < s.content_span]
            author = before[-1] if before else (named[0] if named else None)
            if author is None:
                near = [k for k in order[max(0, pos - 3):pos] if k in member_of]
                if not near:
                    continue
                target = min(member_of[near[-1]])
            elif author in member_of:
                target = min(member_of[author])
            elif items[author][1].nominal:
                continue
            else:
                target = len(groups)
                groups.append(_Group(members=[author], rep=author, core=(author,)))
                member_of[author] = {target}
            groups[target].members.append(i)
            member_of[i] = {target}

    @staticmethod
    def _nested_follow(items, groups, member_of) -> None:
        """A statement that reports a member ("he said X confirmed that P") joins X's claims."""
        pos = {s.id: i for i, (s, _) in enumerate(items)}
        for i in sorted(range(len(items)), key=lambda k: items[k][0].content_span, reverse=True):
            s = items[i][0]                          # the innermost first: "X said Y said Z claimed P"
            parent = pos.get(s.nested_in) if s.nested_in else None
            if parent is None:
                continue
            for g in member_of.get(i, ()):
                if parent not in groups[g].members:
                    groups[g].members.append(parent)
                    member_of.setdefault(parent, set()).add(g)

    def _claim(self, article: Article, items, grp: _Group, vector: np.ndarray | None = None) -> Claim:
        rep_prop = items[grp.rep][1]
        core_text = " ".join(dict.fromkeys(items[k][1].text for k in grp.core or (grp.rep,)))
        members = sorted(set(grp.members), key=lambda i: items[i][0].content_span)
        by_id = {items[i][0].id: i for i in members}
        stance_of: dict[str, str] = {}

        def stance(i: int) -> str:
            s, p = items[i]
            if s.id not in stance_of:
                children = [c for c, (t, _) in enumerate(items) if t.nested_in == s.id and t.id in by_id]
                nested = stance(children[0]) if children else None
                stance_of[s.id] = rule_stance(s, p, rep_prop.text, nested=nested, language=self.language,
                                              wording=core_text)
            return stance_of[s.id]

        stances = tuple(Stance(statement=items[i][0].id, speaker=items[i][0].speaker, stance=stance(i))
                        for i in members)
        return Claim(id=claim_id(article, rep_prop.text), text=rep_prop.text, stances=stances,
                     polarity=rep_prop.polarity, vector=vector)


def _chain(i: int, items, child_of: dict) -> list[int]:
    """``i`` and the statements it reports in turn (``child_of``: a statement's id -> the index of the
    statement nested in it), as long as each took its proposition from the next (``reported``)."""
    chain = [i]
    while items[chain[-1]][1].reported and (k := child_of.get(items[chain[-1]][0].id)) is not None \
            and k not in chain:
        chain.append(k)
    return chain


def _names_in(name: str | None, text: str) -> bool:
    """Whether ``text`` (lower-cased) names the entity called ``name``: its full name or its last word
    (a surname, "Sullivan"), on word boundaries."""
    if not name:
        return False
    words = name.lower().split()
    return any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text) for w in {name.lower(), words[-1]}
               if len(w) > 2)


# -- across articles ---------------------------------------------------------------------------------

def title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z]+", text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.6


def names_fit(a: str, b: str) -> bool:
    """Entity overlap: both name something in common, or one of them names nothing (a title-cased
    headline names everything, so it is not held to this)."""
    if title_case(a) or title_case(b):
        return True
    na, nb = names(a), names(b)
    return not na or not nb or bool(na & nb)
