"""Two engines, one answer: the analyses in memory (networkx) and in Neo4j (Cypher) agree —
on the seed graph and on a generated graph with a planted gap and leader."""


import pytest
from _results import without_engine

from chainkg.analyses import attraction_candidates, central_firms, chain_gaps, leading_enterprises
from chainkg.analyses.rows import Tally
from chainkg.graph.neo4j_codec import rdf_to_rows
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.loaders.synthetic import generate_synthetic

SEED_GAP_QUESTIONS = [("半导体", "南安市"), ("光电", "安溪县"), ("卫浴五金", "石狮市"), ("智能电子终端", "永春县"),
                      ("智能电气", "惠安县"), ("增材制造", "丰泽区"), ("食品", "惠安县"), ("工业母机", "泉州市")]


@pytest.mark.parametrize("chain, region", SEED_GAP_QUESTIONS)
def test_seed_gaps_agree(neo4j_store, loaded_seed, seed_kg, chain, region):
    embedded = chain_gaps(seed_kg, chain, region)
    cypher = chain_gaps(neo4j_store, chain, region)
    assert (embedded.engine, cypher.engine) == ("embedded", "cypher")
    assert without_engine(cypher) == without_engine(embedded)


@pytest.mark.parametrize("chain, region", [(None, None), (None, "惠安县"), ("工业母机", None), ("卫浴五金", "泉州市")])
def test_seed_leaders_agree(neo4j_store, loaded_seed, seed_kg, chain, region):
    embedded = leading_enterprises(seed_kg, chain, region)
    assert embedded or chain == "卫浴五金"
    assert without_engine(leading_enterprises(neo4j_store, chain, region)) == without_engine(embedded)


def test_the_designated_firms_of_a_chain_are_those_organizations_lists_with_a_designation(neo4j_store, loaded_seed, seed_kg):
    from chainkg.analyses.cypher import CypherGraph
    from chainkg.analyses.embedded import EmbeddedGraph

    for graph in (CypherGraph(neo4j_store), EmbeddedGraph(seed_kg)):
        for chain in ("https://w3id.org/chainkg/id/chain/paper_packaging", "https://w3id.org/chainkg/id/chain/machine_tools"):
            expected = {o.iri: o.designations for o in graph.organizations(chain, None) if o.designations}
            assert expected and graph.designated(chain) == expected, (graph.engine, chain)


def test_seed_candidates_agree(neo4j_store, loaded_seed, seed_kg):
    assert without_engine(attraction_candidates(neo4j_store, "增材制造", "南安市")) == \
        without_engine(attraction_candidates(seed_kg, "增材制造", "南安市"))


@pytest.fixture(scope="module")
def synthetic_loaded(neo4j_store):
    """A generated graph (planted gap and leader) in both engines."""
    generated = generate_synthetic(firms=150, seed=11)
    graph = union_graph(facts_to_dataset(generated.facts))
    neo4j_store.clear()
    neo4j_store.load(*rdf_to_rows(graph), progress=False)
    yield generated, to_networkx(graph)
    neo4j_store.clear()


def test_synthetic_gaps_agree_and_both_find_the_planted_gap(neo4j_store, synthetic_loaded):
    generated, kg = synthetic_loaded
    for engine in (kg, neo4j_store):
        report = chain_gaps(engine, generated.planted.chain, generated.planted.region)
        missing = [s.iri for s in report.segments if s.status == "missing"]
        assert missing == [f"https://w3id.org/chainkg/id/{generated.planted.gap_segment}"], report.engine
    assert without_engine(chain_gaps(neo4j_store, "半导体", "南安市")) == without_engine(chain_gaps(kg, "半导体", "南安市"))
    for chain, region in (("鞋服", "晋江市"), ("卫浴五金", "泉州市"), ("食品", "惠安县")):
        assert without_engine(chain_gaps(neo4j_store, chain, region)) == without_engine(chain_gaps(kg, chain, region))


def test_synthetic_leaders_agree_and_both_find_the_planted_leader(neo4j_store, synthetic_loaded):
    generated, kg = synthetic_loaded
    embedded = leading_enterprises(kg, "半导体", "南安市")
    cypher = leading_enterprises(neo4j_store, "半导体", "南安市")
    assert embedded[0].iri.endswith(generated.planted.leader) and cypher[0].iri.endswith(generated.planted.leader)
    assert cypher[0].local_partners >= generated.planted.leader_partners >= 15
    assert without_engine(cypher) == without_engine(embedded)
    assert without_engine(leading_enterprises(neo4j_store, "鞋服")) == without_engine(leading_enterprises(kg, "鞋服"))


def test_synthetic_candidates_agree(neo4j_store, synthetic_loaded):
    _, kg = synthetic_loaded
    embedded = attraction_candidates(kg, "半导体", "南安市")
    assert embedded
    assert without_engine(attraction_candidates(neo4j_store, "半导体", "南安市")) == without_engine(embedded)


def test_every_chain_by_county_at_once_agrees_with_one_at_a_time_and_across_engines(neo4j_store, synthetic_loaded):
    from chainkg.analyses.gaps import gap_statuses

    _, kg = synthetic_loaded
    embedded = gap_statuses(kg)
    assert embedded == gap_statuses(neo4j_store)
    for (chain, region), statuses in list(embedded.items())[::17]:
        report = chain_gaps(kg, chain, region)
        assert statuses == {**{s.iri: s.status for s in report.segments}, report.chain: report.chain_status}


def test_stored_entry_counts_answer_like_the_walk_and_step_aside_when_stale(neo4j_store, synthetic_loaded):
    from chainkg.analyses.cypher import CypherGraph, entry_counts_fresh, refresh_entry_counts
    from chainkg.analyses.gaps import gap_statuses

    generated, kg = synthetic_loaded
    graph = CypherGraph(neo4j_store)
    assert not entry_counts_fresh(neo4j_store)
    walked = gap_statuses(graph)
    chain = f"https://w3id.org/chainkg/id/{generated.planted.chain}"
    segments = [s.iri for s in graph.chain_segments(chain)]
    regions = [f"https://w3id.org/chainkg/id/{generated.planted.region}", "https://w3id.org/chainkg/id/area/350500"]
    walked_counts = graph.segment_counts(segments, regions)
    assert refresh_entry_counts(neo4j_store) > 0 and entry_counts_fresh(neo4j_store)
    assert graph.segment_counts(segments, regions) == walked_counts
    assert gap_statuses(graph) == walked == gap_statuses(kg)
    # the planted gap is filled by a new local firm: the stamp no longer matches, the walk answers
    gap = f"https://w3id.org/chainkg/id/{generated.planted.gap_segment}"
    neo4j_store.run("MATCH (a:Entity {iri: $region}) CREATE (f:Entity:Company {iri: 'urn:test:newcomer', name: '新来者'})"
                    "-[:LOCATED_IN]->(a) WITH f MATCH (s:Entity {iri: $gap}) CREATE (f)-[:OPERATES_IN]->(s)",
                    region=regions[0], gap=gap)
    try:
        assert not entry_counts_fresh(neo4j_store)
        assert graph.segment_counts([gap], regions[:1]) == {(regions[0], gap): Tally(established=1)}
    finally:
        neo4j_store.run("MATCH (f:Entity {iri: 'urn:test:newcomer'}) DETACH DELETE f")
    assert entry_counts_fresh(neo4j_store)


COMPACT_QUESTIONS = [*SEED_GAP_QUESTIONS, ("鞋服", "晋江市"), ("半导体", "泉州台商投资区")]
#: (chain, region) for leading_enterprises, either of which may be left open.
LEADER_QUESTIONS: list[tuple[str | None, str | None]] = [
    (None, None), (None, "惠安县"), ("工业母机", None), ("半导体", "南安市"), ("鞋服", "泉州市")]


@pytest.mark.parametrize("source", ["seed", "synthetic"])
def test_compact_engine_answers_exactly_like_networkx(source):
    """The array engine for province-size graphs, built from records or from networkx, gives the
    same gaps, leaders, candidates and matrix as the networkx engine."""
    from chainkg.analyses.compact import CompactGraph
    from chainkg.analyses.embedded import EmbeddedGraph
    from chainkg.analyses.gaps import gap_statuses
    from chainkg.graph.build import load_facts
    from chainkg.graph.streaming import facts_to_networkx

    facts = load_facts() if source == "seed" else generate_synthetic(firms=400, seed=5).facts
    kg = facts_to_networkx(facts)
    networkx_engine = EmbeddedGraph(kg)
    engines = (CompactGraph.from_facts(facts), CompactGraph.from_networkx(kg))
    for chain, region in COMPACT_QUESTIONS:
        for analysis in (chain_gaps, attraction_candidates):
            expected = without_engine(analysis(networkx_engine, chain, region))
            assert all(without_engine(analysis(e, chain, region)) == expected for e in engines), (analysis, chain, region)
    for question in LEADER_QUESTIONS:
        for listing in (leading_enterprises, central_firms):
            expected = without_engine(listing(networkx_engine, *question))
            assert all(without_engine(listing(e, *question)) == expected for e in engines), (listing, question)
    matrix = gap_statuses(networkx_engine)
    assert matrix and all(gap_statuses(e) == matrix for e in engines)


def test_compact_engine_finds_the_planted_gap_and_leader_without_evidence():
    from chainkg.analyses.compact import CompactGraph

    generated = generate_synthetic(firms=300, seed=13)
    graph = CompactGraph.from_facts(generated.facts, evidence=False)
    report = chain_gaps(graph, generated.planted.chain, generated.planted.region)
    assert [s.iri for s in report.segments if s.status == "missing"] == \
        [f"https://w3id.org/chainkg/id/{generated.planted.gap_segment}"]
    leaders = leading_enterprises(graph, generated.planted.chain, generated.planted.region)
    assert leaders[0].iri.endswith(generated.planted.leader)
    parks = [p for p in graph.named_things() if "IndustrialPark" in p.classes]
    assert parks and all(p.iri.startswith("https://w3id.org/chainkg/id/synthetic/park/") for p in parks)


def test_large_supply_networks_rank_alike_in_both_engines(neo4j_store, synthetic_loaded, monkeypatch):
    """Past the exact-betweenness size, Cypher fetches the network's edges and both engines rank
    with one sampled estimate: the same leaders, still led by the planted one."""
    import chainkg.analyses.cypher as cypher_engine
    import chainkg.analyses.embedded as embedded_engine

    generated, kg = synthetic_loaded

    def ranked(graph):  # the designated leader first, then every other firm by network position
        return leading_enterprises(graph, "半导体", "南安市") + central_firms(graph, "半导体", "南安市")

    exact = without_engine(ranked(kg))
    monkeypatch.setattr(embedded_engine, "BETWEENNESS_EXACT_MAX", 10)
    monkeypatch.setattr(embedded_engine, "BETWEENNESS_PIVOTS", 12)
    monkeypatch.setattr(cypher_engine, "BETWEENNESS_EXACT_MAX", 10)
    embedded = ranked(kg)
    assert without_engine(ranked(neo4j_store)) == without_engine(embedded)
    assert embedded[0].iri.endswith(generated.planted.leader)
    assert [e.components["betweenness"] for e in embedded] != [e["components"]["betweenness"] for e in exact]
