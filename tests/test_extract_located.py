"""Where a name says its bearer lies (``loaders/extract_located.py``): made-up sentences, places
from the division table, and the corpus read as a whole by the gold set."""

from __future__ import annotations

from decimal import Decimal

from _extraction import facts, relation

from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_confidence import confidence
from chainkg.loaders.extract_located import opening_run, short_forms_named_in_full
from chainkg.loaders.gazetteer import place_gazetteer


def test_a_government_body_or_association_named_after_its_county_lies_there():
    found = facts(extract_text("泰宁县商务局、宁化县食品行业协会签订合作协议。"))
    assert ("泰宁县商务局", "locatedIn", "泰宁县") in found
    assert ("宁化县食品行业协会", "locatedIn", "宁化县") in found


def test_a_zones_committee_is_not_placed_by_its_name():
    found = facts(extract_text("泰宁县甲乙开发区管委会召开会议。"))
    assert not [f for f in found if f[0].endswith("管委会") and f[1] == "locatedIn"]


def test_a_county_named_in_full_is_meant_by_its_short_form_too():
    document = extract_text("建宁县加快发展食品产业。建宁甲乙食品有限公司新厂投产。")
    assert ("建宁甲乙食品有限公司", "locatedIn", "建宁县") in facts(document)


def test_a_short_form_alone_is_no_place():
    """Without 建宁县 in the text, 建宁 is not read as the county (nationwide, short forms collide)."""
    document = extract_text("建宁甲乙食品有限公司新厂投产。")
    assert not [f for f in facts(document) if f[1] == "locatedIn" and f[2] == "建宁县"]


def test_a_county_by_its_short_form_after_its_prefecture_is_the_nearer_place():
    document = extract_text("三明尤溪甲乙纺织产业园开园。")
    assert ("三明尤溪甲乙纺织产业园", "locatedIn", "尤溪县") in facts(document)
    assert [e.name for e, _ in opening_run("三明尤溪甲乙纺织产业园", place_gazetteer())] == ["三明市", "尤溪县"]


def test_a_short_form_under_another_prefecture_is_not_taken():
    assert [e.name for e, _ in opening_run("福州尤溪甲乙纺织产业园", place_gazetteer())] == ["福州市"]


def test_a_zone_named_after_its_county_lies_in_it():
    found = facts(extract_text("明溪县加快园区建设。明溪经济开发区引进甲乙科技有限公司。"))
    assert ("明溪经济开发区", "locatedIn", "明溪县") in found


def test_a_prefecture_after_the_province_in_a_firms_name_is_where_it_lies():
    document = extract_text("福建省南平甲乙茶业有限公司新厂投产。")
    found = relation(document, "福建省南平甲乙茶业有限公司", "locatedIn", "南平市")
    assert document.rules[found.key] == "name_opens_with_place"
    assert found.confidence == Decimal(str(confidence("name_opens_with_place", 0.9)))


def test_short_forms_are_found_only_outside_the_places_already_found():
    county = place_gazetteer()["将乐县"]
    text = "将乐县引进项目，将乐甲乙公司"
    assert [(a, b) for a, b, _ in short_forms_named_in_full(text, [(0, 3, county)])] == [(8, 10)]


def test_the_projects_a_place_lists_lie_in_it():
    document = extract_text("三明市积极推进重点项目建设，甲乙化纤、丙丁材料等项目平稳建设。")
    assert {e.name for e in document.entities if e.type == "Project"} == {"甲乙化纤", "丙丁材料"}
    assert document.rules[relation(document, "甲乙化纤", "locatedIn", "三明市").key] == "opening_place_lists"
    assert ("丙丁材料", "locatedIn", "三明市") in facts(document)


def test_a_list_after_another_place_is_not_the_subjects():
    found = facts(extract_text("三明市积极推进重点项目建设，宁化县甲乙化纤、丙丁材料等项目平稳建设。"))
    assert ("丙丁材料", "locatedIn", "三明市") not in found


def test_tenants_listed_as_projects_are_firms():
    document = extract_text("基地吸引了甲乙半导体、丙丁微电子等9个首批入驻项目。")
    assert {e.name for e in document.entities if e.type == "Project"} == set()
    assert {"甲乙半导体", "丙丁微电子"} <= {e.name for e in document.entities if e.type == "Company"}


def test_two_places_before_a_bureau_name_no_one_body():
    document = extract_text("福州南平两地商务局领导参加活动。")
    assert not [e for e in document.entities if e.type == "GovernmentBody"]


def test_a_province_in_brackets_is_no_site():
    found = facts(extract_text("甲乙(福建)铸锻有限公司新厂投产。"))
    assert not [f for f in found if f[1] == "locatedIn"]


def test_two_names_joined_by_ji_are_two():
    document = extract_text("甲乙招商活动暨丙丁食品协会对接会举行。")
    assert not [e for e in document.entities if "暨" in e.name]


def test_projects_that_arrive_are_named_by_their_firms():
    document = extract_text("宁化县聚焦产业链短板，推动甲乙化学、丙丁等项目落地。")
    assert not [e for e in document.entities if e.type == "Project"]
    assert "甲乙化学" in {e.name for e in document.entities if e.type == "Company"}


def test_a_sentence_that_opens_in_a_place_frames_its_parks_and_projects():
    found = facts(extract_text("在宁化县，甲乙科技项目将崛起于丙丁工业园区，专注电子元器件制造。"))
    assert ("甲乙科技项目", "locatedIn", "丙丁工业园区") in found  # 崛起于: where it settles
    assert ("丙丁工业园区", "locatedIn", "宁化县") in found  # the frame
    assert ("甲乙科技项目", "locatedIn", "宁化县") not in found  # placed nearer already


def test_a_project_that_opens_a_clause_before_what_it_does_is_named():
    document = extract_text("今年以来，甲乙科技项目总投资5亿元，该项目将建设厂房。")
    assert {e.name for e in document.entities if e.type == "Project"} == {"甲乙科技项目"}


def test_an_investor_in_a_place_is_not_there_what_it_invests_in_is():
    document = extract_text("全球巨头甲乙科技有限公司在宁化县投资的丙丁科技有限公司发布新品。")
    found = facts(document)
    assert ("丙丁科技有限公司", "locatedIn", "宁化县") in found
    assert ("甲乙科技有限公司", "locatedIn", "宁化县") not in found


def test_a_firm_that_will_invest_in_a_park_lies_there():
    found = facts(extract_text("甲乙科技有限公司将在宁化县丙丁工业园区投资建设新厂。"))
    assert ("甲乙科技有限公司", "locatedIn", "宁化县丙丁工业园区") in found
