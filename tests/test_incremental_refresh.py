"""Entry counts refreshed from what a load changed equal a full recount: the same stored counts
and the same gap statuses — for new firms, a place located somewhere new (its firms' entries
then count there too), entries and entities reweighed, and a real article's facts added to a
generated graph."""

import dataclasses

import pytest

from chainkg.analyses.cypher import CypherGraph, entry_counts_fresh, load_and_count, refresh_entry_counts
from chainkg.analyses.gaps import gap_statuses
from chainkg.graph.neo4j_codec import NodeRow, RelationshipRow, facts_to_rows, rdf_to_rows
from chainkg.graph.neo4j_store import HELPER_LABEL, Written
from chainkg.loaders.synthetic import generate_synthetic

ID = "https://w3id.org/chainkg/id/"
PARK, OTHER_PARK = ID + "synthetic/park/0000", ID + "synthetic/park/0001"
NEW_ZONE = ID + "synthetic/zone/test-new"


def stored_counts(store) -> list[tuple]:
    return sorted(tuple(r.values()) for r in store.run(
        f"MATCH (c:{HELPER_LABEL} {{kind: 'entry_count'}}) RETURN c.target AS target, c.place AS place, "
        "c.established AS established, c.planned AS planned, c.areaStatements AS areaStatements"))


def incremental_equals_full(store):
    """The counts and gap statuses as the incremental refresh left them, checked against a full
    refresh run right after (which must change nothing)."""
    assert entry_counts_fresh(store)
    graph = CypherGraph(store)
    incremental = stored_counts(store), gap_statuses(graph)
    refresh_entry_counts(store)
    assert (stored_counts(store), gap_statuses(graph)) == incremental
    return incremental


@pytest.fixture(scope="module")
def generated_rows(neo4j_store):
    yield facts_to_rows(generate_synthetic(firms=150, seed=11).facts)
    # These loads and clears leave index statistics behind that the planner still trusts: the
    # next module's name look-up was planned as a label scan. Resample and replan, as an app
    # would after a bulk rewrite.
    neo4j_store.run("CALL db.prepareForReplanning()")


@pytest.fixture
def base_loaded(neo4j_store, generated_rows):
    """The generated graph minus five firms and one park's location, loaded with full counts;
    returns the rows held back."""
    nodes, relationships = generated_rows
    held_firms = {n.iri for n in nodes if "Company" in n.labels}
    held_firms = set(sorted(held_firms)[10:15])
    held_nodes = [n for n in nodes if n.iri in held_firms]
    held_relationships = [r for r in relationships if r.start in held_firms or r.end in held_firms
                          or (r.start == PARK and r.type == "LOCATED_IN")]
    assert len(held_nodes) == 5 and any(r.start == PARK for r in held_relationships)
    neo4j_store.clear()
    report, stored = load_and_count(neo4j_store, [n for n in nodes if n not in held_nodes],
                                    [r for r in relationships if r not in held_relationships], progress=False)
    assert report.changes is None and stored == len(stored_counts(neo4j_store)) > 0  # a first load: counted in full
    yield held_nodes, held_relationships
    neo4j_store.clear()


def test_new_firms_and_a_park_placed_in_its_county(neo4j_store, base_loaded):
    held_nodes, held_relationships = base_loaded
    before = stored_counts(neo4j_store)
    [park_location] = [r for r in held_relationships if r.start == PARK and r.type == "LOCATED_IN"]
    firms_in_park = {r["iri"] for r in neo4j_store.run(
        "MATCH (f:Company)-[:LOCATED_IN]->(:Entity {iri: $park}) WHERE EXISTS { (f)-[:OPERATES_IN]->() } "
        "RETURN f.iri AS iri", park=PARK)}
    assert firms_in_park  # existing entries that the new location moves into the county
    report, stored = load_and_count(neo4j_store, held_nodes, held_relationships, progress=False)
    assert report.changes is not None
    assert report.changes.relationships[(PARK, "LOCATED_IN", park_location.end)] == Written(True)
    assert {n.iri for n in held_nodes} <= {iri for iri, w in report.changes.nodes.items() if w.created}
    counts, _ = incremental_equals_full(neo4j_store)
    assert stored == len(counts) and counts != before
    # a firm of the park now counts in the park's county, as the full refresh says too
    assert any(place == park_location.end for _, place, *_ in set(counts) - set(before))


def test_a_new_zone_between_a_park_and_its_county(neo4j_store, base_loaded):
    """A LOCATED_IN to a place the same load creates: the park's entries count in the new zone."""
    load_and_count(neo4j_store, *base_loaded, progress=False)
    [county] = [r["iri"] for r in neo4j_store.run(
        "MATCH (:Entity {iri: $park})-[:LOCATED_IN]->(a:AdministrativeArea) RETURN a.iri AS iri", park=OTHER_PARK)]
    zone = NodeRow(NEW_ZONE, ("DevelopmentZone", "Entity"), {"iri": NEW_ZONE, "name": "合成测试开发区", "names": ["合成测试开发区"]})
    report, _ = load_and_count(neo4j_store, [zone], [RelationshipRow(OTHER_PARK, "LOCATED_IN", NEW_ZONE, {}),
                                                     RelationshipRow(NEW_ZONE, "LOCATED_IN", county, {})], progress=False)
    assert report.changes is not None and report.changes.nodes == {NEW_ZONE: Written(True)}
    counts, _ = incremental_equals_full(neo4j_store)
    in_zone = [c for c in counts if c[1] == NEW_ZONE]
    assert in_zone and sum(c[2] for c in in_zone) >= 1


def test_entries_and_entities_reweighed(neo4j_store, base_loaded, generated_rows):
    """A firm's entry restated as an intention counting 3, and a firm turned into a planned project:
    both move counts from established to planned, where the firms lie."""
    load_and_count(neo4j_store, *base_loaded, progress=False)
    nodes, relationships = generated_rows
    entries = [r for r in relationships if r.type == "OPERATES_IN" and r.start.startswith(ID + "synthetic/org/")]
    intended = dataclasses.replace(entries[0], properties={**entries[0].properties, "modality": "intended", "statedCount": 3})
    [firm] = [n for n in nodes if n.iri == entries[1].start]
    project = NodeRow(firm.iri, tuple(sorted({*firm.labels, "Project"})), {**firm.properties, "status": "planned"})
    before = stored_counts(neo4j_store)
    report, _ = load_and_count(neo4j_store, [project], [intended], progress=False)
    assert report.changes is not None
    assert report.changes.nodes[firm.iri].before["status"] is None
    assert "Project" not in report.changes.nodes[firm.iri].before["labels"]
    assert report.changes.relationships[(intended.start, "OPERATES_IN", intended.end)].before == \
        {"modality": None, "statedCount": None}
    counts, _ = incremental_equals_full(neo4j_store)
    assert counts != before
    planned = {(target, place): p for target, place, _, p, _ in counts}
    assert planned[(intended.end, intended.start)] == 3 and planned[(entries[1].end, firm.iri)] == 1


def test_a_real_article_added_to_a_generated_graph(neo4j_store, generated_rows, seed_dataset):
    """The seed article's facts (chains, parks, firms in counties the generated graph fills too)
    loaded into a counted graph: counted incrementally, they equal a full recount."""
    neo4j_store.clear()
    load_and_count(neo4j_store, *generated_rows, progress=False)
    before = stored_counts(neo4j_store)
    report, _ = load_and_count(neo4j_store, *rdf_to_rows(seed_dataset), progress=False)
    assert report.changes is not None and report.changes.relationships
    try:
        counts, statuses = incremental_equals_full(neo4j_store)
        assert len(counts) > len(before)
        assert statuses == gap_statuses(CypherGraph(neo4j_store))
    finally:
        neo4j_store.clear()


def test_a_load_that_changes_nothing_reports_nothing(neo4j_store, generated_rows):
    neo4j_store.clear()
    try:
        load_and_count(neo4j_store, *generated_rows, progress=False)
        counts = stored_counts(neo4j_store)
        report, stored = load_and_count(neo4j_store, *generated_rows, progress=False)
        assert report.changes is not None and report.changes.nodes == {} and report.changes.relationships == {}
        assert stored == len(counts) and stored_counts(neo4j_store) == counts and entry_counts_fresh(neo4j_store)
    finally:
        neo4j_store.clear()
