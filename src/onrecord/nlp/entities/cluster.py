"""Mentions into entities: one entity per person, organisation, country, group or unnamed source.

People cluster by name: a mention joins an entity when its name tokens end the same way and are a subset
of the entity's ("Amir Abdollahian" -> "Hossein Amir Abdollahian"); two full names that share only a
surname stay apart, and a bare surname shared by two people goes to the one whose titles agree, else
the one mentioned last. Organisations, countries and groups cluster by folded name (countries through
the nationalities lexicon: "Tehran", "Iranian", "Iran" are one country), an acronym with the name
it stands for ("AEOI", "the Atomic Energy Organization of Iran").
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ...identity import spelling_variants
from ...lexicons.names import acronym, fold, is_acronym, name_tokens, without_article
from ...lexicons.speakers import Lexicon
from ...models import Entity
from .mentions import Mention


@dataclass
class Ent:
    idx: int
    kind: str
    name: str
    titles: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    gender: str | None = None
    tokens: tuple[str, ...] = ()
    key: str = ""
    last: int = -1                      # char offset of the latest mention seen
    plural: bool = False                # "officials", "some analysts": never 'he' or 'the analyst'
    kin: set = field(default_factory=set)   # kin nouns it was described by ("his son, Majid": son)

    def add_mention(self, start: int, end: int) -> None:
        if (start, end) not in self.mentions:
            self.mentions.append((start, end))
        self.last = max(self.last, start)

    def enrich(self, titles=(), affiliations=(), gender=None) -> None:
        for t in titles:
            if t not in self.titles:
                self.titles.append(t)
        for a in affiliations:
            if a not in self.affiliations:
                self.affiliations.append(a)
        self.gender = self.gender or gender


def _close(a: str, b: str) -> bool:
    """Transliteration variants of one name word: one letter doubled or dropped in a long name, or
    the same consonants within two edits ('Ardekani' / 'Ardakani', ``identity.spelling_variants``)."""
    if a == b or spelling_variants(a, b):
        return True
    if len(a) < 7 or len(b) < 7 or abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _variant(known: tuple[str, ...]):
    """Map a mention token onto the spelling an entity already has, when the two are close."""
    def pick(tok: str) -> str:
        return next((k for k in known if _close(tok, k)), tok)
    return pick


class Registry:
    """The entities of one doc, built mention by mention."""

    def __init__(self, lex: Lexicon):
        self.lex = lex
        self.ents: list[Ent] = []
        self._by_key: dict[str, Ent] = {}

    def new(self, kind: str, name: str, **kw) -> Ent:
        e = Ent(len(self.ents), kind, name, **kw)
        self.ents.append(e)
        if e.key:
            self._by_key[e.key] = e
        return e

    # -- people -------------------------------------------------------------------------------------
    def person_tokens(self, name: str) -> tuple[str, ...]:
        skip = {h.rstrip(".") for h in self.lex.honorifics}
        return tuple(t for t in name_tokens(name) if t not in skip)

    def match_person(self, tokens: tuple[str, ...], titles=(), before: int | None = None) -> Ent | None:
        """The person entity a name refers to, or None; prefers title agreement, then recency."""
        if not tokens:
            return None
        found = []
        for e in self.ents:
            if e.kind != "person" or not e.tokens:
                continue
            mine, theirs = set(map(_variant(e.tokens), tokens)), set(e.tokens)
            if tokens == e.tokens[:1] and len(e.tokens) > 1:
                continue                                   # a first name alone is not enough
            if mine <= theirs or (theirs <= mine and e.tokens[-1] == tokens[-1]):
                found.append(e)
        if len(found) > 1:
            full = [e for e in found if e.tokens == tokens]
            if full:
                return full[0]
            sub = [e for e in found if not set(tokens) <= set(e.tokens)]  # mention longer than entity
            if len(tokens) > 1:
                found = [e for e in found if set(tokens) <= set(e.tokens)] or sub
            agree = [e for e in found if set(titles) & set(e.titles)]
            found = agree or found
            found.sort(key=lambda e: e.last, reverse=True)
        return found[0] if found else None

    def add_person(self, m: Mention) -> Ent:
        tokens = self.person_tokens(m.name)
        e = self.match_person(tokens, m.titles)
        if e is None:
            e = self.new("person", m.name, tokens=tokens)
        elif len(tokens) > len(e.tokens) and set(e.tokens) <= set(tokens):
            e.name, e.tokens = m.name, tokens          # the fuller name wins
        e.enrich(m.titles, m.affiliations, m.gender)
        e.add_mention(m.start, m.end)
        return e

    # -- organisations, countries, groups -----------------------------------------------------------
    def key_of(self, kind: str, name: str) -> str:
        base = without_article(name)
        if kind in ("country", "group"):
            target = self.lex.nationalities.get(base.lower())
            if target:
                return f"{target[1]}:{fold(target[0])}"
        return f"{kind}:{fold(base)}"

    def add_named(self, m: Mention) -> Ent:
        person = self._person_named(m)
        if person is not None:
            person.add_mention(m.start, m.end)
            return person
        key = self.key_of(m.kind, m.name)
        e = self._by_key.get(key)
        if e is None and m.kind == "organization":
            e = self._same_initials(m.name)
            if e is not None:
                self._by_key[key] = e
        if e is None:
            target = self.lex.nationalities.get(without_article(m.name).lower()) if m.kind == "country" else None
            name = target[0] if target and target[1] == "country" else m.name   # "the U.S.": United States
            e = self.new(m.kind, name, key=key)
        short = m.short or without_article(m.text)
        if m.kind == "organization" and " " not in short and fold(short) != fold(m.name):
            self._by_key.setdefault(self.key_of("organization", short), e)   # "Phivolcs", the name in brackets
        e.add_mention(m.start, m.end)
        return e

    def organization_named(self, name: str) -> Ent | None:
        """The organisation known by this name or short name, if any."""
        e = self._by_key.get(self.key_of("organization", name))
        return e if e is not None and e.kind == "organization" else None

    def _person_named(self, m: Mention) -> Ent | None:
        """A known person whose surname the NER tagged as a place or organisation ("Borrell",
        "Kuleba" as GPE after "Josep Borrell", "Dmytro Kuleba"); never a country, acronym, outlet or
        a name with an organisation noun."""
        if m.kind not in ("country", "organization") or is_acronym(m.name) or self.lex.is_outlet(m.name):
            return None
        tokens = self.person_tokens(m.name)
        if (not tokens or m.name.lower() in self.lex.nationalities or self.lex.countries(m.name)
                or any(t in self.lex.organization_nouns for t in tokens)):
            return None
        person = self.match_person(tokens)
        return person if person is not None and len(person.tokens) > len(tokens) else None

    def _same_initials(self, name: str) -> Ent | None:
        """The organisation this acronym stands for ('AEOI' -> 'Atomic Energy Organization of Iran'), or
        the acronym already seen for this name, which then takes the full name."""
        if is_acronym(name):
            short = fold(without_article(name)).replace(".", "")
            return next((e for e in self.ents if e.kind == "organization" and acronym(e.name) == short), None)
        short = acronym(name)
        if short is None:
            return None
        for e in self.ents:
            if e.kind == "organization" and is_acronym(e.name) and fold(e.name).replace(".", "") == short:
                e.name = without_article(name)
                return e
        return None

    def add(self, m: Mention) -> Ent:
        return self.add_person(m) if m.kind == "person" else self.add_named(m)

    def group(self, name: str, start: int, end: int) -> Ent:
        """A group: 'Russia and Iran'; 'Western countries' and 'Western' are one group, the West."""
        base = without_article(name)
        rest = " ".join(w for w in base.split() if w.lower() not in self.lex.group_nouns)
        target = self.lex.nationalities.get(rest.lower())
        key = f"group:{fold(target[0])}" if target and target[1] == "group" else self.key_of("group", name)
        e = self._by_key.get(key) or self.new("group", without_article(name) or name, key=key)
        e.add_mention(start, end)
        return e

    def at(self, start: int, end: int, kinds=("person",)) -> Ent | None:
        """The entity with a mention inside [start, end), of one of ``kinds``: the leftmost."""
        best = None
        for e in self.ents:
            if e.kind not in kinds:
                continue
            for a, b in e.mentions:
                if a >= start and b <= end and (best is None or a < best[0]):
                    best = (a, e)
        return best[1] if best else None

    def countries_of(self, e: Ent) -> set[str]:
        out = set()
        if e.kind == "country":
            out.add(e.name if e.name not in self.lex.nationalities else self.lex.nationalities[e.name][0])
        for a in e.affiliations:
            out.update(self.lex.countries(a))
        return out

    def to_entities(self, keep: set[int]) -> tuple[list[Entity], dict[int, str]]:
        """Entities to output (persons and those in ``keep``), numbered e1.. by first mention."""
        chosen = [e for e in self.ents if e.mentions and (e.kind == "person" or e.idx in keep)]
        chosen.sort(key=lambda e: min(e.mentions))
        ids = {e.idx: f"e{n}" for n, e in enumerate(chosen, 1)}
        out = [Entity(id=ids[e.idx], name=e.name, kind=e.kind, titles=tuple(e.titles),
                      affiliations=tuple(e.affiliations), mentions=tuple(sorted(e.mentions)))
               for e in chosen]
        return out, ids
