"""Records every loader produces and every writer consumes.

A loader turns one source into a :class:`FactSet`: the source document, the entities it
declares, the relations and observations it states, each with the span of text (or the
reference table) it came from. Fact sets from several sources merge into one.

Records are frozen, slotted dataclasses: a relation costs about 130 bytes, so a province-size
set (millions of relations) fits in a few hundred megabytes, and a record handed to another
set can never change under it.

The attributes that every backend carries are declared here, once, with the ontology
property they become (:func:`term_field`): :mod:`chainkg.graph.mapping` reads
:data:`ENTITY_TERMS` and :data:`RELATION_QUALIFIERS` and writes them to RDF, Neo4j and the
analysis graphs, and the reviewed-facts reader takes relation qualifiers by their field name.
Adding a qualifier to relations is one field below, plus the property it names in the ontology
(``chainkg.ttl``, its Python name in ``ontology/terms.py``, allowed values in ``shapes.ttl``):
``graph.mapping`` refuses, on import, a term the ontology does not declare.

Example
-------
>>> [t.field for t in RELATION_QUALIFIERS]
['leadership_kind', 'modality', 'scope', 'scope_note', 'note', 'stated_count', 'stated_on', 'learned_on']
>>> next(t for t in RELATION_QUALIFIERS if t.field == "scope")
TermField(field='scope', term='scope', value='entity')
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "TermField",
    "term_field",
    "ENTITY_TERMS",
    "RELATION_QUALIFIERS",
    "Origin",
    "TextSpan",
    "SourceDocument",
    "Entity",
    "Mention",
    "Relation",
    "Observation",
    "FactSet",
]

#: How a value is written: plain text, Chinese text (``@zh`` in RDF), the id of an entity
#: (an IRI in RDF, the IRI's text in Neo4j and in the analysis graphs), a whole number
#: (``xsd:integer`` in RDF, an integer everywhere else), or a date at the precision a source
#: gives it (``2024``, ``2024-03``, ``2024-03-01``: ``xsd:gYear`` / ``xsd:gYearMonth`` /
#: ``xsd:date`` in RDF, that ISO text everywhere else, so dates compare as text).
ValueKind = Literal["text", "zh", "entity", "integer", "date"]


@dataclass(frozen=True, slots=True)
class TermField:
    """A record attribute and the ontology property (``ckg:<term>``) it is written as."""

    field: str
    term: str
    value: ValueKind = "text"


def term_field(term: str, value: ValueKind = "text") -> Any:
    """A record field (default ``None``) that every backend writes as ``ckg:<term>``.

    The Neo4j property is ``term``; the analysis graphs (networkx, compact) key it by the
    field's own name.
    """
    return field(default=None, metadata={"term": term, "value": value})


def _term_fields(record: type) -> tuple[TermField, ...]:
    return tuple(TermField(f.name, f.metadata["term"], f.metadata["value"])
                 for f in dataclasses.fields(record) if "term" in f.metadata)


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a record was written: the facts file and line, for error messages."""

    path: str
    line: int | None = None
    field_lines: tuple[tuple[str, int], ...] = ()

    def line_of(self, field: str) -> int | None:
        """The line of one field of the record, else the record's own line."""
        return dict(self.field_lines).get(field, self.line)

    def __str__(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A quoted span of a source document: ``text[start:end] == quote`` in the original file."""

    source_id: str
    start: int
    end: int
    quote: str
    plain_text: str = ""


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """An article or reference table facts come from."""

    id: str
    kind: str  # "article" | "reference_table"
    title: str
    file: Path | None = None
    sha256: str | None = None
    language: str | None = None
    published: str | None = None
    citation: str | None = None
    note: str | None = None
    #: When the graph learned this source (ISO date; ``loaders.dates.learned_date``).
    learned: str | None = None


@dataclass(frozen=True, slots=True)
class Entity:
    """An organization, place, chain or project, with every name it goes by."""

    id: str
    types: tuple[str, ...]
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    division_code: str | None = term_field("divisionCode")
    admin_level: str | None = term_field("adminLevel")
    status: str | None = term_field("status")
    note: str | None = term_field("note")
    #: Hard keys from a registry: 统一社会信用代码 (GB 32100-2015, 18 characters) and stock code.
    credit_code: str | None = term_field("creditCode")
    stock_code: str | None = term_field("stockCode")
    evidence: tuple[TextSpan, ...] = ()
    sources: tuple[str, ...] = ()
    origin: Origin | None = field(default=None, compare=False)

    @property
    def type(self) -> str:
        """The entity's first class (an extracted entity has exactly one)."""
        return self.types[0]

    def merged_with(self, other: Entity) -> Entity:
        """A new entity: this one's name and values, gaining ``other``'s types, names,
        evidence and sources, and its values where this one has none."""
        names = (other.name, *other.aliases) if other.name != self.name else other.aliases
        filled = {f.field: getattr(other, f.field) for f in ENTITY_TERMS if getattr(self, f.field) is None}
        return dataclasses.replace(
            self, types=_union(self.types, other.types), aliases=_union(self.aliases, names),
            evidence=_union(self.evidence, other.evidence), sources=_union(self.sources, other.sources),
            name_en=self.name_en if self.name_en is not None else other.name_en, **filled)


@dataclass(frozen=True, slots=True)
class Mention:
    """A source naming an entity declared elsewhere (a county, a zone)."""

    entity_id: str
    source_id: str
    evidence: tuple[TextSpan, ...]
    origin: Origin | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """One relation as one source states it (the same triple may come from several)."""

    subject: str
    predicate: str
    object: str
    source_id: str
    confidence: Decimal = Decimal("1")
    method: str = "reviewed"
    evidence: TextSpan | None = None
    # qualifiers: each reaches every backend through chainkg.graph.mapping
    leadership_kind: str | None = term_field("leadershipKind")
    modality: str | None = term_field("modality")  # "stated" or "intended"
    scope: str | None = term_field("scope", "entity")
    scope_note: str | None = term_field("scopeNote", "zh")
    note: str | None = term_field("note")
    #: How many firms or projects the statement's own sentence counts (``6家``, ``10多家``) for
    #: this entry: set by :func:`chainkg.loaders.counts.link_stated_counts`.
    stated_count: int | None = term_field("statedCount", "integer")
    #: The date the source states the fact for: a date in its sentence, else the source's own
    #: date (``loaders.dates``); None when neither says one (an *undated* fact).
    stated_on: str | None = term_field("statedOn", "date")
    #: When the graph learned the fact (the day its source was read in; ``loaders.dates.learned_date``).
    learned_on: str | None = term_field("learnedOn", "date")
    origin: Origin | None = field(default=None, compare=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.subject, self.predicate, self.object)


@dataclass(frozen=True, slots=True)
class Observation:
    """A reported figure: ``value`` ``unit`` of ``measure`` about an entity over a period."""

    about: str
    measure: str
    value: Decimal
    unit: str
    source_id: str
    bound: str = "exact"
    period_start: str | None = None
    period_end: str | None = None
    period_label: str | None = None
    project_status: str | None = None
    label: str | None = None
    evidence: TextSpan | None = None
    #: As on :class:`Relation`: the date the source states the figure for, and when the graph learned it.
    stated_on: str | None = None
    learned_on: str | None = None
    origin: Origin | None = field(default=None, compare=False)


@dataclass
class FactSet:
    """Everything known from one or more sources, ready for the graph writers."""

    sources: dict[str, SourceDocument] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)

    def merge(self, other: FactSet) -> FactSet:
        """Add ``other`` into this set (in place) and return it; ``other`` is left as it was.

        An entity declared twice keeps the first name and gains the other's types,
        aliases, evidence and sources (a new record: records are never edited).

        >>> a = FactSet(entities={"x": Entity("x", ("Company",), "甲")})
        >>> b = FactSet(entities={"x": Entity("x", ("ResearchInstitute",), "甲公司")})
        >>> b.merge(a).entities["x"].types, a.entities["x"].types
        (('ResearchInstitute', 'Company'), ('Company',))
        """
        self.sources.update(other.sources)
        for entity in other.entities.values():
            mine = self.entities.get(entity.id)
            self.entities[entity.id] = entity if mine is None else mine.merged_with(entity)
        self.mentions.extend(other.mentions)
        seen = set(self.relations)
        self.relations.extend(r for r in other.relations if r not in seen)
        seen_obs = set(self.observations)
        self.observations.extend(o for o in other.observations if o not in seen_obs)
        return self


def _union(first: tuple, second: tuple) -> tuple:
    return tuple(dict.fromkeys((*first, *second)))


#: Entity attributes written as ``ckg:<term>`` literals by every backend.
ENTITY_TERMS: tuple[TermField, ...] = _term_fields(Entity)
#: Relation qualifiers: on the statement node in RDF, on the relationship in Neo4j, on the
#: edge in the analysis graphs.
RELATION_QUALIFIERS: tuple[TermField, ...] = _term_fields(Relation)


#: Registry keys resolution joins on before any name (``loaders.resolve``): 统一社会信用代码, stock code.
IDENTIFIER_FIELDS = ("credit_code", "stock_code")


def entity_identifiers(entity: Entity) -> dict[str, str]:
    """The registry keys an entity carries, by field (none for an entity from an article).

    >>> entity_identifiers(Entity("org/a", ("Company",), "甲乙纸业"))
    {}
    """
    return {key: value for key in IDENTIFIER_FIELDS if (value := getattr(entity, key, None))}
