"""Python names for the terms declared in ``chainkg.ttl``.

``CKG`` is an rdflib ``DefinedNamespace``: a misspelt term raises ``AttributeError``
instead of minting a new IRI. ``CLASSES`` and ``RELATIONS`` are the entity classes and
relation properties that loaders may use; ``tests/test_ontology.py`` checks both
against the Turtle.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Namespace, URIRef
from rdflib.namespace import DefinedNamespace

__all__ = [
    "CKG",
    "CLASSES",
    "DATA_NS",
    "ONTOLOGY_FILE",
    "CHAINS_FILE",
    "CHAIN_TEMPLATES_FILE",
    "CHAIN_FILES",
    "SHAPES_FILE",
    "RELATIONS",
    "RelationTerm",
    "neo4j_type_name",
]

_HERE = Path(__file__).resolve().parent
ONTOLOGY_FILE = _HERE / "chainkg.ttl"
CHAINS_FILE = _HERE / "chains.ttl"
CHAIN_TEMPLATES_FILE = _HERE / "chain_templates.ttl"
#: The chain scheme: chains (chains.ttl) and their segment templates (chain_templates.ttl).
CHAIN_FILES = (CHAINS_FILE, CHAIN_TEMPLATES_FILE)
SHAPES_FILE = _HERE / "shapes.ttl"

#: Namespace of instance data (entities, statements, observations, named graphs).
DATA_NS = Namespace("https://w3id.org/chainkg/id/")


class CKG(DefinedNamespace):
    """The chainkg ontology namespace ``https://w3id.org/chainkg/ontology#``."""

    _NS = Namespace("https://w3id.org/chainkg/ontology#")
    _fail = True

    # organizations
    Company: URIRef
    ResearchInstitute: URIRef
    GovernmentBody: URIRef
    Association: URIRef
    StockExchange: URIRef
    # places
    AdministrativeArea: URIRef
    DevelopmentZone: URIRef
    IndustrialPark: URIRef
    # chains, projects, figures, sources, provenance
    IndustrialChain: URIRef
    ChainSegment: URIRef
    Project: URIRef
    Observation: URIRef
    SourceDocument: URIRef
    RelationStatement: URIRef
    # relations
    locatedIn: URIRef
    hostsChain: URIRef
    operatesIn: URIRef
    leadsChain: URIRef
    suppliesTo: URIRef
    segmentOf: URIRef
    feeds: URIRef
    incubatedBy: URIRef
    attractedTo: URIRef
    developedBy: URIRef
    managedBy: URIRef
    listedOn: URIRef
    subOrganizationOf: URIRef
    # entity attributes
    divisionCode: URIRef
    adminLevel: URIRef
    stage: URIRef
    status: URIRef
    industryCode: URIRef
    creditCode: URIRef
    stockCode: URIRef
    fileName: URIRef
    sha256: URIRef
    # provenance of a relation
    evidence: URIRef
    confidence: URIRef
    method: URIRef
    leadershipKind: URIRef
    modality: URIRef
    statedCount: URIRef
    statedOn: URIRef
    learnedOn: URIRef
    scope: URIRef
    scopeNote: URIRef
    plainText: URIRef
    note: URIRef
    # observations
    refEntity: URIRef
    measure: URIRef
    value: URIRef
    unit: URIRef
    originalValue: URIRef
    bound: URIRef
    periodStart: URIRef
    periodEnd: URIRef
    periodLabel: URIRef
    projectStatus: URIRef
    Mu: URIRef


#: Classes an entity in a facts file may have, by local name.
CLASSES: dict[str, URIRef] = {
    name: CKG[name]
    for name in (
        "Company",
        "ResearchInstitute",
        "GovernmentBody",
        "Association",
        "StockExchange",
        "AdministrativeArea",
        "DevelopmentZone",
        "IndustrialPark",
        "IndustrialChain",
        "ChainSegment",
        "Project",
    )
}

ORGANIZATIONS = frozenset({"Company", "ResearchInstitute", "GovernmentBody", "Association", "StockExchange"})
PLACES = frozenset({"AdministrativeArea", "DevelopmentZone", "IndustrialPark"})
CHAINS = frozenset({"IndustrialChain", "ChainSegment"})


def neo4j_type_name(local_name: str) -> str:
    """Relationship type for an ontology property: ``locatedIn`` → ``LOCATED_IN``."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", local_name).upper()


@dataclass(frozen=True)
class RelationTerm:
    """A relation property with the classes allowed at each end (its contract)."""

    name: str
    domain: frozenset[str]
    range: frozenset[str]

    @property
    def iri(self) -> URIRef:
        return CKG[self.name]

    @property
    def neo4j_type(self) -> str:
        return neo4j_type_name(self.name)


def _relation(name: str, domain: frozenset[str], range_: frozenset[str]) -> tuple[str, RelationTerm]:
    return name, RelationTerm(name, frozenset(domain), frozenset(range_))


#: Relation properties by local name, with their domain and range as class names.
RELATIONS: dict[str, RelationTerm] = dict(
    [
        _relation("locatedIn", ORGANIZATIONS | PLACES | {"Project"}, PLACES),
        _relation("hostsChain", PLACES, CHAINS),
        _relation("operatesIn", ORGANIZATIONS | {"Project"}, CHAINS),
        _relation("leadsChain", ORGANIZATIONS, CHAINS),
        _relation("suppliesTo", ORGANIZATIONS, ORGANIZATIONS),
        _relation("segmentOf", frozenset({"ChainSegment"}), frozenset({"IndustrialChain"})),
        _relation("feeds", frozenset({"ChainSegment"}), frozenset({"ChainSegment"})),
        _relation("incubatedBy", ORGANIZATIONS | {"Project"}, ORGANIZATIONS | PLACES),
        _relation("attractedTo", ORGANIZATIONS | {"Project"}, PLACES),
        _relation("developedBy", PLACES | {"Project"}, ORGANIZATIONS),
        _relation("managedBy", PLACES, ORGANIZATIONS),
        _relation("listedOn", ORGANIZATIONS, frozenset({"StockExchange"})),
        _relation("subOrganizationOf", ORGANIZATIONS, ORGANIZATIONS),
    ]
)
