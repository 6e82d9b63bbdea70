"""Chains as the text names them (loaders/extract_chains.py): what each rule yields on the corpus
article that uses the language it reads, and that a made-up sentence of a look-alike shape
yields nothing. The made-up sentences name no firm, park or place of the corpus articles
beyond the gazetteer's counties.
"""

from decimal import Decimal

from _extraction import corpus_document, facts, relation

from chainkg.analyses import chain_gaps
from chainkg.graph.build import load_facts
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.graph.streaming import facts_to_networkx
from chainkg.graph.validate import validate_graph
from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_chains import chain_mentions, resolve_chain
from chainkg.loaders.extract_confidence import confidence
from chainkg.loaders.gazetteer import place_gazetteer
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS
from chainkg.reports.gap_report import gap_matrix, gap_report_files


def calibrated(document, relation_, rule: str, prior: str) -> bool:
    """Whether ``relation_`` was found by ``rule`` and carries that rule's calibrated confidence
    (its precision on the gold set drawn toward the author's ``prior``: ``extract_confidence``)."""
    return document.rules[relation_.key] == rule and relation_.confidence == Decimal(str(confidence(rule, float(prior))))


def chains(document) -> dict[str, str]:
    return {e.name: e.id for e in document.entities if e.type == "IndustrialChain"}


# -- mentions: a head word and the words before it ------------------------------------------

def test_a_list_before_a_head_word_names_one_chain_per_item():
    # d24: 洛江数控机床、工程机械、电气设备等优势产业 (洛江 is the possessor, 优势 a generic word)
    found = chains(corpus_document("d24"))
    assert found["工业母机"] == "chain/machine_tools"  # 数控机床 is an altLabel of the machine-tool chain
    assert found["智能电气"] == "chain/smart_electrical"  # 电气设备 holds the label 电气
    assert found["工程机械"].startswith("chain/x")  # in no template: a chain of its own, named by the text


def test_a_chain_in_no_template_is_named_by_the_texts_words_and_says_so():
    document = corpus_document("d24")
    [chain] = [e for e in document.entities if e.name == "工程机械"]
    assert chain.type == "IndustrialChain"
    assert chain.note == "a chain named by the text ('工程机械'), in no template"
    assert [m.quote for m in chain.evidence] == ["工程机械"]


def test_a_list_of_a_whole_county_chain_plan_resolves_each_item():
    # d14: 着力打造水产品精深加工、新能源新材料、高端精细化工与纺织新材料、海洋工程装备等6条县域重点产业链
    found = chains(corpus_document("d14"))
    assert {"水产品精深加工", "海洋工程装备"} <= set(found)
    assert found["石化"] == "chain/petrochemicals"  # 高端精细化工: generic 高端 off, ends in the label 化工
    assert found["新材料"] == "chain/new_materials"  # 纺织新材料 ends in 新材料 (its head), not 纺织


def test_the_words_of_a_mention_end_at_the_last_verb_before_them():
    # d13: …,是泉州市建材家居行业迭代升级的重要环节 — 是 and the place 泉州市 are not the chain's
    document = corpus_document("d13")
    assert chains(document)["建材家居"].startswith("chain/x")
    assert ("泉州市", "hostsChain", "建材家居") in facts(document)


def test_firms_listed_before_an_industrys_leaders_are_no_chains():
    # d10: 涌现出安踏、特步、三六一度等行业龙头企业 — the items of 等行业龙头 are the industry's firms
    found = chains(corpus_document("d10"))
    assert set(found) == {"鞋服"}  # 纺织 (GB/T 4754 division 17) is an altLabel of 鞋服


def test_a_made_up_sentence_of_generic_words_names_no_chain():
    assert chain_mentions("完善产业链条，推动传统产业转型升级，打造一批战略性新兴产业") == []
    assert chain_mentions("科技创新和产业创新深度融合，提升行业第一的地位") == []
    document = extract_text("永春县健全产业链，培育龙头企业，推动传统产业向高端化转型。")
    assert not [e for e in document.entities if e.type == "IndustrialChain"]


def test_a_mention_is_a_template_chain_when_it_ends_in_or_holds_a_label():
    assert resolve_chain("纸包装制品").chain_id == "chain/paper_packaging"  # holds the altLabel 纸包装
    assert resolve_chain("集成电路").chain_id == "chain/semiconductor"
    assert resolve_chain("纺织服装").chain_id == "chain/footwear_apparel"
    assert resolve_chain("造纸").chain_id == "chain/paper_packaging"  # GB/T 4754 division 22
    own = resolve_chain("海洋工程装备")
    assert not own.template and own.chain_id == resolve_chain("海洋工程装备").chain_id  # the same words, one id


def test_a_material_or_element_before_a_label_names_a_narrower_chain_of_its_own():
    # a noun for an element or material before the label narrows it (the gold README's 氟新材料)
    assert (resolve_chain("氟新材料").template, resolve_chain("氟新材料").name) == (False, "氟新材料")
    assert (resolve_chain("硅芯片").template, resolve_chain("铝合金新材料").name) == (False, "铝合金新材料")
    # an adjective, a verb, a count, a kind of use or another label before it does not
    assert resolve_chain("精细化工").name == "石化"
    assert resolve_chain("纺织新材料").name == "新材料"
    assert resolve_chain("第三代半导体").name == "半导体"
    assert resolve_chain("运动鞋服").name == "鞋服"


def test_a_chain_named_in_its_own_words_is_meant_where_they_stand_again():
    # made up: 甲县 names 钨新材料 as its chain, then its firms as 钨新材料企业 — one chain, not also 新材料
    document = extract_text("安溪县共有钨新材料企业9家，甲乙钨业、丙丁科技等企业形成了钨新材料产业链。")
    assert set(chains(document)) == {"钨新材料"}
    assert {("甲乙钨业", "operatesIn", "钨新材料"), ("丙丁科技", "operatesIn", "钨新材料")} <= facts(document)


# -- hosts: the place before the chain's words -------------------------------------------------

def test_the_place_before_a_mention_hosts_the_chain():
    # d23: 也将有力提升龙岩机械产业的发展水平 — 龙岩 possesses 机械产业
    document = corpus_document("d23")
    host = relation(document, "龙岩市", "hostsChain", "机械")
    assert calibrated(document, host, "possessor_grows", "0.8") and "龙岩机械产业" in host.evidence.quote
    # d20: 说起厦门的集成电路产业 — 的 between the place and the words
    assert ("厦门市", "hostsChain", "半导体") in facts(corpus_document("d20"))
    # d24: every item of the list is the possessor's, intended as the sentence says 将进一步壮大
    document = corpus_document("d24")
    assert {("洛江区", "hostsChain", chain) for chain in ("工业母机", "工程机械", "智能电气")} <= facts(document)
    assert relation(document, "洛江区", "hostsChain", "工程机械").modality == "intended"


def test_a_place_and_a_chain_label_that_open_a_statement_make_a_host():
    # d12: 洛江區智能裝備已建成百億產業集群
    host = relation(corpus_document("d12"), "洛江区", "hostsChain", "智能装备")
    assert calibrated(corpus_document("d12"), host, "label_possessor_grows", "0.7")


def test_a_made_up_place_before_a_park_name_is_no_possessor_of_its_chain():
    document = extract_text("德化县陶瓷产业园今年开工。")
    assert ("德化县", "hostsChain", "陶瓷") not in facts(document)


# -- members: the firms of the clause, sentence or paragraph that names one chain ---------------

def test_firms_in_the_sentence_of_a_chain_operate_in_it():
    # d22: 目前,三明共有氟新材料企业17家,海斯福、三农公司…为上市公司的全资子公司,形成了…氟新材料产业链
    document = corpus_document("d22")
    member = relation(document, "三农公司", "operatesIn", "氟新材料")  # 氟 narrows 新材料: a chain of its own
    assert calibrated(document, member, "member_sentence", "0.6")
    assert ("三农公司", "operatesIn", "新材料") not in facts(document)  # 氟新材料企业 holds no other chain


def test_firms_of_a_paragraph_that_names_one_chain_operate_in_it():
    # d10: the paragraph of 晋江纺织、鞋服产业逆势增长 names 安踏、特步、三六一度 as its leaders
    document = corpus_document("d10")
    for firm in ("特步", "三六一度"):
        assert calibrated(document, relation(document, firm, "operatesIn", "鞋服"), "member_paragraph", "0.5")


def test_a_made_up_paragraph_naming_two_chains_gives_its_firms_neither():
    document = extract_text("晋江市发展鞋服产业和食品产业，甲乙有限公司今年投产。")
    assert not [r for r in document.relations if r.predicate == "operatesIn"]
    document = extract_text("晋江市发展鞋服产业，甲乙有限公司今年投产。")
    assert ("甲乙有限公司", "operatesIn", "鞋服") in facts(document)


# -- a chain in no template in the graph, the analyses and the gap report -----------------------

def test_a_chain_in_no_template_goes_through_the_build_the_shapes_and_the_analyses(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("晋江市大力发展海洋牧场产业，甲乙海洋有限公司落户晋江。", encoding="utf-8")
    loaded = load_facts([PLACES_FACTS, SEED_FACTS, article])
    [chain] = [e for e in loaded.entities.values() if e.name == "海洋牧场"]
    assert chain.id.startswith("chain/x") and chain.type == "IndustrialChain"
    assert ("area/350582", "hostsChain", chain.id) in {r.key for r in loaded.relations}
    assert validate_graph(union_graph(facts_to_dataset(loaded))).conforms  # an article's chain is in the scheme
    kg = facts_to_networkx(loaded)
    iri = next(node for node in kg if node.endswith(chain.id))
    region = next(node for node in kg if node.endswith("area/350582"))
    assert chain_gaps(kg, iri, region).segments == ()  # no template: no segments to find gaps in
    assert gap_matrix(kg, iri).segments == ()
    files = gap_report_files(kg)
    assert "海洋牧场" not in files["gaps.html"] and "gaps/semiconductor.svg" in files  # no empty matrix page


def test_the_gazetteer_gives_the_counties_the_possessor_rule_strips():
    # the possessor is read from the division table's names, not a list: 洛江 is 洛江区's short form
    assert place_gazetteer()["洛江"].name == "洛江区"
    assert [m.name for m in chain_mentions("洛江工程机械产业", places=place_gazetteer())] == ["工程机械"]


# -- compounds, synonyms and abbreviations of industries ---------------------------------------

def test_two_broad_fields_in_one_compound_are_two_chains_and_a_narrower_industry_keeps_its_name():
    document = extract_text("连江县着力打造新能源新材料、光伏新能源、稀土新能源等产业。")
    found = facts(document)
    assert {("连江县", "hostsChain", name) for name in ("新能源", "新材料", "光伏", "稀土新能源")} <= found
    assert not [f for f in found if f[2] in ("新能源新材料", "光伏新能源")]


def test_xinxing_is_xin_and_a_product_names_its_templates_trade():
    assert resolve_chain("新型材料").name == "新材料"
    assert resolve_chain("小吃").name == "食品"
    assert resolve_chain("新型显示").template is False  # 新显示 is no label: the words stay their own


def test_a_quoted_run_of_characters_counted_as_industries_names_one_industry_each():
    document = extract_text("当下，永春县“茶醋瓷”三大产业如何转型升级？走进甲乙茶业有限公司。")
    found = facts(document)
    assert {("永春县", "hostsChain", name) for name in ("茶业", "醋业", "陶瓷")} <= found
    assert ("甲乙茶业有限公司", "operatesIn", "茶业") in found
    # the count must match the characters: “茶醋瓷”两大产业 is no such list
    assert not chain_mentions("永春县“茶醋瓷”两大产业")


def test_the_three_abbreviated_industries_of_d28_are_its_countys_chains():
    found = facts(corpus_document("d28"))
    assert {("永春县", "hostsChain", name) for name in ("香业", "醋业", "陶瓷")} <= found
    assert ("永春达盛香业股份有限公司", "operatesIn", "香业") in found
