"""The RDF namespaces chainkg writes with, and the prefixes every serialization binds.

>>> PREFIXES["oa"] == str(OA)
True
"""

from __future__ import annotations

from typing import TypeVar

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, PROV, RDFS, SKOS, XSD

from chainkg.graph import iris
from chainkg.ontology import CKG

__all__ = ["OA", "QB", "SCHEMA", "ORG", "PREFIXES", "bind_prefixes"]

OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")

PREFIXES = {
    "ckg": str(CKG._NS),
    "id": str(iris.DATA_NS),
    "chain": str(iris.DATA_NS) + "chain/",
    "skos": str(SKOS),
    "prov": str(PROV),
    "oa": str(OA),
    "qb": str(QB),
    "schema": str(SCHEMA),
    "org": str(ORG),
    "dcterms": str(DCTERMS),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "cur": "http://qudt.org/vocab/currency/",
    "unit": "http://qudt.org/vocab/unit/",
}


#: Any rdflib graph: :func:`bind_prefixes` gives back what it was given (a ``Dataset`` stays one).
GraphT = TypeVar("GraphT", bound=Graph)


def bind_prefixes(graph: GraphT) -> GraphT:
    """Bind :data:`PREFIXES` on ``graph`` (replacing rdflib's defaults) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
