"""Status over time for projects and parks (规划 → 签约 → 开工 → 在建 → 投产): statements read from a
clause, dated, kept per source; the latest decides; "as of" and "changes" in both engines.

Unit tests use invented names; the corpus tests read the real articles and assert on what comes out."""

from datetime import date
from decimal import Decimal

import pytest

from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_status import clause_status, decided_status, settle_statuses
from chainkg.loaders.records import Entity, FactSet, Observation

from _paths import CORPUS

D21 = CORPUS / "d21_putian_xianyou_shoe_park.txt"


@pytest.mark.parametrize("sentence, status", [
    ("甲乙新材料项目昨日正式签约。", "signed"),
    ("甲乙新材料项目与丙丁集团签订投资协议。", "signed"),
    ("甲乙新材料项目今年3月开工。", "started"),
    ("甲乙新材料项目昨日举行奠基仪式。", "started"),
    ("甲乙新材料项目顺利动工。", "started"),
    ("甲乙新材料项目目前在建。", "under_construction"),
    ("甲乙新材料项目正在加紧施工。", "under_construction"),
    ("甲乙新材料项目建设中，预计明年完工。", "under_construction"),
    ("甲乙新材料项目已竣工。", "in_operation"),
    ("甲乙新材料项目已建成投产。", "in_operation"),
    ("甲乙新材料项目去年全面达产。", "in_operation"),
    ("甲乙新材料项目正式投入运营。", "in_operation"),
    ("甲乙新材料项目拟建于江边。", "planned"),
    ("甲乙新材料项目将于年底开工。", "planned"),
    ("甲乙新材料项目力争明年投产。", "planned"),
    ("甲乙新材料项目建成后年产值可达10亿元。", "planned"),
])
def test_each_status_word_gives_its_status_for_an_invented_project(sentence, status):
    document = extract_text("南安市" + sentence, source="demo", document_date=date(2024, 5, 1))
    project = next(e for e in document.entities if e.type == "Project")
    assert project.name.endswith("甲乙新材料项目")
    assert [(o.about, o.project_status) for o in document.statuses] == [(project.id, status)]
    evidence = document.statuses[0].evidence
    assert document.statuses[0].measure == "project_status" and evidence is not None and evidence.quote.startswith("南安市")


def test_a_park_is_read_too_and_firms_in_it_do_not_speak_for_it():
    document = extract_text("南安市甲乙产业园已建成投用。德化县庚辛工业园区12家入驻企业已全部投产。", source="demo")
    parks = {e.id: e.name for e in document.entities if e.type == "IndustrialPark"}
    assert [(parks[o.about], o.project_status) for o in document.statuses] == [("南安市甲乙产业园", "in_operation")]


def test_a_plan_in_an_article_that_reports_a_start_is_the_plan_s_content_not_a_step_back():
    text = "5月17日，南安市甲乙产业园(二期)参加集中开工活动。据了解，南安市甲乙产业园(二期)规划建设标准厂房。"
    document = extract_text(text, source="demo", document_date=date(2022, 5, 18))
    assert [o.project_status for o in document.statuses] == ["started"]


def test_words_that_look_like_a_stage_but_describe_something_else_state_none():
    assert clause_status("总体规划面积60平方公里") is None
    assert clause_status("并建设中国运营总部") is None
    assert clause_status("计划总投资15亿元的项目已投入试生产") == "in_operation"  # 计划 names the budget, 已 the fact


def test_the_latest_dated_statement_decides_and_same_date_conflicts_keep_both():
    statements = [("2020", "planned"), ("2024-03", "under_construction"), ("2024-03", "in_operation")]
    assert decided_status(statements, "2021-06-01") == "planned"
    assert decided_status(statements, "2024-03-01") == "in_operation"  # two of that month: the more advanced
    assert decided_status(statements, "2019-01-01") == "planned"  # before any: the first word on it
    facts = FactSet(entities={"project/a": Entity("project/a", ("Project",), "甲乙项目")}, observations=[
        Observation("project/a", "project_status", Decimal(1), "项", "s1", project_status="planned", stated_on="2020"),
        Observation("project/a", "project_status", Decimal(1), "项", "s2", project_status="under_construction", stated_on="2024-03"),
        Observation("project/a", "project_status", Decimal(1), "项", "s3", project_status="in_operation", stated_on="2024-03")])
    assert settle_statuses(facts).entities["project/a"].status == "in_operation"
    assert len(facts.observations) == 3  # every statement kept


def test_a_relative_date_in_the_status_clause_dates_the_statement_on_a_real_article():
    from chainkg.graph.build import load_facts

    facts = load_facts([D21])
    found = sorted((o.stated_on or "", o.project_status or "", o.label or "") for o in facts.observations
                   if o.measure == "project_status")
    # the article is of 2025-08-29 (its dateline): 去年7月开工 → 2024-07; the building site it reports → its own date
    assert [(d, s) for d, s, _ in found] == [("2024-07", "started"), ("2025-08-29", "under_construction")]
    assert "去年7月开工" in found[0][2] and "施工现场" in found[1][2]
    project = {o.about for o in facts.observations if o.measure == "project_status"}
    assert [facts.entities[p].status for p in project] == ["under_construction"]


# -- as of and changes, both engines ---------------------------------------------------------------

def _both_engines(neo4j_store, facts):
    from chainkg.graph.neo4j_codec import rdf_to_rows
    from chainkg.graph.networkx_projection import to_networkx
    from chainkg.graph.rdf import facts_to_dataset, union_graph

    dataset = facts_to_dataset(facts)
    neo4j_store.clear()
    neo4j_store.load(*rdf_to_rows(dataset), progress=False)
    return to_networkx(union_graph(dataset))


@pytest.fixture(scope="module")
def invented_pair(tmp_path_factory, neo4j_store):
    """Two invented articles a user dates: a project under construction in 2020, operating in 2024."""
    from chainkg.graph.build import load_facts
    from chainkg.loaders.reviewed import PLACES_FACTS

    folder = tmp_path_factory.mktemp("articles")
    (folder / "early.txt").write_text("南安市甲乙光电项目目前在建，总投资5亿元。\n", encoding="utf-8")
    (folder / "later.txt").write_text("南安市甲乙光电项目已建成投产，年产值3亿元。\n", encoding="utf-8")
    facts = load_facts([PLACES_FACTS, folder], dates={"early.txt": "2020-05-01", "later.txt": "2024-03-01"})
    yield _both_engines(neo4j_store, facts)
    neo4j_store.clear()


@pytest.mark.parametrize("date, status, chain_status", [
    ("2021-01-01", "under_construction", "planned"), ("2024-06-01", "in_operation", "present")])
def test_a_project_in_the_works_then_operating_counts_as_it_stood_then_in_both_engines(
        neo4j_store, invented_pair, date, status, chain_status):
    from _results import without_engine as plain

    from chainkg.analyses import chain_gaps
    from chainkg.analyses.timeline import graph_as_of

    embedded, _ = graph_as_of(invented_pair, date)
    cypher, _ = graph_as_of(neo4j_store, date)
    report = chain_gaps(embedded, "光电", "南安市")
    assert [(e.name, e.status) for e in report.chain_level] == [("南安市甲乙光电项目", status)]
    assert report.chain_status == chain_status  # the relation is stated in both: only the status moves it
    assert plain(chain_gaps(cypher, "光电", "南安市")) == plain(report)


def test_the_status_change_is_listed_with_both_sentences_and_dates_in_both_engines(neo4j_store, invented_pair):
    from _results import without_engine as plain

    from chainkg.analyses.changes import changes

    found = [c for c in changes(invented_pair, "2023-01-01").changes if c.kind == "status_changed"]
    assert [(c.subject_name, c.object_name, c.status_before, c.stated_before, c.date, c.counties, c.chain)
            for c in found] == [("南安市甲乙光电项目", "在建 → 投产", "under_construction", "2020-05-01", "2024-03-01",
                                 ("南安市",), "光电")]
    assert [s.split("，")[0] for s in found[0].evidence] == ["南安市甲乙光电项目目前在建", "南安市甲乙光电项目已建成投产"]
    assert plain(changes(neo4j_store, "2023-01-01")) == plain(changes(invented_pair, "2023-01-01"))
    assert changes(invented_pair, "2023-01-01", region="晋江市").changes == ()


@pytest.fixture(scope="module")
def d21_loaded(neo4j_store):
    """The real article d21 (dated by its dateline) with the reference places and the seed, in both engines."""
    from chainkg.graph.build import load_facts
    from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS

    yield _both_engines(neo4j_store, load_facts([PLACES_FACTS, SEED_FACTS, D21]))
    neo4j_store.clear()


@pytest.mark.parametrize("date, status", [("2024-12-31", "started"), ("2025-09-01", "under_construction")])
def test_a_real_project_started_then_under_construction_reads_so_as_of_each_date_in_both_engines(
        neo4j_store, d21_loaded, date, status):
    from chainkg.analyses.cypher import as_of_query
    from chainkg.analyses.timeline import as_of_view, graph_as_of

    project = next(n for n, a in d21_loaded.nodes(data=True) if a.get("status_history"))
    assert as_of_view(d21_loaded, date)[0].nodes[project]["status"] == status
    asked = as_of_query("MATCH (u:Entity {iri: $iri}) RETURN u.status AS status")
    assert neo4j_store.rows(asked, iri=project, asOf=date) == [{"status": status}]
    # its relations are stated on the article's own date: known as of then, with the status then
    if date >= "2025-08-29":
        for engine in (graph_as_of(d21_loaded, date)[0], graph_as_of(neo4j_store, date)[0]):
            chain = next(p.iri for p in engine.named_things() if p.name == "鞋服")
            county = next(p.iri for p in engine.named_things() if p.name == "仙游县")
            rows = [r for r in engine.entries([chain], county, inside=True) if "Project" in r.classes]
            assert [r.status for r in rows] == [status], engine.engine


def test_real_status_change_and_region_filter_agree_in_both_engines(neo4j_store, d21_loaded):
    from _results import without_engine as plain

    from chainkg.analyses.changes import changes

    embedded = changes(d21_loaded, "2025-01-01", region="仙游县")
    assert plain(changes(neo4j_store, "2025-01-01", region="仙游县")) == plain(embedded)
    status = [c for c in embedded.changes if c.kind == "status_changed"]
    assert [(c.object_name, c.stated_before, c.date, c.chain) for c in status] == [("开工 → 在建", "2024-07", "2025-08-29", "鞋服")]
    assert "去年7月开工" in status[0].evidence[0] and "施工现场" in status[0].evidence[1]
    assert all(c.counties == ("仙游县",) for c in embedded.changes)
    assert changes(d21_loaded, "2025-01-01", region="南安市").changes == ()


# -- a real project over two articles: started (one article), under construction (a later one) ------

D24 = CORPUS / "d24_luojiang_equipment_park_phase2.txt"
D12 = CORPUS / "d12_luojiang_sany_trad_quotes.txt"


def test_a_project_picked_from_a_set_of_started_projects_is_started_on_a_real_sentence():
    from chainkg.loaders.extract_status import set_status
    from chainkg.loaders.text import normalize_article

    text = normalize_article(D24.read_text(encoding="utf-8")).text
    start = text.index("其中，超10亿元的项目有") + len("其中，超10亿元的项目有")
    sentence_start = text.rfind("。", 0, start) + 1
    assert set_status(text, sentence_start, start) == "started"  # …累计集中开工项目32个…，其中…项目有X、Y
    assert set_status(text, sentence_start, text.index("累计集中开工项目")) is None  # the set itself, not a member


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory, neo4j_store):
    """d24 (dateline 2022-05-18) lists a project among the year's started ones; d12 (2022-07-15) reports
    work on its site. The two name it differently (a project there, a park with its city here), so
    the rules keep them apart and a reviewer merges them, as `chainkg review --merge` records."""
    from chainkg.graph.build import load_sources
    from chainkg.loaders.decisions import Decision, record_decision
    from chainkg.loaders.reviewed import PLACES_FACTS

    sources = [PLACES_FACTS, D24, D12]
    before = load_sources(sources)
    held = {o.about for o in before.facts.observations if o.measure == "project_status"}
    started = [e.id for e in before.facts.entities.values() if e.id in held and e.name.startswith("三一筑工建筑")]
    building = [e.id for e in before.facts.entities.values() if e.id in held and e.name.startswith("三一筑工(泉州)")]
    assert len(started) == len(building) == 1 and started != building
    decisions = tmp_path_factory.mktemp("review") / "review.decisions.yaml"
    record_decision(decisions, Decision("merge", entities=(started[0], building[0]), note="同一园区"))
    after = load_sources(sources, decisions=[decisions])
    from chainkg.graph.iris import entity_iri

    yield _both_engines(neo4j_store, after.facts), str(entity_iri(after.resolution.ids[started[0]]))
    neo4j_store.clear()


@pytest.mark.parametrize("date, status", [("2022-06-01", "started"), ("2022-08-01", "under_construction")])
def test_a_real_project_started_in_one_article_and_building_in_a_later_one_reads_so_as_of_each(
        neo4j_store, two_articles, date, status):
    from chainkg.analyses.cypher import as_of_query
    from chainkg.analyses.timeline import as_of_view

    kg, project = two_articles
    history = kg.nodes[project]["status_history"]
    # the start is dated by the last day its sentence names (…4月30日组织…集中开工活动), before the dateline
    assert [(h["date"], h["status"]) for h in history] == [("2022-04-30", "started"), ("2022-07-15", "under_construction")]
    assert as_of_view(kg, date)[0].nodes[project]["status"] == status
    asked = as_of_query("MATCH (u:Entity {iri: $iri}) RETURN u.status AS status")
    assert neo4j_store.rows(asked, iri=project, asOf=date) == [{"status": status}]


def test_the_real_status_change_across_two_articles_is_listed_in_both_engines(neo4j_store, two_articles):
    from _results import without_engine as plain

    from chainkg.analyses.changes import changes

    kg, project = two_articles
    embedded = changes(kg, "2022-06-01")
    assert plain(changes(neo4j_store, "2022-06-01")) == plain(embedded)
    found = [c for c in embedded.changes if c.kind == "status_changed"]
    assert [(c.object_name, c.stated_before, c.date) for c in found] == [("开工 → 在建", "2022-04-30", "2022-07-15")]
    assert "集中开工项目" in found[0].evidence[0] and "施工" in found[0].evidence[1]


def test_a_status_a_person_wrote_weighs_as_of_its_files_date_not_as_undated(tmp_path):
    """A reviewed file of 2024-03 writes a project in operation; an undated article calls it planned and
    a dated later one reports a new phase under construction: the written status beats the undated
    word, the later dated statement beats both."""
    from chainkg.graph.build import load_facts

    (tmp_path / "reviewed.txt").write_text("南安市甲乙光电项目已建成投产。\n", encoding="utf-8")
    (tmp_path / "review.yaml").write_text(
        "source: {id: review_2024, kind: article, file: reviewed.txt, title: 甲乙季度回顾, published: 2024-03}\n"
        "entities:\n- {id: project/jiayi, type: Project, name: 南安市甲乙光电项目, status: in_operation,\n"
        "   evidence: [{start: 0, end: 15, quote: 南安市甲乙光电项目已建成投产。}]}\n",
        encoding="utf-8")
    (tmp_path / "undated.txt").write_text("南安市甲乙光电项目拟建于江边。\n", encoding="utf-8")
    facts = load_facts([tmp_path / "review.yaml", tmp_path / "undated.txt"])
    assert facts.entities["project/jiayi"].status == "in_operation"
    written = [o for o in facts.observations if o.measure == "project_status" and o.source_id == "review_2024"]
    assert [(o.project_status, o.stated_on) for o in written] == [("in_operation", "2024-03")]
    (tmp_path / "later.txt").write_text("南安市甲乙光电项目目前在建。\n", encoding="utf-8")
    later = load_facts([tmp_path / "review.yaml", tmp_path / "undated.txt", tmp_path / "later.txt"],
                       dates={"later.txt": "2025-06-01"})
    assert later.entities["project/jiayi"].status == "under_construction"


# -- a real fact two dated articles state: 德化's ceramics chain, d17 (2011-06-02) and d8 (2023-03-24) ----

D17 = CORPUS / "d17_dehua_sanban_ceramics.txt"
D8 = CORPUS / "d8_dehua_ceramics_tradpinyin.txt"
#: d8 has no dateline; its publication date is the one its address gives (the corpus README's source).
D8_DATE = {D8.name: "2023-03-24"}


@pytest.fixture(scope="module")
def dehua_pair(neo4j_store):
    from chainkg.graph.build import load_facts
    from chainkg.loaders.reviewed import PLACES_FACTS

    yield _both_engines(neo4j_store, load_facts([PLACES_FACTS, D17, D8], dates=D8_DATE))
    neo4j_store.clear()


def test_an_answer_as_of_a_date_quotes_only_the_sentences_said_by_then_in_both_engines(neo4j_store, dehua_pair):
    """Both articles say 德化 has the ceramics chain: as of 2015 the county's entry quotes d17's sentence
    only, as of 2024 d8's too."""
    from _results import without_engine as plain

    from chainkg.analyses import chain_gaps
    from chainkg.analyses.timeline import graph_as_of

    quoted = {}
    for day in ("2015-01-01", "2024-01-01"):
        embedded, cypher = graph_as_of(dehua_pair, day)[0], graph_as_of(neo4j_store, day)[0]
        report = chain_gaps(embedded, "陶瓷", "德化县")
        assert plain(chain_gaps(cypher, "陶瓷", "德化县")) == plain(report)
        [entry] = [e for e in report.chain_level if e.name == "德化县"]
        quoted[day] = entry.evidence
    d17 = D17.read_text(encoding="utf-8")
    assert len(quoted["2015-01-01"]) == 1 and quoted["2015-01-01"][0][:8] in d17
    assert len(quoted["2024-01-01"]) == 2 and quoted["2015-01-01"][0] in quoted["2024-01-01"]


def test_a_change_in_a_window_quotes_the_sentences_said_by_its_end_in_both_engines(neo4j_store, dehua_pair):
    from _results import without_engine as plain

    from chainkg.analyses.changes import changes

    for until, count in (("2015-01-01", 1), (None, 2)):
        embedded = changes(dehua_pair, "2011-01-01", until)
        assert plain(changes(neo4j_store, "2011-01-01", until)) == plain(embedded)
        [entered] = [c for c in embedded.changes if (c.subject_name, c.object_name) == ("德化县", "陶瓷")]
        assert (entered.kind, entered.date, len(entered.evidence)) == ("entered", "2011-06-02", count)
