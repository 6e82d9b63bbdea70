"""The review loop (issue 17): decisions a person makes survive every rebuild, from scratch too."""

from __future__ import annotations

import shutil

import pytest

from chainkg.cli import main
from chainkg.errors import SourceError
from chainkg.graph.build import load_sources
from chainkg.loaders.decisions import Decision, load_decisions, record_decision
from chainkg.loaders.review import answer, review_items
from chainkg.loaders.reviewed import PLACES_FACTS

from _paths import CORPUS

ARTICLES = [CORPUS / "d1_quanzhou_xingu_part1.txt", CORPUS / "d2_quanzhou_xingu_part2.txt",
            CORPUS / "d25_quanzhou_foreign_investment_20projects.txt"]


def _build(decisions=()):
    return load_sources([PLACES_FACTS, *ARTICLES], decisions=decisions)


def test_reject_a_fact_and_split_a_merge_then_rebuild_from_scratch(tmp_path):
    before = _build()
    items = review_items(before)
    fact = next(i for i in items if i.kind == "fact")
    relation = before.reviewable[fact.id]
    # a merge of two ids (泉州芯谷 named as another park's alias); 泉州半导体高新技术产业园(区) is one id from extraction on
    merge = next(m for m in before.resolution.merges if m.rule in ("name_variant", "alias") and m.first != m.second)
    path = tmp_path / "review.decisions.yaml"
    record_decision(path, answer(fact, accept=False, note="not what the sentence says"))
    record_decision(path, Decision("split", entities=(merge.first, merge.second)))

    after = _build([path])
    assert fact.id not in after.reviewable
    assert not any(r.key == relation.key and r.evidence == relation.evidence for r in after.facts.relations)
    assert after.resolution.ids[merge.second] == merge.second != after.resolution.ids[merge.first]
    # a rebuild from scratch — a copy of the decisions in a new folder, a new load — gives the same graph
    fresh = tmp_path / "elsewhere" / "review.decisions.yaml"
    fresh.parent.mkdir()
    shutil.copy(path, fresh)
    again = _build([fresh])
    assert sorted(again.facts.entities) == sorted(after.facts.entities)
    assert sorted(map(repr, again.facts.relations)) == sorted(map(repr, after.facts.relations))


def test_an_accepted_fact_becomes_reviewed_and_leaves_the_queue(tmp_path):
    before = _build()
    fact = next(i for i in review_items(before) if i.kind == "fact")
    path = tmp_path / "review.decisions.yaml"
    record_decision(path, answer(fact, accept=True))
    after = _build([path])
    kept = after.reviewable[fact.id]
    assert (kept.method, kept.confidence) == ("reviewed", 1)
    assert fact.id not in {i.id for i in review_items(after, load_decisions(path))}


def test_a_merge_decision_joins_two_entities_the_rules_keep_apart(tmp_path):
    before = _build()
    firms = sorted(e.id for e in before.facts.entities.values() if e.id.startswith("org/x"))[:2]
    path = tmp_path / "review.decisions.yaml"
    record_decision(path, Decision("merge", entities=(firms[0], firms[1])))
    after = _build([path])
    assert after.resolution.ids[firms[0]] == after.resolution.ids[firms[1]]
    assert any(m.rule == "decision" for m in after.resolution.merges)


def test_the_cli_records_a_rejection_and_the_build_applies_the_file(tmp_path, capsys, monkeypatch):
    import json

    monkeypatch.chdir(tmp_path)
    sources = [str(PLACES_FACTS), *map(str, ARTICLES)]
    assert main(["review", *sources, "--json", "--limit", "1"]) == 0

    [item] = json.loads(capsys.readouterr().out)
    assert main(["review", *sources, "--reject", item["id"], "--by", "tester"]) == 0
    written = load_decisions(tmp_path / "review.decisions.yaml")
    assert written.rejected == {item["id"]}
    assert main(["validate", str(tmp_path / "review.decisions.yaml")]) == 0
    assert "1 rejected facts" in capsys.readouterr().out
    assert main(["build", "--out", str(tmp_path / "out"), "--no-report", *sources,
                 str(tmp_path / "review.decisions.yaml")]) == 0
    capsys.readouterr()
    assert main(["review", *sources, "--json"]) == 0
    listed = {i["id"] for i in json.loads(capsys.readouterr().out)}
    assert item["id"] not in listed and listed  # the rejected fact is gone; the others still wait


def test_a_bad_decision_names_its_line(tmp_path):
    path = tmp_path / "bad.decisions.yaml"
    path.write_text("decisions:\n- action: accept\n  id: fact/123\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad.decisions.yaml:2: decisions\[0\]: accept needs the fact.s id"):
        load_decisions(path)


def test_a_decision_that_is_no_decision_never_reaches_the_file(tmp_path):
    from chainkg.errors import ChainKGError

    path = tmp_path / "review.decisions.yaml"
    with pytest.raises(ChainKGError, match="two different entity ids"):
        record_decision(path, Decision("split", entities=("org/a", "org/a")))
    assert not path.exists()
    record_decision(path, Decision("merge", entities=("org/a", "org/b"), note="同一家", date="2026-11-27"))
    assert "date: '2026-11-27'" in path.read_text(encoding="utf-8") and load_decisions(path).merges == (("org/a", "org/b"),)
