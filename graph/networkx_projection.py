"""Project the RDF graph onto a networkx ``MultiDiGraph`` for analysis.

Nodes are entities (organizations, places, chains, segments, projects), keyed by IRI, with
their classes, names, codes and ``reported_cny_max`` (the largest output, investment or
contract figure reported about them). Edges are relations, keyed by the property's local name, with the
provenance of every statement behind them: sources, confidence, evidence sentences.

Example
-------
>>> from chainkg.graph.build import build_seed_dataset
>>> from chainkg.graph.rdf import union_graph
>>> kg = to_networkx(union_graph(build_seed_dataset()))
>>> from chainkg.graph.iris import entity_iri
>>> kg.nodes[str(entity_iri("org/nanwang"))]["name"]
'南王'
>>> "leadsChain" in kg[str(entity_iri("org/nanwang"))][str(entity_iri("chain/paper_packaging"))]
True
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS
from rdflib.term import Node

from chainkg.graph.mapping import (
    EDGE_DATE_FIELDS,
    STATUS_HISTORY,
    edge_dates,
    entity_term_values,
    merged_qualifiers,
    statement_date,
    statement_qualifiers,
    status_history,
)
from chainkg.graph.rdf import reported_cny
from chainkg.ontology import CKG, CLASSES, RELATIONS

__all__ = ["to_networkx", "entity_attributes"]

_CLASS_NAMES: dict[Node, str] = {iri: name for name, iri in CLASSES.items()}
_RELATION_IRIS: dict[Node | None, str] = {term.iri: name for name, term in RELATIONS.items()}
_OA_EXACT = URIRef("http://www.w3.org/ns/oa#exact")
_OA_SELECTOR = URIRef("http://www.w3.org/ns/oa#hasSelector")
_OA_START = URIRef("http://www.w3.org/ns/oa#start")
_OA_END = URIRef("http://www.w3.org/ns/oa#end")


def entity_attributes(graph: Graph, node: Node) -> dict[str, Any]:
    """Classes, names and codes of one entity, as plain Python values."""
    names = {label.language if isinstance(label, Literal) else None: str(label)
             for label in graph.objects(node, SKOS.prefLabel)}
    classes = sorted(_CLASS_NAMES[c] for c in graph.objects(node, RDF.type) if c in _CLASS_NAMES)
    attributes: dict[str, Any] = {
        "classes": classes,
        "name": names.get("zh") or names.get(None) or str(node).rsplit("/", 1)[-1],
        "name_en": names.get("en"),
        "aliases": sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
    }
    for term, value in entity_term_values(graph, node):
        attributes[term.field] = value
    if (stage := graph.value(node, CKG.stage)) is not None:  # chain templates only
        attributes["stage"] = str(stage)
    return attributes


def _evidence_record(graph: Graph, evidence: Node) -> dict[str, Any]:
    record: dict[str, Any] = {"quote": None, "start": None, "end": None,
              "text": str(graph.value(evidence, CKG.plainText) or ""),
              "source": str(graph.value(evidence, URIRef("http://www.w3.org/ns/oa#hasSource")) or "")}
    for selector in graph.objects(evidence, _OA_SELECTOR):
        if (exact := graph.value(selector, _OA_EXACT)) is not None:
            record["quote"] = str(exact)
        if (start := graph.value(selector, _OA_START)) is not None:
            record["start"], record["end"] = int(str(start)), int(str(graph.value(selector, _OA_END)))
    return record


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities and relations of ``graph`` as a ``MultiDiGraph`` (edge key = property name)."""
    kg: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    entities = {s for s, _, c in graph.triples((None, RDF.type, None)) if c in _CLASS_NAMES}
    figures = {str(node): value for node, value in reported_cny(graph).items()}
    for node in entities:
        kg.add_node(str(node), **entity_attributes(graph, node))
        if str(node) in figures:
            kg.nodes[str(node)]["reported_cny_max"] = figures[str(node)]
    for iri, history in status_history(graph).items():  # a project's or park's status over time
        if iri in kg:
            kg.nodes[iri][STATUS_HISTORY] = history

    provenance: dict[tuple[str, str, str], dict[str, Any]] = defaultdict(
        lambda: {"sources": set(), "confidence": 0.0, "evidence": [], "qualifiers": []}
    )
    for statement in graph.subjects(RDF.type, CKG.RelationStatement):
        predicate = graph.value(statement, RDF.predicate)
        if predicate not in _RELATION_IRIS:
            continue
        key = (str(graph.value(statement, RDF.subject)), _RELATION_IRIS[predicate], str(graph.value(statement, RDF.object)))
        record = provenance[key]
        record["sources"].update(str(s) for s in graph.objects(statement, PROV.wasDerivedFrom))
        confidence = graph.value(statement, CKG.confidence)
        record["confidence"] = max(record["confidence"], float(str(confidence)) if confidence is not None else 0.0)
        qualifiers = dict(statement_qualifiers(graph, statement))
        stated_on = statement_date(qualifiers)
        # each sentence dated by its statement: an answer "as of" a date quotes only what was said by then
        record["evidence"].extend({**_evidence_record(graph, e), "stated_on": stated_on}
                                  for e in graph.objects(statement, CKG.evidence))
        record["qualifiers"].append(qualifiers)

    for predicate_iri, name in _RELATION_IRIS.items():
        for subject, object_ in graph.subject_objects(predicate_iri):
            if not isinstance(object_, URIRef):
                continue
            for end in (subject, object_):
                if str(end) not in kg:
                    kg.add_node(str(end), **entity_attributes(graph, end))
            found = provenance.get((str(subject), name, str(object_)))
            attributes: dict[str, Any] = {"sources": [], "confidence": None, "evidence": []}
            if found is not None:
                attributes = {
                    "sources": sorted(found["sources"]),
                    "confidence": found["confidence"],
                    "evidence": sorted(found["evidence"], key=lambda e: (e["source"], e["start"] or 0)),
                    **{term.field: value for term, value in merged_qualifiers(found["qualifiers"]).items()},
                    **{EDGE_DATE_FIELDS[k]: v for k, v in edge_dates(found["qualifiers"]).items()},
                }
            kg.add_edge(str(subject), str(object_), key=name, predicate=name, **attributes)
    return kg
