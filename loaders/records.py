"""Records every loader produces and every writer consumes.

A loader turns one source into a :class:`FactSet`: the source document, the entities it
declares, the relations and observations it states, each with the span of text (or the
reference table) it came from. Fact sets from several sources merge into one.

Records are slotted dataclasses: a relation costs about 130 bytes, so a province-size set
(millions of relations) fits in a few hundred megabytes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

__all__ = [
    "Origin",
    "TextSpan",
    "SourceDocument",
    "Entity",
    "Mention",
    "Relation",
    "Observation",
    "FactSet",
]


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


@dataclass(slots=True)
class Entity:
    """An organization, place, chain or project, with every name it goes by."""

    id: str
    types: tuple[str, ...]
    name: str
    name_en: str | None = None
    aliases: tuple[str, ...] = ()
    division_code: str | None = None
    admin_level: str | None = None
    status: str | None = None
    note: str | None = None
    evidence: tuple[TextSpan, ...] = ()
    sources: tuple[str, ...] = ()
    origin: Origin | None = None


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
    leadership_kind: str | None = None
    scope: str | None = None
    scope_note: str | None = None
    note: str | None = None
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
    origin: Origin | None = field(default=None, compare=False)


@dataclass
class FactSet:
    """Everything known from one or more sources, ready for the graph writers."""

    sources: dict[str, SourceDocument] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    observations: list[Observation] = field(default_factory=list)

    def merge(self, other: "FactSet") -> "FactSet":
        """Add ``other`` into this set (in place) and return it.

        An entity declared twice keeps the first name and gains the other's types,
        aliases, evidence and sources.
        """
        self.sources.update(other.sources)
        for entity in other.entities.values():
            mine = self.entities.get(entity.id)
            if mine is None:
                self.entities[entity.id] = entity
                continue
            mine.types = _union(mine.types, entity.types)
            mine.aliases = _union(mine.aliases, (entity.name, *entity.aliases) if entity.name != mine.name else entity.aliases)
            mine.evidence = _union(mine.evidence, entity.evidence)
            mine.sources = _union(mine.sources, entity.sources)
            for attribute in ("name_en", "division_code", "admin_level", "status", "note"):
                if getattr(mine, attribute) is None:
                    setattr(mine, attribute, getattr(entity, attribute))
        self.mentions.extend(other.mentions)
        seen = set(self.relations)
        self.relations.extend(r for r in other.relations if r not in seen)
        seen_obs = set(self.observations)
        self.observations.extend(o for o in other.observations if o not in seen_obs)
        return self


def _union(first: tuple, second: tuple) -> tuple:
    return tuple(dict.fromkeys((*first, *second)))
