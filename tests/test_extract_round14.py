"""The rules of session 14's round on articles nobody here had read (issue 11). Made-up names
of firms and parks; the places are real."""

from made_up_text import facts as _facts
from made_up_text import names as _names
from made_up_text import relations as _relations


def test_a_project_named_after_a_firm_the_article_names_is_that_firms():
    """The firm in full, then its project by the firm's name without its legal form."""
    text = "福建甲乙钨业有限公司去年落户宁化县。甲乙钨业年产三千吨钨粉项目开工建设。"
    assert ("甲乙钨业年产三千吨钨粉项目", "developedBy", "福建甲乙钨业有限公司") in _facts(text)


def test_a_project_named_after_a_firm_of_a_list_is_that_firms():
    """Firms named alone in a list (甲乙纺织、丙丁鞋业等企业), then one of them in a project's name."""
    text = "甲乙纺织、丙丁鞋业等企业已入驻园区。丙丁鞋业智能工厂项目开工建设。"
    assert ("丙丁鞋业智能工厂项目", "developedBy", "丙丁鞋业") in _facts(text)
    # a project whose name merely opens like a firm's is not the firm's: 丙丁 is not 丙丁鞋业
    other = "甲乙纺织、丙丁鞋业等企业已入驻园区。丙丁智能工厂项目开工建设。"
    assert not any(p == "developedBy" for _, p, _ in _facts(other))


def test_a_park_named_after_a_town_the_article_names_lies_in_that_town():
    """东石镇 …, then 东石纺织产业园: the town's stem opens the park's name (and is no firm's brand)."""
    facts = _facts("东石镇今年新增规上企业五家。东石纺织产业园的两个项目已开工。")
    assert ("东石纺织产业园", "locatedIn", "东石镇") in facts
    assert not any(p == "developedBy" for _, p, _ in facts)
    # without the town named in full, the stem says nothing
    assert not any(p == "locatedIn" for _, p, _ in _facts("东石纺织产业园的两个项目已开工。"))


def test_an_industry_one_character_names_is_a_chain():
    """上杭县|铜产业链: 铜 is the industry, 上杭县 grows it."""
    assert ("上杭县", "hostsChain", "铜") in _facts("铜箔项目投产后，上杭县铜产业链更加完整。")
    assert _names("连城县的铜产业规模不断扩大。", "IndustrialChain") == {"铜"}
    assert "茶" in _names("武夷山市做大茶产业。", "IndustrialChain")
    # a character that names no industry is a word of the sentence
    assert _names("该市推动新产业发展。", "IndustrialChain") == set()


def test_sides_of_a_chain_and_words_after_a_verb_are_no_chain():
    """原料供应端、整车制造端等X产业链: the items are the chain's sides; 从A到B产业: 到 ends the words."""
    chains = _names("推动原料供应端、整车制造端等新能源汽车产业链协同发展。", "IndustrialChain")
    assert chains == {"新能源汽车"}
    assert _names("从单个工厂到产业集聚。", "IndustrialChain") == set()


def test_a_benchmark_is_no_part_of_an_industrys_name():
    assert _names("该市是全省标杆汽车产业集聚区。", "IndustrialChain") == {"汽车"}


def test_what_a_project_is_positioned_as_is_an_intention():
    """项目定位为X产业综合体: the role the project is meant for, not what it does yet."""
    relations = _relations("甲乙电子产业园项目定位为泉州市的半导体产业高地。")
    assert relations[("甲乙电子产业园项目", "operatesIn", "半导体")].modality == "intended"


def test_a_designation_introducing_a_list_makes_each_firm_a_leader():
    """…行业还有几家龙头企业，它们分别是：A、B、C: each firm of the list leads the sentence's chain."""
    text = "南安的水暖行业有三家龙头企业，它们分别是：南安甲乙阀门公司、南安丙丁科技公司、南安戊己洁具公司。"
    facts = _facts(text)
    for firm in ("南安甲乙阀门公司", "南安丙丁科技公司", "南安戊己洁具公司"):
        assert (firm, "leadsChain", "卫浴五金") in facts
    # the same firms after a sentence that designates none lead nothing
    plain = "南安的水暖行业有三家企业，它们分别是：南安甲乙阀门公司、南安丙丁科技公司、南安戊己洁具公司。"
    assert not any(p == "leadsChain" for _, p, _ in _facts(plain))


def test_a_firm_called_such_a_leader_is_one():
    """走出了X这样的行业龙头: X is called a leader of the sentence's industry."""
    text = "石狮市发展鞋服产业，走出了甲乙体育用品有限公司这样的行业龙头。"
    assert ("甲乙体育用品有限公司", "leadsChain", "鞋服") in _facts(text)


def test_a_short_name_with_gong_si_is_the_firm_named_in_full():
    """厦门甲乙卫浴公司 …, then 甲乙公司: one firm."""
    text = "厦门甲乙卫浴公司落户海沧区。近年来，甲乙公司加大研发投入。"
    assert _names(text, "Company") == {"厦门甲乙卫浴公司"}


def test_departments_industries_and_money_the_model_tags_are_no_organizations():
    """会同发改、工信等部门 (departments); 汽车行业 (an industry); 注册资本金 (money)."""
    assert _names("管委会会同发改、工信等部门开展服务。", "Company") == set()
    assert _names("近年来国内汽车行业竞争加剧。", "Company") == set()
    assert _names("甲乙电子、丙丁光学等企业入驻，注册资本金合计超过十亿元。", "Company") == {"甲乙电子", "丙丁光学"}


def test_which_project_is_no_projects_name():
    """安溪唯一项目: 唯一 says which of the projects, not what it is."""
    assert _names("入选名单的安溪唯一项目是一座新厂房。", "Project") == set()


def test_there_is_also_and_a_kind_of_firm_are_no_part_of_a_name():
    """还有X有限公司, 在台企X有限公司, 航拍X产业园: the words before the name are the sentence's;
    中国企业X keeps its 企业 out of the name without reading 国企 in it."""
    assert _names("园区里还有丙丁科技有限公司。", "Company") == {"丙丁科技有限公司"}
    assert _names("记者走访了台企厦门甲乙轮胎有限公司。", "Company") == {"厦门甲乙轮胎有限公司"}
    assert _names("航拍福安甲乙电机产业园全景。", "IndustrialPark") == {"福安甲乙电机产业园"}


def test_a_numbered_part_continues_the_item_before_it():
    """丁戊码头3号、5号仓库等项目: 5号仓库 is no project of its own."""
    projects = _names("乙丙纸业扩建项目和丁戊码头3号、5号仓库等3个项目正在施工。", "Project")
    assert not any(name[0].isdigit() for name in projects)


def test_here_is_the_park_the_sentence_before_named():
    """…走访了X产业园。园区内，A、B等企业已投产: the firms lie in the park."""
    facts = _facts("上月，记者走访了丰泽区的甲乙电子信息产业园。园区内，丙丁光电、戊己微电子等企业已投产。")
    assert ("丙丁光电", "locatedIn", "甲乙电子信息产业园") in facts
    assert ("戊己微电子", "locatedIn", "甲乙电子信息产业园") in facts


def test_supporting_projects_and_plants_of_a_chain_name_no_chain():
    """A、B等上下游产业链配套项目 lists products of the projects; X产业生产基地 is a plant."""
    assert _names("重点引进扣式电池、电极材料等上下游产业链配套项目。", "IndustrialChain") == set()
    assert _names("该厂是省内最大的涤纶、锦纶产业生产基地。", "IndustrialChain") == set()


def test_an_industry_drawn_from_elsewhere_is_not_grown_there():
    """承接台湾X产业 / 借助上海X产业: the place is where the industry comes from, not where it grows;
    a place outside the article's region grows nothing the article reports."""
    assert not any(s == "台湾省" for s, _, _ in _facts("泉州台商投资区将重点承接台湾电子信息等产业。"))
    assert not any(s == "上海市" for s, _, _ in _facts("三明市甲乙汽车公司借助上海新能源产业优势研发新车。"))


def test_a_firm_named_only_inside_one_projects_name_owns_its_other_project():
    """宏帆钨业有限公司X项目 … 宏帆钨业Y项目: the firm of the first project's name owns the second."""
    text = "宁化县宏帆钨业有限公司钨粉扩建项目已投产。宏帆钨业三期冶炼项目今年开工。"
    assert ("宏帆钨业三期冶炼项目", "developedBy", "宁化县宏帆钨业有限公司") in _facts(text)


def test_the_words_after_the_firms_word_name_the_industry():
    """入驻的企业有省内X领域龙头企业Y: X is the industry (企业有 and 省内 are the sentence's), Y leads it."""
    assert ("宏帆科技", "leadsChain", "工业软件") in _facts("目前入驻园区的企业有省内工业软件领域龙头企业宏帆科技。")


def test_yi_as_a_preposition_ends_what_came_before_a_name():
    """甲市乙区以X集团为链主 / 甲市正以工业园区…: 以 is the sentence's preposition, not a name's
    character (以色列 keeps it)."""
    assert _names("其中，龙岩新罗以宏帆集团为链主，带动上下游企业集聚。", "Company") == {"宏帆集团"}
    assert _names("漳州市正以工业园区提质增效推动制造业发展。", "IndustrialPark") == set()
    assert _names("以色列甲乙集团在厦门设立分公司。", "Company") == {"以色列甲乙集团"}


def test_a_project_built_after_an_investment_lies_where_the_investment_goes():
    """X计划在Y投资N亿元，…，建设Z项目: Z lies in Y and is X's, as planned; X itself is not placed."""
    relations = _relations("宏帆纸业集团计划在南安市投资12亿元，新增三条生产线，建设高档包装纸扩建项目。")
    assert relations[("高档包装纸扩建项目", "locatedIn", "南安市")].modality == "intended"
    assert relations[("高档包装纸扩建项目", "developedBy", "宏帆纸业集团")].modality == "intended"
    assert ("宏帆纸业集团", "locatedIn", "南安市") not in relations


def test_a_verb_as_all_the_words_before_a_zones_kind_word_leaves_no_name():
    """坚持一手抓|开发区提质: the verb governs 开发区, which names no zone here."""
    assert _names("该县坚持一手抓开发区提质，一手抓项目落地。", "DevelopmentZone") == set()


def test_a_list_after_a_colon_is_as_planned_as_the_words_before_it():
    """将推进2个重点项目：A，B: the projects are planned, so is what their names say they do."""
    planned = _relations("德化县提出，今年将推进2个重点项目：宏帆陶瓷扩建项目，丙丁陶瓷技改项目。")
    assert planned[("宏帆陶瓷扩建项目", "operatesIn", "陶瓷")].modality == "intended"
    done = _relations("德化县今年推进的2个重点项目已投产：宏帆陶瓷扩建项目，丙丁陶瓷技改项目。")
    assert done[("宏帆陶瓷扩建项目", "operatesIn", "陶瓷")].modality == "stated"


def test_the_chemistry_of_a_feedstock_is_a_chain_of_its_own():
    """以X为龙头的煤化工 / 盐化工: coal and salt chemistry are not the petrochemical chain."""
    text = "全区已形成以宏帆化工为龙头的煤化工，盐化工也初具规模。"
    assert ("宏帆化工", "leadsChain", "煤化工") in _facts(text)
    assert _names(text, "IndustrialChain") == {"煤化工", "盐化工"}


def test_a_list_of_firms_as_the_industrys_leaders():
    """以A、B为行业龙头的X产业: each firm leads X; 发挥了龙头企业带动作用 names no firm."""
    facts = _facts("石狮市形成了以宏帆服饰、丙丁织造为行业龙头的休闲服装产业。")
    assert ("宏帆服饰", "leadsChain", "鞋服") in facts and ("丙丁织造", "leadsChain", "鞋服") in facts
    assert _names("园区充分发挥了龙头企业带动作用。", "Company") == set()


def test_an_items_amount_is_no_part_of_its_name():
    """总投资N亿元(的)X项目 in a list: the amount is the sentence's, the project is X项目."""
    text = "活动期间，总投资12亿元的宏帆光电扩建项目、总投资8亿元恒帆科技技改项目等5个重大招商项目签约落地。"
    assert _names(text, "Project") == {"宏帆光电扩建项目", "恒帆科技技改项目"}


def test_a_brands_he_stays_in_the_name():
    """瑞和陶瓷有限公司: cut at its 和, nothing but trade words would be left, so 和 is the brand's;
    甲乙和丙丁陶瓷有限公司 still names 丙丁's firm."""
    assert _names("德化县引进瑞和陶瓷有限公司。", "Company") == {"瑞和陶瓷有限公司"}
