"""Chain gaps, leaders and 招商 candidates on the seed graph and on a generated graph."""

import pytest

from chainkg.analyses import attraction_candidates, chain_gaps, leading_enterprises
from chainkg.analyses.embedded import EmbeddedGraph
from chainkg.analyses.names import resolve_chain, resolve_region
from chainkg.errors import ChainKGError
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.loaders.synthetic import generate_synthetic
from chainkg.ontology.templates import load_chain_templates


@pytest.fixture(scope="module")
def synthetic():
    generated = generate_synthetic(firms=150, seed=5)
    return generated, to_networkx(union_graph(facts_to_dataset(generated.facts)))


def test_gaps_list_every_template_segment_and_report_missing_without_guessing(seed_kg):
    report = chain_gaps(seed_kg, "半导体", "南安市")
    template = load_chain_templates()["chain/semiconductor"]
    assert [s.name for s in report.segments] == [s.name for s in template.segments]
    # the article gives no segment-level evidence for 南安's chips: every segment is missing
    assert {s.status for s in report.segments} == {"missing"}
    assert all(not s.entries for s in report.segments)
    # ...and what it does say stays at chain level, with its sentence
    [park] = report.chain_level
    assert park.name == "南安芯谷半导体科技产业港"
    assert "导入半导体优质项目" in park.evidence[0]


def test_gap_entries_carry_evidence_and_flow(seed_kg):
    report = chain_gaps(seed_kg, "光电", "安溪县")
    by_name = {s.name: s for s in report.segments}
    applications = by_name["光电应用终端"]
    assert applications.status == "weak"  # one park, no named firm
    [entry] = applications.entries
    assert (entry.name, entry.kind) == ("安溪芯园", "place")
    assert "光电产业应用终端企业" in entry.evidence[0]
    assert by_name["LED封装"].feeds == ("光电应用终端",)
    assert by_name["LED封装"].status == "missing" and "cut_point" in by_name["LED封装"].risks


def test_region_includes_zones_and_parks(seed_kg):
    report = chain_gaps(seed_kg, "智能电气", "惠安县")
    assert [e.name for e in report.chain_level] == ["智能电气产业园"]  # via 台商区


def test_gaps_find_the_planted_gap(synthetic):
    generated, kg = synthetic
    report = chain_gaps(kg, generated.planted.chain, generated.planted.region)
    statuses = {s.iri.rsplit("/id/", 1)[-1]: s.status for s in report.segments}
    assert statuses.pop(generated.planted.gap_segment) == "missing"
    assert set(statuses.values()) == {"present"}
    gap = next(s for s in report.segments if s.iri.endswith(generated.planted.gap_segment))
    assert "cut_point" in gap.risks


def test_leaders_in_huian_rank_nanwang_with_its_sentence(seed_kg):
    leaders = leading_enterprises(seed_kg, region="惠安县")
    assert leaders[0].name == "南王"
    [designation] = leaders[0].designations
    assert designation.kind == "leading_enterprise"
    assert "惠安县发挥南王龙头作用" in designation.sentences[0]
    assert leaders[0].components["listed"] == 1.0 and leaders[0].listed_on == ("深圳证券交易所",)


def test_leaders_of_machine_tools_show_the_chain_leader(seed_kg):
    [leader] = leading_enterprises(seed_kg, chain="工业母机")
    assert leader.name == "中国机械总院海西分院"
    assert leader.designations[0].kind == "chain_leader"
    assert "国内工业母机链主企业" in leader.designations[0].sentences[0]
    assert leader.components["designation"] == 1.0
    assert leader.components["reported_value"] > 0  # 合同额超5000万元


def test_leaders_find_the_planted_leader(synthetic):
    generated, kg = synthetic
    leaders = leading_enterprises(kg, chain="半导体", region="南安市")
    top = leaders[0]
    assert top.iri.endswith(generated.planted.leader)
    assert top.local_partners >= 15 and top.meets_partner_criterion
    assert top.components["pagerank"] == 1.0
    assert not any(leader.meets_partner_criterion for leader in leaders[1:])


def test_candidates_fill_the_planted_gap_from_outside(synthetic):
    generated, kg = synthetic
    candidates = attraction_candidates(kg, "半导体", "南安市")
    assert candidates, "outside firms work in the planted gap"
    assert all(c.segments == ("晶圆制造",) for c in candidates)
    members = EmbeddedGraph(kg).members(f"https://w3id.org/chainkg/id/{generated.planted.region}")
    assert not any(c.iri in members for c in candidates)
    assert "补缺失环节「晶圆制造」(中游)" in candidates[0].reasons
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)


def test_seed_has_no_outside_firm_for_nanan_chips(seed_kg):
    assert attraction_candidates(seed_kg, "半导体", "南安市") == []


@pytest.mark.parametrize("typed, expected", [("半导体", "半导体"), ("semiconductor", "半导体"), ("bandaoti", "半导体"),
                                             ("集成电路", "半导体"), ("LED", "光电"), ("gongyemuji", "工业母机")])
def test_chain_names_in_chinese_english_pinyin_and_alias(seed_kg, typed, expected):
    assert resolve_chain(EmbeddedGraph(seed_kg), typed).name == expected


@pytest.mark.parametrize("typed, expected", [("南安市", "南安市"), ("南安", "南安市"), ("Nan'an", "南安市"),
                                             ("nananshi", "南安市"), ("台商区", "泉州台商投资区"), ("Hui'an County", "惠安县")])
def test_region_names(seed_kg, typed, expected):
    assert resolve_region(EmbeddedGraph(seed_kg), typed).name == expected


def test_unknown_name_gets_close_matches(seed_kg):
    with pytest.raises(ChainKGError, match=r"unknown chain '半导'; did you mean 半导体"):
        chain_gaps(seed_kg, "半导", "南安市")
    with pytest.raises(ChainKGError, match=r"unknown region 'nanan city'; did you mean .*南安市"):
        chain_gaps(seed_kg, "半导体", "nanan city")


def test_synthetic_data_is_labelled_and_kept_out_of_the_seed_graph(seed_graph, synthetic):
    generated, _ = synthetic
    assert generated.facts.sources[generated.source_id].kind == "synthetic"
    assert all(e.name.startswith("合成") for i, e in generated.facts.entities.items() if i.startswith("synthetic/"))
    assert not any("/synthetic/" in str(s) for s in seed_graph.subjects())
