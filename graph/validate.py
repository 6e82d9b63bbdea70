"""SHACL validation of a built graph against ``ontology/shapes.ttl`` (pyshacl).

Example
-------
>>> from chainkg.graph.build import build_seed_dataset
>>> from chainkg.graph.rdf import union_graph
>>> validate_graph(union_graph(build_seed_dataset())).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph

from chainkg.ontology import ONTOLOGY_FILE, SHAPES_FILE

__all__ = ["ValidationReport", "validate_graph"]


@dataclass(frozen=True)
class ValidationReport:
    conforms: bool
    text: str
    violations: int


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def validate_graph(graph: Graph) -> ValidationReport:
    """Validate ``graph`` (a union of named graphs) against the chainkg shapes."""
    import pyshacl

    conforms, report_graph, text = pyshacl.validate(
        graph, shacl_graph=_shapes(), ont_graph=_ontology(), inference="none", advanced=False, allow_warnings=True
    )
    from rdflib.namespace import SH

    violations = len(set(report_graph.subjects(predicate=SH.resultSeverity, object=SH.Violation)))
    return ValidationReport(bool(conforms), str(text), violations)
