"""The graph a notebook works on: the user's own build (``chainkg build --out DIR``), an RDF
file, or — only when the path holds no graph — the bundled Quanzhou seed, with a note saying so.

Example
-------
>>> graph = open_graph("/nonexistent/build")
>>> graph.is_seed, graph.note.startswith("no graph at /nonexistent/build")
(True, True)
>>> graph.kg.number_of_nodes() > 100
True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from rdflib import Dataset, Graph

from chainkg.reports.sources import SourceInfo, source_documents

__all__ = ["UserGraph", "open_graph", "BUILD_GRAPH_FILES"]

#: The graph files a build folder holds, the richest first (graph.trig keeps the named graphs).
BUILD_GRAPH_FILES = ("graph.trig", "graph.nq", "graph.ttl", "graph.nt", "graph.jsonld")
_FORMATS = {".trig": "trig", ".nq": "nquads", ".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld"}


@dataclass(frozen=True)
class UserGraph:
    """The RDF graph (all named graphs in one), its networkx view, its sources, and where it came from."""

    graph: Graph
    kg: nx.MultiDiGraph
    sources: dict[str, SourceInfo]
    path: Path | None
    note: str

    @property
    def is_seed(self) -> bool:
        return self.path is None


def _graph_file(path: Path) -> Path | None:
    if path.is_dir():
        return next((path / name for name in BUILD_GRAPH_FILES if (path / name).is_file()), None)
    return path if path.is_file() and path.suffix.lower() in _FORMATS else None


def open_graph(data: str | Path | None = "out") -> UserGraph:
    """The graph at ``data`` (a build folder or an RDF file); the bundled seed if there is none."""
    from chainkg.graph.build import build_seed_dataset
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.graph.rdf import union_graph

    found = _graph_file(Path(data)) if data else None
    if found is None:
        graph = union_graph(build_seed_dataset())
        note = (f"no graph at {data}: " if data else "") + "using the bundled Quanzhou seed (run `chainkg build --out DIR` for your own)"
        return UserGraph(graph, to_networkx(graph), source_documents(graph), None, note)
    dataset = Dataset(default_union=True)
    if _FORMATS[found.suffix.lower()] in ("trig", "nquads"):
        dataset.parse(found, format=_FORMATS[found.suffix.lower()])
    else:
        dataset.graph(found.resolve().as_uri()).parse(found, format=_FORMATS[found.suffix.lower()])
    graph = union_graph(dataset)
    return UserGraph(graph, to_networkx(graph), source_documents(graph), found, f"graph: {found} ({len(graph)} triples)")
