"""The rules of session 13's round on articles nobody here had read (issue 11). Made-up names."""

from made_up_text import facts as _facts
from made_up_text import names as _names
from made_up_text import relations as _relations


def _projects(text):
    return sorted(_names(text, "Project"))


def test_a_conjunction_inside_a_listed_project_name_joins_its_parts():
    """A、B及C项目、D项目: 及 before the item's own 项目, after words that are no project, joins two
    parts of one project (its products, its headquarters and its base); A项目及B项目 is two."""
    text = "本次签约的项目包括甲乙企业总部及丙丁户外用品研发基地项目、戊己电子制造产业园及配套项目、庚辛烘焙食品加工项目。"
    assert _projects(text) == ["庚辛烘焙食品加工项目", "戊己电子制造产业园及配套项目", "甲乙企业总部及丙丁户外用品研发基地项目"]
    text = "本次签约的项目包括甲乙企业总部项目及丙丁户外用品研发基地项目、庚辛烘焙食品加工项目。"
    assert _projects(text) == ["丙丁户外用品研发基地项目", "庚辛烘焙食品加工项目", "甲乙企业总部项目"]


def test_a_conjunction_inside_a_project_named_alone_joins_its_parts():
    """X公司A及B生产项目: the project makes A and B; it is one, named in full."""
    text = "福建甲乙科技有限公司高导热材料及液冷散热模组生产项目开工建设。"
    assert "福建甲乙科技有限公司高导热材料及液冷散热模组生产项目" in _names(text, "Project")


def test_items_of_a_counted_list_keep_a_conjunction_before_their_own_project_word():
    text = "此次签约甲乙纸品及配套项目、丙丁智能装备项目等2个项目。"
    assert _projects(text) == ["丙丁智能装备项目", "甲乙纸品及配套项目"]


def test_pushing_for_an_arrival_is_an_intention_however_long_the_list_between():
    """积极推动A和B落户X: the arrival is sought, not done (the list may run past eight characters)."""
    relation = _relations("该区积极推动甲乙材料研究院和丙丁检测中心落户福州市。").get(("甲乙材料研究院", "attractedTo", "福州市"))
    assert relation is not None and relation.modality == "intended"


def test_next_step_and_preparing_to_build_mark_intentions():
    fact = ("甲乙电子科技有限公司", "locatedIn", "泉州经济技术开发区")
    assert _relations("下一步，甲乙电子科技有限公司入驻泉州经济技术开发区。")[fact].modality == "intended"
    assert _relations("今年，甲乙电子科技有限公司已入驻泉州经济技术开发区。")[fact].modality == "stated"
    relations = _relations("甲乙电子科技有限公司筹建的丙丁产业园位于泉州经济技术开发区。")
    assert relations[("丙丁产业园", "locatedIn", "泉州经济技术开发区")].modality == "intended"


def test_where_a_firm_or_body_lies_by_its_name_is_stated_in_a_clause_of_plans():
    """A firm's name says where it is, whatever the clause plans."""
    relations = _relations("泉州市甲乙电子科技有限公司拟在丙丁产业园建设新厂。")
    assert relations[("泉州市甲乙电子科技有限公司", "locatedIn", "泉州市")].modality == "stated"


_TABLE = """┌───┬───────────────┬───┬───────────────┐
│ │ 在建项目 │ │ 预备项目 │
├───┼───────────────┼───┼───────────────┤
│ │ (一)省甲乙集团 │ │ │
├───┼───────────────┼───┼───────────────┤
│ 1 │ 甲乙丙丁扩建项目 │ 1 │ 甲乙戊己新区项目 │
└───┴───────────────┴───┴───────────────┘
"""


def test_a_table_column_of_planned_projects_makes_its_rows_intentions():
    relations = _relations(_TABLE)
    assert relations[("甲乙丙丁扩建项目", "developedBy", "省甲乙集团")].modality == "stated"
    assert relations[("甲乙戊己新区项目", "developedBy", "省甲乙集团")].modality == "intended"


def test_a_conjunction_before_the_last_project_of_a_list_of_bodies_parts_two_items():
    """以A集团、B石材和C项目为龙头: the other items are bodies, so 和 parts B石材 from C项目."""
    text = "该区已形成以甲乙集团、丙丁石材和戊己项目为龙头的石材产业。"
    assert "丙丁石材" in _names(text, "Company") and _projects(text) == ["戊己项目"]


def test_a_firm_named_right_after_its_designation_is_found_and_leads_the_industry_before_it():
    """X领域领军企业Y / X产业龙头企业——Y: Y is a firm (no legal form needed) and leads X."""
    facts = _relations("国内氢能装备领域领军企业甲乙科技在湖里区设立区域总部。")
    assert ("甲乙科技", "leadsChain", "氢能装备") in facts
    facts = _relations("该市光伏产业龙头企业——晟辉能源落户福清市。")
    assert ("晟辉能源", "leadsChain", "光伏") in facts


def test_an_industry_word_before_a_designation_is_no_firm_and_its_leader_leads_no_other_chain():
    """A领域领军企业B、新能源汽车龙头企业C: 新能源汽车 is C's industry (no chain here), not a firm, and
    C does not lead the sentence's other chain."""
    text = "国内氢能装备领域领军企业甲乙科技、新能源汽车龙头企业丙丁汽车在湖里区打造区域总部。"
    assert "新能源汽车" not in _names(text)
    facts = _relations(text)
    assert ("甲乙科技", "leadsChain", "氢能装备") in facts and ("丙丁汽车", "leadsChain", "氢能装备") not in facts


def test_projects_a_place_signed_were_brought_to_it():
    """X…本次签约的项目包括A、B: A and B were attracted to X, the sentence's subject (a stated signing)."""
    text = "据悉，泉州经济技术开发区本季度集中签约，本次签约的项目包括甲乙研发中心项目、丙丁仓储物流项目。"
    relations = _relations(text)
    for project in ("甲乙研发中心项目", "丙丁仓储物流项目"):
        assert relations[(project, "attractedTo", "泉州经济技术开发区")].modality == "stated"


def test_projects_signed_at_an_event_were_brought_where_it_was_held():
    text = "5月9日上午，招商项目签约活动在仙游县举行，顺利签约落地重点项目2个，分别是年产10万吨甲乙纸品项目、丙丁物流园项目。"
    facts = _facts(text)
    assert {("年产10万吨甲乙纸品项目", "attractedTo", "仙游县"), ("丙丁物流园项目", "attractedTo", "仙游县")} <= facts
    assert "分别是年产10万吨甲乙纸品项目" not in _names(text)


def test_a_list_of_projects_each_named_in_full_before_a_signing_names_them_all():
    """A项目、B项目、C项目在现场顺利签约，为我县…: every item is a project, signed for the county 我县 stands for."""
    text = "安溪县举行招商推介会。甲乙茶香食品项目、丙丁藤铁工艺项目、戊己智能家居生产项目在现场集中签约，为我县家居产业注入新动能。"
    assert _projects(text) == ["丙丁藤铁工艺项目", "戊己智能家居生产项目", "甲乙茶香食品项目"]
    assert ("戊己智能家居生产项目", "attractedTo", "安溪县") in _facts(text)


def test_a_list_of_kinds_of_project_or_a_clause_ending_in_a_project_names_none():
    text = "其中，工业项目、民生项目、服务业方面有甲乙物流园项目。"
    assert not {"工业项目", "民生项目", "服务业方面有甲乙物流园项目"} & _names(text)


def test_what_a_park_is_positioned_as_is_a_kind_not_a_park():
    text = "甲乙产业园规划总面积400亩，功能定位为绿色食品精深加工产业园区。"
    assert "绿色食品精深加工产业园区" not in _names(text)


def test_a_park_built_as_a_project_in_a_heading_is_the_park_the_body_calls_this_park():
    """A heading 甲乙产业园项目建设如火如荼, then 不久前，该园区新增A、B等N个开工项目: the park is a park
    (the body calls it 该园区) and what it added lies in it."""
    text = "甲乙产业园项目建设如火如荼\n不久前，该园区新增丙丁食品、戊己科技、庚辛五金等3个开工项目。"
    assert "甲乙产业园" in _names(text, "IndustrialPark")
    facts = _facts(text)
    assert {("丙丁食品", "locatedIn", "甲乙产业园"), ("庚辛五金", "locatedIn", "甲乙产业园")} <= facts


def test_firms_listed_before_the_building_of_their_plants_are_firms():
    """通过A精机、B机械、C设备等一批重点项目的投建投产 (issue 11's own example): the items are the firms
    whose plants are built."""
    text = "通过甲乙精机、丙丁机械等一批重点设备的投建投产，将东园镇打造成装备制造基地。"
    assert {"甲乙精机", "丙丁机械"} <= _names(text, "Company")


def test_focusing_on_a_counted_set_of_industries_is_policy_not_presence():
    """X聚焦A、B、C三大产业集群: what X means to grow (a review's 聚焦产业链短板，推动… stays a fact)."""
    relations = _relations("甲乙经济开发区聚焦光伏、储能、新材料三大产业集群，构建重点产业链。")
    assert relations[("甲乙经济开发区", "hostsChain", "新材料")].modality == "intended"


def test_one_firm_named_as_the_leader_with_its_kind_is_a_firm():
    """以X等企业为龙头 names X alone, a firm, as a leader (a list needs no second item)."""
    assert "丙丁制药" in _names("以丙丁制药等企业为龙头，该县加快发展生物医药产业。", "Company")
    assert "“甲乙窑”" not in _names("以“甲乙窑”为龙头，发展文化创意产业。")


def test_a_leader_named_in_a_sentence_of_no_chain_leads_the_chain_its_name_holds():
    """A paragraph of several chains, then 汇聚A、B等龙头企业: a leader whose name holds a chain (戊己纸业)
    leads it; one whose name holds none is given no chain."""
    text = ("甲乙区聚焦光伏、储能、新材料三大产业集群。"
            "园区内集聚了丙丁电子、戊己纸业等龙头企业，还引进了一批配套企业。")
    facts = _facts(text)
    assert ("戊己纸业", "leadsChain", "纸业包装") in facts
    assert not any(s == "丙丁电子" and p == "leadsChain" for s, p, o in facts)


def test_a_list_that_names_kinds_of_project_names_none_though_one_item_looks_like_a_name():
    """项目类型有新建项目、老旧厂房改造项目: the list says kinds (类型), so none is a project."""
    text = "此次调研的项目类型有新建项目、老旧厂房改造项目，都很有代表性。"
    assert "老旧厂房改造项目" not in _names(text)


def test_a_firm_named_after_its_city_right_after_its_designation_is_a_firm():
    """行业龙头企业厦门华泰…: the model reads a body that opens with its city; after a designation the
    city is the firm's word, not a place that takes the name's characters."""
    assert "厦门华泰" in _names("行业龙头企业厦门华泰落户海沧区。", "Company")
