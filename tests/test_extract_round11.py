"""The rules of session 11's round on articles nobody here had read (issue 11).

Each test is one rule on a made-up sentence (names invented; places from the division table).
"""

from __future__ import annotations

from made_up_text import facts as _facts
from made_up_text import names as _names
from made_up_text import relations as _relations

from chainkg.loaders.extract import extract_text


def test_a_sentence_without_a_place_attracts_to_the_county_its_paragraph_opens_with():
    text = ("泉州市召开全市项目推进会。\n"
            "惠安县把海洋装备作为首位产业聚力主攻，抓龙头、铸链条。目前，已吸引闽泰重工、德海船舶等一批企业落户。")
    facts = _facts(text)
    assert ("闽泰重工", "attractedTo", "惠安县") in facts
    assert ("闽泰重工", "attractedTo", "泉州市") not in facts


def test_the_chain_inside_a_leaders_name_is_not_the_chain_the_list_leads():
    text = "德化县大力发展陶瓷产业。\n目前，已吸引闽泰炼化、德海新材等一批龙头企业落户。"
    leads = {(s, o) for s, p, o in _facts(text) if p == "leadsChain"}
    assert ("闽泰炼化", "石化") not in leads


def test_words_a_text_names_as_an_industry_are_that_chain_where_they_stand_again():
    text = ("莆田市积极培育海洋功能材料产业集群和食品产业。\n"
            "秀屿区重点围绕海洋功能材料，抓龙头、铸链条。目前，已吸引闽泰重工、德海船舶等一批龙头企业落户。")
    assert ("德海船舶", "leadsChain", "海洋功能材料") in _facts(text)  # (the second paragraph's one chain)


def test_the_display_industry_is_an_industry_and_not_the_verb_to_show():
    from chainkg.loaders.extract_chains import chain_mentions
    assert [m.words for m in chain_mentions("推动新型显示产业高质量发展")] == ["新型显示"]
    assert [m.words for m in chain_mentions("调查显示半导体产业增长较快")] == ["半导体"]


def test_a_leader_works_in_the_chain_it_leads_and_no_name_says_otherwise():
    text = "德化县把海洋装备作为首位产业，抓龙头、铸链条。目前，已吸引闽泰炼化、德海重工等一批龙头企业落户。"
    facts = _facts(text)
    assert ("德海重工", "leadsChain", "海洋装备") in facts and ("德海重工", "operatesIn", "海洋装备") in facts
    assert ("德海重工", "operatesIn", "石化") not in facts  # (闽泰炼化's own word names no chain of the list)


def test_taking_an_industry_as_the_first_one_is_a_policy_and_a_raw_material_is_no_chain():
    text = "德化县把海洋装备作为首位产业聚力主攻，即以废旧纺织品为原料到下游应用的产业链。"
    relations = _relations(text)
    assert relations[("德化县", "hostsChain", "海洋装备")].modality == "intended"
    assert not any(o == "鞋服" for _, _, o in relations)


def test_a_whole_city_that_has_a_list_of_leaders_holds_them_and_segments_are_not_what_they_lead():
    text = ("厦门市推动新型显示产业高质量发展。目前，全市已形成从玻璃基板、面板、模组、整机等上中下游的全产业链布局，"
            "拥有厦门闽泰、德海光电等多家百亿级产值龙头企业。")
    facts = _facts(text)
    assert ("德海光电", "locatedIn", "厦门市") in facts  # (厦门 inside 厦门闽泰 is the firm's word, not a place between)
    assert ("德海光电", "leadsChain", "新型显示") in facts
    assert not any(s == "德海光电" and p == "leadsChain" and o == "面板" for s, p, o in facts)


def test_a_listed_firm_named_after_its_city_is_a_firm_and_the_short_form_of_its_full_name():
    document = extract_text("厦门闽泰光电子有限公司投产。全市拥有厦门闽泰、德海光电等多家龙头企业。", source="made-up")
    firm = next(e for e in document.entities if e.name == "厦门闽泰光电子有限公司")
    assert "厦门闽泰" in firm.aliases


def test_firms_standing_in_the_park_a_sentence_enters_lie_in_it():
    text = "20分钟车程即到达甲乙经济开发区闽泰园。\n走进园区，一座座标准厂房鳞次栉比，德海、宁丰等知名企业林立其间。"
    assert ("宁丰", "locatedIn", "闽泰园") in _facts(text)


def test_a_clause_without_a_subject_goes_on_with_the_park_an_earlier_clause_opened_with():
    text = "刘某称，闽泰工业园建设将依托交通区位优势，积极培育发展新能源、新材料和环保节能产业。"
    relations = _relations(text)
    assert relations[("闽泰工业园", "hostsChain", "新材料")].modality == "intended"


def test_a_place_that_possesses_an_industry_is_no_subject_of_the_clauses_after():
    text = "作为宁德市的主导产业之一，宁德锂电产业高速发展，形成覆盖核心材料、智能制造装备等配套项目的产业集群。"
    assert ("宁德市", "hostsChain", "智能装备") not in _facts(text)


def _places(text: str) -> set[str]:
    return _names(text, "AdministrativeArea")


def test_a_newspapers_place_is_no_place_the_article_speaks_of():
    assert "福建省" not in _places("来源：福建日报\n德化县举行项目签约仪式。")
    assert "福建省" not in _places("海峡导报·新福建客户端6月27日讯 德化县举行项目签约仪式。")


def test_a_far_place_inside_a_longer_place_word_is_no_place():
    """城区 is a district of Shanxi; in 宁德中心城区 it is the city's urban area."""
    assert "城区" not in _places("宁德市甲乙工业园位于宁德中心城区北部。")
