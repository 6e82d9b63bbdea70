"""What the pages call classes and relations: the ontology's own ``rdfs:label`` in Chinese
(``位于``, ``引领产业链``), English kept for a hover — never the camelCase property name.

Read once from ``ontology/chainkg.ttl``, so a label fixed in the ontology is fixed on every page.

Example
-------
>>> RELATION_LABELS["locatedIn"], RELATION_LABELS["leadsChain"]
(('位于', 'located in'), ('引领产业链', 'leads chain'))
>>> CLASS_LABELS["IndustrialPark"]
('产业园区', 'industrial park')
"""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from chainkg.ontology.terms import CKG, ONTOLOGY_FILE

__all__ = ["CLASS_LABELS", "RELATION_LABELS", "relation_zh"]


def _labels(kind: URIRef) -> dict[str, tuple[str, str]]:
    graph = Graph().parse(ONTOLOGY_FILE)
    namespace = str(CKG._NS)
    found = {}
    for term in graph.subjects(RDF.type, kind):
        if not str(term).startswith(namespace):
            continue
        texts = {label.language: str(label) for label in graph.objects(term, RDFS.label)}  # type: ignore[attr-defined]
        local = str(term)[len(namespace):]
        found[local] = (texts.get("zh", local), texts.get("en", local))
    return found


#: (zh, en) label of each relation (object property) of the ontology, by local name.
RELATION_LABELS: dict[str, tuple[str, str]] = _labels(OWL.ObjectProperty)
#: (zh, en) label of each class of the ontology, by local name.
CLASS_LABELS: dict[str, tuple[str, str]] = _labels(OWL.Class)


def relation_zh(name: str) -> str:
    """The Chinese label of a relation; a name the ontology does not label stays as it is.

    >>> relation_zh("suppliesTo"), relation_zh("somethingNew")
    ('供应', 'somethingNew')
    """
    return RELATION_LABELS.get(name, (name, name))[0]
