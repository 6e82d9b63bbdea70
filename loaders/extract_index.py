"""Which spans lie inside, or overlap, a stretch of the text — without scanning them all.

The extractor asks this for every sentence, paragraph and verb; a scan of every span each time
made extraction quadratic in the length of the text (a 28k-character line took minutes). The
index keeps the spans' starts sorted and answers in the order of the span list, as the scan
did, so the rules see the same spans in the same order. It follows a list that only grows (or is
replaced): new spans are filed on the next question.

Example
-------
>>> from types import SimpleNamespace as S
>>> spans = [S(start=5, end=9), S(start=0, end=3), S(start=2, end=6)]
>>> index = SpanIndex()
>>> [(s.start, s.end) for s in index.within(spans, 0, 6)]
[(0, 3), (2, 6)]
>>> spans.append(S(start=4, end=5))
>>> [(s.start, s.end) for s in index.overlapping(spans, 4, 6)]
[(5, 9), (2, 6), (4, 5)]
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Sequence
from typing import Any

__all__ = ["SpanIndex"]


class SpanIndex:
    """Range questions over a list of spans (objects with ``start`` and ``end``)."""

    def __init__(self) -> None:
        self._spans: Sequence[Any] | None = None
        self._entries: list[tuple[int, int]] = []  # (start, position in the list), sorted
        self._filed = 0
        self._longest = 0

    def _follow(self, spans: Sequence[Any]) -> None:
        if spans is not self._spans or len(spans) < self._filed:
            self._spans, self._filed, self._longest = spans, 0, 0
            self._entries = []
        if self._filed == len(spans):
            return
        new = [(spans[i].start, i) for i in range(self._filed, len(spans))]
        self._longest = max(self._longest, *(spans[i].end - spans[i].start for i in range(self._filed, len(spans))))
        if len(new) > 8:
            self._entries = sorted(self._entries + new)
        else:
            for entry in new:
                insort(self._entries, entry)
        self._filed = len(spans)

    def _starting(self, spans: Sequence[Any], low: int, high: int) -> list[int]:
        """Positions in ``spans`` of the spans that start in [low, high), in list order."""
        self._follow(spans)
        first = bisect_left(self._entries, (low, -1))
        last = bisect_left(self._entries, (high, -1))
        return sorted(position for _, position in self._entries[first:last])

    def starting(self, spans: Sequence[Any], low: int, high: int) -> list[Any]:
        """The spans that start in [low, high), in list order."""
        return [spans[i] for i in self._starting(spans, low, high)]

    def within(self, spans: Sequence[Any], start: int, end: int) -> list[Any]:
        """The spans with ``start <= s.start`` and ``s.end <= end``, in list order."""
        return [spans[i] for i in self._starting(spans, start, end + 1) if spans[i].end <= end]

    def overlapping(self, spans: Sequence[Any], start: int, end: int) -> list[Any]:
        """The spans that share a character with [start, end) or hold it, in list order."""
        self._follow(spans)
        return [spans[i] for i in self._starting(spans, start - self._longest, end)
                if spans[i].end > start and spans[i].start < end]
