"""One record core: frozen records, merges that never edit what they merge from, and every
attribute the records declare reaching every backend through ``graph.mapping``."""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

import pytest
from rdflib import Graph, Literal, URIRef

from chainkg.analyses.compact import CompactGraph
from chainkg.graph import iris
from chainkg.graph.build import load_facts
from chainkg.graph.mapping import plain_value, rdf_value
from chainkg.graph.neo4j_codec import facts_to_rows, rdf_to_rows, rows_to_rdf
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.graph.streaming import facts_to_networkx, write_ntriples
from chainkg.loaders.articles import load_articles
from chainkg.loaders.records import (
    ENTITY_TERMS,
    RELATION_QUALIFIERS,
    Entity,
    FactSet,
    Mention,
    Observation,
    Origin,
    Relation,
    SourceDocument,
    TextSpan,
)
from chainkg.loaders.reviewed import PLACES_FACTS, load_reviewed_facts
from chainkg.loaders.synthetic import generate_synthetic
from chainkg.ontology import CKG, RELATIONS

from _paths import SEED_ARTICLE


@pytest.mark.parametrize("record", [Origin, TextSpan, SourceDocument, Entity, Mention, Relation, Observation])
def test_records_are_frozen(record):
    assert record.__dataclass_params__.frozen


def test_merging_fact_sets_never_changes_the_sets_merged_from():
    first = FactSet(entities={"org/x": Entity("org/x", ("Company",), "甲", aliases=("甲公司",), sources=("s1",))})
    second = FactSet(entities={"org/x": Entity("org/x", ("ResearchInstitute",), "甲研究院", status="in_operation",
                                                sources=("s2",))})
    first_before, second_before = copy.deepcopy(first), copy.deepcopy(second)
    merged = FactSet().merge(first)
    merged.merge(second)
    assert first == first_before and second == second_before
    entity = merged.entities["org/x"]
    assert (entity.name, entity.types, entity.aliases, entity.status, entity.sources) == (
        "甲", ("Company", "ResearchInstitute"), ("甲公司", "甲研究院"), "in_operation", ("s1", "s2"))


def test_merging_an_article_into_the_places_leaves_both_as_loaded():
    places, article = load_reviewed_facts(PLACES_FACTS), load_articles([SEED_ARTICLE])
    merged = FactSet().merge(places).merge(article)
    assert places == load_reviewed_facts(PLACES_FACTS) and article == load_articles([SEED_ARTICLE])
    shared = set(places.entities) & set(article.entities)
    assert "area/350521" in shared  # a county both declare
    county = merged.entities["area/350521"]
    assert county.sources == (*places.entities["area/350521"].sources, *article.entities["area/350521"].sources)
    assert len(county.sources) == 2


def _qualified(facts: FactSet, *, evidence: bool) -> tuple[FactSet, Relation]:
    """``facts`` with one more relation that sets every qualifier the records declare."""
    firm = next(e for e in facts.entities.values() if "Company" in e.types)
    source_id = next(iter(facts.sources))
    # Any: the keys are field names read from the records at run time, so mypy cannot tell
    # which parameter each one fills.
    sample = {"entity": "area/350521", "integer": 7}
    values: dict[str, Any] = {t.field: sample.get(t.value, f"值-{t.field}") for t in RELATION_QUALIFIERS}
    relation = Relation(firm.id, "leadsChain", "chain/semiconductor", source_id, method="generated",
                        evidence=TextSpan(source_id, 3, 9, "原文的一句话", "原文的一句话") if evidence else None,
                        **values)
    facts = FactSet(sources=dict(facts.sources), entities=dict(facts.entities), mentions=list(facts.mentions),
                    relations=[*facts.relations, relation], observations=list(facts.observations))
    return facts, relation


@pytest.mark.parametrize("evidence", [False, True], ids=["without-evidence", "with-evidence"])
def test_every_relation_qualifier_reaches_every_backend(tmp_path, evidence):
    facts, relation = _qualified(generate_synthetic(firms=80, seed=3).facts, evidence=evidence)
    subject, object_ = str(iris.entity_iri(relation.subject)), str(iris.entity_iri(relation.object))
    statement = iris.statement_iri(relation.subject, relation.predicate, relation.object, relation.source_id)
    graph = union_graph(facts_to_dataset(facts))
    write_ntriples(facts, tmp_path / "g.nt")
    streamed = Graph().parse(tmp_path / "g.nt", format="nt")
    rows = {"records": facts_to_rows(facts), "rdf": rdf_to_rows(graph)}
    edges = {"records": facts_to_networkx(facts).edges[subject, object_, "leadsChain"],
             "rdf": to_networkx(graph).edges[subject, object_, "leadsChain"]}
    compact = next(a for s, p, o, a in CompactGraph.from_facts(facts).edge_records()
                   if (s, p, o) == (subject, "leadsChain", object_))
    neo4j_type = RELATIONS["leadsChain"].neo4j_type
    for term in RELATION_QUALIFIERS:
        value = getattr(relation, term.field)
        triple = (statement, CKG[term.term], rdf_value(term, value))
        assert triple in graph and triple in streamed, term
        for how, (_, relationships) in rows.items():
            row = next(r for r in relationships if (r.start, r.type, r.end) == (subject, neo4j_type, object_))
            assert row.properties[term.term] == plain_value(term, value), (term, how)
        assert triple in rows_to_rdf(*rows["records"]), term
        for how, attributes in edges.items():
            assert attributes[term.field] == plain_value(term, value), (term, how)
        assert compact[term.field] == plain_value(term, value), term
    # the conversions themselves, written out (not computed by the functions under test)
    scope_iri = "https://w3id.org/chainkg/id/area/350521"
    assert edges["records"]["scope"] == edges["rdf"]["scope"] == compact["scope"] == scope_iri
    assert (statement, CKG.scope, URIRef(scope_iri)) in graph
    assert (statement, CKG.scopeNote, Literal("值-scope_note", lang="zh")) in graph
    assert (statement, CKG.modality, Literal("值-modality")) in graph
    assert (statement, CKG.statedCount, Literal(7)) in graph  # xsd:integer
    assert edges["rdf"]["stated_count"] == compact["stated_count"] == 7


def test_every_entity_attribute_reaches_every_backend():
    facts = generate_synthetic(firms=80, seed=3).facts
    firm = next(e for e in facts.entities.values() if "Company" in e.types)
    values: dict[str, Any] = {t.field: f"值-{t.field}" for t in ENTITY_TERMS}  # Any: as in _qualified
    facts.entities[firm.id] = dataclasses.replace(firm, **values)
    node = str(iris.entity_iri(firm.id))
    graph = union_graph(facts_to_dataset(facts))
    record_row = next(n for n in facts_to_rows(facts)[0] if n.iri == node)
    rdf_row = next(n for n in rdf_to_rows(graph)[0] if n.iri == node)
    compact = CompactGraph.from_facts(facts)
    for term in ENTITY_TERMS:
        value = values[term.field]
        assert (iris.entity_iri(firm.id), CKG[term.term], rdf_value(term, value)) in graph
        assert record_row.properties[term.term] == rdf_row.properties[term.term] == value
        assert facts_to_networkx(facts).nodes[node][term.field] == to_networkx(graph).nodes[node][term.field] == value
        assert compact._attribute(compact._index[node], term.field) == value


def _edge_view(attributes: dict) -> dict:
    """What the compact engine keeps of an edge: evidence as its sentences."""
    kept = {k: v for k, v in attributes.items() if k != "predicate"}  # the edge key says it
    return {**kept, "evidence": [e["text"] for e in attributes["evidence"]]}


@pytest.mark.parametrize("facts", [load_facts, lambda: generate_synthetic(firms=150, seed=4).facts],
                         ids=["seed", "generated"])
def test_the_compact_engine_holds_the_edges_the_networkx_projection_holds(facts):
    facts = facts()
    lean = facts_to_networkx(facts)
    compact = CompactGraph.from_facts(facts)
    assert {(s, p, o): a for s, p, o, a in compact.edge_records()} == {
        (s, k, o): _edge_view(a) for s, o, k, a in lean.edges(keys=True, data=True)}


def _relation_triples_by_backend(facts, tmp_path) -> dict[str, set[tuple[str, str, str]]]:
    """(subject IRI, property, object IRI) of every relation, as each registered backend holds it."""
    import chainkg.analyses  # noqa: F401  (registers the compact backend)
    from chainkg.graph.backends import backend, backend_kinds

    relation_names = {str(t.iri): name for name, t in RELATIONS.items()}
    by_type = {t.neo4j_type: name for name, t in RELATIONS.items()}

    def from_rdf(graph) -> set:
        return {(str(s), relation_names[str(p)], str(o)) for s, p, o in graph if str(p) in relation_names}

    held = {}
    for kind in backend_kinds():
        write = backend(kind)
        if kind == "rdf":
            held[kind] = from_rdf(union_graph(write(facts)))
        elif kind == "ntriples":
            write(facts, tmp_path / "all.nt")
            held[kind] = from_rdf(Graph().parse(tmp_path / "all.nt", format="nt"))
        elif kind == "neo4j-rows":
            held[kind] = {(r.start, by_type[r.type], r.end) for r in write(facts)[1] if r.type in by_type}
        elif kind == "networkx":
            held[kind] = {(s, k, o) for s, o, k in write(facts).edges(keys=True)}
        elif kind == "compact":
            held[kind] = {(s, p, o) for s, p, o, _ in write(facts).edge_records()}
        else:
            raise AssertionError(f"a new backend {kind!r}: teach this parity test to read it")
    return held


@pytest.mark.parametrize("facts", [load_facts, lambda: generate_synthetic(firms=150, seed=4).facts],
                         ids=["seed", "generated"])
def test_every_registered_backend_holds_the_same_relations(facts, tmp_path):
    facts = facts()
    held = _relation_triples_by_backend(facts, tmp_path)
    assert set(held) == {"rdf", "ntriples", "neo4j-rows", "networkx", "compact"}
    stated = {(str(iris.entity_iri(r.subject)), r.predicate, str(iris.entity_iri(r.object))) for r in facts.relations}
    for kind, triples in held.items():
        assert stated <= triples, kind
        assert triples == held["rdf"], kind


def test_a_chain_an_article_names_has_the_same_node_from_records_and_from_rdf():
    """A chain entity without evidence takes the records' fast path to Neo4j: it must say what RDF says."""
    facts = FactSet(sources={"s": SourceDocument("s", "article", "标题")},
                    entities={"chain/xdemo": Entity("chain/xdemo", ("IndustrialChain",), "海洋牧场", sources=("s",))})
    node = str(iris.entity_iri("chain/xdemo"))
    from_records = next(n for n in facts_to_rows(facts)[0] if n.iri == node)
    from_rdf = next(n for n in rdf_to_rows(union_graph(facts_to_dataset(facts)))[0] if n.iri == node)
    assert from_records.properties == from_rdf.properties
    assert from_records.properties["inScheme"] == ["https://w3id.org/chainkg/id/chain/scheme"]


def test_an_edge_one_source_states_and_another_plans_is_stated_in_every_backend():
    """Two sources on one triple: one reports it done with 3 firms, the other plans it with 6.
    Every backend keeps the fact's modality and count for the edge: stated, 3."""
    facts = generate_synthetic(firms=80, seed=3).facts
    firm = next(e for e in facts.entities.values() if "Company" in e.types)
    first = next(iter(facts.sources))
    facts.sources["second_article"] = SourceDocument("second_article", "article", "另一篇报道")
    target = "chain/semiconductor/wafer_fab"
    facts.relations += [Relation(firm.id, "operatesIn", target, first, modality="intended", stated_count=6),
                        Relation(firm.id, "operatesIn", target, "second_article", modality="stated", stated_count=3)]
    subject, object_ = str(iris.entity_iri(firm.id)), str(iris.entity_iri(target))
    graph = union_graph(facts_to_dataset(facts))
    edges = [facts_to_networkx(facts).edges[subject, object_, "operatesIn"],
             to_networkx(graph).edges[subject, object_, "operatesIn"],
             next(a for s, p, o, a in CompactGraph.from_facts(facts).edge_records() if (s, p, o) == (subject, "operatesIn", object_))]
    assert [(e["modality"], e["stated_count"]) for e in edges] == [("stated", 3)] * 3
    neo4j_type = RELATIONS["operatesIn"].neo4j_type
    for rows in (facts_to_rows(facts), rdf_to_rows(graph)):
        row = next(r for r in rows[1] if (r.start, r.type, r.end) == (subject, neo4j_type, object_))
        assert (row.properties["modality"], row.properties["statedCount"]) == ("stated", 3)
