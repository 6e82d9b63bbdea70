"""Issue 11, third round: rules that read the language of leaders, subsidiaries, members and
developers. Each rule is shown on a made-up sentence (invented names, like the gold README's
甲乙化工集团) and, where a corpus article uses that language, on the article itself.
"""

from _extraction import corpus_document, facts

from chainkg.loaders.extract import extract_text


def made_up(text: str) -> set[tuple[str, str, str]]:
    return facts(extract_text(text, source="made-up"))


def names(text: str) -> set[str]:
    return {e.name for e in extract_text(text, source="made-up").entities}


# -- operatesIn: what a name says of its chain ------------------------------------------------

def test_a_name_holding_a_whole_industry_division_says_its_trade_not_a_chain():
    found = made_up("甲乙化工有限公司和丙丁食品有限公司落户晋江市。")
    assert ("丙丁食品有限公司", "operatesIn", "食品") in found
    # 化工 is every chemical trade, the template's 石化 only one of them
    assert not any(s == "甲乙化工有限公司" and p == "operatesIn" for s, p, _ in found)


def test_an_institute_named_after_its_chain_studies_it_and_is_no_member():
    document = corpus_document("d16")
    assert not any(s.endswith("研究院") and p == "operatesIn" for s, p, _ in facts(document))


def test_a_batch_or_a_count_of_projects_is_no_project_name():
    assert not any("项目" in n for n in names("晋江市引进了一批优质智能装备项目。"))
    assert not any("项目" in n for n in names("共有甲乙加工、丙丁平台建设等12个产业项目达成合作意向。"))


# -- leadsChain: the role a leader plays --------------------------------------------------------

def test_a_firm_whose_driving_role_a_place_makes_use_of_leads_the_chain_of_its_sentence():
    found = made_up("晋江市发挥甲乙微电子的带动作用，做大智能装备产业。")
    assert {("甲乙微电子", "leadsChain", "智能装备"), ("甲乙微电子", "operatesIn", "智能装备")} <= found


def test_a_common_noun_in_the_leaders_role_is_no_firm():
    for holder in ("重大项目", "龙头企业", "政策", "投资"):
        assert not any(p == "leadsChain" for _, p, _ in made_up(f"晋江市发挥{holder}的带动作用，做大智能装备产业。")), holder


def test_the_corpus_leader_named_by_its_driving_role_leads_its_chain():
    # d20 names the firm whose 带动作用 the zone makes use of; the sentence's chain is named in a supplier's name
    leaders = {(s, o) for s, p, o in facts(corpus_document("d20")) if p == "leadsChain"}
    assert len(leaders) == 1 and next(iter(leaders))[1] == "半导体"


# -- brands: subOrganizationOf and developedBy by a shared brand ----------------------------------

def test_a_laboratory_named_by_a_firms_brand_is_part_of_the_firm():
    found = made_up("在丙丁体育用品有限公司运动科学实验室，仪器众多。丙丁、戊己等行业龙头企业涌现。"
                    "这款服装是丙丁运动科学实验室与中国专业服装材料实验室合作研发的。")
    assert ("丙丁运动科学实验室", "subOrganizationOf", "丙丁体育用品有限公司") in found


def test_a_laboratory_whose_brand_no_firm_of_the_text_bears_is_nobodys():
    found = made_up("在丙丁体育用品有限公司运动科学实验室，仪器众多。这款服装是丙丁运动科学实验室与戊己运动科学实验室合作研发的。")
    assert not any(p == "subOrganizationOf" for _, p, _ in found)  # 丙丁 alone is never written: no brand


def test_a_firm_bearing_a_groups_brand_belongs_to_the_group_and_a_holding_does_not():
    found = made_up("丙丁集团回归龙岩。位于龙岩市的丙丁(福建)铸锻有限公司投产，丙丁控股有限公司上市。")
    assert {(s, o) for s, p, o in found if p == "subOrganizationOf"} == {("丙丁(福建)铸锻有限公司", "丙丁集团")}


def test_a_park_named_by_a_firms_brand_is_developed_by_that_firm_and_a_place_is_no_brand():
    found = made_up("在戊己筑工(泉州)建筑科技产业园里，戊己(泉州)筑工科技有限公司的工人们正在施工。")
    assert ("戊己筑工(泉州)建筑科技产业园", "developedBy", "戊己(泉州)筑工科技有限公司") in found
    # the brand of a park is never its place: 台湾 / 海沧 before a chain's label say where (d18, d19)
    for prefix in ("d18", "d19"):
        assert not any(p == "developedBy" and o in ("台湾", "海沧") for _, p, o in facts(corpus_document(prefix)))


# -- developedBy: joint investors; a project as the subject of its sentence --------------------------

def test_a_project_built_jointly_by_a_list_of_investors_is_developed_by_each():
    found = made_up("甲乙乙烯项目之所以吸睛，在于它是全省最大的合资项目，由丙丁集团以及戊己集团、庚辛集团合资投建，总投资超百亿元。")
    assert {o for s, p, o in found if p == "developedBy" and s == "甲乙乙烯项目"} == {"丙丁集团", "戊己集团", "庚辛集团"}


def test_a_short_form_the_text_defines_is_the_same_project():
    document = extract_text("位于晋江市的甲乙智造园丙丁项目(以下简称“丙丁项目”)施工现场一片繁忙。丙丁项目是全市重点项目。",
                            source="made-up")
    projects = [e for e in document.entities if e.type == "Project"]
    assert [(p.name, p.aliases) for p in projects] == [("甲乙智造园丙丁项目", ("丙丁项目",))]


def test_the_corpus_project_built_by_a_joint_venture_names_its_three_investors():
    found = facts(corpus_document("d18"))
    assert len({o for s, p, o in found if p == "developedBy" and s.endswith("乙烯项目")}) == 3


# -- parks: a phase and a branch --------------------------------------------------------------------

def test_a_parks_phase_is_a_name_of_the_park():
    document = extract_text("甲乙项目将在丙丁物流园区(二期)投资建设仓储中心。", source="made-up")
    [park] = [e for e in document.entities if e.type == "IndustrialPark"]
    assert (park.name, park.aliases) == ("丙丁物流园区", ("丙丁物流园区(二期)",))
    assert ("甲乙项目", "locatedIn", "丙丁物流园区") in facts(document)


def test_a_branch_park_lies_in_its_park_and_its_place_and_the_name_before_it_is_the_parks():
    found = made_up("一家企业将在泉州戊己智能装备产业园晋江分园从事研发。")
    branch, park = "泉州戊己智能装备产业园晋江分园", "泉州戊己智能装备产业园"
    assert {(branch, "locatedIn", park), (branch, "locatedIn", "晋江市"), (park, "locatedIn", "泉州市"),
            (park, "hostsChain", "智能装备")} <= found
    assert (branch, "locatedIn", "泉州市") not in found and (branch, "hostsChain", "智能装备") not in found
    document = extract_text("一家企业将在泉州戊己智能装备产业园晋江分园从事研发。", source="made-up")
    branch_facts = [r for r in document.relations if document.entity(r.subject).name == branch]
    assert branch_facts and {r.modality for r in branch_facts} == {"stated"}  # what a name says is no plan


def test_who_supplied_a_photo_is_no_mention():
    text = "晋江市的丙丁项目前期工程开工。\n施工现场。甲乙石化有限公司供图\n"
    assert "甲乙石化有限公司" not in names(text)
    assert "甲乙石化有限公司" in names("晋江市的甲乙石化有限公司开工。\n")  # (the same name as content is one)


def test_the_firm_named_before_a_rebuilding_projects_kind_develops_it_and_a_place_is_no_firm():
    found = made_up("│ 2 │ 甲乙船舶重工改扩建工程 │ │ │\n")
    assert ("甲乙船舶重工改扩建工程", "developedBy", "甲乙船舶重工") in found
    assert not any(p == "developedBy" for _, p, _ in made_up("泉港石化扩建工程开工。"))  # 泉港区's, no firm's


def test_a_firm_another_invested_in_is_part_of_it():
    found = made_up("甲乙科技有限公司在火炬高新区投资的丙丁科技有限公司发布新品。")
    assert ("丙丁科技有限公司", "subOrganizationOf", "甲乙科技有限公司") in found
    assert not any(p == "subOrganizationOf" for _, p, _ in made_up("甲乙科技有限公司和丙丁科技有限公司发布新品。"))
