"""The chainkg vocabulary: one schema every stage names its classes and properties from.

The Turtle files beside this module are the source of truth; :class:`CKG` names the same
terms for Python (a test proves the two agree).

Example
-------
>>> from chainkg.ontology import CKG, RELATIONS
>>> str(CKG.locatedIn)
'https://w3id.org/chainkg/ontology#locatedIn'
>>> RELATIONS["leadsChain"].neo4j_type
'LEADS_CHAIN'
"""

from chainkg.ontology.terms import (
    CHAIN_FILES,
    CHAIN_TEMPLATES_FILE,
    CHAINS_FILE,
    CKG,
    CLASSES,
    DATA_NS,
    ONTOLOGY_FILE,
    RELATIONS,
    SHAPES_FILE,
    RelationTerm,
    neo4j_type_name,
)
from chainkg.ontology.vocabularies import allowed_values

__all__ = [
    "CKG",
    "CLASSES",
    "DATA_NS",
    "ONTOLOGY_FILE",
    "CHAINS_FILE",
    "CHAIN_FILES",
    "CHAIN_TEMPLATES_FILE",
    "SHAPES_FILE",
    "RELATIONS",
    "RelationTerm",
    "neo4j_type_name",
    "allowed_values",
]
