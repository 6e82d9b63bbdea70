"""Records → backend terms: the one place that says how a record appears in each backend.

Every backend writes what this module gives it and nothing else:

- **RDF** (:func:`emit_facts`): per source a named graph; each relation as its plain triple
  and a ``ckg:RelationStatement`` node with source, confidence, method, qualifiers and
  evidence (an ``oa:SpecificResource`` with position and quote selectors); entities with
  their names, attributes and evidence; observations as ``qb`` observations.
  ``rdf.facts_to_dataset`` collects the triples into a Dataset, ``streaming.write_ntriples``
  into a file.
- **Neo4j** (:func:`entity_properties`, :func:`relationship_properties`): node and
  relationship properties; ``neo4j_codec`` adds the rows for statements with evidence.
- **Analysis graphs** (:func:`entity_node_attributes`, :func:`edge_attributes`): the node
  and edge attributes the networkx projection and the compact engine share.

Which attributes exist is declared once, on the records (``loaders.records``:
``ENTITY_TERMS``, ``RELATION_QUALIFIERS``); this module turns each into an RDF property
``ckg:<term>``, a Neo4j property ``<term>`` and an analysis attribute ``<field>``, and reads
them back (:func:`statement_qualifiers`, :func:`relation_from_properties`) for the paths that
start from RDF or from Neo4j.

Example
-------
>>> from chainkg.loaders.records import Relation
>>> lead = Relation("org/a", "leadsChain", "chain/b", "s1", leadership_kind="chain_leader", scope="area/350521")
>>> relationship_properties(lead)["leadershipKind"], relationship_properties(lead)["scope"]
('chain_leader', 'https://w3id.org/chainkg/id/area/350521')
>>> edge_attributes([lead])["leadership_kind"]
'chain_leader'
>>> sorted(str(p).rsplit("#", 1)[-1] for _, p, _ in statement_triples(lead) if "ontology" in str(p))
['confidence', 'leadershipKind', 'leadsChain', 'method', 'scope']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from chainkg.graph import iris
from chainkg.graph.namespaces import OA, QB, SCHEMA
from chainkg.loaders.records import (
    ENTITY_TERMS,
    RELATION_QUALIFIERS,
    Entity,
    FactSet,
    Observation,
    Relation,
    SourceDocument,
    TermField,
    TextSpan,
)
from chainkg.loaders.units import UNITS
from chainkg.ontology import CHAIN_FILES, CKG, CLASSES

__all__ = [
    "Triple", "Emit", "emit_facts", "statement_triples", "decimal_literal", "rdf_value", "plain_value", "plain_from_rdf", "merged_qualifiers",
    "edge_dates", "statement_date", "EDGE_DATE_FIELDS", "date_literal",
    "source_triples", "entity_triples", "evidence_triples", "observation_triples",
    "entity_properties", "entity_labels", "relationship_properties", "has_qualifiers", "relation_from_properties",
    "entity_node_attributes", "edge_attributes", "statement_qualifiers", "entity_term_values",
    "reported_cny_from_records", "WEIGHT_MEASURES", "ENTITY_LABEL", "CHAIN_SCHEME",
    "SOURCE_LABEL", "OBSERVATION_LABEL", "GRAPH_LABEL", "NAME_LABEL", "NAMES_TYPE", "REF_ENTITY_TYPE",
    "PropertyKey", "ENTITY_KEYS", "SOURCE_KEYS", "OBSERVATION_KEYS", "EVIDENCE_KEYS", "EVIDENCE_STATED_ON", "entity_names",
    "STATUS_HISTORY", "status_history", "status_history_from_records",
]

Triple = tuple[Node, Node, Node]
#: Where :func:`emit_facts` sends each (named graph, triple).
Emit = Callable[[URIRef, Triple], None]

#: The label every entity node carries in Neo4j, beside its class names.
ENTITY_LABEL = "Entity"
#: Labels of the other nodes chainkg writes (no ``Entity`` label: they are about entities, not entities).
SOURCE_LABEL = "SourceDocument"
OBSERVATION_LABEL = "Observation"
#: A storage node per named graph, holding the triples of that graph no other node or
#: relationship says (the chain concept scheme, say); an app never needs to read it.
GRAPH_LABEL = "NamedGraph"
#: One ``(:Name {value})-[:NAMES]->(:Entity)`` per name, alias, English name of an entity:
#: the indexed look-up by any name (a list property cannot be index-sought element-wise).
NAME_LABEL = "Name"
NAMES_TYPE = "NAMES"
#: ``(:Observation)-[:REF_ENTITY]->(:Entity)``: what a figure is about (``ckg:refEntity``).
REF_ENTITY_TYPE = "REF_ENTITY"
#: The concept scheme every chain belongs to (ontology/chains.ttl).
CHAIN_SCHEME = iris.entity_iri("chain/scheme")
#: Reported figures that speak for an organization's or park's weight (not subsidies it got).
WEIGHT_MEASURES = ("output_added", "output_value", "investment_completed", "contract_value")


# A term a record declares must be the ontology's (CKG raises on an unknown name): fail on
# import, not at the first write of a graph.
for _term in (*ENTITY_TERMS, *RELATION_QUALIFIERS):
    CKG[_term.term]
#: The qualifier that says whether a statement is a fact or a plan (see merged_qualifiers).
_MODALITY = next(t for t in RELATION_QUALIFIERS if t.term == "modality")


# -- values ------------------------------------------------------------------------------

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


#: ISO dates by precision → their XSD type (``loaders.dates``: a source's date as precise as it says).
_DATE_TYPES = ((re.compile(r"\d{4}-\d{2}-\d{2}"), XSD.date), (re.compile(r"\d{4}-\d{2}"), XSD.gYearMonth),
               (re.compile(r"\d{4}"), XSD.gYear))


def date_literal(value: str) -> Literal:
    """An ISO date at its precision: ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear`` (other
    text stays a plain literal, never a wrongly typed one).

    >>> date_literal("2024-03").datatype == XSD.gYearMonth, str(date_literal("2024"))
    (True, '2024')
    """
    for pattern, datatype in _DATE_TYPES:
        if pattern.fullmatch(value):
            return Literal(value, datatype=datatype)
    return Literal(value)


def rdf_value(term: TermField, value: Any) -> Node:
    """A record value as the RDF object of ``ckg:<term>``."""
    if term.value == "entity":
        return iris.entity_iri(value)
    if term.value == "integer":
        return Literal(int(value))
    if term.value == "date":
        return date_literal(str(value))
    return Literal(value, lang="zh" if term.value == "zh" else None)


def plain_value(term: TermField, value: Any) -> Any:
    """A record value as Neo4j and the analysis graphs hold it (an entity as its IRI's text,
    a number as an ``int``)."""
    if term.value == "entity":
        return str(iris.entity_iri(value))
    return int(value) if term.value == "integer" else value


def _record_value(term: TermField, plain: Any) -> Any:
    """Inverse of :func:`plain_value`."""
    if term.value == "entity":
        return iris.entity_id(plain)
    return int(plain) if term.value == "integer" else plain


# -- RDF ---------------------------------------------------------------------------------

def emit_facts(facts: FactSet, emit: Emit, *, include_chains: bool = True) -> None:
    """Push every (named graph, triple) of ``facts`` to ``emit`` — no store in between.

    ``include_chains`` adds the chain concept scheme and its segment templates
    (``ontology/chains.ttl``, ``ontology/chain_templates.ttl``) as their own named graph.
    """
    if include_chains:
        for path in CHAIN_FILES:
            for triple in Graph().parse(path, format="turtle"):
                emit(iris.CHAINS_GRAPH, triple)
    graph_iris: dict[str, URIRef] = {}

    def sink(source_id: str, triples: Iterable[Triple]) -> None:
        graph_iri = graph_iris.get(source_id)
        if graph_iri is None:
            graph_iri = graph_iris[source_id] = iris.graph_iri(source_id)
        for triple in triples:
            emit(graph_iri, triple)

    for source in facts.sources.values():
        sink(source.id, source_triples(source))
    for entity in facts.entities.values():
        for source_id in entity.sources:
            sink(source_id, entity_triples(entity, source_id))
    for mention in facts.mentions:
        subject = iris.entity_iri(mention.entity_id)
        sink(mention.source_id, [(iris.source_iri(mention.source_id), SCHEMA.mentions, subject)])
        for span in mention.evidence:
            sink(mention.source_id, _evidence_of(subject, span))
    for relation in facts.relations:
        sink(relation.source_id, statement_triples(relation))
    for observation in facts.observations:
        sink(observation.source_id, observation_triples(observation))


def source_triples(source: SourceDocument) -> Iterator[Triple]:
    node = iris.source_iri(source.id)
    yield node, RDF.type, CKG.SourceDocument
    yield node, DCTERMS.title, Literal(source.title, lang="zh")
    yield node, DCTERMS.type, Literal(source.kind)
    if source.file is not None:
        yield node, CKG.fileName, Literal(source.file.name)
    if source.sha256:
        yield node, CKG.sha256, Literal(source.sha256)
    if source.language:
        yield node, DCTERMS.language, Literal(source.language)
    if source.published:
        yield node, DCTERMS.issued, Literal(source.published)
    if source.citation:
        yield node, DCTERMS.bibliographicCitation, Literal(source.citation)
    if source.note:
        yield node, CKG.note, Literal(source.note, lang="en")
    if source.learned:
        yield node, CKG.learnedOn, date_literal(source.learned)


def _label_language(text: str) -> str:
    return "en" if text.isascii() else "zh"


def entity_triples(entity: Entity, source_id: str) -> Iterator[Triple]:
    """What ``source_id`` says of ``entity``: classes, names, attributes, its evidence there."""
    node = iris.entity_iri(entity.id)
    for class_name in entity.types:
        yield node, RDF.type, CLASSES[class_name]
    if "IndustrialChain" in entity.types:  # a chain an article names: a concept of the chain scheme too
        yield node, SKOS.inScheme, CHAIN_SCHEME
    yield node, SKOS.prefLabel, Literal(entity.name, lang="zh")
    if entity.name_en:
        yield node, SKOS.prefLabel, Literal(entity.name_en, lang="en")
    for alias in entity.aliases:
        yield node, SKOS.altLabel, Literal(alias, lang=_label_language(alias))
    for term in ENTITY_TERMS:
        if (value := getattr(entity, term.field)) is not None and value != "":
            yield node, CKG[term.term], rdf_value(term, value)
    yield node, PROV.wasDerivedFrom, iris.source_iri(source_id)
    for span in entity.evidence:
        if span.source_id == source_id:
            yield from _evidence_of(node, span)


def _evidence_of(node: URIRef, span: TextSpan) -> Iterator[Triple]:
    """``node ckg:evidence <span>`` and the span's own triples."""
    evidence = iris.evidence_iri(span.source_id, span.start, span.end)
    yield from evidence_triples(span)
    yield node, CKG.evidence, evidence


def evidence_triples(span: TextSpan) -> Iterator[Triple]:
    node = iris.evidence_iri(span.source_id, span.start, span.end)
    position = URIRef(f"{node}/position")
    quote = URIRef(f"{node}/quote")
    yield node, RDF.type, OA.SpecificResource
    yield node, OA.hasSource, iris.source_iri(span.source_id)
    yield node, OA.hasSelector, position
    yield node, OA.hasSelector, quote
    yield position, RDF.type, OA.TextPositionSelector
    yield position, OA.start, Literal(span.start, datatype=XSD.nonNegativeInteger)
    yield position, OA.end, Literal(span.end, datatype=XSD.nonNegativeInteger)
    yield quote, RDF.type, OA.TextQuoteSelector
    yield quote, OA.exact, Literal(span.quote)
    if span.plain_text:
        yield node, CKG.plainText, Literal(span.plain_text, lang="zh")


def statement_triples(relation: Relation) -> Iterator[Triple]:
    """The plain triple and the statement node of one relation as one source states it."""
    subject = iris.entity_iri(relation.subject)
    predicate: URIRef = CKG[relation.predicate]  # annotated: mypy reads a bare `x = CKG[...]` as a type alias
    object_ = iris.entity_iri(relation.object)
    yield subject, predicate, object_
    node = iris.statement_iri(relation.subject, relation.predicate, relation.object, relation.source_id)
    yield node, RDF.type, CKG.RelationStatement
    yield node, RDF.subject, subject
    yield node, RDF.predicate, predicate
    yield node, RDF.object, object_
    yield node, PROV.wasDerivedFrom, iris.source_iri(relation.source_id)
    yield node, CKG.confidence, decimal_literal(relation.confidence)
    yield node, CKG.method, Literal(relation.method)
    if relation.evidence is not None:
        yield from _evidence_of(node, relation.evidence)
    for term in RELATION_QUALIFIERS:
        if value := getattr(relation, term.field):
            yield node, CKG[term.term], rdf_value(term, value)


def observation_triples(observation: Observation) -> Iterator[Triple]:
    unit = UNITS[observation.unit]
    node = iris.observation_iri(
        observation.source_id, observation.about, observation.measure, observation.period_start,
        observation.period_end, observation.period_label, observation.project_status, observation.value,
        observation.unit,
    )
    dataset = iris.dataset_iri(observation.source_id)
    yield node, RDF.type, CKG.Observation
    yield node, QB.dataSet, dataset
    yield dataset, RDF.type, QB.DataSet
    yield node, CKG.refEntity, iris.entity_iri(observation.about)
    yield node, CKG.measure, Literal(observation.measure)
    yield node, CKG.value, decimal_literal(unit.to_base(observation.value))
    yield node, CKG.unit, URIRef(unit.unit)
    yield node, CKG.originalValue, Literal(f"{observation.value}{observation.unit}", lang="zh")
    yield node, CKG.bound, Literal(observation.bound)
    if observation.period_start:
        yield node, CKG.periodStart, Literal(observation.period_start, datatype=XSD.date)
    if observation.period_end:
        yield node, CKG.periodEnd, Literal(observation.period_end, datatype=XSD.date)
    if observation.period_label:
        yield node, CKG.periodLabel, Literal(observation.period_label, lang="zh")
    if observation.project_status:
        yield node, CKG.projectStatus, Literal(observation.project_status)
    if observation.label:
        yield node, RDFS.label, Literal(observation.label, lang="zh")
    if observation.stated_on:
        yield node, CKG.statedOn, date_literal(observation.stated_on)
    if observation.learned_on:
        yield node, CKG.learnedOn, date_literal(observation.learned_on)
    yield node, PROV.wasDerivedFrom, iris.source_iri(observation.source_id)
    if observation.evidence is not None:
        yield from _evidence_of(node, observation.evidence)


def plain_from_rdf(term: TermField, node: Node) -> Any:
    """The plain value (as :func:`plain_value` gives it) of the RDF object of ``ckg:<term>``."""
    return int(str(node)) if term.value == "integer" else str(node)


def merged_qualifiers(statements: Iterable[dict[TermField, Any]]) -> dict[TermField, Any]:
    """The qualifiers of an edge several statements state, each statement given as term → plain value.

    Only the statements that report it as a fact count when there are any (one source reporting
    it done outweighs another's plan: the edge is *stated*, with that source's count and notes);
    among those, a whole number (a stated count) takes the largest value, anything else the
    smallest — a fixed choice, whatever order the statements come in, so every backend keeps
    the same values.

    >>> from chainkg.loaders.records import RELATION_QUALIFIERS
    >>> terms = {t.field: t for t in RELATION_QUALIFIERS}
    >>> planned = {terms["modality"]: "intended", terms["stated_count"]: 6}
    >>> done = {terms["modality"]: "stated", terms["stated_count"]: 3}
    >>> {t.field: v for t, v in merged_qualifiers([planned, done]).items()}
    {'modality': 'stated', 'stated_count': 3}
    """
    statements = list(statements)
    facts = [q for q in statements if q.get(_MODALITY) != "intended"]
    values: dict[TermField, set[Any]] = {}
    for qualifiers in facts or statements:
        for term, value in qualifiers.items():
            values.setdefault(term, set()).add(value)
    return {term: max(found) if term.value == "integer" else min(found) for term, found in values.items()}


#: The qualifier that dates a statement, and the one that says when the graph learned it.
_STATED_ON = next(t for t in RELATION_QUALIFIERS if t.term == "statedOn")


def edge_dates(statements: Iterable[dict[TermField, Any]]) -> dict[str, Any]:
    """When an edge several statements state became known, and when a source reported it done:
    ``knownSince`` (its earliest statement's date), ``statedSince`` (the earliest date of a
    statement that is no intention) and ``statedDates`` (every statement's date, oldest first:
    how recent the news of it is, as of any date), each left out when a statement it is taken
    over is undated (then it counts as known at every date; see ``analyses.timeline``).

    >>> terms = {t.field: t for t in RELATION_QUALIFIERS}
    >>> plan = {terms["modality"]: "intended", terms["stated_on"]: "2022-05-18"}
    >>> done = {terms["modality"]: "stated", terms["stated_on"]: "2024-03"}
    >>> edge_dates([plan, done])
    {'knownSince': '2022-05-18', 'statedDates': ['2022-05-18', '2024-03'], 'statedSince': '2024-03'}
    >>> edge_dates([plan]), edge_dates([plan, {}])
    ({'knownSince': '2022-05-18', 'statedDates': ['2022-05-18']}, {})
    """
    statements = list(statements)
    found: dict[str, Any] = {}
    dates = [str(q[_STATED_ON]) if q.get(_STATED_ON) else "" for q in statements]
    if dates and all(dates):
        found["knownSince"] = min(dates)
        found["statedDates"] = sorted(set(dates))
    facts = [str(q[_STATED_ON]) if q.get(_STATED_ON) else "" for q in statements if q.get(_MODALITY) != "intended"]
    if facts and all(facts):
        found["statedSince"] = min(facts)
    return found


def statement_date(qualifiers: dict[TermField, Any]) -> str | None:
    """The date one statement's qualifiers give (``statedOn``, ISO text), else None.

    >>> statement_date({_STATED_ON: "2024-03"}), statement_date({})
    ('2024-03', None)
    """
    value = qualifiers.get(_STATED_ON)
    return str(value) if value else None


#: ``edge_dates`` keys as the analysis graphs name them.
EDGE_DATE_FIELDS = {"knownSince": "known_since", "statedSince": "stated_since", "statedDates": "stated_dates"}


def statement_qualifiers(graph: Graph, statement: Node) -> Iterator[tuple[TermField, Any]]:
    """The qualifiers a statement node holds in ``graph``, as plain values (inverse of RDF)."""
    for term in RELATION_QUALIFIERS:
        if (value := graph.value(statement, CKG[term.term])) is not None:
            yield term, plain_from_rdf(term, value)


def entity_term_values(graph: Graph, node: Node) -> Iterator[tuple[TermField, str]]:
    """The entity attributes ``node`` holds in ``graph``, as plain values."""
    for term in ENTITY_TERMS:
        for value in graph.objects(node, CKG[term.term]):
            yield term, str(value)


# -- Neo4j -------------------------------------------------------------------------------

@dataclass(frozen=True)
class PropertyKey:
    """One RDF predicate as a Neo4j property.

    ``value`` says how the object is held: ``text`` (a plain literal), ``zh`` / ``en`` (a
    literal in that language), ``lang`` (the key takes the language: ``name`` zh, ``nameEn``,
    ``name_fr``, ``name_`` untagged), ``iri`` (an IRI as text), ``decimal`` (an
    ``xsd:decimal`` as a float), ``date`` (an ``xsd:date`` as a Neo4j date), ``isodate`` (a
    date at any precision — ``xsd:gYear``, ``gYearMonth``, ``date`` — as its ISO text, which
    orders as the periods do). ``many``: a list.
    """

    predicate: URIRef
    key: str
    many: bool = False
    value: str = "text"


#: Entity nodes. The records' attributes (``ENTITY_TERMS``) and what only the chain files carry.
ENTITY_KEYS: tuple[PropertyKey, ...] = (
    PropertyKey(SKOS.prefLabel, "name", value="lang"),
    PropertyKey(SKOS.altLabel, "aliases", many=True, value="lang"),
    *(PropertyKey(CKG[t.term], t.term, value={"entity": "iri"}.get(t.value, t.value)) for t in ENTITY_TERMS),
    PropertyKey(CKG.stage, "stage"),
    PropertyKey(CKG.industryCode, "industryCode", many=True),
    PropertyKey(SKOS.inScheme, "inScheme", many=True, value="iri"),
    PropertyKey(SKOS.topConceptOf, "topConceptOf", many=True, value="iri"),
    PropertyKey(SKOS.broader, "broader", many=True, value="iri"),
    PropertyKey(DCTERMS.source, "templateSource"),
    PropertyKey(PROV.wasDerivedFrom, "sources", many=True, value="iri"),
)
#: ``SourceDocument`` nodes (``source_triples``).
SOURCE_KEYS: tuple[PropertyKey, ...] = (
    PropertyKey(DCTERMS.title, "title", value="zh"),
    PropertyKey(DCTERMS.type, "kind"),
    PropertyKey(CKG.fileName, "fileName"),
    PropertyKey(CKG.sha256, "sha256"),
    PropertyKey(DCTERMS.language, "language"),
    PropertyKey(DCTERMS.issued, "published"),
    PropertyKey(DCTERMS.bibliographicCitation, "citation"),
    PropertyKey(CKG.note, "note", value="en"),
    PropertyKey(CKG.learnedOn, "learnedOn", value="isodate"),
    PropertyKey(SCHEMA.mentions, "mentions", many=True, value="iri"),
)
#: ``Observation`` nodes (``observation_triples``); ``refEntity`` is also a ``REF_ENTITY`` relationship.
OBSERVATION_KEYS: tuple[PropertyKey, ...] = (
    PropertyKey(CKG.refEntity, "refEntity", value="iri"),
    PropertyKey(CKG.measure, "measure"),
    PropertyKey(CKG.value, "value", value="decimal"),
    PropertyKey(CKG.unit, "unit", value="iri"),
    PropertyKey(CKG.originalValue, "originalValue", value="zh"),
    PropertyKey(CKG.bound, "bound"),
    PropertyKey(CKG.periodStart, "periodStart", value="date"),
    PropertyKey(CKG.periodEnd, "periodEnd", value="date"),
    PropertyKey(CKG.periodLabel, "periodLabel", value="zh"),
    PropertyKey(CKG.projectStatus, "projectStatus"),
    PropertyKey(RDFS.label, "label", value="zh"),
    PropertyKey(CKG.statedOn, "statedOn", value="isodate"),
    PropertyKey(CKG.learnedOn, "learnedOn", value="isodate"),
    PropertyKey(QB.dataSet, "dataSet", value="iri"),
    PropertyKey(PROV.wasDerivedFrom, "sources", many=True, value="iri"),
)
#: The evidence of a node or relationship as parallel lists (the i-th of each is one span):
#: the sentence as plain simplified Chinese, the exact quote, its offsets and its source.
EVIDENCE_KEYS = ("evidence", "evidenceQuote", "evidenceStart", "evidenceEnd", "evidenceSource")
#: On a relationship, beside them: each sentence's statement date (``""``: undated).
EVIDENCE_STATED_ON = "evidenceStatedOn"


def entity_names(properties: dict[str, Any]) -> list[str]:
    """Every name a node goes by (name, aliases, English ones, any language): the ``names`` property."""
    found: set[str] = set()
    for key, value in properties.items():
        if key.startswith(("name", "aliases")) and key != "names":
            found.update(value if isinstance(value, list) else [value])
    return sorted(found)


def entity_properties(entity: Entity) -> dict[str, Any]:
    """The properties of an entity's Neo4j node, straight from its record (evidence aside)."""
    properties: dict[str, Any] = {"iri": str(iris.entity_iri(entity.id)), "name": entity.name}
    if entity.name_en:
        properties["nameEn"] = entity.name_en
    zh = sorted({a for a in entity.aliases if not a.isascii()})
    en = sorted({a for a in entity.aliases if a.isascii()})
    if zh:
        properties["aliases"] = zh
    if en:
        properties["aliasesEn"] = en
    for term in ENTITY_TERMS:
        if value := getattr(entity, term.field):
            properties[term.term] = plain_value(term, value)
    if "IndustrialChain" in entity.types:  # as entity_triples says it
        properties["inScheme"] = [str(CHAIN_SCHEME)]
    properties["sources"] = sorted({str(iris.source_iri(s)) for s in entity.sources})
    properties["names"] = entity_names(properties)
    return properties


def entity_labels(entity: Entity) -> tuple[str, ...]:
    return tuple(sorted({ENTITY_LABEL, *entity.types}))


def relationship_properties(relation: Relation) -> dict[str, Any]:
    """The properties of the Neo4j relationship one statement (without evidence) makes."""
    properties: dict[str, Any] = {"sources": [str(iris.source_iri(relation.source_id))], "methods": [relation.method],
                                  "confidence": float(relation.confidence)}
    for term in RELATION_QUALIFIERS:
        if value := getattr(relation, term.field):
            properties[term.term] = plain_value(term, value)
    properties.update(edge_dates([_qualifiers_of(relation)]))
    return properties


def _qualifiers_of(relation: Relation) -> dict[TermField, Any]:
    return {t: plain_value(t, v) for t in RELATION_QUALIFIERS if (v := getattr(relation, t.field))}


def relation_from_properties(subject_iri: str, predicate: str, object_iri: str, properties: dict[str, Any]) -> Relation:
    """The statement a single-source relationship stands for (inverse of :func:`relationship_properties`)."""
    return Relation(
        iris.entity_id(subject_iri), predicate, iris.entity_id(object_iri),
        iris.entity_id(properties["sources"][0]).removeprefix("source/"),
        confidence=Decimal(str(properties["confidence"])), method=properties["methods"][0],
        # Named, so that what the qualifiers may fill is exactly the text-valued fields: a
        # relationship without evidence carries none, and a record from a store has no file line.
        evidence=None, origin=None,
        **{t.field: _record_value(t, properties[t.term]) for t in RELATION_QUALIFIERS if properties.get(t.term)},
    )


# -- analysis graphs (networkx, compact) -------------------------------------------------

def entity_node_attributes(entity: Entity) -> dict[str, Any]:
    """The analysis-graph attributes of one entity record (as ``entity_attributes`` reads them from RDF)."""
    attributes: dict[str, Any] = {"classes": sorted(entity.types), "name": entity.name, "name_en": entity.name_en,
                                  "aliases": sorted(set(entity.aliases))}
    for term in ENTITY_TERMS:
        if value := getattr(entity, term.field):
            attributes[term.field] = plain_value(term, value)
    return attributes


def edge_attributes(relations: list[Relation], *, evidence: bool = True) -> dict[str, Any]:
    """The analysis-graph attributes of one edge from every relation record stating it: sources,
    highest confidence, evidence (sorted by source and offset) and qualifiers (:func:`merged_qualifiers`)."""
    records: list[dict[str, Any]] = []
    if evidence:
        records = sorted(
            ({"quote": r.evidence.quote, "start": r.evidence.start, "end": r.evidence.end,
              "text": r.evidence.plain_text, "source": str(iris.source_iri(r.evidence.source_id)),
              "stated_on": plain_value(_STATED_ON, r.stated_on) if r.stated_on else None}
             for r in relations if r.evidence is not None),
            key=lambda e: (e["source"], e["start"] or 0))
    attributes: dict[str, Any] = {
        "sources": sorted({str(iris.source_iri(r.source_id)) for r in relations}),
        "confidence": max(float(r.confidence) for r in relations),
        "evidence": records,
    }
    qualified = [_qualifiers_of(r) for r in relations]
    merged = merged_qualifiers(qualified)
    attributes.update((term.field, value) for term, value in merged.items())
    attributes.update((EDGE_DATE_FIELDS[key], value) for key, value in edge_dates(qualified).items())
    return attributes


def has_qualifiers(relation: Relation) -> bool:
    return any(getattr(relation, term.field) for term in RELATION_QUALIFIERS)


def reported_cny_from_records(facts: FactSet) -> dict[str, float]:
    """Entity IRI → the largest output / investment / contract figure in CNY (as ``rdf.reported_cny``)."""
    largest: dict[str, float] = {}
    for observation in facts.observations:
        unit = UNITS[observation.unit]
        if unit.unit.endswith("/CNY") and observation.measure in WEIGHT_MEASURES:
            node = str(iris.entity_iri(observation.about))
            largest[node] = max(largest.get(node, 0.0), float(unit.to_base(observation.value)))
    return largest



#: The status statements of a project or park on its analysis-graph node (``loaders.extract_status``):
#: ``[{"date", "status", "text", "source"}, …]`` oldest first, undated first; what "as of" and
#: "changes" read a thing's status over time from.
STATUS_HISTORY = "status_history"
_STATUS_MEASURE = "project_status"


def _history(found: dict[str, list[dict[str, Any]]]) -> dict[str, list[dict[str, Any]]]:
    return {node: sorted(rows, key=lambda r: (r["date"] or "", r["status"], r["source"], r["text"]))
            for node, rows in found.items()}


def status_history(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """Entity IRI → its status statements (:data:`STATUS_HISTORY`), read from RDF."""
    found: dict[str, list[dict[str, Any]]] = {}
    for observation in graph.subjects(CKG.measure, Literal(_STATUS_MEASURE)):
        about, status = graph.value(observation, CKG.refEntity), graph.value(observation, CKG.projectStatus)
        if about is None or status is None:
            continue
        stated = graph.value(observation, CKG.statedOn)
        evidence = graph.value(observation, CKG.evidence)
        text = graph.value(evidence, CKG.plainText) if evidence is not None else None
        found.setdefault(str(about), []).append({
            "date": str(stated) if stated is not None else None, "status": str(status), "text": str(text or ""),
            "source": str(graph.value(observation, PROV.wasDerivedFrom) or "")})
    return _history(found)


def status_history_from_records(facts: FactSet) -> dict[str, list[dict[str, Any]]]:
    """Entity IRI → its status statements (as :func:`status_history` reads them from RDF)."""
    found: dict[str, list[dict[str, Any]]] = {}
    for observation in facts.observations:
        if observation.measure == _STATUS_MEASURE and observation.project_status:
            found.setdefault(str(iris.entity_iri(observation.about)), []).append({
                "date": observation.stated_on, "status": observation.project_status,
                "text": observation.evidence.plain_text if observation.evidence is not None else "",
                "source": str(iris.source_iri(observation.source_id))})
    return _history(found)
