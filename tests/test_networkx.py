"""The networkx projection carries entities, relations and their provenance."""

from rdflib import Graph, URIRef

from chainkg.graph.iris import entity_iri
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import reported_cny
from chainkg.ontology import CKG


def node(name_id: str) -> str:
    return str(entity_iri(name_id))


def test_nodes_carry_classes_names_and_codes(seed_kg):
    attributes = seed_kg.nodes[node("area/350521")]
    assert attributes["name"] == "惠安县"
    assert attributes["name_en"] == "Hui'an County"
    assert attributes["division_code"] == "350521"
    assert attributes["classes"] == ["AdministrativeArea"]
    assert seed_kg.nodes[node("org/camst_haixi")]["classes"] == ["Company", "ResearchInstitute"]


def test_edges_are_keyed_by_property_and_carry_evidence(seed_kg):
    edge = seed_kg.edges[node("org/camst_haixi"), node("chain/machine_tools"), "leadsChain"]
    assert edge["leadership_kind"] == "chain_leader"
    assert edge["confidence"] == 1.0
    assert edge["sources"] == [node("source/seed_quanzhou_parks_2024q1")]
    assert "国内工业母机链主企业" in edge["evidence"][0]["text"]


def test_relation_stated_by_two_sources_is_one_edge_with_both(seed_kg):
    edge = seed_kg.edges[node("zone/quanzhou_tib"), node("org/quanzhou_tib_committee"), "managedBy"]
    assert edge["sources"] == [node("source/reference_places_gbt2260_2023"), node("source/seed_quanzhou_parks_2024q1")]
    assert seed_kg.number_of_edges(node("zone/quanzhou_tib"), node("org/quanzhou_tib_committee")) == 1


def test_chains_are_nodes_with_labels(seed_kg):
    assert seed_kg.nodes[node("chain/semiconductor")]["name"] == "半导体"
    assert seed_kg.has_edge(node("park/nanan_xingu"), node("chain/semiconductor"), "hostsChain")


def test_an_observation_without_its_entity_or_value_reports_no_figure(seed_graph):
    """A hand-written graph (``chainkg report --data``) need not meet the shapes: the figures
    of the other entities stay, and the projection is still built."""
    graph = seed_graph + Graph()  # a copy: the session's seed graph stays whole
    figures = reported_cny(graph)
    unvalued, unanchored = URIRef(node("park/jomoo_smart_sanitary")), URIRef(node("org/camst_haixi"))
    assert {unvalued, unanchored} < set(figures)
    for observation in list(graph.subjects(CKG.refEntity, unvalued)):
        graph.remove((observation, CKG.value, None))
    for observation in list(graph.subjects(CKG.refEntity, unanchored)):
        graph.remove((observation, CKG.refEntity, None))
    assert reported_cny(graph) == {e: v for e, v in figures.items() if e not in {unvalued, unanchored}}
    kg = to_networkx(graph)
    assert "reported_cny_max" not in kg.nodes[str(unvalued)] and "reported_cny_max" not in kg.nodes[str(unanchored)]
    assert kg.nodes[node("area/350500")]["reported_cny_max"] == figures[URIRef(node("area/350500"))]
