"""Loading into a live Neo4j: counts, idempotence, resumability, round trip, safety, errors."""

import os
import signal
import subprocess
import sys
import time

import pytest
from _slow_cli import SLOW_CLI
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, SKOS

from chainkg.cli import main
from chainkg.errors import ChainKGError
from chainkg.graph.build import load_facts
from chainkg.graph.neo4j_codec import NodeRow, RelationshipRow, rdf_to_rows, rows_to_rdf, stored_subgraph
from chainkg.graph.neo4j_store import connect
from chainkg.ontology import CKG


def distinct_relations(graph) -> int:
    return len({(s, p, o) for s, p, o in graph if p in {t for t in (CKG[n] for n in
               ("locatedIn", "hostsChain", "operatesIn", "leadsChain", "suppliesTo", "segmentOf", "feeds",
                "incubatedBy", "attractedTo", "developedBy", "managedBy", "listedOn", "subOrganizationOf"))}})


def test_counts_equal_the_graph_and_three_more_loads_change_nothing(neo4j_store, seed_graph, loaded_seed):
    facts = load_facts()
    chains = set(seed_graph.subjects(RDF.type, CKG.IndustrialChain)) | set(seed_graph.subjects(RDF.type, CKG.ChainSegment))
    assert neo4j_store.counts() == (len(facts.entities) + len(chains), distinct_relations(seed_graph))
    before = neo4j_store.counts()
    nodes, relationships = loaded_seed
    for _ in range(3):
        neo4j_store.load(nodes, relationships, batch_size=7, progress=False)
    assert neo4j_store.counts() == before


def test_every_node_has_a_unique_iri_and_the_entity_label(neo4j_store, loaded_seed):
    constraints = neo4j_store.run("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type RETURN *")
    for label in ("Entity", "SourceDocument", "Observation", "NamedGraph"):
        assert {"labelsOrTypes": [label], "properties": ["iri"], "type": "UNIQUENESS"} in constraints
    by_label = {tuple(r["key"]): r["c"] for r in neo4j_store.run(
        "MATCH (n) WHERE n.iri IS NOT NULL RETURN [l IN labels(n) WHERE l IN "
        "['Entity', 'SourceDocument', 'Observation', 'NamedGraph']] AS key, count(n) AS c")}
    assert by_label == {("Entity",): 136, ("SourceDocument",): 2, ("Observation",): 18, ("NamedGraph",): 1}
    # every other node is a Name of one entity (or a helper node: the gap questions' entry counts)
    others = neo4j_store.run("MATCH (n) WHERE n.iri IS NULL RETURN DISTINCT labels(n) AS labels")
    assert {tuple(r["labels"]) for r in others} <= {("Name",), ("_ChainkgIndex",)}
    assert neo4j_store.run("MATCH (n:Name) WHERE count { (n)-[:NAMES]->(:Entity) } <> 1 RETURN count(n) AS c")[0]["c"] == 0
    index = neo4j_store.run("SHOW FULLTEXT INDEXES YIELD name, options RETURN *")[0]
    assert index["name"] == "entity_names"
    assert index["options"]["indexConfig"]["fulltext.analyzer"] == "cjk"


def test_labels_and_types_come_from_the_ontology(neo4j_store, loaded_seed):
    labels = {r["label"] for r in neo4j_store.run("MATCH (n:Entity) UNWIND labels(n) AS label RETURN DISTINCT label")}
    assert labels == {"Entity", "AdministrativeArea", "Company", "DevelopmentZone", "GovernmentBody", "ChainSegment",
                      "IndustrialChain", "IndustrialPark", "Project", "ResearchInstitute", "StockExchange"}
    types = {r["t"] for r in neo4j_store.run("MATCH ()-[r]->() RETURN DISTINCT type(r) AS t")}
    assert {"LOCATED_IN", "HOSTS_CHAIN", "OPERATES_IN", "LEADS_CHAIN", "MANAGED_BY", "LISTED_ON"} <= types


def test_a_load_refuses_labels_and_types_outside_the_ontology_and_writes_nothing(neo4j_store, loaded_seed):
    """Labels and types are spliced into Cypher, so anything not in the ontology is refused first."""
    nodes, _ = loaded_seed
    before = neo4j_store.counts()
    spliced = NodeRow("https://w3id.org/chainkg/id/org/spliced", ("Company`) DETACH DELETE n //",), {"name": "x"})
    with pytest.raises(ChainKGError, match=r"refusing labels not in the ontology: \['Company`\) DETACH DELETE n //'\]"):
        neo4j_store.load([spliced], [], progress=False)
    with pytest.raises(ChainKGError, match="refusing relationship type not in the ontology: 'KNOWS'"):
        neo4j_store.load([], [RelationshipRow(nodes[0].iri, "KNOWS", nodes[1].iri, {})], progress=False)
    assert neo4j_store.counts() == before


def test_language_tagged_and_repeated_values_are_kept(neo4j_store, loaded_seed):
    [jiumu] = neo4j_store.run("MATCH (n:Company {name: '九牧'}) RETURN n.nameEn AS en, n.aliasesEn AS aliasesEn")
    assert jiumu == {"en": "JOMOO", "aliasesEn": ["JOMOO"]}
    [chain] = neo4j_store.run("MATCH (n:IndustrialChain {name: '半导体'}) RETURN n.industryCode AS codes, n.aliases AS aliases")
    assert chain["codes"] == ["3562", "3972", "3973", "6520"]
    assert chain["aliases"] == ["芯片", "集成电路"]
    [area] = neo4j_store.run("MATCH (n:AdministrativeArea {divisionCode: '350521'}) RETURN n.name AS name, n.adminLevel AS level")
    assert area == {"name": "惠安县", "level": "county"}


def test_relationship_from_two_sources_keeps_both(neo4j_store, loaded_seed):
    [row] = neo4j_store.run("MATCH (:DevelopmentZone {name: '泉州台商投资区'})-[r:MANAGED_BY]->() RETURN r.sources AS sources")
    assert row["sources"] == ["https://w3id.org/chainkg/id/source/reference_places_gbt2260_2023",
                              "https://w3id.org/chainkg/id/source/seed_quanzhou_parks_2024q1"]


def test_round_trip_rdf_neo4j_rdf_is_lossless(neo4j_store, seed_graph, loaded_seed):
    back = rows_to_rdf(*neo4j_store.read())
    expected = stored_subgraph(seed_graph)
    assert set(back) == set(expected)
    # what is stored covers every entity's names, every relation and every statement behind it
    for statement in seed_graph.subjects(RDF.type, CKG.RelationStatement):
        for triple in seed_graph.triples((statement, None, None)):
            assert triple in back
    for triple in seed_graph.triples((None, SKOS.prefLabel, None)):
        if (triple[0], RDF.type, CKG.Observation) not in seed_graph and "/chain/scheme" not in str(triple[0]) \
                and (triple[0], RDF.type, CKG.SourceDocument) not in seed_graph:
            assert triple in back


def test_hostile_names_are_stored_verbatim(neo4j_store, loaded_seed):
    hostile = ["南王'); MATCH (n) DETACH DELETE n; //", 'a "quoted" `backtick` {brace} $param', "RETURN 1 UNION MATCH (x) SET x.pwned = true",
               "<img src=x onerror=alert(1)>", "\\u0000 back\\slash"]
    graph = Graph()
    source = URIRef("https://w3id.org/chainkg/id/source/hostile")
    graph.add((source, RDF.type, CKG.SourceDocument))
    for i, name in enumerate(hostile):
        node = URIRef(f"https://w3id.org/chainkg/id/org/hostile_{i}")
        graph.add((node, RDF.type, CKG.Company))
        graph.add((node, SKOS.prefLabel, Literal(name, lang="zh")))
        graph.add((node, SKOS.altLabel, Literal(name + " alias", lang="zh")))
        graph.add((node, PROV.wasDerivedFrom, source))
    before = neo4j_store.counts()
    nodes, relationships = rdf_to_rows(graph)
    try:
        neo4j_store.load(nodes, relationships, progress=False)
        assert neo4j_store.counts() == (before[0] + len(hostile), before[1])
        stored = {r["name"] for r in neo4j_store.run("MATCH (n:Company) WHERE n.iri STARTS WITH $p RETURN n.name AS name",
                                                     p="https://w3id.org/chainkg/id/org/hostile_")}
        assert stored == set(hostile)
        assert neo4j_store.run("MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n) AS c")[0]["c"] == 0
        # Searched as typed (the quote and parenthesis escaped): the hostile name holds both words,
        # 南王 and match, so it ranks above the seed's 南王, which holds one. The index is not
        # eventually consistent: a committed node is searchable at once.
        assert [hit["name"] for hit in neo4j_store.search("南王'); MATCH", limit=2)] == [hostile[0], "南王"]
    finally:
        neo4j_store.run("MATCH (n:Entity) WHERE n.iri STARTS WITH $p DETACH DELETE n", p="https://w3id.org/chainkg/id/org/hostile_")
    assert neo4j_store.counts() == before




def test_a_load_killed_half_way_and_rerun_ends_with_clean_counts(neo4j_store, neo4j_settings, seed_graph, loaded_seed, tmp_path):
    clean = neo4j_store.counts()
    neo4j_store.clear()
    environment = {**os.environ, "NEO4J_URI": neo4j_settings.uri, "NEO4J_USER": neo4j_settings.user,
                   "NEO4J_PASSWORD": neo4j_settings.password}
    load = ["neo4j", "load", "--batch-size", "5"]
    process = subprocess.Popen([sys.executable, "-c", SLOW_CLI, *load], env=environment,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and neo4j_store.counts()[0] < 15:
        time.sleep(0.1)
    process.send_signal(signal.SIGKILL)
    process.wait()
    partial = neo4j_store.counts()
    assert 0 < partial[0] < clean[0] and partial[1] < clean[1], partial
    rerun = subprocess.run([sys.executable, "-m", "chainkg.cli", *load], env=environment, capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stderr
    assert neo4j_store.counts() == clean
    # the killed first load had set the full-text index aside; the rerun put it back
    assert [hit["name"] for hit in neo4j_store.search("南安芯谷", limit=1)] == ["南安芯谷半导体科技产业港"]


def test_cli_load_reports_counts_and_never_prints_the_password(neo4j_settings, monkeypatch, capsys, loaded_seed):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    assert main(["neo4j", "load"]) == 0
    captured = capsys.readouterr()
    nodes, relationships = loaded_seed
    entities = {n.iri for n in nodes if "Entity" in n.labels}
    between = [r for r in relationships if r.start in entities and r.end in entities]
    assert f"loaded {len(nodes)} nodes and {len(relationships)} relationships" in captured.out
    assert f"the database now holds {len(entities)} nodes, {len(between)} relationships" in captured.out
    from chainkg.analyses.cypher import entry_counts_fresh

    with connect(neo4j_settings) as store:
        assert entry_counts_fresh(store)
    assert neo4j_settings.password not in captured.out + captured.err
    assert neo4j_settings.password not in repr(neo4j_settings)


def test_cli_export_round_trips(neo4j_settings, monkeypatch, capsys, tmp_path, seed_graph, loaded_seed):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    out = tmp_path / "back.ttl"
    assert main(["neo4j", "export", "--out", str(out)]) == 0
    assert set(Graph().parse(out, format="turtle")) == set(stored_subgraph(seed_graph))


def test_cli_search(neo4j_settings, monkeypatch, capsys, loaded_seed):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    assert main(["neo4j", "search", "芯谷"]) == 0
    assert "南安芯谷半导体科技产业港" in capsys.readouterr().out


@pytest.mark.parametrize(
    "change, message",
    [
        ({"NEO4J_PASSWORD": "definitely-wrong"}, "refused user 'neo4j': wrong user or password"),
        ({"NEO4J_DATABASE": "nosuchdb"}, "database 'nosuchdb' does not exist"),
        ({"NEO4J_URI": "bolt://127.0.0.1:1"}, "cannot reach Neo4j at bolt://127.0.0.1:1"),
        ({"NEO4J_URI": "http://127.0.0.1:7474"}, "not a Neo4j URI: 'http://127.0.0.1:7474'"),
    ],
)
def test_connection_errors_are_one_clear_line_and_exit_2(neo4j_settings, monkeypatch, capsys, change, message):
    monkeypatch.setenv("NEO4J_URI", neo4j_settings.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", neo4j_settings.password)
    for key, value in change.items():
        monkeypatch.setenv(key, value)
    assert main(["neo4j", "load"]) == 2
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert error.startswith("chainkg: error: ") and message in error
    assert "definitely-wrong" not in error


def test_missing_password_is_a_clear_error(monkeypatch, capsys):
    monkeypatch.setenv("NEO4J_URI", "bolt://127.0.0.1:7687")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    assert main(["neo4j", "load"]) == 2
    assert "set NEO4J_PASSWORD" in capsys.readouterr().err
