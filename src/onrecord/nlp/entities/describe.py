"""Descriptions ("the official", "the top Iranian diplomat", "the spokesperson for the Kremlin"):
what they say about their referent, and whether an entity fits them.

A description names a head ("diplomat"), maybe a key phrase from the titles lexicon ("top diplomat" =
foreign minister, read after dropping articles and nationality words), countries ("Iranian") and
organisations ("the Kremlin"). An entity fits when a title of its agrees with the head (2), or when it
has no titles to disagree with (1); a country or organisation that disagrees rules it out (0).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from ...lexicons.names import acronym, fold, is_acronym, without_article
from ...lexicons.speakers import Lexicon
from ..lemmas import lemma as lemma_of
from .cluster import Ent, Registry

POSSESSIVES = frozenset("his her its their our my your".split())
_BRACKET = re.compile(r"\(([^()]+)\)\s*$")
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Z.&]{1,9})\)")


@dataclass
class Description:
    text: str
    head: str                               # lower-case head noun, e.g. "diplomat"
    key: str | None                         # entry of the descriptions lexicon, e.g. "top diplomat"
    target: str                             # person | organization | country | group
    titles: list[str] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    orgs: list[str] = field(default_factory=list)
    plural: bool = False
    kin: set[str] = field(default_factory=set)      # "Nouri's son": son (a relation, not a title)
    possessor: str | None = None                    # "Nouri's son": Nouri, whom it cannot be
    definite: bool = False                          # "the commander", "his son", "Iran's top diplomat"


def describe(span: Span, lex: Lexicon) -> Description:
    root = span.root
    head = root.lower_
    lemma = lemma_of(root).lower()
    if lemma in lex.organization_nouns:
        target = "organization"
    elif lemma in lex.country_nouns:
        target = "country"
    elif head in lex.group_nouns and head not in lex.source_nouns:
        target = "group"
    else:
        target = "person"
    # the key phrase: words of the span up to the head, without articles, possessives and nationalities
    kept = [t.lower_ for t in span if t.i <= root.i and t.lower_ not in lex.definite | lex.indefinite
            and t.dep_ != "poss" and t.lower_ not in lex.nationalities and t.ent_type_ not in ("NORP", "GPE")
            and not t.is_punct]
    key = None
    for n in range(len(kept), 0, -1):
        cand = " ".join(kept[-n:])
        if cand in lex.descriptions:
            key = cand
            break
    if key is None and lemma in lex.descriptions:
        key = lemma
    orgs = [without_article(e.text) for e in span.ents if e.label_ == "ORG" and e.text.lower() not in lex.nationalities]
    orgs += [a for a in _ACRONYM_IN_BRACKETS.findall(span.text) if a not in orgs]   # "... of Iran (AEOI)"
    kin = {head} if head in lex.kin_nouns and target == "person" else set()
    poss = next((t for t in root.children if t.dep_ == "poss" and t.pos_ == "PROPN"), None)
    possessor = span.doc[poss.left_edge.i:poss.i + 1].text if poss is not None else None
    return Description(text=span.text, head=head, key=key, target=target, titles=lex.find_titles(span.text),
                       countries=set(lex.countries(span.text)), orgs=orgs,
                       plural=root.tag_ in ("NNS", "NNPS"), kin=kin, possessor=possessor,
                       definite=_definite(span.text, lex))


def _definite(text: str, lex: Lexicon) -> bool:
    """'the commander of the Iranian Navy', 'his son', 'Iran's top diplomat': a description that points
    to someone known ('a senior commander' introduces someone new). Read from the words, not the parse:
    the ranker was trained on this reading."""
    words = text.lower().replace("\u2019", "'").split()
    return bool(words) and (words[0] in lex.definite or words[0] in POSSESSIVES or words[0].endswith("'s"))


def describe_entity(e: Ent, desc: Description) -> None:
    """What a description says of the entity it names: its titles, organisations and countries, and a
    kin relation ("his son, Majid": Majid is the son)."""
    e.enrich(desc.titles, desc.orgs + sorted(desc.countries))
    e.kin |= desc.kin


def _title_fit(spec: dict, titles: list[str], affiliations: list[str]) -> int:
    if spec.get("any_person"):
        return 2
    if not titles:
        return 1
    if spec.get("any_title"):
        return 2
    want = spec.get("titles") or []
    if set(titles) & set(want):
        return 2
    contains = spec.get("title_contains") or []
    if isinstance(contains, str):
        contains = [contains]
    if any(c in t for c in contains for t in titles):
        return 2
    affs = " ".join(fold(a) for a in affiliations)
    if any(a in affs for a in spec.get("affiliations") or []):
        return 2
    return 0


def _domain_fits(desc: Description, titles: list[str], lex: Lexicon) -> bool:
    """Whether the words before a "chief" or "head" ("the defense chief", "the army head") are in one of
    the person's titles ("defense minister", "army commander")."""
    words = [w for w in fold(desc.text).split()[:-1] if w not in lex.definite | lex.indefinite
             and w not in lex.nationalities and w not in ("’s", "'s")]
    return bool(words) and any(all(w in t.split() for w in words) for t in titles)


def _other_portfolio(desc: Description, titles: list[str], lex: Lexicon) -> bool:
    """Whether the description names a minister of one portfolio ("the health minister") and the person is
    a minister of others only ("civil aviation minister")."""
    def portfolios(ts):
        return {lex.canonical.get(t, t) for t in ts if t.endswith(" minister")}
    mine, theirs = portfolios(desc.titles), portfolios(titles)
    return bool(mine and theirs) and not mine & theirs


def _org_words(name: str, lex: Lexicon) -> set[str]:
    """The words an organisation is compared by, and its initials ('European Union' also 'eu'); a
    bracketed acronym after the name is one of them ('the Atomic Energy Agency of Iran (AEOI)': also
    'aeoi', whatever the name's own initials are)."""
    out = set()
    bracket = _BRACKET.search(name)
    if bracket:
        inner = bracket.group(1).strip()
        if is_acronym(inner):
            out.add(fold(inner).replace(".", ""))
        name = name[:bracket.start()].strip()
    out |= {w for w in fold(name).split() if w not in lex.nationalities and w not in lex.org_stop_words}
    short = acronym(name)
    if short:
        out.add(short)
    elif is_acronym(name):
        out.add(fold(without_article(name)).replace(".", ""))
    return out


def person_source(e: Ent, lex: Lexicon) -> bool:
    """An unnamed source that can be a person: titled, or a source noun ("the lawyer", "officials"),
    not a thing taken as a source ("important documents")."""
    head = fold(e.name).split()[-1] if e.name.split() else ""
    return bool(e.titles) or head in lex.source_nouns or head in lex.group_nouns or head in lex.descriptions \
        or bool(lex.find_titles(head))


def fit(desc: Description, e: Ent, reg: Registry) -> int:
    """0: cannot be this entity; 1: nothing against it; 2: its titles or name agree."""
    lex = reg.lex
    outlet = False
    if desc.target == "person":
        if e.kind not in ("person", "unnamed") or (e.kind == "unnamed" and not person_source(e, lex)):
            return 0
        if desc.possessor and e.kind == "person" and set(reg.person_tokens(desc.possessor)) & set(e.tokens):
            return 0                    # "Nouri's son" is not Nouri
        if desc.kin and desc.kin & e.kin:
            return 2                    # "his son, Majid" ... "Nouri's son"
        spec = lex.descriptions.get(desc.key or desc.head)

        def titled(person: Ent) -> int:
            if spec:
                return _title_fit(spec, person.titles, person.affiliations)
            return 2 if set(desc.titles) & set(person.titles) else 1 if not person.titles else 0
        score = titled(e)
        if score and _other_portfolio(desc, e.titles, lex):
            return 0                    # "the local health minister" is not Civil Aviation Minister Puri
        if score == 0 and desc.head in ("chief", "head") and _domain_fits(desc, e.titles, lex):
            score = 2                   # "the defense chief": Defense Minister Mohammad Reza Ashtiani
        if score == 0 and "counterpart" in e.titles and any(
                o is not e and o.kind == "person" and o.titles and "counterpart" not in o.titles and titled(o) == 2
                for o in reg.ents):
            score = 2                   # "his Iranian counterpart Mohammad Reza Ashtiani": the title the other
            #                             holds ("Iraqi Defense Minister Thabet ..."), he holds too
    elif desc.target == "organization":
        if e.kind != "organization":
            return 0
        outlet = desc.head in lex.outlet_nouns and (lex.is_outlet(e.name) or (
            fold(e.name).split() or [""])[-1] in lex.outlet_name_words)   # "The newspaper": The Korea Economic Daily
        score = 2 if desc.head in fold(e.name) or outlet else 1
    elif desc.target == "country":
        score = 2 if e.kind == "country" else 0
    else:
        score = 2 if e.kind in ("group", "unnamed") else 0
    if score == 0:
        return 0
    theirs = reg.countries_of(e)
    if desc.countries and theirs and not desc.countries & theirs:
        return 0
    if desc.countries and not theirs and not (score == 2 and (e.titles or outlet)):
        score = min(score, 1)           # a country the entity is not known by: only its own title agrees
        #                                 (or an outlet's kind: "the American news agency", the AP)
    if desc.orgs and e.kind in ("person", "unnamed"):
        mine = set().union(*(_org_words(o, lex) for o in desc.orgs))
        their_orgs = [a for a in e.affiliations if _org_words(a, lex) and a not in theirs]
        if their_orgs and not any(mine & _org_words(a, lex) for a in their_orgs):
            return 0
    return score


def title_agrees(desc: Description, e: Ent, reg: Registry) -> bool:
    """Whether one of the entity's own titles is what the description names ("the interior minister":
    "Interior Minister Ahmad Vahidi"), not merely that nothing disagrees or that any person would do."""
    if desc.kin & e.kin:
        return fit(desc, e, reg) == 2
    spec = reg.lex.descriptions.get(desc.key or desc.head) or {}
    if not e.titles or spec.get("any_person") or spec.get("any_title"):
        return False
    return fit(desc, e, reg) == 2

