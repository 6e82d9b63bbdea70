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
