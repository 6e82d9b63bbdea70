"""The two questions other apps ask a big Neo4j graph, before and after, in the same run:
招商 candidates in Cypher, and one article added with the entry counts brought up to date.

    .venv/bin/python benchmarks/neo4j_questions.py --firms 1000000
    .venv/bin/python benchmarks/neo4j_questions.py --firms 100000 --article ../shared/corpus/d25_quanzhou_foreign_investment_20projects.txt

The synthetic graph goes in with ``neo4j-admin database import`` (``chainkg neo4j import-csv``:
the way a first load of this size is made; ``benchmarks/scale.py`` times the Bolt loads), then
``ensure_schema`` gives every entity its ``Name`` nodes and the entry counts are computed once.

- **招商 candidates** (the planted chain and region): *before* is the code this change replaced
  — the segment statuses from :func:`~chainkg.analyses.gaps.chain_gaps` (which lists every local
  entry of the chain) and the designations read from every firm of the chain
  (``organizations``); *after* reads the statuses from the stored counts (``gap_outline``) and
  only the designated firms (``designated``). The run asserts both give the same candidates.
- **One article added**: the bundled seed on a cold plan cache (``db.clearQueryCaches()``), then
  ``--article`` if given, with the plans the first left cached (as on a server that has loaded an
  article before: the load statements are the same text for every article): load + incremental
  count refresh, against the full recount every load needed before; the run asserts both give the
  same gap statuses.

Every figure is one run's; candidates run three times (cold plans, then warm: the median of the
warm ones is the figure).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--firms", type=int, default=100_000, help="synthetic firms (default 100000)")
    parser.add_argument("--article", type=Path, help="a second article to add after the seed (text or HTML)")
    parser.add_argument("--heap", default="2g", help="the server's JVM heap")
    parser.add_argument("--pagecache", default="2g", help="the server's page cache")
    parser.add_argument("--keep", action="store_true",
                        help="leave the server running afterwards (its URI and password are printed) to explore")
    args = parser.parse_args()

    from chainkg.analyses import attraction_candidates
    from chainkg.analyses import candidates as candidates_module
    from chainkg.analyses.cypher import CypherGraph, load_and_count, refresh_entry_counts
    from chainkg.analyses.gaps import chain_gaps, gap_statuses
    from chainkg.analyses.rows import OneAtATime
    from chainkg.graph.build import build_seed_dataset, load_facts
    from chainkg.graph.neo4j_codec import facts_to_rows, rdf_to_rows
    from chainkg.graph.neo4j_import import run_import, write_import_csv
    from chainkg.graph.neo4j_server import start_server, stop_server
    from chainkg.graph.neo4j_store import connect
    from chainkg.loaders.synthetic import generate_synthetic
    from chainkg.settings import Neo4jSettings

    print(f"# {time.strftime('%Y-%m-%d %H:%M')} · {platform.machine()} · {os.cpu_count()} cores · "
          f"load average {os.getloadavg()[0]:.1f} · {args.firms:,} firms", flush=True)

    def step(label: str, started: float) -> float:
        seconds = time.perf_counter() - started
        print(f"{label}: {seconds:.2f} s", flush=True)
        return seconds

    started = time.perf_counter()
    generated = generate_synthetic(firms=args.firms, seed=7)
    nodes, relationships = facts_to_rows(generated.facts)
    step(f"generate + rows ({len(nodes):,} nodes, {len(relationships):,} relationships)", started)
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        files = write_import_csv(nodes, relationships, Path(folder))
        step("import CSV written", started)
        timing: dict[str, float] = {}
        server = start_server(heap=args.heap, pagecache=args.pagecache,
                              before_start=lambda home: timing.setdefault("import", run_import(home, files)))
    print(f"neo4j-admin import: {timing['import']:.2f} s", flush=True)
    del nodes, relationships
    try:
        with connect(Neo4jSettings(server.uri, server.user, server.password)) as store:
            started = time.perf_counter()
            store.ensure_schema()
            step("schema + Name nodes for every entity", started)
            started = time.perf_counter()
            stored = refresh_entry_counts(store)
            step(f"entry counts, full ({stored:,})", started)
            graph = CypherGraph(store)
            chain, region = generated.planted.chain, generated.planted.region

            class Before(OneAtATime, CypherGraph):
                """Designations from every firm of the chain (OneAtATime.designated), as before."""

                def region_ties_many(self, iris, region):
                    return CypherGraph.region_ties_many(self, iris, region)

                def ancestors_many(self, iris):
                    return CypherGraph.ancestors_many(self, iris)

            class ThreeLookUps(OneAtATime, CypherGraph):
                """Session 5's candidates: outside entries, then ties and places in batched look-ups."""

                def region_ties_many(self, iris, region):
                    return CypherGraph.region_ties_many(self, iris, region)

                def ancestors_many(self, iris):
                    return CypherGraph.ancestors_many(self, iris)

                def designated(self, chain):
                    return CypherGraph.designated(self, chain)

            def timed(label, answer):
                runs = []
                for _ in range(3):
                    started = time.perf_counter()
                    found = answer()
                    runs.append(time.perf_counter() - started)
                print(f"{label}: {len(found)} candidates; cold {runs[0]:.2f} s, warm median "
                      f"{statistics.median(runs[1:]):.2f} s ({', '.join(f'{r:.2f}' for r in runs)})", flush=True)
                return found, statistics.median(runs[1:])

            outline = candidates_module.gap_outline
            candidates_module.gap_outline = chain_gaps  # the statuses as before: every local entry listed
            try:
                before, before_s = timed("招商 candidates, before", lambda: attraction_candidates(Before(store), chain, region))
            finally:
                candidates_module.gap_outline = outline
            three, three_s = timed("招商 candidates, three look-ups (session 5)",
                                   lambda: attraction_candidates(ThreeLookUps(store), chain, region))
            after, after_s = timed("招商 candidates, after (one query)", lambda: attraction_candidates(graph, chain, region))
            assert before == three == after, "the candidates changed"
            print(f"招商 candidates: {before_s / after_s:.1f}× faster than before, {three_s / after_s:.1f}× faster than "
                  "three look-ups (warm medians)", flush=True)

            chains = [r["iri"] for r in store.run("MATCH (c:IndustrialChain) RETURN c.iri AS iri")]
            counties = [r["iri"] for r in store.run(
                "MATCH (a:AdministrativeArea {adminLevel: 'county'}) WHERE a.divisionCode STARTS WITH '3505' RETURN a.iri AS iri")]
            articles = [("the seed article", rdf_to_rows(build_seed_dataset()))]
            if args.article:
                articles.append((args.article.name, facts_to_rows(load_facts([args.article]))))
            store.run("CALL db.clearQueryCaches()")
            for label, rows in articles:
                started = time.perf_counter()
                report, _ = load_and_count(store, *rows, progress=False)
                total = time.perf_counter() - started
                incremental = gap_statuses(graph, chains, counties)
                started = time.perf_counter()
                refresh_entry_counts(store)
                full = time.perf_counter() - started
                assert gap_statuses(graph, chains, counties) == incremental, "incremental counts differ from a full recount"
                plans = "cold plans" if label == articles[0][0] else "plans cached"
                print(f"{label} ({len(rows[0]) + len(rows[1])} rows) added, {plans}: load {report.seconds:.2f} s + "
                      f"incremental refresh {total - report.seconds:.2f} s = {total:.2f} s; before: load + full recount "
                      f"{full:.2f} s = {report.seconds + full:.2f} s; same gap statuses", flush=True)
    finally:
        if args.keep:
            print(f"server kept: {server.uri} user {server.user} password {server.password} (home {server.home}; "
                  f"planted chain {generated.planted.chain}, region {generated.planted.region})", flush=True)
        else:
            stop_server(server, remove_home=True)


if __name__ == "__main__":
    main()
