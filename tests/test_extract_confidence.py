"""Confidence as measured precision (``loaders/extract_confidence.py``) and the rule each relation names."""

from __future__ import annotations

from decimal import Decimal

from chainkg.loaders import extract_confidence
from chainkg.loaders.extract import extract_text
from chainkg.loaders.extract_confidence import CEILING, confidence


def test_a_measured_rule_is_drawn_toward_its_prior_by_two_observations(monkeypatch):
    monkeypatch.setitem(extract_confidence.RULE_COUNTS, "made_up_rule", (1, 8))
    assert confidence("made_up_rule", 0.6) == round((1 + 1.2) / 10, 2) == 0.22


def test_no_rule_is_certain(monkeypatch):
    monkeypatch.setitem(extract_confidence.RULE_COUNTS, "made_up_rule", (40, 40))
    assert confidence("made_up_rule", 0.9) == CEILING


def test_every_relation_names_the_rule_that_found_it_and_takes_its_confidence():
    document = extract_text("泰宁县商务局召开会议。")
    [found] = [r for r in document.relations if r.predicate == "locatedIn"]
    assert document.rules[found.key] == "name_opens_with_place"
    assert found.confidence == Decimal(str(confidence("name_opens_with_place", 0.9)))
