"""RDF ⇄ Neo4j property-graph rows: the mapping, with no driver in sight.

The property graph's schema is the ontology's:

- every entity (a node of an ontology class) is one node labelled ``Entity`` plus its class
  names (``Company``, ``IndustrialPark``, …) with properties ``iri``, ``name`` (the zh
  ``skos:prefLabel``), ``nameEn``, ``aliases`` / ``aliasesEn`` (``skos:altLabel`` by
  language), ``divisionCode``, ``adminLevel``, ``status``, ``stage``, ``industryCode`` …,
  ``sources`` (what it was derived from), ``provenance`` (its evidence, as N-Triples) and
  ``reportedMaxCNY`` (derived: the largest output, investment or contract figure reported
  about it — observations themselves stay in RDF);
- every relation ``s p o`` between entities is one relationship of type ``P_IN_UPPER_SNAKE``
  with ``sources``, ``methods``, ``confidence`` (the highest of its statements), ``evidence`` (the
  sentences, plain simplified Chinese; absent when there are none), the qualifiers the records
  declare (``leadershipKind``, ``modality``, ``scope``, ``scopeNote``, ``note``: see ``graph.mapping``) and ``provenance``: every statement node behind it with its evidence, as
  N-Triples, so that nothing is lost on the way back.

:func:`rdf_to_rows` and :func:`rows_to_rdf` are inverse on :func:`stored_subgraph` — the part
of an RDF graph the writer stores (tests compare the two).

Example
-------
>>> from chainkg.graph.build import build_seed_dataset
>>> from chainkg.graph.rdf import union_graph
>>> nodes, relationships = rdf_to_rows(union_graph(build_seed_dataset()))
>>> haixi = next(n for n in nodes if n.properties["name"] == "中国机械总院海西分院")
>>> haixi.labels
('Company', 'Entity', 'ResearchInstitute')
>>> lead = next(r for r in relationships if r.start == haixi.iri and r.type == "LEADS_CHAIN")
>>> lead.properties["leadershipKind"], lead.properties["confidence"]
('chain_leader', 1.0)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from rdflib.term import Identifier

from chainkg.errors import ChainKGError
from chainkg.graph import iris
from chainkg.graph.mapping import (
    ENTITY_LABEL,
    emit_facts,
    entity_labels,
    entity_properties,
    relation_from_properties,
    relationship_properties,
    reported_cny_from_records,
    statement_qualifiers,
    statement_triples,
)
from chainkg.graph.namespaces import bind_prefixes
from chainkg.graph.rdf import reported_cny
from chainkg.loaders.records import ENTITY_TERMS, FactSet
from chainkg.ontology import CKG, CLASSES, RELATIONS

__all__ = ["NodeRow", "RelationshipRow", "ENTITY_LABEL", "rdf_to_rows", "rows_to_rdf", "stored_subgraph", "facts_to_rows"]

_CLASS_BY_IRI = {iri: name for name, iri in CLASSES.items()}
_RELATION_BY_IRI = {term.iri: term for term in RELATIONS.values()}
_RELATION_BY_TYPE = {term.neo4j_type: term for term in RELATIONS.values()}

# Literal-valued entity properties: RDF predicate → (Neo4j key, one value or a list): the
# records' attributes (one mapping, graph.mapping) and what only the chain templates carry.
_LITERAL_KEYS: dict[URIRef, tuple[str, bool]] = {
    SKOS.prefLabel: ("name", False),
    SKOS.altLabel: ("aliases", True),
    **{CKG[term.term]: (term.term, False) for term in ENTITY_TERMS},
    CKG.stage: ("stage", False),
    CKG.industryCode: ("industryCode", True),
}
# IRI-valued entity properties that are not relations (kept as IRI strings).
_IRI_KEYS: dict[URIRef, str] = {
    SKOS.inScheme: "inScheme",
    SKOS.topConceptOf: "topConceptOf",
    PROV.wasDerivedFrom: "sources",
}
_DEFAULT_LANGUAGE = "zh"


@dataclass(frozen=True)
class NodeRow:
    """One Neo4j node: its IRI, labels and properties."""

    iri: str
    labels: tuple[str, ...]
    properties: dict = field(hash=False)


@dataclass(frozen=True)
class RelationshipRow:
    """One Neo4j relationship between two entity IRIs."""

    start: str
    type: str
    end: str
    properties: dict = field(hash=False)


def _language_key(base: str, language: str | None) -> str:
    """``name`` for zh, ``nameEn`` for en, ``name_fr`` for others, ``name_`` untagged."""
    if language == _DEFAULT_LANGUAGE:
        return base
    if language == "en":
        return base + "En"
    return f"{base}_{language or ''}"


def _key_language(key: str, bases: dict[str, tuple[URIRef, bool]]) -> tuple[URIRef, bool, str | None] | None:
    if key in bases:
        return (*bases[key], _DEFAULT_LANGUAGE)
    if key.endswith("En") and key[:-2] in bases:
        return (*bases[key[:-2]], "en")
    base, sep, language = key.rpartition("_")
    if sep and base in bases:
        return (*bases[base], language or None)
    return None


_LANGUAGE_TAGGED = {SKOS.prefLabel, SKOS.altLabel}
_BASES = {key: (predicate, many) for predicate, (key, many) in _LITERAL_KEYS.items()}


def _entities(graph: Graph) -> set[URIRef]:
    return {s for s, c in graph.subject_objects(RDF.type) if c in _CLASS_BY_IRI and isinstance(s, URIRef)}


def _closure(graph: Graph, node, into: Graph, seen: set) -> None:
    """Concise bounded description: the node's triples, following IRIs minted under it."""
    if node in seen:
        return
    seen.add(node)
    for predicate, object_ in graph.predicate_objects(node):
        into.add((node, predicate, object_))
        if isinstance(object_, BNode) or (
            isinstance(object_, URIRef) and (str(object_).startswith(f"{node}/") or "/evidence/" in str(object_))
            and predicate != PROV.wasDerivedFrom
        ):
            _closure(graph, object_, into, seen)


def _ntriples(graph: Graph) -> str:
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    return "\n".join(sorted(line for line in lines if line.strip()))


def rdf_to_rows(graph: Graph) -> tuple[list[NodeRow], list[RelationshipRow]]:
    """Nodes and relationships for Neo4j from an RDF graph (a union of named graphs)."""
    entities = _entities(graph)
    figures = reported_cny(graph)
    nodes = [_node_row(graph, entity) for entity in sorted(entities)]
    for node in nodes:
        if URIRef(node.iri) in figures:
            node.properties["reportedMaxCNY"] = figures[URIRef(node.iri)]

    statements: dict[tuple, list] = defaultdict(list)
    for statement in graph.subjects(RDF.type, CKG.RelationStatement):
        key = (graph.value(statement, RDF.subject), graph.value(statement, RDF.predicate), graph.value(statement, RDF.object))
        statements[key].append(statement)

    relationships = []
    for predicate, term in sorted(_RELATION_BY_IRI.items()):
        for subject, object_ in sorted(graph.subject_objects(predicate)):
            if not (isinstance(subject, URIRef) and subject in entities and isinstance(object_, URIRef) and object_ in entities):
                continue
            relationships.append(_relationship_row(graph, subject, term, object_, sorted(statements[(subject, predicate, object_)])))
    return nodes, relationships


def _node_row(graph: Graph, entity: URIRef) -> NodeRow:
    labels = tuple(sorted({ENTITY_LABEL, *(_CLASS_BY_IRI[c] for c in graph.objects(entity, RDF.type)
                                           if isinstance(c, URIRef) and c in _CLASS_BY_IRI)}))
    values: dict[str, list] = defaultdict(list)
    for predicate, object_ in graph.predicate_objects(entity):
        if not isinstance(predicate, URIRef):  # every key below is an IRI (rdflib types predicates as any node)
            continue
        if predicate in _LITERAL_KEYS and isinstance(object_, Literal):
            base, _ = _LITERAL_KEYS[predicate]
            key = _language_key(base, object_.language) if predicate in _LANGUAGE_TAGGED else base
            values[key].append(str(object_))
        elif predicate in _IRI_KEYS and isinstance(object_, URIRef):
            values[_IRI_KEYS[predicate]].append(str(object_))
    properties: dict = {"iri": str(entity)}
    for key, items in sorted(values.items()):
        items = sorted(set(items))
        spec = _key_language(key, _BASES)
        many = True if spec is None else spec[1]
        if not many and len(items) > 1:
            raise ChainKGError(f"{entity}: {len(items)} values for single-valued {key!r}: {items}")
        properties[key] = items if many else items[0]
    evidence = Graph()
    seen: set = set()
    for node in graph.objects(entity, CKG.evidence):
        evidence.add((entity, CKG.evidence, node))
        _closure(graph, node, evidence, seen)
    if len(evidence):
        properties["provenance"] = _ntriples(evidence)
    return NodeRow(str(entity), labels, properties)


def _relationship_row(graph: Graph, subject: URIRef, term, object_: URIRef, statements: list) -> RelationshipRow:
    properties: dict = {}
    sources: set[str] = set()
    sentences: list[str] = []
    confidences: list[float] = []
    methods: set[str] = set()
    provenance = Graph()
    seen: set = set()
    for statement in statements:
        _closure(graph, statement, provenance, seen)
        sources.update(str(s) for s in graph.objects(statement, PROV.wasDerivedFrom))
        if (confidence := graph.value(statement, CKG.confidence)) is not None:
            confidences.append(float(confidence))
        if (method := graph.value(statement, CKG.method)) is not None:
            methods.add(str(method))
        # Identifiers (IRIs, blank nodes) are what a parsed graph holds and what sorts; rdflib
        # types an object as any node, an N3 formula included.
        for evidence in sorted(e for e in graph.objects(statement, CKG.evidence) if isinstance(e, Identifier)):
            if (text := graph.value(evidence, CKG.plainText)) is not None:
                sentences.append(str(text))
        for qualifier, value in statement_qualifiers(graph, statement):
            properties.setdefault(qualifier.term, value)
    properties.update({"sources": sorted(sources), "methods": sorted(methods)})
    if sentences:  # no evidence: no property (an empty list would cost every row a store write)
        properties["evidence"] = sentences
    if confidences:
        properties["confidence"] = max(confidences)
    if len(provenance) and not (len(statements) == 1 and not sentences
                                and set(_derived_statement(str(subject), term, str(object_), properties)) == set(provenance)):
        properties["provenance"] = _ntriples(provenance)  # what the flat properties cannot say
    return RelationshipRow(str(subject), term.neo4j_type, str(object_), properties)


def _derived_statement(subject: str, term, object_: str, properties: dict) -> list[tuple]:
    """The statement triples a single-source relationship without evidence implies: when the
    stored ones are exactly these, ``provenance`` is left out and the reader rebuilds them."""
    if len(properties.get("sources", [])) != 1 or len(properties.get("methods", [])) != 1 or "confidence" not in properties:
        return []
    relation = relation_from_properties(subject, term.name, object_, properties)
    return [t for t in statement_triples(relation) if str(t[0]) != subject]  # the statement's own triples


def stored_subgraph(graph: Graph) -> Graph:
    """The part of ``graph`` that the Neo4j writer stores (what a round trip must give back)."""
    stored = bind_prefixes(Graph())
    nodes, relationships = rdf_to_rows(graph)
    for triple in rows_to_rdf(nodes, relationships):
        stored.add(triple)
    # Check against the source graph: every triple the rows claim really is in it.
    missing = [t for t in stored if t not in graph]
    if missing:
        raise ChainKGError(f"codec invented {len(missing)} triples, e.g. {missing[0]}")
    return stored


def rows_to_rdf(nodes: list[NodeRow], relationships: list[RelationshipRow]) -> Graph:
    """Rebuild RDF from Neo4j rows (inverse of :func:`rdf_to_rows`)."""
    graph = bind_prefixes(Graph())
    for node in nodes:
        subject = URIRef(node.iri)
        for label in node.labels:
            if label in CLASSES:
                graph.add((subject, RDF.type, CLASSES[label]))
        for key, value in node.properties.items():
            if key in ("iri", "provenance"):
                continue
            items = value if isinstance(value, list) else [value]
            iri_predicate = next((p for p, k in _IRI_KEYS.items() if k == key), None)
            if iri_predicate is not None:
                for item in items:
                    graph.add((subject, iri_predicate, URIRef(item)))
                continue
            spec = _key_language(key, _BASES)
            if spec is None:
                continue  # a property another app added: not ours to turn into RDF
            predicate, _, language = spec
            if predicate not in _LANGUAGE_TAGGED:
                language = None
            for item in items:
                graph.add((subject, predicate, Literal(item, lang=language)))
        if node.properties.get("provenance"):
            graph.parse(data=node.properties["provenance"], format="nt")
    for relationship in relationships:
        term = _RELATION_BY_TYPE.get(relationship.type)
        if term is None:
            continue
        graph.add((URIRef(relationship.start), term.iri, URIRef(relationship.end)))
        if relationship.properties.get("provenance"):
            graph.parse(data=relationship.properties["provenance"], format="nt")
        else:
            for triple in _derived_statement(relationship.start, term, relationship.end, relationship.properties):
                graph.add(triple)
    return graph


_OA_HAS_SELECTOR = URIRef("http://www.w3.org/ns/oa#hasSelector")


def _gather(per_subject: dict, node, into: Graph) -> None:
    """A node's triples, its evidence resources' and their selectors' (what the RDF path reads)."""
    for triple in per_subject[node]:
        into.add(triple)
        if triple[1] in (CKG.evidence, _OA_HAS_SELECTOR):
            _gather(per_subject, triple[2], into)


def facts_to_rows(facts) -> tuple[list[NodeRow], list[RelationshipRow]]:
    """The rows of :func:`rdf_to_rows`, straight from records (no RDF store in between).

    For graphs too big for rdflib's in-memory store. Entities and relations without evidence
    (registries, tables, generated data) become rows directly; the few with evidence go
    through their own small RDF graph, so the rows equal those from RDF (tests check both).
    """
    mentioned = {m.entity_id for m in facts.mentions}
    grouped: dict = defaultdict(list)
    for relation in facts.relations:
        grouped[relation.key].append(relation)
    slow_entities = {k: e for k, e in facts.entities.items() if e.evidence or k in mentioned}
    slow_relations = [r for group in grouped.values() if len(group) > 1 or group[0].evidence is not None for r in group]
    slow = FactSet(sources=facts.sources, entities=slow_entities, mentions=facts.mentions, relations=slow_relations)

    per_subject: dict = defaultdict(list)
    chain_graph = Graph()

    def collect(graph_iri, triple) -> None:
        if graph_iri == iris.CHAINS_GRAPH:
            chain_graph.add(triple)
        else:
            per_subject[triple[0]].append(triple)

    emit_facts(slow, collect)
    chain_nodes, chain_relationships = rdf_to_rows(chain_graph)
    graph_nodes = {n.iri: n for n in chain_nodes}
    for entity_id, entity in facts.entities.items():
        if entity_id not in slow_entities:
            properties = entity_properties(entity)
            graph_nodes[properties["iri"]] = NodeRow(properties["iri"], entity_labels(entity), properties)
            continue
        subject = iris.entity_iri(entity_id)
        small = Graph()
        _gather(per_subject, subject, small)
        graph_nodes[str(subject)] = _node_row(small, subject)
    for iri, value in reported_cny_from_records(facts).items():
        if iri in graph_nodes:
            graph_nodes[iri].properties["reportedMaxCNY"] = value
    relationships = list(chain_relationships)
    for (subject_id, predicate, object_id), relations in grouped.items():
        subject, object_ = iris.entity_iri(subject_id), iris.entity_iri(object_id)
        if str(subject) not in graph_nodes or str(object_) not in graph_nodes:
            continue
        if len(relations) == 1 and relations[0].evidence is None:
            relationships.append(RelationshipRow(str(subject), RELATIONS[predicate].neo4j_type, str(object_),
                                                 relationship_properties(relations[0])))
            continue
        small = Graph()
        statements = []
        for relation in relations:
            statement = iris.statement_iri(subject_id, predicate, object_id, relation.source_id)
            statements.append(statement)
            _gather(per_subject, statement, small)
        small.add((subject, RELATIONS[predicate].iri, object_))
        relationships.append(_relationship_row(small, subject, RELATIONS[predicate], object_, sorted(statements)))
    nodes = [graph_nodes[k] for k in sorted(graph_nodes)]
    order = {term.neo4j_type: i for i, term in enumerate(sorted(_RELATION_BY_IRI.values(), key=lambda t: str(t.iri)))}
    relationships.sort(key=lambda r: (order[r.type], r.start, r.end))
    return nodes, relationships
