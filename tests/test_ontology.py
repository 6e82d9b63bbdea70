"""The Turtle ontology and the Python names agree; every term is labelled and aligned."""

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from chainkg.ontology import CKG, CLASSES, ONTOLOGY_FILE, RELATIONS, neo4j_type_name

ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _declared(ontology: Graph, kind) -> set[str]:
    namespace = str(CKG._NS)
    return {str(s)[len(namespace):] for s in ontology.subjects(RDF.type, kind) if str(s).startswith(namespace)}


def test_python_names_equal_turtle_terms(ontology):
    declared = (
        _declared(ontology, OWL.Class)
        | _declared(ontology, OWL.ObjectProperty)
        | _declared(ontology, OWL.DatatypeProperty)
        | _declared(ontology, OWL.NamedIndividual)
    )
    python_names = set(CKG.__annotations__)
    assert python_names == declared


def test_entity_classes_and_relations_are_declared_with_the_right_kind(ontology):
    assert set(CLASSES) <= _declared(ontology, OWL.Class)
    assert set(RELATIONS) <= _declared(ontology, OWL.ObjectProperty)


def test_core_contract_names_are_present():
    assert {"Company", "ResearchInstitute", "GovernmentBody", "Association", "StockExchange",
            "AdministrativeArea", "DevelopmentZone", "IndustrialPark", "IndustrialChain",
            "ChainSegment", "Project"} == set(CLASSES)
    assert {"locatedIn", "hostsChain", "operatesIn", "leadsChain", "suppliesTo", "segmentOf", "feeds",
            "incubatedBy", "attractedTo", "developedBy", "managedBy", "listedOn"} <= set(RELATIONS)


def test_every_term_has_a_chinese_and_an_english_label(ontology):
    for name in CKG.__annotations__:
        languages = {label.language for label in ontology.objects(CKG[name], RDFS.label)}
        assert {"zh", "en"} <= languages, name


def test_alignment_to_public_vocabularies(ontology):
    assert (CKG.Company, RDFS.subClassOf, URIRef(ORG + "FormalOrganization")) in ontology
    assert (CKG.AdministrativeArea, RDFS.subClassOf, URIRef(SCHEMA + "AdministrativeArea")) in ontology
    assert (CKG.IndustrialChain, RDFS.subClassOf, URIRef("http://www.w3.org/2004/02/skos/core#Concept")) in ontology
    assert (CKG.Observation, RDFS.subClassOf, URIRef("http://purl.org/linked-data/cube#Observation")) in ontology
    assert (CKG.SourceDocument, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Entity")) in ontology


def test_misspelt_term_fails_loudly():
    with pytest.raises(AttributeError):
        CKG.locatedAt  # noqa: B018


@pytest.mark.parametrize(
    "name, expected",
    [("locatedIn", "LOCATED_IN"), ("hostsChain", "HOSTS_CHAIN"), ("subOrganizationOf", "SUB_ORGANIZATION_OF")],
)
def test_neo4j_relationship_type_names(name, expected):
    assert neo4j_type_name(name) == expected
