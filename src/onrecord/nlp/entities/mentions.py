"""What the text names: PERSON / ORG / GPE / NORP mentions, with the titles and affiliations around people.

Titles and affiliations come from pre-modifiers ("Iranian Foreign Minister Hossein Amir Abdollahian"),
appositives ("Nasser Kanaani, spokesman for the Foreign Ministry"; "his Ukrainian counterpart Dmytro
Kuleba") and "of / for" phrases ("Edward Alden of the Council on Foreign Relations").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ...lexicons import load as load_lexicon
from ...lexicons.names import fold, is_acronym, name_tokens, strip_edges, without_article
from ...lexicons.speakers import Lexicon
from ..components.cues import cue_at
from ..lemmas import lemma as lemma_of
from .firstnames import first_names

DATELINE = re.compile(r"^[A-Z]{2,}(?:\s+[A-Z]{2,})*\s*[-–—]+\s*")   # "TEHRAN- Tehran": the NER's edge
NAME_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "country", "NORP": "country", "LOC": "country"}
_PREMOD_DEPS = {"compound", "amod", "nmod", "npadvmod", "poss", "punct", "det", "case", "nummod"}
ROLE_WEIGHT = {"nsubj": 80, "nsubjpass": 70, "agent": 75, "dobj": 50, "attr": 50, "iobj": 40, "dative": 40,
               "poss": 35, "pobj": 30, "conj": 40, "compound": 25}


@dataclass
class Mention:
    start: int                      # char offsets into doc.text
    end: int
    text: str
    kind: str                       # person | organization | country | group
    name: str                       # the name without titles, honorifics, article, possessive
    weight: int = 30                # salience weight from its grammatical role
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    gender: str | None = None
    short: str | None = None        # a one-word name given in brackets: "... Seismology (Phivolcs)"


def role_weight(tok: Token) -> int:
    """Weight of a mention by grammatical role; an appositive takes the role of what it explains."""
    seen = 0
    while tok.dep_ in ("appos", "compound", "conj") and tok.head is not tok and seen < 4:
        if tok.dep_ == "conj":
            return max(ROLE_WEIGHT["conj"], role_weight(tok.head) - 10)
        tok, seen = tok.head, seen + 1
    if tok.dep_ == "pobj" and tok.head.dep_ == "agent":     # "made by Issa Boro": the passive's doer
        return ROLE_WEIGHT["agent"]
    return ROLE_WEIGHT.get(tok.dep_, 25)


def _title_words(lex: Lexicon) -> set[str]:
    return {w for t in lex.titles for w in t.split()} | set(lex.modifiers) | lex.name_lead_words


def split_person(span: Span, lex: Lexicon) -> tuple[int, str]:
    """(index of the first name token, the name) for a PERSON span that may begin with titles."""
    skip = _title_words(lex) | set(lex.honorifics)
    i = span.start
    while i < span.end - 1:
        low = span.doc[i].lower_
        if low in skip or low.rstrip(".") in skip or low in lex.nationalities or _participle(low):
            i += 1
        else:
            break
    inner = [j for j in range(i, span.end - 1) if span.doc[j].lower_ in skip]
    if inner and span.doc[inner[-1]].text[:1].isupper():
        i = inner[-1] + 1           # "Kamloops RCMP Constable Gary Gray": the name follows the last title word
    name = strip_edges(span.doc[i:span.end].text)
    return i, name


def _participle(word: str) -> bool:
    """A cue verb's participle opening a name the NER ran on ("Citing Sullivan", "Confirming Nasr")."""
    if len(word) < 6 or not word.endswith("ing"):
        return False
    verbs = load_lexicon("cues")["verbs"]
    stem = word[:-3]
    return stem in verbs or stem + "e" in verbs or (len(stem) > 2 and stem[-1] == stem[-2] and stem[:-1] in verbs)


def premodifiers(doc: Doc, start: int, end: int) -> int:
    """First index of the run of tokens before ``start`` that modify the name ``doc[start:end]``."""
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start:
        t = doc[i]
        if t.text in (",", ";", "“", "\"", "(", ")", "-", "–", "—"):
            break                   # the dash: a dateline ends there ("TEHRAN - Saudi Arabia's ...")
        possessive = t.dep_ == "case" and t.head.i == i - 1 and t.head.dep_ == "poss" and i < t.head.head.i < end
        nationality = t.ent_type_ == "NORP" and doc[i + 1].dep_ == "compound" and i + 1 < start
        if not (t.dep_ in _PREMOD_DEPS and i < t.head.i < end or possessive or nationality
                or t.dep_ in ("prep", "pobj") and _under(t, start, end)):
            break                   # "Armenian Ambassador to Iran Arsen Avagyan": the prep is the title's;
        i -= 1                      # "Saudi Arabia's Foreign Minister ..."; "Turkish" misparsed as a conjunct
    return i + 1


_RUN_WORDS = frozenset({"of", "the", "for", "’s", "'s", "(", ")", "-"})


def title_run(doc: Doc, start: int) -> int:
    """First index of the capitalised run just before ``doc[start]`` in its sentence ("TEHRAN – Leader of
    the Islamic Revolution Ayatollah ...", "Head of Iran’s Trade Promotion Organization (TPO) ..."): what
    ``premodifiers`` reads when the parse hangs the title elsewhere (a dateline taken as the subject).
    Stops at a comma, a dash, a quotation mark or a lower-case word; leading function words are left out."""
    i = start - 1
    sent_start = doc[start].sent.start
    while i >= sent_start:
        t = doc[i]
        if not (t.is_title or t.is_upper and t.is_alpha or t.lower_ in _RUN_WORDS) or t.text in ("–", "—"):
            break
        if t.text == "-" and (i == sent_start or doc[i - 1].whitespace_):
            break                   # a dash set apart ("TEHRAN - "), not a hyphen inside a name
        i -= 1
    i += 1
    while i < start and doc[i].lower_ in _RUN_WORDS:
        i += 1
    return i


def _under(tok, start: int, end: int) -> bool:
    """Whether ``tok`` hangs, within a few steps, from a token of ``[start, end)``."""
    for _ in range(4):
        if tok.head is tok:
            return False
        tok = tok.head
        if start <= tok.i < end:
            return True
    return False


def _affiliations_in(span_tokens, lex: Lexicon, skip: set[int] = frozenset()) -> list[str]:
    out: list[str] = []
    doc = span_tokens[0].doc if len(span_tokens) else None
    if doc is None:
        return out
    lo, hi = span_tokens[0].i, span_tokens[-1].i + 1
    for ent in doc.ents:
        if ent.start >= lo and ent.end <= hi and ent.label_ in ("ORG", "GPE") and ent.start not in skip:
            name = without_article(ent.text)
            if ent.label_ == "ORG" and is_title_org(name, lex):
                continue  # "U.S. National Security Advisor" tagged ORG: a title, not an affiliation
            if name and name not in out:
                out.append(name)
    for c in lex.countries(doc[lo:hi].text):
        if c not in out:
            out.append(c)
    for tok in doc[lo:hi]:          # "the parliament's committee", "government spokesman"
        if tok.lower_ in lex.organization_nouns and not tok.ent_type_ and tok.lower_ not in out:
            out.append(tok.lower_)
    return out


def is_title_org(name: str, lex: Lexicon) -> bool:
    """An ORG span that is really a title: it ends with a title word ("... Security Advisor")."""
    last = name.split()[-1].lower() if name.split() else ""
    return bool(lex.find_titles(name)) and any(t.split()[-1] == last for t in lex.titles)


def _gender(text: str, lex: Lexicon) -> str | None:
    for w in fold(text).replace(".", ". ").split():
        g = lex.gendered.get(w) or lex.gendered.get(w.rstrip("."))
        if g:
            return g
    return None


def person_context(doc: Doc, ent: Span, lex: Lexicon) -> tuple[list[str], list[str], str | None]:
    """Titles, affiliations and gender stated next to a PERSON mention."""
    first, _ = split_person(ent, lex)
    lo = min(premodifiers(doc, first, ent.end), title_run(doc, first))
    pieces = [doc[lo:first]] if lo < first else []
    root = ent.root
    for child in root.children:
        if child.dep_ == "appos" and not (ent.start <= child.i < ent.end):
            sub = list(child.subtree)
            pieces.append(doc[sub[0].i:sub[-1].i + 1])
        elif child.dep_ == "prep" and child.lower_ in lex.affiliation_preps:
            sub = list(child.subtree)
            pieces.append(doc[sub[0].i:sub[-1].i + 1])
        elif child.dep_ == "relcl" and child.i > root.i and lemma_of(child) == "be":
            # "Khalifa Shaheen Al Marar, who is a Minister of State of the United Arab Emirates"
            attr = next((c for c in child.children if c.dep_ == "attr"), None)
            if attr is not None:
                sub = list(attr.subtree)
                pieces.append(doc[sub[0].i:sub[-1].i + 1])
    if root.dep_ == "appos" and root.head.pos_ in ("NOUN", "PROPN") and root.head.i < ent.start \
            and sum(t.text == "," for t in doc[root.head.i + 1:lo]) <= 1:   # not across a clause's commas
        head = root.head
        left = min(t.i for t in head.subtree)
        pieces.append(doc[left:head.i + 1])
        for child in head.children:   # "the spokesman for the Kremlin, Dmitry Peskov"
            if child.dep_ == "prep" and child.i < ent.start:
                sub = list(child.subtree)
                pieces.append(doc[child.i:sub[-1].i + 1])
    titles: list[str] = []
    affs: list[str] = []
    gender = None
    for piece in pieces:
        if not len(piece):
            continue
        for t in lex.find_titles(piece.text) + _minister_of(piece.text, lex):
            if t not in titles:
                titles.append(t)
        for a in _affiliations_in(piece, lex):
            if a not in affs:
                affs.append(a)
        gender = gender or _gender(piece.text, lex)
    if first > ent.start:  # titles inside the PERSON span itself
        inner = doc[ent.start:first]
        titles += [t for t in lex.find_titles(inner.text) if t not in titles]
        affs += [c for c in lex.countries(inner.text) if c not in affs]
        gender = gender or _gender(inner.text, lex)
    return titles, affs, gender


MINISTER_OF = re.compile(r"\b((?:[A-Z][a-z]+ (?:and )?){1,3})Minister\b")


def _minister_of(text: str, lex: Lexicon) -> list[str]:
    """A minister's portfolio the title lexicon does not list: "Civil Aviation Minister Hardeep Singh Puri"
    is the "civil aviation minister" (so "the health minister" is someone else)."""
    out = []
    for m in MINISTER_OF.finditer(text):
        words = [w for w in m.group(1).split() if w.lower() not in lex.nationalities and w not in ("The", "and")]
        if words and not lex.countries(" ".join(words)):
            out.append(" ".join(words).lower() + " minister")
    return out


def person_name(ent: Span, lex: Lexicon) -> bool:
    """Whether a PERSON span can be someone's name: not an outlet ("Politico"), not an acronym
    ("SECO", "FM"), not only organisation nouns ("The Ministry")."""
    name = without_article(ent.text)
    if ent.text.lower() in lex.nationalities or lex.is_outlet(name) or is_acronym(name):
        return False
    if not any(c.isupper() for c in name):
        return False                        # "fentanyl" tagged PERSON: a name is capitalised
    toks = name_tokens(name)
    return bool(toks) and not all(t in lex.organization_nouns for t in toks)


def _titled_name(doc: Doc, ent: Span, lex: Lexicon) -> bool:
    """An ORG or GPE span that is a person's name: two or more proper nouns, none an organisation
    noun, outlet, acronym or place the lexicon knows, with a person's title in apposition
    ("Abolfazl Shekarchi, spokesman of the Iranian Armed Forces")."""
    if ent.label_ not in ("ORG", "GPE") or len(ent) < 2 or not all(t.pos_ == "PROPN" for t in ent):
        return False
    name = without_article(ent.text)
    if (lex.is_outlet(name) or is_acronym(name) or lex.countries(name)
            or any(t in lex.organization_nouns or t in lex.country_nouns for t in name_tokens(name))):
        return False
    appos = [c for c in ent.root.children if c.dep_ == "appos" and c.i >= ent.end]
    return any(lex.find_titles(c.text) and c.pos_ == "NOUN" for c in appos)


def trailing_person(ent: Span, lex: Lexicon) -> Span | None:
    """The person's name that ends an ORG span the NER ran on: "ICCIMA International Department Shahram
    Khasipour", "the Trade Promotion Organization (TPO) Alireza Peyman-Pak". The last two tokens are
    proper nouns, the first of them a known first name (``firstnames.first_names``), and what comes before
    them ends in an organisation noun, an acronym, a closing bracket or a title. None for any other span
    ("Morgan Stanley")."""
    if ent.label_ != "ORG" or len(ent) < 3:
        return None
    first, last, before = ent[-2], ent[-1], ent[-3]
    if not (first.pos_ == last.pos_ == "PROPN" and first.text[:1].isupper() and last.text[:1].isupper()):
        return None
    if first.lower_ not in first_names() or last.lower_ in lex.organization_nouns or lex.countries(last.text):
        return None
    if not (before.lower_ in lex.organization_nouns or is_acronym(before.text) or before.text == ")"
            or lex.find_titles(before.text)):     # "Detective Constable Daniel Dubé" tagged ORG
        return None
    return ent[-2:]


def _given_name_before(ent: Span) -> Span:
    """A PERSON span with the first name the NER left out before it: "Mayor of London Sadiq Khan" tagged
    "Khan" alone would be the "Khan" named before. The word is an untagged proper noun that modifies the
    name and a known first name (``firstnames.first_names``)."""
    if ent.label_ != "PERSON" or ent.start == 0:
        return ent
    prev = ent.doc[ent.start - 1]
    if prev.pos_ == "PROPN" and not prev.ent_type_ and prev.dep_ == "compound" and ent.start <= prev.head.i < ent.end \
            and prev.text[:1].isupper() and prev.lower_ in first_names():
        return Span(ent.doc, ent.start - 1, ent.end, label="PERSON")
    return ent


def joined_people(ents) -> list[Span]:
    """The NER's spans, with PERSON spans that touch joined into one: "Abbas" + "Bagherpour Ardekani";
    a first name the NER left out goes with its name (``_given_name_before``)."""
    out: list[Span] = []
    for ent in map(_given_name_before, ents):
        prev = out[-1] if out else None
        if prev is not None and prev.label_ == ent.label_ == "PERSON" and prev.end == ent.start:
            out[-1] = Span(ent.doc, prev.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def named_things(ents, text, lex: Lexicon) -> set[str]:
    """Names the NER tags PERSON that name a thing: written somewhere right before a noun of a thing that
    cannot speak ("the Shah Cheragh shrine", "the Omar Khayyam satellite"; ``thing_nouns``, lexicon
    data), and never the subject of a verb of saying ("the Biden campaign ... Biden said" keeps Biden).
    ``text`` gives the doc's text, read only when a PERSON name is there to test."""
    names: dict[str, str] = {}
    speaks: set[str] = set()
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        name = without_article(ent.text)
        names.setdefault(fold(name), name)
        if ent.root.dep_ in ("nsubj", "nsubjpass") and cue_at(ent.root.head) is not None:
            speaks.add(fold(name))
    wanted = [n for k, n in names.items() if k not in speaks]
    if not wanted:
        return set()
    thing = _thing_pattern(lex.thing_nouns)
    return {fold(n) for n in wanted if re.search(rf"\b{re.escape(n)}\s+{thing}", text())}


@lru_cache(maxsize=4)
def _thing_pattern(nouns: frozenset) -> str:
    return r"(?:%s)s?\b" % "|".join(sorted(map(re.escape, nouns)))


def name_mentions(doc: Doc, lex: Lexicon) -> list[Mention]:
    """Every named mention in the doc, in order, people with their titles and affiliations."""
    out = []
    text = lru_cache(maxsize=1)(lambda: doc.text)   # built once, and only if needed (doc.text joins every token)
    ents = joined_people(doc.ents)
    things = named_things(ents, text, lex)
    bracketed: dict[str, str] = {}      # "The Philippine Institute of ... (Phivolcs": Phivolcs -> the institute
    for ent in ents:
        kind = NAME_LABELS.get(ent.label_)
        if kind is None:
            continue
        key = fold(without_article(ent.text))
        before = out[-1] if out and out[-1].kind == "organization" else None
        if before is not None and len(ent) == 1 and ent.start > 0 and ent.doc[ent.start - 1].text == "(" \
                and ent.doc[ent.start - 1].idx - before.end <= 1 and ent.text[:1].isupper():
            bracketed[key] = before.name    # "The Philippine Institute ... (Phivolcs)", tagged as two names
        if key in bracketed:            # "Phivolcs" tagged PERSON later: the organisation's short name
            out.append(Mention(ent.start_char, ent.end_char, ent.text, "organization", bracketed[key],
                               role_weight(ent.root)))
            continue
        if kind == "person" and key in things:
            continue                # "the Shah Cheragh shrine": a place, not a person
        if kind == "person" and ent.text.lower() in lex.nationalities:
            continue                # "Burkinabe" tagged PERSON in "a senior Burkinabe official"
        if kind == "person" and not person_name(ent, lex):
            if not (lex.is_outlet(ent.text) or is_acronym(ent.text) and len(ent.text.replace(".", "")) > 2):
                continue            # "The Ministry", "FM" tagged PERSON: no one's name
            kind = "organization"   # "Politico", "SECO" tagged PERSON: an outlet, an agency
        if kind == "person":
            first, name = split_person(ent, lex)
            if not name:
                continue
            titles, affs, gender = person_context(doc, ent, lex)
            m = Mention(doc[first].idx, ent.end_char, ent.text, "person", name, role_weight(ent.root),
                        titles, affs, gender)
            if m.text.endswith(("'s", "’s")):
                m.end -= 2
        else:
            start = ent.start_char
            line = DATELINE.match(ent.text)
            if line and line.end() < len(ent.text):
                start += line.end()
            bare = doc.char_span(start, ent.end_char, label=ent.label_, alignment_mode="contract")
            person = trailing_person(bare, lex) if bare is not None else None
            if person is not None:      # "ICCIMA International Department Shahram Khasipour" tagged ORG
                org = doc[bare.start:person.start]
                only_titles = all(t.lower_ in _title_words(lex) for t in org)   # "Detective Constable"
                if not only_titles:
                    out.append(Mention(org.start_char, org.end_char, org.text, "organization",
                                       without_article(org.text), role_weight(org.root)))
                titles, affs, gender = person_context(doc, person, lex)
                out.append(Mention(person.start_char, person.end_char, person.text, "person",
                                   strip_edges(person.text), role_weight(bare.root), titles,
                                   affs or ([] if only_titles else [without_article(org.text)]), gender))
                continue
            if bare is not None and len(bare) and _titled_name(doc, bare, lex):
                titles, affs, gender = person_context(doc, bare, lex)   # "Abolfazl Shekarchi, spokesman
                out.append(Mention(start, ent.end_char, bare.text, "person",  # of ..." tagged ORG
                                   strip_edges(bare.text), role_weight(bare.root), titles, affs, gender))
                continue
            name = without_article(ent.text[start - ent.start_char:])
            if lex.is_outlet(name) and ent.label_ == "ORG":
                kind = "organization"               # not "Fars" the province, tagged GPE
            short = None
            if ent.label_ == "ORG" and "(" in name:      # "World Health Organization (WHO": the NER's edge
                inner = name[name.index("(") + 1:].strip(" )")
                name = name[:name.index("(")].strip()
                if name and inner and " " not in inner and inner[:1].isupper():
                    short = fold(inner)
                    bracketed[short] = name
            if not name or (ent.label_ == "ORG" and is_title_org(name, lex)):
                continue
            target = lex.nationalities.get(name.lower())
            if ent.label_ == "NORP" and target is None:
                continue
            if target and (ent.label_ in ("NORP", "ORG") or target[1] == "group"):   # "Tehran" tagged ORG
                kind = "group" if target[1] == "group" else "country"
                name = target[0]
            if kind in ("country", "organization") and target is None and _kin_possessor(text(), name, lex):
                kind = "person"                     # "Nouri" tagged GPE: "Nouri’s son", "Nouri’s attorney"
            m = Mention(start, ent.end_char, ent.text, kind, name, role_weight(ent.root), short=short)
        out.append(m)
    return out


def _kin_possessor(text: str, name: str, lex: Lexicon) -> bool:
    """Whether ``text`` (the doc's) writes ``name`` as the possessor of a kin or client noun ("Nouri’s
    son"), which only a person has; a country the lexicon knows never is."""
    if not name or len(name.split()) > 3 or lex.countries(name) or lex.is_outlet(name):
        return False
    return any(_kin_pattern(lex.kin_nouns).match(text, m.end()) for m in _whole_word(name).finditer(text))


@lru_cache(maxsize=8)
def _kin_pattern(nouns: frozenset) -> re.Pattern:
    """What follows a possessor: "’s" and a kin noun, maybe after one word ("’s late son")."""
    alternatives = "|".join(sorted(map(re.escape, nouns)))
    return re.compile(rf"(?:’s|'s)\s+(?:[a-z]+\s+)?(?:{alternatives})\b")


@lru_cache(maxsize=4096)
def _whole_word(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w-]){re.escape(name)}")
