"""The rules of session 16's round on articles nobody here had read (issue 11). Made-up names
of firms, parks and projects; the places are real."""

from chainkg.loaders.extract_chains import chain_mentions


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
