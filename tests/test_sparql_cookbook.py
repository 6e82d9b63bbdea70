"""Each SPARQL cookbook query runs on the seed graph and gives the expected answer."""

from _paths import REPO

COOKBOOK = REPO / "cookbook" / "sparql"


def run(graph, name: str) -> list[tuple]:
    result = graph.query((COOKBOOK / name).read_text(encoding="utf-8"))
    return [tuple(None if v is None else v.toPython() for v in row) for row in result]


def test_parks_by_county(seed_graph):
    rows = run(seed_graph, "parks_by_county.rq")
    assert ("九牧卫浴智慧产业园", "石狮市", "350581") in rows
    assert ("南安芯谷半导体科技产业港", "南安市", "350583") in rows
    assert ("智能电气产业园", "泉州台商投资区", None) in rows
    assert len(rows) == 8


def test_chain_leaders_with_their_sentences(seed_graph):
    rows = run(seed_graph, "chain_leaders.rq")
    assert [(company, chain, kind) for company, chain, kind, _, _ in rows] == [
        ("中国机械总院海西分院", "工业母机", "chain_leader"),
        ("南王", "纸业包装", "leading_enterprise"),
    ]
    assert "国内工业母机链主企业" in rows[0][4]
    assert "发挥南王龙头作用" in rows[1][4]


def test_chains_by_county_follow_zones_and_parks(seed_graph):
    rows = set(run(seed_graph, "chains_by_county.rq"))
    assert ("南安市", "半导体") in rows            # via 南安芯谷
    assert ("惠安县", "智能电气") in rows           # via 台商区 → 智能电气产业园
    assert ("惠安县", "食品") in rows               # stated of the county itself
    assert ("永春县", "智能电子终端") in rows
    assert not any(county == "金门县" for county, _ in rows)


def test_project_counts_by_status(seed_graph):
    rows = run(seed_graph, "project_counts.rq")
    assert [(status, int(count)) for status, count, _ in rows] == [
        ("in_operation", 43), ("under_construction", 42), ("planned", 10), ("started", 5)]


def test_fact_source_gives_offsets_and_quote(seed_graph, seed_text):
    rows = run(seed_graph, "fact_source.rq")
    assert len(rows) == 1
    file_name, start, end, exact = rows[0]
    assert file_name == "seed_quanzhou_parks_2024q1.txt"
    assert seed_text[start:end] == exact
