"""The Cypher cookbook's two time queries on the loaded seed: "as of" and "changes since"."""

from chainkg.analyses.changes import changes


def test_chains_of_a_place_as_of(cypher):
    assert cypher("19_chains_of_a_place_as_of.cypher", place="惠安县", asOf="2023-12-31") == []
    rows = cypher("19_chains_of_a_place_as_of.cypher", place="惠安县", asOf="2024-03-01")
    food = [r for r in rows if r["chain"] == "食品"]
    assert [(r["entry"], r["basisThen"], r["knownSince"], r["undated"]) for r in food] == [("惠安县", "stated", "2024-03", False)]
    assert "引进下游食品产业链项目10多家" in food[0]["sentence"]


def test_changes_since_matches_chainkg_changes(cypher, neo4j_store):
    rows = cypher("20_changes_since.cypher", since="2024-01-01", until=None)
    listed = changes(neo4j_store, "2024-01-01")
    assert len(rows) == len(listed.changes) > 0
    assert {(r["change"], r["date"], r["subject"], r["object"]) for r in rows} == \
        {(c.kind, c.date, c.subject_name, c.object_name) for c in listed.changes}
    assert cypher("20_changes_since.cypher", since="2024-03-01", until=None) == []
