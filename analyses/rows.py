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
    "Tally",
    "Tie",
    "tally",
    "entry_weight",
    "fact_basis",
    "BASIS_ZH",
    "TIE_EXCLUDED",
    "ChainGraph",
    "OneAtATime",
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
IN_THE_WORKS = frozenset({"planned", "signed", "started", "under_construction"})


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
    modality: str | None = None  # "intended" for a plan or an encouragement, else stated
    stated_count: int | None = None  # firms or projects its sentence counts (6家)
    note: str | None = None


@dataclass(frozen=True)
class Designation:
    """An explicit 链主 / 龙头 statement."""

    kind: str | None
    chain: str
    chain_name: str
    confidence: float | None
    sentences: tuple[str, ...]
    scope: str | None
    note: str | None = None
    modality: str | None = None
    #: stated / inferred / intended (:func:`fact_basis`), filled from the two fields above so
    #: that JSON and DataFrames carry it
    basis: str = field(init=False, default="stated")

    def __post_init__(self) -> None:
        object.__setattr__(self, "basis", fact_basis(self.confidence, self.modality))


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


@dataclass(frozen=True)
class Tally:
    """What the sources say a place has of one chain or segment, counted.

    ``established``: local entries in operation — firms, institutes, parks, zones, operating
    projects — each counting once, or as many as its sentence counts (6家 → 6);
    ``planned``: intentions (modality *intended*) and projects not yet operating, likewise;
    ``area_statements``: an administrative area said to host it, with no firm named or counted
    (an area is never an entry of its own: "县 X hosts chain Y" says Y is there, not how much).
    """

    established: int = 0
    planned: int = 0
    area_statements: int = 0

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.established + other.established, self.planned + other.planned,
                     self.area_statements + other.area_statements)

    def __bool__(self) -> bool:
        return bool(self.established or self.planned or self.area_statements)


def entry_weight(classes: Sequence[str], status: str | None, modality: str | None, stated_count: int | None) -> Tally:
    """How one entry counts (see :class:`Tally`).

    >>> entry_weight(("Company",), None, None, None)
    Tally(established=1, planned=0, area_statements=0)
    >>> entry_weight(("AdministrativeArea",), None, None, 6)
    Tally(established=6, planned=0, area_statements=0)
    >>> entry_weight(("AdministrativeArea",), None, None, None)
    Tally(established=0, planned=0, area_statements=1)
    >>> entry_weight(("Project",), "under_construction", None, None), entry_weight(("Company",), None, "intended", 3)
    (Tally(established=0, planned=1, area_statements=0), Tally(established=0, planned=3, area_statements=0))
    """
    weight = stated_count or 1
    if modality == "intended" or ("Project" in classes and status in IN_THE_WORKS):
        return Tally(planned=weight)
    if "AdministrativeArea" in classes and stated_count is None:
        return Tally(area_statements=1)
    return Tally(established=weight)


def tally(rows: Sequence[EntryRow]) -> Tally:
    """The sum of :func:`entry_weight` over entry rows."""
    total = Tally()
    for row in rows:
        total += entry_weight(row.classes, row.status, row.modality, row.stated_count)
    return total


#: How a fact is known, and its Chinese label in every output.
BASIS_ZH = {"stated": "原文明述", "inferred": "推断", "intended": "规划/意向"}


def fact_basis(confidence: float | None, modality: str | None) -> str:
    """``stated`` (the source says it), ``inferred`` (confidence below 1: a loader or a reviewer
    concluded it, e.g. from a reference table) or ``intended`` (a plan, not a fact yet).

    >>> fact_basis(1.0, None), fact_basis(0.8, "stated"), fact_basis(1.0, "intended")
    ('stated', 'inferred', 'intended')
    """
    if modality == "intended":
        return "intended"
    return "inferred" if confidence is not None and confidence < 1 else "stated"


#: Relations that tie a thing to a chain or a stock exchange, not to a place: never a tie to a region.
TIE_EXCLUDED = frozenset({"operatesIn", "hostsChain", "leadsChain", "segmentOf", "feeds", "listedOn"})


@dataclass(frozen=True)
class Tie:
    """A relation between a firm and something in a region (or a 龙头 statement scoped to it)."""

    predicate: str
    other: str
    other_name: str
    evidence: tuple[str, ...] = ()


class ChainGraph(Protocol):
    """What the analyses need from a graph; see ``EmbeddedGraph`` and ``CypherGraph``."""

    engine: str

    def chain_segments(self, chain: str) -> list[SegmentRow]: ...

    def entries(self, targets: Sequence[str], region: str, *, inside: bool) -> list[EntryRow]: ...

    def organizations(self, chain: str | None, region: str | None) -> list[OrganizationRow]: ...

    def supply_centrality(self, region: str | None) -> dict[str, Centrality]: ...

    def segment_counts(self, targets: Sequence[str], regions: Sequence[str]) -> dict[tuple[str, str], Tally]: ...

    def ancestors(self, iri: str) -> list[tuple[str, str | None, str]]: ...

    def region_ties(self, iri: str, region: str) -> list[Tie]: ...

    def region_ties_many(self, iris: Sequence[str], region: str) -> dict[str, list[Tie]]:
        """``region_ties`` of each of ``iris`` (one round trip for an engine behind a server)."""
        ...

    def ancestors_many(self, iris: Sequence[str]) -> dict[str, list[tuple[str, str | None, str]]]:
        """``ancestors`` of each of ``iris``."""
        ...

    def untied_entries(self, targets: Sequence[str], region: str
                       ) -> tuple[list[EntryRow], dict[str, list[tuple[str, str | None, str]]]]:
        """The entries of ``targets`` by firms and institutes outside ``region`` that have no tie to
        it (``region_ties``), and each such firm's ancestors: what 招商 candidates are drawn from."""
        ...

    def named_things(self) -> list[PlaceName]: ...

    def designated(self, chain: str) -> dict[str, tuple[Designation, ...]]:
        """The firms and institutes a source designates 龙头 / 链主 of ``chain``, with their designations."""
        ...


class OneAtATime:
    """The batched and narrow look-ups of :class:`ChainGraph` from the general ones: for the
    in-memory engines, where a look-up costs no round trip."""

    def region_ties_many(self, iris: Sequence[str], region: str) -> dict[str, list[Tie]]:
        return {iri: self.region_ties(iri, region) for iri in iris}  # type: ignore[attr-defined]

    def ancestors_many(self, iris: Sequence[str]) -> dict[str, list[tuple[str, str | None, str]]]:
        return {iri: self.ancestors(iri) for iri in iris}  # type: ignore[attr-defined]

    def designated(self, chain: str) -> dict[str, tuple[Designation, ...]]:
        return {o.iri: o.designations for o in self.organizations(chain, None)  # type: ignore[attr-defined]
                if o.designations}

    def untied_entries(self, targets: Sequence[str], region: str
                       ) -> tuple[list[EntryRow], dict[str, list[tuple[str, str | None, str]]]]:
        rows = self.entries(targets, region, inside=False)  # type: ignore[attr-defined]
        ties = self.region_ties_many(sorted({r.entity for r in rows}), region)
        untied = [r for r in rows if not ties[r.entity]]
        return untied, self.ancestors_many(sorted({r.entity for r in untied}))
