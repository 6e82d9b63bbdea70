"""`chainkg build` writes RDF that two engines read alike, that conforms, with stable IRIs."""

import json

import pyoxigraph
from rdflib import Dataset, Graph, Literal
from rdflib.namespace import RDF, SKOS

from chainkg.cli import main
from chainkg.graph.build import load_facts
from chainkg.graph.validate import validate_graph
from chainkg.ontology import CKG


def test_build_writes_every_output(built_out):
    names = sorted(p.name for p in built_out.iterdir())
    assert names == ["gaps", "gaps.html", "graph.jsonld", "graph.nt", "graph.trig", "graph.ttl", "report.html"]
    assert len(list((built_out / "gaps").glob("*.svg"))) == 2 * 14  # a matrix and a chain map per chain


def test_turtle_parses_alike_in_rdflib_and_oxigraph(built_out):
    rdflib_count = len(Graph().parse(built_out / "graph.ttl", format="turtle"))
    store = pyoxigraph.Store()
    store.load(path=str(built_out / "graph.ttl"), format=pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == rdflib_count
    assert rdflib_count > 1000


def test_ntriples_jsonld_and_trig_hold_the_same_triples(built_out):
    turtle = Graph().parse(built_out / "graph.ttl", format="turtle")
    ntriples = Graph().parse(built_out / "graph.nt", format="nt")
    jsonld = Graph().parse(built_out / "graph.jsonld", format="json-ld")
    trig = Dataset(default_union=True).parse(built_out / "graph.trig", format="trig")
    assert len(ntriples) == len(turtle) == len(jsonld)
    assert set(ntriples) == set(turtle) == set(jsonld)
    assert {t for t in trig.triples((None, None, None))} == set(turtle)


def test_jsonld_carries_a_context_with_our_prefixes(built_out):
    document = json.loads((built_out / "graph.jsonld").read_text(encoding="utf-8"))
    assert document["@context"]["ckg"] == "https://w3id.org/chainkg/ontology#"
    assert "南王" in (built_out / "graph.jsonld").read_text(encoding="utf-8")


def test_trig_keeps_a_named_graph_per_source(built_out):
    trig = Dataset().parse(built_out / "graph.trig", format="trig")
    names = {str(g.identifier).rsplit("/", 1)[-1] for g in trig.graphs() if len(g)}
    assert {"seed_quanzhou_parks_2024q1", "reference_places_gbt2260_2023", "chains"} <= names


def test_built_graph_conforms_to_shacl(built_out):
    assert validate_graph(Graph().parse(built_out / "graph.ttl", format="turtle")).conforms


def test_shacl_catches_an_area_without_its_code(seed_graph):
    broken = Graph()
    for triple in seed_graph:
        broken.add(triple)
    huian = next(broken.subjects(SKOS.prefLabel, Literal("惠安县", lang="zh")))
    broken.remove((huian, CKG.divisionCode, None))
    report = validate_graph(broken)
    assert not report.conforms
    assert report.violations == 1
    assert "350521" in report.text or "divisionCode" in report.text


def test_iris_are_stable_across_runs(built_out, tmp_path):
    assert main(["build", "--out", str(tmp_path), "--no-report"]) == 0
    first = sorted((built_out / "graph.nt").read_text(encoding="utf-8").splitlines())
    second = sorted((tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines())
    assert first == second
    assert not any(line.startswith("_:") for line in first)


def test_entity_count_in_the_graph_equals_the_facts(seed_graph):
    facts = load_facts()
    declared = {s for s in seed_graph.subjects(RDF.type, None)
                if str(s).startswith("https://w3id.org/chainkg/id/") and "/chain/" not in str(s)
                and any(c in {CKG[t] for e in facts.entities.values() for t in e.types} for c in seed_graph.objects(s, RDF.type))}
    assert len(declared) == len(facts.entities)


def test_report_embeds_every_drawn_entity(built_out, seed_kg):
    import re

    from chainkg.reports.pyvis_report import report_graph

    page = (built_out / "report.html").read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="chainkg-data">(.*?)</script>', page, re.S)
    assert found is not None
    data = json.loads(found.group(1))
    assert {n["id"] for n in data["nodes"]} == set(report_graph(seed_kg))
