"""Neo4j as the contract for other apps: what an app reads with plain Cypher through the
driver (figures, sources, citations, names), and a round trip that gives back every quad."""

from __future__ import annotations

import datetime
import os
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import Dataset
from rdflib.compare import isomorphic

from chainkg.cli import main
from chainkg.graph.build import build_dataset
from chainkg.graph.neo4j_codec import rdf_to_rows, rows_to_dataset
from chainkg.graph.rdf import facts_to_dataset
from chainkg.loaders.records import Entity, FactSet, Observation, Relation, SourceDocument, TextSpan
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS

from _paths import CORPUS, REPO, SEED_ARTICLE

COOKBOOK = REPO / "cookbook" / "cypher"


def _non_empty_graphs(dataset: Dataset) -> dict:
    return {g.identifier: g for g in dataset.graphs() if len(g)}


def _assert_same_dataset(built: Dataset, back: Dataset) -> None:
    """Isomorphic named graph by named graph: 0 quads lost or added."""
    expected, got = _non_empty_graphs(built), _non_empty_graphs(back)
    assert sorted(got) == sorted(expected)
    for identifier, graph in expected.items():
        assert len(got[identifier]) == len(graph), identifier
        assert isomorphic(graph, got[identifier]), identifier


def test_the_jan_feb_investment_comes_back_with_its_sentence_and_source_through_the_driver(neo4j_store, loaded_seed):
    rows = neo4j_store.run(
        "MATCH (o:Observation {measure: 'investment_completed'})-[:REF_ENTITY]->(place:Entity) "
        "WHERE o.periodStart = date('2024-01-01') AND o.periodEnd = date('2024-02-29') "
        "MATCH (s:SourceDocument) WHERE s.iri IN o.sources "
        "RETURN place.name AS place, o.originalValue AS original, o.value AS value, o.unit AS unit, "
        "o.bound AS bound, o.evidence[0] AS sentence, s.title AS title")
    assert rows == [{"place": "泉州市", "original": "68.99亿元", "value": 6899000000.0,
                     "unit": "http://qudt.org/vocab/currency/CNY", "bound": "exact",
                     "sentence": "1月—2月累计完成投资额68.99亿元;",
                     "title": "泉州市工业(产业)园区标准化建设2024年第一季度拉练活动"}]


def test_the_figures_cookbook_query(neo4j_store, loaded_seed):
    query = (COOKBOOK / "16_figures_about.cypher").read_text(encoding="utf-8")
    [row] = neo4j_store.run(query, entity="泉州市", measure="investment_completed")
    assert (row["original"], row["period"], row["published"]) == ("68.99亿元", "1月—2月累计", "2024-03")
    assert row["periodStart"].to_native() == datetime.date(2024, 1, 1)
    figures = neo4j_store.run(query, entity="泉州市", measure=None)
    assert len(figures) == 9  # every figure the seed reports about the city, each with its source
    assert {f["source"] for f in figures} == {"泉州市工业(产业)园区标准化建设2024年第一季度拉练活动"}


def test_a_relationships_quote_and_offsets_are_plain_properties(neo4j_store, loaded_seed, seed_text):
    query = (COOKBOOK / "17_fact_citation.cypher").read_text(encoding="utf-8")
    [row] = neo4j_store.run(query, subject="南王", object="惠安县")
    assert row["relation"] == "LOCATED_IN"
    assert row["quote"].startswith("同時(shí),惠安縣發(fā)揮南王龍頭作用")
    # the offsets point into the article as it stands in the corpus
    assert seed_text[row["start"]:row["end"]] == row["quote"]
    assert (row["source"], row["file"]) == ("泉州市工业(产业)园区标准化建设2024年第一季度拉练活动", "seed_quanzhou_parks_2024q1.txt")
    assert row["sentence"] == "同时,惠安县发挥南王龙头作用(去年深交所A股成功上市),引进下游食品产业链项目10多家;"


def test_every_source_a_relationship_or_node_cites_is_a_source_document_node(neo4j_store, loaded_seed):
    dangling = neo4j_store.run(
        "MATCH ()-[r]->() WHERE r.sources IS NOT NULL UNWIND r.sources AS iri "
        "WITH iri WHERE NOT EXISTS { MATCH (:SourceDocument {iri: iri}) } RETURN count(*) AS c "
        "UNION ALL MATCH (n) WHERE n.sources IS NOT NULL UNWIND n.sources AS iri "
        "WITH iri WHERE NOT EXISTS { MATCH (:SourceDocument {iri: iri}) } RETURN count(*) AS c")
    assert [r["c"] for r in dangling] == [0, 0]
    cited = neo4j_store.run("MATCH ()-[r:LEADS_CHAIN]->() UNWIND r.sources AS iri "
                            "MATCH (s:SourceDocument {iri: iri}) RETURN DISTINCT s.kind AS kind, s.sha256 AS sha256")
    assert cited == [{"kind": "article", "sha256": "a62b3699fcf59703c007e5a6dc400bc212744da0f9afc6c151a18b6ddb11d2f1"}]


def test_the_name_lookup_is_an_index_seek(neo4j_store, loaded_seed):
    query = (COOKBOOK / "14_name_lookup.cypher").read_text(encoding="utf-8")
    assert [r["name"] for r in neo4j_store.run(query, name="台商区")] == ["泉州台商投资区"]
    assert [r["name"] for r in neo4j_store.run(query, name="JOMOO")] == ["九牧"]
    assert [r["name"] for r in neo4j_store.run(query, name="南安市")] == ["南安市"]

    _, summary, _ = neo4j_store._driver.execute_query("PROFILE " + query, {"name": "台商区"},
                                                      database_=neo4j_store.settings.database)

    def operators(plan):
        yield plan["operatorType"].split("@")[0], plan.get("args", {}).get("Details", "")
        for child in plan.get("children", []):
            yield from operators(child)

    found = list(operators(summary.profile))
    assert any(op == "NodeIndexSeek" and "Name(value)" in details for op, details in found), found[-2:]
    assert not any(op in ("NodeByLabelScan", "AllNodesScan") for op, _ in found), found


def test_segments_roll_up_to_their_chains(neo4j_store, loaded_seed):
    query = (COOKBOOK / "15_chains_of_a_county.cypher").read_text(encoding="utf-8")
    # 永春县 hosts two segments of one chain: the chain, once, with its segments under it
    assert neo4j_store.run(query, county="永春县") == [
        {"chain": "智能电子终端", "entries": 1, "segments": ["扫地机器人零部件", "蓝牙耳机整机"]}]


def test_cli_export_trig_gives_back_the_seed_dataset(neo4j_settings, monkeypatch, tmp_path, seed_dataset, loaded_seed):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    out = tmp_path / "back.trig"
    assert main(["neo4j", "export", "--format", "trig", "--out", str(out)]) == 0
    _assert_same_dataset(seed_dataset, Dataset().parse(out, format="trig"))


#: What an article's names and sentences may hold: line and paragraph separators, C1 and C0
#: controls (no NUL), emoji, right-to-left and zero-width marks.
AWKWARD = ["甲\u2028乙", "丙\u0085丁", "戊\x0b己\x0c庚", "辛\x1c\x1d\x1e壬", "企业🏭🚀", "\u200f\u202e右到左\u200e", "a\r\nb\tc",
           "\\u2028 不是转义", '"引号" \'单\' `反`']


def _awkward_facts(texts: list[str], source_id: str = "unicode_case") -> FactSet:
    """Entities, a relation with evidence and a figure whose every name and sentence is one of ``texts``."""
    source = SourceDocument(source_id, "article", texts[0], language="zh", note=texts[-1])
    entities = {}
    relations = []
    for i, text in enumerate(texts):
        span = TextSpan(source_id, i * 10, i * 10 + 5, text, text + "。")
        entities[f"org/awkward_{i}"] = Entity(f"org/awkward_{i}", ("Company",), text, name_en=f"E{i}",
                                              aliases=(text + "别名",), evidence=(span,), sources=(source_id,))
        if i:
            relations.append(Relation(f"org/awkward_{i}", "suppliesTo", f"org/awkward_{i - 1}", source_id,
                                      confidence=Decimal("0.7"), method="extracted", evidence=span, note=text))
    observation = Observation("org/awkward_0", "firm_count", Decimal("3"), "家", source_id, label=texts[0],
                              period_label=texts[-1], evidence=TextSpan(source_id, 0, 5, texts[0], texts[0]))
    return FactSet(sources={source_id: source}, entities=entities, relations=relations, observations=[observation])


# The codec's share of the fuzz budget: 60 in `make test`; the long run (README, "Errors and
# exit codes") sets CHAINKG_FUZZ_EXAMPLES for this and tests/test_fuzz_inputs.py alike.
@settings(max_examples=int(os.environ.get("CHAINKG_FUZZ_EXAMPLES", "60")), deadline=None)
@given(st.lists(st.text(min_size=1, max_size=12), min_size=2, max_size=4))
def test_rows_and_rdf_round_trip_any_text(texts):
    dataset = facts_to_dataset(_awkward_facts(texts), include_chains=False)
    _assert_same_dataset(dataset, rows_to_dataset(*rdf_to_rows(dataset)))


def test_awkward_unicode_loads_into_neo4j_and_comes_back_isomorphic(neo4j_store, loaded_seed):
    dataset = facts_to_dataset(_awkward_facts(AWKWARD), include_chains=False)
    nodes, relationships = rdf_to_rows(dataset)
    iris = [n.iri for n in nodes]  # the awkward entities, their source, their figure
    try:
        neo4j_store.load(nodes, relationships, progress=False)
        names = {r["name"] for r in neo4j_store.run("MATCH (n:Company) WHERE n.iri IN $iris RETURN n.name AS name", iris=iris)}
        assert len(iris) == len(AWKWARD) + 2
        assert names == set(AWKWARD)  # stored verbatim
        stored_nodes, stored_relationships = neo4j_store.read()
        mine = [n for n in stored_nodes if n.iri in iris]
        back = rows_to_dataset(mine, [r for r in stored_relationships if r.start in iris])
        _assert_same_dataset(dataset, back)
    finally:
        neo4j_store.run("MATCH (n) WHERE n.iri IN $iris OPTIONAL MATCH (n)<-[:NAMES]-(name:Name) DETACH DELETE n, name",
                        iris=iris)


def test_the_corpus_build_round_trips_through_neo4j(neo4j_store, seed_dataset):
    """Every article of the corpus with the reviewed facts: 0 quads lost or added (runs last:
    it leaves the seed loaded again for whatever runs after)."""
    built = build_dataset([PLACES_FACTS, SEED_FACTS, CORPUS])
    try:
        neo4j_store.clear()
        neo4j_store.load(*rdf_to_rows(built), progress=False)
        _assert_same_dataset(built, rows_to_dataset(*neo4j_store.read()))
        assert len(_non_empty_graphs(built)) > 25  # a graph per article, the places, the seed, the chains
    finally:
        neo4j_store.clear()
        neo4j_store.load(*rdf_to_rows(seed_dataset), progress=False)


def test_the_seed_article_keeps_both_chains_of_its_electrical_and_ceramics_park():
    """A chain the templates lack is kept as a chain of its own beside the one they have."""
    from chainkg.loaders.articles import load_articles

    sample = REPO / "loaders" / "data" / SEED_ARTICLE.name
    facts = load_articles([sample])
    sentence_start = sample.read_text(encoding="utf-8").index("“電器+陶瓷”")
    hosted = {r.object for r in facts.relations
              if r.predicate == "hostsChain" and r.evidence is not None and r.evidence.start <= sentence_start < r.evidence.end}
    assert len(hosted) == 2 and "chain/ceramics" in hosted  # the template's 陶瓷
    [own] = hosted - {"chain/ceramics"}
    assert (facts.entities[own].name, facts.entities[own].types) == ("电器", ("IndustrialChain",))
