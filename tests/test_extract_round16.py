"""The rules of session 16's round on articles nobody here had read (issue 11). Made-up names
of firms, parks and projects; the places are real."""

from made_up_text import facts as _facts
from made_up_text import names as _names

from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_chains import chain_mentions
from chainkg.loaders.text import normalize_article


def _chains(text: str, places: frozenset[str] = frozenset()) -> list[str]:
    return [m.name for m in chain_mentions(text, places=places)]


def test_a_count_of_firms_or_buildings_opens_no_industry():
    """两家 / 50多家 / 三大 / 千名 / 10栋 count what follows: the industry is the words after them."""
    assert _chains("两家光伏龙头企业合计产值增长两成。") == ["光伏"]
    assert _chains("福建有三大石材产业集群。") == ["石材"]
    assert _chains("上千名陶瓷行业代表参加了大会。") == ["陶瓷"]
    assert _chains("建设10栋标准厂房及1栋产业运营中心。") == []


def test_a_verb_before_an_industry_is_no_part_of_it():
    """做足 / 标志 / 植入 / 撬动 are verbs, like 做强 and 打造 before them."""
    assert _chains("全力做足陶瓷产业文章。") == ["陶瓷"]
    assert _chains("标志晋江光伏产业正式起步。", frozenset({"晋江市"})) == ["光伏"]
    assert _chains("将文创植入竹产业中。") == ["竹"]
    assert _chains("新动能撬动产业升级。") == []


def test_words_of_where_or_how_big_are_generic():
    """省内外 / 海峡两岸 / 大型 / 小微 / 前沿 qualify an industry without naming one, and a generic
    word the model's verb came before is stripped as well (占|全省|X)."""
    assert _chains("为省内外光纤光缆行业提供原料。") == ["光纤光缆"]
    assert _chains("举办海峡两岸印刷产业研讨会。") == ["印刷"]
    assert _chains("打造大型钢铁产业集群。") == ["钢铁"]
    assert _chains("打造小微产业社区。") == []
    assert _chains("占全省印刷产业产值的三成。") == ["印刷"]
    # a zone's 高新 and its level word stay together: 高新区 is a place, not a generic word and 区
    assert _chains("2020年高新区集成电路产业产值增长。") == ["半导体"]


def test_events_people_buildings_brands_and_traders_are_no_industries():
    assert _chains("汇聚企业高管、知名产业专家。") == []
    assert _chains("涉及电子信息、基础设施等重点产业。") == ["电子信息"]
    assert _chains("依托侨乡文化品牌和石材产业资源。") == ["石材"]
    assert _chains("是全省最大的棉纱供应商、纺纱行业制造商之一。") == ["纺纱"]
    assert _chains("举办摄影大赛、陶瓷行业技能比赛。") == ["陶瓷"]
    assert _chains("保障区域内各类产业稳定发展。") == []


def test_a_road_or_side_of_a_place_may_stand_before_what_lies_there():
    """位于甲镇X大道南侧的Y项目: Y lies in the town; the road and its side describe where in it."""
    assert ("宏帆科技产业港项目", "locatedIn", "石井镇") in _facts(
        "记者走进位于南安市石井镇成功大道南侧的宏帆科技产业港项目现场。")


def test_a_reporter_walking_into_a_park_frames_the_sentence():
    """记者走进(位于…的)X园区，Y公司…: as 在X园区，…, the park frames what the sentence names."""
    assert ("宏帆汽车有限公司", "locatedIn", "甲乙汽车工业园") in _facts(
        "记者走进甲乙汽车工业园，宏帆汽车有限公司生产车间里一派繁忙。")
    assert ("宏帆汽车有限公司", "locatedIn", "甲乙汽车工业园") in _facts(
        "笔者走进位于永安的甲乙汽车工业园，宏帆汽车有限公司生产车间里一派繁忙。")


def test_a_valley_of_start_ups_or_smart_firms_is_a_park():
    """X创谷 / X智谷 / X光谷 name parks, as 芯谷 does; a longer park word after them wins."""
    assert "甲乙创谷" in _names("目前，甲乙创谷已入驻企业80余家。", "IndustrialPark")
    assert "甲乙智谷电商园" in _names("甲乙智谷电商园开园。", "IndustrialPark")


def test_a_firm_listed_after_its_designation_lies_in_the_park():
    """X园已入驻的企业有国内Y领域龙头企业A、B: a designation of up to a dozen characters may open the list."""
    assert ("宏帆科技", "locatedIn", "甲乙工业园") in _facts(
        "目前，甲乙工业园已入驻的企业有国内电子取证领域龙头企业宏帆科技、恒帆公司总部等。")


def test_what_landed_in_a_place_was_brought_in_there():
    """落地甲县的X项目 / 落户甲市的Y公司: X came to the place and lies there; 紧邻 says neither."""
    facts = _facts("落地闽侯的宏帆汽车零部件配套产业园项目上台签约。")
    assert ("宏帆汽车零部件配套产业园项目", "attractedTo", "闽侯县") in facts
    assert ("宏帆科技", "attractedTo", "晋江市") in _facts("落户晋江的宏帆科技已投产。")
    assert not {f for f in _facts("紧邻晋江的宏帆科技已投产。") if f[0] == "宏帆科技"}


def test_a_list_between_yi_and_wei_zhu_names_the_industries():
    """以A、B、C为主的四大主导产业 / 以X为重点的特色产业: what follows 为主 is generic, the list is the industries."""
    assert _chains("构建以锂电新能源、不锈钢新材料、铜材料为主的三大主导产业。") == ["锂电", "不锈钢新材料", "铜材料"]
    assert _chains("形成以陶瓷为重点的特色产业。") == ["陶瓷"]
    assert _chains("以民营企业为主的产业。") == []


def test_an_industry_said_to_be_a_places_own_is_grown_there():
    """X产业是甲县的支柱产业 / 已成为甲县的首位产业: the place grows X."""
    assert ("德化县", "hostsChain", "陶瓷") in _facts("陶瓷产业是德化的支柱产业。")
    assert ("德化县", "hostsChain", "陶瓷") in _facts("陶瓷产业已成为德化县的首位产业。")



def test_a_news_medium_and_a_byline_are_no_organizations_of_the_report():
    """甲乙日报讯 / 中新社 / X日报报业集团 name where the report comes from, not a body it speaks of."""
    assert _names("厦门日报讯（记者 张三）甲乙产业园开园。", "Company") == set()
    assert _names("中新社泉州3月5日电(记者 李四)甲乙产业园开园。", "Company") == set()
    assert _names("本活动由福建日报报业集团主办。", "Company") == set()
    assert "国家电网福建公司" in _names("国家电网福建公司投资建设。", "Company")


def test_a_zone_for_taiwanese_investment_is_no_origin_of_its_place():
    """甲市台商投资区: 台商 there is the zone's word, not 甲市台商 (traders from 甲市); the zone lies in 甲市."""
    assert ("宁德台商投资区", "locatedIn", "宁德市") in _facts("宁德台商投资区已入驻企业30家。")


def test_a_zone_that_opens_a_sentence_places_a_firm_an_earlier_sentence_put_in_a_county():
    """甲县…A、B…。目前，乙开发区已入驻A、B等企业: the zone is finer than the county, and A lies in it too."""
    facts = _facts("永泰县引进了宏帆科技、恒帆制药。目前，甲乙经济开发区已入驻宏帆科技、恒帆制药、丙丁新能源等企业61家。")
    assert ("宏帆科技", "locatedIn", "甲乙经济开发区") in facts and ("恒帆制药", "locatedIn", "甲乙经济开发区") in facts


def test_each_trade_a_leader_frame_names_by_ye_is_an_industry_its_leaders_lead():
    """以X为龙头的食品加工业，以Y为龙头的鞋类加工业，以A、B为龙头的机电制造业: each 业 names a trade
    (without 加工 / 制造 / 冶炼; 鞋类 is 鞋业's), and the frame's firms lead it."""
    facts = _facts("开发区初步形成了以宏和食品为龙头的食品加工业，以恒禄鞋业为龙头的鞋类加工业，"
                   "以宏发机电、恒鑫电缆为龙头的机电制造业，以宏泰钢铁为龙头的钢铁冶炼业等支柱产业。")
    assert ("宏和食品", "leadsChain", "食品") in facts
    assert ("恒禄鞋业", "leadsChain", "鞋服") in facts
    assert ("宏发机电", "leadsChain", "机电") in facts and ("恒鑫电缆", "leadsChain", "机电") in facts
    assert ("宏泰钢铁", "leadsChain", "钢铁") in facts


def test_a_single_character_before_he_is_no_item_of_a_list():
    """以宏和食品为龙头: 宏 alone is no firm, the 和 is the name's own character."""
    assert "宏和食品" in _names("以宏和食品为龙头，形成食品产业集群。", "Company")


def test_a_firm_the_model_glues_to_its_designation_is_named():
    """另一龙头企业X: the model may read 企业X as one word; the firm's name starts after 企业."""
    assert "锦宏科技" in _names("另一龙头企业锦宏科技正在推进三期项目。", "Company")


def test_a_legal_form_with_a_bracketed_word_stays_in_the_firms_name():
    """甲乙科技(集团)有限公司 / 甲乙控股（集团）股份有限公司: (集团) is a word of the legal form."""
    assert "宏帆明润科技(集团)有限公司" in _names("宏帆明润科技(集团)有限公司投资建设。", "Company")
    assert "宏帆控股（集团）股份有限公司" in _names("宏帆控股（集团）股份有限公司在晋江投资。", "Company")


def test_the_goods_a_leader_frame_measures_are_the_leaders_trade():
    """以A、B等为龙头的X的生产规模全国第一: X is the trade A and B lead."""
    facts = _facts("以宏宇工业、恒凯复材等为龙头的运动健身器材的生产规模全国第一。")
    assert ("宏宇工业", "leadsChain", "运动健身器材") in facts and ("恒凯复材", "leadsChain", "运动健身器材") in facts


def test_a_space_between_a_number_and_its_measure_word_joins_them():
    """15 个大型项目: the space is typography, not a break between phrases; 个 opens no project's
    name, and the list before 等15 个 is a list of firms."""
    assert normalize_article("共有15 个大型项目已投产，投资 100 亿元。").text == "共有15个大型项目已投产，投资100亿元。"
    assert _names("宏帆镍业、恒帆彩板等15 个大型项目已投产。", "Company") == {"宏帆镍业", "恒帆彩板"}
    assert _names("共有15 个大型项目已投产。", "Project") == set()


def test_a_kind_phase_or_size_of_park_names_no_park():
    """智慧园区 / 一期产业园 / 万亩工业园区 say what kind, which phase or how big, not which park."""
    assert _names("打造智慧园区，建设一期产业园和万亩工业园区。", "IndustrialPark") == set()
    assert "甲乙智慧园区" in _names("甲乙智慧园区开园。", "IndustrialPark")


def test_a_zone_named_with_its_province_first_is_also_named_without_it():
    """福建省宁德甲乙投资区 is 宁德甲乙投资区 too: the province before the place that opens the name."""
    zone = next(e for e in extract_text("福建省宁德台商投资区管委会表示。", source="made-up").entities if e.type == "DevelopmentZone")
    assert zone.name == "福建省宁德台商投资区" and "宁德台商投资区" in zone.aliases
