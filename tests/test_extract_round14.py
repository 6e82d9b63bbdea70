"""The rules of session 14's round on articles nobody here had read (issue 11). Made-up names
of firms and parks; the places are real."""

from made_up_text import facts as _facts
from made_up_text import names as _names
from made_up_text import relations as _relations


def test_a_project_named_after_a_firm_the_article_names_is_that_firms():
    """The firm in full, then its project by the firm's name without its legal form."""
    text = "福建甲乙铜业有限公司去年落户上杭县。甲乙铜业年产五万吨铜箔项目开工建设。"
    assert ("甲乙铜业年产五万吨铜箔项目", "developedBy", "福建甲乙铜业有限公司") in _facts(text)


def test_a_project_named_after_a_firm_of_a_list_is_that_firms():
    """Firms named alone in a list (丙丁、戊己等企业), then one of them in a project's name."""
    text = "甲乙纺织、丙丁鞋业等企业已入驻园区。丙丁鞋业智能工厂项目开工建设。"
    assert ("丙丁鞋业智能工厂项目", "developedBy", "丙丁鞋业") in _facts(text)
    # a project whose name merely opens like a firm's is not the firm's: 丙丁 is not 丙丁鞋业
    other = "甲乙纺织、丙丁鞋业等企业已入驻园区。丙丁智能工厂项目开工建设。"
    assert not any(p == "developedBy" for _, p, _ in _facts(other))


def test_a_park_named_after_a_town_the_article_names_lies_in_that_town():
    """东石镇 …, then 东石智能制造园: the town's stem opens the park's name."""
    text = "东石镇依托区位优势发展智能制造。在东石智能制造产业园建设现场，多个项目已开工。"
    assert ("东石智能制造产业园", "locatedIn", "东石镇") in _facts(text)
    # without the town named in full, the stem says nothing
    assert not any(p == "locatedIn" for _, p, _ in _facts("在东石智能制造产业园建设现场，多个项目已开工。"))


def test_an_industry_one_character_names_is_a_chain():
    """标志着|上杭县|铜产业: the verb and the place are left off; 铜 is the industry, 上杭县 grows it."""
    assert ("上杭县", "hostsChain", "铜") in _facts("项目投产，标志着上杭县铜产业进入新阶段。")
    assert _names("这标志着连城铜产业进入新阶段。", "IndustrialChain") == {"铜"}
    assert "茶" in _names("武夷山市做大茶产业。", "IndustrialChain")
    # a character that names no industry is a word of the sentence
    assert _names("该市推动新产业发展。", "IndustrialChain") == set()


def test_sides_of_a_chain_and_words_after_a_verb_are_no_chain():
    """资源供应端、产品制造端…等X产业链: the items are the chain's sides; 从A到B产业: 到 ends the words."""
    chains = _names("打通资源供应端、产品制造端、市场销售端等新能源汽车产业链。", "IndustrialChain")
    assert chains == {"新能源汽车"}
    assert _names("从土地制约到产业松绑。", "IndustrialChain") == set()


def test_a_benchmark_is_no_part_of_an_industrys_name():
    assert _names("项目定位为闽西南的标杆汽车产业综合体。", "IndustrialChain") == {"汽车"}


def test_what_a_project_is_positioned_as_is_an_intention():
    """项目定位为X产业综合体: the role the project is meant for, not what it does yet."""
    relations = _relations("甲乙汽车城产业园项目定位为漳州市的汽车产业综合体。")
    assert relations[("甲乙汽车城产业园项目", "operatesIn", "汽车")].modality == "intended"


def test_a_designation_introducing_a_list_makes_each_firm_a_leader():
    """…行业还有几家龙头企业，它们分别是：A、B、C: each firm of the list leads the sentence's chain."""
    text = "厦门水暖、卫浴行业还有几家龙头企业，它们分别是：厦门甲乙工业公司、厦门丙丁科技公司、厦门戊己卫浴公司。"
    facts = _facts(text)
    for firm in ("厦门甲乙工业公司", "厦门丙丁科技公司", "厦门戊己卫浴公司"):
        assert (firm, "leadsChain", "卫浴五金") in facts
    # the same firms after a sentence that designates none lead nothing
    plain = "厦门水暖、卫浴行业还有几家企业，它们分别是：厦门甲乙工业公司、厦门丙丁科技公司、厦门戊己卫浴公司。"
    assert not any(p == "leadsChain" for _, p, _ in _facts(plain))


def test_a_firm_called_such_a_leader_is_one():
    """孕育了X这样…的行业龙头: X is called a leader of the sentence's industry."""
    text = "晋江市陈埭镇发展鞋服产业，孕育了甲乙体育用品有限公司这样“永不止步”的行业龙头。"
    assert ("甲乙体育用品有限公司", "leadsChain", "鞋服") in _facts(text)


def test_a_short_name_with_gong_si_is_the_firm_named_in_full():
    """厦门甲乙卫浴公司 …, then 甲乙公司: one firm."""
    text = "厦门甲乙卫浴公司落户海沧区。近年来，甲乙公司加大研发投入。"
    assert _names(text, "Company") == {"厦门甲乙卫浴公司"}


def test_departments_industries_and_money_the_model_tags_are_no_organizations():
    """与住建、工信等部门联动 (departments); 汽车行业 (an industry); 注册资本金 (money)."""
    assert _names("园区坚持服务为本，与自然资源、住建、工信等部门加强联动。", "Company") == set()
    assert _names("顾问称，中国的汽车行业迎来了历史性的机遇。", "Company") == set()
    assert _names("甲乙厨具、丙丁家居等重点企业已注册落地，已登记注册资本金达到41亿元。", "Company") == {"甲乙厨具", "丙丁家居"}


def test_which_project_is_no_projects_name():
    """南安唯一项目: 唯一 says which of the projects, not what it is."""
    assert _names("该项目已竣工投用，并作为南安唯一项目参与评比。", "Project") == set()


def test_there_is_also_and_a_kind_of_firm_are_no_part_of_a_name():
    """还有X有限公司, 在台企X有限公司, 航拍X产业园: the words before the name are the sentence's;
    中国企业X keeps its 企业 out of the name without reading 国企 in it."""
    assert "丙丁科技有限公司" in _names("除了甲乙公司外，还有丙丁科技有限公司。", "Company")
    assert _names("在台企厦门甲乙轮胎有限公司，到处是一派忙碌的景象。", "Company") == {"厦门甲乙轮胎有限公司"}
    assert _names("航拍宁德甲乙新材料产业园。", "IndustrialPark") == {"宁德甲乙新材料产业园"}
