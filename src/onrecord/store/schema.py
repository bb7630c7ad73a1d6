"""The store's schema: one source of truth for every backend, and the ordered list of migrations.

Tables are declared once, with portable column types (``text``, ``int``, ``real``, ``bool``, ``bytes``,
``key``);
each backend maps those to its own SQL types (``Backend.TYPES``) and renders the DDL with
:func:`create_table`. Backend-only extras (SQLite's FTS5 index, PostgreSQL's tsvector column) live in
the backend module, not here.

A migration is a numbered step applied in its own transaction; the applied numbers are recorded in
``schema_migrations``. Never edit a released migration: append a new one.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str
    type: str                              # text | int | real | bool | bytes | key (auto-increment primary key)
    constraints: str = ""                  # portable SQL: "NOT NULL", "UNIQUE", "REFERENCES ..."


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    constraints: tuple[str, ...] = ()      # table constraints: PRIMARY KEY, UNIQUE, FOREIGN KEY, CHECK
    indexes: tuple[tuple[str, str], ...] = ()   # (index name, column list)

    @property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.type != "key")


def C(name: str, type_: str = "text", constraints: str = "") -> Column:  # noqa: N802 - a table row
    return Column(name, type_, constraints)


_ARTICLE_FK = "REFERENCES articles(id) ON DELETE CASCADE"

MIGRATIONS_TABLE = Table("schema_migrations", (
    C("version", "int", "PRIMARY KEY"), C("name", "text", "NOT NULL"), C("applied_at", "text", "NOT NULL"),
))

ARTICLES = Table("articles", (
    C("id", "text", "PRIMARY KEY"),
    C("content_hash", "text", "NOT NULL UNIQUE"),
    C("source"), C("url"), C("title"), C("outlet"), C("author"), C("published"), C("language"),
    C("license"),
    C("flags", "text", "NOT NULL DEFAULT '[]'"),          # JSON list
    C("text", "text", "NOT NULL"),
    C("pipeline", "text", "NOT NULL DEFAULT ''"),
    C("stored_at", "text", "NOT NULL"),
    C("record_json", "text", "NOT NULL"),                  # the whole Record, less article.text
), indexes=(("articles_outlet", "outlet"), ("articles_published", "published"),
            ("articles_pipeline", "pipeline")))

ENTITIES = Table("entities", (
    C("pk", "key"),
    C("article_id", "text", f"NOT NULL {_ARTICLE_FK}"),
    C("id", "text", "NOT NULL"),
    C("name", "text", "NOT NULL"),
    C("name_key", "text", "NOT NULL"),                     # see keys.speaker_key
    C("kind", "text", "NOT NULL"),
    C("titles", "text", "NOT NULL DEFAULT '[]'"),          # JSON lists
    C("affiliations", "text", "NOT NULL DEFAULT '[]'"),
    C("mentions", "text", "NOT NULL DEFAULT '[]'"),
), constraints=("UNIQUE (article_id, id)",), indexes=(("entities_name_key", "name_key"),))

STATEMENTS = Table("statements", (
    C("pk", "key"),
    C("article_id", "text", f"NOT NULL {_ARTICLE_FK}"),
    C("id", "text", "NOT NULL"),
    C("type", "text", "NOT NULL"),
    C("act", "text", "NOT NULL"),
    C("content", "text", "NOT NULL"),
    C("content_start", "int", "NOT NULL"), C("content_end", "int", "NOT NULL"),
    C("cue"), C("cue_start", "int"), C("cue_end", "int"),
    C("speaker"), C("speaker_text"), C("speaker_start", "int"), C("speaker_end", "int"),
    C("nested_in"), C("addressee"), C("addressee_start", "int"), C("addressee_end", "int"),
    C("venue"), C("via"),
    C("negated", "bool", "NOT NULL DEFAULT FALSE"),
    C("confidence", "real"),
), constraints=("UNIQUE (article_id, id)",
                "CHECK (0 <= content_start AND content_start <= content_end)"),
   indexes=(("statements_speaker", "article_id, speaker"), ("statements_act", "act")))

CLAIMS = Table("claims", (
    C("pk", "key"),
    C("article_id", "text", f"NOT NULL {_ARTICLE_FK}"),
    C("id", "text", "NOT NULL"),
    C("text", "text", "NOT NULL"),
    C("polarity"),
), constraints=("UNIQUE (article_id, id)",))

STANCES = Table("stances", (
    C("pk", "key"),
    C("article_id", "text", "NOT NULL"),
    C("claim_id", "text", "NOT NULL"),
    C("statement_id", "text", "NOT NULL"),
    C("speaker"),
    C("stance", "text", "NOT NULL"),
), constraints=("FOREIGN KEY (article_id, claim_id) REFERENCES claims(article_id, id) ON DELETE CASCADE",),
   indexes=(("stances_statement", "article_id, statement_id"), ("stances_claim", "article_id, claim_id")))


# -- migration 2: claims across articles (src/onrecord/claims, store/claims.py) -----------------------

GLOBAL_CLAIMS = Table("global_claims", (
    C("id", "text", "PRIMARY KEY"),
    C("text", "text", "NOT NULL"),
    C("polarity"),
    C("origin", "text", "NOT NULL DEFAULT 'extracted'"),   # extracted (from articles) | known (imported)
    C("external_id"), C("rating"), C("url"), C("source"),   # a known claim's fact-check
    C("vector", "text"),                                    # JSON list: the members' centroid
    C("n_claims", "int", "NOT NULL DEFAULT 0"),             # article claims folded into the centroid
    C("first_date"), C("last_date"),
    C("created_at", "text", "NOT NULL"),
), indexes=(("global_claims_origin", "origin"),))

CLAIM_MEMBERS = Table("claim_members", (
    C("pk", "key"),
    C("global_id", "text", "NOT NULL REFERENCES global_claims(id) ON DELETE CASCADE"),
    C("article_id", "text", f"NOT NULL {_ARTICLE_FK}"),
    C("claim_id"),                                          # the article's own claim, when via 'claim'
    C("statement_id", "text", "NOT NULL"),
    C("speaker"),
    C("stance", "text", "NOT NULL"),
    C("similarity", "real"),
    C("via", "text", "NOT NULL"),                           # claim (linked claim) | match (known claim)
), constraints=("UNIQUE (global_id, article_id, statement_id)",),
   indexes=(("claim_members_global", "global_id"), ("claim_members_article", "article_id")))

CLAIM_LINKED = Table("claim_linked", (
    C("article_id", "text", f"PRIMARY KEY {_ARTICLE_FK}"),
    C("pipeline", "text", "NOT NULL"),                     # the analysis that was linked
    C("linked_at", "text", "NOT NULL"),
))


# -- migration 3: each article claim's sentence vector (Claim.vector), so linking encodes nothing twice --

# float32, little-endian, 384 of them (the claims step's encode(claim.text)); NULL for rows stored before
# migration 3 and for records that came without vectors (read from JSON or Parquet).
CLAIM_VECTOR = C("vector", "bytes")
CLAIMS_NOW = Table(CLAIMS.name, CLAIMS.columns + (CLAIM_VECTOR,), CLAIMS.constraints, CLAIMS.indexes)


# -- migration 4: who made a known claim's fact-check and when (the ClaimReview export's author and date) --

REVIEWER = C("reviewer")
REVIEW_DATE = C("review_date")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    tables: tuple[Table, ...] = ()         # tables (and their indexes) this step creates
    sql: tuple[str, ...] = field(default=())   # further portable statements, run after the tables
    columns: tuple[tuple[str, Column], ...] = ()   # (table, column) this step adds to an existing table


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial: articles, entities, statements, claims, stances",
              tables=(ARTICLES, ENTITIES, STATEMENTS, CLAIMS, STANCES)),
    Migration(2, "claims across articles: global_claims, claim_members, claim_linked",
              tables=(GLOBAL_CLAIMS, CLAIM_MEMBERS, CLAIM_LINKED)),
    Migration(3, "claims.vector: each article claim's sentence vector",
              columns=((CLAIMS.name, CLAIM_VECTOR),)),
    Migration(4, "global_claims.reviewer, review_date: a known claim's fact-checker and review date",
              columns=((GLOBAL_CLAIMS.name, REVIEWER), (GLOBAL_CLAIMS.name, REVIEW_DATE))),
)

LATEST = MIGRATIONS[-1].version

# The record tables written by save(), in insert order (parents first).
RECORD_TABLES = (ENTITIES, STATEMENTS, CLAIMS_NOW, STANCES)


def create_table(table: Table, types: dict[str, str]) -> list[str]:
    """DDL for one table and its indexes, with portable types mapped through ``types``."""
    cols = [f"{c.name} {types[c.type]} {c.constraints}".rstrip() for c in table.columns]
    body = ",\n  ".join(cols + list(table.constraints))
    ddl = [f"CREATE TABLE IF NOT EXISTS {table.name} (\n  {body}\n)"]
    ddl += [f"CREATE INDEX IF NOT EXISTS {name} ON {table.name} ({cols_})" for name, cols_ in table.indexes]
    return ddl


def migration_sql(migration: Migration, types: dict[str, str]) -> list[str]:
    """Every statement of one migration, in order."""
    out: list[str] = []
    for table in migration.tables:
        out += create_table(table, types)
    for table_name, c in migration.columns:
        out.append(f"ALTER TABLE {table_name} ADD COLUMN {c.name} {types[c.type]} {c.constraints}".rstrip())
    return out + list(migration.sql)


def insert_sql(table: Table) -> str:
    """A portable INSERT with ``?`` placeholders for every column but the auto key."""
    names = table.column_names
    return f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' for _ in names)})"
