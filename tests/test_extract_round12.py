"""The rules of session 12's round on articles nobody here had read (issue 11). Made-up names."""

from made_up_text import facts as _facts
from made_up_text import names as _names
from made_up_text import relations as _relations


def _projects(text):
    return sorted(_names(text, "Project"))


def test_a_conjunction_inside_a_word_or_after_a_bare_place_parts_no_list():
    """碳中和's 和 is part of a word; 厦门和戊 is one firm's name (a place alone is no item)."""
    text = "丙丁卫浴项目、甲乙碳中和示范区项目、厦门和戊卫浴项目等一批项目落地庚辛开发区。"
    assert _projects(text) == ["丙丁卫浴项目", "厦门和戊卫浴项目", "甲乙碳中和示范区项目"]


def test_a_conjunction_before_a_named_item_still_parts_the_list():
    text = "丙丁卫浴项目、甲乙精密项目和戊己模具项目等一批项目落地庚辛开发区。"
    assert _projects(text) == ["丙丁卫浴项目", "戊己模具项目", "甲乙精密项目"]


def test_a_chain_named_after_a_list_is_not_the_lists():
    text = ("甲乙卫浴项目、丙丁模具项目、戊己精密项目等一批项目落地庚辛开发区。"
            "其中，戊己精密项目由甲乙丙丁有限公司投资建设，该项目拟在庚辛开发区打造光伏产业示范基地。")
    facts = _facts(text)
    assert not any(p == "operatesIn" and o == "光伏" and s in ("甲乙卫浴项目", "丙丁模具项目") for s, p, o in facts)


def test_a_chain_said_of_one_project_is_not_the_next_projects():
    text = ("据介绍，甲乙航空产业园选址丙丁工业园区，拟引进航空配套产业，目前甲乙飞机制造有限公司的飞机制造项目已动工；"
            "戊己船用钢板项目选址庚辛工业园。")
    facts = _facts(text)
    assert ("戊己船用钢板项目", "operatesIn", "航空") not in facts


def test_a_topic_or_an_event_before_a_name_is_not_part_of_it():
    assert "三明市甲乙物流园" in _names("服务业方面有三明市甲乙物流园，占地300亩。")
    assert "漳州开发区" in _names("此次大会漳州开发区共签约8个项目。")


def test_among_them_opens_no_projects_name():
    names = _names("甲乙产业园选址丙丁工业园区，其中AB760飞机制造项目预计占地2600亩。")
    assert "AB760飞机制造项目" in names and "其中AB760飞机制造项目" not in names


def test_kinds_of_work_listed_before_projects_are_no_projects():
    text = "甲乙机械项目选址丙丁工业园区，计划重点引进铸造、机械加工、精密机械制造、建材生产等项目。"
    assert not {"铸造", "机械加工", "建材生产"} & set(_projects(text))


def test_the_projects_of_a_reported_event_lie_where_it_was_held():
    text = ("本报讯 近日，龙岩高新区举行重大项目签约开竣工活动，此次项目共3个。\n"
            "据悉，此次签约项目共1个，为总投资5亿元的甲乙新能源产业项目。\n"
            "此次开工项目2个，分别为总投资3亿元的丙丁液晶模组扩建项目、总投资1亿元的戊己机械配件项目。")
    relations = _relations(text)
    assert relations[("甲乙新能源产业项目", "attractedTo", "龙岩高新区")].modality == "stated"
    assert relations[("甲乙新能源产业项目", "locatedIn", "龙岩高新区")].modality == "intended"
    assert relations[("戊己机械配件项目", "locatedIn", "龙岩高新区")].modality == "stated"
    assert ("戊己机械配件项目", "attractedTo", "龙岩高新区") not in relations


def test_a_whole_sector_is_no_chain():
    from chainkg.loaders.extract_chains import chain_mentions

    assert chain_mentions("为工业产业高质量发展提供有力支撑") == []
    assert chain_mentions("工业方面有甲项目；服务业方面有乙项目。") == []
    assert [m.name for m in chain_mentions("形成锂电材料-锂电池全生命周期产业链条，壮大锂电产业")] == ["锂电"]


def test_a_places_leading_industries_are_its_own_and_the_finest_place_opening_speaks():
    text = "12月7日，三明市沙县区借着举办甲乙文化活动的东风，围绕生物医药及食品等“1+1”主导产业举行招商推介会。"
    facts = set(_relations(text))
    assert ("沙县区", "hostsChain", "生物医药") in facts and ("沙县区", "hostsChain", "食品") in facts
    assert not any(s == "三明市" and p == "hostsChain" for s, p, o in facts)


def test_a_park_after_a_zones_full_name_is_the_zones_park():
    text = "总投资3亿元的甲乙项目，计划于三明高新技术产业开发区丙丁化工园内建设。"
    facts = set(_relations(text))
    assert ("丙丁化工园", "locatedIn", "三明高新技术产业开发区") in facts
    assert "三明高新技术产业开发区丙丁化工园" not in _names(text)


def test_a_sites_navigation_bar_and_breadcrumb_name_no_place():
    text = "直通首页| 福建| 时评| 台海| 福州| 厦门| 莆田| 龙岩\n您所在的位置: 甲网 > 三明频道 > 正文\n德化县引进甲乙陶瓷有限公司。"
    assert _names(text, "AdministrativeArea") == {"德化县"}


def test_has_or_is_before_a_park_is_no_part_of_its_name():
    names = _names("德化县有宝美工业园区和诗山工业小区。")
    assert "宝美工业园区" in names and "德化县有宝美工业园区" not in names
    assert "诗山工业小区" in names


def test_a_new_industrial_town_is_a_park_and_a_phase_before_a_name_is_not_its():
    names = _names("在甲乙项目对面的永春万亩工业新城，一期南部轻纺园已完成台地规整。")
    assert {"永春万亩工业新城", "南部轻纺园"} <= names and "一期南部轻纺园" not in names


def test_who_took_part_in_a_signing_brought_its_signed_projects_in():
    text = ("在昨日下午举行的全省重大项目集中签约仪式上，泉州市共有2个项目参加现场集中签约。\n"
            "2个集中签约项目中，外企项目1个，为石狮甲乙文创综合项目；民企项目1个，为丙丁智造项目。")
    relations = _relations(text)
    assert ("石狮甲乙文创综合项目", "attractedTo", "泉州市") in relations
    assert ("石狮甲乙文创综合项目", "locatedIn", "泉州市") not in relations  # (its name says 石狮市)


def test_a_parks_name_before_project_names_a_project():
    text = "此次签约的甲乙综合产业园项目、丙丁电子信息产业园三期项目落地戊己开发区。"
    names = _names(text)
    assert {"甲乙综合产业园项目", "丙丁电子信息产业园三期项目"} <= names and "甲乙综合产业园" not in names


def test_a_count_the_model_reads_with_the_industrys_first_character_keeps_it():
    from chainkg.loaders.extract_chains import chain_mentions

    assert [m.name for m in chain_mentions("向着百亿氟新材料产业集群大步迈进")] == ["氟新材料"]
    facts = set(_relations("甲乙开发区打造百亿氟新材料产业集群。一个占地5000亩的氟新材料专业园轮廓初显。"))
    assert ("氟新材料专业园", "hostsChain", "氟新材料") in facts


def test_a_park_the_model_reads_as_a_place_is_a_park():
    names = _names("拥有污水处理厂的安东园，可以说是晋江的凤凰巢。这个以整个安东园区为基础的项目开工。")
    assert "安东园区" in names and "整个安东园区" not in names
    assert "中山公园" not in _names("市民在中山公园散步。")


def test_a_places_parks_are_no_park_and_a_project_called_a_park_again_is_the_park():
    assert not any(e.endswith("园区") for e in _names("作为泉州园区标准化试点项目之一，甲乙项目开工。"))
    names = _names("鸿锦产业园项目规划总面积431亩，是我市纳入项目库的园区。不久前，该园区新增6个开工项目。")
    assert "鸿锦产业园" in names and "鸿锦产业园项目" not in names


def test_a_places_level_word_is_not_the_industrys():
    from chainkg.loaders.extract_chains import chain_mentions

    assert [m.name for m in chain_mentions("这里将成为支持我省碳化硅产业发展的基地")] == ["碳化硅"]
    assert [m.name for m in chain_mentions("福州片区物联网产业的链条不断延伸")] == ["物联网"]
    assert [m.name for m in chain_mentions("发展区块链产业")] == ["区块链"]


def test_a_list_of_leaders_leads_the_industries_named_before_its_head():
    text = "近年来，甲市依托甲乙科技、丙丁新能源等一批石墨与石墨烯龙头企业，打造联动效应，已形成石墨提纯产业链。"
    leads = {(s, o) for s, p, o in _relations(text) if p == "leadsChain"}
    assert {("甲乙科技", "石墨"), ("甲乙科技", "石墨烯"), ("丙丁新能源", "石墨烯")} <= leads
    assert not any(o == "石墨提纯" for _, o in leads)


def test_a_leader_list_starts_right_after_its_preposition():
    names = _names("近年来，连城以甲乙新材为“链主”，以允升科技、富润建材为龙头，发挥自身优势建链。")
    assert "允升科技" in names and "升科技" not in names


def test_a_firm_as_the_leader_of_an_industry_leads_it():
    text = "德海新能源作为国内新能源材料行业的领军企业，总投资24.68亿元的项目已经在海沧实现投产。"
    assert ("德海新能源", "leadsChain", "新能源材料") in _relations(text)
