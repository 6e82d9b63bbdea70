"""RDF ⇄ Neo4j property-graph rows: the mapping, with no driver in sight.

The property graph's schema is the ontology's, in plain properties an app reads without an
RDF parser (the keys are declared once, in ``graph.mapping``):

- every **entity** (a node of an ontology class) is one node labelled ``Entity`` plus its
  class names (``Company``, ``IndustrialPark``, …) with ``iri``, ``name`` (the zh
  ``skos:prefLabel``), ``nameEn``, ``aliases`` / ``aliasesEn``, ``names`` (all of them),
  ``divisionCode``, ``adminLevel``, ``status``, ``stage``, ``industryCode``, ``broader`` …,
  ``sources`` (source IRIs), its evidence and ``reportedMaxCNY`` (derived: the largest
  output, investment or contract figure reported about it);
- every **source** is a ``SourceDocument`` node (``title``, ``kind``, ``published``,
  ``fileName``, ``sha256``, ``citation``, ``mentions`` …): each IRI in a ``sources`` list is
  the ``iri`` of one;
- every **figure** is an ``Observation`` node (``measure``, ``value``, ``unit``,
  ``originalValue``, ``bound``, ``periodStart`` / ``periodEnd`` as dates, ``periodLabel`` …)
  with a ``REF_ENTITY`` relationship to the entity it is about;
- every **relation** ``s p o`` between entities is one relationship of type
  ``P_IN_UPPER_SNAKE`` with ``sources``, ``methods``, ``confidence`` (the highest of its
  statements), the qualifiers the records declare (``leadershipKind``, ``modality``,
  ``scope``, ``scopeNote``, ``note``) and its evidence;
- **evidence** (on nodes and relationships) is five parallel lists — ``evidence`` (the
  sentence, plain simplified Chinese), ``evidenceQuote`` (as it stands in the file),
  ``evidenceStart`` / ``evidenceEnd`` (offsets into the file), ``evidenceSource``.

**Lossless.** A row is written from the quads (triple + named graph) it owns; the reader
rebuilds quads from the plain properties (:func:`rows_to_dataset`), each in the named graph of
its source. Whatever the plain properties cannot say — a statement's per-source confidence
when two sources state a relation, a literal in an unexpected language, a triple of a
resource that is no row (the chain concept scheme) — is kept beside them as ``rdfExtra``
(quads to add) and ``rdfWithdrawn`` (rebuilt quads to drop), JSON (never split on a line
separator, whatever Unicode it holds), and the graph-level remainder on one ``NamedGraph``
node per graph. So ``rows_to_dataset(rdf_to_rows(d))`` is ``d``, named graphs included.

Example
-------
>>> from chainkg.graph.build import build_seed_dataset
>>> dataset = build_seed_dataset()
>>> nodes, relationships = rdf_to_rows(dataset)
>>> haixi = next(n for n in nodes if n.properties.get("name") == "中国机械总院海西分院")
>>> haixi.labels
('Company', 'Entity', 'ResearchInstitute')
>>> lead = next(r for r in relationships if r.start == haixi.iri and r.type == "LEADS_CHAIN")
>>> lead.properties["leadershipKind"], lead.properties["confidence"], lead.properties["evidenceStart"]
('chain_leader', 1.0, [1863])
>>> from rdflib.compare import isomorphic
>>> back = rows_to_dataset(nodes, relationships)
>>> all(isomorphic(g, back.graph(g.identifier)) for g in dataset.graphs())
True
"""

from __future__ import annotations

import datetime
import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import PROV, RDF, XSD

from chainkg.errors import ChainKGError
from chainkg.graph import iris
from chainkg.graph.mapping import (
    ENTITY_KEYS,
    ENTITY_LABEL,
    EVIDENCE_KEYS,
    EVIDENCE_STATED_ON,
    GRAPH_LABEL,
    OBSERVATION_KEYS,
    OBSERVATION_LABEL,
    REF_ENTITY_TYPE,
    SOURCE_KEYS,
    SOURCE_LABEL,
    WEIGHT_MEASURES,
    PropertyKey,
    date_literal,
    decimal_literal,
    edge_dates,
    emit_facts,
    entity_labels,
    entity_names,
    entity_properties,
    merged_qualifiers,
    plain_from_rdf,
    rdf_value,
    relationship_properties,
    statement_date,
)
from chainkg.graph.namespaces import OA, bind_prefixes
from chainkg.loaders.records import RELATION_QUALIFIERS, FactSet, TextSpan
from chainkg.ontology import CKG, CLASSES, RELATIONS

__all__ = ["NodeRow", "RelationshipRow", "ENTITY_LABEL", "rdf_to_rows", "rows_to_rdf", "rows_to_dataset",
           "stored_subgraph", "facts_to_rows", "encode_quads", "decode_quads", "STORAGE_LABELS"]

#: The labels that key a chainkg node (each has a uniqueness constraint on ``iri``).
STORAGE_LABELS = (ENTITY_LABEL, SOURCE_LABEL, OBSERVATION_LABEL, GRAPH_LABEL)

_CLASS_BY_IRI = {iri: name for name, iri in CLASSES.items()}
_RELATION_BY_IRI = {term.iri: term for term in RELATIONS.values()}
_RELATION_BY_TYPE = {term.neo4j_type: term for term in RELATIONS.values()}
_RELATION_ORDER = {term.neo4j_type: i for i, term in enumerate(sorted(_RELATION_BY_IRI.values(), key=lambda t: str(t.iri)))}
_DEFAULT_LANGUAGE = "zh"
_CNY = "http://qudt.org/vocab/currency/CNY"
_EXTRA, _WITHDRAWN, _GRAPH = "rdfExtra", "rdfWithdrawn", "graph"

#: An RDF term as rdflib hands it out (typed loosely: rdflib types many of its results as any node).
Node = Any
Quad = tuple[Node, Node, Node, Node]  # subject, predicate, object, graph


@dataclass(frozen=True)
class NodeRow:
    """One Neo4j node: its IRI, labels and properties."""

    iri: str
    labels: tuple[str, ...]
    properties: dict = field(hash=False)


@dataclass(frozen=True)
class RelationshipRow:
    """One Neo4j relationship between two node IRIs."""

    start: str
    type: str
    end: str
    properties: dict = field(hash=False)


# -- quads as JSON (the part the plain properties cannot say) ------------------------------

def _term_json(term: Node) -> list:
    if isinstance(term, URIRef):
        return ["i", str(term)]
    if isinstance(term, BNode):
        return ["b", str(term)]
    if isinstance(term, Literal):
        return ["l", str(term), term.language or "", str(term.datatype or "")]
    raise ChainKGError(f"cannot store an RDF term of type {type(term).__name__} in Neo4j")


def _json_term(item: list) -> Node:
    kind = item[0]
    if kind == "i":
        return URIRef(item[1])
    if kind == "b":
        return BNode(item[1])
    return Literal(item[1], lang=item[2] or None, datatype=URIRef(item[3]) if item[3] else None)


def encode_quads(quads: Iterable[Quad]) -> str:
    """Quads as one JSON text: escapes every control character, splits on no line separator.

    >>> from rdflib import URIRef, Literal
    >>> text = encode_quads([(URIRef("urn:s"), URIRef("urn:p"), Literal("a\\u2028b", lang="zh"), URIRef("urn:g"))])
    >>> decode_quads(text)[0][2] == Literal("a\\u2028b", lang="zh")
    True
    """
    return json.dumps(sorted([_term_json(t) for t in quad] for quad in quads), ensure_ascii=False)


def decode_quads(text: str) -> list[Quad]:
    """Inverse of :func:`encode_quads`."""
    return [(_json_term(s), _json_term(p), _json_term(o), _json_term(g)) for s, p, o, g in json.loads(text)]


# -- an index of quads by subject ------------------------------------------------------------

class _Quads:
    """Quads by subject, the one structure both paths (RDF, records) fill."""

    def __init__(self) -> None:
        self.by_subject: dict[Node, list[tuple[Node, Node, Node]]] = defaultdict(list)
        self._typed: dict[Node, list[Node]] | None = None
        #: A plain Graph (no named graphs): rows keep its triples, the graphs are the rule's.
        self.graphless = False

    @classmethod
    def of(cls, graph: Graph) -> _Quads:
        index = cls()
        if isinstance(graph, Dataset) or hasattr(graph, "quads") and getattr(graph, "context_aware", False):
            for s, p, o, context in graph.quads((None, None, None, None)):
                graph_id = getattr(context, "identifier", context) if context is not None else DATASET_DEFAULT_GRAPH_ID
                index.add(graph_id, (s, p, o))
        else:
            index.graphless = True
            for s, p, o in graph:
                index.add(DATASET_DEFAULT_GRAPH_ID, (s, p, o))
        return index

    def add(self, graph_id: Node, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        self.by_subject[s].append((p, o, graph_id))
        self._typed = None

    def quads(self, subject: Node) -> set[Quad]:
        return {(subject, p, o, g) for p, o, g in self.by_subject.get(subject, ())}

    def objects(self, subject: Node, predicate: Node) -> list[Node]:
        return sorted({o for p, o, _ in self.by_subject.get(subject, ()) if p == predicate})

    def value(self, subject: Node, predicate: Node) -> Node | None:
        found = self.objects(subject, predicate)
        return found[0] if len(found) == 1 else None

    def typed(self, class_iri: Node) -> list[Node]:
        if self._typed is None:
            typed: dict[Node, set[Node]] = defaultdict(set)
            for s, items in self.by_subject.items():
                for p, o, _ in items:
                    if p == RDF.type:
                        typed[o].add(s)
            self._typed = {c: sorted(members) for c, members in typed.items()}
        return self._typed.get(class_iri, [])


def _closure(index: _Quads, node: Node, rows: set, into: set[Quad], seen: set) -> None:
    """A node's quads and those of what hangs off it: evidence and its selectors, blank
    nodes, IRIs minted under the node, a data set — never another row."""
    if node in seen:
        return
    seen.add(node)
    for p, o, g in index.by_subject.get(node, ()):
        into.add((node, p, o, g))
        if o in rows or o == node:
            continue
        if isinstance(o, BNode) or p in (CKG.evidence, OA.hasSelector, _QB_DATASET) or (
                isinstance(o, URIRef) and str(o).startswith(f"{node}/")):
            _closure(index, o, rows, into, seen)


_QB_DATASET = URIRef("http://purl.org/linked-data/cube#dataSet")


# -- values ----------------------------------------------------------------------------

def _language_key(base: str, language: str | None) -> str:
    """``name`` for zh, ``nameEn`` for en, ``name_fr`` for others, ``name_`` untagged."""
    if language == _DEFAULT_LANGUAGE:
        return base
    if language == "en":
        return base + "En"
    return f"{base}_{language or ''}"


def _spec_of(key: str, specs: dict[str, PropertyKey]) -> tuple[PropertyKey, str | None] | None:
    """The key's spec and, for a language-keyed one, the language it stands for."""
    if key in specs:
        spec = specs[key]
        return spec, _DEFAULT_LANGUAGE if spec.value == "lang" else None
    for base, spec in specs.items():
        if spec.value != "lang":
            continue
        if key == base + "En":
            return spec, "en"
        if key.startswith(base + "_"):
            return spec, key[len(base) + 1:] or None
    return None


def _to_plain(spec: PropertyKey, value: Node) -> tuple[str, Any] | None:
    """(key, value) for Neo4j, or None when the value is not of the spec's kind."""
    if spec.value == "iri":
        return (spec.key, str(value)) if isinstance(value, URIRef) else None
    if not isinstance(value, Literal):
        return None
    if spec.value == "lang":
        return _language_key(spec.key, value.language), str(value)
    if spec.value == "decimal":
        try:
            return spec.key, float(Decimal(str(value)))
        except (InvalidOperation, ValueError):
            return None
    if spec.value == "date":
        try:
            return spec.key, datetime.date.fromisoformat(str(value))
        except ValueError:
            return None
    if spec.value == "isodate" and value != date_literal(str(value)):
        return None  # not a date as chainkg writes one: rdfExtra keeps it
    return spec.key, str(value)


def _native(value: Any) -> Any:
    """A Neo4j driver value as Python's (a Neo4j date as ``datetime.date``)."""
    return value.to_native() if hasattr(value, "to_native") else value


def _to_rdf(spec: PropertyKey, value: Any, language: str | None) -> Node:
    if spec.value == "iri":
        return URIRef(value)
    if spec.value == "lang":
        return Literal(value, lang=language)
    if spec.value in ("zh", "en"):
        return Literal(value, lang=spec.value)
    if spec.value == "decimal":
        return decimal_literal(Decimal(repr(float(value))))
    if spec.value == "date":
        return Literal(_native(value).isoformat(), datatype=XSD.date)
    if spec.value == "isodate":
        return date_literal(str(value))
    return Literal(value)


def _plain_properties(index: _Quads, node: Node, specs: dict[URIRef, PropertyKey]) -> dict[str, Any]:
    values: dict[str, list] = defaultdict(list)
    for p, o, _ in index.by_subject.get(node, ()):
        if isinstance(p, URIRef) and p in specs and (plain := _to_plain(specs[p], o)) is not None:
            values[plain[0]].append(plain[1])
    by_key = {spec.key: spec for spec in specs.values()}
    properties: dict[str, Any] = {}
    for key, items in sorted(values.items()):
        items = sorted(set(items))
        found = _spec_of(key, by_key)
        many = found is not None and found[0].many
        # a second value of a single-valued key stays in rdfExtra: the first is the plain one
        properties[key] = items if many else items[0]
    return properties


def _triples_from_plain(subject: URIRef, properties: dict[str, Any], specs: dict[str, PropertyKey]):
    for key, value in properties.items():
        found = _spec_of(key, specs)
        if found is None:
            continue
        spec, language = found
        for item in value if isinstance(value, list) else [value]:
            yield subject, spec.predicate, _to_rdf(spec, item, language)


# -- evidence ----------------------------------------------------------------------------

def _source_id(source: str) -> str | None:
    text = iris.entity_id(source)
    return text.removeprefix("source/") if text.startswith("source/") and text != source else None


def _spans(index: _Quads, node: Node) -> list[TextSpan]:
    """The evidence of ``node`` that reads as text spans (the rest stays in rdfExtra)."""
    spans = []
    for evidence in index.objects(node, CKG.evidence):
        source = index.value(evidence, OA.hasSource)
        source_id = _source_id(str(source)) if isinstance(source, URIRef) else None
        if source_id is None:
            continue
        position = URIRef(f"{evidence}/position")
        quote = index.value(URIRef(f"{evidence}/quote"), OA.exact)
        start, end = index.value(position, OA.start), index.value(position, OA.end)
        plain = index.value(evidence, CKG.plainText)
        if not (isinstance(start, Literal) and isinstance(end, Literal) and isinstance(quote, Literal)):
            continue
        try:
            span = TextSpan(source_id, int(start), int(end), str(quote), str(plain) if plain is not None else "")
        except ValueError:
            continue
        if iris.evidence_iri(span.source_id, span.start, span.end) == evidence:
            spans.append(span)
    return sorted(spans, key=lambda s: (s.source_id, s.start, s.end))


def _evidence_properties(spans: list[TextSpan], dates: dict[TextSpan, str] | None = None) -> dict[str, Any]:
    """The evidence columns (:data:`EVIDENCE_KEYS`); with ``dates`` (a relationship's), also
    ``evidenceStatedOn``: each sentence's statement date, ``""`` when undated — what an "as of"
    answer quotes (derived, like ``knownSince``: never read back into RDF)."""
    if not spans:
        return {}  # no evidence: no property (an empty list would cost every row a store write)
    properties = dict(zip(EVIDENCE_KEYS, (
        [s.plain_text for s in spans], [s.quote for s in spans], [s.start for s in spans], [s.end for s in spans],
        [str(iris.source_iri(s.source_id)) for s in spans]), strict=True))
    if dates is not None and any(dates.values()):
        properties[EVIDENCE_STATED_ON] = [dates.get(s, "") for s in spans]
    return properties


def _spans_from(properties: dict[str, Any]) -> list[TextSpan]:
    columns = [properties.get(key) or [] for key in EVIDENCE_KEYS]
    spans = []
    for text, quote, start, end, source in zip(*columns, strict=False):
        source_id = _source_id(source)
        if source_id is not None:
            spans.append(TextSpan(source_id, int(start), int(end), quote, text))
    return spans


def _evidence_quads(node: URIRef, span: TextSpan) -> list[tuple[tuple, str]]:
    """``node ckg:evidence <span>`` and the span's triples, each with the source it belongs to."""
    from chainkg.graph.mapping import evidence_triples

    link = (node, CKG.evidence, iris.evidence_iri(span.source_id, span.start, span.end))
    return [(t, span.source_id) for t in (link, *evidence_triples(span))]


# -- rows from quads --------------------------------------------------------------------

def _place(triples: list[tuple[tuple, str | None]], core_sources: list[str], properties: dict) -> set[Quad]:
    """Quads of rebuilt triples: each in the named graph of the source it belongs to (None:
    every source of the row), or all in the row's one ``graph`` when it has one."""
    if properties.get(_GRAPH):
        graph = URIRef(properties[_GRAPH])
        return {(*t, graph) for t, _ in triples}
    quads = set()
    core = [iris.graph_iri(s) for s in core_sources]
    for triple, source_id in triples:
        for graph in ([iris.graph_iri(source_id)] if source_id is not None else core):
            quads.add((*triple, graph))
    return quads


def _finish(properties: dict[str, Any], owned: set[Quad], rebuild, graphless: bool = False) -> dict[str, Any]:
    """Add what the plain properties cannot say (``rdfExtra``, ``rdfWithdrawn``), choosing
    between graph by source and one ``graph`` for the row, whichever needs less.

    ``graphless``: the quads came from a plain Graph, so only their triples count.
    """
    rebuilt = rebuild(properties)
    if graphless:
        triples = {q[:3] for q in owned}
        rebuilt_triples = {q[:3] for q in rebuilt}
        if extra_triples := triples - rebuilt_triples:
            properties[_EXTRA] = encode_quads((*t, DATASET_DEFAULT_GRAPH_ID) for t in extra_triples)
        if withdrawn_quads := {q for q in rebuilt if q[:3] not in triples}:
            properties[_WITHDRAWN] = encode_quads(withdrawn_quads)
        return properties
    if rebuilt != owned:
        for graph in sorted({q[3] for q in owned}):
            trial = {**properties, _GRAPH: str(graph)}
            again = rebuild(trial)
            if len(again ^ owned) < len(rebuilt ^ owned):
                properties, rebuilt = trial, again
    if extra := owned - rebuilt:
        properties[_EXTRA] = encode_quads(extra)
    if withdrawn := rebuilt - owned:
        properties[_WITHDRAWN] = encode_quads(withdrawn)
    return properties


def _corrected(properties: dict[str, Any], rebuilt: set[Quad]) -> set[Quad]:
    if properties.get(_EXTRA):
        rebuilt |= set(decode_quads(properties[_EXTRA]))
    if properties.get(_WITHDRAWN):
        rebuilt -= set(decode_quads(properties[_WITHDRAWN]))
    return rebuilt


_ENTITY_SPECS = {k.predicate: k for k in ENTITY_KEYS}
_ENTITY_KEYS = {k.key: k for k in ENTITY_KEYS}
_SOURCE_SPECS = {k.predicate: k for k in SOURCE_KEYS}
_SOURCE_KEYS = {k.key: k for k in SOURCE_KEYS}
_OBSERVATION_SPECS = {k.predicate: k for k in OBSERVATION_KEYS}
_OBSERVATION_KEYS = {k.key: k for k in OBSERVATION_KEYS}


def _rebuild_node(row_kind: str, iri: str, labels: Iterable[str], properties: dict[str, Any]) -> set[Quad]:
    """The quads a node row's plain properties say (before ``rdfExtra`` / ``rdfWithdrawn``)."""
    subject = URIRef(iri)
    triples: list[tuple[tuple, str | None]] = []
    sources = [s for s in (_source_id(x) for x in properties.get("sources", [])) if s is not None]
    if row_kind == ENTITY_LABEL:
        triples += [((subject, RDF.type, CLASSES[label]), None) for label in labels if label in CLASSES]
        keys = _ENTITY_KEYS
    elif row_kind == SOURCE_LABEL:
        triples.append(((subject, RDF.type, CKG.SourceDocument), None))
        keys = _SOURCE_KEYS
        own = _source_id(iri)
        sources = [own] if own is not None else []
    elif row_kind == OBSERVATION_LABEL:
        triples.append(((subject, RDF.type, CKG.Observation), None))
        if properties.get("dataSet"):
            triples.append(((URIRef(properties["dataSet"]), RDF.type, _QB_DATASET_CLASS), None))
        keys = _OBSERVATION_KEYS
    else:
        return set()
    for triple in _triples_from_plain(subject, properties, keys):
        # prov:wasDerivedFrom a source sits in that source's graph; the rest in every source's
        triples.append((triple, _source_id(str(triple[2])) if triple[1] == PROV.wasDerivedFrom else None))
    for span in _spans_from(properties):
        triples += _evidence_quads(subject, span)
    return _place(triples, sources, properties)


_QB_DATASET_CLASS = URIRef("http://purl.org/linked-data/cube#DataSet")


def _node_row(index: _Quads, node: URIRef, row_kind: str, rows: set) -> NodeRow:
    owned: set[Quad] = set()
    _closure(index, node, rows, owned, set())
    if row_kind == ENTITY_LABEL:
        # relations to other entities are relationship rows, not the node's
        owned = {q for q in owned if not (q[0] == node and q[1] in _RELATION_BY_IRI and q[2] in rows)}
        labels = tuple(sorted({ENTITY_LABEL, *(_CLASS_BY_IRI[c] for c in index.objects(node, RDF.type) if c in _CLASS_BY_IRI)}))
        specs = _ENTITY_SPECS
    else:
        labels = (row_kind,)
        specs = _SOURCE_SPECS if row_kind == SOURCE_LABEL else _OBSERVATION_SPECS
    properties: dict[str, Any] = {"iri": str(node), **_plain_properties(index, node, specs)}
    properties.update(_evidence_properties(_spans(index, node)))
    if row_kind == ENTITY_LABEL and (names := entity_names(properties)):
        properties["names"] = names
    properties = _finish(properties, owned, lambda p: _rebuild_node(row_kind, str(node), labels, p), index.graphless)
    return NodeRow(str(node), labels, properties)


def _statement_triples(subject: URIRef, term, object_: URIRef, properties: dict[str, Any]) -> list[tuple[tuple, str | None]]:
    """The plain triple and the statement node of each source, as the properties say them."""
    triples: list[tuple[tuple, str | None]] = [((subject, term.iri, object_), None)]
    sources = [s for s in (_source_id(x) for x in properties.get("sources", [])) if s is not None]
    single = len(sources) == 1
    statement_of = {}
    for source_id in sources:
        statement = iris.statement_iri(iris.entity_id(subject), term.name, iris.entity_id(object_), source_id)
        statement_of[source_id] = statement
        own = [(statement, RDF.type, CKG.RelationStatement), (statement, RDF.subject, subject),
               (statement, RDF.predicate, term.iri), (statement, RDF.object, object_),
               (statement, PROV.wasDerivedFrom, iris.source_iri(source_id))]
        if single:  # one statement: the relationship's flat properties are its own
            if "confidence" in properties:
                own.append((statement, CKG.confidence, decimal_literal(Decimal(repr(float(properties["confidence"]))))))
            if len(properties.get("methods", [])) == 1:
                own.append((statement, CKG.method, Literal(properties["methods"][0])))
            for qualifier in RELATION_QUALIFIERS:
                if properties.get(qualifier.term):
                    record_value = iris.entity_id(properties[qualifier.term]) if qualifier.value == "entity" else properties[qualifier.term]
                    own.append((statement, CKG[qualifier.term], rdf_value(qualifier, record_value)))
        triples += [(t, source_id) for t in own]
    for span in _spans_from(properties):
        if span.source_id in statement_of:
            triples += _evidence_quads(statement_of[span.source_id], span)
    return triples


def _relationship_row(index: _Quads, subject: URIRef, term, object_: URIRef, statements: list, rows: set) -> RelationshipRow:
    owned: set[Quad] = {(subject, term.iri, object_, g) for p, o, g in index.by_subject.get(subject, ())
                        if p == term.iri and o == object_}
    seen: set = set()
    properties: dict[str, Any] = {}
    sources: set[str] = set()
    confidences: list[float] = []
    methods: set[str] = set()
    spans: list[TextSpan] = []
    dates: dict[TextSpan, str] = {}
    qualified: list[dict[Any, Any]] = []
    for statement in statements:
        _closure(index, statement, rows, owned, seen)
        sources.update(str(s) for s in index.objects(statement, PROV.wasDerivedFrom))
        if (confidence := index.value(statement, CKG.confidence)) is not None:
            try:
                confidences.append(float(Decimal(str(confidence))))
            except InvalidOperation:
                pass
        methods.update(str(m) for m in index.objects(statement, CKG.method))
        own = _spans(index, statement)
        spans += own
        qualified.append({q: plain_from_rdf(q, value) for q in RELATION_QUALIFIERS
                          if (value := index.value(statement, CKG[q.term])) is not None})
        stated_on = statement_date(qualified[-1]) or ""
        for span in own:  # a sentence two statements share is as old as the older
            dates[span] = min(dates.get(span) or stated_on, stated_on) if stated_on else ""
    properties.update((term.term, value) for term, value in merged_qualifiers(qualified).items())
    properties.update(edge_dates(qualified))
    properties.update({"sources": sorted(sources), "methods": sorted(methods)})
    if confidences:
        properties["confidence"] = max(confidences)
    properties.update(_evidence_properties(sorted(set(spans), key=lambda s: (s.source_id, s.start, s.end)), dates))

    def rebuild(p: dict) -> set[Quad]:
        sources_ = [s for s in (_source_id(x) for x in p.get("sources", [])) if s is not None]
        return _place(_statement_triples(subject, term, object_, p), sources_, p)

    properties = _finish(properties, owned, rebuild, index.graphless)
    return RelationshipRow(str(subject), term.neo4j_type, str(object_), properties)


def _rows(index: _Quads, known_entities: Iterable[str] = ()) -> tuple[list[NodeRow], list[RelationshipRow]]:
    """Every row the quads make; ``known_entities``: entity IRIs with rows made elsewhere."""
    entities = {s for c in _CLASS_BY_IRI for s in index.typed(c) if isinstance(s, URIRef)}
    sources = {s for s in index.typed(CKG.SourceDocument) if isinstance(s, URIRef)} - entities
    observations = {s for s in index.typed(CKG.Observation) if isinstance(s, URIRef)} - entities - sources
    ends = entities | {URIRef(e) for e in known_entities}
    rows: set = ends | sources | observations
    nodes = [_node_row(index, e, ENTITY_LABEL, rows) for e in sorted(entities)]
    nodes += [_node_row(index, s, SOURCE_LABEL, rows) for s in sorted(sources)]
    nodes += [_node_row(index, o, OBSERVATION_LABEL, rows) for o in sorted(observations)]

    statements: dict[tuple, list] = defaultdict(list)
    for statement in index.typed(CKG.RelationStatement):
        key = (index.value(statement, RDF.subject), index.value(statement, RDF.predicate), index.value(statement, RDF.object))
        statements[key].append(statement)
    relationships = []
    claimed: set[Node] = set()
    for subject in sorted(s for s in index.by_subject if s in ends):
        for predicate, object_ in sorted({(p, o) for p, o, _ in index.by_subject[subject] if p in _RELATION_BY_IRI and o in ends}):
            found = sorted(statements.get((subject, predicate, object_), []))
            claimed.update(found)
            relationships.append(_relationship_row(index, subject, _RELATION_BY_IRI[predicate], object_, found, rows))
    relationships += _ref_entity_rows(nodes)
    nodes += _graph_rows(index, rows | claimed)
    return nodes, relationships


def _ref_entity_rows(nodes: list[NodeRow]) -> list[RelationshipRow]:
    return [RelationshipRow(n.iri, REF_ENTITY_TYPE, n.properties["refEntity"], {})
            for n in nodes if n.labels == (OBSERVATION_LABEL,) and n.properties.get("refEntity")]


def _graph_rows(index: _Quads, claimed: set) -> list[NodeRow]:
    """One ``NamedGraph`` row per graph holding quads no row owns (resources that are no row)."""
    held: set = set()
    seen: set = set()
    for node in claimed:
        _closure(index, node, claimed, held, seen)
    orphans: dict[Node, set[Quad]] = defaultdict(set)
    for subject, items in index.by_subject.items():
        for p, o, g in items:
            if (subject, p, o, g) not in held:
                orphans[g].add((subject, p, o, g))
    return [NodeRow(str(g), (GRAPH_LABEL,), {"iri": str(g), _EXTRA: encode_quads(quads)})
            for g, quads in sorted(orphans.items())]


def _reported_figures(nodes: list[NodeRow]) -> None:
    """``reportedMaxCNY`` on each entity: its largest output / investment / contract figure."""
    largest: dict[str, float] = {}
    for node in nodes:
        p = node.properties
        if node.labels == (OBSERVATION_LABEL,) and p.get("unit") == _CNY and p.get("measure") in WEIGHT_MEASURES \
                and p.get("refEntity") and isinstance(p.get("value"), float):
            largest[p["refEntity"]] = max(largest.get(p["refEntity"], 0.0), p["value"])
    for node in nodes:
        if ENTITY_LABEL in node.labels and node.iri in largest:
            node.properties["reportedMaxCNY"] = largest[node.iri]


def _sorted_relationships(relationships: list[RelationshipRow]) -> list[RelationshipRow]:
    return sorted(relationships, key=lambda r: (_RELATION_ORDER.get(r.type, len(_RELATION_ORDER)), r.type, r.start, r.end))


def rdf_to_rows(graph: Graph) -> tuple[list[NodeRow], list[RelationshipRow]]:
    """Nodes and relationships for Neo4j from an RDF ``Dataset`` (named graphs kept) or ``Graph``."""
    nodes, relationships = _rows(_Quads.of(graph))
    _reported_figures(nodes)
    return nodes, _sorted_relationships(relationships)


# -- quads from rows --------------------------------------------------------------------

def _row_kind(labels: Iterable[str]) -> str:
    return next((label for label in STORAGE_LABELS if label in labels), ENTITY_LABEL)


def rows_to_dataset(nodes: Iterable[NodeRow], relationships: Iterable[RelationshipRow]) -> Dataset:
    """Rebuild the RDF dataset, named graphs included, from Neo4j rows (inverse of :func:`rdf_to_rows`)."""
    dataset = bind_prefixes(Dataset())
    quads: set[Quad] = set()
    for node in nodes:
        properties = {k: _native(v) for k, v in node.properties.items()}
        kind = _row_kind(node.labels)
        quads |= _corrected(properties, _rebuild_node(kind, node.iri, node.labels, properties))
    for relationship in relationships:
        term = _RELATION_BY_TYPE.get(relationship.type)
        if term is None:
            continue  # REF_ENTITY: the observation's refEntity says it; another app's own types
        properties = relationship.properties
        sources = [s for s in (_source_id(x) for x in properties.get("sources", [])) if s is not None]
        rebuilt = _place(_statement_triples(URIRef(relationship.start), term, URIRef(relationship.end), properties),
                         sources, properties)
        quads |= _corrected(properties, rebuilt)
    by_graph: dict[Node, list] = defaultdict(list)
    for s, p, o, g in quads:
        by_graph[g].append((s, p, o))
    for g, triples in sorted(by_graph.items()):
        graph = dataset.graph(g)
        for triple in triples:
            graph.add(triple)
    return dataset


def rows_to_rdf(nodes: Iterable[NodeRow], relationships: Iterable[RelationshipRow]) -> Graph:
    """Rebuild RDF from Neo4j rows, every named graph in one ``Graph``."""
    graph = bind_prefixes(Graph())
    dataset = rows_to_dataset(nodes, relationships)
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    return graph


def stored_subgraph(graph: Graph) -> Graph:
    """What a round trip through the rows gives back of ``graph``: all of it (checked)."""
    back = rows_to_rdf(*rdf_to_rows(graph))
    if set(back) != set(graph):
        raise ChainKGError(f"the Neo4j rows lose {len(set(graph) - set(back))} and invent {len(set(back) - set(graph))} triples")
    return back


# -- rows straight from records ----------------------------------------------------------

def facts_to_rows(facts: FactSet) -> tuple[list[NodeRow], list[RelationshipRow]]:
    """The rows of :func:`rdf_to_rows` on ``facts_to_dataset(facts)``, straight from records.

    For graphs too big for rdflib's in-memory store. Entities and relations without evidence
    (registries, tables, generated data) become rows directly; sources, observations and the
    few records with evidence go through a small quad index, so the rows equal those from
    RDF (tests check both).
    """
    mentioned = {m.entity_id for m in facts.mentions}
    grouped: dict = defaultdict(list)
    for relation in facts.relations:
        grouped[relation.key].append(relation)
    slow_entities = {k: e for k, e in facts.entities.items() if e.evidence or k in mentioned}
    slow_relations = [r for group in grouped.values() if len(group) > 1 or group[0].evidence is not None for r in group]
    slow = FactSet(sources=facts.sources, entities=slow_entities, mentions=facts.mentions, relations=slow_relations,
                   observations=facts.observations)
    index = _Quads()
    emit_facts(slow, index.add)
    fast = {k: e for k, e in facts.entities.items() if k not in slow_entities}
    nodes, relationships = _rows(index, known_entities=(str(iris.entity_iri(k)) for k in fast))
    for entity in fast.values():
        properties = entity_properties(entity)
        nodes.append(NodeRow(properties["iri"], entity_labels(entity), properties))
    known = {n.iri for n in nodes if ENTITY_LABEL in n.labels}
    for (subject_id, predicate, object_id), relations in grouped.items():
        if len(relations) == 1 and relations[0].evidence is None:
            subject, object_ = str(iris.entity_iri(subject_id)), str(iris.entity_iri(object_id))
            if subject in known and object_ in known:
                relationships.append(RelationshipRow(subject, RELATIONS[predicate].neo4j_type, object_,
                                                     relationship_properties(relations[0])))
    nodes.sort(key=lambda n: (STORAGE_LABELS.index(_row_kind(n.labels)), n.iri))
    _reported_figures(nodes)
    return nodes, _sorted_relationships(relationships)

