"""The ``chainkg`` command line.

    chainkg build [SOURCES…] --out DIR     reviewed facts → graph.ttl, .nt, .jsonld, .trig, report.html
    chainkg validate [FILES…]              SHACL-check a graph file, or check facts files
    chainkg query 'SPARQL' [--data FILE]   run a SPARQL query on the seed graph or a graph file

Every error is one line naming the file, line and field, with exit status 2; a graph that
does not conform to the shapes exits 1.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Sequence

from chainkg import __version__
from chainkg.errors import ChainKGError, SourceError, ValidationFailed

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
    build.add_argument("--out", type=Path, default=Path("out"), metavar="DIR", help="output folder (default: out)")
    build.add_argument("--no-report", action="store_true", help="skip report.html")
    build.set_defaults(handler=_cmd_build)

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
        description="Run a SPARQL SELECT, ASK or CONSTRUCT query on the bundled seed graph (default) "
        "or on RDF files given with --data.",
        epilog=_EPILOG_QUERY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query.add_argument("sparql", metavar="SPARQL", help="the query, @FILE to read it from a file, or - for stdin")
    query.add_argument("--data", type=Path, action="append", metavar="FILE", help="RDF file to query (repeatable)")
    query.add_argument("--format", choices=("table", "json", "csv"), default="table", help="output format (default: table)")
    query.set_defaults(handler=_cmd_query)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.handler(args)
    except ChainKGError as error:
        print(f"chainkg: error: {error}", file=sys.stderr)
        return 1 if isinstance(error, ValidationFailed) else 2
    except KeyboardInterrupt:
        print("chainkg: interrupted", file=sys.stderr)
        return 130


def _status(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _cmd_build(args: argparse.Namespace) -> int:
    from chainkg.graph.build import DEFAULT_SOURCES, load_facts
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.graph.rdf import facts_to_dataset, union_graph
    from chainkg.graph.validate import validate_graph
    from chainkg.graph.writers import serialize_graph_files, write_outputs
    from chainkg.reports.pyvis_report import render_report_html

    sources = args.sources or list(DEFAULT_SOURCES)
    _status(f"loading {len(sources)} source(s)…")
    facts = load_facts(sources)
    dataset = facts_to_dataset(facts)
    union = union_graph(dataset)
    _status(f"validating {len(union)} triples with SHACL…")
    report = validate_graph(union)
    if not report.conforms:
        raise ValidationFailed(f"graph does not conform to the shapes ({report.violations} violations); "
                               f"nothing written to {args.out}\n{report.text}")
    writers = serialize_graph_files(dataset)
    if not args.no_report:
        page = render_report_html(to_networkx(union), title="chainkg — " + ", ".join(s.title for s in facts.sources.values()))
        writers["report.html"] = lambda path: path.write_text(page, encoding="utf-8")
    written = write_outputs(args.out, writers)

    classes = Counter(t for entity in facts.entities.values() for t in entity.types)
    print(f"built {len(facts.entities)} entities, {len(facts.relations)} relation statements, "
          f"{len(facts.observations)} observations from {len(facts.sources)} sources; {len(union)} triples")
    print("  " + ", ".join(f"{name} {count}" for name, count in sorted(classes.items())))
    for path in written:
        print(f"  wrote {path}")
    return 0


def _load_rdf(paths: Sequence[Path]):
    from rdflib import Dataset

    from chainkg.graph.rdf import bind_prefixes, union_graph

    dataset = bind_prefixes(Dataset(default_union=True))
    for path in paths:
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
    return union_graph(dataset)


def _cmd_validate(args: argparse.Namespace) -> int:
    from chainkg.graph.build import build_seed_dataset, load_facts
    from chainkg.graph.rdf import union_graph
    from chainkg.graph.validate import validate_graph

    yaml_files = [p for p in args.files if p.suffix.lower() in (".yaml", ".yml")]
    rdf_files = [p for p in args.files if p not in yaml_files]
    if yaml_files:
        facts = load_facts(yaml_files)
        print(f"ok: {len(yaml_files)} facts file(s): {len(facts.entities)} entities, "
              f"{len(facts.relations)} relations, {len(facts.observations)} observations; every quote matches its offsets")
    if rdf_files or not args.files:
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
    from chainkg.graph.build import build_seed_dataset
    from chainkg.graph.rdf import union_graph

    sparql = _read_query(args.sparql)
    graph = _load_rdf(args.data) if args.data else union_graph(build_seed_dataset())
    try:
        result = graph.query(sparql)
    except Exception as error:  # pyparsing / rdflib errors: report as one line
        raise ChainKGError(f"SPARQL: {str(error).splitlines()[0]}") from None
    if result.type == "ASK":
        print("true" if result.askAnswer else "false")
        return 0
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        sys.stdout.write(result.graph.serialize(format="turtle"))
        return 0
    columns = [str(v) for v in result.vars]
    rows = [["" if value is None else str(value) for value in row] for row in result]
    if args.format == "json":
        print(json.dumps([dict(zip(columns, row)) for row in rows], ensure_ascii=False, indent=2))
    elif args.format == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        _print_table(columns, rows)
    return 0


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(columns: list[str], rows: list[list[str]]) -> None:
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths)).rstrip()

    print(line(columns))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))
    print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


if __name__ == "__main__":
    raise SystemExit(main())
