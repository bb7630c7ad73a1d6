"""onrecord_speakers (factory ``onrecord_speakers_v1``): every statement's speaker (and addressee)
resolved to an entity of the article.

Reads ``doc._.onrecord_statements`` (from onrecord_statements), writes ``doc._.onrecord_entities`` and
replaces the statements with copies whose ``speaker`` / ``addressee`` are entity ids. The work is done
by ``nlp.entities.resolve``; this module is the spaCy shell around it. ``resolver``: "rules",
"learned" (pronouns and descriptions by the antecedent ranker of ``nlp.entities.ranker``), or
"encoder" (the ranker, with the encoder's pronoun-candidate scores of ``nlp.entities.pairs`` added).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ...errors import PipelineError
from ...lexicons.speakers import load
from .. import extensions  # noqa: F401  (registers Doc extensions)
from ..entities import ranker
from ..entities.resolve import resolve_speakers

RESOLVERS = ("rules", "learned", "encoder")


class SpeakerResolver:
    def __init__(self, nlp: Language, name: str, lang: str = "en", resolver: str = "learned"):
        self.name = name
        self.lex = load(lang)
        if resolver not in RESOLVERS:
            raise PipelineError(f"no resolver {resolver!r} (one of {', '.join(RESOLVERS)})", code="E300")
        self.ranker = ranker.load() if resolver in ("learned", "encoder") else None
        if resolver == "encoder":
            from ..entities import pairs
            scorer = pairs.load()
            self.ranker = self.ranker.with_pairs(scorer, scorer.meta.get("ranker_weight", 1.0))

    def __call__(self, doc: Doc) -> Doc:
        statements = doc._.onrecord_statements or []
        entities, statements = resolve_speakers(doc, statements, self.lex, self.ranker)
        doc._.onrecord_entities = entities
        doc._.onrecord_statements = statements
        return doc


@Language.factory("onrecord_speakers_v1", requires=["doc.ents", "token.dep", "doc._.onrecord_statements"],
                  assigns=["doc._.onrecord_entities", "doc._.onrecord_statements"],
                  default_config={"lang": "en", "resolver": "learned"})
def make_speakers(nlp: Language, name: str, lang: str, resolver: str) -> SpeakerResolver:
    return SpeakerResolver(nlp, name, lang, resolver)
