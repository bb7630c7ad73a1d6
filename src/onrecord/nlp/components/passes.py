"""The passes that find statements: direct quotes, reported speech, noun allegations, 'according to'.

Words they look for (conditional marks, alleging verbs, labels that are not sources, ...) are the cue
lexicon's (``lexicons/<lang>/cues.json``).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..lemmas import lemma as lemma_of
from .cues import Cue, cue_at, lexicon
from .draft import Draft, chars, subtree_chars, text_of, trim
from .frames import (
    clause_head,
    comma_frame_content,
    content_of,
    mute,
    speaker_span,
    venue_and_addressee,
    via_of,
    without_dateline,
)
from .quotes import Quote

SENT_END = re.compile(r"[.!?][\"”’»]?\s+(?=\S)|\n")
CLOSING_PUNCT = (",", "?", "!", "…", "—", "–", "-")


def quote_of_token(doc: Doc, quotes: list[Quote]) -> list[int]:
    """For each token, the index of the quote whose inner span holds it, else -1."""
    out = [-1] * len(doc)
    qi = 0
    for tok in doc:
        while qi < len(quotes) and quotes[qi].inner[1] <= tok.idx:
            qi += 1
        if qi < len(quotes) and quotes[qi].inner[0] <= tok.idx < quotes[qi].inner[1]:
            out[tok.i] = qi
    return out


def _token_at(doc: Doc, char: int, right: bool = True) -> int:
    """Index of the first token starting at or after ``char`` (right) / ending at or before it (left)."""
    span = doc.char_span(char, char, alignment_mode="expand") if 0 <= char <= len(text_of(doc)) else None
    if span is not None and len(span):
        return span.start if right else span.start - 1
    lo, hi = 0, len(doc)
    while lo < hi:
        mid = (lo + hi) // 2
        if doc[mid].idx < char:
            lo = mid + 1
        else:
            hi = mid
    return lo if right else lo - 1


def speaker_for(doc: Doc, cue: Cue) -> tuple[tuple[int, int] | None, str | None, Token | None]:
    subj, frame = clause_head(doc[cue.verb])
    span = speaker_span(doc, subj, cue) if subj is not None else None
    return span, (via_of(frame) if frame is not None else None), frame


def _draft_from_cue(doc: Doc, cue: Cue, content, kind: str, origin: str) -> Draft:
    speaker, via, frame = speaker_for(doc, cue)
    verb = doc[cue.verb]
    venue, addressee = venue_and_addressee(verb)
    if venue is None and frame is not None and frame is not verb:
        venue, addressee2 = venue_and_addressee(frame)
        addressee = addressee or addressee2
    act = _elaborated_act(verb) or cue.act
    return Draft(kind=kind, content=content, act=act, cue=chars(list(doc[cue.tokens[0]:cue.tokens[1]])),
                 cue_verb=cue.verb, speaker=speaker, negated=cue.negated, venue=venue, via=via,
                 addressee=addressee, origin=origin)


def _elaborated_act(verb: Token) -> str | None:
    """', claiming that ...' after 'made allegations': the participle says what the allegation was."""
    if verb.dep_ != "advcl" or verb.tag_ != "VBG" or cue_at(verb.head) is not None:
        return None
    nouns = lexicon()["nouns"]
    for c in verb.head.children:
        if c.dep_ == "dobj" and lemma_of(c).lower() in nouns and c.i < verb.i:
            return nouns[lemma_of(c).lower()]
    return None


# ---- direct quotes -------------------------------------------------------------------------------

CUE_AFTER_TOKENS = 12      # '"...", Birmingham City University criminology professor David Wilson told'


def _cue_after(doc: Doc, q: Quote, in_quote: list[int]) -> Cue | None:
    text = text_of(doc)
    inner = text[q.inner[0]:q.inner[1]].rstrip()
    follows = text[q.end:q.end + 2].lstrip()[:1]
    if not (inner.endswith(CLOSING_PUNCT) or follows == ","):
        return _cue_next(doc, q) if _sentence_initial(text, q) else None
    if not _sentence_initial(text, q) and len(inner.split()) < 4:
        return None                     # 'based on the “realities”, he added': a fragment of a mixed quote
    if not _sentence_initial(text, q) and text[:q.start].rstrip()[-1:].isalnum():
        return None                     # 'said the use of currencies "costs Africa $5 billion," further
        #                                  saying': the quote ends a clause of the words before it
    start = _token_at(doc, q.end)
    for i in range(start, min(start + CUE_AFTER_TOKENS, len(doc))):
        tok = doc[i]
        if in_quote[i] >= 0 or tok.text in (".", "“", "\"", "«", "„") or "\n" in tok.text:
            return None
        cue = cue_at(tok)
        if cue is not None and (not cue.noun_object or cue.lemma in lexicon()["quote_object_cues"]):
            return cue
        if tok.pos_ == "VERB" and lemma_of(tok).lower() in lexicon()["via_verbs"]:
            return _quoted_as_saying(tok)
        if tok.pos_ == "VERB" and tok.tag_ in ("VBD", "VBZ", "VBP"):
            return None                 # another clause's verb comes first: the quote is not its object
    return None


def _quoted_as_saying(verb: Token) -> Cue | None:
    """'“...,” AP quoted a researcher who analyzed the alleged construction at Natanz as saying.': the
    cue is the 'as saying' that follows the quoting verb in its sentence, however far the parse put it."""
    doc = verb.doc
    for i in range(verb.i + 2, verb.sent.end):
        if doc[i - 1].lower_ == "as":
            cue = cue_at(doc[i])
            if cue is not None:
                return cue
        if doc[i].text in ("“", "\"", "«"):
            break
    return None


def _cue_next(doc: Doc, q: Quote) -> Cue | None:
    """A cue right after a sentence-initial quote that has no closing comma ('"I am in awe of the people
    who ran towards danger" tweeted Mayor of London Sadiq Khan'): a finite verb of saying, the next word."""
    start = _token_at(doc, q.end)
    if start >= len(doc):
        return None
    cue, tok = cue_at(doc[start]), doc[start]
    if cue is None or cue.noun_object or tok.tag_ not in ("VBD", "VBZ", "VBP", "VBN"):
        return None
    after = doc[start + 1] if start + 1 < len(doc) else None
    if tok.tag_ == "VBN" and (after is None or after.pos_ not in ("PROPN", "DET", "PRON")):
        return None                     # the parser's 'tweeted Mayor ...' (VBN); not '"..." posted by'
    return cue


def _cue_before(doc: Doc, q: Quote, in_quote: list[int]) -> Cue | None:
    text = text_of(doc)
    lead = text[:q.start]
    stripped = lead.rstrip()
    if not stripped:
        return None
    last = _token_at(doc, len(stripped), right=False)
    if stripped[-1] not in ",:":
        if cue_at(doc[last]) is None:
            return None                 # 'had "information"': a quoted word inside a clause
        if not _ends_sentence(text, q):
            return None                 # 'said "it gets me mad" every time ...': mixed, not direct
    first = last
    while first > 0 and in_quote[first - 1] < 0 and doc[first - 1].text not in (".", "!", "?", "”", "\"") \
            and "\n" not in doc[first - 1].text and last - first < 40:
        first -= 1
    qtok = _token_at(doc, q.inner[0])
    for i in range(last, first - 1, -1):
        cue = cue_at(doc[i])
        if cue is None or in_quote[i] >= 0:
            continue
        between = doc[cue.tokens[1]:last + 1]
        if all(t.is_punct or (doc[i] in t.ancestors and not _under_quote(t, qtok, in_quote)) for t in between):
            return cue
        return None
    return None


def _ends_sentence(text: str, q: Quote) -> bool:
    inner = text[q.inner[0]:q.inner[1]].rstrip()
    after = text[q.end:q.end + 3].lstrip(" \u00a0")
    return inner.endswith((".", "!", "?", ",")) or not after or after[0] in ".!?\n"


def _under_quote(tok: Token, qtok: int, in_quote: list[int]) -> bool:
    """Is tok governed by a word inside the quote (e.g. 'that Iran' before 'opposes' in quotes)?"""
    return any(in_quote[a.i] >= 0 and a.i >= qtok for a in tok.ancestors)


def _sentence_initial(text: str, q: Quote) -> bool:
    before = text[max(0, q.start - 3):q.start]
    return q.start == 0 or not before.strip() or before.rstrip()[-1:] in (".", "!", "?", "”", "\"", "\n") \
        or "\n" in before


def direct_drafts(doc: Doc, quotes: list[Quote], in_quote: list[int]) -> list[Draft]:
    """A Draft for every quote that is speech: with a cue after or before it, or standing as a sentence."""
    drafts = []
    for q in quotes:
        words = len(text_of(doc)[q.inner[0]:q.inner[1]].split())
        cue = _cue_after(doc, q, in_quote) or _cue_before(doc, q, in_quote)
        if cue is not None:
            d = _draft_from_cue(doc, cue, q.inner, "direct", "quote")
            if d.speaker is None:
                d.speaker = _speaker_near_quote(doc, q, cue)
            _take_cited(doc, doc[cue.verb], d)  # 'Citing diplomatic sources, The Korea Economic Daily said, "..."'
            drafts.append(d)
        elif words >= 4 and _sentence_initial(text_of(doc), q):
            drafts.append(Draft(kind="direct", content=q.inner, origin="quote-free"))
    return drafts


def _speaker_near_quote(doc: Doc, q: Quote, cue: Cue):
    """'“...,” said Kanaani.' with no parse subject: the proper noun or pronoun next to the cue."""
    for i in range(cue.tokens[1], min(cue.tokens[1] + 6, len(doc))):
        t = doc[i]
        if t.pos_ in ("PROPN", "PRON") or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            j = i
            while j + 1 < len(doc):
                if doc[j + 1].pos_ == "PROPN":
                    j += 1
                elif doc[j + 1].lower_ == "of" and j + 2 < len(doc) and doc[j + 2].pos_ == "PROPN":
                    j += 2          # 'tweeted Mayor of London Sadiq Khan'
                else:
                    break
            return chars(list(doc[i:j + 1]))
        if t.is_punct:
            break
    return None


# ---- reported speech -----------------------------------------------------------------------------

def reported_drafts(doc: Doc, used_verbs: set[int], in_quote: list[int]) -> list[Draft]:
    """A Draft for each cue verb with a complement, not already the cue of a direct quote."""
    first_person = set(lexicon()["first_person"])
    drafts = []
    for tok in doc:
        if tok.i in used_verbs:
            continue
        cue = cue_at(tok)
        if cue is None:
            continue
        content = None if cue.quote_only else content_of(doc, cue)
        if content is None and not cue.noun_object:
            content = comma_frame_content(doc, cue)
        if content is None:
            continue
        content = without_dateline(doc, trim(doc, content))
        if content[1] - content[0] < 2 or (content[0] <= tok.idx < content[1]):
            continue
        if _hypothetical(tok):
            continue                    # 'if it is confirmed that ...': no one has said it
        d = _draft_from_cue(doc, cue, content, "indirect", "rules")
        if _citing(tok):
            d = _cited(doc, tok, d)
            if d is None:
                continue
        else:
            _take_cited(doc, tok, d)
            _source_cited_that(doc, tok, d)
        if d.speaker is None and tok.tag_ == "VB" and not any(c.dep_ == "aux" for c in tok.children):
            continue                    # an imperative ('Note: ...', 'Say what you will')
        if in_quote[tok.i] >= 0 and not _third_party(doc, d, first_person):
            continue
        if d.speaker and text_of(doc)[d.speaker[0]:d.speaker[1]].lower() in first_person and cue.cognitive:
            continue
        drafts.append(d)
    return drafts


def _citing(verb: Token) -> bool:
    """'X reported, citing Y, that ...': a citing participle under a cue verb."""
    return verb.lower_ in lexicon()["citing_participles"] and verb.dep_ == "advcl" and \
        cue_at(verb.head) is not None and not _citing_as(verb)


def _citing_as(verb: Token) -> bool:
    """'..., citing the move as a "grave abuse"': naming something as what it is, not a cited source;
    'Citing the elephant's reduced body size, officials estimated': a reason, a thing that cannot speak."""
    cited = [c for c in verb.children if c.dep_ in ("dobj", "pobj")]
    if any(mute(c) for c in cited):
        return True
    return any(g.dep_ == "prep" and g.lower_ == "as" for t in (verb, *cited) for g in t.children)


def _cited(doc: Doc, verb: Token, d: Draft) -> Draft | None:
    """The statement of 'X reported, citing Y, that P': Y says P, X is the channel (``via``), the cue
    the reporting verb. None when the parse gives no cited source."""
    cited = next((c for c in verb.children if c.dep_ in ("dobj", "pobj")), None)
    if cited is None:
        return None
    head = doc[verb.head.i]
    subj, _ = clause_head(head)
    speaker = trim(doc, (cited.left_edge.idx, cited.idx + len(cited)), quotes=True)
    a, b = d.content
    if a <= speaker[0] < b:
        a = speaker[1]
        while a < b and text_of(doc)[a] in " ,;:":
            a += 1
        if text_of(doc)[a:a + 5].lower() == "that ":
            a += 5
    if b - a < 2:
        return None
    d.content, d.speaker = (a, b), speaker
    d.via = text_of(doc)[slice(*subtree_chars(subj))] if subj is not None else d.via
    d.cue, d.cue_verb = chars(head), head.i
    return d


def _take_cited(doc: Doc, verb: Token, d: Draft) -> None:
    """'X reported, citing Y, that P' parsed with P under 'reported': Y speaks, X is the channel."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.lower_ in lexicon()["citing_participles"] and not _citing_as(c):
            cited = next((g for g in c.children if g.dep_ in ("dobj", "pobj")), None)
            if cited is not None and d.speaker is not None:
                d.via = text_of(doc)[d.speaker[0]:d.speaker[1]]
                d.speaker = trim(doc, (cited.left_edge.idx, cited.idx + len(cited)), quotes=True)
            return


def _source_cited_that(doc: Doc, verb: Token, d: Draft) -> None:
    """'The Daily Telegraph cited a security source that P': the source says P, the subject that cites
    it is the channel (``via``)."""
    if lemma_of(verb).lower() not in lexicon()["via_verbs"] or d.speaker is None:
        return
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or not d.content[0] <= obj.idx < d.content[1]:
        return
    text = text_of(doc)
    end = obj.idx + len(obj)
    k = end
    while k < d.content[1] and text[k] == " ":
        k += 1
    if text[k:k + 5].lower() != "that " or d.content[1] - (k + 5) < 2:
        return
    d.via = text[d.speaker[0]:d.speaker[1]]
    d.speaker = trim(doc, (obj.left_edge.idx, end), quotes=True)
    d.content = (k + 5, d.content[1])


def _hypothetical(verb: Token) -> bool:
    """A cue inside a conditional clause reports nothing said ('if it is confirmed that ...')."""
    marks = lexicon()["conditional_marks"]
    return any(c.dep_ == "mark" and c.lower_ in marks for c in verb.children)


def _third_party(doc: Doc, d: Draft, first_person: set[str]) -> bool:
    """Inside a quote only a named or described third party reports ('the Kremlin confirmed ...')."""
    if d.speaker is None:
        return False
    words = text_of(doc)[d.speaker[0]:d.speaker[1]].lower().split()
    return bool(words) and not (set(words) & first_person) and words[0] not in lexicon()["pronouns"]


def naming_drafts(doc: Doc, used_verbs: set[int], in_quote: list[int]) -> list[Draft]:
    """'Brudziński called the stabbing "an act of inexplicable barbarity"', 'Schiff called it "a
    non-starter"': naming something as what one holds it to be is a statement (the object and its
    predicate, lexicon: naming_verbs), with the act its words take."""
    verbs = set(lexicon()["naming_verbs"])
    drafts = []
    for tok in doc:
        if tok.i in used_verbs or in_quote[tok.i] >= 0 or lemma_of(tok).lower() not in verbs or tok.pos_ != "VERB":
            continue
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        pred = next((c for c in tok.children if c.dep_ == "oprd" and c.i > tok.i), None)
        if obj is None or pred is None or any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            continue                    # 'was called X' names no one's words
        content = trim(doc, (obj.left_edge.idx, pred.right_edge.idx + len(pred.right_edge)))
        cue = Cue(tokens=(tok.i, tok.i + 1), verb=tok.i, lemma=lemma_of(tok).lower(), act="assert",
                  negated=any(c.dep_ == "neg" for c in tok.children))
        d = _draft_from_cue(doc, cue, content, "indirect", "rules")
        if d.speaker is not None:
            drafts.append(d)
    return drafts


# ---- noun allegations and 'according to' ---------------------------------------------------------

def noun_drafts(doc: Doc) -> list[Draft]:
    """'Western claims that Iran has supplied ...': a statement of the alleging group."""
    nouns = lexicon()["nouns"]
    drafts = []
    for tok in doc:
        act = nouns.get(lemma_of(tok).lower()) if tok.pos_ == "NOUN" else None
        if act is None or act.startswith("Nouns"):
            continue
        clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(
            g.dep_ in ("mark", "advmod") and g.lower_ == "that" and g.i == c.left_edge.i
            for g in c.children)), None)
        if clause is None:
            continue
        speaker = _alleger(tok)
        if speaker is None:
            continue
        drafts.append(Draft(kind="indirect", content=trim(doc, subtree_chars(clause)), act=act,
                            cue=chars(tok), cue_verb=tok.i, speaker=speaker, origin="noun"))
    return drafts


def _alleger(noun: Token):
    for c in noun.children:
        if c.dep_ == "poss":
            return trim(noun.doc, subtree_chars(c))
        if c.dep_ in ("amod", "compound") and c.i < noun.i and (
                c.ent_type_ in ("NORP", "GPE", "ORG") or c.pos_ == "PROPN" or c.text.istitle()):
            return chars(c)
        if c.dep_ == "acl" and lemma_of(c) in lexicon()["alleging_verbs"]:
            for a in c.children:
                if a.dep_ == "agent":
                    objs = [g for g in a.children if g.dep_ == "pobj"]
                    if objs:
                        return subtree_chars(objs[0])
    return None


HEADLINE = re.compile(r"^(?P<src>[A-Z][\w.’'\- ]{1,40}?): +(?P<content>\S[^\n]{5,250}?)\.?$", re.M)


def headline_drafts(doc: Doc) -> list[Draft]:
    """Headline attribution 'Graham: Trump’s rhetoric is destroying the party' (source, colon, claim)."""
    text = text_of(doc)
    first_line = len(text) - len(text.lstrip())
    not_sources, name_words = set(lexicon()["not_sources"]), lexicon()["headline_name_words"]
    drafts = []
    for m in HEADLINE.finditer(text):
        src = m.group("src")
        words = src.split()
        if len(words) > 5 or src.isupper() or src.lower() in not_sources or not all(
                w[:1].isupper() or w.lower() in name_words for w in words):
            continue
        start = _token_at(doc, m.start("src"))
        named = any(t.pos_ == "PROPN" or t.ent_type_ for t in doc[start:start + len(words)])
        if not named and m.start() != first_line:
            continue
        colon = m.end("src")
        drafts.append(Draft(kind="indirect", content=trim(doc, m.span("content")), act="assert",
                            cue=(colon, colon + 1), speaker=m.span("src"), origin="headline"))
    return drafts


def _name_run_end(doc: Doc, edge, limit: int):
    """The last token of the source of "according to": the object's last token, or the end of the proper
    nouns straight after it that the parse split off ("According to Connecticut | Senator Richard
    Blumenthal, ..." parsed with "Connecticut" as the object and the senator as a subject)."""
    j = edge.i
    while j + 1 < limit and doc[j + 1].pos_ == "PROPN" and doc[j + 1].ent_type_ in ("", "PERSON", "ORG"):
        j += 1
    if j + 2 < limit and doc[j + 1].text == "," and doc[j + 2].ent_type_ == "PERSON":
        k = j + 2                       # "According to Windsor Locks' first selectman, Chris Kervick, there
        while k + 1 < limit and doc[k + 1].ent_type_ == "PERSON":   # were ...": the name set off after the title
            k += 1
        ends = k + 1 >= limit or doc[k + 1].text in (".", "!", "?")     # "..., according to a joint statement
        if ends or doc[j].pos_ == "NOUN" and doc[k + 1].text == ",":    # ... by the U.S. ambassador to the UN,
            return doc[k]                                                # Linda Thomas-Greenfield."
    return doc[j]


def according_drafts(doc: Doc) -> list[Draft]:
    """'According to X, Y' / 'Y, according to X'."""
    drafts = []
    for tok in doc:
        if tok.lower_ != "according" or tok.i + 1 >= len(doc) or doc[tok.i + 1].lower_ != "to":
            continue
        objs = [g for g in doc[tok.i + 1].children if g.dep_ == "pobj"]
        if not objs:
            continue
        sent = tok.sent
        last = _name_run_end(doc, objs[0].right_edge, sent.end)
        speaker = (objs[0].left_edge.idx, last.idx + len(last))
        acc = (tok.idx, speaker[1])
        left = trim(doc, (sent.start_char, acc[0]), keep_final_period=False)
        right = trim(doc, (acc[1], sent.end_char))
        content = right if right[1] - right[0] >= left[1] - left[0] else left
        if content[1] - content[0] < 3:
            continue
        drafts.append(Draft(kind="indirect", content=content, act="assert",
                            cue=(tok.idx, doc[tok.i + 1].idx + 2), cue_verb=tok.i,
                            speaker=speaker, origin="according"))
    return drafts


# ---- the learned attribution model, for what the rules miss -----------------------------------
