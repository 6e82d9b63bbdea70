"""Write a Dataset to files — atomically: all outputs appear together or none change.

Outputs go to a temporary folder next to ``out`` and are moved in only once every one of
them has been written, so a failure half-way leaves the earlier outputs as they were.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from rdflib import Dataset

from chainkg.graph.rdf import PREFIXES, union_graph

__all__ = ["JSONLD_CONTEXT", "FileWriter", "write_outputs", "serialize_graph_files"]

#: Writes one output file at the path it is given; what it returns is ignored (rdflib's
#: ``serialize`` returns the graph, for one).
FileWriter = Callable[[Path], object]

#: The JSON-LD context written into graph.jsonld: our prefixes, so keys read ``skos:prefLabel``.
JSONLD_CONTEXT = dict(PREFIXES)


def serialize_graph_files(dataset: Dataset) -> dict[str, FileWriter]:
    """Writers for graph.ttl, graph.nt, graph.jsonld (union of all sources) and graph.trig."""
    union = union_graph(dataset)
    return {
        "graph.ttl": lambda path: union.serialize(path, format="turtle", encoding="utf-8"),
        "graph.nt": lambda path: union.serialize(path, format="nt", encoding="utf-8"),
        "graph.jsonld": lambda path: union.serialize(
            path, format="json-ld", context=JSONLD_CONTEXT, encoding="utf-8", ensure_ascii=False
        ),
        "graph.trig": lambda path: dataset.serialize(path, format="trig", encoding="utf-8"),
    }


def write_outputs(out_dir: str | Path, writers: dict[str, FileWriter]) -> list[Path]:
    """Run each writer into a staging folder, then move all results into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=out))
    try:
        for name, write in writers.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            write(staging / name)
        written = []
        for name in writers:
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, target)
            written.append(target)
        return written
    finally:
        shutil.rmtree(staging, ignore_errors=True)
