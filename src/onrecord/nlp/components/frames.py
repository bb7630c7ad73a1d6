"""Reading the parse around a cue: its content, its speaker, its venue, via and addressee.

The words it looks for (relative pronouns, venue nouns and prepositions, person nouns, ...) are the
cue lexicon's (``lexicons/<lang>/cues.json``); the dependency labels it climbs are the parser's.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...lexicons.speakers import load as speaker_lexicon
from ..lemmas import lemma as lemma_of
from .cues import Cue, cue_at, lexicon
from .draft import Chars, subtree_chars, text_of, trim

SUBJ = ("nsubj", "nsubjpass")
QUOTE_MARKS = frozenset("\"“”'‘’")
ABOUT = frozenset({"about", "over"})   # what a noun cue is about ("expressed concern over the attacks")
CLIMB = {"advcl", "xcomp", "conj", "pcomp", "acl", "prep", "ccomp"}


def _span_of(tokens: list[Token]) -> Chars:
    lo = min(t.left_edge.idx for t in tokens)
    hi = max(t.right_edge.idx + len(t.right_edge) for t in tokens)
    return lo, hi


def _noun_after(doc: Doc, cue: Cue) -> Chars | None:
    """The noun phrase right after the cue when the parser attached it elsewhere ('refuted allegations')."""
    i = cue.tokens[1]
    while i < min(cue.tokens[1] + 2, len(doc)) and doc[i].pos_ in ("ADV", "PART"):
        i += 1
    if i >= len(doc) or doc[i].pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "NUM"):
        return None
    j = i
    while j < min(i + 6, len(doc)) and doc[j].pos_ in ("DET", "ADJ", "NUM", "PROPN", "NOUN", "PUNCT") and \
            doc[j].head.i > j and doc[j].head.i < i + 8:
        j += 1                          # to the head noun of the phrase
    head = doc[j]
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    end = head.right_edge
    return doc[i].idx, end.idx + len(end)


def _cut_speaker_frames(doc: Doc, span: Chars, head: Token) -> Chars:
    """End the content before what frames the speaker rather than the report: a participle after a
    comma or dash (', asserting that ...'), a contrast ('..., while others disagree')."""
    end = span[1]
    marks = lexicon()["frame_marks"]
    for t in head.subtree:
        if t.dep_ != "advcl" or t.i <= head.i:
            continue
        first = t.left_edge
        prev = _token_before(doc, first.i)
        after_break = prev is not None and prev.text in (",", "—", "–", "-", ";")
        if after_break and (t.tag_ == "VBG" and first.i == _with_adverbs(t) or first.lower_ in marks):
            end = min(end, doc[first.i - 1].idx if doc[first.i - 1].text in QUOTE_MARKS else prev.idx)
    return span[0], end


def content_of(doc: Doc, cue: Cue) -> Chars | None:
    """The span of what the cue reports: its clausal complement, else its noun or prepositional object."""
    verb = doc[cue.verb]
    kids = [c for c in verb.children if c.i >= cue.tokens[1] or c.i < cue.tokens[0]]
    if cue.prep:
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == cue.prep and c.i > cue.verb]
        objs = [g for p in preps for g in p.children if g.dep_ in ("pobj", "pcomp")]
        if objs:
            return _span_of(objs)
        if cue.requires_prep:
            if cue.tokens[1] - cue.tokens[0] >= 2 and doc[cue.tokens[1] - 1].lower_ == cue.prep:
                return _noun_after(doc, cue)
            return None
    if cue.tokens[1] - cue.tokens[0] > 1 and doc[cue.tokens[1] - 1].pos_ == "NOUN":
        noun = doc[cue.tokens[1] - 1]
        kids += [c for c in noun.children if c.dep_ in ("acl", "ccomp") and any(
            g.dep_ == "mark" and g.lower_ == "that" for g in c.children)]   # 'expressed hope that ...'
        about = [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ABOUT and c.i == cue.tokens[1]
                 for g in c.children if g.dep_ in ("pobj", "pcomp")]
        if about and not any(c.dep_ in ("ccomp", "acl") for c in kids):
            return _span_of(about)          # 'expressed concern about acts of violence'
    after = [c for c in kids if c.dep_ in ("ccomp", "acl") and c.i >= cue.tokens[1]]
    before = [c for c in kids if c.dep_ == "ccomp" and c.i < cue.tokens[0]]
    if after:
        return _cut_speaker_frames(doc, _span_of(after), after[-1])
    if before and not any(c.dep_ in ("dobj", "xcomp") for c in kids if c.i > cue.verb):
        return _span_of(before)
    if cue.lemma in lexicon()["xcomp_verbs"]:
        xcomp = [c for c in kids if c.dep_ == "xcomp" and c.i > cue.verb]
        if xcomp:
            objs = [c for c in kids if c.dep_ in ("dobj", "dative") and c.i > cue.verb]
            return _span_of(objs + xcomp) if cue.lemma in lexicon()["xcomp_object_verbs"] \
                else _span_of(xcomp)
    if cue.noun_object:
        objs = [c for c in kids if c.dep_ in ("dobj", "npadvmod") and c.i >= cue.tokens[1]]
        if objs:
            return _span_of(objs)
        return _noun_after(doc, cue)
    return None


def _sentence_bounds(doc: Doc, verb: Token) -> tuple[int, int]:
    """Token range of the verb's sentence, cut at quote-paragraph breaks the parser may have joined."""
    sent = verb.sent
    lo, hi = sent.start, sent.end
    for t in doc[verb.i:sent.end]:
        if "\n" in t.text:
            hi = t.i
            break
    for t in reversed(doc[sent.start:verb.i]):
        if "\n" in t.text:
            lo = t.i + 1
            break
    return lo, hi


def comma_frame_content(doc: Doc, cue: Cue) -> Chars | None:
    """Content around a comma frame when the parser gave the cue no complement:
    'Iran will respond, he said.' (before) and 'However, he said, Iran will respond.' (after)."""
    verb = doc[cue.verb]
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    left = subj.left_edge.i if subj is not None and subj.i < verb.i else cue.tokens[0]
    if subj is None and cue.tokens[1] < len(doc) and doc[cue.tokens[1]].pos_ in ("PROPN", "NOUN", "PRON"):
        after_subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i), None)
        left = cue.tokens[0]       # 'said Kanaani' (inverted): the subject follows
        right_end = after_subj.right_edge.i + 1 if after_subj is not None else cue.tokens[1]
    else:
        right_end = cue.tokens[1]
    if left == 0 or doc[left - 1].text != ",":
        return None
    lo, hi = _sentence_bounds(doc, verb)
    rest = [t for t in doc[right_end:hi] if not t.is_space]
    text = text_of(doc)
    if not rest or all(t.is_punct or t.pos_ in ("ADV",) or t.ent_type_ in ("DATE", "TIME") for t in rest):
        span = trim(doc, (doc[lo].idx, doc[left - 1].idx))
        return span if span[1] - span[0] > 10 else None
    if rest[0].text == "," and len(rest) > 3:
        start = rest[1].idx
        end = doc[hi - 1].idx + len(doc[hi - 1])
        span = trim(doc, (start, end))
        if text[span[0]:span[0] + 1] in "“\"":
            return None                 # a quote after the frame is a direct statement
        return span if span[1] - span[0] > 10 else None
    return None


DASHES = frozenset({"–", "—", "-", "--"})


def without_dateline(doc: Doc, span: Chars) -> Chars:
    """A content span that starts with the article's dateline starts after it ("TEHRAN – Iran's Air
    Defense Force is ready ..., a senior Iranian general reiterated")."""
    k = next((t.i for t in doc if t.idx >= span[0]), None)
    if k is None or not is_dateline(doc[k]):
        return span
    while k < len(doc) and doc[k].idx < span[1] and (is_dateline(doc[k]) or doc[k].text in DASHES
                                                     or doc[k].is_space):
        k += 1
    return (doc[k].idx, span[1]) if k < len(doc) and doc[k].idx < span[1] else span


def is_dateline(tok: Token) -> bool:
    """'TEHRAN –' opening a paragraph: a place in capitals before a dash, not a speaker."""
    doc = tok.doc
    glued = len(tok.text) > 2 and tok.text[-1] in "-–—" and tok.text[:-1].isalpha() and tok.text[:-1].isupper()
    if not (glued or len(tok.text) > 1 and tok.text.isupper() and tok.is_alpha):
        return False                                # 'TEHRAN-' is one token: a dateline with its dash
    start = tok.i
    while start > 0 and doc[start - 1].text.isupper() and doc[start - 1].is_alpha:
        start -= 1                                  # 'NEW YORK –'
    if start > 0 and "\n" not in doc[start - 1].text + doc[start - 1].whitespace_:
        return False
    if glued:                                       # not 'UN- and EU-backed talks'
        return tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper()
    nxt = tok.i + 1
    while nxt < len(doc) and doc[nxt].text.isupper() and doc[nxt].is_alpha:
        nxt += 1
    return nxt < len(doc) and doc[nxt].text in DASHES


def dateline_heads(tok: Token) -> bool:
    """A dateline parsed as the subject with the real subject hanging from it ('TEHRAN – General
    Ramezan Sharif ... has warned': Sharif an apposition of TEHRAN): its subtree holds a noun after the
    dash, which ``speaker_span`` keeps."""
    after = False
    for t in tok.subtree:
        if t.i > tok.i and t.text in DASHES:
            after = True
        elif after and t.pos_ in ("PROPN", "NOUN"):
            return True
    return False


def clause_head(verb: Token) -> tuple[Token | None, Token | None]:
    """The subject that speaks for this verb, climbing from participles and conjuncts; and the
    verb that frames it ('was quoted ... as claiming': the quoting verb)."""
    t = content_frame(verb) or verb
    came = None                         # the token climbed from
    for _ in range(5):
        if t is not verb and lemma_of(t).lower() in lexicon()["via_verbs"] and not (came is not None
                                                                                  and came.dep_ == "conj"):
            quoted = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
            if quoted:                  # 'ILNA quoted Shalbafian as saying': the quoted one speaks (not
                return quoted[0], t     # 'Erdoğan cited Article 5 of the NATO treaty and said')
        subj = [c for c in t.children if c.dep_ in SUBJ and (not is_dateline(c) or dateline_heads(c))]
        subj.sort(key=is_dateline)      # "TEHRAN – Head of ... (TPO) Alireza Peyman-Pak said": two subjects
        if subj:
            s = _named_after(subj)
            if t is not verb and verb.tag_ == "VBG" and t.dep_ == "ccomp" and mute(s) and cue_at(t.head) is not None:
                came, t = t, t.head     # "pointed out that the window ... would not be open, adding that ...":
                continue                # the participle hangs on the content; the window does not add
            if s.lower_ in lexicon()["relative_pronouns"] and t.dep_ == "relcl":
                if t is verb or not mute(t.head):
                    return t.head, t
                # "criticized X for denying access to documents that are necessary ... and rejected
                # the claim": a conjunct that reached a relative clause about a thing belongs above it
                t = next((a for a in t.head.ancestors if a.pos_ in ("VERB", "AUX") and a.i < t.head.i), None)
                if t is None:
                    return None, verb
                continue
            return s, t
        if t is verb and t.dep_ == "acl" and t.head.dep_ in ("dobj", "pobj") and \
                lemma_of(t.head).lower() in speaker_lexicon("en").document_nouns:
            came, t = t, t.head.head    # "The Iranian Interior Ministry issued a statement on Tuesday saying
            if t.dep_ == "prep":        # ...": the statement's issuer speaks ("in a statement saying")
                t = t.head
            continue
        if t is verb and t.dep_ == "conj":
            told = _reported_object(t)
            if told is not None:
                return told, t.head
        if t.dep_ not in CLIMB or t.head is t:
            return (_name_set_off(verb) if t is verb else None), t
        if t.dep_ == "ccomp" and t is not verb:
            return None, t
        came, t = t, t.head
    return None, t


def _reported_object(verb: Token) -> Token | None:
    """'NDTV later reported officials, following an investigation, stated it was a coconut', parsed with
    'stated' a conjunct of 'reported' and 'officials' its object: the object speaks (the reporting
    subject is the channel). A source noun or a person's name, right between the two verbs."""
    head = verb.head
    if cue_at(head) is None or cue_at(verb) is None or lemma_of(head).lower() in lexicon()["via_verbs"]:
        return None                     # 'Erdoğan cited Article 5 of the NATO treaty and said': cited, no speaker
    obj = next((c for c in head.children if c.dep_ == "dobj" and head.i < c.i < verb.i), None)
    if obj is None:
        return None
    lex = speaker_lexicon("en")
    if obj.ent_type_ == "PERSON" or lemma_of(obj).lower() in lex.source_nouns:
        return obj
    return None


def _name_set_off(verb: Token) -> Token | None:
    """The speaker of a cue the parse left without a subject, when a person's name stands before it set
    off by commas with only its apposition or relative clause between ("According to Mehr News, Alireza
    Sabahifard, commander of the Air Defense Force, pointed out that ..."; "Vahid Shaqaqi, who was among
    the scholars ..., says ..."): the name's last token, else None."""
    doc = verb.doc
    comma = _with_adverbs(verb) - 1
    if comma < 1 or doc[comma].text != "," or verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    start = verb.sent.start
    for k in range(comma - 1, start, -1):
        tok = doc[k]                                    # from the right: a name's last token comes first
        if tok.ent_type_ != "PERSON" or tok.pos_ != "PROPN":
            continue
        if k + 1 == comma:                              # "..., the president of the Tunisian League ...,
            first = tok.left_edge.i if tok.left_edge.ent_type_ == "PERSON" else k   # Jamel Msallem, said"
            while first > start and doc[first - 1].ent_type_ == "PERSON":
                first -= 1
            return tok if first > start and doc[first - 1].text == "," else None
        if doc[k + 1].text != ",":
            return None                                 # the nearest name is not set off before the cue
        between = doc[k + 2:comma]
        relative = len(between) and between[0].lower_ in lexicon()["relative_pronouns"]
        apposed = len(between) and all(t.i in {d.i for d in tok.subtree} for t in between)
        if relative or apposed:
            return tok
        return None
    return None


def _named_after(subjects: list[Token]) -> Token:
    """Of a verb's subjects, the one that speaks: the first, unless a person's name follows it at once
    ("said study co-author Karen Alley": "co" and "Alley" both parsed as subjects; "WHO director-general
    Tedros Adhanom Ghebreyesus said"; "Early opponent MP Tanya Davies said", the name tagged ORG)."""
    first = subjects[0]
    doc = first.doc
    for other in subjects[1:]:
        between = doc[first.right_edge.i + 1:other.left_edge.i]
        common = first.pos_ == "NOUN" or (first.text.isupper() and first.ent_type_ != "PERSON")   # "WHO ..."
        if common and other.ent_type_ in ("PERSON", "ORG") and other.pos_ == "PROPN" \
                and other.i > first.i and all(t.text in "-–" for t in between):
            return other
    return first


def mute(noun: Token) -> bool:
    """A common noun that cannot speak: a document ("important documents") or a thing no speaker
    lexicon knows as a source, an organisation, a group or a title (not "officials who said")."""
    lex = speaker_lexicon("en")
    lemma = lemma_of(noun).lower()
    if noun.pos_ != "NOUN" or noun.ent_type_:
        return False
    if lemma in lex.document_nouns:
        return True
    known = lex.source_nouns | lex.group_nouns | lex.organization_nouns | lex.country_nouns
    return lemma not in known and noun.lower_ not in known and lemma not in lex.descriptions \
        and not lex.find_titles(noun.lower_)


def _with_adverbs(verb: Token) -> int:
    """Index of the first token of a verb with the adverbs right before it ("further saying")."""
    first = verb.i
    while first > 0 and verb.doc[first - 1].head.i == verb.i and verb.doc[first - 1].dep_ == "advmod":
        first -= 1
    return first


def _token_before(doc: Doc, i: int) -> Token | None:
    """The token before ``i``, looking past closing quote marks after a comma ('... billion," further
    saying': the comma); None at the start."""
    k = i - 1
    while k > 0 and doc[k].text in QUOTE_MARKS and doc[k - 1].text == ",":
        k -= 1
    return doc[k] if k >= 0 else None


def content_frame(verb: Token) -> Token | None:
    """The speech verb whose reported clause a subjectless cue continues: "X said that P, adding that
    Q" (or '..., further saying') and "X emphasized that P and expressed hope that Q", where the parser
    hangs "adding" or "expressed" on a verb of P; X speaks, not P's subject. None for any other verb."""
    if any(c.dep_ in SUBJ for c in verb.children):
        return None
    prev = _token_before(verb.doc, _with_adverbs(verb))
    before = prev.lower_ if prev is not None else ""
    if not ((verb.dep_ == "advcl" and verb.tag_ == "VBG" and before == ",")
            or (verb.dep_ == "conj" and before in ("and", ","))):
        return None
    t = verb.head
    for _ in range(4):
        if t.dep_ == "ccomp" and lemma_of(t.head).lower() in lexicon()["verbs"] and t.head.i < verb.i:
            return t.head
        if t.dep_ not in ("conj", "advcl", "xcomp", "relcl") or t.head.i == t.i:
            return None
        t = t.head
    return None


def speaker_span(doc: Doc, subj: Token, cue: Cue) -> Chars:
    """The subject's words, without a relative clause that holds the cue itself, or a dateline."""
    lo, hi = subj.left_edge.i, subj.right_edge.i
    while lo < hi and (is_dateline(doc[lo]) or doc[lo].text in DASHES):
        lo += 1
    if lo <= cue.verb <= hi:
        hi = subj.i
        for c in subj.children:
            if c.i > subj.i and c.dep_ not in ("relcl", "punct", "acl", "appos"):
                hi = max(hi, c.right_edge.i)
            elif c.i > subj.i:
                break
    lo_c, hi_c = doc[lo].idx, doc[hi].idx + len(doc[hi])
    return trim(doc, (lo_c, hi_c), quotes=True)


def via_of(frame: Token) -> str | None:
    """'was quoted by Al Jazeera as saying': the outlet that carried the statement."""
    if lemma_of(frame).lower() not in lexicon()["via_verbs"]:
        return None
    for c in frame.children:
        if c.dep_ == "nsubj" and any(k.dep_ == "dobj" for k in frame.children):
            a, b = subtree_chars(c)          # 'ILNA quoted X as saying'
            return text_of(frame.doc)[a:b]
        if c.dep_ == "agent":
            objs = [g for g in c.children if g.dep_ == "pobj"]
            if objs:
                a, b = subtree_chars(objs[0])
                return text_of(frame.doc)[a:b]
    return None


def _venue_pobj(verb: Token) -> Token | None:
    venues, preps = set(lexicon()["venue_nouns"]), lexicon()["venue_preps"]
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in preps:
            for g in c.children:
                if g.dep_ == "pobj" and lemma_of(g).lower() in venues:
                    return g
    return None


def venue_and_addressee(verb: Token) -> tuple[str | None, Chars | None]:
    """'in an interview with the Croatian daily ...' -> venue; 'with his counterpart X' -> addressee."""
    doc = verb.doc
    addressee = None
    for c in verb.children:               # 'told reporters', 'told Kuleba'
        if lemma_of(verb).lower() == "tell" and c.dep_ in ("dobj", "dative") and c.i > verb.i:
            addressee = subtree_chars(c)
    pobj = _venue_pobj(verb)
    if pobj is None:
        return None, addressee
    a, b = subtree_chars(pobj)
    person_nouns = set(lexicon()["person_nouns"])
    for w in pobj.children:
        if w.dep_ == "prep" and w.lower_ == "with":
            for g in w.children:
                if g.dep_ == "pobj" and (g.ent_type_ == "PERSON" or any(
                        lemma_of(t).lower() in person_nouns for t in g.subtree)):
                    addressee = subtree_chars(g)
                    b = w.idx
    a, b = trim(doc, (a, b))
    venue = text_of(doc)[a:b]
    if lemma_of(pobj).lower() in lexicon()["venue_nouns"] and venue.lower().startswith(("the ", "this ")) \
            and len(venue.split()) <= 3:
        venue = _earlier_venue(doc, pobj) or venue
    return venue, addressee


def _earlier_venue(doc: Doc, pobj: Token) -> str | None:
    """'In the interview' refers back to 'an interview with ...' said before."""
    lex = lexicon()
    for t in reversed(doc[:pobj.i]):
        if lemma_of(t) == lemma_of(pobj) and t.dep_ == "pobj" and any(
                c.lower_ in lex["indefinite_articles"] for c in t.children):
            a, b = subtree_chars(t)
            text = text_of(doc)[a:b]
            for cut in lex["venue_cuts"]:
                text = text.split(f" {cut} ")[0]
            return text
    return None
