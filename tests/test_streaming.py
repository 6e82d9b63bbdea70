"""The fast paths give exactly what the rdflib path gives, on the seed."""

from rdflib import Dataset, Graph

from chainkg.graph.build import load_facts
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.graph.streaming import facts_to_networkx, write_ntriples


def test_streamed_ntriples_equal_the_rdflib_graph(tmp_path, seed_graph):
    facts = load_facts()
    assert write_ntriples(facts, tmp_path / "g.nt") >= len(seed_graph)
    assert set(Graph().parse(tmp_path / "g.nt", format="nt")) == set(seed_graph)
    write_ntriples(facts, tmp_path / "g.nq", quads=True)
    quads = Dataset().parse(tmp_path / "g.nq", format="nquads")
    assert {str(g.identifier).rsplit("/", 1)[-1] for g in quads.graphs() if len(g)} >= {
        "seed_quanzhou_parks_2024q1", "reference_places_gbt2260_2023", "chains"}
    assert not list(tmp_path.glob(".*.part"))


def test_lean_projection_equals_the_rdf_projection(seed_kg):
    lean = facts_to_networkx(load_facts())
    assert {n: dict(a) for n, a in lean.nodes(data=True)} == {n: dict(a) for n, a in seed_kg.nodes(data=True)}
    assert {(u, v, k): d for u, v, k, d in lean.edges(keys=True, data=True)} == \
        {(u, v, k): d for u, v, k, d in seed_kg.edges(keys=True, data=True)}


def test_lean_projection_can_leave_evidence_out():
    lean = facts_to_networkx(load_facts(), evidence=False)
    assert all(d["evidence"] == [] for _, _, d in lean.edges(data=True))


def test_rows_from_records_equal_rows_from_rdf(seed_dataset):
    from chainkg.graph.neo4j_codec import facts_to_rows, rdf_to_rows

    from_rdf, from_records = rdf_to_rows(seed_dataset), facts_to_rows(load_facts())
    assert [(n.iri, n.labels, n.properties) for n in from_records[0]] == [(n.iri, n.labels, n.properties) for n in from_rdf[0]]
    assert {(r.start, r.type, r.end): r.properties for r in from_records[1]} == \
        {(r.start, r.type, r.end): r.properties for r in from_rdf[1]}


def test_rows_from_records_equal_rows_from_rdf_on_generated_data():
    from chainkg.graph.neo4j_codec import facts_to_rows, rdf_to_rows, rows_to_rdf, stored_subgraph
    from chainkg.loaders.synthetic import generate_synthetic

    facts = generate_synthetic(firms=150, seed=4).facts
    graph = union_graph(facts_to_dataset(facts))
    from_rdf, from_records = rdf_to_rows(facts_to_dataset(facts)), facts_to_rows(facts)
    assert {n.iri: (n.labels, n.properties) for n in from_records[0]} == {n.iri: (n.labels, n.properties) for n in from_rdf[0]}
    assert {(r.start, r.type, r.end): r.properties for r in from_records[1]} == \
        {(r.start, r.type, r.end): r.properties for r in from_rdf[1]}
    # derivable statements are not stored twice, and still come back whole
    assert not any("provenance" in r.properties for r in from_records[1])
    assert set(rows_to_rdf(*from_records)) == set(stored_subgraph(graph))
