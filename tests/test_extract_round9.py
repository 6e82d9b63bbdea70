"""The rules of session 9's round on articles nobody here had read (issue 11).

Each test is one rule on a made-up sentence (names invented; places from the division table):
a park attracting firms to settle, 落户园区 naming the park again by its kind, 甲园区的X项目,
…园 and …园区 as one park, and the words in front of an industry that name none.
"""

from __future__ import annotations

from chainkg.loaders.extract import extract_text


def _document(text: str):
    return extract_text(text, source="made-up")


def _facts(text: str) -> set[tuple[str, str, str]]:
    document = _document(text)
    names = {e.id: e.name for e in document.entities}
    return {(names[r.subject], r.predicate, names[r.object]) for r in document.relations}


def _chains(text: str) -> set[str]:
    return {e.name for e in _document(text).entities if e.type == "IndustrialChain"}


def test_firms_a_park_drew_in_to_settle_lie_in_it():
    facts = _facts("甲乙化工新材料产业园已吸引丙丁科技、戊己化学等一批龙头企业落户，累计投资超过100亿元。")
    assert {("丙丁科技", "attractedTo", "甲乙化工新材料产业园"), ("丙丁科技", "locatedIn", "甲乙化工新材料产业园"),
            ("戊己化学", "locatedIn", "甲乙化工新材料产业园")} <= facts


def test_firms_a_county_drew_in_to_settle_are_not_placed_by_the_parks_rule():
    document = _document("永春县吸引丙丁科技、戊己化学等一批企业落户。")
    rules = set(document.rules.values())
    assert "attracts" in rules and "attracts_to_settle" not in rules  # a county is wide: the rule is for parks and zones


def test_settling_in_the_park_named_by_its_kind_is_settling_in_the_park_the_sentence_is_about():
    text = "近年来甲乙工业园区发展迅速，今年已有丙丁食品、戊己物流等多个项目正式落户园区。"
    facts = _facts(text)
    assert {("丙丁食品", "locatedIn", "甲乙工业园区"), ("戊己物流", "locatedIn", "甲乙工业园区"),
            ("丙丁食品", "attractedTo", "甲乙工业园区")} <= facts


def test_a_project_of_a_zone_written_with_de_lies_in_the_zone():
    document = _document("签约的项目分别是漳浦县甲乙开发区的丁戊纺织项目、戊己食品加工项目。")
    names = {e.id: e.name for e in document.entities}
    located = {(names[r.subject], names[r.object]): document.rules[r.key] for r in document.relations
               if r.predicate == "locatedIn"}
    assert located[("丁戊纺织项目", "漳浦县甲乙开发区")] == "possessive_site"


def test_a_citys_project_written_with_de_says_nothing_of_where_in_the_city_it_lies():
    document = _document("泉州市的甲乙新材料生产基地项目参加现场视频连线。")
    names = {e.id: e.name for e in document.entities}
    by_rule = {(names[r.subject], names[r.object]): document.rules[r.key] for r in document.relations
               if r.predicate == "locatedIn"}
    assert by_rule.get(("甲乙新材料生产基地项目", "泉州市")) != "possessive_site"


def test_a_park_written_with_and_without_its_final_qu_is_one_park():
    document = _document("晋江市甲乙精密机械产业园区正式揭牌。其中，甲乙精密机械产业园目前已入驻丙丁机械、戊己机械等企业。")
    parks = [e for e in document.entities if e.type == "IndustrialPark"]
    assert [p.name for p in parks] == ["晋江市甲乙精密机械产业园区"] and "甲乙精密机械产业园" in parks[0].aliases
    assert ("丙丁机械", "locatedIn", "晋江市甲乙精密机械产业园区") in _facts(
        "晋江市甲乙精密机械产业园区正式揭牌。其中，甲乙精密机械产业园目前已入驻丙丁机械、戊己机械等企业。")


def test_times_places_numbers_and_verbs_in_front_of_an_industry_are_not_its_name():
    assert "稀土" in _chains("早期长汀稀土产业以开采为主。")
    assert "钢铁" in _chains("福州市将锻造甲乙湾千亿钢铁产业集群。")
    assert "光伏" in _chains("近年来，有关光伏产业的报道增多。")
    chains = _chains("福州市将锻造甲乙湾千亿钢铁产业集群，早期长汀稀土产业以开采为主，有关光伏产业的报道增多。")
    assert not chains & {"早期长汀稀土", "长汀稀土", "湾千亿钢铁", "千亿钢铁", "有关光伏"}


def test_the_park_named_again_by_its_kind_holds_the_firms_that_settle():
    text = ("福建省重点项目“甲乙”丙丁产业园总规划用地2300亩。园区一期已经建成投产，"
            "戊己、庚辛、壬癸等四家重点企业入驻。")
    document = _document(text)
    parks = [e for e in document.entities if e.type == "IndustrialPark"]
    assert len(parks) == 1 and {m.quote for m in parks[0].evidence} >= {"园区"}
    assert {(firm, "locatedIn", parks[0].name) for firm in ("戊己", "庚辛", "壬癸")} <= _facts(text)


def test_the_park_named_by_its_kind_after_two_parks_is_neither():
    text = "甲乙产业园与丙丁工业园已投产。园区二期，戊己、庚辛等企业入驻。"
    facts = _facts(text)
    assert not any(p == "locatedIn" and firm in ("戊己", "庚辛") for firm, p, _ in facts)


def test_the_leader_a_zuowei_phrase_names_leads_its_chains():
    facts = _facts("作为三明钢铁与机械产业的龙头，甲乙集团近年来以智慧工厂建设为抓手。")
    assert {("甲乙集团", "leadsChain", "钢铁"), ("甲乙集团", "leadsChain", "机械")} <= facts


def test_a_verb_the_model_tags_opens_no_item_of_a_list():
    text = "龙岩市已形成应急装备产业集群。截至2024年，集群拥有甲乙重工、丙丁机械、戊己汽车等龙头企业。"
    names = {e.name for e in _document(text).entities}
    assert "甲乙重工" in names and not any(name.startswith("集群") for name in names)
    assert ("甲乙重工", "leadsChain", "应急装备") in _facts(text)


def test_a_list_of_firms_before_chanye_lian_tiao_names_no_chain():
    chains = _chains("甲乙经济发展中心形成了以德海馨、鹏侨、宏润达等重点产业链条为主导的应急装备产业特色园区。")
    assert "应急装备" in chains and not chains & {"德海馨", "鹏侨", "宏润达"}


def test_making_a_chain_the_article_names_is_that_chain():
    text = "龙岩市发展应急装备产业。推进应急装备制造产业高端化。"
    assert ("龙岩市", "hostsChain", "应急装备") in _facts(text)
    assert "智能装备" not in _chains("龙岩市发展应急装备产业，推进应急装备制造产业高端化。")


def _projects(text: str) -> set[str]:
    return {e.name for e in _document(text).entities if e.type == "Project"}


def test_a_firms_capacity_between_its_name_and_the_plant_is_part_of_the_projects_name():
    # (the model must read the firm's words as an organization's: 闽泰铜业 is made up, shaped like a firm's name)
    assert _projects("去年闽泰铜业40万吨铜冶炼项目正式投产。") == {"闽泰铜业40万吨铜冶炼项目"}


def test_quantities_listed_before_a_project_are_products_not_firms():
    document = _document("二期建设年产10万吨精密铜箔、450万平方米挠性覆铜板等新材料上下游配套项目。")
    assert not [e.name for e in document.entities if e.type == "Company"]


def test_words_that_read_as_a_clause_before_xiangmu_name_no_project():
    for text in ("莆田人多地少，怎样让项目落地？", "县里将以此次项目竣工投产为契机。", "该市新建或拟建涉卫浴项目达19个。",
                 "甲乙实业有限公司与永春县人民政府就丙丁碳粉项目签订投资意向。"):
        assert not {p for p in _projects(text) if p != "丙丁碳粉项目"}, text


def test_quanshi_and_gaishi_stand_for_the_city_the_article_is_about():
    for opening in ("全市", "该市"):
        facts = _facts(f"南安市位于福建东南沿海。{opening}已形成石材、水暖卫浴两大产业集群。")
        assert {("南安市", "hostsChain", "石材"), ("南安市", "hostsChain", "卫浴五金")} <= facts, opening


def test_a_park_that_frames_a_sentence_holds_a_firm_its_name_places_in_a_city():
    facts = _facts("在柘荣县甲乙不锈钢产业园区，丙丁建材(宁德)有限公司的员工正在生产车间里忙碌。")
    assert ("丙丁建材(宁德)有限公司", "locatedIn", "柘荣县甲乙不锈钢产业园区") in facts


def test_a_frame_after_a_short_clause_of_time_or_after_weiyu_frames_the_sentence():
    assert ("福建甲乙食品股份有限公司", "locatedIn", "丙丁经济开发区") in _facts(
        "峰会前夕，在丙丁经济开发区，福建甲乙食品股份有限公司常务副总经理忙着接待客人。")
    facts = _facts("7月4日，在位于寿宁县南阳镇的宁德甲乙新材料产业园，宁德丙丁科技有限公司的工厂一派繁忙。")
    assert {("宁德丙丁科技有限公司", "locatedIn", "宁德甲乙新材料产业园"), ("宁德甲乙新材料产业园", "locatedIn", "南阳镇")} <= facts


def test_a_town_named_like_a_city_is_the_town():
    places = {e.name: e.admin_level for e in _document("寿宁县南阳镇的工厂投产。").entities}
    assert places == {"寿宁县": "county", "南阳镇": "township"}


def test_a_chain_label_read_across_two_words_is_no_mention():
    assert "石化" not in _chains("工人在自动化工厂忙碌。")


def test_de_after_a_zone_governs_the_projects_written_after_it_and_a_countys_firm_lies_there():
    facts = _facts("分别是甲乙开发区的丁戊纺织项目、鲁甲智能农机生产项目、庚辛食品项目，总投资4.74亿元。")
    assert {(p, "locatedIn", "甲乙开发区") for p in ("丁戊纺织项目", "鲁甲智能农机生产项目", "庚辛食品项目")} <= facts
    assert ("福建省甲乙机械股份有限公司", "locatedIn", "洛江区") in _facts(
        "泉州市洛江区企业福建省甲乙机械股份有限公司5G工厂成功入选。")


def test_a_later_clause_that_calls_the_sentences_firm_a_leader_makes_it_one():
    facts = _facts("甲乙(福建)食品有限公司是从上海进驻该区的食品企业，总投资3.9亿元，也是全国食品龙头企业之一。")
    assert ("甲乙(福建)食品有限公司", "leadsChain", "食品") in facts
    facts = _facts("长汀甲乙稀土有限公司深耕稀土产业，作为龙头企业带动着产业发展。")
    assert ("长汀甲乙稀土有限公司", "leadsChain", "稀土") in facts


def test_the_industry_before_longtou_qiye_is_the_one_its_firm_leads():
    facts = _facts("新能源龙头企业甲乙集团此次将储能系统集成生产基地落户厦门。")
    assert ("甲乙集团", "leadsChain", "新能源") in facts
    assert not _chains("引进甲乙、丙丁等龙头企业。")


def test_yi_x_wei_shou_makes_x_a_leader_and_weishouyao_does_not():
    assert ("甲乙科技有限公司", "leadsChain", "电子信息") in _facts("它们以甲乙科技有限公司为首形成了一条电子信息产业链。")
    assert not any(p == "leadsChain" for _, p, _ in _facts("甲乙科技有限公司以项目建设为首要任务，发展电子信息产业。"))


def _modalities(text: str) -> dict[tuple[str, str, str], str]:
    document = _document(text)
    names = {e.id: e.name for e in document.entities}
    return {(names[r.subject], r.predicate, names[r.object]): r.modality for r in document.relations}


def test_every_clause_of_a_numbered_measure_is_an_intention():
    found = _modalities("一是以甲乙科技有限公司为龙头，引进丙丁电子有限公司等项目，形成完备产业链，打造百亿电子信息产业集群。")
    assert found[("甲乙科技有限公司", "leadsChain", "电子信息")] == "intended"
    found = _modalities("甲乙科技有限公司为龙头，形成完备产业链，打造百亿电子信息产业集群。")
    assert found.get(("甲乙科技有限公司", "leadsChain", "电子信息")) != "intended"  # the same words, no measure


def test_jiang_of_the_future_governs_the_clauses_after_it_jiang_of_disposal_does_not():
    found = _modalities("项目建成后将填补我省空白，为三明市培育新材料产业集群。")
    assert found[("三明市", "hostsChain", "新材料")] == "intended"
    found = _modalities("三明市就将建设园区纳入规划，先后打造甲乙新材料产业园。")
    assert found.get(("甲乙新材料产业园", "hostsChain", "新材料")) == "stated"



def test_parks_named_by_their_trade_and_industrial_concentration_areas_are_parks():
    for name in ("甲乙科技园", "丙丁轻纺园", "戊己网商园", "庚辛化工园区", "壬癸工业集中区", "甲丙电商谷"):
        entities = {e.name: e.type for e in _document(f"晋江市{name}已入驻企业20家。").entities}
        assert entities.get(f"晋江市{name}") == "IndustrialPark", name
    assert not any(e.type == "IndustrialPark" for e in _document("该园区获评中国化工园区20强。").entities)


def test_firms_that_sign_to_settle_in_a_sentence_naming_no_place_settle_in_the_park_just_named():
    facts = _facts("福州软件园仓山分园揭牌。揭牌现场，福建甲乙科技有限公司、福建丙丁科技有限公司等企业签约入驻。")
    assert {("福建甲乙科技有限公司", "locatedIn", "福州软件园仓山分园"),
            ("福建丙丁科技有限公司", "attractedTo", "福州软件园仓山分园")} <= facts
    # a sentence that names a place of its own is not about the park before it
    facts = _facts("福州软件园仓山分园揭牌。在仓山区，福建甲乙科技有限公司、福建丙丁科技有限公司等企业签约入驻。")
    assert ("福建甲乙科技有限公司", "locatedIn", "福州软件园仓山分园") not in facts


def test_a_county_that_seizes_an_industrys_move_stays_local():
    facts = _facts("永春县抓住沿海产业转移的时机，当年即引进甲乙、丙丁等知名企业。")
    assert {("甲乙", "attractedTo", "永春县"), ("丙丁", "attractedTo", "永春县")} <= facts
    assert not any(p == "attractedTo" and o == "台湾省" for _, p, o in _facts("泉港区承接台湾石化产业转移，引进甲乙化学有限公司。"))


def test_a_firm_that_is_called_a_parks_or_an_industrys_leader_after_its_name():
    assert ("丙丁钢铁公司", "locatedIn", "甲乙湾钢铁产业基地") in _facts(
        "福建三钢集团旗下的丙丁钢铁公司，是甲乙湾钢铁产业基地的另一个龙头，同样在大步快跑。")
    assert ("甲乙钢铁公司", "leadsChain", "钢铁") in _facts("甲乙钢铁公司是三明钢铁产业的龙头企业。")


def test_a_firms_short_name_in_a_list_of_projects_stays_a_firm():
    entities = {e.name: e.type for e in _document("现已投产的项目有闽泰实业、鑫达镍业、东晟科技，生产规模跻身国内第二位。").entities}
    assert {entities.get(n) for n in ("闽泰实业", "鑫达镍业", "东晟科技")} == {"Company"}
    entities = {e.name: e.type for e in _document("其中，超10亿元的项目有甲乙建筑产业园、丙丁科技城等。").entities}
    assert entities.get("甲乙建筑产业园") == "Project"


def test_words_ending_on_a_number_or_an_adjective_name_no_industry():
    assert not _chains("形成以软件产业为主、多学科多行业集聚的创新平台。") & {"多学科多", "学科多"}


def test_firms_that_settle_after_a_heading_are_not_placed_in_the_headings_park():
    facts = _facts("甲乙芯谷：一区三园龙头引领\n丙丁光电、戊己光电等多家龙头企业入驻。")
    assert not any(p == "locatedIn" for _, p, _ in facts)


def test_firms_a_town_drew_in_to_settle_lie_in_the_town():
    facts = _facts("张坂镇构建了四通八达的路网，吸引了甲乙物流、丙丁物流等物流行业巨头进驻。")
    assert {("甲乙物流", "locatedIn", "张坂镇"), ("丙丁物流", "attractedTo", "张坂镇")} <= facts


def test_a_kind_of_firm_written_before_a_name_is_not_part_of_it():
    assert "广州甲乙股份有限公司" in {e.name for e in _document("内资食品名企广州甲乙股份有限公司在同安投资。").entities}


def test_industries_listed_as_the_backbone_of_an_industrial_system_are_chains_the_place_hosts():
    facts = _facts("记者了解到，闽清县形成以陶瓷、工艺品、食品、箱包等为骨干的多元工业体系。")
    assert {("闽清县", "hostsChain", c) for c in ("陶瓷", "工艺品", "食品", "箱包")} <= facts


def test_the_trade_word_after_an_industrys_goods_is_not_part_of_its_name():
    chains = _chains("园区将建成集新型建材业、机械加工业和箱包、钟表制造业等产业于一体的工业园区。")
    assert {"新型建材", "机械", "箱包", "钟表"} <= chains and not chains & {"新型建材业", "机械加工业", "钟表制造业"}
    assert {"茶业", "香业"} <= _chains("永春县发展茶业、香业等产业。")
