"""The Cypher engine: answers the analyses' questions inside Neo4j.

Every question is one Cypher query; only the rows an analysis needs come back (the segments
of one chain, the entries of one region), so Python never holds the graph. PageRank and
betweenness on the supply network are computed in Cypher too (power iteration over lists;
``allShortestPaths``) — no server plugin needed.

Example
-------
>>> from chainkg.graph.neo4j_store import connect              # doctest: +SKIP
>>> graph = CypherGraph(connect(settings))                      # doctest: +SKIP
>>> chain_gaps(graph, "半导体", "南安市")                          # doctest: +SKIP
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Sequence

from chainkg.analyses.embedded import BETWEENNESS_EXACT_MAX, centrality_of
from chainkg.analyses.rows import (
    IN_THE_WORKS,
    TIE_EXCLUDED,
    Centrality,
    Designation,
    EntryRow,
    OrganizationRow,
    PlaceName,
    SegmentRow,
    Tally,
    Tie,
    entry_weight,
)
from chainkg.graph.neo4j_store import HELPER_LABEL, LoadChanges, LoadReport, Neo4jStore
from chainkg.loaders.extract_status import STATUS_MEASURE, STATUSES
from chainkg.ontology import RELATIONS
from chainkg.ontology.templates import flow_order

__all__ = ["CypherGraph", "PAGERANK_ITERATIONS", "refresh_entry_counts", "entry_counts_fresh", "load_and_count",
           "ENTRY_COUNT_KIND", "HELPER_LABEL"]

#: Power iterations for PageRank in Cypher (0.85¹⁰⁰ ≈ 9·10⁻⁸: converged for our purposes).
PAGERANK_ITERATIONS = 100
_MAX_DEPTH = 8  # locatedIn hops: firm → park → zone → county → prefecture → province

_PREDICATE_OF_TYPE = {relation.neo4j_type: name for name, relation in RELATIONS.items()}
_EXCLUDED_TYPES = sorted(RELATIONS[name].neo4j_type for name in TIE_EXCLUDED)

_IN_REGION = f"EXISTS {{ MATCH (x)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(:Entity {{iri: $region}}) }}"

_SEGMENTS = """
MATCH (s:ChainSegment)-[:SEGMENT_OF]->(:Entity {iri: $chain})
RETURN s.iri AS iri, s.name AS name, s.stage AS stage, [(s)-[:FEEDS]->(t) | [t.iri, t.name]] AS feeds
"""

_ENTRIES = f"""
MATCH (u:Entity)-[r:HOSTS_CHAIN|OPERATES_IN]->(t:Entity)
WHERE t.iri IN $targets
  AND (CASE WHEN $inside THEN true ELSE (u:Company OR u:ResearchInstitute) END)
  AND EXISTS {{ MATCH (u)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(:Entity {{iri: $region}}) }} = $inside
RETURN u.iri AS entity, u.name AS name, [l IN labels(u) WHERE l <> 'Entity'] AS classes, u.status AS status,
       CASE type(r) WHEN 'HOSTS_CHAIN' THEN 'hostsChain' ELSE 'operatesIn' END AS predicate,
       t.iri AS target, coalesce(r.evidence, []) AS evidence, r.confidence AS confidence, coalesce(r.sources, []) AS sources,
       r.modality AS modality, r.statedCount AS statedCount, r.note AS note
"""

# How one entry counts (rows.entry_weight, in Cypher): [established, planned, area statements].
_WEIGHT = f"""
CASE WHEN coalesce(r.modality, '') = 'intended' OR (u:Project AND u.status IN {sorted(IN_THE_WORKS)})
       THEN [0, coalesce(r.statedCount, 1), 0]
     WHEN u:AdministrativeArea AND r.statedCount IS NULL THEN [0, 0, 1]
     ELSE [coalesce(r.statedCount, 1), 0, 0] END"""

# Every region × segment in one query: entries counted as rows.Tally counts them.
_SEGMENT_COUNTS = f"""
MATCH (region:Entity) WHERE region.iri IN $regions
MATCH (region)<-[:LOCATED_IN*0..{_MAX_DEPTH}]-(u:Entity)-[r:OPERATES_IN|HOSTS_CHAIN]->(t:Entity)
WHERE t.iri IN $targets
WITH DISTINCT region, t, u, r
WITH region, t, {_WEIGHT} AS weight
RETURN region.iri AS region, t.iri AS target, sum(weight[0]) AS established, sum(weight[1]) AS planned,
       sum(weight[2]) AS areaStatements
"""

# The same counts, precomputed by ``refresh_entry_counts`` into helper nodes and read back
# with one index lookup. Where helper data lives: Neo4j Community has one user database, so not
# in a database of its own; every helper node carries the one label HELPER_LABEL
# (``_ChainkgIndex``) and no other, and a ``kind``:
#   (:_ChainkgIndex {kind: 'entry_count', target, place, established, planned, areaStatements})
#   (:_ChainkgIndex {kind: 'entry_count_stamp', shape})
# No Entity label, no iri: exports, the cookbook and ``MATCH (n:Entity)`` never see them; an app
# that lists every node or label leaves the label out (README, "Neo4j").
ENTRY_COUNT_KIND = "entry_count"
_STAMP_KIND = "entry_count_stamp"
_HELPER = f"`{HELPER_LABEL}`"
_SUMMARY_SCHEMA = (
    f"CREATE INDEX chainkg_entry_count IF NOT EXISTS FOR (c:{_HELPER}) ON (c.target, c.place)",
    f"CREATE INDEX chainkg_index_kind IF NOT EXISTS FOR (c:{_HELPER}) ON (c.kind)",
)
# Helper nodes of earlier versions, which carried labels of their own (EntryCount, EntryCountStamp).
_LEGACY = ("DROP INDEX entry_count_target IF EXISTS", "MATCH (n:EntryCount|EntryCountStamp) DETACH DELETE n")
# What the counts depend on, read from Neo4j's count store (constant time at any size).
_GRAPH_SHAPE = """
CALL () { MATCH (n:Entity) RETURN count(n) AS entities }
CALL () { MATCH ()-[r:OPERATES_IN]->() RETURN count(r) AS operatesIn }
CALL () { MATCH ()-[r:HOSTS_CHAIN]->() RETURN count(r) AS hostsChain }
CALL () { MATCH ()-[r:LOCATED_IN]->() RETURN count(r) AS locatedIn }
CALL () { MATCH (p:Project) RETURN count(p) AS projects }
RETURN [entities, operatesIn, hostsChain, locatedIn, projects] AS shape
"""
_ENTRY_TARGETS = """
MATCH (t:Entity) WHERE EXISTS { (t)<-[:OPERATES_IN|HOSTS_CHAIN]-(:Entity) } RETURN t.iri AS iri ORDER BY iri
"""
# One target (chain or segment) at a time, so a transaction holds one target's entries.
_REFRESH_COUNTS = f"""
MATCH (u:Entity)-[r:OPERATES_IN|HOSTS_CHAIN]->(t:Entity {{iri: $target}})
WITH u, t, {_WEIGHT} AS weight,
     COLLECT {{ MATCH (u)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(p:Entity) RETURN DISTINCT p.iri }} AS places
UNWIND places AS place
WITH t.iri AS target, place, sum(weight[0]) AS established, sum(weight[1]) AS planned, sum(weight[2]) AS areaStatements
CREATE (:{_HELPER} {{kind: '{ENTRY_COUNT_KIND}', target: target, place: place, established: established,
                     planned: planned, areaStatements: areaStatements}})
RETURN count(*) AS written
"""
_STORED_COUNTS = f"""
MATCH (c:{_HELPER}) WHERE c.target IN $targets AND c.place IN $regions AND c.kind = '{ENTRY_COUNT_KIND}'
RETURN c.place AS region, c.target AS target, c.established AS established, c.planned AS planned,
       c.areaStatements AS areaStatements
"""
_STAMP = f"MATCH (s:{_HELPER} {{kind: '{_STAMP_KIND}'}}) RETURN s.shape AS shape"
_STORED_TOTAL = f"""
CALL () {{ MATCH (c:{_HELPER}) RETURN count(c) AS helpers }}
CALL () {{ MATCH (s:{_HELPER} {{kind: '{_STAMP_KIND}'}}) RETURN count(s) AS stamps }}
RETURN helpers - stamps AS total
"""

# Incremental refresh (``refresh_entry_counts`` with a load's changes). Entities placed below a
# place that the load located somewhere new: their entries now count in more places.
_PLACED_BELOW = f"""
UNWIND $starts AS start
MATCH (:Entity {{iri: start}})<-[:LOCATED_IN*0..{_MAX_DEPTH - 1}]-(u:Entity)
WHERE EXISTS {{ (u)-[:OPERATES_IN|HOSTS_CHAIN]->(:Entity) }}
RETURN DISTINCT u.iri AS iri
"""
# Every entry of these entities as it counts now (its weight's inputs, its places) and where it
# counted before the load: along paths that use none of the LOCATED_IN the load created.
_ENTRIES_OF = f"""
UNWIND $subjects AS subject
MATCH (u:Entity {{iri: subject}})-[r:OPERATES_IN|HOSTS_CHAIN]->(t:Entity)
RETURN u.iri AS entity, type(r) AS type, t.iri AS target, labels(u) AS labels, u.status AS status,
       r.modality AS modality, r.statedCount AS statedCount,
       COLLECT {{ MATCH (u)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(p:Entity) RETURN DISTINCT p.iri }} AS places,
       COLLECT {{ MATCH path = (u)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(p:Entity)
                 WHERE none(l IN relationships(path) WHERE [startNode(l).iri, endNode(l).iri] IN $created)
                 RETURN DISTINCT p.iri }} AS placesBefore
"""
# Add each (target, place)'s change; a count that falls to nothing goes, as a full refresh would
# never have written it (every entry weighs at least 1 in one column).
_APPLY_DELTAS = f"""
UNWIND $rows AS row
MERGE (c:{_HELPER} {{kind: '{ENTRY_COUNT_KIND}', target: row.target, place: row.place}})
  ON CREATE SET c.established = 0, c.planned = 0, c.areaStatements = 0
SET c.established = c.established + row.delta[0], c.planned = c.planned + row.delta[1],
    c.areaStatements = c.areaStatements + row.delta[2]
WITH c WHERE c.established = 0 AND c.planned = 0 AND c.areaStatements = 0
DELETE c
"""
#: Relationship types whose writes change entry counts, and node properties that do (``labels``:
#: a Project or AdministrativeArea label; ``status``: a project's) — the inputs of ``_WEIGHT``.
_ENTRY_TYPES = frozenset({RELATIONS["operatesIn"].neo4j_type, RELATIONS["hostsChain"].neo4j_type})
_LOCATED_TYPE = RELATIONS["locatedIn"].neo4j_type
_WEIGHT_INPUTS = frozenset({"labels", "status"})

# With a chain, its firms are found from the chain and its segments (a million firms are never
# scanned for the few that work in it); without, every firm or institute in any chain.
_ORGANIZATIONS = f"""
CALL () {{
  WITH $chain AS chain WHERE chain IS NULL
  MATCH (o:Entity) WHERE (o:Company OR o:ResearchInstitute) AND EXISTS {{ (o)-[:OPERATES_IN|LEADS_CHAIN]->() }}
  RETURN o
  UNION
  MATCH (:Entity {{iri: $chain}})<-[:OPERATES_IN|LEADS_CHAIN]-(o:Entity) WHERE o:Company OR o:ResearchInstitute
  RETURN o
  UNION
  MATCH (:Entity {{iri: $chain}})<-[:SEGMENT_OF]-()<-[:OPERATES_IN|LEADS_CHAIN]-(o:Entity) WHERE o:Company OR o:ResearchInstitute
  RETURN o
}}
WITH o, [(o)-[l:LEADS_CHAIN]->(c) WHERE $chain IS NULL OR c.iri = $chain |
         {{kind: l.leadershipKind, chain: c.iri, chainName: c.name, confidence: l.confidence,
          sentences: coalesce(l.evidence, []), scope: l.scope, note: l.note, modality: l.modality}}] AS designations
WHERE $region IS NULL
   OR EXISTS {{ MATCH (o)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(:Entity {{iri: $region}}) }}
   OR any(d IN designations WHERE d.scope = $region)
RETURN o.iri AS iri, o.name AS name, [l IN labels(o) WHERE l <> 'Entity'] AS classes, designations,
       [(o)-[:OPERATES_IN]->(s:ChainSegment) WHERE $chain IS NULL OR EXISTS {{ (s)-[:SEGMENT_OF]->(:Entity {{iri: $chain}}) }} | s.iri] AS segments,
       [(p:IndustrialPark)-[:DEVELOPED_BY]->(o) | coalesce(p.reportedMaxCNY, 0.0)] AS parks,
       [(o)-[:LISTED_ON]->(x) | x.name] AS listed,
       coalesce(o.reportedMaxCNY, 0.0) AS reported
"""

# Only the designated: the few firms with a LEADS_CHAIN to the chain (organizations() of a
# chain reads every firm in it, which 招商 candidates never needed).
_DESIGNATED = """
MATCH (o:Entity)-[l:LEADS_CHAIN]->(c:Entity {iri: $chain})
WHERE o:Company OR o:ResearchInstitute
RETURN o.iri AS iri, collect({kind: l.leadershipKind, chain: c.iri, chainName: c.name, confidence: l.confidence,
        sentences: coalesce(l.evidence, []), scope: l.scope, note: l.note, modality: l.modality}) AS designations
"""

_SUPPLY_NODES = f"""
MATCH (x:Entity)-[:SUPPLIES_TO]-(y:Entity)
WHERE $region IS NULL OR ({_IN_REGION} AND EXISTS {{ MATCH (y)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(:Entity {{iri: $region}}) }})
RETURN DISTINCT x.iri AS iri ORDER BY iri
"""

# PageRank by power iteration, all in Cypher: nodes are indexed by their place in $nodes;
# each iteration spreads rank along SUPPLIES_TO and shares the rank of dangling nodes evenly.
_PAGERANK = """
WITH $nodes AS nodes, size($nodes) AS n, 0.85 AS d
UNWIND range(0, n - 1) AS i
MATCH (x:Entity {iri: nodes[i]})
WITH nodes, n, d, i,
     [(y:Entity)-[:SUPPLIES_TO]->(x) WHERE y.iri IN nodes | y.iri] AS inIris,
     size([(x)-[:SUPPLIES_TO]->(z:Entity) WHERE z.iri IN nodes | z]) AS outDegree
ORDER BY i
WITH nodes, n, d,
     collect([k IN range(0, n - 1) WHERE nodes[k] IN inIris]) AS ins,
     collect(outDegree) AS outs
WITH nodes, n, d, ins, outs,
     reduce(rank = [k IN range(0, n - 1) | 1.0 / n], iteration IN range(1, $iterations) |
       [dangling IN [reduce(s = 0.0, j IN range(0, n - 1) | s + CASE WHEN outs[j] = 0 THEN rank[j] ELSE 0.0 END)] |
         [k IN range(0, n - 1) | (1.0 - d) / n + d * (reduce(s = 0.0, j IN ins[k] | s + rank[j] / outs[j]) + dangling / n)]
       ][0]) AS rank
UNWIND range(0, n - 1) AS i
RETURN nodes[i] AS iri, rank[i] AS pagerank
"""

# Betweenness (directed, normalized like networkx): share of shortest paths through each node.
_BETWEENNESS = """
MATCH (a:Entity), (b:Entity)
WHERE a.iri IN $nodes AND b.iri IN $nodes AND a <> b
MATCH p = allShortestPaths((a)-[:SUPPLIES_TO*]->(b))
WHERE all(m IN nodes(p) WHERE m.iri IN $nodes)
WITH a, b, collect(p) AS paths
WITH size(paths) AS total, paths
UNWIND paths AS p
UNWIND nodes(p)[1..-1] AS middle
RETURN middle.iri AS iri, sum(1.0 / total) AS through
"""

# The same as of $asOf: each hop known then (a predicate on every relationship, which the
# shortest-path search applies hop by hop; an OR with "no date asked" would make it search exhaustively).
_BETWEENNESS_AS_OF = _BETWEENNESS.replace(
    "WHERE all(m IN nodes(p) WHERE m.iri IN $nodes)",
    "WHERE all(m IN nodes(p) WHERE m.iri IN $nodes)\n  AND all(s IN relationships(p) WHERE s.knownSince IS NULL OR s.knownSince <= $asOf)")

_SUPPLY_EDGES = """
MATCH (x:Entity)-[:SUPPLIES_TO]->(y:Entity)
WHERE x.iri IN $nodes AND y.iri IN $nodes
RETURN x.iri AS a, y.iri AS b
"""

_PARTNERS = """
UNWIND $nodes AS node
MATCH (x:Entity {iri: node})
RETURN node AS iri, size(collect { MATCH (x)-[:SUPPLIES_TO]-(y:Entity) WHERE y.iri IN $nodes RETURN DISTINCT y }) AS partners
"""

_ANCESTORS = f"""
MATCH (:Entity {{iri: $iri}})-[:LOCATED_IN*1..{_MAX_DEPTH}]->(a:AdministrativeArea)
RETURN DISTINCT a.iri AS iri, a.adminLevel AS level, a.name AS name ORDER BY iri
"""

# Any relation but a chain one between the firm and something in the region, and 龙头 / 链主
# statements scoped to a place in the region (rows.Tie).
_TIES = f"""
MATCH (f:Entity {{iri: $iri}})-[r]-(x:Entity)
WHERE NOT type(r) IN $excluded AND {_IN_REGION}
RETURN DISTINCT type(r) AS type, x.iri AS other, x.name AS name, coalesce(r.evidence, []) AS evidence
UNION
MATCH (f:Entity {{iri: $iri}})-[r:LEADS_CHAIN]->()
MATCH (x:Entity {{iri: r.scope}})
WHERE {_IN_REGION}
RETURN DISTINCT 'LEADS_CHAIN' AS type, x.iri AS other, x.name AS name, coalesce(r.evidence, []) AS evidence
"""

# The same, for many firms in one query (招商 candidates ask it of every outside firm).
_TIES_MANY = f"""
UNWIND $iris AS iri
MATCH (f:Entity {{iri: iri}})
CALL (f) {{
  MATCH (f)-[r]-(x:Entity)
  WHERE NOT type(r) IN $excluded AND {_IN_REGION}
  RETURN DISTINCT type(r) AS type, x.iri AS other, x.name AS name, coalesce(r.evidence, []) AS evidence
  UNION
  MATCH (f)-[r:LEADS_CHAIN]->()
  MATCH (x:Entity {{iri: r.scope}})
  WHERE {_IN_REGION}
  RETURN DISTINCT 'LEADS_CHAIN' AS type, x.iri AS other, x.name AS name, coalesce(r.evidence, []) AS evidence
}}
RETURN f.iri AS iri, type, other, name, evidence
"""

_ANCESTORS_MANY = f"""
UNWIND $iris AS iri
MATCH (:Entity {{iri: iri}})-[:LOCATED_IN*1..{_MAX_DEPTH}]->(a:AdministrativeArea)
RETURN DISTINCT iri, a.iri AS ancestor, a.adminLevel AS level, a.name AS name
"""
_MANY_BATCH = 2_000  # firms per query

# 招商 candidates in one query: outside firms' entries, only of firms with no tie to the region
# (a tie found ends the firm's search: only whether there is one matters), with their ancestors.
# Where an outside firm is located is outside the region by definition: those edges are not
# looked at again (one neighbour in ten at 1M firms; the rest are supply partners).
_UNTIED_ENTRIES = f"""
MATCH (region:Entity {{iri: $region}})
MATCH (u:Entity)-[r:HOSTS_CHAIN|OPERATES_IN]->(t:Entity)
WHERE t.iri IN $targets AND (u:Company OR u:ResearchInstitute)
  AND NOT EXISTS {{ MATCH (u)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(region) }}
WITH region, u, collect([type(r), t.iri, coalesce(r.evidence, []), r.confidence, coalesce(r.sources, []), r.modality,
                         r.statedCount, r.note]) AS entries
WHERE NOT EXISTS {{
        MATCH (u)-[s]-(x:Entity)
        WHERE NOT type(s) IN $excluded AND NOT (type(s) = 'LOCATED_IN' AND startNode(s) = u)
          AND EXISTS {{ MATCH (x)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(region) }} }}
  AND NOT EXISTS {{
        MATCH (u)-[s:LEADS_CHAIN]->()
        MATCH (x:Entity {{iri: s.scope}})
        WHERE EXISTS {{ MATCH (x)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(region) }} }}
RETURN u.iri AS entity, u.name AS name, [l IN labels(u) WHERE l <> 'Entity'] AS classes, u.status AS status, entries,
       COLLECT {{ MATCH (u)-[:LOCATED_IN*1..{_MAX_DEPTH}]->(a:AdministrativeArea)
                  RETURN DISTINCT [a.iri, a.adminLevel, a.name] }} AS places
"""

_NAMED = """
MATCH (n:Entity)
WHERE n:IndustrialChain OR n:ChainSegment OR n:AdministrativeArea OR n:DevelopmentZone OR n:IndustrialPark
RETURN n.iri AS iri, n.name AS name, n.nameEn AS nameEn, coalesce(n.aliases, []) + coalesce(n.aliasesEn, []) AS aliases,
       [l IN labels(n) WHERE l <> 'Entity'] AS classes, n.adminLevel AS level
ORDER BY iri
"""


# -- as of a date (analyses.timeline states the rules) ---------------------------------------
_KNOWN = "({0}.knownSince IS NULL OR {0}.knownSince <= $asOf)"
_RELATIONSHIP = re.compile(r"(<-|-)\[(\w*)((?::[A-Z_|]+)?)(\*(\d*)(?:\.\.(\d*))?)?\](->|-)")
_VARIABLES = itertools.count()


def _timed_relationship(match: re.Match) -> str:
    before, variable, types, hops, low, high, after = match.groups()
    if hops is not None and not types:
        return match.group(0)  # allShortestPaths over SUPPLIES_TO*: filtered by its caller
    name = variable or f"_t{next(_VARIABLES)}"
    if hops is None:
        return f"{before}[{name}{types} WHERE {_KNOWN.format(name)}]{after}"
    # a path of located-in hops: each hop known then (a quantified path pattern)
    low = low or "1"
    return " (()" + f"{before}[{name}{types} WHERE {_KNOWN.format(name)}]{after}" + f"()){{{low},{high}}} "


# A thing's status as of $asOf (extract_status.decided_status, in Cypher): its latest status statement
# known then, the most advanced of one date; with none known, its first; with no statement, u.status.
_STATUS_RANK = "CASE _s.projectStatus " + " ".join(f"WHEN '{s}' THEN {i}" for i, s in enumerate(STATUSES)) + " END"
_STATUS_AS_OF = f"""coalesce(head(COLLECT {{
  MATCH (_s:Observation)-[:REF_ENTITY]->(u) WHERE _s.measure = '{STATUS_MEASURE}' AND _s.projectStatus IN {list(STATUSES)}
  WITH _s, (_s.statedOn IS NULL OR _s.statedOn <= $asOf) AS _known
  RETURN _s.projectStatus ORDER BY _known DESC, CASE WHEN _known THEN coalesce(_s.statedOn, '') END DESC,
         CASE WHEN NOT _known THEN _s.statedOn END ASC, {_STATUS_RANK} DESC LIMIT 1 }}), u.status)"""


def as_of_query(query: str) -> str:
    """``query`` asked of the graph as of ``$asOf``: every relationship it walks known then, and
    every modality it reads as it stood then (``analyses.timeline``).

    >>> as_of_query("MATCH (u)-[r:OPERATES_IN]->(t) RETURN r.modality")
    "MATCH (u)-[r:OPERATES_IN WHERE (r.knownSince IS NULL OR r.knownSince <= $asOf)]->(t) RETURN CASE WHEN r.statedSince > $asOf AND coalesce(r.modality, '') <> 'intended' THEN 'intended' ELSE r.modality END"
    """
    timed = _RELATIONSHIP.sub(_timed_relationship, query)
    timed = re.sub(r"\b([rl])\.modality\b",
                   r"CASE WHEN \1.statedSince > $asOf AND coalesce(\1.modality, '') <> 'intended' THEN 'intended' ELSE \1.modality END",
                   timed)
    # only the sentences said by then (evidenceStatedOn: each one's statement date, '' when undated)
    timed = re.sub(r"coalesce\(([rl])\.evidence, \[\]\)",
                   r"[_i IN range(0, size(coalesce(\1.evidence, [])) - 1) "
                   r"WHERE coalesce(\1.evidenceStatedOn[_i], '') <= $asOf | \1.evidence[_i]]", timed)
    return re.sub(r"\bu\.status\b", _STATUS_AS_OF, timed)  # after the relationships: its own pattern stays as is


# What an as-of answer leaves out, counts as planned, takes as undated (timeline.AsOf): the same
# relationships the embedded view counts, those that carry sources.
_AS_OF_NOTE = """
MATCH ()-[r]->() WHERE size(coalesce(r.sources, [])) > 0
RETURN sum(CASE WHEN r.knownSince > $asOf THEN 1 ELSE 0 END) AS leftOut,
       sum(CASE WHEN (r.knownSince IS NULL OR r.knownSince <= $asOf) AND r.statedSince > $asOf
                     AND coalesce(r.modality, '') <> 'intended' THEN 1 ELSE 0 END) AS plannedThen,
       sum(CASE WHEN r.knownSince IS NULL THEN 1 ELSE 0 END) AS undated
"""


# Relations with a date, for analyses.changes (the window is chosen in Python, as the embedded
# engine chooses it: one rule).
_DATED = """
MATCH (s:Entity)-[r]->(o:Entity) WHERE size(coalesce(r.sources, [])) > 0 AND r.knownSince IS NOT NULL
RETURN s.iri AS subject, s.name AS subjectName, type(r) AS type, o.iri AS object, o.name AS objectName,
       [l IN labels(o) WHERE l <> 'Entity'] AS classes, [(o)-[:SEGMENT_OF]->(c) | c.iri] AS chainOf,
       r.knownSince AS knownSince, r.statedSince AS statedSince, r.modality AS modality,
       coalesce(r.evidence, []) AS evidence, coalesce(r.evidenceStatedOn, []) AS evidenceDates, r.sources AS sources
"""
# Status statements of every project and park, and the chains each works in (analyses.changes).
_STATUS_STATEMENTS = f"""
MATCH (o:Observation)-[:REF_ENTITY]->(e:Entity) WHERE o.measure = '{STATUS_MEASURE}' AND o.projectStatus IS NOT NULL
WITH e, collect({{date: o.statedOn, status: o.projectStatus, text: coalesce(head(o.evidence), ''),
                 source: coalesce(head(o.sources), '')}}) AS statements
RETURN e.iri AS subject, e.name AS subjectName, statements,
       [(e)-[:OPERATES_IN|HOSTS_CHAIN]->(t) | CASE WHEN t:IndustrialChain THEN t.iri
                                                  ELSE head([(t)-[:SEGMENT_OF]->(c) | c.iri]) END] AS chains
"""
_WITHIN = f"""
UNWIND $iris AS iri
MATCH (x:Entity {{iri: iri}}) WHERE EXISTS {{ MATCH (x)-[:LOCATED_IN*0..{_MAX_DEPTH}]->(:Entity {{iri: $region}}) }}
RETURN x.iri AS iri
"""
_UNDATED = """
MATCH ()-[r]->() WHERE size(coalesce(r.sources, [])) > 0 AND r.knownSince IS NULL RETURN count(r) AS undated
"""


class CypherGraph:
    """Adapter from a loaded Neo4j database to the analyses' rows.

    ``as_of``: answer from the relations known at that ISO date only (``analyses.timeline``).
    """

    engine = "cypher"

    def __init__(self, store: Neo4jStore, as_of: str | None = None):
        self.store = store
        self.as_of = as_of
        self._timed: dict[str, str] = {}

    def _run(self, query: str, **parameters):
        """Run ``query`` as of ``self.as_of`` when there is one."""
        # Every query of this engine returns plain values: Neo4jStore.rows, not run
        if self.as_of is None:
            return self.store.rows(query, **parameters)
        if query not in self._timed:
            self._timed[query] = as_of_query(query)
        return self.store.rows(self._timed[query], asOf=self.as_of, **parameters)

    def dated_relations(self) -> tuple[list[dict], int]:
        """Every dated relation with what ``analyses.changes`` needs, and how many are undated."""
        rows = [{**r, "predicate": _PREDICATE_OF_TYPE[r["type"]]} for r in self.store.rows(_DATED)]
        undated = self.store.run(_UNDATED)[0]["undated"]
        return rows, undated

    def status_statements(self) -> list[dict]:
        """Every project's and park's status statements with the chains it works in (``analyses.changes``)."""
        return [{**r, "chains": [c for c in r["chains"] if c]} for r in self.store.rows(_STATUS_STATEMENTS)]

    def within(self, region: str, iris: Sequence[str]) -> set[str]:
        """Which of ``iris`` are ``region`` or lie in it, at any depth."""
        return {r["iri"] for r in self.store.rows(_WITHIN, region=region, iris=list(iris))}

    def as_of_note(self):
        """The :class:`~chainkg.analyses.timeline.AsOf` note of this graph's date."""
        from chainkg.analyses.timeline import AsOf

        row = self.store.run(_AS_OF_NOTE, asOf=self.as_of)[0]
        return AsOf(self.as_of or "", row["leftOut"], row["plannedThen"], row["undated"])

    def chain_segments(self, chain: str) -> list[SegmentRow]:
        rows = []
        for r in self._run(_SEGMENTS, chain=chain):
            feeds = sorted(r["feeds"])
            rows.append(SegmentRow(r["iri"], r["name"], r["stage"] or "", tuple(f[0] for f in feeds), tuple(f[1] for f in feeds)))
        return list(flow_order(rows, id_of=lambda r: r.iri))

    def entries(self, targets: Sequence[str], region: str, *, inside: bool) -> list[EntryRow]:
        rows = [
            EntryRow(r["entity"], r["name"], tuple(sorted(r["classes"])), r["status"], r["predicate"], r["target"],
                     tuple(r["evidence"]), r["confidence"], tuple(r["sources"]), r["modality"], r["statedCount"], r["note"])
            for r in self._run(_ENTRIES, targets=list(targets), region=region, inside=inside)
        ]
        return sorted(rows, key=lambda r: (r.target, r.entity, r.predicate))

    def segment_counts(self, targets, regions) -> dict[tuple[str, str], Tally]:
        """From the stored entry counts when they match the graph (see ``refresh_entry_counts``),
        else by walking every entry's places."""
        # stored counts are of the whole graph: an as-of question walks the entries
        query = _STORED_COUNTS if self.as_of is None and entry_counts_fresh(self.store) else _SEGMENT_COUNTS
        return {(r["region"], r["target"]): Tally(r["established"], r["planned"], r["areaStatements"])
                for r in self._run(query, targets=list(targets), regions=list(regions))}

    def organizations(self, chain: str | None, region: str | None) -> list[OrganizationRow]:
        rows = []
        for r in self._run(_ORGANIZATIONS, chain=chain, region=region):
            designations = _designations(r["designations"])
            rows.append(OrganizationRow(
                iri=r["iri"], name=r["name"], classes=tuple(sorted(r["classes"])), designations=designations,
                segments=tuple(sorted(r["segments"])), parks_developed=len(r["parks"]),
                listed_on=tuple(sorted(r["listed"])), reported_cny=float(max([r["reported"], *r["parks"]])),
            ))
        return sorted(rows, key=lambda r: r.iri)

    def designated(self, chain: str) -> dict[str, tuple[Designation, ...]]:
        return {r["iri"]: _designations(r["designations"]) for r in self._run(_DESIGNATED, chain=chain)}

    def supply_centrality(self, region: str | None) -> dict[str, Centrality]:
        nodes = [r["iri"] for r in self._run(_SUPPLY_NODES, region=region)]
        if not nodes:
            return {}
        if len(nodes) > BETWEENNESS_EXACT_MAX:
            # Past a few thousand firms, all-pairs paths and list-based PageRank in plain Cypher
            # are out of reach: fetch just this network's edges and rank them as the embedded
            # engine does (same function, same answer).
            import networkx as nx

            network: nx.DiGraph[str] = nx.DiGraph()
            network.add_edges_from((r["a"], r["b"]) for r in self._run(_SUPPLY_EDGES, nodes=nodes))
            return centrality_of(network)
        pagerank = {r["iri"]: r["pagerank"] for r in self._run(_PAGERANK, nodes=nodes, iterations=PAGERANK_ITERATIONS)}
        scale = 1.0 / ((len(nodes) - 1) * (len(nodes) - 2)) if len(nodes) > 2 else 1.0
        if self.as_of is None:
            found = self.store.run(_BETWEENNESS, nodes=nodes)
        else:
            found = self.store.run(_BETWEENNESS_AS_OF, nodes=nodes, asOf=self.as_of)
        through = {r["iri"]: r["through"] * scale for r in found}
        partners = {r["iri"]: r["partners"] for r in self._run(_PARTNERS, nodes=nodes)}
        return {node: Centrality(pagerank[node], through.get(node, 0.0), partners[node]) for node in nodes}

    def ancestors(self, iri: str) -> list[tuple[str, str | None, str]]:
        return [(r["iri"], r["level"], r["name"]) for r in self._run(_ANCESTORS, iri=iri)]

    def region_ties(self, iri: str, region: str) -> list[Tie]:
        ties = {Tie(_PREDICATE_OF_TYPE[r["type"]], r["other"], r["name"], tuple(r["evidence"]))
                for r in self._run(_TIES, iri=iri, region=region, excluded=_EXCLUDED_TYPES)}
        return sorted(ties, key=lambda t: (t.predicate, t.other))

    def region_ties_many(self, iris: Sequence[str], region: str) -> dict[str, list[Tie]]:
        found: dict[str, set[Tie]] = {iri: set() for iri in iris}
        for r in self._batched(_TIES_MANY, iris, region=region, excluded=_EXCLUDED_TYPES):
            found[r["iri"]].add(Tie(_PREDICATE_OF_TYPE[r["type"]], r["other"], r["name"], tuple(r["evidence"])))
        return {iri: sorted(ties, key=lambda t: (t.predicate, t.other)) for iri, ties in found.items()}

    def ancestors_many(self, iris: Sequence[str]) -> dict[str, list[tuple[str, str | None, str]]]:
        found: dict[str, list[tuple[str, str | None, str]]] = {iri: [] for iri in iris}
        for r in self._batched(_ANCESTORS_MANY, iris):
            found[r["iri"]].append((r["ancestor"], r["level"], r["name"]))
        return {iri: sorted(rows) for iri, rows in found.items()}

    def untied_entries(self, targets: Sequence[str], region: str
                       ) -> tuple[list[EntryRow], dict[str, list[tuple[str, str | None, str]]]]:
        rows, places = [], {}
        for r in self._run(_UNTIED_ENTRIES, targets=list(targets), region=region, excluded=_EXCLUDED_TYPES):
            classes = tuple(sorted(r["classes"]))
            rows += [EntryRow(r["entity"], r["name"], classes, r["status"],
                              "hostsChain" if kind == "HOSTS_CHAIN" else "operatesIn", target, tuple(evidence), confidence,
                              tuple(sources), modality, stated_count, note)
                     for kind, target, evidence, confidence, sources, modality, stated_count, note in r["entries"]]
            places[r["entity"]] = sorted((iri, level, name) for iri, level, name in r["places"])
        return sorted(rows, key=lambda r: (r.target, r.entity, r.predicate)), places

    def _batched(self, query: str, iris: Sequence[str], **parameters) -> list[dict]:
        """``query`` over ``$iris``, ``_MANY_BATCH`` at a time (two at a time in threads gained
        nothing measurable on two cores)."""
        return [row for start in range(0, len(iris), _MANY_BATCH)
                for row in self._run(query, iris=list(iris[start:start + _MANY_BATCH]), **parameters)]

    def named_things(self) -> list[PlaceName]:
        return [PlaceName(r["iri"], r["name"], r["nameEn"], tuple(sorted(r["aliases"])), tuple(sorted(r["classes"])), r["level"])
                for r in self._run(_NAMED)]


def _designations(found: list[dict]) -> tuple[Designation, ...]:
    return tuple(sorted((Designation(d["kind"], d["chain"], d["chainName"], d["confidence"], tuple(d["sentences"]),
                                     d["scope"], d["note"], d["modality"]) for d in found),
                        key=lambda d: (d.chain, d.kind or "", d.sentences, d.scope or "")))


def refresh_entry_counts(store: Neo4jStore, changes: LoadChanges | None = None) -> int:
    """Count, in Cypher, every chain or segment's entries in every place (at any depth) into
    helper nodes ``(:_ChainkgIndex {kind: 'entry_count', target, place, established, planned,
    areaStatements})``, stamped with the graph's shape. Returns how many counts are stored.

    The gap questions for every chain × county then read a few hundred small nodes instead of
    walking every firm's location. Without ``changes`` every count is recomputed. With the
    ``changes`` of a load (``LoadReport.changes``) into a graph whose counts were fresh before it,
    only what the load touched is recounted: the entries it wrote or reweighed, and the entries
    below a place it located somewhere new, each taken out where it counted before and added
    where it counts now — the same counts as a full refresh (``load_and_count`` picks the way).
    An app that writes entities, entries or locations itself calls this again (until then the
    counts no longer match the stamp and the engine walks the graph as before).
    """
    for statement in _SUMMARY_SCHEMA:
        store.run(statement)
    store.run(f"MATCH (s:{_HELPER} {{kind: '{_STAMP_KIND}'}}) DELETE s")  # counts under way are not trusted
    if changes is None:
        for statement in _LEGACY:
            store.run(statement)
        while store.run(f"MATCH (c:{_HELPER}) WITH c LIMIT 50000 DELETE c RETURN count(*) AS deleted")[0]["deleted"]:
            pass  # in batches: a million counts in one transaction would need the heap of a large server
        for row in store.run(_ENTRY_TARGETS):
            store.run(_REFRESH_COUNTS, target=row["iri"])
    else:
        deltas = [{"target": target, "place": place, "delta": delta}
                  for (target, place), delta in sorted(_count_changes(store, changes).items()) if any(delta)]
        for start in range(0, len(deltas), 10_000):
            store.run(_APPLY_DELTAS, rows=deltas[start:start + 10_000])
    store.run(f"CREATE (:{_HELPER} {{kind: '{_STAMP_KIND}', shape: $shape}})", shape=store.run(_GRAPH_SHAPE)[0]["shape"])
    return store.run(_STORED_TOTAL)[0]["total"]


def _count_changes(store: Neo4jStore, changes: LoadChanges) -> dict[tuple[str, str], list[int]]:
    """(target, place) → how a load changed its [established, planned, areaStatements]."""
    created_located = sorted([start, end] for (start, kind, end), written in changes.relationships.items()
                             if kind == _LOCATED_TYPE and written.created)
    subjects = {start for (start, kind, _), _ in changes.relationships.items() if kind in _ENTRY_TYPES}
    subjects |= {iri for iri, written in changes.nodes.items() if _WEIGHT_INPUTS & written.before.keys()}
    if created_located:
        subjects |= {r["iri"] for r in store.run(_PLACED_BELOW, starts=sorted({start for start, _ in created_located}))}
    deltas: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])

    def add(target: str, places: list[str], weight: Tally, sign: int) -> None:
        for place in places:
            delta = deltas[(target, place)]
            delta[0] += sign * weight.established
            delta[1] += sign * weight.planned
            delta[2] += sign * weight.area_statements

    ordered = sorted(subjects)
    for start in range(0, len(ordered), 5_000):
        for row in store.run(_ENTRIES_OF, subjects=ordered[start:start + 5_000], created=created_located):
            add(row["target"], row["places"],
                entry_weight(row["labels"], row["status"], row["modality"], row["statedCount"]), +1)
            relationship = changes.relationships.get((row["entity"], row["type"], row["target"]))
            if relationship is not None and relationship.created:
                continue  # a new entry: it counted nowhere before
            node = changes.nodes.get(row["entity"])
            was = {**(node.before if node else {}), **(relationship.before if relationship else {})}
            then = entry_weight(was.get("labels", row["labels"]), was.get("status", row["status"]),
                                was.get("modality", row["modality"]), was.get("statedCount", row["statedCount"]))
            add(row["target"], row["placesBefore"], then, -1)
    return deltas


def entry_counts_fresh(store: Neo4jStore) -> bool:
    """Whether stored entry counts exist and were computed on a graph of the current shape."""
    found = store.run(_STAMP)
    return bool(found) and found[0]["shape"] == store.run(_GRAPH_SHAPE)[0]["shape"]


def load_and_count(store: Neo4jStore, nodes, relationships, **load_options) -> tuple[LoadReport, int]:
    """``store.load(nodes, relationships, **load_options)``, then the entry counts brought up to
    date: only what the load touched when they were fresh before it, else in full.

    Returns the load's report and how many entry counts are stored.
    """
    fresh = entry_counts_fresh(store)
    report = store.load(nodes, relationships, **load_options)
    return report, refresh_entry_counts(store, report.changes if fresh else None)
