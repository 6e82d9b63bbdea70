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


def test_a_chain_named_only_as_a_whole_is_present_at_chain_level_not_missing(seed_kg):
    report = chain_gaps(seed_kg, "半导体", "南安市")
    template = load_chain_templates()["chain/semiconductor"]
    assert [s.name for s in report.segments] == [s.name for s in template.segments]
    # "南安芯谷…导入半导体优质项目" places the chain in 南安 but names no segment: not 缺, 未细分
    assert report.chain_status == "present"
    assert {s.status for s in report.segments} == {"unsegmented"}
    assert all(not s.entries for s in report.segments)
    [park] = report.chain_level
    assert park.name == "南安芯谷半导体科技产业港"
    assert "导入半导体优质项目" in park.evidence[0]


@pytest.mark.parametrize("chain, region, count, words", [
    ("食品", "惠安县", 10, "引进下游食品产业链项目10多家"),        # 10多家 counts as its floor
    ("陶瓷", "德化县", 27, "古洋工业园区27家入驻企业已全部投产"),
    ("智能电子终端", "永春县", 6, "一次性招引深圳6家扫地机器人配套企业"),
])
def test_chains_the_seed_places_in_a_county_are_present_with_their_stated_counts(seed_kg, chain, region, count, words):
    report = chain_gaps(seed_kg, chain, region)
    assert report.chain_status == "present"
    [counted] = [e for e in report.chain_level if e.stated_count]
    assert counted.stated_count == count and words in counted.evidence[0]
    assert "missing" not in {s.status for s in report.segments} or any(s.entries for s in report.segments)


def test_a_stated_firm_count_makes_a_segment_present_and_the_county_is_never_its_own_entry(seed_kg):
    # "安溪芯园招引5家光电产业应用终端企业落地": five firms, not one park
    report = chain_gaps(seed_kg, "光电", "安溪县")
    by_name = {s.name: s for s in report.segments}
    applications = by_name["光电应用终端"]
    assert (applications.status, applications.established) == ("present", 5)
    [entry] = applications.entries
    assert (entry.name, entry.kind, entry.stated_count) == ("安溪芯园", "place", 5)
    assert "光电产业应用终端企业" in entry.evidence[0]
    # the sources cover the LED chain in 安溪 segment by segment: the others are missing
    assert by_name["LED封装"].feeds == ("光电应用终端",)
    assert by_name["LED封装"].status == "missing" and "cut_point" in by_name["LED封装"].risks
    # 永春: the six firms are shared by two segments (how many each is not said), and the county
    # alone is no entry — those segments are weak, not present, and counted zero firms
    smart = {s.name: s for s in chain_gaps(seed_kg, "智能电子终端", "永春县").segments}
    assert smart["扫地机器人零部件"].status == "weak" and smart["扫地机器人零部件"].established == 0
    assert [e.kind for e in smart["扫地机器人零部件"].entries] == ["area"]


def test_no_segment_is_missing_where_the_sources_never_discuss_the_chain(seed_kg):
    from chainkg.analyses.gaps import gap_statuses

    for (chain, _), statuses in gap_statuses(seed_kg).items():
        segment_statuses = [v for k, v in statuses.items() if k != chain]
        if "missing" in segment_statuses:
            # "missing" only where another segment of the chain has something in that county
            assert set(segment_statuses) & {"present", "weak", "planned"}
        if statuses[chain] == "not_covered":
            assert set(segment_statuses) <= {"not_covered", "missing", "present", "weak", "planned"}


def test_an_intention_is_planned_not_present():
    from decimal import Decimal

    from chainkg.analyses.compact import CompactGraph
    from chainkg.graph.build import load_facts
    from chainkg.loaders.records import Relation

    facts = load_facts()
    # 惠安县 "encourages" wafer fabs to settle (made up for the test): a plan, not a firm
    facts.relations.append(Relation("area/350521", "hostsChain", "chain/semiconductor/wafer_fab", "quanzhou_parks_2024q1",
                                    confidence=Decimal("0.9"), method="extracted", modality="intended"))
    report = chain_gaps(CompactGraph.from_facts(facts), "半导体", "惠安县")
    statuses = {s.name: s.status for s in report.segments}
    assert statuses["晶圆制造"] == "planned" and statuses["封装测试"] == "missing"
    [entry] = next(s for s in report.segments if s.name == "晶圆制造").entries
    assert entry.basis == "intended"


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


def test_leaders_in_huian_rank_nanwang_with_its_sentence_marked_inferred(seed_kg):
    leaders = leading_enterprises(seed_kg, region="惠安县")
    assert leaders[0].name == "南王"
    [designation] = leaders[0].designations
    assert designation.kind == "leading_enterprise"
    assert "惠安县发挥南王龙头作用" in designation.sentences[0]
    assert leaders[0].components["listed"] == 1.0 and leaders[0].listed_on == ("深圳证券交易所",)
    # the chain (纸业包装) comes from the reference table, not the sentence: labelled so
    assert designation.basis == "inferred" and "chain-templates" in (designation.note or "")


def test_only_designated_firms_are_leaders_others_are_central_firms(seed_kg):
    from chainkg.analyses import central_firms

    # the article calls neither 河钢's centre nor 九牧 龙头 or 链主
    assert [leader.name for leader in leading_enterprises(seed_kg)] == ["中国机械总院海西分院", "南王"]
    assert all(leader.designations and leader.listed_for == "designation" for leader in leading_enterprises(seed_kg))
    assert leading_enterprises(seed_kg, region="丰泽区") == []
    [central] = central_firms(seed_kg, region="丰泽区")
    assert (central.name, central.listed_for, central.designations) == ("河钢3D打印增材制造中心", "", ())
    assert set(central.components) == {"designation", "local_partners", "pagerank", "betweenness", "segments_spanned",
                                       "parks_developed", "listed", "reported_value"}


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
    assert "补缺环节「晶圆制造」(中游)" in candidates[0].reasons
    assert [c.score for c in candidates] == sorted((c.score for c in candidates), reverse=True)
    assert all(not EmbeddedGraph(kg).region_ties(c.iri, f"https://w3id.org/chainkg/id/{generated.planted.region}")
               for c in candidates)


def test_a_firm_that_developed_a_park_in_the_region_is_no_candidate(seed_kg):
    # 九牧 developed 九牧卫浴智慧产业园 in 石狮: local in all but address
    graph = EmbeddedGraph(seed_kg)
    shishi = resolve_region(graph, "石狮市").iri
    jomoo = next(n for n, a in seed_kg.nodes(data=True) if a.get("name") == "九牧")
    ties = graph.region_ties(jomoo, shishi)
    assert [t.predicate for t in ties] == ["developedBy"] and ties[0].other_name == "九牧卫浴智慧产业园"
    assert all(c.iri != jomoo for c in attraction_candidates(seed_kg, "卫浴五金", "石狮市"))


@pytest.mark.parametrize("source", ["seed", "synthetic"])
def test_no_candidate_anywhere_has_a_tie_to_the_region(source, seed_kg, synthetic):
    """Property over every chain × county-level unit and zone: a candidate is never tied to the region."""
    kg = seed_kg if source == "seed" else synthetic[1]
    graph = EmbeddedGraph(kg)
    chains = [t.name for t in graph.named_things() if "IndustrialChain" in t.classes]
    regions = [t.iri for t in graph.named_things() if t.admin_level in ("county", "prefecture") or "DevelopmentZone" in t.classes]
    asked = found = 0
    for chain in chains:
        for region in regions:
            for candidate in attraction_candidates(graph, chain, region):
                found += 1
                assert candidate.iri not in graph.members(region)
                assert graph.region_ties(candidate.iri, region) == []
                # every 推荐理由 cites its sentence (generated facts have none to cite)
                assert candidate.evidence or source == "synthetic"
            asked += 1
    assert asked > 50 and (found > 0) == (source == "synthetic")


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


@pytest.fixture(scope="module")
def xingu_kg():
    """The places, the seed's reviewed facts and the two 泉州芯谷 articles (corpus d1, d2)."""
    from chainkg.graph.build import DEFAULT_SOURCES, load_facts
    from chainkg.graph.streaming import facts_to_networkx

    from _paths import CORPUS

    return facts_to_networkx(load_facts([*DEFAULT_SOURCES, *sorted(CORPUS.glob("d[12]_quanzhou_xingu_*.txt"))]))


def test_policy_is_planned_not_presence_on_the_corpus(xingu_kg):
    # d2: "南安分园区将持续落实《…实施意见》,重点支持和鼓励化合物半导体设计、制造、封测…入驻"
    report = chain_gaps(xingu_kg, "半导体", "南安市")
    testing = next(s for s in report.segments if s.name == "封装测试")
    assert testing.status == "planned" and testing.established == 0
    assert all(e.basis == "intended" for e in testing.entries) and "鼓励" in testing.entries[0].evidence[0]


def test_firms_the_sources_place_nowhere_are_never_outside_candidates(xingu_kg):
    from chainkg.analyses.candidates import candidate_answer

    # d1: "晶安光电、天电光电、信达光电等多家龙头企业入驻" — 入驻 where the paragraph says, not
    # anywhere the graph knows: they may be local, so no region gets them as outside firms
    leds = {"晶安光电", "天电光电", "信达光电"}
    for region in ("泉州市", "安溪县", "南安市"):
        answer = candidate_answer(xingu_kg, "LED", region)
        assert not leds & {c.name for c in answer}
        assert leds <= set(answer.unlocated) or not answer.reason.startswith("来源中没有")
