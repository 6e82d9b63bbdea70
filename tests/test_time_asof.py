"""Time in both engines: "as of" answers and "what changed" agree between networkx and Cypher —
on the seed, on the corpus build and on a generated graph with dated facts — and say what
they left out and how many facts were undated."""

import dataclasses

import pytest
from _results import without_engine as plain

from chainkg.analyses import attraction_candidates, chain_gaps, leading_enterprises
from chainkg.analyses.changes import changes
from chainkg.analyses.timeline import as_of_view, graph_as_of
from chainkg.graph.build import load_facts
from chainkg.graph.neo4j_codec import rdf_to_rows
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.loaders.records import Relation
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS
from chainkg.loaders.synthetic import generate_synthetic

from _paths import CORPUS


def both(kg, store, date):
    """(embedded engine, Cypher engine, their notes) as of ``date``."""
    embedded, note = graph_as_of(kg, date)
    cypher, cypher_note = graph_as_of(store, date)
    return embedded, cypher, note, cypher_note


@pytest.mark.parametrize("date", ["2023-12-31", "2024-03-01"])
def test_seed_as_of_answers_agree(neo4j_store, loaded_seed, seed_kg, date):
    embedded, cypher, note, cypher_note = both(seed_kg, neo4j_store, date)
    assert note == cypher_note
    assert note.undated == 28  # the reference places file has no date: its 28 relations count at every date
    for chain, region in (("光电", "安溪县"), ("食品", "惠安县"), ("工业母机", "泉州市")):
        assert plain(chain_gaps(cypher, chain, region)) == plain(chain_gaps(embedded, chain, region))
    assert plain(leading_enterprises(cypher, None, "惠安县")) == plain(leading_enterprises(embedded, None, "惠安县"))
    assert plain(attraction_candidates(cypher, "增材制造", "南安市")) == plain(attraction_candidates(embedded, "增材制造", "南安市"))


def test_the_seed_before_its_date_knows_no_leader_and_after_it_knows_its_two(seed_kg):
    before, _ = graph_as_of(seed_kg, "2023-12-31")
    after, _ = graph_as_of(seed_kg, "2024-03-01")
    # 南王's listing (去年 in a 2024-03 article → 2023) is known before; its 龙头 role only from 2024-03
    assert leading_enterprises(before) == []
    assert sorted(leader.name for leader in leading_enterprises(after)) == ["中国机械总院海西分院", "南王"]
    view, note = as_of_view(seed_kg, "2023-12-31")
    assert [view.nodes[u]["name"] for u, _, k in view.edges(keys=True) if k == "listedOn"] == ["南王"]
    assert note.left_out == 47


@pytest.fixture(scope="module")
def corpus_loaded(neo4j_store):
    """The corpus articles with the reviewed places and seed facts, in both engines."""
    facts = load_facts([PLACES_FACTS, SEED_FACTS, CORPUS])
    dataset = facts_to_dataset(facts)
    neo4j_store.clear()
    neo4j_store.load(*rdf_to_rows(dataset), progress=False)
    yield to_networkx(union_graph(dataset))
    neo4j_store.clear()


def test_corpus_changes_since_2024_agree_and_list_the_2024_2025_articles(neo4j_store, corpus_loaded):
    embedded = changes(corpus_loaded, "2024-01-01")
    cypher = changes(neo4j_store, "2024-01-01")
    assert (embedded.engine, cypher.engine) == ("embedded", "cypher")
    assert plain(cypher) == plain(embedded)
    sources = {s.rsplit("/", 1)[-1] for c in embedded.changes for s in c.sources}
    # the articles dated 2024–2025 by their datelines, and the seed's reviewed facts (published 2024-03)
    assert {"d16_quanzhou_petrochem_roadmap.extracted", "d21_putian_xianyou_shoe_park.extracted",
            "d26_shaxian_snack_chain_gov.extracted", "seed_quanzhou_parks_2024q1"} <= sources
    assert all(c.date >= "2024" for c in embedded.changes)
    assert all(c.evidence for c in embedded.changes if "seed_quanzhou_parks_2024q1" not in c.sources[0])
    # an article of 2022 adds nothing after 2024
    assert not any("d24_luojiang" in s for c in embedded.changes for s in c.sources)
    assert embedded.undated > 100  # most corpus articles carry no date: counted, never placed in a window


@pytest.mark.parametrize("date", ["2011-01-01", "2022-06-01", "2024-12-31"])
def test_corpus_as_of_answers_agree(neo4j_store, corpus_loaded, date):
    embedded, cypher, note, cypher_note = both(corpus_loaded, neo4j_store, date)
    assert note == cypher_note
    for chain, region in (("工业母机", "洛江区"), ("陶瓷", "德化县"), ("石化", "泉港区"), ("智能装备", "洛江区")):
        assert plain(chain_gaps(cypher, chain, region)) == plain(chain_gaps(embedded, chain, region))
    assert plain(leading_enterprises(cypher, None, None)) == plain(leading_enterprises(embedded, None, None))


def _dated_synthetic():
    """A generated graph whose relations carry dates: three years of statements, and every
    tenth chain statement first a plan (2021) and later reported done (2023)."""
    generated = generate_synthetic(firms=150, seed=11)
    facts = generated.facts
    dated, plans = [], []
    for number, relation in enumerate(facts.relations):
        day = f"{2020 + number % 4}-{1 + number % 12:02d}-15"
        relation = dataclasses.replace(relation, stated_on=day)
        if relation.predicate in ("operatesIn", "hostsChain") and number % 10 == 0:
            plans.append(Relation(relation.subject, relation.predicate, relation.object, relation.source_id + ".plan",
                                  method="generated", modality="intended", stated_on="2021-06-01"))
            relation = dataclasses.replace(relation, stated_on="2023-06-01")
        dated.append(relation)
    facts.relations = dated + plans
    source = next(iter(facts.sources.values()))
    facts.sources[source.id + ".plan"] = dataclasses.replace(source, id=source.id + ".plan")
    return generated, facts


@pytest.fixture(scope="module")
def synthetic_dated(neo4j_store):
    generated, facts = _dated_synthetic()
    graph = union_graph(facts_to_dataset(facts))
    neo4j_store.clear()
    neo4j_store.load(*rdf_to_rows(graph), progress=False)
    yield generated, to_networkx(graph)
    neo4j_store.clear()


@pytest.mark.parametrize("date", ["2020-12-31", "2022-01-01", "2023-12-31"])
def test_generated_dated_graph_as_of_answers_agree(neo4j_store, synthetic_dated, date):
    generated, kg = synthetic_dated
    embedded, cypher, note, cypher_note = both(kg, neo4j_store, date)
    assert note == cypher_note
    if date == "2022-01-01":
        assert note.planned_then > 0  # the plans of 2021 not yet reported done
    for chain, region in ((generated.planted.chain, generated.planted.region), ("鞋服", "晋江市")):
        assert plain(chain_gaps(cypher, chain, region)) == plain(chain_gaps(embedded, chain, region))
    assert plain(leading_enterprises(cypher, "半导体", "南安市")) == plain(leading_enterprises(embedded, "半导体", "南安市"))


def test_generated_plans_become_operating_in_the_window_in_both_engines(neo4j_store, synthetic_dated):
    _, kg = synthetic_dated
    embedded, cypher = changes(kg, "2022-12-31", "2023-12-31"), changes(neo4j_store, "2022-12-31", "2023-12-31")
    assert plain(cypher) == plain(embedded)
    operating = [c for c in embedded.changes if c.kind == "now_operating"]
    assert operating and all((c.planned_since, c.date, c.status) == ("2021-06-01", "2023-06-01", "stated") for c in operating)


def test_the_compact_engine_says_it_answers_for_the_whole_graph_only():
    from chainkg.analyses.compact import CompactGraph
    from chainkg.analyses.timeline import graph_as_of
    from chainkg.errors import ChainKGError
    from chainkg.graph.build import load_facts

    compact = CompactGraph.from_facts(load_facts())
    assert graph_as_of(compact, None)[1] is None  # no date: the whole graph, as before
    with pytest.raises(ChainKGError, match="CompactGraph engine answers for the whole graph only"):
        graph_as_of(compact, "2023-12-31")
