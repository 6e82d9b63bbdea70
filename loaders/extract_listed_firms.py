"""Firms a sentence lists as a place's own, and names a sentence places together.

Two shapes of news text say where several firms or projects lie at once:

- **A place's firms listed** (:func:`firms_listed_for`): ``海沧其他汽车企业主要还有A、B、C等`` /
  ``X园已入驻的企业有A、B`` / ``甲县的龙头企业有A、B`` — a place, zone or park, then a phrase
  ending in 企业有 / 企业包括, then the firms: each lies there.
- **All of a list in one place** (:func:`listed_then_placed`): ``A和B都位于甲镇`` / ``A、B均落户
  乙园区`` — the items right before 都 / 均 and a verb of lying, each in the place after it.

Both take the sentence's text and its names (objects with ``start``, ``end`` and ``type``) and
return pairs; the extractor records them as ``locatedIn`` with the rule's measured confidence.

Example
-------
>>> from types import SimpleNamespace as S
>>> text = "甲县的企业有乙丙科技、丁戊食品等。"
>>> place, a, b = S(start=0, end=2, type="AdministrativeArea"), S(start=6, end=10, type="Company"), \\
...     S(start=11, end=15, type="Company")
>>> [(f.start, p.start) for f, p in firms_listed_for(text, (0, len(text)), [place, a, b])]
[(6, 0), (11, 0)]
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

__all__ = ["firms_listed_for", "listed_then_placed"]

_WHERE = ("AdministrativeArea", "DevelopmentZone", "IndustrialPark")
_FIRMS = ("Company", "ResearchInstitute")
_PLACED = ("Company", "ResearchInstitute", "Project", "IndustrialPark")

# after a place: (的)(其他 …)企业(主要)(还)有 / 包括 — the list of its firms follows
_FIRMS_OF = re.compile(r"(?:的|已入驻的|入驻的|现有的)?[^，。；,;：:]{0,12}?企业(?:主要)?(?:还)?(?:有|包括)[：:]?")
# what may stand between two firms of the list, and a designation before one (国内龙头企业X)
_LONGEST_GAP = 18
_BETWEEN_ITEMS = re.compile(r"(?:、|和|及|以及|与)?[^，。；,;、等]{0,14}?")
# 都 / 均 and a verb of lying, right after the last item of a list
_ALL_PLACED = re.compile(r"(?:都|均|全部)(?:位于|坐落于|坐落在|落户于|落户在|落户|建在|在)")


def firms_listed_for(text: str, sentence: tuple[int, int], names: Sequence[Any]) -> list[tuple[Any, Any]]:
    """(firm, place) for each firm listed right after a place's ``…企业有`` in ``sentence``."""
    s0, s1 = sentence
    ordered = sorted((n for n in names if s0 <= n.start and n.end <= s1), key=lambda n: n.start)
    starts = [n.start for n in ordered]
    pairs: list[tuple[Any, Any]] = []
    for where in (n for n in ordered if n.type in _WHERE):
        said = _FIRMS_OF.match(text, where.end, s1)
        if said is None:
            continue
        at = said.end()
        for position in range(bisect_left(starts, at), len(ordered)):  # (the names after it, no scan from the start)
            firm = ordered[position]
            if firm.start - at > _LONGEST_GAP:
                break
            if firm.type not in _FIRMS:
                continue
            if not _BETWEEN_ITEMS.fullmatch(text, at, firm.start):
                break
            pairs.append((firm, where))
            at = firm.end
    return pairs


def listed_then_placed(text: str, sentence: tuple[int, int], names: Sequence[Any],
                       place_after: Any) -> list[tuple[Any, Any]]:
    """(item, place) for each item of a list right before 都位于 / 均落户 … and the place after it
    (``place_after(position)`` gives the place that starts there, or None)."""
    s0, s1 = sentence
    # (the longest name first where two end together: 甲乙公司丙丁园 before 丙丁园)
    ordered = sorted((n for n in names if s0 <= n.start and n.end <= s1 and n.type in _PLACED), key=lambda n: (n.end, -n.start))
    ends = [n.end for n in ordered]
    pairs: list[tuple[Any, Any]] = []
    for said in _ALL_PLACED.finditer(text, s0, s1):
        place = place_after(said.end())
        if place is None:
            continue
        items: list[Any] = []
        at = said.start()
        for position in range(bisect_right(ends, at) - 1, -1, -1):  # (back from 都位于, no scan from the end)
            item = ordered[position]
            if item.end < at:
                break  # (no name ends where the list's next item should)
            if item.end != at or items and item.start >= items[-1].start:
                continue  # (not the next item back, or a name inside the item before)
            items.append(item)
            joint = re.search(r"(?:、|和|及|以及|与)\s*$", text[max(s0, item.start - 3):item.start])
            if joint is None:
                break
            at = item.start - len(joint.group())
        if len(items) >= 2:
            pairs.extend((item, place) for item in items)
    return pairs
