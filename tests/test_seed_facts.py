"""The seed graph holds what the article says, each relation tied to its sentence."""

from decimal import Decimal

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from chainkg.graph.iris import entity_iri
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, load_reviewed_facts
from chainkg.ontology import CKG

from _paths import SEED_ARTICLE

OA = "http://www.w3.org/ns/oa#"


def iri_named(graph, name: str) -> URIRef:
    """The one entity whose Chinese name is `name` (fails if none or several)."""
    found = set(graph.subjects(SKOS.prefLabel, Literal(name, lang="zh")))
    assert len(found) == 1, (name, found)
    return found.pop()


def statements(graph, subject, predicate, object_):
    return [
        s for s in graph.subjects(RDF.type, CKG.RelationStatement)
        if (s, RDF.subject, subject) in graph and (s, RDF.predicate, predicate) in graph and (s, RDF.object, object_) in graph
    ]


def evidence_texts(graph, statement) -> list[str]:
    return [str(graph.value(e, CKG.plainText)) for e in graph.objects(statement, CKG.evidence)]


def test_bundled_seed_is_the_users_article():
    bundled = SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt"
    assert bundled.read_bytes() == SEED_ARTICLE.read_bytes()


@pytest.mark.parametrize("name", ["九牧", "南王", "中国机械总院海西分院", "先进制造研究院", "百宏化学", "宇极", "工研智高", "通维科技"])
def test_article_organizations_are_in_the_graph(seed_graph, name):
    node = iri_named(seed_graph, name)
    assert set(seed_graph.objects(node, RDF.type)) & {CKG.Company, CKG.ResearchInstitute}


@pytest.mark.parametrize(
    "name",
    ["晋江市永佳智能装备产业园", "南安芯谷半导体科技产业港", "安溪芯园", "德化县古洋工业园区", "九牧卫浴智慧产业园",
     "鲤城高新区科创中心", "智能电气产业园", "科技创新谷"],
)
def test_article_parks_are_in_the_graph(seed_graph, name):
    assert (iri_named(seed_graph, name), RDF.type, CKG.IndustrialPark) in seed_graph


@pytest.mark.parametrize(
    "name, code",
    [("晋江市", "350582"), ("南安市", "350583"), ("鲤城区", "350502"), ("丰泽区", "350503"), ("洛江区", "350504"),
     ("泉港区", "350505"), ("石狮市", "350581"), ("惠安县", "350521"), ("安溪县", "350524"), ("永春县", "350525"),
     ("德化县", "350526")],
)
def test_every_county_level_unit_the_article_names_has_its_code(seed_graph, name, code):
    node = iri_named(seed_graph, name)
    assert seed_graph.value(node, CKG.divisionCode) == Literal(code)
    assert seed_graph.value(node, CKG.adminLevel) == Literal("county")
    # ...and the article's mention of it is cited
    assert list(seed_graph.objects(node, CKG.evidence))


def test_all_quanzhou_county_level_units_are_in_the_reference(seed_graph):
    quanzhou = iri_named(seed_graph, "泉州市")
    counties = set(seed_graph.subjects(CKG.locatedIn, quanzhou)) & set(seed_graph.subjects(CKG.adminLevel, Literal("county")))
    assert sorted(str(seed_graph.value(c, CKG.divisionCode)) for c in counties) == [
        "350502", "350503", "350504", "350505", "350521", "350524", "350525", "350526", "350527", "350581", "350582", "350583"]


def test_the_two_zones_are_managed_development_zones_without_codes(seed_graph):
    for zone_name, committee in (("泉州台商投资区", "泉州台商投资区管委会"), ("泉州经济技术开发区", "泉州经济技术开发区管委会")):
        zone = iri_named(seed_graph, zone_name)
        assert (zone, RDF.type, CKG.DevelopmentZone) in seed_graph
        assert seed_graph.value(zone, CKG.divisionCode) is None
        assert (zone, CKG.managedBy, iri_named(seed_graph, committee)) in seed_graph
    assert (iri_named(seed_graph, "泉州台商投资区"), CKG.locatedIn, iri_named(seed_graph, "惠安县")) in seed_graph


def test_short_forms_are_aliases(seed_graph):
    assert Literal("台商区", lang="zh") in set(seed_graph.objects(iri_named(seed_graph, "泉州台商投资区"), SKOS.altLabel))
    assert Literal("南安芯谷", lang="zh") in set(seed_graph.objects(iri_named(seed_graph, "南安芯谷半导体科技产业港"), SKOS.altLabel))


@pytest.mark.parametrize(
    "subject, predicate, object_, words",
    [
        ("南王", CKG.locatedIn, "惠安县", "惠安县发挥南王龙头作用"),
        ("九牧卫浴智慧产业园", CKG.locatedIn, "石狮市", "石狮市推动多部门协同,为九牧卫浴智慧产业园"),
        ("南安芯谷半导体科技产业港", CKG.hostsChain, "半导体", "导入半导体优质项目"),
        ("中国机械总院海西分院", CKG.leadsChain, "工业母机", "中国机械总院海西分院(国内工业母机链主企业)"),
        ("南王", CKG.leadsChain, "纸业包装", "发挥南王龙头作用"),
        ("安溪芯园", CKG.hostsChain, "光电", "安溪芯园招引5家光电产业应用终端企业"),
        ("工研智高", CKG.incubatedBy, "先进制造研究院", "孵化工研智高"),
        ("南王", CKG.listedOn, "深圳证券交易所", "深交所A股成功上市"),
    ],
)
def test_named_facts_with_their_sentence(seed_graph, subject, predicate, object_, words):
    s, o = iri_named(seed_graph, subject), iri_named(seed_graph, object_)
    assert (s, predicate, o) in seed_graph
    found = statements(seed_graph, s, predicate, o)
    assert len(found) == 1
    assert any(words in text for text in evidence_texts(seed_graph, found[0]))


def test_chain_leader_qualifiers(seed_graph):
    haixi = statements(seed_graph, iri_named(seed_graph, "中国机械总院海西分院"), CKG.leadsChain, iri_named(seed_graph, "工业母机"))[0]
    assert seed_graph.value(haixi, CKG.leadershipKind) == Literal("chain_leader")
    assert seed_graph.value(haixi, CKG.scopeNote) == Literal("国内", lang="zh")
    nanwang = statements(seed_graph, iri_named(seed_graph, "南王"), CKG.leadsChain, iri_named(seed_graph, "纸业包装"))[0]
    assert seed_graph.value(nanwang, CKG.leadershipKind) == Literal("leading_enterprise")
    assert seed_graph.value(nanwang, CKG.scope) == iri_named(seed_graph, "惠安县")


def test_every_relation_has_provenance_whose_offsets_give_its_quote(seed_graph, seed_text):
    seed_source = entity_iri("source/seed_quanzhou_parks_2024q1")
    checked = 0
    for statement in seed_graph.subjects(RDF.type, CKG.RelationStatement):
        sources = set(seed_graph.objects(statement, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")))
        assert sources, statement
        evidence = list(seed_graph.objects(statement, CKG.evidence))
        if seed_source not in sources:
            continue  # reference-table relations cite the table, not a sentence
        assert evidence, statement
        for node in evidence:
            selectors = list(seed_graph.objects(node, URIRef(OA + "hasSelector")))
            start = next(int(seed_graph.value(s, URIRef(OA + "start"))) for s in selectors if seed_graph.value(s, URIRef(OA + "start")) is not None)
            end = next(int(seed_graph.value(s, URIRef(OA + "end"))) for s in selectors if seed_graph.value(s, URIRef(OA + "end")) is not None)
            exact = next(str(seed_graph.value(s, URIRef(OA + "exact"))) for s in selectors if seed_graph.value(s, URIRef(OA + "exact")) is not None)
            assert seed_text[start:end] == exact
            checked += 1
    from chainkg.graph.build import load_facts

    reviewed = load_reviewed_facts(SEED_FACTS).relations
    from_seed = [r for r in load_facts().relations if r.source_id == "seed_quanzhou_parks_2024q1"]
    assert checked == len(from_seed) > len(reviewed)  # reviewed facts and those placed on segments


def test_figures_are_observations_with_period_unit_and_value(seed_graph):
    quanzhou = iri_named(seed_graph, "泉州市")
    about_quanzhou = list(seed_graph.subjects(CKG.refEntity, quanzhou))

    def value(node) -> Decimal:
        return seed_graph.value(node, CKG.value).toPython()

    [investment] = [o for o in about_quanzhou if str(seed_graph.value(o, CKG.measure)) == "investment_completed"]
    assert value(investment) == Decimal("6899000000")
    assert seed_graph.value(investment, CKG.unit) == URIRef("http://qudt.org/vocab/currency/CNY")
    assert str(seed_graph.value(investment, CKG.periodStart)) == "2024-01-01"
    assert str(seed_graph.value(investment, CKG.originalValue)) == "68.99亿元"

    end_of_february = [o for o in about_quanzhou
                       if str(seed_graph.value(o, CKG.measure)) == "project_count"
                       and str(seed_graph.value(o, CKG.periodLabel)) == "截至2月底"]
    by_status = {str(seed_graph.value(o, CKG.projectStatus)): int(value(o)) for o in end_of_february}
    total = by_status.pop("None")
    assert by_status == {"planned": 10, "started": 5, "under_construction": 42, "in_operation": 43}
    assert sum(by_status.values()) == total == 100


def test_facts_are_placed_on_segments_by_their_words(seed_graph):
    anxi = iri_named(seed_graph, "安溪芯园")
    applications = iri_named(seed_graph, "光电应用终端")
    [placed] = statements(seed_graph, anxi, CKG.hostsChain, applications)
    assert seed_graph.value(placed, CKG.method) == Literal("placed")
    assert "应用终端" in str(seed_graph.value(placed, CKG.note))
    assert any("光电产业应用终端企业" in t for t in evidence_texts(seed_graph, placed))
    yongchun = iri_named(seed_graph, "永春县")
    hosted = {str(label) for o in seed_graph.objects(yongchun, CKG.hostsChain)
              for label in seed_graph.objects(o, SKOS.prefLabel) if label.language == "zh"}
    # 扫地机器人配套企业 are parts makers: the whole-unit segment is not claimed
    assert hosted == {"智能电子终端", "扫地机器人零部件", "蓝牙耳机整机"}
    # No words for a segment: 南安芯谷 stays at chain level
    nanan = iri_named(seed_graph, "南安芯谷半导体科技产业港")
    assert list(seed_graph.objects(nanan, CKG.hostsChain)) == [iri_named(seed_graph, "半导体")]


def test_reference_file_loads_on_its_own():
    places = load_reviewed_facts(PLACES_FACTS)
    assert places.entities["area/350521"].division_code == "350521"
