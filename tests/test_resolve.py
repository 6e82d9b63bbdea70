"""Entity resolution across sources (issue 17): rules on invented names, then the real corpus."""

from __future__ import annotations

import pytest

from chainkg.graph.build import load_sources
from chainkg.loaders.records import Entity
from chainkg.loaders.resolve import RULE_CONFIDENCE, resolve_entities, variant_key
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS

from _paths import CORPUS, REPO


def _firm(entity_id: str, name: str, *aliases: str, cls: str = "Company") -> Entity:
    return Entity(entity_id, (cls,), name, aliases=aliases, sources=(f"src-{entity_id}",))


def test_a_legal_form_and_a_bracketed_place_are_set_aside():
    result = resolve_entities([_firm("org/a", "甲乙纸业"), _firm("org/b", "甲乙纸业(泉州)有限公司")])
    assert result.ids["org/b"] == "org/a"
    [merge] = result.merges
    assert (merge.rule, merge.confidence) == ("name_variant", RULE_CONFIDENCE["name_variant"])


def test_a_county_named_in_full_or_short_is_one_place_in_a_zone_name():
    assert variant_key("鲤城区甲乙区", "zone") == variant_key("鲤城甲乙区", "zone") == "350502|甲乙区"


def test_a_parks_name_less_its_county_does_not_draw_in_another_places_park():
    """The extractor gives 晋江市X产业园区 the short form X产业园区; a bare X产业园区 elsewhere is not it."""
    jinjiang = Entity("park/a", ("IndustrialPark",), "晋江市合成示例电子产业园区", aliases=("合成示例电子产业园区",))
    elsewhere = Entity("park/b", ("IndustrialPark",), "合成示例电子产业园区")
    assert resolve_entities([jinjiang, elsewhere]).ids["park/b"] == "park/b"


def test_two_credit_codes_never_merge_whatever_the_names():
    a, b = _firm("org/a", "甲乙纸业有限公司"), _firm("org/b", "甲乙纸业有限公司")
    result = resolve_entities([a, b], identifiers={"org/a": {"credit_code": "91350500MA0000001X"},
                                                   "org/b": {"credit_code": "91350500MA0000002X"}})
    assert result.ids["org/b"] == "org/b"
    assert {n.why for n in result.near_misses} == {"different credit codes"}


def test_one_credit_code_joins_two_names():
    result = resolve_entities([_firm("org/a", "丙丁科技有限公司"), _firm("org/b", "戊己电子")],
                              identifiers={"org/a": {"credit_code": "91350500MA0000001X"},
                                           "org/b": {"credit_code": "91350500ma0000001x"}})
    assert result.ids["org/b"] == "org/a" and result.merges[0].rule == "credit_code"


def test_a_guessed_firm_with_a_parks_name_is_that_park_but_a_named_company_is_not():
    park = Entity("park/p", ("IndustrialPark",), "甲乙产业园区", aliases=("甲乙谷",))
    guessed, company = _firm("org/g", "甲乙谷"), _firm("org/c", "甲乙谷有限公司")
    result = resolve_entities([park, guessed, company])
    assert result.ids["org/g"] == "park/p" and "org/g" in result.retyped
    assert result.ids["org/c"] == "org/c"


def test_an_abbreviation_several_firms_could_share_joins_none():
    result = resolve_entities([_firm("org/a", "甲乙纸业"), _firm("org/b", "甲丙乙科技"), _firm("org/s", "甲乙")])
    assert result.ids["org/s"] == "org/s"
    assert {n.why for n in result.near_misses} == {"甲乙 could abbreviate 2 names"}


def test_a_lab_is_not_the_firm_whose_short_name_it_carries():
    firm, lab = _firm("org/f", "甲乙体育用品有限公司", "甲乙"), _firm("org/l", "甲乙运动科学实验室", cls="ResearchInstitute")
    result = resolve_entities([firm, lab, _firm("org/s", "甲乙")])
    assert result.ids["org/s"] == "org/f" and result.ids["org/l"] == "org/l"


def test_a_split_decision_keeps_two_same_named_things_apart():
    a, b = _firm("org/a", "甲乙纸业"), _firm("org/b", "甲乙纸业有限公司")
    result = resolve_entities([a, b], splits=[("org/a", "org/b")])
    assert result.ids["org/b"] == "org/b" and result.near_misses[0].why == "kept apart by a review decision"


def test_a_merge_decision_joins_a_project_and_a_park_and_the_park_is_the_node():
    """One article lists 甲乙建筑产业园 among its projects, another writes 甲乙(泉州)建筑科技产业园: the
    rules keep a project and a park apart, a person's merge joins them, and the park (which can
    host a chain) is the node."""
    project = _firm("project/p", "甲乙建筑产业园", cls="Project")
    park = _firm("park/k", "甲乙(泉州)建筑科技产业园", cls="IndustrialPark")
    assert resolve_entities([project, park]).ids["project/p"] == "project/p"
    result = resolve_entities([project, park], merges=[("project/p", "park/k")])
    assert result.ids == {"project/p": "park/k", "park/k": "park/k"} and result.merges[0].rule == "decision"


@pytest.fixture(scope="module")
def corpus_load():
    return load_sources([PLACES_FACTS, CORPUS])


def test_on_the_corpus_a_declared_short_name_is_one_park_and_no_company(corpus_load):
    """d1: 泉州半导体高新技术产业园区, 简称“泉州芯谷”; d2 names 泉州芯谷 alone (read there as a firm too)."""
    facts = corpus_load.facts
    holders = [e for e in facts.entities.values() if "泉州芯谷" in (e.name, *e.aliases)]
    assert [e.types for e in holders] == [("IndustrialPark",)]
    assert "泉州半导体高新技术产业园" in holders[0].aliases  # d25's shorter form of the same name


def test_on_the_corpus_a_county_written_two_ways_makes_one_zone(corpus_load):
    zones = [e for e in corpus_load.facts.entities.values() if "DevelopmentZone" in e.types
             and {"鲤城高新区", "鲤城区高新区"} & {e.name, *e.aliases}]
    assert len(zones) == 1 and {"鲤城高新区", "鲤城区高新区"} <= {zones[0].name, *zones[0].aliases}


def test_on_the_corpus_the_governments_of_two_counties_stay_two(corpus_load):
    """The extractor ids 甲县人民政府 without its place; the loader keeps two counties' governments apart."""
    governments = {e.name for e in corpus_load.facts.entities.values() if e.name.endswith("人民政府")}
    assert {"连江县人民政府", "沙县区人民政府", "南安市人民政府"} <= governments
    merged = [e for e in corpus_load.facts.entities.values() if e.name.endswith("人民政府")
              and any(a.endswith("人民政府") for a in e.aliases)]
    assert merged == []


def test_every_merge_names_its_rule_names_and_sources(corpus_load):
    merges = corpus_load.resolution.merges
    assert merges and all(m.rule in RULE_CONFIDENCE and m.names[0] and m.names[1] and len(m.sources) >= 2
                          for m in merges if m.first == m.second)
    assert corpus_load.resolution.after < corpus_load.resolution.before


def _registry(folder, source: str, rows: list[tuple[str, str, str]]):
    """A labelled synthetic registry table (credit code, invented name, county) and its mapping."""
    (folder / f"{source}.csv").write_text("统一社会信用代码,企业名称,属地\n" + "".join(f"{c},{n},{p}\n" for c, n, p in rows),
                                          encoding="utf-8")
    mapping = folder / f"{source}.table.yaml"
    mapping.write_text(f"source: {{id: {source}, title: 合成示例名录 {source}(合成数据)}}\n"
                       f"table: {{file: {source}.csv, format: csv}}\n"
                       "entity: {type: Company, name: {column: 企业名称}, credit_code: {column: 统一社会信用代码}}\n"
                       "relations: [{predicate: locatedIn, object: {place: 属地}}]\n", encoding="utf-8")
    return mapping


def test_two_registries_naming_one_firm_two_ways_make_one_node_and_two_codes_stay_two(tmp_path):
    from chainkg.loaders.industry_codes import credit_code_problem

    codes = [code for code in (f"91350500MA2Y00{n:02d}X{c}" for n in range(10, 40) for c in "0123456789ABCDEFGHJKLMNPQRTUWXY")
             if credit_code_problem(code) is None][:3]
    first = _registry(tmp_path, "registry_a", [(codes[0], "合成示例甲纸业有限公司", "晋江市"),
                                               (codes[1], "合成示例乙科技有限公司", "南安市")])
    second = _registry(tmp_path, "registry_b", [(codes[0], "合成示例甲纸业(泉州)股份有限公司", "晋江市"),
                                                (codes[2], "合成示例乙科技有限公司", "石狮市")])
    load = load_sources([PLACES_FACTS, first, second])
    firms = [e for e in load.facts.entities.values() if e.credit_code]
    assert sorted(e.credit_code or "" for e in firms) == sorted(codes)  # 4 rows, 3 firms
    [paper] = [e for e in firms if e.credit_code == codes[0]]
    assert {paper.name, *paper.aliases} == {"合成示例甲纸业有限公司", "合成示例甲纸业(泉州)股份有限公司"}
    assert paper.id.startswith("org/t") and len({e.id for e in firms}) == 3  # a registry firm's id is its code's
    # the same name under two codes: two firms, each where its registry puts it
    places = {e.credit_code: {r.object for r in load.facts.relations if r.subject == e.id} for e in firms}
    assert places[codes[1]] == {"area/350583"} and places[codes[2]] == {"area/350581"}


def test_an_official_list_and_a_review_naming_one_park_two_ways_make_one_node():
    """The park list of d6 (a table) writes 鲤城区高新区科创中心; the seed's review 鲤城高新区科创中心."""
    load = load_sources([PLACES_FACTS, SEED_FACTS, REPO / "examples" / "d6_park_projects.table.yaml"])
    holders = [e for e in load.facts.entities.values() if {"鲤城高新区科创中心", "鲤城区高新区科创中心"} & {e.name, *e.aliases}]
    assert [(e.id, {e.name, *e.aliases} >= {"鲤城高新区科创中心", "鲤城区高新区科创中心"}) for e in holders] == [
        ("park/licheng_innovation_center", True)]
    [merge] = [m for m in load.resolution.merges if m.first == "park/licheng_innovation_center"]
    assert merge.rule == "name_variant" and set(merge.sources) == {"seed_quanzhou_parks_2024q1", "quanzhou_park_projects_2024"}
    # every fact the list states about its row is now on the review's park
    assert any(r.subject == "park/licheng_innovation_center" and r.source_id == "quanzhou_park_projects_2024"
               for r in load.facts.relations)


def test_a_district_several_cities_share_is_placed_by_the_city_before_it():
    a = Entity("org/a", ("GovernmentBody",), "福州市鼓楼区人民政府")
    b = Entity("org/b", ("GovernmentBody",), "南京市鼓楼区人民政府")
    assert resolve_entities([a, b]).ids["org/b"] == "org/b"
    assert variant_key("鼓楼区合成示例局", "organization") == "|鼓楼区合成示例局"  # alone: no code guessed


def test_two_places_in_brackets_and_a_group_beside_its_firm_stay_apart():
    result = resolve_entities([_firm("org/a", "合成示例鞋业(厦门)有限公司"), _firm("org/b", "合成示例鞋业(泉州)有限公司"),
                               _firm("org/c", "合成示例集团有限公司"), _firm("org/d", "合成示例(中国)有限公司")])
    assert [result.ids[i] for i in ("org/b", "org/d")] == ["org/b", "org/d"]
    assert "different places in brackets" in {n.why for n in result.near_misses}


def test_classes_conflict_across_whole_groups_not_only_a_links_ends():
    firm, bare = _firm("org/f", "合成示例有限公司"), _firm("org/b", "合成示例")
    institute = _firm("org/i", "合成示例研究院", "合成示例", cls="ResearchInstitute")
    result = resolve_entities([firm, bare, institute])
    assert result.ids["org/i"] != result.ids["org/f"]  # the bare name joins one of them, never both
    assert result.ids["org/b"] in (result.ids["org/i"], result.ids["org/f"])
    assert any(n.why.startswith("one group is a") for n in result.near_misses)


def test_a_short_name_abbreviates_only_a_firm_and_only_when_it_alone_fits():
    lab = _firm("org/l", "合成示例运动科学实验室", cls="ResearchInstitute")
    assert resolve_entities([lab, _firm("org/s", "合成示")]).ids["org/s"] == "org/s"
    firm = _firm("org/f", "中合成示例化工股份有限公司")
    result = resolve_entities([firm, _firm("org/a", "中合化"), _firm("org/b", "中合工")])
    assert (result.ids["org/a"], result.ids["org/b"]) == ("org/a", "org/b")
