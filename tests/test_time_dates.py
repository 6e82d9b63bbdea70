"""Dated facts from the real corpus: datelines, relative dates resolved against their source,
a user's dates, status over time, and the dates in RDF and in the command line."""

import json
import shutil

from rdflib import Literal
from rdflib.namespace import XSD

from chainkg.analyses import chain_gaps
from chainkg.analyses.timeline import graph_as_of
from chainkg.cli import main
from chainkg.graph import iris
from chainkg.graph.build import load_facts
from chainkg.graph.rdf import facts_to_dataset, union_graph
from chainkg.graph.streaming import facts_to_networkx
from chainkg.loaders.articles import load_articles
from chainkg.loaders.dates import document_date, sentence_date
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, load_reviewed_facts
from chainkg.loaders.text import normalize_annotated_text
from chainkg.ontology import CKG

from _paths import CORPUS


def _sentence(name: str, words: str) -> tuple[str, str]:
    """The corpus article's plain text and its sentence holding ``words``."""
    text = normalize_annotated_text((CORPUS / name).read_text(encoding="utf-8")).text
    start = text.index(words)
    return text, text[text.rfind("。", 0, start) + 1:text.index("。", start) + 1]


def test_datelines_of_the_corpus_date_their_articles():
    found = load_articles([CORPUS / n for n in ("d12_luojiang_sany_trad_quotes.txt", "d16_quanzhou_petrochem_roadmap.txt",
                                                 "d17_dehua_sanban_ceramics.txt", "d23_longyan_lonking_machinery.txt",
                                                 "d26_shaxian_snack_chain_gov.txt", "d10_jinjiang_shoes_trad.txt")])
    published = {s.id.split("_")[0]: s.published for s in found.sources.values()}
    assert published == {"d12": "2022-07-15", "d16": "2025-07-28", "d17": "2011-06-02", "d23": "2010-08-10",
                         "d26": "2024-07-04", "d10": None}
    undated = next(s for s in found.sources.values() if s.id.startswith("d10"))
    assert "no date found (its facts are undated)" in str(undated.note)
    # no date in its sentences, none in the article: none of its facts is dated (at least the six the
    # extractor found when this was written; better extraction finds more)
    dated = [r.stated_on for r in found.relations if r.source_id == undated.id and r.evidence is not None
             and "年" not in r.evidence.plain_text]
    assert len(dated) >= 6 and set(dated) == {None}


def test_a_relative_date_resolves_against_its_source():
    text, sentence = _sentence("d21_putian_xianyou_shoe_park.txt", "去年7月开工")
    assert str(document_date(text)) == "2025-08-29"
    assert sentence_date(sentence, document_date(text)) == "2024-07"  # 去年7月 in an article of 2025-08-29
    # the seed's reviewed facts (published 2024-03): the listing in the remark "(去年…上市)" is of 2023,
    # while the other facts of the same sentence hold as of the article's month
    seed = load_reviewed_facts(SEED_FACTS)
    by_key = {r.key: r.stated_on for r in seed.relations}
    assert by_key[("org/nanwang", "listedOn", "org/szse")] == "2023"
    assert by_key[("area/350521", "hostsChain", "chain/food")] == "2024-03"


def test_a_plan_in_one_article_and_operation_in_a_later_one_show_over_time():
    # 洛江: a 2022-05-18 article says the park will grow its machine-tool industry (将进一步壮大…数控机床);
    # the seed review (2024-03) names a machine-tool firm working there
    facts = load_facts([PLACES_FACTS, SEED_FACTS, CORPUS / "d24_luojiang_equipment_park_phase2.txt"])
    kg = facts_to_networkx(facts)
    statuses = {}
    for date in ("2022-05-01", "2022-06-01", "2024-04-01"):
        graph, _ = graph_as_of(kg, date)
        report = chain_gaps(graph, "工业母机", "洛江区")
        statuses[date] = (report.chain_status, sorted((e.name, e.basis) for e in report.chain_level))
    assert statuses["2022-05-01"] == ("not_covered", [])
    assert statuses["2022-06-01"] == ("planned", [("洛江区", "intended")])
    assert statuses["2024-04-01"] == ("present", [("中国机械总院海西分院", "stated"), ("洛江区", "intended")])


def test_a_users_dates_csv_and_date_flag_date_undated_articles(tmp_path):
    for name in ("d1_quanzhou_xingu_part1.txt", "d2_quanzhou_xingu_part2.txt"):
        shutil.copy(CORPUS / name, tmp_path / name)
    # the dates of their web pages (corpus README): both 2020-08-27
    (tmp_path / "dates.csv").write_text("file,published,learned\nd1_quanzhou_xingu_part1.txt,2020-08-27,2026-01-05\n"
                                        "d2_quanzhou_xingu_part2.txt,2020-08-27,\n", encoding="utf-8")
    facts = load_articles([tmp_path], dates={"d2_quanzhou_xingu_part2.txt": "2020-08"})
    sources = {s.id[:2]: s for s in facts.sources.values()}
    assert (sources["d1"].published, sources["d1"].learned) == ("2020-08-27", "2026-01-05")
    assert sources["d2"].published == "2020-08" and "date given by the user" in str(sources["d2"].note)
    # conflicting facts of one month: d1 states 南安 grows semiconductors, d2 words it as a plan; both kept
    nanan = [r for r in facts.relations if r.key == ("area/350583", "hostsChain", "chain/semiconductor")]
    assert sorted((r.source_id[:2], r.modality, r.stated_on) for r in nanan) == [
        ("d1", "stated", "2020-08-27"), ("d2", "intended", "2020-08")]
    edge = facts_to_networkx(facts).edges[str(iris.entity_iri("area/350583")), str(iris.entity_iri("chain/semiconductor")),
                                           "hostsChain"]
    assert edge["modality"] == "stated" and len(edge["evidence"]) == 2
    assert (edge["known_since"], edge["stated_since"]) == ("2020-08", "2020-08-27")


def test_dates_are_typed_by_precision_in_rdf():
    graph = union_graph(facts_to_dataset(load_facts([PLACES_FACTS, SEED_FACTS])))
    listing = iris.statement_iri("org/nanwang", "listedOn", "org/szse", "seed_quanzhou_parks_2024q1")
    food = iris.statement_iri("area/350521", "hostsChain", "chain/food", "seed_quanzhou_parks_2024q1")
    assert graph.value(listing, CKG.statedOn) == Literal("2023", datatype=XSD.gYear)
    assert graph.value(food, CKG.statedOn) == Literal("2024-03", datatype=XSD.gYearMonth)
    learned = graph.value(food, CKG.learnedOn)
    assert isinstance(learned, Literal) and learned.datatype == XSD.date


def test_cli_changes_and_as_of(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("CHAINKG_OUT", str(tmp_path))  # no build there: the commands read the bundled seed
    assert main(["changes", "--since", "2024-01-01", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["since"] == "2024-01-01" and answer["undated"] == 28
    assert {c["kind"] for c in answer["changes"]} == {"entered"} and all(c["date"] == "2024-03" for c in answer["changes"]
                                                                           if c["subject_name"] != "南王")
    assert main(["gaps", "--chain", "食品", "--region", "惠安县", "--as-of", "2023-12-31", "--json"]) == 0
    captured = capsys.readouterr()
    found = json.loads(captured.out)
    assert found["as_of"]["date"] == "2023-12-31" and found["chain_status"] == "not_covered"
    assert "28 undated facts (date unknown)" in captured.err
    assert main(["gaps", "--chain", "食品", "--region", "惠安县", "--as-of", "2024-03-01", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["chain_status"] == "present"
