"""The rules of session 10's round on articles nobody here had read (issue 11).

Each test is one rule on a made-up sentence (names invented; places from the division table):
a city's bureau named with its city, ranks that are no zones, a zone's …园, the level of 我县,
a bare 开发区 that names no zone, and words before 产业 that name no industry.
"""

from __future__ import annotations

from chainkg.loaders.extract import extract_text


def _document(text: str):
    return extract_text(text, source="made-up")


def _entities(text: str) -> set[tuple[str, str]]:
    return {(e.type, e.name) for e in _document(text).entities}


def _facts(text: str) -> set[tuple[str, str, str]]:
    document = _document(text)
    names = {e.id: e.name for e in document.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in document.relations}


def test_a_bureau_named_with_its_city_is_a_government_body():
    found = _entities("本届博览会由宁化县人民政府主办，宁化县科学技术局、宁化县无线电管理局承办。")
    assert {("GovernmentBody", "宁化县科学技术局"), ("GovernmentBody", "宁化县无线电管理局")} <= found


def test_the_party_committee_and_government_of_a_county_are_no_named_body():
    assert not any(kind == "Company" for kind, _ in _entities("县委县政府高度重视，专门成立工作专班。"))


def test_a_rank_or_a_class_of_zones_is_no_zone():
    found = _entities("去年全国省级开发区百强排名中列第九名，成为全省第四家国家级高新区。")
    assert not any(kind == "DevelopmentZone" for kind, _ in found)


def test_a_zones_park_may_end_in_a_bare_yuan_and_a_verb_of_arrival_is_not_the_zones_name():
    text = "从市区出发，20分钟车程即到达闽泰经济开发区德海园。"
    assert ("德海园", "locatedIn", "闽泰经济开发区") in _facts(text)
    assert not any(name.startswith("达") for _, name in _entities(text))


def test_a_park_in_a_zone_is_not_read_from_a_public_garden():
    assert not any(kind == "IndustrialPark" for kind, _ in _entities("闽泰高新区中心公园正式开放。"))


def test_the_level_of_our_county_is_not_the_parks_first_character():
    found = _entities("我县闽泰石化工业园区A地块建设顺利推进。")
    assert ("IndustrialPark", "闽泰石化工业园区") in found and ("IndustrialPark", "县闽泰石化工业园区") not in found


def test_a_bare_kaifaqu_names_no_zone_of_the_reference_table():
    """开发区 alone is a kind of place: in a Fuzhou article it is not Quanzhou's development zone."""
    assert not any(kind == "DevelopmentZone" for kind, _ in _entities("福州市长乐区召开会议，开发区企业代表参加。"))


def test_words_of_a_manner_or_an_advantage_before_chanye_name_no_industry():
    chains = {name for kind, name in _entities("以科技创新驱动产业跃迁，依托交通区位优势和电机电器等产业优势。")
              if kind == "IndustrialChain"}
    assert chains == {"电机电器"}


def test_a_zone_lies_in_the_finest_place_written_after_weiyu():
    assert ("闽泰高新技术产业开发区", "locatedIn", "涵江区") in _facts("闽泰高新技术产业开发区位于莆田市涵江区，规划面积11平方公里。")


def test_a_zones_gaoxinqu_is_the_zone_the_article_names_in_full():
    document = _document("闽泰高新技术产业开发区位于莆田市涵江区。闽泰高新区发展电子信息产业。")
    zones = [e for e in document.entities if e.type == "DevelopmentZone"]
    assert [(z.name, z.aliases) for z in zones] == [("闽泰高新技术产业开发区", ("闽泰高新区",))]


def test_a_sentence_without_a_subject_grows_its_chains_in_the_subject_before():
    facts = _facts("闽泰高新区聚集企业396家，其中规模以上工业企业156家。基本形成电子信息、食品加工两大主导产业。")
    assert {("闽泰高新区", "hostsChain", "电子信息"), ("闽泰高新区", "hostsChain", "食品")} <= facts


def test_a_fujian_countys_short_form_is_a_place_where_the_model_reads_one():
    found = _entities("产业链项目已延伸至古田、屏南、福鼎等周边区域。厦门海沧正成为台资企业的集中区。")
    assert {("AdministrativeArea", n) for n in ("古田县", "屏南县", "福鼎市", "海沧区")} <= found


def test_a_county_short_form_that_is_an_ordinary_word_stays_a_word():
    assert not any(kind == "AdministrativeArea" for kind, _ in _entities("这款茶性格平和，表面光泽明亮。"))


def test_the_items_of_a_list_of_signed_projects_are_projects_whatever_they_end_in():
    found = _entities("此次签约的项目包括德海智能制造城、《闽泰》演艺项目、未来鞋面材料科技产业园等，涵盖高端装备、文旅等多个领域。")
    assert {("Project", "德海智能制造城"), ("Project", "《闽泰》演艺项目"), ("Project", "未来鞋面材料科技产业园")} <= found


def test_the_parts_one_project_includes_are_no_projects():
    assert not any(kind == "Project" and name in ("研发中心大楼", "生产车间厂房")
                   for kind, name in _entities("该项目包括研发中心大楼、生产车间厂房等，总投资5亿元。"))


def test_a_sentence_that_says_its_list_spans_several_fields_puts_no_member_in_its_one_chain():
    facts = _facts("此次签约的项目包括德海智能制造城、闽泰转运项目等，涵盖数字经济、鞋服食品、文旅等多个领域。")
    assert not any(p == "operatesIn" for _, p, _ in facts)
