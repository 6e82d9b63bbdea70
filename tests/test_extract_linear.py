"""Extraction grows linearly with the text: checked by counting work, never by timing it.

The line the red team used (``引进甲产业园,`` four thousand times: one "sentence" of 28k
characters, thousands of parks and verbs) took minutes while every rule scanned every span.
"""

from __future__ import annotations

import pytest

from chainkg.loaders import extract_index
from chainkg.loaders.extract import MAX_SENTENCE, clause_pieces, extract_text

LINE = "引进甲产业园,"
#: A line that says something: a city brings in a (made-up) firm, clause after clause.
SAYING = "龙岩市引进甲乙科技有限公司,"


class _CountingIndex(extract_index.SpanIndex):
    """The span index, counting the candidate spans it hands out (the rules' reading work)."""

    handed_out = 0

    def _starting(self, spans, low, high):
        found = super()._starting(spans, low, high)
        _CountingIndex.handed_out += len(found)
        return found


def _work(repeats: int, monkeypatch) -> int:
    monkeypatch.setattr("chainkg.loaders.extract.SpanIndex", _CountingIndex)
    _CountingIndex.handed_out = 0
    extract_text(LINE * repeats)
    return _CountingIndex.handed_out


def test_the_rules_read_spans_in_proportion_to_the_text(monkeypatch):
    small, large = _work(200, monkeypatch), _work(800, monkeypatch)
    assert small > 0
    # four times the text, about four times the spans read (a quadratic scan would be sixteen)
    assert large <= 4.5 * small, (small, large)


def test_a_long_line_reads_as_its_comma_ended_pieces():
    text = LINE * 400  # 2,800 characters, one sentence with no full stop
    pieces = clause_pieces(text, 0, len(text))
    assert all(b - a <= MAX_SENTENCE for a, b in pieces)
    assert all(text[b - 1] == "," for a, b in pieces[:-1])
    assert "".join(text[a:b] for a, b in pieces) == text


@pytest.mark.parametrize("line, repeats", [(LINE, 400), (SAYING, 40), (SAYING, 400)])
def test_the_long_line_finds_what_its_pieces_find(line, repeats):
    """The whole line and the same words cut into sentences at the piece boundaries give the
    same entities and the same relations."""
    text = line * repeats
    cut = "\n".join(text[a:b] for a, b in clause_pieces(text, 0, len(text)))
    whole, pieces = extract_text(text), extract_text(cut)
    assert [(e.id, e.name) for e in whole.entities] == [(e.id, e.name) for e in pieces.entities]
    assert {(r.subject, r.predicate, r.object) for r in whole.relations} == \
        {(r.subject, r.predicate, r.object) for r in pieces.relations}
    if line == SAYING:
        assert {(r.predicate, r.object) for r in whole.relations} == {("attractedTo", "area/350800"),
                                                                       ("locatedIn", "area/350800")}


def test_a_sentence_of_ordinary_length_is_one_piece():
    sentence = "甲乙园区引进一批项目，" * 20  # 200 characters
    assert clause_pieces(sentence, 0, len(sentence)) == [(0, len(sentence))]
