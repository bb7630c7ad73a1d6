"""Statements' speakers and addressees, resolved to entities of the doc.

Order of work: named mentions become entities (cluster); statements are visited in the order of their
speaker mentions; each mention is read as a name, pronoun, description or unnamed source and resolved
(pronouns and descriptions by salience among fitting entities); first-person speakers inside a quote
take the quoting statement's speaker; a statement with no speaker mention inherits the speaker of the
statement just before it when nothing else intervenes; addressees last.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import replace

from spacy.tokens import Doc, Span

from ...lexicons.names import fold, is_acronym, strip_edges, without_article
from ...lexicons.speakers import Lexicon
from ...models import Entity, Statement
from ..lemmas import lemma as lemma_of
from .cluster import Ent, Registry
from .describe import describe, describe_entity, fit
from .mentions import Mention, joined_people, name_mentions, person_context, person_name, role_weight, split_person
from .ranker import FEATURES, Anaphor, candidate_features, first_names
from .salience import SPEAKER_BONUS, Salience

log = logging.getLogger(__name__)

DEFINITE_OWN = FEATURES.index("definite_own")
INHERIT_GAP = 400          # chars between statements across which an unattributed one inherits
CATAPHORA_SENTS = 2        # a description with no antecedent may be named this many sentences later
LEDE_SENTS = 2             # ... when it stands in the article's first sentences (the lede)
WEBSITE = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|ir|ru|uk|info|news|gov|int|eu)", re.I)


def mention_kind(span: Span | None, lex: Lexicon) -> str | None:
    """pronoun | name | description | unnamed, for a speaker mention as written."""
    if span is None or not len(span):
        return None
    words = [t for t in span if not t.is_punct]
    if len(words) == 1 and words[0].lower_ in lex.pronouns:
        return "pronoun"
    if any(e.label_ == "PERSON" and e.start < span.end and span.start < e.end and person_name(e, lex)
           for e in span.doc.ents):
        return "name"                       # not "A senior Burkinabe official", "Burkinabe" tagged PERSON
    if without_article(span.text).lower() in lex.nationalities:
        return "name"                       # "Western" (claims), "Iranian" (officials said ...)
    if WEBSITE.fullmatch(without_article(span.text)) or lex.is_outlet(span.text):
        return "name"                       # "according to the sharghdaily.com", "Press TV": an outlet
    root = span.root
    first = words[0].lower_ if words else ""
    if first in lex.indefinite:
        return "unnamed"
    if (first in lex.definite or any(t.dep_ == "poss" for t in span)) and (
            root.lower_ in lex.descriptions or lex.find_titles(root.text)):
        return "description"               # "the MP", "Iran's chief diplomat"
    if first in lex.definite and len(words) == 2 and root.lower_ in lex.organization_nouns and not root.ent_type_:
        return "description"               # "The Ministry repudiated ...", capitalised
    if root.pos_ == "PROPN" or (root.ent_type_ in ("ORG", "GPE", "NORP", "LOC") and root.pos_ != "NOUN"):
        return "name"
    if root.lower_ in lex.group_nouns and any(t.ent_type_ in ("NORP", "GPE") or t.lower_ in lex.nationalities
                                              for t in span if t.i < root.i) \
            and root.lower_ not in lex.source_nouns:
        return "name"
    if root.tag_ in ("NNS", "NNPS") and first not in lex.definite and not any(t.dep_ == "poss" for t in span):
        return "unnamed"
    if root.pos_ in ("NOUN", "ADJ") or first in lex.definite:
        return "description"
    return "name"


class Resolver:
    def __init__(self, doc: Doc, lex: Lexicon, ranker=None):
        self.doc, self.lex = doc, lex
        self.ranker = ranker                # ranker.Ranker: the learned antecedent choice, else the rules'
        self.observe = None                 # called with (resolver, anaphor) before each choice (training)
        self._spoken: list[tuple[int, int]] = []    # (speaker mention start, entity idx), in order
        self._starts: list[int] | None = None        # token start offsets (token_at)
        self.reg = Registry(lex)
        self.sal = Salience(doc)
        self.quotes = _quote_regions(doc.text)
        for m in name_mentions(doc, lex):
            e = self.reg.add(m)
            self.sal.add(e.idx, m.start, m.weight * (0.5 if self._quoted(m.start) else 1))
        self._surnames()
        self._plural_sources()
        self._joined_people()
        self._speaker_spans: list[tuple[int, int]] = []
        self._lede_descriptions()

    def _surnames(self) -> None:
        """A known person's surname that the NER did not tag ("Eslami also spoke at the same event in
        which he emphasized ..."): a mention of that person, so that a pronoun after it can find them."""
        last: dict[str, list[Ent]] = {}
        for e in self.reg.ents:
            if e.kind == "person" and len(e.tokens) >= 2:
                last.setdefault(e.tokens[-1], []).append(e)
        if not last:
            return
        for tok in self.doc:
            if tok.ent_type_ or tok.pos_ != "PROPN" or tok.dep_ == "compound":
                continue
            people = last.get(fold(tok.text))
            if people is None or len(people) != 1 or (tok.i > 0 and self.doc[tok.i - 1].pos_ == "PROPN"):
                continue
            e = people[0]
            if any(a <= tok.idx < b for a, b in e.mentions):
                continue
            e.add_mention(tok.idx, tok.idx + len(tok.text))
            self.sal.add(e.idx, tok.idx, role_weight(tok) * (0.5 if self._quoted(tok.idx) else 1))

    def _plural_sources(self) -> None:
        """'some American officials', 'Saudi officials': unnamed groups that 'they' may point to."""
        seen: dict[str, Ent] = {}
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.tag_ == "NNS" and root.lower_ in self.lex.source_nouns and not root.ent_type_:
                if chunk[0].lower_ in ("the", "these") and len(chunk) == 2 and root.lower_ in seen:
                    e = seen[root.lower_]   # "researchers from ... reported ... The researchers used": the same
                    e.add_mention(chunk.start_char, chunk.end_char)
                    self.sal.add(e.idx, chunk.start_char, role_weight(root))
                    continue
                end = chunk.end             # "scientists from China's Tsinghua University and ...": who they are
                if any(c.dep_ == "prep" and c.lower_ in ("from", "at", "of") for c in root.children) \
                        and root.right_edge.i - chunk.start < 24:
                    end = root.right_edge.i + 1
                span = self.doc[chunk.start:end]
                e = self.reg.new("unnamed", strip_edges(span.text), plural=True)
                e.enrich(self.lex.find_titles(root.text), self.lex.countries(span.text))
                e.add_mention(span.start_char, span.end_char)
                self.sal.add(e.idx, chunk.start_char, role_weight(root))
                seen[root.lower_] = e

    def _joined_people(self) -> None:
        """'Irani and Pakistani Air Force Chief Marshal Zaheer Ahmed Baber Sidhu met. They emphasized ...',
        'a meeting between Khaji and Burak Akçapar, they both ...': two people named together are a group
        that "they" may point to."""
        people = [e for e in joined_people(self.doc.ents) if e.label_ == "PERSON"]
        for first, last in zip(people, people[1:]):
            between = self.doc[first.end:last.start]
            if not between or between[0].lower_ != "and" or len(between) > 8 or any(
                    not (t.text[:1].isupper() or t.lower_ in ("of", "the")) for t in between[1:]):
                continue                # only titles between: "Irani and Pakistani Air Force Chief Marshal Sidhu"
            span = self.doc[first.start:last.end]
            e = self.reg.group(strip_edges(span.text), span.start_char, span.end_char)
            self.sal.add(e.idx, span.start_char, role_weight(last.root) * (0.5 if self._quoted(span.start_char) else 1))

    def _lede_descriptions(self) -> None:
        """A person described as the subject of a lede sentence and named in the sentences just after
        ("TEHRAN- Iran's foreign minister has advocated ... . Hossein Amir Abdollahian stressed ..."):
        the person takes the description's titles and countries, so that "the Iranian foreign minister"
        later in the article fits them. The description need not be a statement's speaker."""
        for sent in list(self.doc.sents)[:LEDE_SENTS]:
            subj = next((t for t in sent.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is None or subj.ent_type_ or subj.pos_ not in ("NOUN", "PROPN"):
                continue
            words = [t for t in subj.subtree if t.i <= subj.i]
            dash = max((k for k, t in enumerate(words) if t.text in ("-", "–", "—")), default=-1)
            words = words[dash + 1:]    # "TEHRAN- Iran's foreign minister": the dateline is not in it
            if not words or any(t.ent_type_ == "PERSON" for t in words):
                continue
            span = self.doc[words[0].i:subj.i + 1]
            if mention_kind(span, self.lex) != "description":
                continue
            desc = describe(span, self.lex)
            if desc.target != "person" or desc.plural or not desc.titles:
                continue
            e = self._cataphora(desc, span)
            if e is not None:
                describe_entity(e, desc)

    # -- helpers -----------------------------------------------------------------------------------
    def token_at(self, pos: int):
        """The token that holds character ``pos`` (None past the text)."""
        if self._starts is None:
            self._starts = [t.idx for t in self.doc]
        k = bisect.bisect_right(self._starts, pos) - 1
        return self.doc[k] if 0 <= k < len(self.doc) else None

    def _quoted(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.quotes)

    def span(self, sp) -> Span | None:
        if sp is None:
            return None
        return self.doc.char_span(sp[0], sp[1], alignment_mode="expand")

    def _person_like(self, e: Ent) -> bool:
        return e.kind == "person" or (e.kind == "unnamed" and bool(e.titles))

    # -- kinds of mention --------------------------------------------------------------------------
    def kind_of(self, span: Span | None) -> str | None:
        """``mention_kind``, and a lone capitalised word that is a known person's name is a name even
        when the tagger calls it a noun ('"...," Raisi told Polish President Andrzej Duda')."""
        kind = mention_kind(span, self.lex)
        if kind in ("description", "unnamed") and len(span) == 1 and span[0].text[:1].isupper() \
                and span[0].lower_ not in self.lex.descriptions and not self.lex.find_titles(span.text):
            person = self.reg.match_person(self.reg.person_tokens(span.text))
            if person is not None and len(person.tokens) > 1:
                return "name"
        return kind

    def by_name(self, span: Span) -> Ent | None:
        span = _before_relative(span)
        people = []
        named = [x for x in joined_people(span.ents) if x.label_ == "PERSON" and person_name(x, self.lex)]
        heads = [x for x in named if x.root.dep_ != "poss"]
        for ent in heads or named:          # "Dunn's mother, Charlotte Charles": the mother, not a group
            e = self.reg.at(ent.start_char, ent.end_char, ("person",))
            if e and e not in people:
                people.append(e)
        joined = any(t.dep_ == "conj" and t.head == span.root and t.pos_ in ("NOUN", "PROPN") for t in span)
        if len(people) > 1 or people and joined and span.root.ent_type_ == "PERSON":
            return self.reg.group(strip_edges(span.text), span.start_char, span.end_char)   # "Trump and his
        if people:                                                                          # supporters"
            return people[0]
        for ent in heads or named:          # "Phivolcs" tagged PERSON: the short name an organisation
            org = self.reg.at(ent.start_char, ent.end_char, ("organization",))   # was given in brackets
            if org is not None:
                return org
        named = [e for e in span.ents if e.label_ in ("ORG", "GPE", "NORP", "LOC")]
        person = self._known_head(span, named)
        if person is not None:          # "Eslami, head of the Atomic Energy Organization of Iran (AEOI)"
            return person
        organization = self._placed_organization(span, named) or self._named_outlet(span, named)
        if organization is not None:    # "the Iranian foreign ministry", "Florida Highway Patrol"
            return organization
        coordinated = any(t.dep_ == "conj" and t.head == span.root for t in span)   # not "Ambassador to
        # Vienna and Slovakia, Abbas Bagherpour Ardekani": the names joined must be the span's head
        if len(named) > 1 and coordinated or span.root.lower_ in self.lex.group_nouns:
            return self.reg.group(strip_edges(span.text), span.start_char, span.end_char)
        target = self.lex.nationalities.get(without_article(span.text).lower())
        if target and not named:
            if target[1] == "group":
                return self.reg.group(target[0], span.start_char, span.end_char)
            return self.reg.add_named(Mention(span.start_char, span.end_char, span.text, "country", target[0]))
        if named:
            ent = max(named, key=lambda x: (x.root == span.root, len(x)))
            if ent.label_ == "ORG" and not any(t.lower_ in self.lex.organization_nouns for t in ent):
                person = self.reg.match_person(self.reg.person_tokens(ent.text))
                if person is not None:       # "Keshavarzadeh" tagged ORG: a known person's name
                    return person
                titles, affs, gender = person_context(self.doc, ent, self.lex)
                if titles and len(ent) >= 2 and all(t.pos_ == "PROPN" for t in ent):
                    first, name = split_person(ent, self.lex)   # "MP Tanya Davies" tagged ORG: a titled name
                    return self.reg.add_person(Mention(self.doc[first].idx, ent.end_char, ent.text, "person", name,
                                                       role_weight(ent.root), titles, affs, gender))
            e = self.reg.at(ent.start_char, ent.end_char, ("organization", "country", "group", "person"))
            if e:
                return e
        return self._fallback_name(span)

    def _placed_organization(self, span: Span, named: list[Span]) -> Ent | None:
        """An organisation named with its country or place: the span's head is an organisation noun
        that no entity covers and the names in it are only places and nationalities before the head
        ("the Iranian foreign ministry", "the UAE foreign ministry", "Florida Highway Patrol"). A
        government is the country itself ("the Saudi government"), as descriptions read it."""
        root = span.root
        head = lemma_of(root).lower()
        if head not in self.lex.organization_nouns or head in self.lex.government_nouns or not named:
            return None
        named = [x for x in named if not (x.start > root.i and x.start > 0 and self.doc[x.start - 1].text == "(")]
        places = bool(named) and all(x.end <= root.i and (x.label_ in ("GPE", "NORP") or self.lex.countries(x.text))
                                     for x in named)    # "UAE" is tagged ORG, and is a country; "(IRIAF)" after
        # the name is its acronym, whatever the NER calls it
        if not places:
            return None
        name = strip_edges(without_article(span.text))
        return self.reg.add_named(Mention(span.start_char, span.end_char, span.text, "organization", name))

    def _named_outlet(self, span: Span, named: list[Span]) -> Ent | None:
        """An outlet or agency whose name is the span's head, after what it is ("state-owned Iranian news
        agency Fars", "the semi-official ISNA"), when the NER tagged only the nationality before it."""
        root = span.root
        if root.pos_ != "PROPN" or any(x.start <= root.i < x.end and x.label_ in ("ORG", "PERSON") for x in named):
            return None
        head = _proper_head(root)
        if not self.lex.is_outlet(head.text):
            return None
        return self.reg.add_named(Mention(head.start_char, head.end_char, head.text, "organization", head.text))

    def _known_head(self, span: Span, named: list[Span]) -> Ent | None:
        """A known person whose name is the span's head, when the names the NER found in the span are
        only in its apposition or modifiers; what the apposition says enriches the person."""
        root = span.root
        if not named or root.pos_ != "PROPN" or any(x.start <= root.i < x.end for x in named):
            return None
        head = _proper_head(root)
        person = self.reg.match_person(self.reg.person_tokens(head.text))
        titles, affs, gender = person_context(self.doc, head, self.lex)
        if person is None and titles and len(head) >= 2:
            # a name the NER missed, with a title in the span: "the United Kingdom's Queen Elizabeth II",
            # "Niloufar Asadi, acting head of ... (ICCIMA)"
            first, name = split_person(head, self.lex)
            person = self.reg.add_person(Mention(self.doc[first].idx, head.end_char, head.text, "person", name,
                                                 role_weight(root)))
        if person is not None:
            person.enrich(titles, affs, gender)
        return person

    def _fallback_name(self, span: Span) -> Ent | None:
        """A capitalised name the NER did not tag: a known person by surname, else a new person."""
        first, name = split_person(span, self.lex)
        name = without_article(name)
        if WEBSITE.fullmatch(name) or self.lex.is_outlet(name) or is_acronym(name) and len(name) > 2:
            # "according to khamenei.ir", "Politico", "SECO": an outlet or an agency, not a person
            return self.reg.add_named(Mention(span.start_char, span.end_char, span.text, "organization", name))
        if is_acronym(name):
            return None                       # "FM says ...": an abbreviated title in a headline
        if not name or not name[:1].isupper():
            return None
        known = self.reg.organization_named(name)
        if known is not None:                 # "Phivolcs said", after "The Philippine Institute ... (Phivolcs)"
            return known
        label = span.root.ent_type_
        if label in ("NORP", "GPE", "LOC", "ORG"):
            kind = "organization" if label == "ORG" else "country"
            return self.reg.add_named(Mention(span.start_char, span.end_char, span.text, kind, name))
        tokens = self.reg.person_tokens(name)
        e = self.reg.match_person(tokens)
        if e is None:
            if span.root.pos_ != "PROPN":
                return None
            titles, affs, gender = person_context(self.doc, span, self.lex)
            e = self.reg.add_person(Mention(self.doc[first].idx, span.end_char, span.text, "person", name,
                                            role_weight(span.root), titles, affs, gender))
        return e

    def person_at(self, start: int, end: int) -> Ent:
        """The person named at [start, end) (GAP's names), added as a mention when the NER missed it."""
        e = self.reg.at(start, end, ("person",))
        if e is None:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            e = self.reg.add_person(Mention(start, end, self.doc.text[start:end], "person",
                                            strip_edges(self.doc.text[start:end]), role_weight(span.root)))
            self.sal.add(e.idx, start, role_weight(span.root))
        return e

    def by_pronoun(self, span: Span, pos: int, own: tuple[int, int] | None = None, speaker: bool = True,
                   names: tuple[int, ...] = ()) -> Ent | None:
        """Most salient entity that agrees in number, gender and kind; mentions inside the statement's
        own content ('"Only Vladimir Putin welcomed the move," he added') do not count. With a ranker,
        the ranker's choice among the candidates, or nobody."""
        info = self.lex.pronoun(span.text)
        if info is None:
            return None
        an = Anaphor(span.start_char, span.end_char, "pronoun", info=info, skip=own, speaker=speaker, names=names)
        if self.observe is not None:
            self.observe(self, an)
        if self.ranker is not None:
            return self._ranked(an)
        return self._rule_pronoun(info, pos, own)

    def _rule_pronoun(self, info: dict, pos: int, own: tuple[int, int] | None) -> Ent | None:
        kinds = set(info["kinds"])
        gender = info.get("gender")

        def accept(idx: int) -> bool:
            e = self.reg.ents[idx]
            if e.kind not in kinds:
                return False
            if info["number"] == "sg" and e.plural:
                return False
            if e.kind == "unnamed" and info["number"] == "sg" and not self._person_like(e):
                return False
            return not (gender and e.gender and e.gender != gender)

        ranked = self.sal.ranked(pos, accept, skip=own)
        return self.reg.ents[ranked[0][1]] if ranked else None

    def _ranked(self, an: Anaphor) -> Ent | None:
        idxs, x, null = candidate_features(self, an, first_names())
        extra = self._pair_scores(an, idxs) if self.ranker.pairs is not None and an.kind == "pronoun" else None
        idx = self.ranker.choose(idxs, x, null, extra)
        if idx is None and an.kind == "description" and len(idxs):
            own = [i for i, row in zip(idxs, x) if row[DEFINITE_OWN]]
            if len(own) == 1:           # a definite description presupposes one referent: "The commander
                idx = own[0]            # of the Iranian Navy" is the one person the text gave that title
        return self.reg.ents[idx] if idx is not None else None

    def _pair_scores(self, an: Anaphor, idxs: list[int]) -> list[float] | None:
        """The pair model's weighted score of each candidate, read at its mention nearest before the
        pronoun (else its first after); a candidate out of the model's reach gets the lowest score read."""
        spans = []
        for idx in idxs:
            ms = [m for m in self.reg.ents[idx].mentions if not (an.skip and an.skip[0] <= m[0] < an.skip[1])]
            before = [m for m in ms if m[1] <= an.start]
            after = [m for m in ms if m[0] >= an.end]
            spans.append(max(before) if before else min(after) if after else None)
        known = [(k, sp) for k, sp in enumerate(spans) if sp is not None]
        if not known:
            return None
        logits = self.ranker.pairs.logits(self.doc.text, (an.start, an.end), [sp for _, sp in known])
        got = [v for v in logits if v is not None]
        if not got:
            return None
        floor = min(got)
        out = [floor] * len(idxs)
        for (k, _), v in zip(known, logits):
            out[k] = v if v is not None else floor
        return [self.ranker.pair_weight * v for v in out]

    def rule_choice(self, an: Anaphor) -> int | None:
        """The entity the rules would pick for an anaphor (a feature of the ranker), without side effects."""
        if an.kind == "pronoun":
            e = self._rule_pronoun(an.info, an.start, an.skip)
        else:
            span = self.doc.char_span(an.start, an.end, alignment_mode="expand")
            e = self._rule_description(an.desc, span) if span is not None else None
        return e.idx if e is not None else None

    def previous_speaker(self, pos: int) -> int | None:
        """The entity that spoke last before ``pos`` (a feature of the ranker)."""
        before = [idx for p, idx in self._spoken if p < pos]
        return before[-1] if before else None

    def by_description(self, span: Span, pos: int, own: tuple[int, int] | None = None) -> Ent:
        """The entity a description names; ``own``: the statement's content, whose mentions do not count
        ("According to the official, ... Minister Reza Fatemi-Amin traveled to China")."""
        desc = describe(span, self.lex)
        if desc.head in self.lex.government_nouns and len(desc.countries) == 1 and not desc.orgs:
            country = next(iter(desc.countries))       # "the Saudi government": the country as a whole
            return self.reg.add_named(Mention(span.start_char, span.end_char, span.text, "country", country))
        an = Anaphor(span.start_char, span.end_char, "description", desc=desc, skip=own, speaker=True)
        if self.observe is not None:
            self.observe(self, an)
        if self.ranker is not None:
            e = self._ranked(an)
        else:
            e = self._rule_description(desc, span)
        if e is None:
            kind = "unnamed" if desc.target in ("person", "group") else desc.target
            e = self.reg.new(kind, strip_edges(span.text), plural=desc.plural)
        if e.kind in ("person", "unnamed"):
            describe_entity(e, desc)
        return e

    def _rule_description(self, desc, span: Span) -> Ent | None:
        pos = span.start_char
        ranked = self.sal.ranked(pos, lambda i: self.reg.ents[i].plural == desc.plural
                                 and fit(desc, self.reg.ents[i], self.reg) > 0)
        if ranked:
            best = max(ranked, key=lambda r: r[0] * (1.0 if fit(desc, self.reg.ents[r[1]], self.reg) == 2 else 0.6))
            return self.reg.ents[best[1]]
        if desc.target == "person" and not desc.plural and self._in_lede(span):
            return self._cataphora(desc, span)
        return None

    def _in_lede(self, span: Span) -> bool:
        return self.sal.sent_of(span.start_char) < LEDE_SENTS

    def _cataphora(self, desc, span: Span) -> Ent | None:
        """'The spokesman for the Foreign Ministry ... Nasser Kanaani': a person named just after."""
        here = self.sal.sent_of(span.start_char)
        starts = self.sal.sent_starts
        if here + 1 >= len(starts):
            return None
        lo = starts[here + 1]                    # named in a later sentence, not in its own
        limit = starts[here + CATAPHORA_SENTS + 1] if here + CATAPHORA_SENTS + 1 < len(starts) else len(self.doc.text)
        best = None
        for e in self.reg.ents:
            if e.kind != "person":
                continue
            later = self.sal.positions(e.idx, lo, limit, min_weight=70) + [
                a for a, b in e.mentions if lo <= a < limit and any(x <= a < y for x, y in self._speaker_spans)]
            if later and min(a for a, _ in e.mentions) >= span.end_char and fit(desc, e, self.reg) > 0:
                if best is None or min(later) < best[0]:
                    best = (min(later), e)
        return best[1] if best else None

    def new_unnamed(self, span: Span) -> Ent:
        """'A senior U.S. State Department official': a source of its own, unless the lede names it next."""
        desc = describe(span, self.lex)
        if desc.target == "person" and not desc.plural and self._in_lede(span):
            e = self._cataphora(desc, span)
            if e is not None:
                describe_entity(e, desc)
                return e
        e = self.reg.new("unnamed", strip_edges(span.text), plural=desc.plural)
        describe_entity(e, desc)
        return e

    # -- statements --------------------------------------------------------------------------------
    def author(self, span: Span | None, earlier: bool = True) -> Span | None:
        """A document that names its author speaks as the author: 'a survey published in 2017 by the
        Royal Pharmaceutical Society' -> 'the Royal Pharmaceutical Society', "Tehran's statement" ->
        'Tehran'; a definite one that names none ('the report', 'Paragraph 2 of the report') as the author
        of the same document named before it ('the Report of the Director General'). Any other span, and
        a document whose author is named nowhere, as it is."""
        root = self._document(span)
        if root is None:
            return span
        for ent in span.ents:           # "a Tasnim report", "a CBS News report": the outlet's
            if ent.end <= root.i and ent.root.head == root and ent.root.dep_ in ("compound", "poss", "nmod") \
                    and (ent.label_ == "ORG" or self.lex.is_outlet(ent.text)):
                return ent
        for c in root.children:         # "Tehran's statement", "the agency's report"
            if c.dep_ == "poss" and c.i >= span.start and self._names_author(c) and c.lower_ not in self.lex.pronouns:
                sub = [t.i for t in c.subtree if t.i >= span.start and t.dep_ != "case"]
                return self.doc[min(sub):max(sub) + 1]
        for tok in span:
            if tok.lower_ not in self.lex.author_preps or tok.head.i < root.i:
                continue
            if not (tok.head.i == root.i or tok.head.dep_ == "acl" and tok.head.head.i == root.i):
                continue                # "One study in the Journal of Threatened Taxa": of the journal, not
                #                         the study's; "a survey published in 2017 by the Society" is
            for obj in tok.children:
                if obj.dep_ == "pobj" and obj.i < span.end and self._names_author(obj):  # not "Reports as of
                    sub = [t.i for t in obj.subtree if t.i < span.end]                   # Wednesday"
                    return self.doc[min(sub):max(sub) + 1]
        if earlier and any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children):
            for tok in reversed(self.doc[:span.start]):
                if lemma_of(tok).lower() == lemma_of(root).lower() and tok.pos_ in ("NOUN", "PROPN"):
                    sub = list(tok.subtree)
                    found = self.author(self.doc[sub[0].i:sub[-1].i + 1], earlier=False)
                    if found is not None and found.root.i != tok.i:
                        return found
        return span

    def _issuer(self, span: Span | None) -> Ent | None:
        """'The Interior Ministry of Albania announced Tuesday that ... “...,” the statement said': a
        definite document that names no author (``author`` left it as it is) speaks for the organisation
        or person who spoke last, within the two sentences before."""
        root = self._document(span)
        if root is None or root.i != span.root.i or not any(
                c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in root.children):
            return None
        if any(c.dep_ in ("poss", "compound", "amod", "prep") for c in root.children):
            return None                 # "the final statement", "the statement of the summit": not its issuer's
        lemma = lemma_of(root).lower()
        if any(lemma_of(t).lower() == lemma for t in self.doc[:span.start] if t.pos_ in ("NOUN", "PROPN")):
            return None                 # "per WHO guidelines ... The guidelines cite": the one named before
        here = self.sal.sent_of(span.start_char)
        for p, idx in reversed(self._spoken):
            if p >= span.start_char:
                continue
            if here - self.sal.sent_of(p) > 2:
                return None
            e = self.reg.ents[idx]      # not "according to the ruling of the Supreme Court" inside its quote
            if e.kind in ("organization", "person", "country"):
                return e
        return None

    def _document(self, span: Span | None):
        """The document noun a speaker span is headed by ('the report'; 'report' in 'Paragraph 2 of the
        report'), or None."""
        if span is None:
            return None
        root = span.root
        if lemma_of(root).lower() in self.lex.document_parts:
            root = next((o for c in root.children if c.dep_ == "prep" and c.lower_ == "of"
                         for o in c.children if o.dep_ == "pobj"), root)
        return root if lemma_of(root).lower() in self.lex.document_nouns else None

    def _names_author(self, tok) -> bool:
        """Whether a token can name a document's author: a name, or 'the ministry', 'the government'."""
        return tok.ent_type_ in ("ORG", "PERSON", "GPE", "NORP") or tok.pos_ == "PROPN" and not tok.ent_type_ \
            or lemma_of(tok).lower() in self.lex.organization_nouns | self.lex.government_nouns

    def apposed_name(self, span: Span) -> Span | None:
        """The name set off right after a description ("his son, Majid said", "the spokesman, Nasser
        Kanaani, added"): a PERSON after one comma, itself followed by a comma or the same verb."""
        doc, i = self.doc, span.end
        if i + 1 >= len(doc) or doc[i].text != ",":
            return None
        ent = next((e for e in doc.ents if e.start == i + 1 and e.label_ == "PERSON" and person_name(e, self.lex)),
                   None)
        if ent is None or ent.end >= len(doc):
            return None
        after = doc[ent.end]
        same_verb = ent.root.head == span.root.head and ent.root.dep_ in ("nsubj", "nsubjpass")
        if ent.root.dep_ == "appos" and ent.root.head.i in range(span.start, span.end) or same_verb \
                or after.text == "," and ent.root.head.i in range(span.start, span.end):
            return ent
        return None

    def speaker_of(self, st: Statement, span: Span | None, kind: str | None) -> Ent | None:
        if kind in ("description", "unnamed"):
            span = _before_relative(span)   # "the official, who urged universities to work with the AEOI"
            named = self.apposed_name(span)
            if named is not None:
                e = self.by_name(named)
                if e is not None:
                    desc = describe(span, self.lex)
                    describe_entity(e, desc)    # "his son, Majid said": Majid is the son
                    return e
        if kind == "name":
            return self.by_name(span)
        if kind == "pronoun":
            return self.by_pronoun(span, span.start_char, tuple(st.content_span))
        if kind == "description":
            return self.by_description(span, span.start_char, tuple(st.content_span))
        if kind == "unnamed":
            return self.new_unnamed(span)
        return None

    def run(self, statements: list[Statement]) -> tuple[list[Entity], list[Statement]]:
        spans = {s.id: self.author(self.span(s.speaker_span)) for s in statements}
        self._speaker_spans = [tuple(s.speaker_span) for s in statements if s.speaker_span]
        kinds = {s.id: self.kind_of(spans[s.id]) for s in statements}
        chosen: dict[str, Ent | None] = {}
        order = sorted(statements, key=lambda s: (s.speaker_span or s.content_span)[0])
        first_person = []
        by_span: dict[tuple[int, int], Ent | None] = {}
        for st in order:
            span, kind = spans[st.id], kinds[st.id]
            if kind == "pronoun" and (self.lex.pronoun(span.text) or {}).get("first_person"):
                first_person.append(st)
                continue
            if kind == "pronoun" and span.root.lower_ == "it" and span.root.dep_ == "nsubjpass":
                chosen[st.id] = None        # 'It should be noted that ...': impersonal, nobody named
                continue
            if st.speaker_span is not None and tuple(st.speaker_span) in by_span:  # one mention, two statements
                chosen[st.id] = by_span[tuple(st.speaker_span)]
                continue
            e = self._issuer(span) if kind in ("description", "unnamed") else None
            e = e or self.speaker_of(st, span, kind)
            chosen[st.id] = e
            if e is not None and span is not None:
                self._spoken.append((span.start_char, e.idx))
            if st.speaker_span is not None:
                by_span[tuple(st.speaker_span)] = e
            if e is not None and span is not None:
                e.add_mention(span.start_char, span.end_char)
                self.sal.add(e.idx, span.start_char, SPEAKER_BONUS + role_weight(span.root))
        for st in first_person:
            chosen[st.id] = self._quoting_speaker(st, statements, chosen)
            e, span = chosen[st.id], spans[st.id]
            if e is not None:
                e.add_mention(span.start_char, span.end_char)
        self._inherit(statements, chosen)
        self._contents = [s.content_span for s in statements]
        addressees = {s.id: self.addressee(s, chosen.get(s.id)) for s in statements}
        keep = {e.idx for e in chosen.values() if e} | {e.idx for e in addressees.values() if e}
        entities, ids = self.reg.to_entities(keep)
        out = []
        for s in statements:
            e, a = chosen.get(s.id), addressees.get(s.id)
            out.append(replace(s, speaker=ids.get(e.idx) if e else None,
                               addressee=ids[a.idx] if a else s.addressee))
        return entities, out

    def _quoting_speaker(self, st, statements, chosen) -> Ent | None:
        parent = next((p for p in statements if p.id == st.nested_in), None)
        if parent is None and st.speaker_span:
            a = st.speaker_span[0]
            inside = [p for p in statements if p.id != st.id and p.content_span[0] <= a < p.content_span[1]]
            parent = min(inside, key=lambda p: p.content_span[1] - p.content_span[0]) if inside else None
        return chosen.get(parent.id) if parent else None

    def _inherit(self, statements, chosen) -> None:
        """A statement with no speaker mention takes the speaker of the statement just before it."""
        top = sorted((s for s in statements if not s.nested_in), key=lambda s: s.content_span[0])
        for prev, st in zip(top, top[1:]):
            if st.speaker_text or st.speaker_span or chosen.get(st.id) or not chosen.get(prev.id):
                continue
            prev_end = max(prev.content_span[1], (prev.speaker_span or (0, 0))[1])
            gap = (prev_end, st.content_span[0])
            if gap[1] - gap[0] > INHERIT_GAP:
                continue
            e = chosen[prev.id]
            others = [x for x in self.reg.ents if x is not e and x.kind == "person"
                      and any(gap[0] <= a < gap[1] and self._subject(a, b) for a, b in x.mentions)]
            if not others:              # "He made the remarks in a meeting with his counterpart X. “...”"
                chosen[st.id] = e

    def _subject(self, start: int, end: int) -> bool:
        """Whether the mention at [start, end) is a clause's subject (one that could speak next); a
        mention the parse cannot place counts as one."""
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span is None or span.root.dep_ in ("nsubj", "nsubjpass", "ROOT")

    def addressee(self, st: Statement, speaker: Ent | None) -> Ent | None:
        if st.addressee_span:
            span = self.span(st.addressee_span)
            e = self._entity_in(span, speaker)
            if e:
                return e
        cue = self._cue_token(st)
        if cue is None:
            return None
        for tok in cue.subtree:
            if any(a <= tok.idx < b for a, b in self._contents):
                continue
            target = None
            if lemma_of(tok).lower() in self.lex.addressee_nouns:
                for prep in tok.children:
                    if prep.dep_ == "prep" and prep.lower_ in self.lex.addressee_preps:
                        target = next((c for c in prep.children if c.dep_ == "pobj"), None)
            elif tok is cue and lemma_of(tok).lower() in self.lex.addressee_verbs:
                target = next((c for c in tok.children if c.dep_ in ("dobj", "dative")), None)
            if target is not None:
                sub = list(target.subtree)
                e = self._entity_in(self.doc[sub[0].i:sub[-1].i + 1], speaker)
                if e:
                    return e
        return None

    def _cue_token(self, st: Statement):
        """The cue's verb: from cue_span, else the head of the speaker mention."""
        if st.cue_span:
            span = self.span(st.cue_span)
            return span.root if span is not None else None
        span = self.span(st.speaker_span)
        if span is None:
            return None
        head = span.root.head
        return head if head.pos_ in ("VERB", "AUX") else None

    def _entity_in(self, span: Span | None, speaker: Ent | None) -> Ent | None:
        if span is None:
            return None
        for kinds in (("person",), ("organization", "country", "group")):
            e = self.reg.at(span.start_char, span.end_char, kinds)
            if e is not None and e is not speaker:
                return e
        return None


def _proper_head(root) -> Span:
    """A proper-noun head with the proper nouns compounded before it ("news agency [Fars]", "the
    United Kingdom's Queen [Elizabeth II]")."""
    left = [t.i for t in root.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"]
    return root.doc[min(left, default=root.i):root.i + 1]


def _before_relative(span: Span) -> Span:
    """A name without the relative clause that follows it: "Mokhber, who headed the cabinet meeting as
    President Raisi was on a tour" names Mokhber."""
    root = span.root
    rel = next((c for c in root.children if c.dep_ == "relcl" and c.i > root.i), None)
    if rel is None:
        return span
    end = rel.left_edge.i
    while end > span.start and span.doc[end - 1].is_punct:
        end -= 1
    return span.doc[span.start:end] if end > span.start else span


def _quote_regions(text: str) -> list[tuple[int, int]]:
    out, open_at = [], None
    for i, ch in enumerate(text):
        if ch == "“" or (ch == '"' and open_at is None):
            open_at = i
        elif (ch == "”" or ch == '"') and open_at is not None:
            out.append((open_at, i + 1))
            open_at = None
    return out


def resolve_speakers(doc: Doc, statements: list[Statement], lex: Lexicon, ranker=None
                     ) -> tuple[list[Entity], list[Statement]]:
    """Entities of the doc and copies of ``statements`` whose speaker (and addressee) are entity ids;
    pronouns and descriptions by the learned ``ranker`` when one is given, else by the rules."""
    return Resolver(doc, lex, ranker).run(list(statements))
