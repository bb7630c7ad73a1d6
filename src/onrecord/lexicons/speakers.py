"""The speaker lexicon: titles, nationalities, institutions and pronouns (``titles``, ``speakers``,
``nationalities`` and ``institutions`` of ``lexicons/<lang>/``), with the lookups built on them."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from . import load as load_data
from .names import fold, without_article

_MARKS = "()[]{}\"'“”‘’«»,.;:!?"

@dataclass(frozen=True)
class Lexicon:
    titles: tuple[str, ...]                 # lower-case, longest first
    canonical: dict
    descriptions: dict
    modifiers: frozenset
    honorifics: frozenset
    gendered: dict
    nationalities: dict                     # lower-case word -> (country or group, kind)
    institutions: dict                      # lower-case institution -> country ('' when none)
    pronouns: dict
    indefinite: frozenset
    definite: frozenset
    source_nouns: frozenset
    document_nouns: frozenset
    document_parts: frozenset
    author_preps: frozenset
    government_nouns: frozenset
    kin_nouns: frozenset                    # a possessor of one is a person ("Nouri's son", "... attorney")
    thing_nouns: frozenset                  # a name before one names a thing ("the Shah Cheragh shrine")
    group_nouns: frozenset
    organization_nouns: frozenset
    country_nouns: frozenset
    addressee_nouns: frozenset
    addressee_verbs: frozenset
    addressee_preps: frozenset
    affiliation_preps: frozenset
    name_lead_words: frozenset
    org_stop_words: frozenset
    pronoun_forms: dict = field(default_factory=dict)   # "his" -> "he"
    outlets: frozenset = frozenset()        # folded names of news outlets (``outlets.tsv``)
    outlet_nouns: frozenset = frozenset()   # what an outlet is called ("the newspaper", "the daily")
    outlet_name_words: frozenset = frozenset()  # last words of newspapers' names ("Daily", "Times")

    def pronoun(self, text: str) -> dict | None:
        """The lexicon entry of a pronoun in any of its forms ("his" reads as "he"), else None; marks
        around it do not count ("we)" in "(we) will ...")."""
        t = text.strip().strip(_MARKS).strip().lower()
        return self.pronouns.get(t) or self.pronouns.get(self.pronoun_forms.get(t, ""))

    def is_outlet(self, name: str) -> bool:
        """Whether a name is a news outlet's: 'Politico', 'the Tass news agency', 'Press TV'."""
        full = fold(without_article(name))
        return full in self.outlets or _OUTLET_SUFFIX.sub("", full) in self.outlets

    def canon(self, title: str) -> str:
        t = title.lower().strip()
        return self.canonical.get(t, t)

    @property
    def title_re(self) -> re.Pattern:
        return _title_re(self.titles)

    def find_titles(self, text: str) -> list[str]:
        """Canonical titles named in ``text``, longest match first, in order of appearance."""
        return [self.canon(m.group(0)) for m in self.title_re.finditer(text)]

    def countries(self, text: str) -> list[str]:
        """Countries (or groups such as 'the West') that words of ``text`` point to."""
        out = []
        for m in _nat_re(tuple(sorted(self.nationalities, key=len, reverse=True))).finditer(text):
            target = self.nationalities[m.group(0).lower()][0]
            if target not in out:
                out.append(target)
        low = text.lower()
        for inst, country in self.institutions.items():
            if country and re.search(rf"\b{re.escape(inst)}\b", low) and country not in out:
                out.append(country)
        return out


_OUTLET_SUFFIX = re.compile(r"\s+(?:news agency|agency|newspaper|daily|network|tv|television|channel|website)$")


@lru_cache(maxsize=None)
def _title_re(titles: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(t) for t in titles)
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.I)


@lru_cache(maxsize=None)
def _nat_re(words: tuple[str, ...]) -> re.Pattern:
    alt = "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w.])(?:{alt})(?![\w])", re.I)


@lru_cache(maxsize=4)
def load(lang: str = "en") -> Lexicon:
    t, s = load_data("titles", lang), load_data("speakers", lang)
    nats = {r[0].lower(): (r[1], r[2] if len(r) > 2 else "country") for r in load_data("nationalities", lang)}
    for target, kind in list(nats.values()):       # the countries' own names point to themselves
        nats.setdefault(target.lower(), (target, kind))
    insts = {r[0].lower(): (r[1] if len(r) > 1 else "") for r in load_data("institutions", lang)}
    return Lexicon(
        titles=tuple(sorted({x.lower() for x in t["titles"]}, key=len, reverse=True)),
        canonical={k.lower(): v.lower() for k, v in t["canonical"].items()},
        descriptions={k.lower(): v for k, v in t["descriptions"].items()},
        modifiers=frozenset(t["modifiers"]), honorifics=frozenset(t["honorifics"]),
        gendered=dict(t["gendered"]), nationalities=nats, institutions=insts,
        pronouns=s["pronouns"], indefinite=frozenset(s["indefinite"]), definite=frozenset(s["definite"]),
        source_nouns=frozenset(s["source_nouns"]), group_nouns=frozenset(s["group_nouns"]),
        organization_nouns=frozenset(s["organization_nouns"]), country_nouns=frozenset(s["country_nouns"]),
        addressee_nouns=frozenset(s["addressee_nouns"]), addressee_verbs=frozenset(s["addressee_verbs"]),
        addressee_preps=frozenset(s["addressee_preps"]), affiliation_preps=frozenset(s["affiliation_preps"]),
        name_lead_words=frozenset(s["name_lead_words"]), org_stop_words=frozenset(s["org_stop_words"]),
        pronoun_forms=dict(s.get("pronoun_forms", {})),
        document_nouns=frozenset(s["document_nouns"]),
        document_parts=frozenset(s["document_parts"]), author_preps=frozenset(s["author_preps"]),
        government_nouns=frozenset(s["government_nouns"]), kin_nouns=frozenset(s.get("kin_nouns", ())),
        thing_nouns=frozenset(s.get("thing_nouns", ())),
        outlets=frozenset(fold(r[0]) for r in load_data("outlets", lang)),
        outlet_nouns=frozenset(s.get("outlet_nouns", ())), outlet_name_words=frozenset(s.get("outlet_name_words", ())),
    )
