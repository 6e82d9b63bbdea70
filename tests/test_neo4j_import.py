"""The offline importer builds the same graph the online loader writes."""

from chainkg.graph.build import load_facts
from chainkg.graph.neo4j_codec import facts_to_rows, rows_to_rdf, stored_subgraph
from chainkg.graph.neo4j_import import run_import, write_import_csv
from chainkg.graph.neo4j_server import start_server, stop_server
from chainkg.graph.neo4j_store import connect
from chainkg.settings import Neo4jSettings


def test_neo4j_admin_import_gives_the_loaded_graph(tmp_path, seed_graph):
    nodes, relationships = facts_to_rows(load_facts())
    files = write_import_csv(nodes, relationships, tmp_path / "csv")
    timings: dict[str, float] = {}
    server = start_server(before_start=lambda home: timings.setdefault("import", run_import(home, files)))
    try:
        with connect(Neo4jSettings(server.uri, server.user, server.password)) as store:
            store.ensure_schema()
            entities = {n.iri for n in nodes if "Entity" in n.labels}
            assert store.counts() == (len(entities), sum(r.start in entities and r.end in entities for r in relationships))
            assert len(store.read()[0]) == len(nodes)  # the sources, figures and graph remainder too
            assert set(rows_to_rdf(*store.read())) == set(stored_subgraph(seed_graph))
            # ensure_schema gave the imported entities their Name nodes: the indexed look-up works
            assert [r["n"] for r in store.run("MATCH (:Name {value: '台商区'})-[:NAMES]->(n) RETURN n.name AS n")] == ["泉州台商投资区"]
            assert store.search("芯谷")[0]["name"] == "南安芯谷半导体科技产业港"
    finally:
        stop_server(server, remove_home=True)
    assert timings["import"] > 0


def test_cli_writes_the_files_and_prints_the_command(tmp_path, capsys):
    from chainkg.cli import main

    assert main(["neo4j", "import-csv", "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "neo4j-admin database import full neo4j" in out and "--nodes=" in out and "--relationships=" in out
    header = (tmp_path / "nodes_00.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith('"iri:ID(Entity)",":LABEL"')
