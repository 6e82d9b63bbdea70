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
