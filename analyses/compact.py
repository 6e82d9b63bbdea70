"""The embedded engine for province-size graphs: integer node ids and numpy arrays.

``EmbeddedGraph`` answers from a networkx ``MultiDiGraph``, which costs about half a kilobyte per
edge: a million firms with five million relations need 3–4 GB before any analysis runs.
``CompactGraph`` answers the same questions with the same rows from

- one row per node: IRI, name, English name, classes (shared tuples), and sparse columns for
  what few nodes carry (aliases, codes, levels, statuses, stages, reported figures);
- one row per edge in flat arrays (subject, object, property, confidence, source set), with
  evidence sentences and qualifiers kept only for the edges that have them, and a compressed
  sparse row index per property, both ways;
- for the gap questions, every (chain or segment, place) pair of the entries sorted into one
  array, so a count is two binary searches.

It is built straight from records (:meth:`CompactGraph.from_facts`) or from the networkx
projection (:meth:`CompactGraph.from_networkx`), and the analyses take it like any engine.

Example
-------
>>> from chainkg.graph.build import load_facts
>>> from chainkg.analyses import chain_gaps
>>> graph = CompactGraph.from_facts(load_facts())
>>> report = chain_gaps(graph, "半导体", "南安市")
>>> report.engine, [s.status for s in report.segments][:2]
('embedded', ['unsegmented', 'unsegmented'])
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np

from chainkg.analyses.rows import (
    IN_THE_WORKS,
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
    entry_weight,
)
from chainkg.graph.mapping import (
    EDGE_DATE_FIELDS,
    edge_attributes,
    entity_node_attributes,
    has_qualifiers,
    reported_cny_from_records,
)
from chainkg.graph.streaming import template_edges, template_nodes
from chainkg.loaders.records import ENTITY_TERMS, RELATION_QUALIFIERS
from chainkg.ontology import RELATIONS
from chainkg.ontology.templates import flow_order

__all__ = ["CompactGraph"]

_PREDICATES = tuple(RELATIONS)  # property names; an edge stores its position here
_ENTRY_PREDICATES = ("hostsChain", "operatesIn")
# node attributes kept where present: the records' attributes (graph.mapping) and what only
# templates (stage) or observations (reported_cny_max) give
_SPARSE = ("aliases", *(term.field for term in ENTITY_TERMS), "stage", "reported_cny_max")


#: Edge attributes kept per edge: the records' qualifiers and the edge's dates (``mapping.edge_dates``).
_QUALIFIER_FIELDS = (*(t.field for t in RELATION_QUALIFIERS), *EDGE_DATE_FIELDS.values())


def _expand(offsets: np.ndarray, nodes: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For each of ``nodes``, every position in its CSR range ``offsets[node]:offsets[node + 1]``,
    with the node's label repeated alongside: (labels, positions)."""
    starts, counts = offsets[nodes], offsets[nodes + 1] - offsets[nodes]
    total = int(counts.sum())
    if total == 0:
        return labels[:0], np.zeros(0, dtype=np.int64)
    run_starts = np.repeat(starts - np.concatenate([[0], np.cumsum(counts)[:-1]]), counts)
    return np.repeat(labels, counts), run_starts + np.arange(total)


class _Builder:
    """Collects nodes and edges (networkx-style calls), then freezes them into a ``CompactGraph``."""

    def __init__(self) -> None:
        self.index: dict[str, int] = {}
        self.iris: list[str] = []
        self.names: list[str | None] = []
        self.names_en: list[str | None] = []
        self.classes: list[tuple[str, ...]] = []
        self.sparse: dict[str, dict[int, object]] = {key: {} for key in _SPARSE}
        self._class_sets: dict[tuple[str, ...], tuple[str, ...]] = {}
        self.subjects: list[int] = []
        self.objects: list[int] = []
        self.predicates: list[int] = []
        self.confidences: list[float] = []
        self.source_sets: list[int] = []
        self._sources: dict[tuple[str, ...], int] = {}
        self.evidence: dict[int, tuple[str, ...]] = {}
        self.qualifiers: dict[int, dict[str, Any]] = {}
        self._predicate_codes = {name: code for code, name in enumerate(_PREDICATES)}

    def node(self, iri: str, attributes: dict | None = None) -> int:
        """Add ``iri`` (or update its attributes, as ``add_node`` does) and return its number."""
        number = self.index.get(iri)
        if number is None:
            number = self.index[iri] = len(self.iris)
            self.iris.append(iri)
            self.names.append(None)
            self.names_en.append(None)
            self.classes.append(())
        for key, value in (attributes or {}).items():
            if key == "name":
                self.names[number] = value
            elif key == "name_en":
                self.names_en[number] = value
            elif key == "classes":
                classes = tuple(value)
                self.classes[number] = self._class_sets.setdefault(classes, classes)
            elif key in self.sparse:
                self.sparse[key][number] = tuple(value) if key == "aliases" else value
        return number

    def edge(self, subject: str, object_: str, predicate: str, attributes: dict) -> None:
        """Add one edge with its (networkx-projection) attributes."""
        number = len(self.subjects)
        self.subjects.append(self.node(subject))
        self.objects.append(self.node(object_))
        self.predicates.append(self._predicate_codes[predicate])
        confidence = attributes.get("confidence")
        self.confidences.append(math.nan if confidence is None else confidence)
        sources = tuple(attributes.get("sources", ()))
        self.source_sets.append(self._sources.setdefault(sources, len(self._sources)))
        if texts := tuple(e["text"] for e in attributes.get("evidence", ())):
            self.evidence[number] = texts
        if qualifiers := {field: attributes[field] for field in _QUALIFIER_FIELDS if field in attributes}:
            self.qualifiers[number] = qualifiers

    def freeze(self) -> CompactGraph:
        return CompactGraph(self)


class CompactGraph(OneAtATime):
    """Adapter from flat arrays to the analyses' rows; answers exactly as ``EmbeddedGraph`` does."""

    engine = "embedded"

    def __init__(self, built: _Builder):
        self._index = built.index
        self.iris = built.iris
        self._names = [name if name is not None else iri.rsplit("/", 1)[-1] for iri, name in zip(built.iris, built.names, strict=True)]
        self._names_en = built.names_en
        self._classes = built.classes
        self._sparse = built.sparse
        self.subjects = np.asarray(built.subjects, dtype=np.int32)
        self.objects = np.asarray(built.objects, dtype=np.int32)
        self.predicates = np.asarray(built.predicates, dtype=np.int8)
        self._confidences = np.asarray(built.confidences, dtype=np.float64)
        self._source_sets = np.asarray(built.source_sets, dtype=np.int32)
        self._sources = list(built._sources)
        self._evidence = built.evidence
        self._qualifiers = built.qualifiers
        self._csr: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        self._members: dict[int, np.ndarray] = {}
        self._places_of: dict[int, tuple[int, ...]] = {}
        self._pairs: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._named: list[PlaceName] | None = None

    # -- construction ----------------------------------------------------------------------
    @classmethod
    def from_networkx(cls, kg) -> CompactGraph:
        """The same graph as the networkx projection ``kg`` (nodes and edges in its order)."""
        built = _Builder()
        for node, attributes in kg.nodes(data=True):
            built.node(node, attributes)
        for subject, object_, key, attributes in kg.edges(keys=True, data=True):
            built.edge(subject, object_, key, attributes)
        return built.freeze()

    @classmethod
    def from_facts(cls, facts, *, evidence: bool = True, progress: bool | None = None) -> CompactGraph:
        """Straight from records: the graph ``facts_to_networkx(facts)`` would give, in its order.

        Relations stated by several sources become one edge (found with one sort, not a dictionary
        of every relation); ``evidence=False`` leaves the evidence sentences out.
        """
        from tqdm import tqdm

        from chainkg.graph import iris

        built = _Builder()
        for node, attributes in template_nodes():
            built.node(node, attributes)
        for subject, object_, key in template_edges():
            built.edge(subject, object_, key, {"sources": [], "confidence": None, "evidence": []})
        node_of: dict[str, int] = {}  # record id → node number
        for entity in facts.entities.values():
            node_of[entity.id] = built.node(str(iris.entity_iri(entity.id)), entity_node_attributes(entity))
        for node, value in reported_cny_from_records(facts).items():
            if node in built.index:
                built.node(node, {"reported_cny_max": value})

        def number(record_id: str) -> int:
            found = node_of.get(record_id)
            if found is None:
                found = node_of[record_id] = built.node(str(iris.entity_iri(record_id)))
            return found

        relations = facts.relations
        codes = built._predicate_codes
        keys = np.fromiter(((number(r.subject) * len(_PREDICATES) + codes[r.predicate]) << 32 | number(r.object)
                            for r in relations), dtype=np.int64, count=len(relations))
        unique, first, inverse, counts = np.unique(keys, return_index=True, return_inverse=True, return_counts=True)
        order = np.argsort(first, kind="stable")  # edges in the order their first statement came
        groups: dict[int, list] = {}
        if (counts > 1).any():
            repeated = np.flatnonzero(counts[inverse] > 1)
            for position in repeated.tolist():
                groups.setdefault(int(inverse[position]), []).append(relations[position])
        source_iris: dict[str, str] = {}
        for group in tqdm(order.tolist(), desc="compacting", unit="edge", unit_scale=True, leave=False,
                          disable={True: False, False: True, None: None}[progress]):
            relation = relations[int(first[group])]
            subject, object_ = built.iris[node_of[relation.subject]], built.iris[node_of[relation.object]]
            if group in groups:
                built.edge(subject, object_, relation.predicate, edge_attributes(groups[group], evidence=evidence))
                continue
            source = source_iris.get(relation.source_id)
            if source is None:
                source = source_iris[relation.source_id] = str(iris.source_iri(relation.source_id))
            if relation.evidence is None and not has_qualifiers(relation):
                # the common case (generated and table rows): no evidence, no qualifier
                built.edge(subject, object_, relation.predicate, {"sources": (source,), "confidence": float(relation.confidence)})
            else:
                built.edge(subject, object_, relation.predicate, edge_attributes([relation], evidence=evidence))
        return built.freeze()

    def edge_records(self):
        """Every edge as (subject IRI, property, object IRI, attributes): its sources, confidence,
        evidence sentences and qualifiers, keyed as the networkx projection keys them.

        For inspection and parity checks; the analyses read the arrays directly.
        """
        for edge in range(len(self.subjects)):
            confidence = float(self._confidences[edge])
            attributes = {"sources": list(self._sources[int(self._source_sets[edge])]),
                          "confidence": None if math.isnan(confidence) else confidence,
                          "evidence": list(self._evidence.get(edge, ())), **self._qualifiers.get(edge, {})}
            yield (self.iris[int(self.subjects[edge])], _PREDICATES[int(self.predicates[edge])],
                   self.iris[int(self.objects[edge])], attributes)

    # -- low-level access ------------------------------------------------------------------
    def _attribute(self, node: int, key: str, default=None):
        return self._sparse[key].get(node, default)

    def _edges(self, predicate: str, direction: str) -> tuple[np.ndarray, np.ndarray]:
        """(offsets, edge numbers) of one property, grouped by subject ("out") or object ("in")."""
        if (predicate, direction) not in self._csr:
            code = _PREDICATES.index(predicate)
            edges = np.flatnonzero(self.predicates == code)
            ends = (self.subjects if direction == "out" else self.objects)[edges]
            edges = edges[np.argsort(ends, kind="stable")].astype(np.int32)
            offsets = np.zeros(len(self.iris) + 1, dtype=np.int64)
            np.cumsum(np.bincount(ends, minlength=len(self.iris)), out=offsets[1:])
            self._csr[(predicate, direction)] = (offsets, edges)
        return self._csr[(predicate, direction)]

    def _out(self, node: int, predicate: str) -> np.ndarray:
        offsets, edges = self._edges(predicate, "out")
        return edges[offsets[node]:offsets[node + 1]]

    def _in(self, node: int, predicate: str) -> np.ndarray:
        offsets, edges = self._edges(predicate, "in")
        return edges[offsets[node]:offsets[node + 1]]

    def _targets(self, node: int, predicate: str) -> list[int]:
        return self.objects[self._out(node, predicate)].tolist()

    def _confidence(self, edge: int) -> float | None:
        value = float(self._confidences[edge])
        return None if math.isnan(value) else value

    def _entry_row(self, edge: int, predicate: str) -> EntryRow:
        entity = int(self.subjects[edge])
        qualifiers = self._qualifiers.get(edge, {})
        return EntryRow(
            entity=self.iris[entity], name=self._names[entity], classes=self._classes[entity],
            status=self._attribute(entity, "status"), predicate=predicate, target=self.iris[int(self.objects[edge])],
            evidence=self._evidence.get(edge, ()), confidence=self._confidence(edge),
            sources=self._sources[self._source_sets[edge]], modality=qualifiers.get("modality"),
            stated_count=qualifiers.get("stated_count"), note=qualifiers.get("note"),
        )

    def members_mask(self, region: str) -> np.ndarray:
        """True for the region and everything located in it, at any depth (one array pass per level)."""
        start = self._index.get(region)
        if start is None:
            return np.zeros(len(self.iris), dtype=bool)
        if start not in self._members:
            located = self.predicates == _PREDICATES.index("locatedIn")
            children, parents = self.subjects[located], self.objects[located]
            mask = np.zeros(len(self.iris), dtype=bool)
            mask[start] = True
            frontier = mask.copy()
            while frontier.any():
                found = np.zeros(len(self.iris), dtype=bool)
                found[children[frontier[parents]]] = True
                frontier = found & ~mask
                mask |= frontier
            self._members[start] = mask
        return self._members[start]

    def _places(self, node: int) -> tuple[int, ...]:
        """The node and every place it lies in, at any depth (memoized for places only)."""
        parents = self._targets(node, "locatedIn")
        if not parents:
            return (node,)
        places = {node}
        for parent in parents:
            if parent not in self._places_of:
                self._places_of[parent] = ()  # breaks cycles
                self._places_of[parent] = self._places(parent)
            places.update(self._places_of[parent])
        return tuple(places)

    def _entry_pairs(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every (target, place) of every entry, sorted: keys, their edges, and running sums of
        what they count (rows: established, planned, area statements; see ``rows.Tally``).

        All in array operations: an entry's places are its subject and the closure of each of the
        subject's locatedIn parents (closures are computed once per place, and places are few).
        """
        if self._pairs is None:
            width = len(self.iris)
            entry = np.flatnonzero(np.isin(self.predicates, [_PREDICATES.index(p) for p in _ENTRY_PREDICATES]))
            subjects = self.subjects[entry]
            # the subject's locatedIn parents, one row per (entry, parent)
            offsets, located = self._edges("locatedIn", "out")
            edge_of_parent, parents = _expand(offsets, subjects, entry)
            parents = self.objects[located[parents]]
            # each parent's closure (itself and every place above it)
            closure_offsets, closure = self._closures(np.flatnonzero(np.bincount(parents, minlength=width)))
            edge_of_place, places = _expand(closure_offsets, parents, edge_of_parent)
            places = closure[places]
            edges = np.concatenate([entry, edge_of_place])
            places = np.concatenate([subjects, places])
            # a place reached along two parents counts once
            pairs = np.sort(edges.astype(np.int64) * width + places, kind="stable")  # radix sort
            pairs = pairs[np.concatenate([[True], pairs[1:] != pairs[:-1]])]
            edges, places = (pairs // width).astype(np.int32), pairs % width
            keys = self.objects[edges].astype(np.int64) * width + places
            order = np.argsort(keys, kind="stable")
            edges = edges[order]
            self._pairs = (keys[order], edges, self._running_tallies(edges))
        return self._pairs

    def _running_tallies(self, edges: np.ndarray) -> np.ndarray:
        """Running sums over ``edges`` of :func:`~chainkg.analyses.rows.entry_weight`, one row per
        ``Tally`` field: most edges carry no qualifier and are counted by array operations."""
        width = len(self.iris)
        in_works = np.zeros(width, dtype=bool)
        for node, status in self._sparse["status"].items():
            in_works[node] = status in IN_THE_WORKS and "Project" in self._classes[node]
        is_area = np.fromiter(("AdministrativeArea" in c for c in self._classes), dtype=bool, count=width)
        subjects = self.subjects[edges]
        planned = in_works[subjects]
        area = is_area[subjects] & ~planned
        weights = np.stack([~planned & ~area, planned, area]).astype(np.int64)
        for position in np.flatnonzero(np.isin(edges, np.fromiter(self._qualifiers, dtype=np.int64))).tolist():
            edge, node = int(edges[position]), int(subjects[position])
            qualifiers = self._qualifiers[edge]
            counted = entry_weight(self._classes[node], self._attribute(node, "status"), qualifiers.get("modality"),
                                   qualifiers.get("stated_count"))
            weights[:, position] = (counted.established, counted.planned, counted.area_statements)
        running = np.zeros((3, len(edges) + 1), dtype=np.int64)
        np.cumsum(weights, axis=1, out=running[:, 1:])
        return running

    def _closures(self, nodes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each of ``nodes``, itself and every place it lies in, as (offsets by node, places)."""
        lengths = np.zeros(len(self.iris), dtype=np.int64)
        found = {}
        for node in nodes.tolist():
            found[node] = self._places(node)
            lengths[node] = len(found[node])
        offsets = np.zeros(len(self.iris) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        places = np.zeros(int(offsets[-1]), dtype=np.int32)
        for node, closure in found.items():
            places[offsets[node]:offsets[node + 1]] = closure
        return offsets, places

    def _pair_range(self, target: str, place: str) -> tuple[int, int]:
        keys, _, _ = self._entry_pairs()
        if target not in self._index or place not in self._index:
            return 0, 0
        key = self._index[target] * len(self.iris) + self._index[place]
        return int(np.searchsorted(keys, key, "left")), int(np.searchsorted(keys, key, "right"))

    def _is_organization(self, node: int) -> bool:
        return bool(set(self._classes[node]) & ORGANIZATION_CLASSES)

    def _chain_of(self, segment: int) -> int | None:
        chains = self._targets(segment, "segmentOf")
        return chains[0] if chains else None

    # -- the contract ----------------------------------------------------------------------
    def chain_segments(self, chain: str) -> list[SegmentRow]:
        if chain not in self._index:
            return []
        rows = []
        for edge in self._in(self._index[chain], "segmentOf").tolist():
            segment = int(self.subjects[edge])
            feeds = sorted(self.iris[v] for v in self._targets(segment, "feeds"))
            rows.append(SegmentRow(self.iris[segment], self._names[segment], self._attribute(segment, "stage", ""),
                                   tuple(feeds), tuple(self._names[self._index[v]] for v in feeds)))
        return list(flow_order(rows, id_of=lambda r: r.iri))

    def entries(self, targets: Sequence[str], region: str, *, inside: bool) -> list[EntryRow]:
        rows = []
        if inside:
            _, edges, _ = self._entry_pairs()
            for target in targets:
                low, high = self._pair_range(target, region)
                for edge in edges[low:high].tolist():
                    rows.append(self._entry_row(edge, _PREDICATES[self.predicates[edge]]))
        else:
            members = self.members_mask(region)
            for target in targets:
                if target not in self._index:
                    continue
                for predicate in _ENTRY_PREDICATES:
                    for edge in self._in(self._index[target], predicate).tolist():
                        entity = int(self.subjects[edge])
                        if not members[entity] and self._is_organization(entity):
                            rows.append(self._entry_row(edge, predicate))
        return sorted(rows, key=lambda r: (r.target, r.entity, r.predicate))

    def organizations(self, chain: str | None, region: str | None) -> list[OrganizationRow]:
        chain_node = self._index.get(chain) if chain is not None else None
        if chain is not None and chain_node is None:
            return []

        def in_chain(target: int) -> bool:
            return chain is None or target == chain_node or self._chain_of(target) == chain_node

        members = self.members_mask(region) if region else None
        engaged_nodes: Iterable[int]
        if chain_node is None:  # no chain asked for (an unknown one has returned above)
            engaged_nodes = np.unique(self.subjects[np.isin(self.predicates, [_PREDICATES.index("operatesIn"),
                                                                              _PREDICATES.index("leadsChain")])]).tolist()
        else:
            segments = [int(self.subjects[e]) for e in self._in(chain_node, "segmentOf").tolist()]
            engaged = [self.subjects[self._in(node, predicate)] for node in (chain_node, *segments)
                       for predicate in ("operatesIn", "leadsChain")]
            engaged_nodes = np.unique(np.concatenate(engaged)).tolist()
        rows = []
        for node in engaged_nodes:
            if not self._is_organization(node):
                continue
            designations = tuple(sorted(
                (Designation(self._qualifiers.get(e, {}).get("leadership_kind"), self.iris[int(self.objects[e])],
                             self._names[int(self.objects[e])], self._confidence(e), self._evidence.get(e, ()),
                             self._qualifiers.get(e, {}).get("scope"), self._qualifiers.get(e, {}).get("note"),
                             self._qualifiers.get(e, {}).get("modality"))
                 for e in self._out(node, "leadsChain").tolist() if chain is None or int(self.objects[e]) == chain_node),
                key=lambda d: d.chain))
            if members is not None and not members[node] and not any(d.scope == region for d in designations):
                continue
            segments_of = tuple(sorted(self.iris[v] for v in self._targets(node, "operatesIn")
                                       if "ChainSegment" in self._classes[v] and in_chain(v)))
            parks = [int(self.subjects[e]) for e in self._in(node, "developedBy").tolist()
                     if "IndustrialPark" in self._classes[int(self.subjects[e])]]
            reported = max([self._attribute(node, "reported_cny_max", 0.0)]
                           + [self._attribute(p, "reported_cny_max", 0.0) for p in parks])
            rows.append(OrganizationRow(
                iri=self.iris[node], name=self._names[node], classes=self._classes[node], designations=designations,
                segments=segments_of, parks_developed=len(parks),
                listed_on=tuple(sorted(self._names[v] for v in self._targets(node, "listedOn"))),
                reported_cny=float(reported),
            ))
        return sorted(rows, key=lambda r: r.iri)

    def supply_network(self, region: str | None):
        """suppliesTo among the region's members (everything if ``region`` is None) as a networkx ``DiGraph``."""
        import networkx as nx

        _, edges = self._edges("suppliesTo", "out")  # grouped by subject in node order, as networkx lists them
        if region:
            members = self.members_mask(region)
            edges = edges[members[self.subjects[edges]] & members[self.objects[edges]]]
        network: nx.DiGraph[str] = nx.DiGraph()
        network.add_edges_from(zip((self.iris[n] for n in self.subjects[edges].tolist()),
                                   (self.iris[n] for n in self.objects[edges].tolist()), strict=True))
        return network

    def supply_centrality(self, region: str | None) -> dict[str, Centrality]:
        from chainkg.analyses.embedded import centrality_from_edges

        _, edges = self._edges("suppliesTo", "out")
        if region:
            members = self.members_mask(region)
            edges = edges[members[self.subjects[edges]] & members[self.objects[edges]]]
        # straight from the arrays: no networkx graph in between (see centrality_from_edges)
        return centrality_from_edges(sorted(zip((self.iris[n] for n in self.subjects[edges].tolist()),
                                                (self.iris[n] for n in self.objects[edges].tolist()), strict=True)))

    def segment_counts(self, targets, regions) -> dict[tuple[str, str], Tally]:
        """(region, target) → what the region's entries add up to (see ``rows.Tally``)."""
        _, _, running = self._entry_pairs()
        counts = {}
        for target in targets:
            for region in regions:
                low, high = self._pair_range(target, region)
                if high > low:
                    counts[(region, target)] = Tally(*(int(x) for x in running[:, high] - running[:, low]))
        return counts

    def ancestors(self, iri: str) -> list[tuple[str, str | None, str]]:
        if iri not in self._index:
            return []
        start = self._index[iri]
        seen, queue, found = {start}, deque([start]), []
        while queue:
            for parent in self._targets(queue.popleft(), "locatedIn"):
                if parent not in seen:
                    seen.add(parent)
                    queue.append(parent)
                    if "AdministrativeArea" in self._classes[parent]:
                        found.append((self.iris[parent], self._attribute(parent, "admin_level"), self._names[parent]))
        return sorted(found)

    def region_ties(self, iri: str, region: str) -> list[Tie]:
        if iri not in self._index:
            return []
        node = self._index[iri]
        members = self.members_mask(region)
        ties = set()
        for predicate in _PREDICATES:
            if predicate in TIE_EXCLUDED:
                continue
            for edge in self._out(node, predicate).tolist():
                if members[other := int(self.objects[edge])]:
                    ties.add(Tie(predicate, self.iris[other], self._names[other], self._evidence.get(edge, ())))
            for edge in self._in(node, predicate).tolist():
                if members[other := int(self.subjects[edge])]:
                    ties.add(Tie(predicate, self.iris[other], self._names[other], self._evidence.get(edge, ())))
        for edge in self._out(node, "leadsChain").tolist():
            scope = self._qualifiers.get(edge, {}).get("scope")
            if isinstance(scope, str) and scope in self._index and members[self._index[scope]]:
                ties.add(Tie("leadsChain", scope, self._names[self._index[scope]], self._evidence.get(edge, ())))
        return sorted(ties, key=lambda t: (t.predicate, t.other))

    def named_things(self) -> list[PlaceName]:
        if self._named is None:
            self._named = sorted(
                (PlaceName(self.iris[n], self._names[n], self._names_en[n], self._attribute(n, "aliases", ()),
                           self._classes[n], self._attribute(n, "admin_level"))
                 for n in range(len(self.iris)) if NAMED_CLASSES & set(self._classes[n])),
                key=lambda p: p.iri,
            )
        return self._named
