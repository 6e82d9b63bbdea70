"""Chain gaps (缺链、弱链、断链风险): for a chain and a region, what each segment has locally.

Statuses (defined once here, in :data:`STATUSES`; every engine and output uses them)
-------------------------------------------------------------------------------------
Every local entry — a firm, institute, park, zone or project located in the region at any
depth, tied to the segment by ``operatesIn`` / ``hostsChain`` — is counted by
:func:`~chainkg.analyses.rows.entry_weight`: once, or as many as its own sentence counts
(``6家``); intentions and projects not yet operating count as planned; an administrative
area that hosts the segment with no firm named or counted is an *area statement*, never an
entry of its own.

=================  ====  ===================================================================
status             中文   when
=================  ====  ===================================================================
``present``        强    two or more entries in operation
``weak``           弱    exactly one entry in operation, or only area statements
``planned``        规划  only intentions or projects not yet operating
``missing``        缺    nothing for this segment, while the sources name other segments of
                         this chain in the region: they cover the chain there, segment by segment
``unsegmented``    未细分 the sources place the chain in the region only as a whole (no segment)
``not_covered``    未覆盖 the sources never discuss this chain in the region
=================  ====  ===================================================================

The chain itself gets a status from its chain-level facts (:data:`CHAIN_STATUSES`):
``present`` (some fact places the chain in the region), ``planned`` (only intentions) or
``not_covered``.

Risks: ``single_local_supplier`` (exactly one local firm and nothing else), ``cut_point`` (the
segment is an articulation point of the template's flow and is weak, planned or missing:
losing it breaks the chain), ``no_local_supplier`` (missing, while a segment it feeds has
local entries).

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> report = chain_gaps(seed_kg(), "半导体", "南安市")
>>> report.chain_status, {s.status for s in report.segments}
('present', {'unsegmented'})
>>> report.chain_level[0].name
'南安芯谷半导体科技产业港'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import networkx as nx

from chainkg.analyses.engine import as_chain_graph
from chainkg.analyses.names import resolve_chain, resolve_region
from chainkg.analyses.rows import ORGANIZATION_CLASSES, EntryRow, SegmentRow, Tally, fact_basis, tally

__all__ = ["STATUSES", "STATUS_ZH", "STAGE_ZH", "CHAIN_STATUSES", "Entry", "SegmentGap", "GapReport", "chain_gaps",
           "segment_status", "chain_status", "gap_statuses", "gap_outline"]

#: Segment statuses, strongest first, with their Chinese labels.
STATUS_ZH = {"present": "强", "weak": "弱", "planned": "规划", "missing": "缺", "unsegmented": "未细分",
             "not_covered": "未覆盖"}
STATUSES = tuple(STATUS_ZH)
#: Chinese names of the template stages.
STAGE_ZH = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
#: Statuses of a chain as a whole in a region (from its chain-level facts).
CHAIN_STATUSES = ("present", "planned", "not_covered")


@dataclass(frozen=True)
class Entry:
    """A local firm, place, project or area statement in a segment, with the sentences that say so."""

    iri: str
    name: str
    kind: str  # firm | place | project | area
    relation: str
    status: str | None
    confidence: float | None
    evidence: tuple[str, ...]
    modality: str | None = None
    stated_count: int | None = None
    note: str | None = None
    #: how the fact is known: stated / inferred / intended (``rows.fact_basis``)
    basis: str = "stated"


@dataclass(frozen=True)
class SegmentGap:
    iri: str
    name: str
    stage: str
    status: str  # one of STATUSES
    entries: tuple[Entry, ...]
    feeds: tuple[str, ...]
    fed_by: tuple[str, ...]
    risks: tuple[str, ...]
    established: int = 0  # entries in operation, stated counts included
    planned: int = 0


@dataclass(frozen=True)
class GapReport:
    chain: str
    chain_name: str
    region: str
    region_name: str
    engine: str
    segments: tuple[SegmentGap, ...]
    chain_level: tuple[Entry, ...] = field(default=())
    chain_status: str = "not_covered"  # one of CHAIN_STATUSES

    def counts(self) -> dict[str, int]:
        """How many segments have each status (every status listed, zeros included)."""
        return {status: sum(s.status == status for s in self.segments) for status in STATUSES}

    def to_dict(self) -> dict:
        return asdict(self)

    def to_frame(self):
        """One row per segment (pandas ``DataFrame``), Chinese status labels beside the codes.

        >>> from chainkg.analyses.embedded import seed_kg
        >>> frame = chain_gaps(seed_kg(), "LED", "安溪").to_frame()
        >>> frame.loc[frame["环节"] == "光电应用终端", ["状态", "在营数"]].values.tolist()
        [['强', 5]]
        """
        import pandas as pd

        return pd.DataFrame([{
            "产业链": self.chain_name, "地区": self.region_name, "环节": s.name, "位置": STAGE_ZH.get(s.stage, s.stage),
            "状态": STATUS_ZH[s.status], "status": s.status, "在营数": s.established, "规划数": s.planned,
            "本地主体": "、".join(entry_label(e) for e in s.entries),
            "依据": " | ".join(dict.fromkeys(x for e in s.entries for x in e.evidence)),
            "风险": "、".join(s.risks),
        } for s in self.segments])

    def to_frames(self) -> dict:
        """Sheet name → DataFrame: the segments, and the chain-level facts when there are any."""
        import pandas as pd

        from chainkg.analyses.rows import BASIS_ZH

        frames = {self.chain_name: self.to_frame()}
        if self.chain_level:
            frames[f"{self.chain_name}(整链)"] = pd.DataFrame([{
                "主体": entry_label(e), "关系": e.relation, "事实性质": BASIS_ZH[e.basis], "依据": " | ".join(e.evidence),
                "说明": e.note or ""} for e in self.chain_level])
        return frames


def entry_label(entry: Entry) -> str:
    """An entry as a planner reads it: its name, a stated count, and how it is known.

    >>> entry_label(Entry("x", "某县", "area", "hostsChain", None, 1.0, (), stated_count=6))
    '某县(6家)'
    >>> entry_label(Entry("x", "某集团", "firm", "operatesIn", None, 0.8, (), basis="inferred"))
    '某集团[推断]'
    """
    from chainkg.analyses.rows import BASIS_ZH

    text = entry.name + (f"({entry.stated_count}家)" if entry.stated_count else "")
    return text if entry.basis == "stated" else f"{text}[{BASIS_ZH[entry.basis]}]"


def _kind(row: EntryRow) -> str:
    classes = set(row.classes)
    if classes & ORGANIZATION_CLASSES:
        return "firm"
    if "Project" in classes:
        return "project"
    if "AdministrativeArea" in classes:
        return "area"
    return "place"


def _entry(row: EntryRow) -> Entry:
    return Entry(row.entity, row.name, _kind(row), row.predicate, row.status, row.confidence, row.evidence,
                 row.modality, row.stated_count, row.note, fact_basis(row.confidence, row.modality))


def segment_status(counted: Tally, *, segments_covered: bool, chain_covered: bool) -> str:
    """A segment's status from its tally and what the sources say of the chain in the region.

    >>> segment_status(Tally(established=6), segments_covered=True, chain_covered=True)
    'present'
    >>> segment_status(Tally(area_statements=1), segments_covered=True, chain_covered=False)
    'weak'
    >>> segment_status(Tally(planned=2), segments_covered=True, chain_covered=False)
    'planned'
    >>> [segment_status(Tally(), segments_covered=s, chain_covered=c) for s, c in ((True, False), (False, True), (False, False))]
    ['missing', 'unsegmented', 'not_covered']
    """
    if counted.established >= 2:
        return "present"
    if counted.established == 1 or counted.area_statements:
        return "weak"
    if counted.planned:
        return "planned"
    if segments_covered:
        return "missing"
    return "unsegmented" if chain_covered else "not_covered"


def chain_status(counted: Tally) -> str:
    """The chain's own status in a region from its chain-level tally.

    >>> chain_status(Tally(area_statements=1)), chain_status(Tally(planned=1)), chain_status(Tally())
    ('present', 'planned', 'not_covered')
    """
    if counted.established or counted.area_statements:
        return "present"
    return "planned" if counted.planned else "not_covered"


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
    by_segment: dict[str, list[EntryRow]] = {s.iri: [] for s in segment_rows}
    for row in rows:
        if row.target in by_segment:
            by_segment[row.target].append(row)
    chain_rows = [r for r in rows if r.target == chain_thing.iri]
    chain_level = tuple(sorted({_entry(r) for r in chain_rows}, key=lambda e: (e.kind, e.iri)))
    tallies = {iri: tally(found) for iri, found in by_segment.items()}
    chain_tally = tally(chain_rows)
    statuses = _statuses(tallies, chain_tally)
    cut_points = _cut_points(segment_rows)
    fed_by: dict[str, list[str]] = {s.iri: [] for s in segment_rows}
    for s in segment_rows:
        for target in s.feeds:
            if target in fed_by:
                fed_by[target].append(s.iri)
    segments = []
    for s in segment_rows:
        entries = tuple(sorted({_entry(r) for r in by_segment[s.iri]}, key=lambda e: (e.kind, e.iri)))
        status = statuses[s.iri]
        risks = []
        if tallies[s.iri] == Tally(established=1) and sum(e.kind == "firm" for e in entries) == 1:
            risks.append("single_local_supplier")
        if s.iri in cut_points and status in ("weak", "planned", "missing"):
            risks.append("cut_point")
        if status == "missing" and any(statuses.get(t) in ("present", "weak") for t in s.feeds):
            risks.append("no_local_supplier")
        segments.append(SegmentGap(
            iri=s.iri, name=s.name, stage=s.stage, status=status, entries=entries,
            feeds=s.feed_names or tuple(names.get(t, t) for t in s.feeds),
            fed_by=tuple(sorted(names[f] for f in fed_by[s.iri])),
            risks=tuple(risks), established=tallies[s.iri].established, planned=tallies[s.iri].planned,
        ))
    return GapReport(chain_thing.iri, chain_thing.name, region_thing.iri, region_thing.name, graph.engine,
                     tuple(segments), chain_level, chain_status(chain_tally))


def gap_statuses(kg, chains: list[str] | None = None, regions: list[str] | None = None) -> dict[tuple[str, str], dict[str, str]]:
    """Every chain × region at once: segment → status, and the chain's own IRI → its chain-level
    status, with the same rules as :func:`chain_gaps` but counts only (no evidence) — one pass
    for the embedded engines, one query in Cypher.

    ``chains`` and ``regions`` are IRIs (default: every chain; every county-level unit).

    Example
    -------
    >>> from chainkg.analyses.embedded import seed_kg
    >>> statuses = gap_statuses(seed_kg())
    >>> led = statuses[("https://w3id.org/chainkg/id/chain/optoelectronics", "https://w3id.org/chainkg/id/area/350524")]
    >>> led["https://w3id.org/chainkg/id/chain/optoelectronics/applications"], led["https://w3id.org/chainkg/id/chain/optoelectronics"]
    ('present', 'present')
    """
    graph = as_chain_graph(kg)
    things = graph.named_things()
    chains = chains or sorted(t.iri for t in things if "IndustrialChain" in t.classes)
    regions = regions or sorted(t.iri for t in things if t.admin_level == "county")
    segments = {chain: [s.iri for s in graph.chain_segments(chain)] for chain in chains}
    counts = graph.segment_counts([*chains, *(s for chain in chains for s in segments[chain])], regions)
    found: dict[tuple[str, str], dict[str, str]] = {}
    for chain in chains:
        for region in regions:
            chain_tally = counts.get((region, chain), Tally())
            statuses = _statuses({s: counts.get((region, s), Tally()) for s in segments[chain]}, chain_tally)
            found[(chain, region)] = {**statuses, chain: chain_status(chain_tally)}
    return found


def gap_outline(kg, chain: str, region: str) -> GapReport:
    """:func:`chain_gaps`'s segments and statuses from counts alone: no entries and no risks.

    What a question that needs only the statuses asks (招商 candidates): on a server that holds
    the stored entry counts it is one index look-up, where :func:`chain_gaps` lists every
    local entry of the chain with its sentences. The statuses are the same (a test).

    >>> from chainkg.analyses.embedded import seed_kg
    >>> outline, full = gap_outline(seed_kg(), "LED", "安溪"), chain_gaps(seed_kg(), "LED", "安溪")
    >>> [s.status for s in outline.segments] == [s.status for s in full.segments], outline.segments[0].entries
    (True, ())
    """
    graph = as_chain_graph(kg)
    chain_thing = resolve_chain(graph, chain)
    region_thing = resolve_region(graph, region)
    segment_rows = graph.chain_segments(chain_thing.iri)
    counts = graph.segment_counts([*(s.iri for s in segment_rows), chain_thing.iri], [region_thing.iri])
    tallies = {s.iri: counts.get((region_thing.iri, s.iri), Tally()) for s in segment_rows}
    chain_tally = counts.get((region_thing.iri, chain_thing.iri), Tally())
    statuses = _statuses(tallies, chain_tally)
    names = {s.iri: s.name for s in segment_rows}
    segments = tuple(SegmentGap(iri=s.iri, name=s.name, stage=s.stage, status=statuses[s.iri], entries=(),
                                feeds=s.feed_names or tuple(names.get(t, t) for t in s.feeds), fed_by=(), risks=(), established=tallies[s.iri].established,
                                planned=tallies[s.iri].planned)
                     for s in segment_rows)
    return GapReport(chain_thing.iri, chain_thing.name, region_thing.iri, region_thing.name, graph.engine,
                     segments, (), chain_status(chain_tally))


def _statuses(tallies: dict[str, Tally], chain_tally: Tally) -> dict[str, str]:
    """Each segment's status from its tally and the chain's own (the rules of :func:`segment_status`)."""
    covered = any(tallies.values())
    return {iri: segment_status(t, segments_covered=covered, chain_covered=bool(chain_tally))
            for iri, t in tallies.items()}
