"""Who was brought in where (``extract_triggers``): signing lists, tenants named in the clause
after the one that brings them in, a base later called just 基地, and the county an article is
about. Made-up names under real counties; the corpus is read as a whole by the gold set."""

from __future__ import annotations

from _extraction import facts

from chainkg.loaders.extract import extract_text


def test_the_projects_a_place_signs_for_are_attracted_to_it():
    document = extract_text("安溪县现场签约甲乙茶业项目、丙村“丁戊”文旅项目、己庚智能装备项目等3个项目，总投资9亿元。")
    found = facts(document)
    for project in ("甲乙茶业项目", "丙村“丁戊”文旅项目", "己庚智能装备项目"):
        assert (project, "attractedTo", "安溪县") in found
    assert document.rules[next(r.key for r in document.relations if r.predicate == "attractedTo")] == "signed"


def test_a_signing_ceremony_brings_in_nothing():
    found = facts(extract_text("安溪县举行签约仪式，甲乙茶业项目、丙丁食品项目等2个项目参加。"))
    assert not [f for f in found if f[1] == "attractedTo"]


def test_a_signing_list_goes_to_the_county_the_article_is_about():
    text = ("泉州市安溪县举办招商会。安溪县是产茶大县。安溪县发展茶产业。"
            "会上，专场签约甲乙茶业项目、丙丁食品项目等2个项目。")
    found = facts(extract_text(text))
    assert ("甲乙茶业项目", "attractedTo", "安溪县") in found
    assert ("甲乙茶业项目", "attractedTo", "泉州市") not in found


def test_tenants_named_after_a_clause_that_brings_in_a_batch_settle_in_its_base():
    text = ("安溪县甲乙光电产业基地今日封顶。基地在建期间，就吸引了一批优质企业意向入驻，"
            "丙丁光电、戊己电子、庚辛科技等9个首批入驻项目总投资超30亿元。")
    found = facts(extract_text(text))
    for firm in ("丙丁光电", "戊己电子", "庚辛科技"):
        assert (firm, "attractedTo", "安溪县甲乙光电产业基地") in found
        assert (firm, "locatedIn", "安溪县甲乙光电产业基地") in found


def test_a_clause_that_names_what_it_brings_in_takes_no_list_from_the_next():
    text = "安溪县甲乙光电产业基地今日封顶。基地引进了丙丁光电一家企业，戊己电子、庚辛科技等企业正在洽谈。"
    found = facts(extract_text(text))
    assert ("戊己电子", "attractedTo", "安溪县甲乙光电产业基地") not in found


def test_a_batch_brought_in_is_stated_and_their_intended_settling_is_an_intention():
    text = ("安溪县甲乙光电产业基地今日封顶。基地在建期间，就吸引了一批优质企业意向入驻，"
            "丙丁光电、戊己电子等9个首批入驻项目总投资超30亿元。")
    document = extract_text(text)
    moods = {(document.entity(r.subject).name, r.predicate): r.modality for r in document.relations
             if document.entity(r.subject).name == "丙丁光电"}
    assert moods[("丙丁光电", "attractedTo")] == "stated"
    assert moods[("丙丁光电", "locatedIn")] == "intended"


def test_a_project_that_intends_to_land_is_an_intention():
    document = extract_text("南安市甲乙纺织项目意向落地丙东镇，年产服装100万件。")
    landed = [r for r in document.relations if r.predicate == "attractedTo"]
    assert landed and all(r.modality == "intended" for r in landed)
