"""The embedded engine: answers the analyses' questions from a networkx ``MultiDiGraph``.

Example
-------
>>> from chainkg.analyses.embedded import EmbeddedGraph, seed_kg
>>> graph = EmbeddedGraph(seed_kg())
>>> [s.name for s in graph.chain_segments("https://w3id.org/chainkg/id/chain/optoelectronics")]
['光电设备', '衬底', '外延与芯片', 'LED封装', '光电应用终端']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from functools import lru_cache

import networkx as nx

from chainkg.analyses.rows import (
    NAMED_CLASSES,
    ORGANIZATION_CLASSES,
    TIE_EXCLUDED,
    Centrality,
    Designation,
    EntryRow,
    OneAtATime,
    OrganizationRow,
    PlaceName,
    SegmentRow,
    Tally,
    Tie,
    tally,
)
from chainkg.ontology.templates import flow_order

__all__ = ["EmbeddedGraph", "seed_kg", "centrality_of", "centrality_from_edges", "sampled_betweenness"]

_ENTRY_PREDICATES = ("hostsChain", "operatesIn")


@lru_cache(maxsize=1)
def seed_kg() -> nx.MultiDiGraph:
    """The bundled Quanzhou seed graph as networkx (built once per process)."""
    from chainkg.graph.build import build_seed_dataset
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.graph.rdf import union_graph

    return to_networkx(union_graph(build_seed_dataset()))


#: Supply networks up to this many firms get exact betweenness (all pairs: nodes × edges work);
#: larger ones an estimate from ``BETWEENNESS_PIVOTS`` sources (Brandes–Pich), fixed by seed.
BETWEENNESS_EXACT_MAX = 2_000
BETWEENNESS_PIVOTS = 200


def centrality_of(network: nx.DiGraph) -> dict[str, Centrality]:
    """PageRank, betweenness and partner count of every firm in a supply network.

    Betweenness is exact up to ``BETWEENNESS_EXACT_MAX`` firms and estimated from a fixed
    sample of sources above (a county of a province-size registry has tens of thousands).
    """
    return centrality_from_edges(sorted(network.edges()))


def centrality_from_edges(edges: list[tuple[str, str]]) -> dict[str, Centrality]:
    """:func:`centrality_of` the network of these ``(supplier, customer)`` edges, given sorted.

    Up to ``BETWEENNESS_EXACT_MAX`` firms networkx computes everything. Above, the same numbers
    come from arrays: networkx's PageRank iteration on the same matrix (identical floats), the
    sampled betweenness of :func:`sampled_betweenness`, and partners counted as networkx's
    undirected degree counts them — at a million firms, building the networkx graph twice and
    converting it to a matrix took longer than ranking it.

    >>> edges = [("a", "b"), ("b", "c"), ("c", "a")]
    >>> centrality_from_edges(edges)["a"].partners
    2
    """
    if not edges:
        return {}
    nodes = list(dict.fromkeys(node for edge in edges for node in edge))  # networkx's order for these edges
    if len(nodes) <= BETWEENNESS_EXACT_MAX:
        network: nx.DiGraph[str] = nx.DiGraph()
        network.add_edges_from(edges)
        pagerank = nx.pagerank(network, alpha=0.85, tol=1e-12, max_iter=10_000)
        betweenness = nx.betweenness_centrality(network, normalized=True)
        undirected = network.to_undirected(as_view=True)
        return {node: Centrality(pagerank[node], betweenness[node], undirected.degree(node)) for node in network}
    import numpy as np

    edges = list(dict.fromkeys(edges))  # as a DiGraph keeps them: once each
    number = {node: i for i, node in enumerate(nodes)}
    heads = np.fromiter((number[u] for u, _ in edges), dtype=np.int64, count=len(edges))
    tails = np.fromiter((number[v] for _, v in edges), dtype=np.int64, count=len(edges))
    ranks = _pagerank(len(nodes), heads, tails)
    through = _sampled_betweenness(nodes, heads, tails, min(BETWEENNESS_PIVOTS, len(nodes)))
    # partners: distinct neighbours either way; a self-loop counts twice, as in networkx's degree
    loops = heads == tails
    low, high = np.minimum(heads, tails)[~loops], np.maximum(heads, tails)[~loops]
    pairs = np.unique(low * len(nodes) + high)
    partners = np.bincount(pairs // len(nodes), minlength=len(nodes)) + np.bincount(pairs % len(nodes), minlength=len(nodes)) \
        + 2 * np.bincount(heads[loops], minlength=len(nodes))
    return {node: Centrality(ranks[i], through[i], int(partners[i])) for i, node in enumerate(nodes)}


def _pagerank(size: int, heads, tails) -> list[float]:
    """``nx.pagerank(alpha=0.85, tol=1e-12, max_iter=10_000)`` of the unweighted network, by the
    same operations on the same matrix as networkx's own scipy iteration, hence the same floats."""
    import numpy as np
    import scipy as sp  # type: ignore[import-untyped]

    matrix = sp.sparse.coo_array((np.ones(len(heads)), (heads, tails)), shape=(size, size), dtype=float).asformat("csr")
    out = matrix.sum(axis=1)
    out[out != 0] = 1.0 / out[out != 0]
    matrix = sp.sparse.dia_array((out.T, 0), shape=matrix.shape).tocsr() @ matrix
    x = np.repeat(1.0 / size, size)
    p = np.repeat(1.0 / size, size)
    dangling = np.where(out == 0)[0]
    for _ in range(10_000):
        last = x
        x = 0.85 * (x @ matrix + sum(x[dangling]) * p) + (1 - 0.85) * p
        if np.absolute(x - last).sum() < size * 1e-12:
            return [float(value) for value in x]
    raise nx.PowerIterationFailedConvergence(10_000)


def sampled_betweenness(network: nx.DiGraph, pivots: int) -> dict[str, float]:
    """``nx.betweenness_centrality(network, k=pivots, normalized=True, seed=0)``, in numpy.

    The same sources (drawn as networkx draws them, seed 0), the same Brandes accumulation and
    the same rescaling, but each breadth-first search runs a level at a time over arrays instead
    of a node at a time in Python: networkx spent 30 s of the 36 s of leaders at a million firms
    here. Sums are taken in another order, so values agree with networkx to about 1e-15.

    >>> ring = nx.DiGraph([(0, 1), (1, 2), (2, 3), (3, 0), (0, 2)])
    >>> expected = nx.betweenness_centrality(ring, k=3, normalized=True, seed=0)
    >>> all(abs(sampled_betweenness(ring, 3)[v] - expected[v]) < 1e-12 for v in ring)
    True
    """
    import numpy as np

    nodes = list(network)
    if pivots >= len(nodes):  # networkx computes exactly then; so do we
        return nx.betweenness_centrality(network, normalized=True)
    number = {node: i for i, node in enumerate(nodes)}
    heads = np.fromiter((number[u] for u, _ in network.edges()), dtype=np.int64, count=network.number_of_edges())
    tails = np.fromiter((number[v] for _, v in network.edges()), dtype=np.int64, count=network.number_of_edges())
    return dict(zip(nodes, _sampled_betweenness(nodes, heads, tails, pivots), strict=True))


def _sampled_betweenness(nodes: list, heads, tails, pivots: int) -> list[float]:
    """Brandes from ``pivots`` sources drawn as networkx draws them, rescaled as networkx does."""
    import random

    import numpy as np

    size = len(nodes)
    sources = random.Random(0).sample(nodes, pivots)  # what @py_random_state(seed=0) draws
    order = np.argsort(heads, kind="stable")
    heads, tails = heads[order], tails[order]
    offsets = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(heads, minlength=size), out=offsets[1:])
    number = {node: i for i, node in enumerate(nodes)}
    total = np.zeros(size)
    for source in sources:
        start = number[source]
        depth = np.full(size, -1, dtype=np.int64)
        sigma = np.zeros(size)
        depth[start], sigma[start] = 0, 1.0
        frontier = np.array([start])
        levels = []  # the edges of each level that lie on shortest paths: (from, to)
        while frontier.size:
            counts = offsets[frontier + 1] - offsets[frontier]
            positions = np.repeat(offsets[frontier] - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts) \
                + np.arange(int(counts.sum()))
            froms, tos = heads[positions], tails[positions]
            level = depth[frontier[0]] + 1  # every frontier node lies at the same depth
            depth[tos[depth[tos] < 0]] = level
            on_path = depth[tos] == level
            froms, tos = froms[on_path], tos[on_path]
            sigma += np.bincount(tos, weights=sigma[froms], minlength=size)
            levels.append((froms, tos))
            frontier = np.unique(tos)
        delta = np.zeros(size)
        for froms, tos in reversed(levels):
            delta += np.bincount(froms, weights=sigma[froms] / sigma[tos] * (1.0 + delta[tos]), minlength=size)
        delta[start] = 0.0  # a source is no intermediate of its own paths
        total += delta
    # networkx's rescaling for k sampled sources, endpoints excluded, normalized
    scale_source = 1 / ((pivots - 1) * (size - 2)) if pivots > 1 else float("nan")
    scale_other = 1 / (pivots * (size - 2))
    sampled = {number[source] for source in sources}
    return [float(total[i]) * (scale_source if i in sampled else scale_other) for i in range(size)]


def _is_organization(attributes: dict) -> bool:
    return bool(set(attributes.get("classes", ())) & ORGANIZATION_CLASSES)


class EmbeddedGraph(OneAtATime):
    """Adapter from the chainkg networkx projection to the analyses' rows."""

    engine = "embedded"

    def __init__(self, kg: nx.MultiDiGraph):
        self.kg = kg
        self._members: dict[str, frozenset[str]] = {}
        self._places_of: dict[str, tuple[str, ...]] = {}
        self._index: dict[str, dict[str, list[EntryRow]]] | None = None
        self._named: list[PlaceName] | None = None

    # -- helpers ---------------------------------------------------------------------------
    def _edges_in(self, node: str, key: str):
        return [(u, d) for u, _, k, d in self.kg.in_edges(node, keys=True, data=True) if k == key]

    def _edges_out(self, node: str, key: str):
        return [(v, d) for _, v, k, d in self.kg.out_edges(node, keys=True, data=True) if k == key]

    def members(self, region: str) -> frozenset[str]:
        """The region and everything located in it, at any depth (areas, zones, parks, firms)."""
        if region not in self._members:
            seen = {region}
            queue = deque([region])
            while queue:
                node = queue.popleft()
                for child, _ in self._edges_in(node, "locatedIn"):
                    if child not in seen:
                        seen.add(child)
                        queue.append(child)
            self._members[region] = frozenset(seen)
        return self._members[region]

    def _chain_of(self, segment: str) -> str | None:
        return next((chain for chain, _ in self._edges_out(segment, "segmentOf")), None)

    # -- the contract ----------------------------------------------------------------------
    def chain_segments(self, chain: str) -> list[SegmentRow]:
        rows = []
        for segment, _ in self._edges_in(chain, "segmentOf"):
            attributes = self.kg.nodes[segment]
            feeds = sorted(v for v, _ in self._edges_out(segment, "feeds"))
            rows.append(SegmentRow(segment, attributes["name"], attributes.get("stage", ""), tuple(feeds),
                                   tuple(self.kg.nodes[v]["name"] for v in feeds)))
        return list(flow_order(rows, id_of=lambda r: r.iri))

    def _places(self, node: str) -> tuple[str, ...]:
        """The node and every place it lies in, at any depth (memoized)."""
        if node not in self._places_of:
            self._places_of[node] = ()  # breaks cycles
            places = {node}
            for parent, _ in self._edges_out(node, "locatedIn"):
                places.update(self._places(parent))
            self._places_of[node] = tuple(places)
        return self._places_of[node]

    def _entry_row(self, entity: str, predicate: str, target: str, data: dict) -> EntryRow:
        attributes = self.kg.nodes[entity]
        return EntryRow(
            entity=entity, name=attributes["name"], classes=tuple(attributes.get("classes", ())),
            status=attributes.get("status"), predicate=predicate, target=target,
            evidence=tuple(e["text"] for e in data.get("evidence", [])),
            confidence=data.get("confidence"), sources=tuple(data.get("sources", [])),
            modality=data.get("modality"), stated_count=data.get("stated_count"), note=data.get("note"),
        )

    def _entry_index(self) -> dict[str, dict[str, list[EntryRow]]]:
        """chain or segment → place → the entries there: built once, so asking every chain ×
        every county is a dictionary walk, not a scan of the graph each time."""
        if self._index is None:
            index: dict[str, dict[str, list[EntryRow]]] = {}
            for entity, target, key, data in self.kg.edges(keys=True, data=True):
                if key not in _ENTRY_PREDICATES:
                    continue
                row = self._entry_row(entity, key, target, data)
                by_place = index.setdefault(target, {})
                for place in self._places(entity):
                    by_place.setdefault(place, []).append(row)
            self._index = index
        return self._index

    def entries(self, targets: Sequence[str], region: str, *, inside: bool) -> list[EntryRow]:
        if inside:
            index = self._entry_index()
            rows = [row for target in targets for row in index.get(target, {}).get(region, [])]
            return sorted(rows, key=lambda r: (r.target, r.entity, r.predicate))
        members = self.members(region)
        rows = []
        for target in targets:
            if target not in self.kg:
                continue
            for predicate in _ENTRY_PREDICATES:
                for entity, data in self._edges_in(target, predicate):
                    if (entity in members) != inside:
                        continue
                    if not inside and not _is_organization(self.kg.nodes[entity]):
                        continue
                    rows.append(self._entry_row(entity, predicate, target, data))
        return sorted(rows, key=lambda r: (r.target, r.entity, r.predicate))

    def organizations(self, chain: str | None, region: str | None) -> list[OrganizationRow]:
        in_chain = (lambda target: True) if chain is None else (
            lambda target: target == chain or self._chain_of(target) == chain)
        members = self.members(region) if region else None
        rows = []
        for node, attributes in self.kg.nodes(data=True):
            if not _is_organization(attributes):
                continue
            engaged = [v for key in ("operatesIn", "leadsChain") for v, _ in self._edges_out(node, key) if in_chain(v)]
            if not engaged:
                continue
            designations = tuple(sorted(
                (Designation(d.get("leadership_kind"), v, self.kg.nodes[v]["name"], d.get("confidence"),
                             tuple(e["text"] for e in d.get("evidence", [])), d.get("scope"), d.get("note"),
                             d.get("modality"))
                 for v, d in self._edges_out(node, "leadsChain") if chain is None or v == chain),
                key=lambda d: d.chain))
            if members is not None and node not in members and not any(d.scope == region for d in designations):
                continue
            segments = tuple(sorted(v for v, _ in self._edges_out(node, "operatesIn")
                                    if "ChainSegment" in self.kg.nodes[v].get("classes", ()) and in_chain(v)))
            parks = [u for u, _ in self._edges_in(node, "developedBy")
                     if "IndustrialPark" in self.kg.nodes[u].get("classes", ())]
            reported = max([attributes.get("reported_cny_max", 0.0)]
                           + [self.kg.nodes[p].get("reported_cny_max", 0.0) for p in parks])
            rows.append(OrganizationRow(
                iri=node, name=attributes["name"], classes=tuple(attributes.get("classes", ())),
                designations=designations, segments=segments, parks_developed=len(parks),
                listed_on=tuple(sorted(self.kg.nodes[v]["name"] for v, _ in self._edges_out(node, "listedOn"))),
                reported_cny=float(reported),
            ))
        return sorted(rows, key=lambda r: r.iri)

    def supply_network(self, region: str | None) -> nx.DiGraph:
        members = self.members(region) if region else None
        network: nx.DiGraph[str] = nx.DiGraph()
        for u, v, key in self.kg.edges(keys=True):
            if key == "suppliesTo" and (members is None or (u in members and v in members)):
                network.add_edge(u, v)
        return network

    def supply_centrality(self, region: str | None) -> dict[str, Centrality]:
        return centrality_of(self.supply_network(region))

    def segment_counts(self, targets, regions) -> dict[tuple[str, str], Tally]:
        """(region, target) → what the region's entries add up to (see ``rows.Tally``)."""
        index = self._entry_index()
        counts = {}
        for target in targets:
            by_place = index.get(target, {})
            for region in regions:
                if rows := by_place.get(region):
                    counts[(region, target)] = tally(rows)
        return counts

    def ancestors(self, iri: str) -> list[tuple[str, str | None, str]]:
        seen, queue, found = {iri}, deque([iri]), []
        while queue:
            node = queue.popleft()
            for parent, _ in self._edges_out(node, "locatedIn"):
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
                    attributes = self.kg.nodes[parent]
                    if "AdministrativeArea" in attributes.get("classes", ()):
                        found.append((parent, attributes.get("admin_level"), attributes["name"]))
        return sorted(found)

    def region_ties(self, iri: str, region: str) -> list[Tie]:
        members = self.members(region)
        ties = set()
        edges = [(v, k, d) for _, v, k, d in self.kg.out_edges(iri, keys=True, data=True)]
        edges += [(u, k, d) for u, _, k, d in self.kg.in_edges(iri, keys=True, data=True)]
        for other, key, data in edges:
            if key not in TIE_EXCLUDED and other in members:
                ties.add(Tie(key, other, self.kg.nodes[other]["name"], tuple(e["text"] for e in data.get("evidence", []))))
            elif key == "leadsChain" and data.get("scope") in members:
                scope = data["scope"]
                ties.add(Tie(key, scope, self.kg.nodes[scope]["name"], tuple(e["text"] for e in data.get("evidence", []))))
        return sorted(ties, key=lambda t: (t.predicate, t.other))

    def named_things(self) -> list[PlaceName]:
        if self._named is None:
            self._named = self._find_named_things()
        return self._named

    def _find_named_things(self) -> list[PlaceName]:
        return sorted(
            (PlaceName(node, a["name"], a.get("name_en"), tuple(a.get("aliases", ())), tuple(a.get("classes", ())),
                       a.get("admin_level"))
             for node, a in self.kg.nodes(data=True) if NAMED_CLASSES & set(a.get("classes", ()))),
            key=lambda p: p.iri,
        )
