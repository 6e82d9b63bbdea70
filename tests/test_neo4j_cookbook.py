"""Each Cypher cookbook query runs against the loaded seed graph with its expected answer."""

import pytest

from _paths import COOKBOOK


def test_the_cookbook_has_at_least_ten_queries():
    assert len(list(COOKBOOK.glob("*.cypher"))) >= 10


def test_parks_in_county_follow_zones(cypher):
    assert [r["park"] for r in cypher("01_parks_in_county.cypher", county="惠安县")] == ["智能电气产业园", "科技创新谷"]
    assert [r["park"] for r in cypher("01_parks_in_county.cypher", county="南安市")] == ["南安芯谷半导体科技产业港"]


def test_firms_in_chain_by_county(cypher):
    rows = {(r["chain"], r["county"]): r["firms"] for r in cypher("02_firms_in_chain_by_county.cypher")}
    assert rows == {
        ("工业母机", "洛江区"): ["中国机械总院海西分院"],
        ("增材制造", "丰泽区"): ["河钢3D打印增材制造中心"],
        ("纸业包装", "惠安县"): ["南王"],
    }


def test_chain_leaders_with_evidence(cypher):
    rows = cypher("03_chain_leaders.cypher")
    assert [(r["company"], r["chain"], r["kind"]) for r in rows] == [
        ("中国机械总院海西分院", "工业母机", "chain_leader"),
        ("南王", "纸业包装", "leading_enterprise"),
    ]
    assert "国内工业母机链主企业" in rows[0]["evidence"][0]
    assert "惠安县发挥南王龙头作用" in rows[1]["evidence"][0]
    assert rows[1]["confidence"] == 0.8


def test_what_a_park_hosts(cypher):
    [row] = cypher("04_what_a_park_hosts.cypher", park="晋江市永佳智能装备产业园")
    assert sorted(row["chains"]) == ["新材料", "智能装备"]
    assert row["located_in"] == ["晋江市"]


def test_chain_footprint(cypher):
    footprint = {r["chain"]: sorted(r["counties"]) for r in cypher("05_chain_footprint.cypher")}
    assert footprint["半导体"] == ["南安市"]
    assert footprint["智能电气"] == ["惠安县"]           # via 台商区 → 智能电气产业园
    assert footprint["卫浴五金"] == ["石狮市"]           # the park and its factory project
    assert footprint["食品"] == ["惠安县"]
    assert "工业母机" in footprint and footprint["工业母机"] == ["洛江区"]


def test_counties_sharing_a_chain_is_empty_on_the_seed_and_finds_a_shared_one(cypher, neo4j_store):
    # The seed article names no chain in two counties: the honest answer is none.
    assert cypher("06_counties_sharing_a_chain.cypher") == []
    neo4j_store.run("MATCH (a {iri: $area}), (c {iri: $chain}) MERGE (a)-[:HOSTS_CHAIN]->(c)",
                    area="https://w3id.org/chainkg/id/area/350582", chain="https://w3id.org/chainkg/id/chain/semiconductor")
    try:
        assert cypher("06_counties_sharing_a_chain.cypher") == [{"chain": "半导体", "county": "南安市", "other_county": "晋江市"}]
    finally:
        neo4j_store.run("MATCH ({iri: $area})-[r:HOSTS_CHAIN]->({iri: $chain}) DELETE r",
                        area="https://w3id.org/chainkg/id/area/350582", chain="https://w3id.org/chainkg/id/chain/semiconductor")


def test_fact_source(cypher):
    [row] = cypher("07_fact_source.cypher", subject="南王", object="惠安县")
    assert row["relation"] == "LOCATED_IN"
    assert row["sources"] == ["https://w3id.org/chainkg/id/source/seed_quanzhou_parks_2024q1"]
    assert row["evidence"] == ["同时,惠安县发挥南王龙头作用(去年深交所A股成功上市),引进下游食品产业链项目10多家;"]


@pytest.mark.parametrize(
    "query, expected",
    [("九牧", ["九牧", "九牧卫浴智慧产业园"]), ("芯谷", ["南安芯谷半导体科技产业港"]), ("台商区", ["泉州台商投资区"])],
)
def test_fulltext_lookup(cypher, query, expected):
    names = [r["name"] for r in cypher("08_fulltext_lookup.cypher", query=query)]
    assert names[: len(expected)] == expected


def test_path_between_firms(cypher):
    [row] = cypher("09_path_between_firms.cypher", **{"from": "南王", "to": "九牧"})
    assert row["names"] == ["南王", "惠安县", "泉州市", "石狮市", "九牧卫浴智慧产业园", "九牧"]
    assert row["relations"] == ["LOCATED_IN", "LOCATED_IN", "LOCATED_IN", "LOCATED_IN", "DEVELOPED_BY"]


def test_zones_and_managers(cypher):
    rows = {r["zone"]: (r["managed_by"], r["located_in"]) for r in cypher("10_zones_and_managers.cypher")}
    assert rows["泉州台商投资区"] == ("泉州台商投资区管委会", ["惠安县"])
    assert rows["泉州经济技术开发区"] == ("泉州经济技术开发区管委会", ["鲤城区"])
    assert rows["鲤城高新区"] == (None, ["鲤城区"])


def test_attracted_and_incubated(cypher):
    rows = [(r["organization"], r["how"], r["by"]) for r in cypher("11_attracted_and_incubated.cypher")]
    assert rows == [
        ("中国机械总院海西分院", "ATTRACTED_TO", "洛江区"),
        ("河钢3D打印增材制造中心", "ATTRACTED_TO", "丰泽区"),
        ("工研智高", "INCUBATED_BY", "先进制造研究院"),
        ("通维科技", "INCUBATED_BY", "先进制造研究院"),
    ]


def test_facts_to_review(cypher):
    rows = cypher("12_facts_to_review.cypher", below=0.85)
    assert {(r["subject"], r["relation"], r["object"]) for r in rows} == {
        ("先进制造研究院", "LOCATED_IN", "丰泽区"),
        ("工研智高", "LOCATED_IN", "丰泽区"),
        ("通维科技", "LOCATED_IN", "丰泽区"),
        ("九牧卫浴智慧产业园", "DEVELOPED_BY", "九牧"),
        ("南王", "LEADS_CHAIN", "纸业包装"),
        ("南王", "OPERATES_IN", "纸业包装"),
        # placed on segments from the words of their sentences (confidence 0.8)
        ("河钢3D打印增材制造中心", "OPERATES_IN", "3D打印服务"),
        ("九牧卫浴智慧产业园", "HOSTS_CHAIN", "电镀"),
        ("五金智造标杆工厂", "OPERATES_IN", "五金水暖"),
        ("安溪芯园", "HOSTS_CHAIN", "光电应用终端"),
        ("永春县", "HOSTS_CHAIN", "蓝牙耳机整机"),
        ("永春县", "HOSTS_CHAIN", "扫地机器人零部件"),
    }
    assert all(r["note"] for r in rows)


def test_county_profile(cypher):
    [row] = cypher("13_county_profile.cypher", county="丰泽区")
    assert row["code"] == "350503"
    assert sorted(row["organizations"]) == ["先进制造研究院", "工研智高", "河钢3D打印增材制造中心", "通维科技"]
    assert row["chains"] == ["增材制造"]
    assert row["places"] == []


def test_what_the_database_holds_leaves_the_helper_nodes_out(cypher, neo4j_store):
    """The entry counts live under one helper label: listing data by the cookbook's rule shows
    only the ontology's classes and chainkg's storage labels, and every node but the helpers."""
    from chainkg.analyses.cypher import refresh_entry_counts

    assert refresh_entry_counts(neo4j_store) > 0
    rows = {r["label"]: r["nodes"] for r in cypher("18_what_the_database_holds.cypher")}
    assert sorted(rows) == ["AdministrativeArea", "ChainSegment", "Company", "DevelopmentZone", "Entity", "GovernmentBody",
                            "IndustrialChain", "IndustrialPark", "Name", "NamedGraph", "Observation", "Project",
                            "ResearchInstitute", "SourceDocument", "StockExchange"]
    assert rows["Entity"] == 136 and rows["SourceDocument"] == 2 and rows["Observation"] == 18
    labels = {r["label"] for r in neo4j_store.run("CALL db.labels()")}
    assert labels - set(rows) == {"_ChainkgIndex"}  # the one label an app leaves out
    helpers = neo4j_store.run("MATCH (n:_ChainkgIndex) RETURN DISTINCT labels(n) AS labels, n.iri IS NULL AS noIri")
    assert helpers == [{"labels": ["_ChainkgIndex"], "noIri": True}]
