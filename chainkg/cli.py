"""The ``chainkg`` command line.

    chainkg build [SOURCES…] --out DIR     reviewed facts → graph.ttl, .nt, .jsonld, .trig, report.html
    chainkg validate [FILES…]              SHACL-check a graph file, or check facts files
    chainkg query 'SPARQL' [--data FILE]   run a SPARQL query on the seed graph or a graph file

Every error is one line naming the file, line and field, with exit status 2; a graph that
does not conform to the shapes exits 1; anything else is a bug of ours, exit status 3 (its
traceback with ``chainkg --debug …``).
"""

from __future__ import annotations

import argparse
import csv
import getpass
import json
import os
import sys
import traceback
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from chainkg import __version__
from chainkg.cli_review import add_review_commands
from chainkg.errors import ChainKGError, SourceError, ValidationFailed, one_line

if TYPE_CHECKING:  # rdflib is imported by the commands that need it, not at start-up
    from rdflib import Graph

__all__ = ["main", "build_parser"]

_RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld", ".trig": "trig", ".nq": "nquads"}

_EPILOG_BUILD = """examples:
  chainkg build                         # the bundled Quanzhou seed → out/
  chainkg build --out /tmp/kg           # elsewhere
  chainkg build my_facts.yaml places/   # your reviewed-facts files or folders of them
"""

_EPILOG_QUERY = """examples:
  chainkg query 'PREFIX ckg: <https://w3id.org/chainkg/ontology#>
                 PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
                 SELECT ?park ?name WHERE { ?park a ckg:IndustrialPark ; skos:prefLabel ?name
                                            FILTER(lang(?name) = "zh") }'
  chainkg query @cookbook/parks.rq --data out/graph.ttl --format csv
  echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | chainkg query -
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="chainkg",
        description="A knowledge graph of industrial parks and supply chains (Quanzhou seed included).",
    )
    parser.add_argument("--version", action="version", version=f"chainkg {__version__}")
    parser.add_argument("--debug", action="store_true", help="print the traceback of an error (before the command)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build the graph from reviewed facts and write RDF files and a report",
        description="Load reviewed-facts YAML (default: the bundled Quanzhou places and seed article), "
        "check every reference and quote, validate with SHACL, and write graph.ttl, graph.nt, "
        "graph.jsonld, graph.trig and report.html into --out. Nothing in --out changes unless "
        "everything succeeds.",
        epilog=_EPILOG_BUILD,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    build.add_argument("sources", nargs="*", type=Path, metavar="SOURCE",
                       help="reviewed-facts YAML files or folders (default: bundled seed + places)")
    build.add_argument("--out", type=Path, default=_default_out(), metavar="DIR",
                       help="output folder (default: $CHAINKG_OUT or out; the analyses read it by default)")
    build.add_argument("--no-report", action="store_true", help="skip report.html and gaps.html")
    build.add_argument("--jobs", type=_positive_int, metavar="N",
                       help="processes extracting articles at once (default: one per core for a large batch, else 1)")
    build.add_argument("--open", action="store_true", help="open report.html in a browser afterwards")
    build.add_argument("--date", action="append", default=[], metavar="FILE=DATE",
                       help="an article's date (YYYY, YYYY-MM or YYYY-MM-DD), before a dates.csv beside it and its "
                       "dateline (repeatable); articles with none are undated, and every output says so")
    build.add_argument("--decisions", type=Path, action="append", default=[], metavar="FILE",
                       help="review decisions to apply (chainkg review writes them; repeatable); a *.decisions.yaml "
                       "among the sources is applied too")
    _add_stale_years(build)
    build.set_defaults(handler=_cmd_build)

    report = commands.add_parser(
        "report",
        help="write the planner reports (report.html, gaps.html) from a graph",
        description="Write report.html (interactive graph: filters by county / zone and chain, evidence on "
        "every edge) and gaps.html with gaps/<chain>.svg (segments × counties coloured by status, leaders, "
        "招商 candidates). Both open from disk with no network.",
    )
    report.add_argument("--data", type=Path, action="append", metavar="FILE",
                        help="RDF file(s) or a build folder to report on (default: the build in $CHAINKG_OUT or out/ when there is one, else the bundled seed)")
    report.add_argument("--out", type=Path, default=_default_out(), metavar="DIR",
                        help="output folder (default: $CHAINKG_OUT or out)")
    report.add_argument("--title", help="page title")
    report.add_argument("--open", action="store_true", help="open report.html in a browser afterwards")
    report.add_argument("--as-of", metavar="DATE", help="the graph as of DATE: only facts known then (undated ones counted and said)")
    _add_stale_years(report)
    report.set_defaults(handler=_cmd_report)

    validate = commands.add_parser(
        "validate",
        help="validate a graph file with SHACL, or check reviewed-facts files",
        description="With RDF files (.ttl .nt .jsonld .trig .nq): SHACL-validate them together. "
        "With YAML files: load and check them (classes, properties, quotes, references). "
        "With nothing: build the bundled seed in memory and validate it.",
    )
    validate.add_argument("files", nargs="*", type=Path, metavar="FILE")
    validate.set_defaults(handler=_cmd_validate)

    query = commands.add_parser(
        "query",
        help="run a SPARQL query",
        description="Run a SPARQL SELECT, ASK or CONSTRUCT query on RDF files given with --data, else on "
        "your build ($CHAINKG_OUT or out/), else on the bundled seed graph.",
        epilog=_EPILOG_QUERY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query.add_argument("sparql", metavar="SPARQL", help="the query, @FILE to read it from a file, or - for stdin")
    query.add_argument("--data", type=Path, action="append", metavar="FILE", help="RDF file or build folder to query (repeatable; default: the build in $CHAINKG_OUT or out/ when there is one, else the bundled seed)")
    query.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    query.set_defaults(handler=_cmd_query)

    extract = commands.add_parser(
        "extract", help="extract entities and relations from articles (text or HTML)",
        description="Read Chinese news articles — simplified or traditional, clean, pinyin-annotated or "
        "garbled — and propose entities and relations, each with its evidence span. Offsets index the "
        "original file's characters (for HTML: the extracted main text).",
        epilog="examples:\n  chainkg extract ../shared/corpus/d1_quanzhou_xingu_part1.txt --json\n"
               "  chainkg extract articles/          # a folder of .txt / .html\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    extract.add_argument("files", nargs="+", type=Path, metavar="FILE")
    extract.add_argument("--json", action="store_true", help="print the documents as JSON")
    extract.add_argument("--jobs", type=_positive_int, metavar="N",
                         help="processes extracting at once (default: one per core for a large batch, else 1); "
                              "the output is the same at any N")
    extract.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                         help="the articles' date, to resolve 昨日 / 去年 / 今年 (default: a dateline in the text)")
    extract.set_defaults(handler=_cmd_extract)

    evaluate = commands.add_parser(
        "evaluate", help="score extraction against reviewed facts (precision, recall, F1)",
        description="Extract the article each reviewed-facts file cites and score the result per entity "
        "type and per relation (default: the bundled seed). With --gold, score every article a gold file "
        "names instead: per entity kind, per relation type, and precision per confidence band.",
        epilog="examples:\n  chainkg evaluate\n  chainkg evaluate --gold tests/gold --corpus ../shared/corpus\n"
               "  chainkg evaluate --gold tests/gold --corpus ../shared/corpus --misses park locatedIn\n",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    evaluate.add_argument("facts", nargs="*", type=Path, metavar="FACTS.yaml")
    evaluate.add_argument("--gold", type=Path, metavar="DIR", help="a folder of gold files (see tests/gold/README.md)")
    evaluate.add_argument("--corpus", type=Path, metavar="DIR", default=Path("../shared/corpus"),
                          help="where the gold files' articles are (default: ../shared/corpus)")
    evaluate.add_argument("--json", action="store_true")
    evaluate.add_argument("--misses", nargs="*", metavar="KIND", default=None,
                          help="with --gold: per article, what was missed and what was counted wrong "
                               "(optionally only these entity kinds or relation types, e.g. park locatedIn)")
    evaluate.set_defaults(handler=_cmd_evaluate)

    _add_neo4j_commands(commands)
    _add_analysis_commands(commands)
    return parser


_EPILOG_ANALYSES = """examples:
  chainkg gaps --chain 半导体 --region 南安市
  chainkg gaps --chain LED --region anxi --format json
  chainkg gaps --all --region 泉州市 --format xlsx --out gaps.xlsx   # every chain: one sheet each
  chainkg leaders --region 惠安县                    # 龙头 / 链主 a source designates
  chainkg leaders --region 丰泽区 --central          # other firms, by network position (not a designation)
  chainkg leaders --chain 工业母机 --engine neo4j      # the same analysis in Cypher (NEO4J_URI, NEO4J_PASSWORD)
  chainkg candidates --chain semiconductor --region "Nan'an" --format csv --out candidates.csv
Names may be Chinese, English, pinyin or an alias (台商区, 晋江, IC).
Statuses: present 强 · weak 弱 · planned 规划 · missing 缺 (the sources cover the chain there segment by
segment and name nothing for this one) · unsegmented 未细分 (named there only as a whole chain) ·
not_covered 未覆盖 (the sources never discuss the chain there). Facts marked [推断] are inferred (confidence
below 1, e.g. from a reference table), [规划/意向] are intentions.
Graph read: --data FILE/FOLDER, else the build in $CHAINKG_OUT (default out/) when there is one, else the
bundled seed; the first line on stderr says which.
"""


def _default_out() -> Path:
    """Where `chainkg build` writes and the analyses read by default: $CHAINKG_OUT, else out/."""
    return Path(os.environ.get("CHAINKG_OUT") or "out")


def _add_analysis_flags(parser: argparse.ArgumentParser, *, chain_required: bool, region_required: bool) -> None:
    parser.add_argument("--chain", required=chain_required, help="industrial chain (半导体, semiconductor, bandaoti, IC, …)")
    parser.add_argument("--region", required=region_required, help="county, zone, park or city (南安市, 南安, nanan, 台商区, …)")
    parser.add_argument("--engine", choices=("embedded", "neo4j"), default="embedded",
                        help="embedded: in memory (default); neo4j: Cypher on the server in NEO4J_URI")
    parser.add_argument("--data", type=Path, action="append", metavar="FILE",
                        help="RDF file or build folder to analyse (embedded engine; default: the build in "
                        "$CHAINKG_OUT or out/ when there is one, else the bundled seed)")
    parser.add_argument("--format", choices=("table", "json", "csv", "xlsx"), default="table",
                        help="table (default), json, csv or xlsx (xlsx needs --out)")
    parser.add_argument("--json", action="store_const", dest="format", const="json", help="same as --format json")
    parser.add_argument("--out", type=Path, metavar="FILE", help="write the result to FILE (written atomically)")
    parser.add_argument("--as-of", metavar="DATE", help="answer from the facts known at DATE only (YYYY-MM-DD; a plan "
                        "reported done later counts as planned; undated facts count at every date, and the answer "
                        "says how many)")
    _add_connection_flags(parser)


def _add_analysis_commands(commands) -> None:
    gaps = commands.add_parser("gaps", help="chain gaps: segments present / weak / planned / missing in a region",
                               description="For each segment of a chain template (upstream → downstream): the "
                               "region's firms, parks and projects in it, with evidence and stated counts; status "
                               "present 强 / weak 弱 / planned 规划 / missing 缺 / unsegmented 未细分 / not_covered "
                               "未覆盖; what it feeds and is fed by; single-supplier and cut-point risks. With --all: "
                               "every chain × every county-level unit (within --region if given), statuses only.",
                               epilog=_EPILOG_ANALYSES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_analysis_flags(gaps, chain_required=False, region_required=False)
    gaps.add_argument("--all", action="store_true",
                      help="the whole matrix: every chain (one table / sheet each) × every county-level unit")
    gaps.set_defaults(handler=_cmd_gaps)

    leaders = commands.add_parser("leaders", help="leading enterprises (龙头、链主) a source designates, with their sentences",
                                  description="The 龙头 / 链主 of a chain and/or region: firms a source designates "
                                  "(each with its sentence) or that meet a reference's criterion (≥ 15 local partner "
                                  "firms), ranked by a score in named parts. --central lists the other firms by "
                                  "network position and size instead: leads to check, not designations.",
                                  epilog=_EPILOG_ANALYSES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_analysis_flags(leaders, chain_required=False, region_required=False)
    leaders.add_argument("--top", type=int, help="show the best N")
    leaders.add_argument("--central", action="store_true",
                         help="firms with no designation, ranked by network position (never called 龙头)")
    leaders.set_defaults(handler=_cmd_leaders)

    candidates = commands.add_parser("candidates", help="招商 candidates: outside firms for a region's gaps",
                                     description="Firms with no tie to the region (not located there, no park, "
                                     "supply link, group or 龙头 statement there) working in its missing, planned or "
                                     "weak segments of the chain, ranked, each with a 推荐理由 and its sentences.",
                                     epilog=_EPILOG_ANALYSES, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_analysis_flags(candidates, chain_required=True, region_required=True)
    candidates.add_argument("--top", type=int, help="show the best N")
    candidates.add_argument("--pool", type=Path, metavar="DIR",
                            help="also draw from a listed-company pool: your copy of liuhuanyong/ChainKnowledgeGraph "
                            "data/ (company.json, company_industry.json), placed by 申万 industry (never added to the graph)")
    candidates.set_defaults(handler=_cmd_candidates)

    add_review_commands(commands)

    changed = commands.add_parser("changes", help="what changed since a date: relations that entered, plans now "
                                  "operating, projects and parks whose status changed",
                                  description="Every relation whose sources' dates put a change in (SINCE, UNTIL]: "
                                  "entered (first stated then, as done or as a plan) or now_operating (a plan "
                                  "reported done), and every project or park whose stated status changed "
                                  "(status_changed: 在建 → 投产, both sentences and dates; two statements of one date "
                                  "that disagree are both shown), by county and chain, each with its sentences and "
                                  "sources; --region keeps one county's (zone's, park's), --chain one chain's. "
                                  "Nothing is listed as left (no source states it); undated relations are counted, "
                                  "never placed in a window.", epilog=_EPILOG_ANALYSES,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_analysis_flags(changed, chain_required=False, region_required=False)
    changed.add_argument("--since", required=True, metavar="DATE", help="changes after this date (YYYY-MM-DD)")
    changed.add_argument("--until", metavar="DATE", help="up to and including this date (default: no end)")
    changed.set_defaults(handler=_cmd_changes)


_EPILOG_NEO4J = """examples:
  make neo4j-up                                  # or: chainkg neo4j up  → prints the bolt URI
  export NEO4J_URI=bolt://127.0.0.1:PORT NEO4J_PASSWORD="$(cat HOME/password)"
  chainkg neo4j load                             # your build in $CHAINKG_OUT or out/, else the seed; idempotent
  chainkg neo4j load --data out/graph.ttl --clear
  chainkg neo4j search 九牧
  chainkg neo4j export --out roundtrip.ttl
  make neo4j-down
"""


def _add_connection_flags(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--uri", help="Bolt URI (default: $NEO4J_URI)")
    parser.add_argument("--user", help="user (default: $NEO4J_USER or neo4j)")
    parser.add_argument("--database", help="database (default: $NEO4J_DATABASE or neo4j)")
    parser.add_argument("--verbose", action="store_true", help="show the server's notifications and the driver's warnings")


def _add_neo4j_commands(commands) -> None:
    neo4j = commands.add_parser(
        "neo4j",
        help="run a local Neo4j, load the graph into it, read it back, search it",
        description="Neo4j as the ontology's property graph: labels are class names, relationship "
        "types UPPER_SNAKE property names, provenance on every relationship. The password comes "
        "from NEO4J_PASSWORD or a prompt and is never echoed or logged.",
        epilog=_EPILOG_NEO4J,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = neo4j.add_subparsers(dest="action", required=True, metavar="ACTION")

    up = actions.add_parser("up", help="start a throwaway local Neo4j 5.26 (fetched from Maven Central once)",
                            description="Start Neo4j Community bound to 127.0.0.1 on a free port with "
                            "authentication on; print its bolt URI and where its password file is.")
    up.add_argument("--home", type=Path, help="server folder (default: a new temporary folder)")
    up.add_argument("--port", type=int, help="Bolt port (default: a free one)")
    up.add_argument("--heap", default="1g", help="JVM heap, e.g. 1g (default)")
    up.set_defaults(handler=_cmd_neo4j_up)

    down = actions.add_parser("down", help="stop the server `chainkg neo4j up` started")
    down.add_argument("--keep", action="store_true", help="keep its folder (data, logs)")
    down.set_defaults(handler=_cmd_neo4j_down)

    load = actions.add_parser("load", help="load the graph (idempotent, resumable)",
                              description="MERGE the graph's entities and relations into Neo4j in batches; "
                              "constraints and the cjk full-text index first. Re-running changes no count.")
    _add_connection_flags(load)
    load.add_argument("--data", type=Path, action="append", metavar="FILE",
                      help="RDF file or build folder to load (repeatable; default: the build in $CHAINKG_OUT or out/ when there is one, else the bundled seed)")
    load.add_argument("--batch-size", type=int, help="rows per transaction (default 10000; two in flight)")
    load.add_argument("--clear", action="store_true", help="delete chainkg's nodes first (a fresh load)")
    load.set_defaults(handler=_cmd_neo4j_load)

    export = actions.add_parser("export", help="read the graph back from Neo4j as RDF")
    _add_connection_flags(export)
    export.add_argument("--out", type=Path, required=True, help="file to write")
    export.add_argument("--format", choices=("turtle", "trig", "nquads"), default="turtle",
                        help="turtle: every graph in one (default); trig / nquads: the named graphs kept")
    export.set_defaults(handler=_cmd_neo4j_export)

    admin = actions.add_parser("import-csv", help="write CSV files for neo4j-admin database import (first loads)",
                               description="Write the graph as typed CSV files in the format of `neo4j-admin "
                               "database import full` — the fastest first load of a very large graph — and print "
                               "the command to run on a stopped server. Then start the server and run `chainkg neo4j schema` "
                               "to create the constraint and the full-text index.")
    admin.add_argument("--data", type=Path, action="append", metavar="FILE", help="RDF file(s) or a build folder (default: the build in $CHAINKG_OUT or out/ when there is one, else the bundled seed)")
    admin.add_argument("--facts", type=Path, action="append", metavar="SOURCE",
                       help="reviewed facts, tables or articles instead of RDF (streams; for large inputs)")
    admin.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the CSV files")
    admin.set_defaults(handler=_cmd_neo4j_import_csv)

    schema = actions.add_parser("schema", help="create the iri constraint, the cjk full-text index and the entry counts "
                                "for the gap questions (idempotent; run after neo4j-admin import)")
    _add_connection_flags(schema)
    schema.set_defaults(handler=_cmd_neo4j_schema)

    search = actions.add_parser("search", help="full-text search over names and aliases (cjk)")
    _add_connection_flags(search)
    search.add_argument("text", help="what to look for, e.g. 九牧 or 芯谷")
    search.add_argument("--limit", type=int, default=10)
    search.set_defaults(handler=_cmd_neo4j_search)


#: Exit statuses (README, "Errors and exit codes").
EXIT_BAD_INPUT, EXIT_NOT_CONFORMING, EXIT_INTERNAL = 2, 1, 3


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the one place errors become a line on stderr and an exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ValidationFailed as error:
        summary, _, details = str(error).partition("\n")
        if details:  # the SHACL report, on stdout as `chainkg validate` prints it
            print(details)
        return _error_line(summary, EXIT_NOT_CONFORMING, args)
    except ChainKGError as error:
        return _error_line(str(error), EXIT_BAD_INPUT, args)
    except KeyboardInterrupt:
        print("chainkg: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug of ours or of a library: one line, the traceback only on request
        return _error_line(f"internal error: {type(error).__name__}: {_describe(error)} (a bug in chainkg; "
                           "`chainkg --debug …` shows the traceback)", EXIT_INTERNAL, args)


def _describe(error: BaseException) -> str:
    try:
        return str(error)[:300]
    except Exception:  # an exception whose str() itself fails (an int of too many digits)
        return "(no description)"


def _error_line(message: str, status: int, args: argparse.Namespace) -> int:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(one_line(f"chainkg: error: {message}"), file=sys.stderr)
    return status


def _status(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cmd_build(args: argparse.Namespace) -> int:
    from chainkg.graph.build import DEFAULT_SOURCES, load_facts
    from chainkg.graph.rdf import facts_to_dataset, union_graph
    from chainkg.graph.validate import validate_graph
    from chainkg.graph.writers import serialize_graph_files, write_outputs

    sources = args.sources or list(DEFAULT_SOURCES)
    _status(f"loading {len(sources)} source(s)…")
    facts = load_facts(sources, dates=_user_dates(args.date), decisions=args.decisions, workers=args.jobs)
    dataset = facts_to_dataset(facts)
    union = union_graph(dataset)
    _status(f"validating {len(union)} triples with SHACL…")
    report = validate_graph(union)
    if not report.conforms:
        raise ValidationFailed(f"graph does not conform to the shapes ({report.violations} violations); "
                               f"nothing written to {args.out}\n{report.text}")
    writers = serialize_graph_files(dataset)
    if not args.no_report:
        writers.update(_report_writers(union, None, stale_years=args.stale_years))
    written = write_outputs(args.out, writers)

    classes = Counter(t for entity in facts.entities.values() for t in entity.types)
    print(f"built {len(facts.entities)} entities, {len(facts.relations)} relation statements, "
          f"{len(facts.observations)} observations from {len(facts.sources)} sources; {len(union)} triples")
    print("  " + ", ".join(f"{name} {count}" for name, count in sorted(classes.items())))
    for path in written:
        if path.parent == args.out:
            print(f"  wrote {path}")
    if args.open and not args.no_report:
        _open_in_browser(args.out / "report.html")
    return 0


def _user_dates(given: Sequence[str]) -> dict[str, str]:
    """``--date FILE=DATE`` flags as file → ISO date."""
    from chainkg.loaders.dates import parse_user_date

    dates = {}
    for item in given:
        name, sep, day = item.rpartition("=")
        if not sep or not name:
            raise ChainKGError(f"--date {item!r}: give FILE=DATE, e.g. --date d5.txt=2025-05-19")
        dates[name] = parse_user_date(day, f"--date {name}")
    return dates


def _stale_years(text: str) -> int:
    years = int(text) if text.isdigit() else 0
    if years < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of years ≥ 1: {text!r}")
    return years


def _add_stale_years(command: argparse.ArgumentParser) -> None:
    from chainkg.reports.fact_dates import DEFAULT_STALE_YEARS

    command.add_argument("--stale-years", type=_stale_years, default=DEFAULT_STALE_YEARS, metavar="N",
                         help="mark a fact stale (陈旧) in the reports when its newest date is more than N years before "
                         "the reference date (--as-of, else the newest date in the graph); the changes section lists "
                         f"the last N years (default {DEFAULT_STALE_YEARS})")


def _report_writers(graph, title: str | None, as_of: str | None = None, *, stale_years: int | None = None) -> dict:
    """Writers for report.html, gaps.html and gaps/<chain>.svg; with no title, one from the sources.
    ``as_of``: the graph as of that date (``analyses.timeline``), said in the title and on stderr;
    ``stale_years``: the stale threshold (``reports.fact_dates``; None: its default)."""
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.reports.fact_dates import DEFAULT_STALE_YEARS
    from chainkg.reports.gap_report import gap_report_files
    from chainkg.reports.pyvis_report import render_report_html
    from chainkg.reports.sources import report_title, source_documents

    _status("drawing the reports…")
    kg, sources = to_networkx(graph), source_documents(graph)
    title = title or report_title(kg, sources)
    if as_of is not None:
        from chainkg.analyses.timeline import as_of_view

        kg, note = as_of_view(kg, as_of)
        title = f"{title} · 截至 {as_of}"
        _status(note.text())
    years = stale_years or DEFAULT_STALE_YEARS
    texts = {"report.html": render_report_html(kg, title=title, sources=sources, stale_years=years, as_of=as_of)}
    texts.update(gap_report_files(kg, title=title, sources=sources, stale_years=years, as_of=as_of))
    return {name: (lambda path, text=text: path.write_text(text, encoding="utf-8")) for name, text in texts.items()}


def _open_in_browser(path: Path) -> None:
    import webbrowser

    if not webbrowser.open(path.resolve().as_uri()):
        _status(f"could not open a browser; open {path} yourself")


def _cmd_report(args: argparse.Namespace) -> int:
    from chainkg.analyses.timeline import check_as_of
    from chainkg.graph.writers import write_outputs

    graph = _read_graph(args.data)
    as_of = check_as_of(args.as_of) if args.as_of else None
    written = write_outputs(args.out, _report_writers(graph, args.title, as_of, stale_years=args.stale_years))
    print(f"wrote {args.out / 'report.html'}, {args.out / 'gaps.html'} and {len(written) - 2} chain pictures in {args.out / 'gaps'}")
    if args.open:
        _open_in_browser(args.out / "report.html")
    return 0


#: The graph files a build folder holds, the richest first (graph.trig keeps the named graphs).
_BUILD_GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.nt", "graph.jsonld")


def _rdf_files(paths: Sequence[Path]) -> list[Path]:
    """Each path as given, a build folder (``chainkg build --out DIR``) as its graph file."""
    files = []
    for path in paths:
        if path.is_dir():
            found = next((path / name for name in _BUILD_GRAPH_FILES if (path / name).is_file()), None)
            if found is None:
                raise SourceError(path, f"a folder with no graph file ({', '.join(_BUILD_GRAPH_FILES)}): "
                                  "pass a build folder or an RDF file")
            files.append(found)
        else:
            files.append(path)
    return files


_SEED_NOTE = "reading graph: the bundled Quanzhou seed (--data FILE or a build folder reads your own)"


def _default_build() -> list[Path] | None:
    """The build folder the analyses read when no --data is given, if `chainkg build` made one."""
    out = _default_out()
    return [out] if any((out / name).is_file() for name in _BUILD_GRAPH_FILES) else None


def _read_graph(paths: Sequence[Path] | None, *, named_graphs: bool = False) -> Graph:
    """The RDF files or build folders given, else the default build, else the bundled seed;
    says which on stderr. ``named_graphs``: the Dataset itself when the sources have named
    graphs (seed, TriG, N-Quads)."""
    from chainkg.graph.build import build_seed_dataset
    from chainkg.graph.rdf import union_graph

    paths = paths or _default_build()
    if paths:
        return _load_rdf(paths, named_graphs=named_graphs)
    _status(_SEED_NOTE)
    return build_seed_dataset() if named_graphs else union_graph(build_seed_dataset())


def _load_rdf(paths: Sequence[Path], *, named_graphs: bool = False) -> Graph:
    from rdflib import Dataset

    from chainkg.graph.rdf import bind_prefixes, union_graph

    dataset = bind_prefixes(Dataset(default_union=True))
    files = _rdf_files(paths)
    _status("reading graph: " + ", ".join(map(str, files)))
    for path in files:
        fmt = _RDF_FORMATS.get(path.suffix.lower())
        if fmt is None:
            raise SourceError(path, f"unknown RDF file type '{path.suffix}' (use {', '.join(_RDF_FORMATS)})")
        if not path.exists():
            raise SourceError(path, "file not found")
        try:
            if fmt in ("trig", "nquads"):
                dataset.parse(path, format=fmt)
            else:
                dataset.graph(path.resolve().as_uri()).parse(path, format=fmt)
        except Exception as error:  # rdflib raises many parser-specific types
            raise SourceError(path, f"cannot parse as {fmt}: {error}") from None
    if named_graphs and all(_RDF_FORMATS.get(path.suffix.lower()) in ("trig", "nquads") for path in files):
        return dataset
    return union_graph(dataset)


def _cmd_validate(args: argparse.Namespace) -> int:
    from chainkg.graph.build import build_seed_dataset, load_facts
    from chainkg.graph.rdf import union_graph
    from chainkg.graph.validate import validate_graph
    from chainkg.loaders.decisions import is_decisions_file, load_decisions

    yaml_files = [p for p in args.files if p.suffix.lower() in (".yaml", ".yml")]
    rdf_files = [p for p in args.files if p not in yaml_files]
    decision_files = [p for p in yaml_files if is_decisions_file(p)]
    for path in decision_files:
        found = load_decisions(path)
        print(f"ok: decisions {path}: {len(found.accepted)} accepted and {len(found.rejected)} rejected facts, "
              f"{len(found.merges)} merges, {len(found.splits)} splits")
    yaml_files = [p for p in yaml_files if p not in decision_files]
    if yaml_files:
        facts = load_facts(yaml_files)
        print(f"ok: {len(yaml_files)} facts file(s): {len(facts.entities)} entities, "
              f"{len(facts.relations)} relations, {len(facts.observations)} observations; every quote matches its offsets")
    if rdf_files or not (args.files or decision_files):
        graph = _load_rdf(rdf_files) if rdf_files else union_graph(build_seed_dataset())
        report = validate_graph(graph)
        if not report.conforms:
            print(report.text)
            raise ValidationFailed(f"{report.violations} SHACL violation(s)")
        print(f"ok: {len(graph)} triples conform to the chainkg shapes")
    return 0


def _read_query(text: str) -> str:
    if text == "-":
        return sys.stdin.read()
    if text.startswith("@"):
        path = Path(text[1:])
        try:
            return path.read_text(encoding="utf-8")
        except OSError as error:
            raise SourceError(path, f"cannot read query: {error.strerror}") from None
    return text


def _cmd_query(args: argparse.Namespace) -> int:
    from rdflib.query import ResultRow


    sparql = _read_query(args.sparql)
    graph = _read_graph(args.data)
    try:
        result = graph.query(sparql)
    except Exception as error:  # pyparsing / rdflib errors: report as one line
        raise ChainKGError(f"SPARQL: {str(error).splitlines()[0]}") from None
    if result.type == "ASK":
        print("true" if result.askAnswer else "false")
        return 0
    if result.graph is not None:  # CONSTRUCT and DESCRIBE answer a graph
        sys.stdout.write(result.graph.serialize(format="turtle"))
        return 0
    # What is left is a SELECT: rdflib types every kind of answer alike, its rows are ResultRows.
    columns = [str(v) for v in result.vars or ()]
    rows = [["" if value is None else str(value) for value in row] for row in result if isinstance(row, ResultRow)]
    if args.format == "json":
        print(json.dumps([dict(zip(columns, row, strict=True)) for row in rows], ensure_ascii=False, indent=2))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        _print_table(columns, rows)
    return 0


def _positive_int(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a positive whole number: {text!r}")
    return int(text)


def _iso_date(text: str):
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (use YYYY-MM-DD)") from None


def _cmd_extract(args: argparse.Namespace) -> int:
    from chainkg.loaders.articles import read_article, source_id
    from chainkg.loaders.batch import ArticleJob, extract_many
    from chainkg.loaders.sources import expand_sources

    files = expand_sources(args.files).articles
    jobs = [ArticleJob(read_article(path)[0], source_id(path), args.date) for path in files]
    documents = extract_many(jobs, workers=args.jobs)
    if not documents:
        raise ChainKGError("no article files (.txt, .html) found in " + ", ".join(map(str, args.files)))
    if args.json:
        print(json.dumps({"documents": [{**d.to_dict(), "source": str(path)} for d, path in zip(documents, files, strict=True)]},
                         ensure_ascii=False, indent=2))
        return 0
    for document in documents:
        names = {e.id: e.name for e in document.entities}
        print(f"{document.source}: {len(document.entities)} entities, {len(document.relations)} relations")
        rows = [[e.type, e.name, "、".join(e.aliases[:3])] for e in document.entities]
        _print_table(["type", "name", "aliases"], rows)
        rows = [[names.get(r.subject, r.subject), r.predicate, names.get(r.object, r.object), f"{r.confidence:.1f}"]
                for r in document.relations]
        _print_table(["subject", "relation", "object", "conf"], rows)
        print()
    return 0


def _score_rows(table) -> list[list[str]]:
    return [[name, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.true_positives),
             str(s.false_positives), str(s.false_negatives)] for name, s in sorted(table.items())]


def _cmd_evaluate_gold(args: argparse.Namespace) -> int:
    from chainkg.loaders.evaluate import CONFIDENCE_BANDS, evaluate_gold, misses_by_article

    result = evaluate_gold(args.gold, args.corpus)
    if args.misses is not None and not args.json:
        for article, lines in misses_by_article(result, tuple(args.misses)).items():
            print(article)
            for label, what in lines:
                print(f"  {label:7}  {what}")
        return 0
    if args.json:
        print(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return 0
    print(f"{len(result.articles)} articles in {args.gold}")
    for title, table in (("entities", result.entities), ("relations", result.relations)):
        _print_table([title, "precision", "recall", "F1", "tp", "fp", "fn"], _score_rows(table))
    rows = [[label, f"{result.bands[label].precision:.3f}",
             str(result.bands[label].true_positives + result.bands[label].false_positives)]
            for label, _ in CONFIDENCE_BANDS if label in result.bands]
    _print_table(["confidence", "precision", "relations"], rows)
    print(f"intentions in the gold set: {result.intentions}; found but not marked intended: "
          f"{result.intentions_read_as_stated}; statements marked intended: {result.statements_read_as_intended}")
    return 0


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from chainkg.loaders.evaluate import evaluate_seed
    from chainkg.loaders.reviewed import SEED_FACTS

    if args.gold is not None:
        return _cmd_evaluate_gold(args)
    if args.misses is not None:
        raise ChainKGError("--misses lists what a gold set holds: give --gold DIR too")
    results = {str(path): evaluate_seed(path) for path in (args.facts or [SEED_FACTS])}
    if args.json:
        print(json.dumps({k: v.as_dict() for k, v in results.items()}, ensure_ascii=False, indent=2))
        return 0
    for path, result in results.items():
        print(path)
        for title, table in (("entities", result.entities), ("relations", result.relations)):
            _print_table([title, "precision", "recall", "F1", "tp", "fp", "fn"], _score_rows(table))
        if result.missed_relations:
            print("missed relations: " + "; ".join(" ".join(r) for r in result.missed_relations))
        print()
    return 0


def _cmd_neo4j_up(args: argparse.Namespace) -> int:
    from chainkg.graph.neo4j_server import STATE_FILE, read_state, start_server, write_state

    previous = read_state()
    if previous is not None and Path(f"/proc/{previous.pid}").exists():
        raise ChainKGError(f"a server is already up at {previous.uri} (pid {previous.pid}); `chainkg neo4j down` first")
    _status("starting Neo4j (the first run fetches it from Maven Central)…")
    server = start_server(args.home, port=args.port, heap=args.heap)
    write_state(server)
    print(server.uri)
    _status(f"Neo4j is up: {server.uri} (pid {server.pid}, folder {server.home}, state {STATE_FILE})\n"
            f'  export NEO4J_URI={server.uri} NEO4J_USER=neo4j NEO4J_PASSWORD="$(cat {server.password_file})"')
    return 0


def _cmd_neo4j_down(args: argparse.Namespace) -> int:
    from chainkg.graph.neo4j_server import STATE_FILE, read_state, stop_server

    server = read_state()
    if server is None:
        print("no server recorded; nothing to stop")
        return 0
    stop_server(server, remove_home=not args.keep)
    STATE_FILE.unlink(missing_ok=True)
    print(f"stopped Neo4j at {server.uri}")
    return 0


def _neo4j_settings(args: argparse.Namespace):
    """Flags, then the environment; at a terminal with no NEO4J_PASSWORD, ask for the password.

    The settings object never prompts (a library or a test must not block on stdin): asking
    is the command line's part.
    """
    from chainkg.settings import Neo4jSettings

    if "NEO4J_PASSWORD" in os.environ or sys.stdin is None or not sys.stdin.isatty():
        return Neo4jSettings.resolve(args.uri, args.user, args.database)
    # A placeholder password first, so a missing or malformed URI is reported before anyone is asked.
    known = Neo4jSettings.resolve(args.uri, args.user, args.database, password="")
    return replace(known, password=getpass.getpass(f"Neo4j password for {known.user}: "))


def _store(args: argparse.Namespace):
    from chainkg.graph.neo4j_store import connect

    return connect(_neo4j_settings(args), verbose=args.verbose)


def _cmd_neo4j_load(args: argparse.Namespace) -> int:
    from chainkg.analyses.cypher import load_and_count
    from chainkg.graph.neo4j_codec import rdf_to_rows
    from chainkg.graph.neo4j_store import DEFAULT_BATCH_SIZE

    args.batch_size = DEFAULT_BATCH_SIZE if args.batch_size is None else args.batch_size
    if args.batch_size < 1:
        raise ChainKGError("--batch-size must be at least 1")
    with _store(args) as store:  # connect first: a wrong password or URI fails before any reading
        nodes, relationships = rdf_to_rows(_read_graph(args.data, named_graphs=True))
        if args.clear:
            _status(f"cleared {store.clear()} nodes")
        # entry counts for the gap questions: only what the load touched, if they were fresh before it
        report, summaries = load_and_count(store, nodes, relationships, batch_size=args.batch_size)
        total_nodes, total_relationships = store.counts()
    print(f"loaded {report.nodes} nodes and {report.relationships} relationships in {report.batches} batches "
          f"({report.seconds:.1f} s); the database now holds {total_nodes} nodes, {total_relationships} relationships "
          f"and {summaries} entry counts")
    return 0


def _cmd_neo4j_import_csv(args: argparse.Namespace) -> int:
    from chainkg.graph.neo4j_codec import facts_to_rows, rdf_to_rows
    from chainkg.graph.neo4j_import import ARRAY_DELIMITER, write_import_csv

    if args.facts:
        from chainkg.graph.build import load_facts

        nodes, relationships = facts_to_rows(load_facts(args.facts))
    else:
        nodes, relationships = rdf_to_rows(_read_graph(args.data))
    files = write_import_csv(nodes, relationships, args.out)
    print(f"wrote {len(nodes)} nodes and {len(relationships)} relationships in {len(files)} files to {args.out}")
    print("run on a stopped server (then start it and run `chainkg neo4j schema` for the constraint and full-text index):")
    print("  neo4j-admin database import full neo4j --multiline-fields=true --ignore-empty-strings=true "
          f"--array-delimiter=$'\\x{ord(ARRAY_DELIMITER):02x}' --overwrite-destination=true "
          + " ".join(f"--{kind}={path}" for kind, path in files))
    return 0


def _cmd_neo4j_schema(args: argparse.Namespace) -> int:
    from chainkg.analyses.cypher import refresh_entry_counts

    with _store(args) as store:
        store.ensure_schema()
        summaries = refresh_entry_counts(store)
    print(f"constraint entity_iri and full-text index entity_names are in place; {summaries} entry counts stored")
    return 0


def _cmd_neo4j_export(args: argparse.Namespace) -> int:
    from rdflib import Dataset

    from chainkg.graph.neo4j_codec import rows_to_dataset, rows_to_rdf
    from chainkg.graph.writers import write_outputs

    with _store(args) as store:
        graph = (rows_to_rdf if args.format == "turtle" else rows_to_dataset)(*store.read())
    out = args.out
    write_outputs(out.parent if str(out.parent) else Path("."),
                  {out.name: lambda path: graph.serialize(path, format=args.format, encoding="utf-8")})
    count = sum(len(g) for g in graph.graphs()) if isinstance(graph, Dataset) else len(graph)
    print(f"wrote {count} {'triples' if args.format == 'turtle' else 'quads'} to {out}")
    return 0


def _cmd_neo4j_search(args: argparse.Namespace) -> int:
    with _store(args) as store:
        hits = store.search(args.text, limit=args.limit)
    rows = [[hit["name"] or "", ", ".join(label for label in hit["labels"] if label != "Entity"), f"{hit['score']:.3f}", hit["iri"]]
            for hit in hits]
    _print_table(["name", "class", "score", "iri"], rows)
    return 0


def _analysis_graph(args: argparse.Namespace):
    """The graph an analysis runs on, for the chosen engine (a store is closed by the caller)."""
    if args.engine == "neo4j":
        if args.data:
            raise ChainKGError("--data is for the embedded engine; load files into Neo4j with `chainkg neo4j load --data`")
        return _store(args)
    from chainkg.analyses.embedded import seed_kg
    from chainkg.graph.networkx_projection import to_networkx

    if paths := args.data or _default_build():
        return to_networkx(_load_rdf(paths))
    _status(_SEED_NOTE)
    return seed_kg()


def _run_analysis(args: argparse.Namespace, analyse, render) -> int:
    """Run ``analyse`` on the chosen graph and print or write its result in ``args.format``.

    ``render`` gives the text table; the result's ``to_frames()`` (sheet name → DataFrame)
    gives CSV and xlsx; ``to_dict()`` JSON.
    """
    from chainkg.analyses.timeline import check_as_of, graph_as_of
    from chainkg.reports.exports import write_result

    if args.format == "xlsx" and args.out is None:
        raise ChainKGError("--format xlsx writes a file: add --out FILE.xlsx")
    graph = _analysis_graph(args)
    try:
        as_of = check_as_of(args.as_of) if getattr(args, "as_of", None) else None
        engine, note = graph_as_of(graph, as_of)
        result = analyse(engine if as_of else graph)
    finally:
        if hasattr(graph, "close"):
            graph.close()
    if note is not None:
        _status(note.text())  # stderr, so JSON on stdout stays clean; JSON carries it too
        result, plain_render = _AsOfResult(result, note), render
        render = lambda r: f"{note.text()}\n{plain_render(r.result)}"  # noqa: E731
    written = write_result(result, args.format, args.out, render)
    if written is not None:
        print(written)
    else:
        _status(f"wrote {args.out}")
    return 0


class _AsOfResult:
    """An analysis result as of a date: its exports say the date and what was left out."""

    def __init__(self, result, note):
        self.result, self.note = result, note

    def to_dict(self) -> dict:
        found = self.result.to_dict()
        answer = found if isinstance(found, dict) else {"result": found}
        return {"as_of": self.note.to_dict(), "as_of_note": self.note.text(), **answer}

    def to_frames(self) -> dict:
        import pandas as pd

        frames = dict(self.result.to_frames())
        frames["as_of"] = pd.DataFrame([{"截至": self.note.date, "说明": self.note.text()}])
        return frames

    def __getattr__(self, name):
        return getattr(self.result, name)


def _cmd_changes(args: argparse.Namespace) -> int:
    from chainkg.analyses.changes import changes
    from chainkg.reports.tables import render_changes

    return _run_analysis(args, lambda g: changes(g, args.since, args.until, region=args.region, chain=args.chain),
                         render_changes)


def _cmd_gaps(args: argparse.Namespace) -> int:
    from chainkg.analyses import chain_gaps
    from chainkg.analyses.matrix import gap_matrix_frames
    from chainkg.reports.tables import render_gaps, render_matrix

    if args.all:
        return _run_analysis(args, lambda g: gap_matrix_frames(g, args.region), render_matrix)
    if not args.chain or not args.region:
        raise ChainKGError("gaps needs --chain and --region (or --all for every chain × county)")
    return _run_analysis(args, lambda g: chain_gaps(g, args.chain, args.region), render_gaps)


def _cmd_leaders(args: argparse.Namespace) -> int:
    from chainkg.analyses.leaders import LeaderList, central_firms, leading_enterprises
    from chainkg.reports.tables import render_leaders

    find = central_firms if args.central else leading_enterprises
    return _run_analysis(args, lambda g: LeaderList(find(g, args.chain, args.region, top=args.top), central=args.central),
                         render_leaders)


def _cmd_candidates(args: argparse.Namespace) -> int:
    from chainkg.analyses.candidates import candidate_answer
    from chainkg.reports.tables import render_candidates

    if args.pool is None:
        return _run_analysis(args, lambda g: candidate_answer(g, args.chain, args.region, top=args.top), render_candidates)
    from chainkg.analyses.candidates import PoolAnswer, pool_candidates
    from chainkg.loaders.listed import load_listed_pool

    pool = load_listed_pool(args.pool)  # read first: a bad pool folder fails before the graph is loaded

    def analyse(graph):
        return PoolAnswer(candidate_answer(graph, args.chain, args.region, top=args.top),
                          pool_candidates(graph, args.chain, args.region, pool), str(args.pool))

    return _run_analysis(args, analyse, _render_pool_answer)


def _render_pool_answer(answer) -> str:
    from chainkg.reports.tables import render_candidates, render_table

    lines = [render_candidates(answer.candidates), "",
             f"listed-company pool ({answer.folder}) — reference-table facts (参考表推定), not source sentences:"]
    if not answer.pool:
        return "\n".join([*lines, "  no listed firm in the pool maps to this region's missing, planned or weak segments"])
    rows = [[c.name, c.code, c.industry, c.segment, c.segment_status, c.mapping_row] for c in answer.pool]
    return "\n".join([*lines, render_table(["firm", "code", "申万 industry", "segment", "status", "placed by"], rows)])


def _print_table(columns: list[str], rows: list[list[str]]) -> None:
    from chainkg.reports.tables import render_table

    print(render_table(columns, rows))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


if __name__ == "__main__":
    raise SystemExit(main())
