"""One rule of the article loader at a time: what it yields on the corpus article that uses the
language it reads, and that a made-up sentence of a look-alike shape yields nothing.

The made-up sentences name no real firm, park or place of the corpus articles beyond the
gazetteer's counties.
"""

import re
from decimal import Decimal

import pytest
from _extraction import corpus_document, facts, relation

from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_confidence import confidence
from chainkg.loaders.extract_places import neighbour_places
from chainkg.loaders.text import normalize_article

from _paths import CORPUS


def calibrated(document, relation_, rule: str, prior: str) -> bool:
    """Whether ``relation_`` was found by ``rule`` and carries that rule's calibrated confidence
    (its precision on the gold set drawn toward the author's ``prior``: ``extract_confidence``)."""
    return document.rules[relation_.key] == rule and relation_.confidence == Decimal(str(confidence(rule, float(prior))))


def names(document, *types: str) -> set[str]:
    return {e.name for e in document.entities if e.type in types}


# -- box-drawing tables ------------------------------------------------------------------------

def test_box_drawing_characters_are_never_part_of_a_name():
    document = corpus_document("d27")
    boxed = [m.quote for e in document.entities for m in e.evidence if any("\u2500" <= ch <= "\u257f" for ch in m.quote)]
    assert not boxed
    assert {"福建纺织化纤集团", "省轻纺集团总公司", "福建农林大学"} <= names(document, "Company", "ResearchInstitute")


def test_a_tables_enumerated_heading_names_the_owner_of_the_projects_below_it():
    document = corpus_document("d27")
    found = facts(document)
    assert ("南纸林纸一体化项目", "developedBy", "省轻纺集团总公司") in found
    assert ("福建纺织化纤集团PVA扩建项目", "developedBy", "省轻纺集团总公司") in found
    assert ("香港晶圆项目一期", "developedBy", "省电子信息集团") in found
    assert ("福建农林大学下安新区项目", "developedBy", "省教育厅") in found
    # the heading of the next group ends the one before: no project has two heading owners
    assert ("福建农林大学下安新区项目", "developedBy", "省电子信息集团") not in found
    assert calibrated(document, relation(document, "南纸林纸一体化项目", "developedBy", "省轻纺集团总公司"), "table_owner", "0.7")
    assert next(e for e in document.entities if e.name == "省教育厅").type == "GovernmentBody"


def test_a_column_headed_by_a_kind_of_project_holds_projects():
    document = corpus_document("d27")
    projects = names(document, "Project")
    # 在建项目 / 预备项目 head the columns; the cells below are projects even without 项目 at the end
    assert {"厦船二期船台及配套工程", "厦船三期船坞工程", "福州地区大学新校区二期"} <= projects
    assert not {"在建项目", "预备项目"} & projects
    assert ("福州地区大学新校区二期", "developedBy", "省教育厅") in facts(document)
    assert "福州地区大学" not in names(document, "ResearchInstitute", "Company")  # the area's universities, no body


def test_a_table_without_an_owner_heading_gives_projects_but_no_owner():
    table = ("┌──┬────────┐\n│ │ 在建项目 │\n├──┼────────┤\n│ 1 │ 城东污水处理厂扩建工程 │\n"
             "├──┼────────┤\n│ │ (二)交通运输 │\n├──┼────────┤\n│ 1 │ 城西快速路改造工程 │\n└──┴────────┘")
    document = extract_text(table)
    assert names(document, "Project") == {"城东污水处理厂扩建工程", "城西快速路改造工程"}
    assert not [r for r in document.relations if r.predicate == "developedBy"]


# -- projects named after their firm or their place --------------------------------------------

def test_a_project_named_after_its_firm_is_developed_by_it_and_not_placed_by_the_firms_place():
    document = corpus_document("d27")
    found = facts(document)
    assert ("福建纺织化纤集团PVA扩建项目", "developedBy", "福建纺织化纤集团") in found
    assert ("福建农林大学下安新区项目", "developedBy", "福建农林大学") in found
    assert not [f for f in found if f[0] in ("福建纺织化纤集团PVA扩建项目", "福建农林大学下安新区项目") and f[1] == "locatedIn"]


def test_hong_kong_before_a_projects_name_is_no_location():
    assert not [f for f in facts(corpus_document("d27")) if f[0] == "香港晶圆项目一期" and f[1] == "locatedIn"]


def test_a_project_whose_name_opens_with_a_place_lies_there():
    assert ("石狮中石光芯片项目", "locatedIn", "石狮市") in facts(corpus_document("d13"))
    assert ("福建炼油乙烯一体化项目", "locatedIn", "福建省") in facts(corpus_document("d7"))


def test_kinds_and_counts_of_projects_after_a_place_are_no_project_names():
    document = extract_text("泉州市积极推进重点项目建设，晋江市三大项目顺利开工，石狮市文旅产业项目加快落地。")
    assert not names(document, "Project")


# -- 由…投资 / 投资建设 ---------------------------------------------------------------------------

def test_each_organization_of_an_investor_list_develops_the_sentences_project():
    document = corpus_document("d7")
    found = facts(document)
    assert ("福建炼油乙烯一体化项目", "developedBy", "中石化") in found
    assert ("福建炼油乙烯一体化项目", "developedBy", "沙特阿美") in found
    assert not [f for f in found if f[1] == "developedBy" and f[2] == "福建省"]  # a province is no company
    assert {"中石化", "沙特阿美"} <= names(document, "Company")
    assert not [e.name for e in document.entities if "?" in e.name]  # the name mojibake ate is not guessed


def test_the_project_gaixiangmu_points_back_to_is_developed_by_the_investor():
    document = corpus_document("d13")
    assert ("立邦新型材料泉州生产基地项目", "developedBy", "立邦公司") in facts(document)
    assert calibrated(document, relation(document, "立邦新型材料泉州生产基地项目", "developedBy", "立邦公司"), "invested_by", "0.7")


def test_the_head_of_a_parent_and_subsidiary_investor_develops_the_project():
    document = corpus_document("d21")
    assert ("鞋服智造园中科玮创项目", "developedBy", "福建省中科玮创实业有限公司") in facts(document)


def test_a_firm_that_invests_in_building_a_project_develops_it():
    document = extract_text("泉州宏远科技有限公司投资建设的晋江宏远新材料项目今日开工。")
    assert ("晋江宏远新材料项目", "developedBy", "泉州宏远科技有限公司") in facts(document)


@pytest.mark.parametrize("sentence", [
    "由于外商投资增加，晋江宏远新材料项目进展顺利。",  # 由于 is "because"
    "晋江宏远新材料项目由本地客商投资兴建。",  # a kind of investor, not a body
    "该厂房由张三、李四共同投资。",  # two names and no body among them: maybe people
    "由宏远集团牵头组织多家企业投资，晋江宏远新材料项目落地。",  # a verb in the list says more than who invests
])
def test_investor_look_alikes_give_no_developer(sentence):
    document = extract_text(sentence)
    # (宏远新材料项目 named after 宏远集团 is the group's by its name — project_opens_with_firm — not by 投资)
    assert not [r for r in document.relations if r.predicate == "developedBy"
                and document.rules.get(r.key) != "project_opens_with_firm"]
    assert not names(document, "Company") - {"宏远集团"}


# -- 位于 and the parks of a zone ----------------------------------------------------------------

def test_what_follows_weiyu_and_its_places_lies_in_the_last_of_them():
    found = facts(corpus_document("d13"))
    assert ("立邦新型材料泉州生产基地项目", "locatedIn", "官桥园区") in found
    assert ("官桥园区", "locatedIn", "泉州经济技术开发区") in found
    assert ("鞋服智造园中科玮创项目", "locatedIn", "仙游经济开发区") in facts(corpus_document("d21"))


def test_a_name_that_goes_on_after_weiyu_is_not_placed():
    document = extract_text("记者走进位于晋江市的宏远科技有限公司研发中心，只见一片繁忙。")
    assert not [r for r in document.relations if r.predicate == "locatedIn" and document.entity(r.subject).type == "Company"]


def test_a_named_part_of_a_development_zone_is_a_park_of_it():
    assert ("英林园区", "locatedIn", "晋江经济开发区") in facts(corpus_document("d3"))
    document = extract_text("晋江经济开发区各园区加快建设，泉州开发区的园区也在扩容。")
    assert not names(document, "IndustrialPark")


# -- 等行业龙头企业 -------------------------------------------------------------------------------

def test_industry_leaders_of_a_sentence_without_a_chain_lead_the_paragraphs_one_chain():
    document = corpus_document("d10")
    found = facts(document)
    # 安踏 is the short form of 安踏体育用品有限公司, named in full in the same article: one firm
    assert "安踏" in next(e for e in document.entities if e.name == "安踏体育用品有限公司").aliases
    for firm in ("安踏体育用品有限公司", "特步", "三六一度"):
        assert (firm, "leadsChain", "鞋服") in found
        lead = relation(document, firm, "leadsChain", "鞋服")
        assert calibrated(document, lead, "leader_paragraph_chain", "0.5") and lead.leadership_kind == "leading_enterprise"


def test_leaders_in_a_paragraph_of_two_chains_lead_none_but_are_still_firms():
    document = extract_text("多年来涌现出宏远、华泰等行业龙头企业。本地食品产业和鞋服产业发展迅速。")
    assert not [r for r in document.relations if r.predicate == "leadsChain"]
    assert {"宏远", "华泰"} <= names(document, "Company")


# -- vocabulary: zones, associations ----------------------------------------------------------

def test_an_investment_zone_lies_in_its_county_and_an_industry_guild_is_an_association():
    document = corpus_document("d7")
    found = facts(document)
    assert ("泉港台湾石化投资专区", "locatedIn", "泉港区") in found
    assert ("泉港台湾石化投资专区", "hostsChain", "石化") in found
    assert next(e for e in document.entities if e.name == "台湾石化工业同业公会").type == "Association"



# -- modality: a fact or an intention -----------------------------------------------------------

def test_a_policy_of_support_is_an_intention_not_a_presence():
    """d2: the county 'will keep supporting and encouraging' semiconductor design, fab, test…"""
    document = corpus_document("d2")
    assert relation(document, "南安市", "hostsChain", "半导体").modality == "intended"
    assert relation(document, "泉州芯谷", "hostsChain", "半导体").modality == "stated"


def test_a_zone_in_planning_is_intended():
    document = corpus_document("d7")
    assert relation(document, "泉港台湾石化投资专区", "hostsChain", "石化").modality == "intended"


def test_every_relation_of_the_seed_it_states_as_done_is_stated():
    [path] = CORPUS.glob("seed_*.txt")
    document = extract_text(path.read_text(encoding="utf-8"), source=path.stem)
    assert {r.modality for r in document.relations} == {"stated"}
    assert relation(document, "中国机械总院海西分院", "leadsChain", "工业母机").modality == "stated"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("晋江市已引进甲乙科技有限公司。", "stated"),
    ("甲乙科技有限公司在晋江市落地。", "stated"),
    ("晋江市拟引进甲乙科技有限公司。", "intended"),
    ("晋江市力争引进甲乙科技有限公司。", "intended"),
    ("晋江市已引进甲乙科技有限公司，将建设二期。", "stated"),  # the plan is another clause
    ("将乐县引进甲乙科技有限公司。", "stated"),   # 将乐 is a county, not 'will'
])
def test_modality_reads_the_clause_of_the_relation(sentence, expected):
    document = extract_text(sentence)
    assert document.relations and {r.modality for r in document.relations} == {expected}


# -- places: where the facts are, and what is only named beside them ----------------------------

def test_a_neighbour_is_a_place_but_gets_no_fact():
    """d1: 南安园区…紧邻厦门国际机场和厦门市翔安区 — 翔安区 is named, and is no place of the park's."""
    document = corpus_document("d1")
    assert "翔安区" in names(document, "AdministrativeArea")
    assert not [r for r in document.relations if "翔安区" in (document.entity(r.subject).name, document.entity(r.object).name)]


def test_a_place_outside_the_articles_region_is_no_host_by_opening_a_list_of_places():
    """d1 is about 泉州: 厦门、泉州、莆田等福建沿海地区获批…集成电路产业合作试验区 compares, and
    厦门 gets no chain; d20 is about 厦门, and 厦门的集成电路产业 is its own."""
    assert ("厦门市", "hostsChain", "半导体") not in facts(corpus_document("d1"))
    assert ("泉州市", "hostsChain", "半导体") in facts(corpus_document("d1"))
    assert ("厦门市", "hostsChain", "半导体") in facts(corpus_document("d20"))


def test_where_investors_come_from_is_no_place_of_their_projects():
    """d11: 厦门客商投资…, 泉州客商投资… — the traders' home towns; the projects lie elsewhere."""
    [path] = CORPUS.glob("d11_*.txt")
    text = normalize_article(path.read_text(encoding="utf-8")).text
    traders = [(m.start(), m.end()) for m in re.finditer("厦门|龙岩|宁德", text)]
    assert len(traders) == 4 and neighbour_places(text, traders) == traders
    document = corpus_document("d11")
    assert not [r for r in document.relations if document.entity(r.object).name in ("厦门市", "龙岩市", "宁德市")]


@pytest.mark.parametrize("sentence", [
    "同安区客商投资建设的丙丁项目落户安溪县。",   # the traders' home, not the project's place
    "与同安区接壤的南安市大力发展石材产业。",
    "南安园区紧邻同安区，距离思明区约30公里。",
    "来自同安区的客商在安溪县投资建设丙丁项目。",
])
def test_a_made_up_neighbour_or_origin_gets_no_fact(sentence):
    document = extract_text(sentence)
    assert not [r for r in document.relations
                if {document.entity(r.subject).name, document.entity(r.object).name} & {"同安区", "思明区"}]


def test_a_made_up_subject_that_names_its_neighbour_keeps_its_own_fact():
    document = extract_text("同安区毗邻南安市，大力发展石材产业。")
    assert facts(document) == {("同安区", "hostsChain", "石材")}


def test_a_name_opening_with_several_places_lies_in_the_nearest():
    """d23: 龙岩市新罗区龙州工业园区 lies in 新罗区 (not the city): the last place of its opening."""
    document = corpus_document("d23")
    assert ("龙岩市新罗区龙州工业园区", "locatedIn", "新罗区") in facts(document)
    assert ("龙岩市新罗区龙州工业园区", "locatedIn", "龙岩市") not in facts(document)
    park = next(e for e in document.entities if e.name == "龙岩市新罗区龙州工业园区")
    assert "龙州工业园区" in park.aliases  # every opening place stripped for the short name


def test_a_province_in_a_firms_name_is_where_it_registered_and_no_site():
    """d26: 福建省三明厨神食品有限公司 — 福建省 says the firm's registration: no locatedIn, and no
    place of the article (福建省 stands only inside names there); the place after it is the site."""
    document = corpus_document("d26")
    found = facts(document)
    assert ("福建省三明厨神食品有限公司", "locatedIn", "三明市") in found
    assert not [f for f in found if f[1] == "locatedIn" and f[2] == "福建省"]
    assert "福建省" not in names(document, "AdministrativeArea")
    county = relation(document, "泉州中泉星品供应链有限公司", "locatedIn", "泉州市")
    assert calibrated(document, county, "name_opens_with_place", "0.9")


def test_a_province_that_also_stands_alone_stays_a_place():
    document = extract_text("福建甲乙实业有限公司扩产。福建省支持食品产业发展。")
    assert "福建省" in names(document, "AdministrativeArea")
    assert not [f for f in facts(document) if f[1] == "locatedIn"]


def test_a_latin_chain_label_inside_a_latin_name_is_no_chain():
    assert "半导体" not in names(extract_text("甲乙化工巨头ABICO公司签约。"), "IndustrialChain")
    assert "半导体" in names(extract_text("甲市发展IC设计产业。"), "IndustrialChain")


def test_a_wider_trade_in_a_firms_name_is_no_chain_mention():
    document = extract_text("甲乙化工有限公司签约，甲市引进丙丁纺织项目。")
    assert {"甲乙化工有限公司", "丙丁纺织项目"} <= names(document, "Company", "Project")
    assert not names(document, "IndustrialChain")


def test_a_sentence_opening_on_its_time_has_its_subject_after_it():
    """Made up: 当前， opens the sentence; the county after it is the subject that grows the chain."""
    assert ("永春县", "hostsChain", "香业") in facts(extract_text("当前，永春县着力打造香业产业链。"))

# -- rules over the lexical model's words (loaders/extract_names.py, extract_triggers.py) -------

def test_a_gazetteer_place_counts_only_on_the_models_word_boundaries():
    assert "和县" not in names(extract_text("推动县域经济和县域产业发展。"), "AdministrativeArea")
    # 连江县域: the words are 连江 | 县域, so no mention of the county takes the 县 of 县域
    document = corpus_document("d14")
    county = next(e for e in document.entities if e.name == "连江县")
    original = (CORPUS / "d14_lianjiang_signing_gov.txt").read_text(encoding="utf-8")
    assert len(county.evidence) >= 3
    assert not [m for m in county.evidence if m.quote.endswith("县") and original[m.end:m.end + 1] == "域"]


def test_a_name_found_by_its_ending_starts_after_the_verb_before_it():
    organizations = names(corpus_document("d20"), "Association", "Company")
    assert "厦门市集成电路协会" in organizations  # 高新区携手厦门市集成电路协会
    assert not [n for n in organizations if "携手" in n or "最大" in n]
    companies = names(corpus_document("d23"), "Company")
    assert "龙工集团" in companies and not [n for n in companies if n.startswith(("投产", "使"))]


def test_a_registered_place_in_brackets_belongs_to_the_name_and_says_where_it_lies():
    document = corpus_document("d11")
    found = facts(document)
    assert ("华电(福州)福新能源股份有限公司", "locatedIn", "福州市") in found
    assert ("华电(宁化)新能源项目", "locatedIn", "宁化县") in found
    assert ("福建(尤溪)隆源纺织项目", "locatedIn", "尤溪县") in found
    assert not [f for f in found if f[0] == "福建(尤溪)隆源纺织项目" and f[2] == "福建省"]  # the opening 福建 is the name's
    assert "福新能源股份有限公司" not in names(document, "Company")


def test_a_bracket_that_holds_no_place_is_no_registered_place():
    from chainkg.loaders.extract_names import bracketed_place_names
    from chainkg.loaders.gazetteer import place_gazetteer

    assert bracketed_place_names("甲乙(二期)科技有限公司开工。", place_gazetteer()) == []


def test_organizations_the_model_tags_are_firms_where_the_rules_found_none():
    companies = names(corpus_document("d20"), "Company")
    assert {"联发科技", "星宸科技"} <= companies


def test_bare_government_organs_are_no_organizations():
    assert not extract_text("市政府和区委召开会议，市林业局参加。").entities


def test_a_short_form_and_the_full_name_are_one_firm():
    document = corpus_document("d28")
    [firm] = [e for e in document.entities if e.type == "Company"]
    assert firm.name == "永春达盛香业股份有限公司" and "达盛香业" in firm.aliases


def test_every_item_of_an_enumeration_takes_the_lists_type():
    assert {"海斯福公司", "三农公司", "东莹化工", "高宝矿业"} <= names(corpus_document("d22"), "Company")
    assert {"紫光展锐", "优迅", "元顺微"} <= names(corpus_document("d20"), "Company")


def test_a_list_of_kinds_of_product_names_no_firms():
    companies = names(corpus_document("d23"), "Company")
    assert not {"挖掘机装载机", "精密铸锻"} & companies
    assert not names(extract_text("全市落地芯片设计、晶圆制造等一批重点项目。"), "Company")


@pytest.mark.parametrize("sentence", ["以甲乙集团为龙头，全力打造石化产业链。", "甲乙集团为石化产业“链主”。",
                                      "全市引进石化龙头——甲乙集团。"])
def test_leader_triggers_make_the_firm_lead_the_sentences_chain(sentence):
    assert ("甲乙集团", "leadsChain", "石化") in facts(extract_text(sentence))


def test_a_firm_taken_as_an_example_leads_nothing():
    assert not [r for r in extract_text("以甲乙集团为例，全力打造石化产业链。").relations if r.predicate == "leadsChain"]


def test_what_yinjin_brings_in_is_attracted_to_the_sentences_place():
    document = corpus_document("d20")
    assert ("优迅", "attractedTo", "火炬高新区") in facts(document)  # 高新区…引进…: 高新区 refers back to 火炬高新区
    assert calibrated(document, relation(document, "优迅", "attractedTo", "火炬高新区"), "attracts", "0.8")


def test_a_qizhong_sentence_lists_projects_the_sentence_before_brought_in_to_the_articles_city():
    document = corpus_document("d11")  # 我市…引进项目129项…。其中…福州市X有限公司投资3.2亿元的三明X项目
    assert ("三明杭萧钢构项目", "attractedTo", "三明市") in facts(document)
    assert calibrated(document, relation(document, "三明杭萧钢构项目", "attractedTo", "三明市"), "attracted_earlier", "0.7")
    assert not [f for f in facts(document) if f[1] == "attractedTo" and f[0].endswith("有限公司")]  # investors came with money


def test_the_firm_that_invests_an_amount_in_a_project_develops_it():
    assert ("三明杭萧钢构项目", "developedBy", "福州市杭萧钢构有限公司") in facts(corpus_document("d11"))


def test_luohu_places_and_attracts_but_helping_a_firm_land_attracts_nothing():
    assert {("甲乙科技有限公司", "attractedTo", "晋江市"), ("甲乙科技有限公司", "locatedIn", "晋江市")} <= \
        facts(extract_text("甲乙科技有限公司落户晋江市。"))
    assert not extract_text("晋江市推动甲乙科技有限公司落地。").relations or \
        not [r for r in extract_text("晋江市推动甲乙科技有限公司落地。").relations if r.predicate == "attractedTo"]


def test_an_industrial_base_is_a_park_but_a_ranked_kind_of_base_is_not():
    assert "厦门海沧半导体产业基地" in names(corpus_document("d19"), "IndustrialPark")
    assert not names(extract_text("晋江市全力打造千亿级鞋服产业基地。"), "IndustrialPark")


def test_a_name_ending_in_yuanqu_is_a_park_unless_a_title_or_a_kind():
    document = extract_text("安溪县甲乙文创园区今日开园，进行园区整体规划，打造全产业链园区。")
    assert ("安溪县甲乙文创园区", "locatedIn", "安溪县") in facts(document)
    # a place's word opens the first; a verb (进行) or a kind (全产业链) stands before the others
    assert {e.name for e in document.entities if e.type == "IndustrialPark"} == {"安溪县甲乙文创园区"}
    titled = extract_text("该园获评中国化工园区30强、国家循环经济示范试点园区，做好后续园区规划。")
    assert not [e for e in titled.entities if e.type == "IndustrialPark"]


def test_a_park_after_a_zone_stays_the_zones_park_not_one_long_name():
    document = extract_text("泉州开发区甲乙园区新签约项目3个。")
    assert ("甲乙园区", "locatedIn", "泉州经济技术开发区") in facts(document)  # the zone by its full name


# -- firms named with their products in lists ----------------------------------------------------

def test_a_firms_words_in_a_list_end_where_its_products_begin():
    document = extract_text("近年来，泉州市充分发挥龙头的带动作用，引进甲乙半导体设备、丙丁检测设备、戊己光刻设备等关键配套项目。")
    assert names(document, "Company") == {"甲乙半导体", "丙丁", "戊己"}
    found = facts(document)
    # attracted, not said to be located; the list is of one kind: the chain one name holds is every item's
    assert {(firm, "attractedTo", "泉州市") for firm in ("甲乙半导体", "丙丁", "戊己")} <= found
    assert not [f for f in found if f[1] == "locatedIn"]
    shared = relation(document, "丙丁", "operatesIn", "半导体")
    assert document.rules[shared.key] == "list_shares_chain"


def test_the_equipment_suppliers_of_d20_are_named_without_their_products():
    document = corpus_document("d20")
    assert {"泛林半导体", "科天", "阿斯麦"} <= names(document, "Company")
    found = facts(document)
    assert {(firm, "attractedTo", "火炬高新区") for firm in ("泛林半导体", "科天", "阿斯麦")} <= found
    assert ("阿斯麦", "operatesIn", "半导体") in found
