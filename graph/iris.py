"""Stable IRIs: the same fact gets the same IRI on every run and every machine.

Entities take their reviewed id (``org/nanwang`` → ``…/id/org/nanwang``). Statements,
evidence and observations are named by a hash of what identifies them, never by a
counter or a blank node, so re-running a build or a load changes nothing.

>>> entity_iri("area/350521")
rdflib.term.URIRef('https://w3id.org/chainkg/id/area/350521')
>>> statement_iri("org/a", "locatedIn", "area/1", "doc") == statement_iri("org/a", "locatedIn", "area/1", "doc")
True
"""

from __future__ import annotations

import hashlib

from rdflib import URIRef
from rdflib.term import Node

from chainkg.ontology import DATA_NS

__all__ = [
    "entity_iri",
    "entity_id",
    "source_iri",
    "graph_iri",
    "dataset_iri",
    "statement_iri",
    "evidence_iri",
    "observation_iri",
    "CHAINS_GRAPH",
]


def _digest(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def entity_iri(entity_id: str) -> URIRef:
    return DATA_NS[entity_id]


def entity_id(iri: Node | str) -> str:
    """The reviewed id of an entity IRI (inverse of :func:`entity_iri`); any node a graph
    gives back, or its text."""
    return str(iri).removeprefix(str(DATA_NS))


def source_iri(source_id: str) -> URIRef:
    return DATA_NS[f"source/{source_id}"]


def graph_iri(source_id: str) -> URIRef:
    """The named graph holding what one source says."""
    return DATA_NS[f"graph/{source_id}"]


def dataset_iri(source_id: str) -> URIRef:
    """The qb:DataSet of one source's observations."""
    return DATA_NS[f"dataset/{source_id}"]


def statement_iri(subject: str, predicate: str, object_: str, source_id: str) -> URIRef:
    return DATA_NS[f"statement/{_digest(subject, predicate, object_, source_id)}"]


def evidence_iri(source_id: str, start: int, end: int) -> URIRef:
    return DATA_NS[f"evidence/{_digest(source_id, start, end)}"]


def observation_iri(*identity: object) -> URIRef:
    return DATA_NS[f"observation/{_digest(*identity)}"]


CHAINS_GRAPH = graph_iri("chains")
