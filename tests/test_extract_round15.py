"""The rules of session 15's round on articles nobody here had read (issue 11). Made-up names
of firms, parks and projects; the places are real."""

from made_up_text import facts as _facts
from made_up_text import names as _names
from made_up_text import relations as _relations

from chainkg.loaders.extract import clause_modality, extract_text


def test_a_project_after_a_verb_of_visiting_is_named():
    """记者来到X项目的建设现场: 来到 brings the reader to the project, it does not say what is made."""
    assert "宏帆化学项目" in _names("记者来到宏帆化学项目的建设现场。", "Project")
    assert "恒帆新材料项目" in _names("代表们走进恒帆新材料项目现场。", "Project")


def test_a_frame_place_may_name_a_part_or_the_site_of_a_park():
    """在X园区南区片区， / 在X园区建设现场， / 在X产业园内…， frame the sentence as 在X园区， does."""
    assert ("宏帆化学项目", "locatedIn", "晋江市甲乙工业园区") in _facts(
        "在晋江市甲乙工业园区南区片区，宏帆化学项目的建设现场一派繁忙。")
    assert ("宏帆包装项目", "locatedIn", "南安市甲乙智能制造园区") in _facts(
        "在南安市甲乙智能制造园区建设现场，宏帆包装项目已全面开工。")
    assert ("宏帆饮料有限公司", "locatedIn", "晋江市甲乙产业园") in _facts(
        "昨日，在晋江市甲乙产业园内热闹非凡，宏帆饮料有限公司等10个入驻项目举行集中竣工仪式。")
    # a clause that goes on past a few words after the park is no frame
    assert ("宏帆饮料有限公司", "locatedIn", "晋江市甲乙产业园") not in _facts(
        "在晋江市甲乙产业园内举办的展会上，宏帆饮料有限公司签下大单。")


def test_a_frame_place_may_be_described_first():
    """在闽江河畔的X园区，…: the words before 的 describe the park that frames the sentence."""
    assert ("恒帆控股", "locatedIn", "永泰县甲乙工业园区") in _facts("在闽江河畔的永泰县甲乙工业园区，恒帆控股已经投产。")


def test_a_project_a_firm_is_the_main_investor_of_is_its():
    """X项目由Y主投: Y develops X, as with 由Y投资."""
    assert ("恒帆不锈钢冷轧项目", "developedBy", "甲乙特钢有限公司") in _facts(
        "恒帆不锈钢冷轧项目由甲乙特钢有限公司主投，总投资约35亿元。")


def test_an_investment_said_before_where_it_goes_builds_there():
    """X投资N亿元，在Y建设Z项目: Z lies in Y and is X's; 拟 makes both a plan."""
    facts = _relations("去年，甲乙智能科技有限公司投资100亿元，在漳浦县赤湖镇建设恒帆智能制造产业园项目。")
    assert ("恒帆智能制造产业园项目", "locatedIn", "赤湖镇") in facts
    assert ("恒帆智能制造产业园项目", "developedBy", "甲乙智能科技有限公司") in facts
    assert ("甲乙智能科技有限公司", "locatedIn", "赤湖镇") not in facts
    planned = _relations("甲乙智能科技有限公司拟投资5亿美元，在漳浦县建设恒帆海洋装备项目。")
    assert planned[("恒帆海洋装备项目", "locatedIn", "漳浦县")].modality == "intended"


def test_a_park_built_by_a_firm_is_its():
    """由X(权属企业)开发建设运营的Y产业园: Y is X's; a contractor's 承建 is not."""
    assert ("恒帆智造产业园", "developedBy", "甲乙产业集团") in _facts(
        "今年年初，由甲乙产业集团权属企业开发建设运营的恒帆智造产业园迎来首批7个项目入园。")
    assert ("恒帆新材料产业园", "developedBy", "宏帆集团") in _facts("由宏帆集团开发建设的恒帆新材料产业园已投用。")
    assert not any(p == "developedBy" for _, p, _ in _facts("恒帆新材料产业园由宏帆建工承建。"))


def test_a_chain_keeps_the_words_the_text_names_it_by():
    """先进装备制造 is the template chain 智能装备; its alias keeps the text's 装备制造."""
    document = extract_text("晋江市大力发展装备制造产业。", source="made-up")
    chain = next(e for e in document.entities if e.type == "IndustrialChain")
    assert (chain.name, chain.aliases) == ("智能装备", ("装备制造",))


def test_a_named_places_government_and_departments_are_bodies():
    """南安市经贸局 / 邵武市政府 / 福建省国资委: a body of a named place; 市委 / 市委市政府 / a bare
    市科技局 (an official's title) are none."""
    assert _names("南安市经贸局相关负责人介绍，该项目进展顺利。", "GovernmentBody") == {"南安市经贸局"}
    assert _names("记者从邵武市政府获悉，项目已开工。", "GovernmentBody") == {"邵武市政府"}
    assert "福建省国资委" in _names("福建省国资委与厦门市经发局召开会议。", "GovernmentBody")
    assert _names("三明市委市政府高度重视，市科技局局长到场。", "GovernmentBody") == set()


def test_a_park_is_also_named_without_its_first_place():
    """泉州市泉港X工业园区 is also 泉港X工业园区 (and X工业园区, as before)."""
    park = next(e for e in extract_text("泉州市泉港宏帆工业园区新增企业10家。", source="made-up").entities
                if e.type == "IndustrialPark")
    assert park.name == "泉州市泉港宏帆工业园区" and {"泉港宏帆工业园区", "宏帆工业园区"} <= set(park.aliases)


def test_a_firms_full_name_before_its_park_is_the_firm():
    """福建甲乙生物科技有限公司恒帆科技园: the firm, then its park — two names, not one."""
    names = _names("福建甲乙生物科技有限公司恒帆科技园已建成投用。")
    assert {"福建甲乙生物科技有限公司", "恒帆科技园"} <= names
    assert _names("福建甲乙生物科技有限公司恒帆产业园已建成投用。", "IndustrialPark") == {"恒帆产业园"}


def test_a_key_project_designation_is_no_part_of_a_parks_name():
    """省重点项目X产业园: the designation ends before the park's name."""
    assert _names("省重点项目宏帆材料产业园一期投产。", "IndustrialPark") == {"宏帆材料产业园"}


def test_a_firms_industry_word_stays_in_its_name():
    """恒帆化纤 / 宏帆石材 / 恒帆储能: the industry word the model reads apart is the name's."""
    assert _names("龙头企业宏帆纺织、恒帆化纤带动作用明显。", "Company") == {"宏帆纺织", "恒帆化纤"}


def test_every_firm_of_a_designated_list_leads():
    """龙头企业A、B: the designation before the list calls each item a leader, not only the first."""
    facts = _facts("长乐区纺织产业发展迅速，龙头企业宏帆纺织、恒帆化纤带动作用明显。")
    assert {("宏帆纺织", "leadsChain", "鞋服"), ("恒帆化纤", "leadsChain", "鞋服")} <= facts


def test_a_firm_called_a_champion_or_chain_master_after_its_name_leads():
    """X等一批行业领军企业 / X等链主企业, as X等龙头企业."""
    assert ("宏帆科技", "leadsChain", "竹") in _facts("建瓯市竹产业发展迅速，宏帆科技等一批行业领军企业加快发展。")
    chain_master = _relations("建瓯市竹产业发展迅速，宏帆科技等链主企业加快发展。")[("宏帆科技", "leadsChain", "竹")]
    assert chain_master.leadership_kind == "chain_leader"


def test_as_one_of_an_industrys_leaders_the_firm_after_leads():
    """作为X产业龙头代表之一，Y / 作为X产业的龙头企业之一，Y: Y leads X."""
    assert ("宏帆储能有限公司", "leadsChain", "新型储能") in _facts(
        "作为新型储能产业龙头代表之一，宏帆储能有限公司的项目进展备受关注。")
    assert ("宏帆储能有限公司", "leadsChain", "新型储能") in _facts(
        "作为新型储能产业的龙头企业之一，宏帆储能有限公司的项目进展备受关注。")


def test_a_place_in_brackets_inside_a_parks_name_is_the_names():
    """宏帆(翔安)产业园 / 中国宏帆产业(晋江)基地: the bracketed place is a word of the park's name;
    …(泉州)…生产基地 is a project's (a plant), as …生产基地 is."""
    assert "宏帆(翔安)产业园" in _names("宏帆(翔安)产业园已入驻企业20家。", "IndustrialPark")
    assert "中国宏帆产业(晋江)基地" in _names("中国宏帆产业(晋江)基地开工。", "IndustrialPark")
    assert "宏帆纸业(泉州)高档包装纸生产基地" in _names("宏帆纸业(泉州)高档包装纸生产基地投产。", "Project")


def test_a_middle_dot_between_two_words_of_a_name_keeps_it_whole():
    """武夷山·宏帆生命健康中心项目 is one project; a dot that opens a line or splits a list of places is no name's."""
    assert _names("武夷山·宏帆生命健康中心项目开工。", "Project") == {"武夷山·宏帆生命健康中心项目"}
    assert "安溪宏帆·恒帆智谷产业园" in _names("安溪宏帆·恒帆智谷产业园开园。", "IndustrialPark")
    assert _names("晋江·石狮·南安三地联动。", "AdministrativeArea") == {"晋江市", "石狮市", "南安市"}


def test_a_project_named_after_a_firm_and_its_capacity_is_named_whole():
    """宏帆纸业年产390万吨X项目 / 宏帆新能源二期年产5万吨X项目: the firm, its phase and capacity open the
    project's name; the firm is a name of its own and develops the project."""
    facts = _facts("宏帆纸业年产390万吨林浆纸一体化项目落户赤湖工业园。")
    assert ("宏帆纸业年产390万吨林浆纸一体化项目", "developedBy", "宏帆纸业") in facts
    assert "宏帆新能源二期年产5万吨人造石墨项目" in _names("宏帆新能源二期年产5万吨人造石墨项目投产。", "Project")


def test_a_chain_keeps_the_whole_phrase_of_its_industry():
    """锂电新能源产业 (the chain read from 锂电) and 先进装备制造产业 keep the text's whole phrase as an
    alias; words that are no industry's (千亿, 是) are not taken into it."""
    def chain_aliases(text):
        return {e.name: e.aliases for e in extract_text(text, source="made-up").entities if e.type == "IndustrialChain"}
    assert chain_aliases("宁德市锂电新能源产业完成产值1100亿元。") == {"锂电": ("锂电新能源",)}
    assert "先进装备制造" in chain_aliases("晋江市大力发展先进装备制造产业。")["智能装备"]
    assert chain_aliases("福鼎市建设锂电千亿产业园。").get("锂电", ()) == ()


def test_what_an_industry_is_positioned_to_be_is_a_plan():
    """产业定位以发展X产业为主: the park is meant to grow X, it is not said to."""
    relation = _relations("宏帆化工园区产业定位以发展新材料产业为主，总规划面积539公顷。")[("宏帆化工园区", "hostsChain", "新材料")]
    assert relation.modality == "intended"


def test_the_firms_a_sentence_lists_as_a_places_own_lie_there():
    """海沧其他汽车企业主要还有A、B、C等 / 晋江市的龙头企业有A、B: each firm of the list lies in the place."""
    facts = _facts("除宏帆海燕外，海沧其他汽车及配套企业主要还有宏帆实业、恒帆客车、甲乙公司等。")
    assert {("宏帆实业", "locatedIn", "海沧区"), ("恒帆客车", "locatedIn", "海沧区"), ("甲乙公司", "locatedIn", "海沧区")} <= facts
    assert ("恒帆体育", "locatedIn", "晋江市") in _facts("晋江市的龙头企业有宏帆鞋业、恒帆体育等。")
    # words between the place and 企业有 that break the clause make no list of its firms
    assert not any(p == "locatedIn" for _, p, _ in _facts("晋江市发展迅速，全省规上企业有宏帆实业、恒帆客车等。"))


def test_every_item_of_a_list_that_all_lies_in_one_place_lies_there():
    """A和B都位于东园镇: each item (the park and the project, not the firms their names open with)."""
    facts = _facts("开工的福建宏帆生物科技有限公司宏帆科技园和泉州恒帆实业有限公司恒帆创新谷项目都位于东园镇。")
    assert {("宏帆科技园", "locatedIn", "东园镇"), ("泉州恒帆实业有限公司恒帆创新谷项目", "locatedIn", "东园镇")} <= facts
    assert ("福建宏帆生物科技有限公司", "locatedIn", "东园镇") not in facts


def test_what_a_place_brought_in_was_attracted_to_it():
    """X是我市引进的… / X是建阳区招商引进的项目 / 甲乙高新区签下的X项目: X came to that place."""
    facts = _facts("泉州宏帆粮油工业有限公司是我市引进的首家世界500强企业。")
    assert ("泉州宏帆粮油工业有限公司", "attractedTo", "泉州市") in facts
    assert ("宏帆材料产业园", "attractedTo", "建阳区") in _facts("省重点项目宏帆材料产业园是建阳区招商引进的项目，占地面积约2000亩。")
    assert ("宏帆儿童医院项目", "attractedTo", "漳州高新区") in _facts("现场签约活动中，漳州高新区签下的宏帆儿童医院项目备受关注。")
    # a firm the place merely has is not one it brought in
    assert not any(p == "attractedTo" for _, p, _ in _facts("宏帆公司是泉州市的龙头企业。"))


def test_a_superlative_names_no_project():
    """引进的最大化工项目: a rank of the park named before, no project of its own."""
    assert _names("宏帆化学集团福建产业园总投资近500亿元，是福州市近年来引进的最大化工项目。", "Project") == set()


def test_the_places_a_chain_reaches_host_it():
    """X产业已延伸至A、B、C等 / X产业链已拓展到A、B: each place hosts X; 辐射 only reaches (a neighbour's word)."""
    facts = _facts("宁德市大力发展新能源。锂电新能源产业已延伸至古田、屏南、福安等周边区域。")
    assert {("古田县", "hostsChain", "锂电"), ("屏南县", "hostsChain", "锂电"), ("福安市", "hostsChain", "锂电")} <= facts
    assert ("屏南县", "hostsChain", "锂电") in _facts("宁德市锂电产业链已拓展到古田、屏南。")
    assert ("屏南县", "hostsChain", "锂电") not in _facts("宁德市锂电产业辐射至古田、屏南。")


def test_what_a_policy_backs_or_aims_at_is_a_plan():
    """扶持X龙头企业发展 / 培育发展X等新兴产业 / 高度重视发展X产业 / 重点瞄准X产业 / 以打造X为发展重点:
    intentions; 形成了以X为重点的产业集群 and 瞄准X，引进A (done) stay facts."""
    def mood(text, fact):
        return _relations(text)[fact].modality
    text = "石狮市积极培育新兴产业，扶持海洋生物医药龙头企业发展。"
    assert clause_modality(text, 0, len(text), text.index("海洋"), text.index("龙头")) == "intended"
    assert mood("晋江市培育发展新材料等新兴产业。", ("晋江市", "hostsChain", "新材料")) == "intended"
    assert mood("近年来，石狮市高度重视发展智能制造产业。", ("石狮市", "hostsChain", "智能制造")) == "intended"
    text = "宏帆智能制造园重点瞄准纺织服装产业的强链延链。"
    assert clause_modality(text, 0, len(text), 0, text.index("产业")) == "intended"
    assert mood("当前，海沧区正以打造集成电路基地为发展重点。", ("海沧区", "hostsChain", "半导体")) == "intended"
    assert mood("如今，翔安区形成了以平板显示、集成电路等为重点的产业集群。", ("翔安区", "hostsChain", "半导体")) == "stated"


def test_a_future_said_once_governs_the_clauses_after_it():
    """…必将有力推动A，对于X产业集群打造具有意义 / 将致力把A打造成为…，让B崛起成为…: the clauses after
    必将 / 将致力 are as planned as the first."""
    relation = _relations("项目顺利签约，必将有力推动两地发展，对于宁德新能源产业集群打造具有重要意义。")
    assert relation[("宁德市", "hostsChain", "新能源")].modality == "intended"


def test_a_bylines_name_before_a_bracketed_park_is_none_of_its_name():
    """通讯员 陈智明火炬(翔安)产业区: the byline lost its bracket; the person is no word of the park's name."""
    assert _names("通讯员 陈智明火炬(翔安)产业区形成了产业集群。", "IndustrialPark") == {"火炬(翔安)产业区"}


def test_a_leader_frame_naming_its_own_industry_borrows_no_other_clauses_chain():
    """以A为龙头的食品加工业，以B为龙头的鞋类加工业: B leads the 鞋类 industry its frame names, not 食品."""
    facts = _facts("开发区初步形成了以宏帆食品为龙头的食品加工业，以恒帆鞋业为龙头的鞋类加工业，"
                   "以甲乙钢铁为龙头的钢铁冶炼业等支柱产业。")
    assert ("宏帆食品", "leadsChain", "食品") in facts
    assert ("恒帆鞋业", "leadsChain", "食品") not in facts


def test_a_firm_whose_leading_role_is_stressed_leads():
    """突出X龙头带动作用 / 强化X的龙头作用, as 发挥X龙头作用."""
    assert ("宏帆稀土", "leadsChain", "稀土") in _facts("长汀县稀土产业加快发展，突出宏帆稀土龙头带动作用。")


def test_the_rules_alone_never_run_the_model(monkeypatch):
    """The rules-only path (what the benchmark compares against) reads no word of the model: a
    round-15 alias rule first asked for the model's words before checking, and halved its speed."""
    import chainkg.loaders.extract_names as names
    from chainkg.loaders.extract_lexical import rules_only

    def no_model(text):
        raise AssertionError("the model ran on the rules-only path")

    monkeypatch.setattr(names, "lexical_tokens", no_model)
    names.TokenIndex.of.cache_clear()
    with rules_only():
        document = extract_text("宁德市锂电新能源产业完成产值1100亿元。宏帆(翔安)产业园已入驻企业20家。", source="made-up")
    names.TokenIndex.of.cache_clear()
    assert any(e.type == "IndustrialChain" for e in document.entities)
