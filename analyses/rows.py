"""What an analysis asks of a graph, as plain rows — the contract between the analyses and
their two engines (networkx in memory, Cypher in Neo4j). Both engines answer with the same
rows; the analyses turn rows into results with one shared piece of logic."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

__all__ = [
    "SegmentRow",
    "EntryRow",
    "Designation",
    "OrganizationRow",
    "Centrality",
    "PlaceName",
    "ChainGraph",
    "ORGANIZATION_CLASSES",
    "PLACE_CLASSES",
    "NAMED_CLASSES",
    "IN_THE_WORKS",
]

ORGANIZATION_CLASSES = frozenset({"Company", "ResearchInstitute"})
PLACE_CLASSES = frozenset({"AdministrativeArea", "DevelopmentZone", "IndustrialPark"})
#: What names resolve to: places, chains and segments.
NAMED_CLASSES = PLACE_CLASSES | {"IndustrialChain", "ChainSegment"}
#: Project statuses that do not count as an established local presence yet.
IN_THE_WORKS = frozenset({"planned", "started", "under_construction"})


@dataclass(frozen=True)
class SegmentRow:
    iri: str
    name: str
    stage: str
    feeds: tuple[str, ...]  # IRIs of the segments it feeds (also in other chains)
    feed_names: tuple[str, ...] = ()  # their names, in the same order


@dataclass(frozen=True)
class EntryRow:
    """An entity tied to a chain or segment by hostsChain / operatesIn, with its evidence."""

    entity: str
    name: str
    classes: tuple[str, ...]
    status: str | None
    predicate: str
    target: str
    evidence: tuple[str, ...]
    confidence: float | None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Designation:
    """An explicit 链主 / 龙头 statement."""

    kind: str | None
    chain: str
    chain_name: str
    confidence: float | None
    sentences: tuple[str, ...]
    scope: str | None


@dataclass(frozen=True)
class OrganizationRow:
    iri: str
    name: str
    classes: tuple[str, ...]
    designations: tuple[Designation, ...]
    segments: tuple[str, ...]
    parks_developed: int
    listed_on: tuple[str, ...]
    reported_cny: float


@dataclass(frozen=True)
class Centrality:
    pagerank: float
    betweenness: float
    partners: int


@dataclass(frozen=True)
class PlaceName:
    """A chain, segment or place with every name it goes by (for name resolution)."""

    iri: str
    name: str
    name_en: str | None
    aliases: tuple[str, ...]
    classes: tuple[str, ...]
    admin_level: str | None = None
    extra: dict = field(default_factory=dict, compare=False, hash=False)


class ChainGraph(Protocol):
    """What the analyses need from a graph; see ``EmbeddedGraph`` and ``CypherGraph``."""

    engine: str

    def chain_segments(self, chain: str) -> list[SegmentRow]: ...

    def entries(self, targets: Sequence[str], region: str, *, inside: bool) -> list[EntryRow]: ...

    def organizations(self, chain: str | None, region: str | None) -> list[OrganizationRow]: ...

    def supply_centrality(self, region: str | None) -> dict[str, Centrality]: ...

    def segment_counts(self, targets: Sequence[str], regions: Sequence[str]) -> dict[tuple[str, str], tuple[int, int]]: ...

    def ancestors(self, iri: str) -> list[tuple[str, str | None, str]]: ...

    def ties_to_region(self, iri: str, region: str) -> int: ...

    def named_things(self) -> list[PlaceName]: ...
