"""Chain gaps (缺链、弱链、断链风险): for a chain and a region, what each segment has locally.

Rules
-----
- **Local** means the region itself or anything located in it at any depth: sub-areas,
  zones, parks, firms, projects.
- A segment's entries are local firms and institutes that operate in it, local places (the
  region, its zones and parks) that host it, and local projects in it — each with the
  sentences that say so.
- **present**: two or more entries, at least one of them not a project still in the works;
- **weak**: exactly one entry (one firm, one park), or only projects not yet in operation;
- **missing**: no entry at all. A segment the sources say nothing about is missing — never
  filled with a guess.
- Facts that tie a local entity to the chain but name no segment stay at chain level and are
  listed apart (``chain_level``).
- Risks: ``single_local_supplier`` (exactly one local firm), ``cut_point`` (the segment is an
  articulation point of the template's flow and is not present: losing it breaks the chain),
  ``no_local_supplier`` (missing, while a segment it feeds has local entries).

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> report = chain_gaps(seed_kg(), "半导体", "南安市")
>>> {s.status for s in report.segments}, len(report.segments)
({'missing'}, 8)
>>> report.chain_level[0].name
'南安芯谷半导体科技产业港'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import networkx as nx

from chainkg.analyses.engine import as_chain_graph
from chainkg.analyses.names import resolve_chain, resolve_region
from chainkg.analyses.rows import IN_THE_WORKS, ORGANIZATION_CLASSES, EntryRow, SegmentRow

__all__ = ["Entry", "SegmentGap", "GapReport", "chain_gaps", "classify_segment", "gap_statuses", "status_from_counts"]


@dataclass(frozen=True)
class Entry:
    """A local firm, place or project in a segment, with the sentences that say so."""

    iri: str
    name: str
    kind: str  # firm | place | project
    relation: str
    status: str | None
    confidence: float | None
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class SegmentGap:
    iri: str
    name: str
    stage: str
    status: str  # present | weak | missing
    entries: tuple[Entry, ...]
    feeds: tuple[str, ...]
    fed_by: tuple[str, ...]
    risks: tuple[str, ...]


@dataclass(frozen=True)
class GapReport:
    chain: str
    chain_name: str
    region: str
    region_name: str
    engine: str
    segments: tuple[SegmentGap, ...]
    chain_level: tuple[Entry, ...] = field(default=())

    def counts(self) -> dict[str, int]:
        """How many segments are present, weak and missing."""
        return {status: sum(s.status == status for s in self.segments) for status in ("present", "weak", "missing")}

    def to_dict(self) -> dict:
        return asdict(self)


def _kind(row: EntryRow) -> str:
    classes = set(row.classes)
    if classes & ORGANIZATION_CLASSES:
        return "firm"
    if "Project" in classes:
        return "project"
    return "place"


def _entry(row: EntryRow) -> Entry:
    return Entry(row.entity, row.name, _kind(row), row.predicate, row.status, row.confidence, row.evidence)


def classify_segment(entries: list[Entry]) -> str:
    """present / weak / missing by the rules in this module's docstring.

    >>> classify_segment([])
    'missing'
    >>> classify_segment([Entry("a", "A", "project", "operatesIn", "planned", 1.0, ())])
    'weak'
    """
    if not entries:
        return "missing"
    established = [e for e in entries if not (e.kind == "project" and e.status in IN_THE_WORKS)]
    if len(entries) >= 2 and established:
        return "present"
    return "weak"


def _cut_points(segment_rows: Sequence[SegmentRow]) -> set[str]:
    flow: nx.Graph[str] = nx.Graph()
    iris = {s.iri for s in segment_rows}
    flow.add_nodes_from(iris)
    flow.add_edges_from((s.iri, t) for s in segment_rows for t in s.feeds if t in iris)
    return set(nx.articulation_points(flow))


def chain_gaps(kg, chain: str, region: str) -> GapReport:
    """For each segment of ``chain``: stage, local entries, status, flow neighbours, risks.

    Parameters
    ----------
    kg
        The graph: a networkx ``MultiDiGraph`` from ``to_networkx`` (embedded engine), a
        loaded :class:`~chainkg.graph.neo4j_store.Neo4jStore` (Cypher engine), or an engine.
    chain, region
        Names in Chinese, English or pinyin, aliases, or IRIs.

    Returns
    -------
    GapReport
        Segments upstream → downstream, and the chain-level entries that name no segment.

    Example
    -------
    >>> from chainkg.analyses.embedded import seed_kg
    >>> report = chain_gaps(seed_kg(), "LED", "安溪")
    >>> [s.name for s in report.segments if s.status != "missing"]
    ['光电应用终端']
    >>> "光电产业应用终端企业" in next(s for s in report.segments if s.status != "missing").entries[0].evidence[0]
    True
    """
    graph = as_chain_graph(kg)
    chain_thing = resolve_chain(graph, chain)
    region_thing = resolve_region(graph, region)
    segment_rows = graph.chain_segments(chain_thing.iri)
    targets = [s.iri for s in segment_rows] + [chain_thing.iri]
    rows = graph.entries(targets, region_thing.iri, inside=True)
    names = {s.iri: s.name for s in segment_rows}
    by_segment: dict[str, list[Entry]] = {s.iri: [] for s in segment_rows}
    placed = set()
    for row in rows:
        if row.target in by_segment:
            by_segment[row.target].append(_entry(row))
            placed.add(row.entity)
    chain_level = tuple(sorted({_entry(r) for r in rows if r.target == chain_thing.iri and r.entity not in placed},
                               key=lambda e: e.iri))
    cut_points = _cut_points(segment_rows)
    fed_by: dict[str, list[str]] = {s.iri: [] for s in segment_rows}
    for s in segment_rows:
        for target in s.feeds:
            if target in fed_by:
                fed_by[target].append(s.iri)
    statuses = {iri: classify_segment(entries) for iri, entries in by_segment.items()}
    segments = []
    for s in segment_rows:
        entries = tuple(sorted(by_segment[s.iri], key=lambda e: (e.kind, e.iri)))
        status = statuses[s.iri]
        firms = {e.iri for e in entries if e.kind == "firm"}
        risks = []
        if len(firms) == 1:
            risks.append("single_local_supplier")
        if s.iri in cut_points and status != "present":
            risks.append("cut_point")
        if status == "missing" and any(statuses.get(t) != "missing" for t in s.feeds if t in statuses):
            risks.append("no_local_supplier")
        segments.append(SegmentGap(
            iri=s.iri, name=s.name, stage=s.stage, status=status, entries=entries,
            feeds=s.feed_names or tuple(names.get(t, t) for t in s.feeds),
            fed_by=tuple(sorted(names[f] for f in fed_by[s.iri])),
            risks=tuple(risks),
        ))
    return GapReport(chain_thing.iri, chain_thing.name, region_thing.iri, region_thing.name, graph.engine,
                     tuple(segments), chain_level)


def status_from_counts(entries: int, in_the_works: int) -> str:
    """:func:`classify_segment` on counts: entries, and how many are projects not yet operating.

    >>> status_from_counts(0, 0), status_from_counts(1, 0), status_from_counts(3, 3), status_from_counts(2, 1)
    ('missing', 'weak', 'weak', 'present')
    """
    if entries == 0:
        return "missing"
    return "present" if entries >= 2 and entries > in_the_works else "weak"


def gap_statuses(kg, chains: list[str] | None = None, regions: list[str] | None = None) -> dict[tuple[str, str], dict[str, str]]:
    """Every chain × region at once: segment → status, with the same rules as :func:`chain_gaps`
    but counts only (no evidence) — one pass for the embedded engine, one query in Cypher.

    ``chains`` and ``regions`` are IRIs (default: every chain; every county-level unit).

    Example
    -------
    >>> from chainkg.analyses.embedded import seed_kg
    >>> statuses = gap_statuses(seed_kg())
    >>> statuses[("https://w3id.org/chainkg/id/chain/optoelectronics", "https://w3id.org/chainkg/id/area/350524")][
    ...     "https://w3id.org/chainkg/id/chain/optoelectronics/applications"]
    'weak'
    """
    graph = as_chain_graph(kg)
    things = graph.named_things()
    chains = chains or sorted(t.iri for t in things if "IndustrialChain" in t.classes)
    regions = regions or sorted(t.iri for t in things if t.admin_level == "county")
    segments = {chain: [s.iri for s in graph.chain_segments(chain)] for chain in chains}
    counts = graph.segment_counts([s for chain in chains for s in segments[chain]], regions)
    return {
        (chain, region): {s: status_from_counts(*counts.get((region, s), (0, 0))) for s in segments[chain]}
        for chain in chains for region in regions
    }
