"""Scale benchmarks: build, serialize, project and analyse synthetic province-size graphs,
and load them into Neo4j — each figure side by side with a peer measured in the same run.

    .venv/bin/python benchmarks/scale.py --sizes 10000,100000          # embedded steps
    .venv/bin/python benchmarks/scale.py --sizes 10000 --neo4j         # + Neo4j loads and Cypher

Every size runs in a fresh child process so that its peak memory (max RSS) is its own.
Peers: rdflib's in-memory Dataset for build + serialize (up to --rdflib-max firms);
rdflib-neo4j on the same N-Triples into the same server; one transaction per row; and
``neo4j-admin database import full`` (CSV, offline) as the practical limit.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def embedded(firms: int, with_rdflib: bool, with_networkx: bool, with_leaders: bool) -> dict:
    """One size, in this process: generate → N-Triples → compact graph → every analysis.

    Peers in the same process, after ours (so that our peak memory is read first): the networkx
    projection (up to --networkx-max firms) and rdflib's Dataset (up to --rdflib-max firms).
    """
    from chainkg.analyses import attraction_candidates, chain_gaps, leading_enterprises
    from chainkg.analyses.compact import CompactGraph
    from chainkg.analyses.gaps import gap_statuses
    from chainkg.graph.streaming import facts_to_networkx, write_ntriples
    from chainkg.loaders.synthetic import generate_synthetic

    figures: dict = {"firms": firms}
    started = time.perf_counter()
    generated = generate_synthetic(firms=firms, seed=7)
    figures["generate_s"] = time.perf_counter() - started
    figures["relations"] = len(generated.facts.relations)
    figures["generate_peak_mb"] = _peak_mb()
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        figures["triples"] = write_ntriples(generated.facts, Path(folder) / "graph.nt")
        figures["ntriples_s"] = time.perf_counter() - started
        figures["ntriples_mb"] = (Path(folder) / "graph.nt").stat().st_size / 2**20
    started = time.perf_counter()
    graph = CompactGraph.from_facts(generated.facts, evidence=False)
    figures["compact_s"] = time.perf_counter() - started
    started = time.perf_counter()
    graph._entry_pairs()
    figures["gap_index_s"] = time.perf_counter() - started
    named = graph.named_things()
    chains = [p.iri for p in named if "IndustrialChain" in p.classes]
    counties = [p.iri for p in named if p.admin_level == "county" and p.iri.rsplit("/", 1)[-1].startswith("3505")]
    started = time.perf_counter()
    reports = [chain_gaps(graph, chain, county) for chain in chains for county in counties]
    figures["gaps_each_s"] = time.perf_counter() - started
    figures["gap_questions"] = len(reports)
    started = time.perf_counter()
    gap_statuses(graph, chains, counties)
    figures["gaps_matrix_s"] = time.perf_counter() - started
    started = time.perf_counter()
    attraction_candidates(graph, generated.planted.chain, generated.planted.region)
    figures["candidates_s"] = time.perf_counter() - started
    if with_leaders:  # betweenness is O(nodes × edges) of the region's supply network
        import chainkg.analyses.embedded as embedded_engine

        started = time.perf_counter()
        leaders = leading_enterprises(graph, generated.planted.chain, generated.planted.region)
        figures["leaders_s"] = time.perf_counter() - started
        # the same question ranked as before this change: the region's supply network as a networkx
        # graph, rebuilt in canonical order, networkx's PageRank and sampled betweenness
        import networkx as nx

        def networkx_centrality(self, region):
            network: nx.DiGraph[str] = nx.DiGraph()
            network.add_edges_from(sorted(self.supply_network(region).edges()))
            size = network.number_of_nodes()
            pagerank = nx.pagerank(network, alpha=0.85, tol=1e-12, max_iter=10_000)
            sample = min(embedded_engine.BETWEENNESS_PIVOTS, size) if size > embedded_engine.BETWEENNESS_EXACT_MAX else None
            betweenness = nx.betweenness_centrality(network, k=sample, normalized=True, seed=0)
            undirected = network.to_undirected(as_view=True)
            return {n: embedded_engine.Centrality(pagerank[n], betweenness[n], undirected.degree(n)) for n in network}

        ours = CompactGraph.supply_centrality
        CompactGraph.supply_centrality = networkx_centrality  # type: ignore[method-assign]
        try:
            started = time.perf_counter()
            before = leading_enterprises(graph, generated.planted.chain, generated.planted.region)
            figures["leaders_networkx_s"] = time.perf_counter() - started
        finally:
            CompactGraph.supply_centrality = ours  # type: ignore[method-assign]
        figures["leaders_same_as_networkx"] = [(x.iri, x.score) for x in leaders] == [(x.iri, x.score) for x in before]
    figures["peak_mb"] = _peak_mb()
    del graph
    if with_networkx:
        started = time.perf_counter()
        facts_to_networkx(generated.facts, evidence=False)
        figures["networkx_peer_s"] = time.perf_counter() - started
        figures["networkx_peer_peak_mb"] = _peak_mb()
    if with_rdflib:
        from chainkg.graph.rdf import facts_to_dataset, union_graph

        started = time.perf_counter()
        union = union_graph(facts_to_dataset(generated.facts))
        with tempfile.TemporaryDirectory() as folder:
            union.serialize(Path(folder) / "graph.nt", format="nt", encoding="utf-8")
        figures["rdflib_build_serialize_s"] = time.perf_counter() - started
        figures["rdflib_peak_mb"] = _peak_mb()
    return figures


def neo4j(firms: int, per_row_limit: int, peer_max: int, figures: dict, *, admin: bool = True, load_runs: int = 2) -> dict:
    """Loads into one fresh local server: ours, rdflib-neo4j, one transaction per row, Cypher gaps.

    Fills ``figures`` as it goes, so that a failure late in the run keeps what was measured.
    """
    from chainkg.analyses import chain_gaps
    from chainkg.analyses.cypher import CypherGraph
    from chainkg.graph.neo4j_codec import facts_to_rows
    from chainkg.graph.neo4j_server import start_server, stop_server
    from chainkg.graph.neo4j_store import connect
    from chainkg.graph.streaming import write_ntriples
    from chainkg.loaders.synthetic import generate_synthetic
    from chainkg.settings import Neo4jSettings

    figures["firms"] = firms
    generated = generate_synthetic(firms=firms, seed=7)
    started = time.perf_counter()
    nodes, relationships = facts_to_rows(generated.facts)
    figures["rows_s"] = time.perf_counter() - started
    figures["rows"] = len(nodes) + len(relationships)
    # the practical limit: neo4j-admin database import (offline, CSV) into a fresh server folder
    from chainkg.graph.neo4j_import import run_import, write_import_csv

    with tempfile.TemporaryDirectory() as folder:
        if not admin:
            files = []
        else:
            started = time.perf_counter()
            files = write_import_csv(nodes, relationships, Path(folder))
            figures["admin_csv_s"] = time.perf_counter() - started
            timing: dict[str, float] = {}
            imported = start_server(heap="2g", pagecache="1g",
                                    before_start=lambda home: timing.setdefault("import", run_import(home, files)))
            try:
                with connect(Neo4jSettings(imported.uri, imported.user, imported.password)) as store:
                    figures["admin_import_counts"] = store.counts()
            finally:
                stop_server(imported, remove_home=True)
            figures["admin_import_s"] = timing["import"]
    server = start_server(heap="2g", pagecache="1g")
    try:
        settings = Neo4jSettings(server.uri, server.user, server.password)
        with connect(settings) as store:
            # warm the server (JIT, page cache) on another graph so that neither loader pays for a cold start
            store.load(*facts_to_rows(generate_synthetic(firms=20_000, seed=3).facts), batch_size=20_000, progress=False)
            store.clear(20_000)
            runs = []
            for run in range(load_runs):
                if run:
                    store.clear(20_000)
                started = time.perf_counter()
                store.load(nodes, relationships, progress=False)  # default batch size and workers
                runs.append(time.perf_counter() - started)
            figures["ours_load_runs_s"] = [round(r, 2) for r in runs]
            figures["ours_load_s"] = sum(runs) / len(runs)
            figures["ours_counts"] = store.counts()
            graph = CypherGraph(store)
            chains = [r["iri"] for r in store.run("MATCH (c:IndustrialChain) RETURN c.iri AS iri")]
            counties = [r["iri"] for r in store.run(
                "MATCH (a:AdministrativeArea {adminLevel: 'county'}) WHERE a.divisionCode STARTS WITH '3505' RETURN a.iri AS iri")]
            from chainkg.analyses import attraction_candidates
            from chainkg.analyses.cypher import refresh_entry_counts
            from chainkg.analyses.gaps import gap_statuses

            started = time.perf_counter()
            walked = gap_statuses(graph, chains, counties)
            figures["cypher_gaps_matrix_walk_s"] = time.perf_counter() - started
            started = time.perf_counter()
            figures["entry_counts"] = refresh_entry_counts(store)
            figures["entry_counts_refresh_s"] = time.perf_counter() - started
            started = time.perf_counter()
            stored = gap_statuses(graph, chains, counties)
            figures["cypher_gaps_matrix_s"] = time.perf_counter() - started
            assert stored == walked, "stored entry counts disagree with the walk"
            started = time.perf_counter()
            for chain in chains[:2]:
                for county in counties:
                    chain_gaps(graph, chain, county)
            figures["cypher_gaps_each_s_per_question"] = (time.perf_counter() - started) / (2 * len(counties))
            started = time.perf_counter()
            candidates = attraction_candidates(graph, generated.planted.chain, generated.planted.region)
            figures["cypher_candidates_s"] = time.perf_counter() - started
            figures["cypher_candidates"] = len(candidates)
            # before: each candidate's ties and places asked one firm at a time
            from chainkg.analyses.rows import OneAtATime

            class OneFirmAtATime(OneAtATime, CypherGraph):
                pass

            started = time.perf_counter()
            one_by_one = attraction_candidates(OneFirmAtATime(store), generated.planted.chain, generated.planted.region)
            figures["cypher_candidates_one_firm_at_a_time_s"] = time.perf_counter() - started
            assert one_by_one == candidates, "batched look-ups changed the candidates"
            started = time.perf_counter()  # again, with the server's query plans as warm as the one-at-a-time run had them
            attraction_candidates(graph, generated.planted.chain, generated.planted.region)
            figures["cypher_candidates_again_s"] = time.perf_counter() - started
            # one article's facts (the seed article) added to the loaded graph, entry counts refreshed
            # from what the load changed; then checked against a full refresh
            from chainkg.analyses.cypher import load_and_count
            from chainkg.graph.build import build_seed_dataset
            from chainkg.graph.neo4j_codec import rdf_to_rows

            article = rdf_to_rows(build_seed_dataset())
            started = time.perf_counter()
            report, _ = load_and_count(store, *article, progress=False)
            figures["article_add_and_refresh_s"] = time.perf_counter() - started
            figures["article_load_s"] = report.seconds
            figures["article_rows"] = len(article[0]) + len(article[1])
            incremental = gap_statuses(graph, chains, counties)
            stored_incremental = store.run("MATCH (c:_ChainkgIndex {kind: 'entry_count'}) "
                                           "RETURN sum(c.established + 7 * c.planned + 13 * c.areaStatements) AS s, count(c) AS n")
            started = time.perf_counter()
            refresh_entry_counts(store)
            figures["entry_counts_full_refresh_after_article_s"] = time.perf_counter() - started
            assert gap_statuses(graph, chains, counties) == incremental, "incremental counts disagree with a full refresh"
            assert store.run("MATCH (c:_ChainkgIndex {kind: 'entry_count'}) RETURN sum(c.established + 7 * c.planned "
                             "+ 13 * c.areaStatements) AS s, count(c) AS n") == stored_incremental
            figures["incremental_equals_full"] = True
            # peer: one transaction per row, on the first rows (then per-row rate × all rows)
            store.clear()
            if per_row_limit:
                sample = nodes[:per_row_limit]
                started = time.perf_counter()
                for node in sample:
                    store.load([node], [], batch_size=1, progress=False)
                per_row = (time.perf_counter() - started) / len(sample)
                figures["per_row_rows_per_s"] = 1 / per_row
                figures["per_row_estimated_s"] = per_row * figures["rows"]
                store.clear()
            store.run("CREATE CONSTRAINT n10s_unique_uri IF NOT EXISTS FOR (r:Resource) REQUIRE r.uri IS UNIQUE")
        if firms > peer_max:
            return figures
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "graph.nt"
            write_ntriples(generated.facts, path)
            from rdflib import Graph
            from rdflib_neo4j import HANDLE_VOCAB_URI_STRATEGY, Neo4jStore, Neo4jStoreConfig

            config = Neo4jStoreConfig(auth_data={"uri": server.uri, "database": "neo4j", "user": "neo4j",
                                                 "pwd": server.password},
                                      handle_vocab_uri_strategy=HANDLE_VOCAB_URI_STRATEGY.IGNORE, batching=True)
            started = time.perf_counter()
            peer = Graph(store=Neo4jStore(config=config))
            peer.parse(path, format="nt")
            peer.close(True)
            figures["rdflib_neo4j_load_s"] = time.perf_counter() - started
    finally:
        stop_server(server, remove_home=True)
    if "rdflib_neo4j_load_s" in figures:
        figures["speedup_vs_rdflib_neo4j"] = figures["rdflib_neo4j_load_s"] / figures["ours_load_s"]
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000", help="firm counts, comma-separated")
    parser.add_argument("--rdflib-max", type=int, default=100_000, help="largest size to run the rdflib peer at")
    parser.add_argument("--networkx-max", type=int, default=100_000, help="largest size to run the networkx peer at")
    parser.add_argument("--leaders-max", type=int, default=100_000,
                        help="largest size to rank leaders at (betweenness grows as nodes × edges)")
    parser.add_argument("--neo4j-only", action="store_true", help="measure only the Neo4j loads and Cypher")
    parser.add_argument("--rdflib-neo4j-max", type=int, default=1_000_000,
                        help="largest size to load with rdflib-neo4j (about 30 min at 1M firms)")
    parser.add_argument("--neo4j", action="store_true", help="also measure Neo4j loads (starts a local server)")
    parser.add_argument("--per-row-limit", type=int, default=2000, help="rows loaded one transaction each (peer)")
    parser.add_argument("--no-admin", action="store_true", help="skip the neo4j-admin import (the practical limit)")
    parser.add_argument("--load-runs", type=int, default=2, help="how many times to time our Neo4j load")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, firms = args.child.split(":")
        size = int(firms)
        if kind == "embedded":
            result = embedded(size, size <= args.rdflib_max, size <= args.networkx_max, size <= args.leaders_max)
        else:
            result = {}
            try:
                neo4j(size, args.per_row_limit, args.rdflib_neo4j_max, result, admin=not args.no_admin,
                      load_runs=args.load_runs)
            except Exception as error:  # keep what was measured before the failure
                result["error"] = str(error).splitlines()[0][:300]
        print(json.dumps(result))
        return
    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {platform.machine()} · {os.cpu_count()} cores · Python {platform.python_version()}")
    for size in (int(s) for s in args.sizes.split(",")):
        for kind in ("embedded", *(("neo4j",) if args.neo4j else ())) if not args.neo4j_only else ("neo4j",):
            child = subprocess.run([sys.executable, __file__, "--child", f"{kind}:{size}", "--rdflib-max", str(args.rdflib_max),
                                    "--networkx-max", str(args.networkx_max), "--leaders-max", str(args.leaders_max),
                                    "--rdflib-neo4j-max", str(args.rdflib_neo4j_max),
                                    "--per-row-limit", str(args.per_row_limit), "--load-runs", str(args.load_runs),
                                    *(["--no-admin"] if args.no_admin else [])], capture_output=True, text=True)
            if child.returncode != 0:
                print(f"{kind} {size}: failed\n{child.stderr[-2000:]}")
                continue
            figures = json.loads(child.stdout.strip().splitlines()[-1])
            print(f"{kind} {size}: " + ", ".join(f"{k}={v:.2f}" if isinstance(v, float) else f"{k}={v}" for k, v in figures.items()),
                  flush=True)


if __name__ == "__main__":
    main()
