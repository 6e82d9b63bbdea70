"""Towns the division table lacks (``loaders/extract_towns.py``): made-up towns under real
counties, and the corpus read as a whole by the gold set."""

from __future__ import annotations

from _extraction import facts

from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_lexical import rules_only
from chainkg.loaders.extract_towns import town_mentions
from chainkg.loaders.gazetteer import place_gazetteer


def _places(document) -> list[tuple[str, str | None]]:
    return [(e.name, e.admin_level) for e in document.entities if e.type == "AdministrativeArea"]


def test_a_town_after_its_county_is_a_township_of_that_county():
    towns = town_mentions("位于安溪县甲乙镇的工厂投产。", place_gazetteer())
    assert [(t.name, t.parent and t.parent.name) for t in towns] == [("甲乙镇", "安溪县")]
    assert ("甲乙镇", "township") in _places(extract_text("位于安溪县甲乙镇的工厂投产。"))


def test_a_town_sub_district_and_township_are_places_by_their_suffix():
    document = extract_text("甲乙镇、丙丁乡和东坑街道发展鞋服产业。")
    assert [name for name, level in _places(document) if level == "township"] == ["甲乙镇", "丙丁乡", "东坑街道"]


def test_a_town_word_that_opens_with_its_county_is_the_town_alone():
    towns = town_mentions("记者走进位于南安丙东镇的工厂。", place_gazetteer())
    assert [(t.name, t.parent and t.parent.name) for t in towns] == [("丙东镇", "南安市")]


def test_a_kind_of_town_or_a_title_is_no_town():
    assert town_mentions("打造现代化新市镇，这里是著名的鲍鱼之乡，推动全县乡镇企业发展。", place_gazetteer()) == []


def test_a_town_named_again_alone_is_the_same_town():
    document = extract_text("安溪县甲乙镇引进丙丁科技有限公司。甲乙镇发展茶叶产业。")
    towns = [e for e in document.entities if e.name == "甲乙镇"]
    assert len(towns) == 1 and len(towns[0].evidence) == 2


def test_what_lies_in_a_town_lies_there_not_in_the_county_its_name_opens_with():
    document = extract_text("记者走进位于南安丙东镇的戊己石材有限公司，看到工人忙碌。南安戊己石材有限公司年产石材。")
    assert ("南安戊己石材有限公司", "locatedIn", "丙东镇") in facts(document)


def test_a_sentence_that_opens_with_a_county_and_its_town_speaks_of_the_town():
    # (the model reads 甲乙镇 in the first sentence; glued to 引进 in the second, it is the same town)
    found = facts(extract_text("甲乙镇发展茶叶产业。安溪县甲乙镇引进丙丁科技有限公司。"))
    assert ("丙丁科技有限公司", "attractedTo", "甲乙镇") in found
    assert ("丙丁科技有限公司", "attractedTo", "安溪县") not in found


def test_a_project_that_lands_in_a_town_is_attracted_there():
    found = facts(extract_text("南安市甲乙纺织项目意向落地丙东镇，年产服装100万件。"))
    assert ("南安市甲乙纺织项目", "attractedTo", "丙东镇") in found


def test_towns_come_from_the_models_words():
    with rules_only():
        assert ("甲乙镇", "township") not in _places(extract_text("安溪县甲乙镇引进项目。"))
