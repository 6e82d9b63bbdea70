"""Issues 11 and 17: no entity from a slogan, an honour, a plan's words or a kind in a name's place.

Each rule is shown on a made-up sentence (invented names in the frames news uses), then on the
whole corpus: what the rules describe never comes out of a real article either.
"""

import re

import pytest
from _extraction import corpus_document

from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_generic import CLAUSE_OPENERS, in_slogan_frame, is_no_brand, names_a_kind
from chainkg.loaders.extract_names import projects_introduced

from _paths import CORPUS

_NAMED = ("Company", "ResearchInstitute", "GovernmentBody", "Association", "IndustrialPark", "DevelopmentZone", "Project")
PREFIXES = sorted(p.name.split("_")[0] for p in CORPUS.glob("*.txt"))


def named(text: str) -> set[tuple[str, str]]:
    """(type, name) of every body, park, zone and project the extractor finds in ``text``."""
    return {(e.type, e.name) for e in extract_text(text, source="made-up").entities if e.type in _NAMED}


# -- slogans and honours ----------------------------------------------------------------------

@pytest.mark.parametrize("text", ["甲乙区致力打造中国鞋纺城。", "南区打造“丙丁芯谷”。", "高新区被评为全国十大优秀产业园。"])
def test_what_a_place_means_to_become_or_is_called_is_no_park(text):
    assert named(text) == set()


def test_a_park_a_place_builds_under_its_own_name_is_still_a_park():
    assert named("甲乙区打造戊己光电产业园，年底投产。") == {("IndustrialPark", "戊己光电产业园")}


# -- words that open a clause -----------------------------------------------------------------

def test_a_target_before_a_back_reference_makes_no_park():
    assert named("工人们抓紧施工，力争产业园年底投产。") == set()


def test_a_policys_title_is_not_part_of_the_park_it_is_about():
    assert named("市政府出台《关于推进甲乙配件工业园建设的实施意见》，设立专项资金。") == {("IndustrialPark", "甲乙配件工业园")}


def test_the_items_a_list_of_projects_introduces_are_projects_whatever_their_ending():
    text = "其中，超10亿元的项目有甲乙建筑产业园、丙丁科技城等。"
    assert named(text) == {("Project", "甲乙建筑产业园"), ("Project", "丙丁科技城")}
    other = "重点项目包括甲乙大厦和丙丁港区。"
    assert [other[a:b] for a, b in projects_introduced(other)] == ["甲乙大厦", "丙丁港区"]


# -- kinds, grades and ranks ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "公司打破被国外大公司垄断的格局。",
    "甲乙市引进内资项目152项，总投资127亿元。",
    "晋江市设立省级半导体高新区。",
    "南区打造高端全产业基地。",
])
def test_a_kind_grade_or_quality_before_a_names_ending_names_no_body(text):
    assert named(text) == set()


def test_a_grade_is_no_zone_but_the_park_it_describes_stays():
    assert named("丙丁石化园区是福建省的省级经济开发区。") == {("IndustrialPark", "丙丁石化园区")}


def test_a_kind_of_work_invested_in_is_no_project_but_its_investor_is_a_firm():
    assert named("这个由甲乙集团投资23亿元的智能化改造项目，旨在打造智造园区。") == {("Company", "甲乙集团")}


def test_a_place_or_a_chain_alone_before_the_ending_is_a_name():
    assert not names_a_kind("南安高新技术", "产业园区")  # the place's park
    assert not names_a_kind("集成电路", "产业园", {"集成电路"})  # a park named by its chain
    assert names_a_kind("国家级集成电路", "产业园", {"集成电路"})  # graded: a kind of park


# -- brands and parks -------------------------------------------------------------------------

def test_a_common_noun_before_a_chains_label_is_no_brand():
    found = named("南区打造化合物半导体产业基地，以化合物半导体为主，发展光通信器件。")
    assert found == {("IndustrialPark", "化合物半导体产业基地")}


def test_a_parks_own_words_before_a_chains_label_are_no_firm():
    found = named("晋江市甲乙园区有企业前来。甲乙园服饰标准厂房一体化微工业园开工。")
    assert not any(kind == "Company" for kind, _ in found)
    assert is_no_brand("甲乙园", False, ["甲乙园区"]) and not is_no_brand("甲乙", False, ["丙丁园区"])


def test_a_park_that_signs_an_agreement_stays_a_park():
    assert named("丙丁芯谷与戊己投资签订协议，布局集成电路产业。") == {("IndustrialPark", "丙丁芯谷"), ("Company", "戊己投资")}


# -- the corpus ---------------------------------------------------------------------------------

@pytest.mark.parametrize("prefix", PREFIXES)
def test_no_corpus_entity_is_a_slogan_a_clause_fragment_or_a_kind(prefix):
    document = corpus_document(prefix)
    text = document.text.text
    for entity in document.entities:
        if entity.type not in _NAMED:
            continue
        assert not entity.name.startswith(CLAUSE_OPENERS), entity.name
        assert not re.search(r"[一二三四五六七八九十百]大|百强|优秀", entity.name), entity.name
        ending = re.search(r"(?:公司|项目|产业园|工业园|园区|基地|开发区|高新区)$", entity.name)
        if ending and entity.type != "GovernmentBody":
            assert not names_a_kind(entity.name[:ending.start()], ending.group()), entity.name
        # a name written only where a place says what it means to become is an aim, not a thing
        spots = [m.span() for m in re.finditer(re.escape(entity.name), text)]
        assert not spots or not all(in_slogan_frame(text, a, b) for a, b in spots), entity.name


def test_no_corpus_firm_bears_the_name_of_a_park_of_the_build():
    parks = {n for p in PREFIXES for e in corpus_document(p).entities if e.type == "IndustrialPark" for n in (e.name, *e.aliases)}
    firms = {e.name for p in PREFIXES for e in corpus_document(p).entities if e.type == "Company"}
    assert not firms & parks
    assert not any(re.search(r"[园谷]$", firm) for firm in firms)


def test_the_projects_a_corpus_list_introduces_come_out_as_projects():
    # d24 lists the big projects of a groundbreaking after 的项目有: each item is a project
    document = corpus_document("d24")
    items = {document.text.text[a:b] for a, b in projects_introduced(document.text.text)}
    assert len(items) == 2
    assert items <= {e.name for e in document.entities if e.type == "Project"}
    assert not items & {e.name for e in document.entities if e.type == "IndustrialPark"}


def test_a_capacity_opens_its_projects_name_and_measures_the_whole_item():
    found = named("全市推进重点项目建设，30万吨/年丙烯及聚丙烯扩建项目、甲乙化纤、丙丁高纤等项目平稳建设。")
    assert ("Project", "30万吨/年丙烯及聚丙烯扩建项目") in found
    assert not any(name.startswith("年") or name == "聚丙烯扩建项目" for _, name in found)
