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

from decimal import Decimal
from typing import Callable

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD, Namespace

from chainkg.graph import iris
from chainkg.loaders.records import Entity, FactSet, Observation, Relation, SourceDocument, TextSpan
from chainkg.loaders.units import UNITS
from chainkg.ontology import CHAIN_FILES, CKG, CLASSES

__all__ = ["OA", "QB", "SCHEMA", "ORG", "PREFIXES", "facts_to_dataset", "emit_facts", "union_graph", "bind_prefixes", "decimal_literal",
           "reported_cny", "WEIGHT_MEASURES"]

OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

PREFIXES = {
    "ckg": str(CKG._NS),
    "id": str(iris.DATA_NS),
    "chain": str(iris.DATA_NS) + "chain/",
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "qb": str(QB),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "dcterms": str(DCTERMS),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "cur": "http://qudt.org/vocab/currency/",
    "unit": "http://qudt.org/vocab/unit/",
}


def bind_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


class _Sink:
    """Anything the triple writers below can ``add`` to: one named graph of a stream."""

    __slots__ = ("graph_iri", "emit")

    def __init__(self, graph_iri: URIRef, emit: Callable[[URIRef, tuple], None]):
        self.graph_iri, self.emit = graph_iri, emit

    def add(self, triple: tuple) -> None:
        self.emit(self.graph_iri, triple)


def emit_facts(facts: FactSet, emit: Callable[[URIRef, tuple], None], *, include_chains: bool = True) -> None:
    """Push every (named graph, triple) of ``facts`` to ``emit`` — no store in between.

    This is the one mapping from records to RDF: ``facts_to_dataset`` collects it into an
    rdflib ``Dataset``; ``graph.streaming`` writes it straight to N-Triples for graphs too
    big for rdflib's in-memory store.
    """
    if include_chains:
        for path in CHAIN_FILES:
            for triple in Graph().parse(path, format="turtle"):
                emit(iris.CHAINS_GRAPH, triple)
    sinks: dict[str, _Sink] = {}

    def sink(source_id: str) -> _Sink:
        if source_id not in sinks:
            sinks[source_id] = _Sink(iris.graph_iri(source_id), emit)
        return sinks[source_id]

    for source in facts.sources.values():
        _add_source(sink(source.id), source)
    for entity in facts.entities.values():
        for source_id in entity.sources:
            _add_entity(sink(source_id), entity, [e for e in entity.evidence if e.source_id == source_id], source_id)
    for mention in facts.mentions:
        graph = sink(mention.source_id)
        subject = iris.entity_iri(mention.entity_id)
        graph.add((iris.source_iri(mention.source_id), SCHEMA.mentions, subject))
        for span in mention.evidence:
            graph.add((subject, CKG.evidence, _add_evidence(graph, span)))
    for relation in facts.relations:
        _add_relation(sink(relation.source_id), relation)
    for observation in facts.observations:
        _add_observation(sink(observation.source_id), observation)


def facts_to_dataset(facts: FactSet, *, include_chains: bool = True) -> Dataset:
    """Write a fact set into a new ``Dataset``: one named graph per source.

    ``include_chains`` adds the chain concept scheme and its segment templates
    (``ontology/chains.ttl``, ``ontology/chain_templates.ttl``) as their own named graph.
    """
    dataset = bind_prefixes(Dataset(default_union=True))
    graphs: dict[URIRef, Graph] = {}

    def add(graph_iri: URIRef, triple: tuple) -> None:
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


def _add_source(graph: Graph, source: SourceDocument) -> None:
    node = iris.source_iri(source.id)
    graph.add((node, RDF.type, CKG.SourceDocument))
    graph.add((node, DCTERMS.title, Literal(source.title, lang="zh")))
    graph.add((node, DCTERMS.type, Literal(source.kind)))
    if source.file is not None:
        graph.add((node, CKG.fileName, Literal(source.file.name)))
    if source.sha256:
        graph.add((node, CKG.sha256, Literal(source.sha256)))
    if source.language:
        graph.add((node, DCTERMS.language, Literal(source.language)))
    if source.published:
        graph.add((node, DCTERMS.issued, Literal(source.published)))
    if source.citation:
        graph.add((node, DCTERMS.bibliographicCitation, Literal(source.citation)))
    if source.note:
        graph.add((node, CKG.note, Literal(source.note, lang="en")))


def _label_language(text: str) -> str:
    return "en" if text.isascii() else "zh"


def _add_entity(graph: Graph, entity: Entity, evidence: list[TextSpan], source_id: str) -> None:
    node = iris.entity_iri(entity.id)
    for class_name in entity.types:
        graph.add((node, RDF.type, CLASSES[class_name]))
    graph.add((node, SKOS.prefLabel, Literal(entity.name, lang="zh")))
    if entity.name_en:
        graph.add((node, SKOS.prefLabel, Literal(entity.name_en, lang="en")))
    for alias in entity.aliases:
        graph.add((node, SKOS.altLabel, Literal(alias, lang=_label_language(alias))))
    if entity.division_code:
        graph.add((node, CKG.divisionCode, Literal(entity.division_code)))
    if entity.admin_level:
        graph.add((node, CKG.adminLevel, Literal(entity.admin_level)))
    if entity.status:
        graph.add((node, CKG.status, Literal(entity.status)))
    if entity.note:
        graph.add((node, CKG.note, Literal(entity.note)))
    graph.add((node, PROV.wasDerivedFrom, iris.source_iri(source_id)))
    for span in evidence:
        graph.add((node, CKG.evidence, _add_evidence(graph, span)))


def _add_evidence(graph: Graph, span: TextSpan) -> URIRef:
    node = iris.evidence_iri(span.source_id, span.start, span.end)
    position = URIRef(f"{node}/position")
    quote = URIRef(f"{node}/quote")
    graph.add((node, RDF.type, OA.SpecificResource))
    graph.add((node, OA.hasSource, iris.source_iri(span.source_id)))
    graph.add((node, OA.hasSelector, position))
    graph.add((node, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(span.quote)))
    if span.plain_text:
        graph.add((node, CKG.plainText, Literal(span.plain_text, lang="zh")))
    return node


def _add_relation(graph: Graph, relation: Relation) -> None:
    subject = iris.entity_iri(relation.subject)
    predicate = CKG[relation.predicate]
    object_ = iris.entity_iri(relation.object)
    graph.add((subject, predicate, object_))
    node = iris.statement_iri(relation.subject, relation.predicate, relation.object, relation.source_id)
    graph.add((node, RDF.type, CKG.RelationStatement))
    graph.add((node, RDF.subject, subject))
    graph.add((node, RDF.predicate, predicate))
    graph.add((node, RDF.object, object_))
    graph.add((node, PROV.wasDerivedFrom, iris.source_iri(relation.source_id)))
    graph.add((node, CKG.confidence, decimal_literal(relation.confidence)))
    graph.add((node, CKG.method, Literal(relation.method)))
    if relation.evidence is not None:
        graph.add((node, CKG.evidence, _add_evidence(graph, relation.evidence)))
    if relation.leadership_kind:
        graph.add((node, CKG.leadershipKind, Literal(relation.leadership_kind)))
    if relation.scope:
        graph.add((node, CKG.scope, iris.entity_iri(relation.scope)))
    if relation.scope_note:
        graph.add((node, CKG.scopeNote, Literal(relation.scope_note, lang="zh")))
    if relation.note:
        graph.add((node, CKG.note, Literal(relation.note)))


def _add_observation(graph: Graph, observation: Observation) -> None:
    unit = UNITS[observation.unit]
    node = iris.observation_iri(
        observation.source_id,
        observation.about,
        observation.measure,
        observation.period_start,
        observation.period_end,
        observation.period_label,
        observation.project_status,
        observation.value,
        observation.unit,
    )
    graph.add((node, RDF.type, CKG.Observation))
    graph.add((node, QB.dataSet, iris.dataset_iri(observation.source_id)))
    graph.add((iris.dataset_iri(observation.source_id), RDF.type, QB.DataSet))
    graph.add((node, CKG.refEntity, iris.entity_iri(observation.about)))
    graph.add((node, CKG.measure, Literal(observation.measure)))
    graph.add((node, CKG.value, decimal_literal(unit.to_base(observation.value))))
    graph.add((node, CKG.unit, URIRef(unit.unit)))
    graph.add((node, CKG.originalValue, Literal(f"{observation.value}{observation.unit}", lang="zh")))
    graph.add((node, CKG.bound, Literal(observation.bound)))
    if observation.period_start:
        graph.add((node, CKG.periodStart, Literal(observation.period_start, datatype=XSD.date)))
    if observation.period_end:
        graph.add((node, CKG.periodEnd, Literal(observation.period_end, datatype=XSD.date)))
    if observation.period_label:
        graph.add((node, CKG.periodLabel, Literal(observation.period_label, lang="zh")))
    if observation.project_status:
        graph.add((node, CKG.projectStatus, Literal(observation.project_status)))
    if observation.label:
        graph.add((node, RDFS.label, Literal(observation.label, lang="zh")))
    graph.add((node, PROV.wasDerivedFrom, iris.source_iri(observation.source_id)))
    if observation.evidence is not None:
        graph.add((node, CKG.evidence, _add_evidence(graph, observation.evidence)))


#: Reported figures that speak for an organization's or park's weight (not subsidies it got).
WEIGHT_MEASURES = ("output_added", "output_value", "investment_completed", "contract_value")
_CNY = URIRef("http://qudt.org/vocab/currency/CNY")


def reported_cny(graph: Graph) -> dict[URIRef, float]:
    """The largest money figure (CNY) reported about each entity: output, investment, contracts.

    >>> from chainkg.graph.build import build_seed_dataset
    >>> figures = reported_cny(union_graph(build_seed_dataset()))
    >>> figures[iris.entity_iri("park/jomoo_smart_sanitary")]
    3000000000.0
    """
    largest: dict[URIRef, float] = {}
    for observation in graph.subjects(RDF.type, CKG.Observation):
        if graph.value(observation, CKG.unit) != _CNY or str(graph.value(observation, CKG.measure)) not in WEIGHT_MEASURES:
            continue
        entity = graph.value(observation, CKG.refEntity)
        value = float(graph.value(observation, CKG.value))
        largest[entity] = max(largest.get(entity, 0.0), value)
    return largest


def decimal_literal(value: Decimal) -> Literal:
    """An ``xsd:decimal`` in canonical lexical form (``6899000000.0``, never ``6.899E+9``).

    Every serialization then writes the same lexical form, so the formats compare equal.

    >>> decimal_literal(Decimal("68.99") * 100000000)
    rdflib.term.Literal('6899000000.0', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    text = format(value.normalize(), "f")
    if "." not in text:
        text += ".0"
    return Literal(text, datatype=XSD.decimal)
