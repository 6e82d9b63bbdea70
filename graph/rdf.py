"""Records → one rdflib ``Dataset``, a named graph per source; writers to files.

Each relation is written twice over: the plain triple (for simple queries) and a
``ckg:RelationStatement`` node naming subject, predicate and object, with the source it was
derived from, its confidence, method, qualifiers and evidence — an ``oa:SpecificResource``
whose ``TextPositionSelector`` and ``TextQuoteSelector`` anchor the sentence in the file.

Example
-------
>>> from chainkg.graph.build import build_seed_dataset
>>> dataset = build_seed_dataset()
>>> from chainkg.ontology import CKG
>>> from chainkg.graph.iris import entity_iri
>>> (entity_iri("org/nanwang"), CKG.locatedIn, entity_iri("area/350521")) in dataset
True
"""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from chainkg.graph.mapping import WEIGHT_MEASURES, Triple, decimal_literal, emit_facts
from chainkg.graph.namespaces import OA, ORG, PREFIXES, QB, SCHEMA, bind_prefixes
from chainkg.loaders.records import FactSet
from chainkg.ontology import CKG

__all__ = ["OA", "QB", "SCHEMA", "ORG", "PREFIXES", "facts_to_dataset", "emit_facts", "union_graph", "bind_prefixes",
           "decimal_literal", "reported_cny", "WEIGHT_MEASURES"]


def facts_to_dataset(facts: FactSet, *, include_chains: bool = True) -> Dataset:
    """Write a fact set into a new ``Dataset``: one named graph per source.

    ``include_chains`` adds the chain concept scheme and its segment templates
    (``ontology/chains.ttl``, ``ontology/chain_templates.ttl``) as their own named graph.
    The triples come from :func:`chainkg.graph.mapping.emit_facts`, the one mapping from records.
    """
    dataset = bind_prefixes(Dataset(default_union=True))
    graphs: dict[URIRef, Graph] = {}

    def add(graph_iri: URIRef, triple: Triple) -> None:
        if graph_iri not in graphs:
            graphs[graph_iri] = dataset.graph(graph_iri)
        graphs[graph_iri].add(triple)

    emit_facts(facts, add, include_chains=include_chains)
    return dataset


def union_graph(dataset: Dataset) -> Graph:
    """All triples of every named graph in one ``Graph`` (what Turtle and N-Triples hold)."""
    union = bind_prefixes(Graph())
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    for graph in dataset.graphs():
        for triple in graph:
            union.add(triple)
    return union


_CNY = URIRef("http://qudt.org/vocab/currency/CNY")


def reported_cny(graph: Graph) -> dict[URIRef, float]:
    """The largest money figure (CNY) reported about each entity: output, investment, contracts.

    >>> from chainkg.graph.build import build_seed_dataset
    >>> from chainkg.graph.iris import entity_iri
    >>> figures = reported_cny(union_graph(build_seed_dataset()))
    >>> figures[entity_iri("park/jomoo_smart_sanitary")]
    3000000000.0
    """
    largest: dict[URIRef, float] = {}
    for observation in graph.subjects(RDF.type, CKG.Observation):
        if graph.value(observation, CKG.unit) != _CNY or str(graph.value(observation, CKG.measure)) not in WEIGHT_MEASURES:
            continue
        entity = graph.value(observation, CKG.refEntity)
        value = graph.value(observation, CKG.value)
        # A hand-written graph may leave either out (the shapes require both; a report or a load
        # need not validate first): such an observation reports no figure about anyone.
        if not isinstance(entity, URIRef) or not isinstance(value, Literal):
            continue
        largest[entity] = max(largest.get(entity, 0.0), float(value))
    return largest
