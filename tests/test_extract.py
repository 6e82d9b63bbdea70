"""The article loader on the real corpus: found entities and relations, offsets, scores."""

import json

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from chainkg.analyses.names import normalize_name
from chainkg.cli import main
from chainkg.loaders.articles import is_abbreviation, load_articles, read_article
from chainkg.loaders.evaluate import evaluate_seed
from chainkg.loaders.extract import extract_text
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, load_reviewed_facts
from chainkg.loaders.text import normalize_article, to_simplified

from _paths import CORPUS, REPO

EXPECTATIONS = sorted((REPO / "tests" / "expectations").glob("*.yaml"))
KINDS = {"organizations": ("Company", "ResearchInstitute", "GovernmentBody", "Association", "StockExchange"),
         "parks": ("IndustrialPark",), "zones": ("DevelopmentZone",), "places": ("AdministrativeArea",)}


def names_of(document, types) -> set[str]:
    return {normalize_name(n) for e in document.entities if e.type in types for n in (e.name, *e.aliases)}


def triples(document) -> set[tuple[str, str, str]]:
    names = {e.id: e for e in document.entities}
    return {(normalize_name(n1), r.predicate, normalize_name(n2))
            for r in document.relations
            for n1 in (names[r.subject].name, *names[r.subject].aliases)
            for n2 in (names[r.object].name, *names[r.object].aliases)}


def test_seed_scores_meet_the_bar():
    result = evaluate_seed(SEED_FACTS)
    assert result.entities["all"].f1 >= 0.90, result.as_dict()["entities"]
    assert result.relations["all"].f1 >= 0.80, result.as_dict()["relations"]


@pytest.mark.parametrize("expectation", EXPECTATIONS, ids=lambda p: p.stem)
def test_what_a_reader_sees_is_found(expectation):
    expected = yaml.safe_load(expectation.read_text(encoding="utf-8"))
    document = extract_text((CORPUS / expected["article"]).read_text(encoding="utf-8"), source=expectation.stem)
    for key, types in KINDS.items():
        missing = [n for n in expected.get(key, []) if normalize_name(n) not in names_of(document, types)]
        assert not missing, f"{key} not found: {missing}"
    found = triples(document)
    missing = [r for r in expected.get("relations", []) if (normalize_name(r[0]), r[1], normalize_name(r[2])) not in found]
    assert not missing, f"relations not found: {missing}"


@pytest.mark.parametrize("article", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.stem)
def test_every_offset_gives_back_its_text(article):
    original = article.read_text(encoding="utf-8")
    document = extract_text(original, source=article.stem)
    assert document.relations or article.stem.startswith("d6")
    for relation in document.relations:
        assert relation.evidence is not None
        assert original[relation.evidence.start:relation.evidence.end] == relation.evidence.quote
    for entity in document.entities:
        for mention in entity.evidence:
            assert original[mention.start:mention.end] == mention.quote


def _facts(document):
    entities = {(e.type, e.name) for e in document.entities}
    return entities, triples(document)


@pytest.mark.parametrize("article", ["seed_quanzhou_parks_2024q1.txt", "d4_jinjiang_chains_trad.txt",
                                     "d5_jinjiang_supplychain_tradpinyin.txt"])
def test_traditional_or_annotated_text_gives_the_same_facts_as_its_clean_form(article):
    original = (CORPUS / article).read_text(encoding="utf-8")
    clean = normalize_article(original).text  # simplified, no annotations, no boilerplate
    assert to_simplified(clean) == clean and "(zh" not in clean
    assert _facts(extract_text(original)) == _facts(extract_text(clean))


def test_seed_reads_like_its_reviewed_facts():
    document = extract_text((CORPUS / "seed_quanzhou_parks_2024q1.txt").read_text(encoding="utf-8"))
    found = triples(document)
    assert ("中国机械总院海西分院", "leadsChain", "工业母机") in found
    assert ("南王", "listedOn", "深圳证券交易所") in found
    assert ("九牧卫浴智慧产业园", "locatedIn", "石狮市") in found
    lead = next(r for r in document.relations if r.predicate == "leadsChain")
    assert lead.leadership_kind == "chain_leader" and lead.method == "extracted"


def test_entity_resolution_within_and_across_documents(tmp_path):
    first = tmp_path / "a.txt"
    second = tmp_path / "b.txt"
    first.write_text("晋江市永佳智能装备产业园导入智能装备。玖龙纸业集团在台商区落地。", encoding="utf-8")
    second.write_text("晋江的永佳智能装备产业园举行招商推介会。玖纸与华芯投资签订协议。", encoding="utf-8")
    facts = load_articles([first, second])
    parks = [e for e in facts.entities.values() if "IndustrialPark" in e.types]
    assert len(parks) == 1 and parks[0].name == "晋江市永佳智能装备产业园"
    assert "永佳智能装备产业园" in parks[0].aliases
    assert "area/350582" in facts.entities and facts.entities["area/350582"].name == "晋江市"
    paper = [e for e in facts.entities.values() if e.name == "玖龙纸业集团"]
    assert len(paper) == 1 and "玖纸" in paper[0].aliases
    located = {(r.subject, r.object) for r in facts.relations if r.predicate == "locatedIn"}
    assert (paper[0].id, "zone/quanzhou_tib") in located  # 台商区 = 泉州台商投资区


def test_abbreviations():
    assert is_abbreviation("玖纸", "玖龙纸业")
    assert not is_abbreviation("龙纸", "玖龙纸业")


def test_extracted_facts_merge_with_reviewed_ones_and_reviewed_win(tmp_path):
    reviewed = load_reviewed_facts(PLACES_FACTS).merge(load_reviewed_facts(SEED_FACTS))
    facts = load_articles([CORPUS / "seed_quanzhou_parks_2024q1.txt", CORPUS / "d3_jinjiang_devzone_parks.txt"], reviewed)
    # the seed's entities resolve to the reviewed ones, which keep their names
    assert "org/nanwang" not in facts.entities
    assert not any(e.name == "南王" for e in facts.entities.values())
    # d3's 永佳智能装备产业园 is the seed's park; the relation the reviewed facts state is not repeated
    assert not any(r.subject == "park/yongjia_smart_equipment" and r.predicate == "hostsChain"
                   and r.object == "chain/smart_equipment" for r in facts.relations)
    assert all(r.method == "extracted" and r.evidence is not None for r in facts.relations)


def test_build_takes_articles_and_folders(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["build", "--out", str(out), "--no-report", str(PLACES_FACTS), str(SEED_FACTS), str(CORPUS)]) == 0
    from rdflib import Graph, Literal
    from rdflib.namespace import RDF, SKOS

    from chainkg.ontology import CKG

    graph = Graph().parse(out / "graph.ttl")
    for name in ("晋江经济开发区", "信泰集团", "晶安光电"):
        assert (None, SKOS.prefLabel, Literal(name, lang="zh")) in graph, name
    # d1 declares 泉州芯谷 the short name (简称) of a park: one park with that alias, no company of that name
    [xingu] = graph.subjects(SKOS.altLabel, Literal("泉州芯谷", lang="zh"))
    assert (xingu, RDF.type, CKG.IndustrialPark) in graph and (xingu, RDF.type, CKG.Company) not in graph
    methods = {str(o) for o in graph.objects(None, CKG.method)}
    assert {"reviewed", "extracted", "placed"} <= methods


def test_html_main_text_goes_through_the_extractor(tmp_path):
    article = (CORPUS / "d3_jinjiang_devzone_parks.txt").read_text(encoding="utf-8")
    paragraphs = "".join(f"<p>{line}</p>" for line in article.splitlines() if line.strip())
    page = tmp_path / "page.html"
    page.write_text(f"<html><head><title>晋江</title><script>var x = '泉州钢铁集团';</script></head><body>"
                    f"<nav>首页 | 新闻 | 联系我们</nav><article>{paragraphs}</article>"
                    f"<footer>版权所有 ©2023 某某网 联系电话 0595-00000000</footer></body></html>", encoding="utf-8")
    text, how = read_article(page)
    assert how == "html:trafilatura" and "泉州钢铁集团" not in text and "联系我们" not in text
    document = extract_text(text)
    assert {"晋江经济开发区管委会", "华润集团"} <= {e.name for e in document.entities}


def test_extract_cli_json_shape(capsys):
    assert main(["extract", str(CORPUS / "d2_quanzhou_xingu_part2.txt"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    [document] = data["documents"]
    assert document["source"].endswith("d2_quanzhou_xingu_part2.txt")
    entity = next(e for e in document["entities"] if e["name"] == "晶安光电")
    assert entity["type"] == "Company" and set(entity) >= {"id", "type", "name", "aliases", "mentions"}
    relation = document["relations"][0]
    assert set(relation) >= {"subject", "predicate", "object", "confidence", "evidence"}
    assert set(relation["evidence"]) == {"start", "end", "text"}


@settings(max_examples=300, deadline=None)
@given(st.lists(st.characters(exclude_categories=["Cs"]).map(str) | st.sampled_from(
    ["質(zhì)", "(chuàng )", "?shù)", " , ", "。", "\n※ 版权", "(原哈工大研究院)", " ", "★", "?,F"])).map("".join))
def test_article_normalization_never_raises_keeps_offsets_and_is_idempotent(original):
    text = normalize_article(original)
    assert len(text.offsets) == len(text.text)
    assert list(text.offsets) == sorted(set(text.offsets)) and all(0 <= o < len(original) for o in text.offsets)
    assert normalize_article(text.text).text == text.text


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=0, max_size=200))
def test_extraction_never_raises_on_arbitrary_text(original):
    document = extract_text(original)
    for relation in document.relations:
        assert relation.evidence is not None
        assert original[relation.evidence.start:relation.evidence.end] == relation.evidence.quote


def test_figures_and_relative_dates_resolve_against_the_document_date():
    from datetime import date

    document = extract_text("去年该项目投资10.8亿美元,昨日又追加3亿港元,占地208亩、建筑面积25万平方米。",
                            document_date=date(2025, 5, 19))
    figures = {f.text: f for f in document.figures}
    assert (figures["10.8亿美元"].value, figures["10.8亿美元"].unit, figures["10.8亿美元"].measure) == ("10.8", "亿美元", "money")
    assert figures["3亿港元"].unit == "亿港元"
    assert figures["208亩"].unit == "亩" and figures["25万平方米"].unit == "万平方米"
    assert figures["去年"].value == "2024" and figures["昨日"].value == "2025-05-18"
    assert not any(e.type == "Observation" for e in document.entities)  # figures are no entities
    undated = extract_text("昨日签约。")
    assert next(f for f in undated.figures if f.text == "昨日").value is None


def test_a_dateline_gives_the_document_date():
    document = extract_text("2023年6月26日讯 昨日,晋江经济开发区新签约项目21个。")
    assert next(f for f in document.figures if f.text == "昨日").value == "2023-06-25"
