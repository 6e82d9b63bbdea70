"""Fast paths for graphs too big for rdflib's in-memory store: records straight to
N-Triples / N-Quads on disk, and straight to the analysis graph (networkx) and Neo4j rows.

The one mapping from records (``graph.mapping``) feeds a file instead of a store; the lean
projection builds the same networkx graph as ``to_networkx`` without ever materializing RDF.
Tests check both against the rdflib path on the seed and on generated data.

Example
-------
>>> from chainkg.graph.build import load_facts
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "graph.nt"
>>> written = write_ntriples(load_facts(), path)
>>> written > 2000
True
"""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path

import networkx as nx
from rdflib import BNode, Literal, URIRef

from chainkg.graph import iris
from chainkg.graph.mapping import (
    STATUS_HISTORY,
    edge_attributes,
    emit_facts,
    entity_node_attributes,
    reported_cny_from_records,
    status_history_from_records,
)
from chainkg.loaders.records import FactSet
from chainkg.ontology.templates import load_chain_templates

__all__ = ["nt_term", "write_ntriples", "facts_to_networkx", "template_nodes", "template_edges"]

_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term) -> str:
    """A term in N-Triples syntax (UTF-8, escaped as the W3C grammar asks)."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = f'"{str(term).translate(_ESCAPES)}"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^<{term.datatype}>"
        return text
    if isinstance(term, BNode):
        return f"_:{term}"
    raise TypeError(f"not an RDF term: {term!r}")


def write_ntriples(facts: FactSet, path: str | Path, *, quads: bool = False, buffer_lines: int = 50_000,
                   progress: bool | None = None) -> int:
    """Stream ``facts`` to N-Triples (or N-Quads, keeping the named graphs); atomic.

    Returns the number of lines written. A triple that two sources state is written once per
    source (N-Triples readers take the set); peak memory does not grow with the graph.
    """
    path = Path(path)
    temporary = path.with_name(f".{path.name}.part")
    from tqdm import tqdm

    count = 0
    lines: list[str] = []
    bar = tqdm(unit="triple", unit_scale=True, desc=f"writing {path.name}", leave=False,
               disable={True: False, False: True, None: None}[progress])  # None: only on a terminal
    with bar, open(temporary, "w", encoding="utf-8") as handle:
        def emit(graph_iri, triple) -> None:
            nonlocal count
            s, p, o = triple
            lines.append(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} <{graph_iri}> .\n" if quads
                         else f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n")
            count += 1
            if len(lines) >= buffer_lines:
                handle.writelines(lines)
                bar.update(len(lines))
                lines.clear()

        emit_facts(facts, emit)
        handle.writelines(lines)
    os.replace(temporary, path)
    return count


def template_nodes():
    """(IRI, attributes) of every chain and segment in the ontology's chain templates."""
    for template in load_chain_templates().values():
        yield str(iris.entity_iri(template.id)), {
            "classes": ["IndustrialChain"], "name": template.name, "name_en": template.name_en or None,
            "aliases": sorted(template.aliases)}
        for segment in template.segments:
            yield str(iris.entity_iri(segment.id)), {
                "classes": ["ChainSegment"], "name": segment.name, "name_en": segment.name_en or None,
                "aliases": list(segment.aliases), "stage": segment.stage}


def template_edges():
    """(subject IRI, object IRI, property) of every segmentOf and feeds link in the templates."""
    for template in load_chain_templates().values():
        for segment in template.segments:
            node = str(iris.entity_iri(segment.id))
            yield node, str(iris.entity_iri(template.id)), "segmentOf"
            for target in segment.feeds:
                yield node, str(iris.entity_iri(target)), "feeds"


def facts_to_networkx(facts: FactSet, *, evidence: bool = True, progress: bool | None = None) -> nx.MultiDiGraph:
    """The analysis graph straight from records (what ``to_networkx`` gives from RDF).

    ``evidence=False`` leaves the evidence sentences out of the edges. For province-size graphs
    (a million firms) use :class:`chainkg.analyses.compact.CompactGraph`: networkx needs about
    0.5 KB per edge.
    """
    kg: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    for node, attributes in template_nodes():
        kg.add_node(node, **attributes)
    for subject, object_, key in template_edges():
        kg.add_edge(subject, object_, key=key, predicate=key, sources=[], confidence=None, evidence=[])
    for entity in facts.entities.values():
        kg.add_node(str(iris.entity_iri(entity.id)), **entity_node_attributes(entity))
    for node, value in reported_cny_from_records(facts).items():
        if node in kg:
            kg.nodes[node]["reported_cny_max"] = value
    for node, history in status_history_from_records(facts).items():  # a project's or park's status over time
        if node in kg:
            kg.nodes[node][STATUS_HISTORY] = history
    grouped: dict[tuple, list] = defaultdict(list)
    for relation in facts.relations:
        grouped[relation.key].append(relation)
    from tqdm import tqdm

    for (subject, predicate, object_), relations in tqdm(grouped.items(), desc="projecting", unit="edge", leave=False,
                                                         disable={True: False, False: True, None: None}[progress]):
        kg.add_edge(str(iris.entity_iri(subject)), str(iris.entity_iri(object_)), key=predicate,
                    predicate=predicate, **edge_attributes(relations, evidence=evidence))
    return kg
