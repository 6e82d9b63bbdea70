"""Where ``report.html`` draws each node: every place an area, its parks and firms inside.

Each *home* (a county or zone, a chain with its segments, the areas above the counties, and the
nodes whose place no source states) is an area; its members sit in a grid inside it, each park
followed by the firms located in it, so nothing piles on one label. The areas are packed in rows
into a landscape page whose shape follows a browser window, so that fitting the whole graph
keeps the labels readable. The layout is fixed (no physics): the same graph gives the same page.

Example
-------
>>> positions, areas = pack_areas({"a": ["a", "x", "y"], "b": ["b"]}, {"a": "甲", "x": "乙", "y": "丙", "b": "丁"})
>>> [area.home for area in areas], positions["a"][1] < positions["x"][1] or positions["a"][0] < positions["x"][0]
(['a', 'b'], True)
>>> label_width("南安市"), label_width("LED")
(48, 27)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

__all__ = ["FONT_SIZE", "CELL_HEIGHT", "Area", "label_width", "pack_areas"]

#: Node label size in canvas units; the page fits the graph so that it is drawn at ≥ 12 px.
FONT_SIZE = 16
#: Height of a grid cell: a dot, its label below it, and some air.
CELL_HEIGHT = 50
_MAX_CELL = 190  # longer names wrap (vis-network widthConstraint) instead of widening a column
_AREA_GAP = 30
_TITLE_BAND = 30  # room for the area's name above its first row
_PAGE_ASPECT = 1.45  # a laptop window without the side panel


def label_width(text: str, size: int = FONT_SIZE) -> int:
    """Approximate drawn width of a label: a CJK character is one em, a Latin one a bit over half."""
    return sum(size if ord(c) > 0x2E80 else round(size * 0.56) for c in text)


@dataclass(frozen=True)
class Area:
    """One home's rectangle (canvas units) before the page's filters move anything."""

    home: str
    x: float
    y: float
    width: float
    height: float


def _grid(count: int, cell_width: float) -> int:
    # columns so that the area is about half again as wide as it is high
    return max(1, min(count, round(math.sqrt(1.5 * count * CELL_HEIGHT / cell_width))))


def pack_areas(members: Mapping[str, Sequence[str]], labels: Mapping[str, str]) -> tuple[dict[str, tuple[float, float]], list[Area]]:
    """Positions of every member and the areas' rectangles; ``members`` in drawing order, each
    home's own node (if it is one) first."""
    sized = []
    for home, nodes in members.items():
        cell_width = min(_MAX_CELL, max(label_width(labels.get(n, "")) for n in nodes)) + 22
        columns = _grid(len(nodes), cell_width)
        rows = math.ceil(len(nodes) / columns)
        sized.append((home, nodes, cell_width, columns, columns * cell_width, rows * CELL_HEIGHT + _TITLE_BAND))
    # the shelf width whose packing a 1100 × 760 view (a laptop window without the panel) fits
    # at the largest scale: tried over a range, since shelves leave gaps no formula predicts
    widest = max((w for *_, w, _ in sized), default=0.0)
    total = sum((w + _AREA_GAP) * (h + _AREA_GAP) for *_, w, h in sized)
    candidates = [max(widest, math.sqrt(total * _PAGE_ASPECT) * f / 10) for f in range(6, 21)]
    best = max(candidates, key=lambda width: _fit_scale(_shelves(sized, width)[1]))
    return _shelves(sized, best)


def _fit_scale(areas: list[Area]) -> float:
    width = max(a.x + a.width for a in areas) if areas else 1.0
    height = max(a.y + a.height for a in areas) if areas else 1.0
    return min(1100 / width, 760 / height)


def _shelves(sized, page_width: float) -> tuple[dict[str, tuple[float, float]], list[Area]]:
    positions: dict[str, tuple[float, float]] = {}
    areas = []
    x = y = shelf = 0.0
    for home, nodes, cell_width, columns, width, height in sized:
        if x > 0 and x + width > page_width:  # next shelf
            x, y, shelf = 0.0, y + shelf + _AREA_GAP, 0.0
        for k, node in enumerate(nodes):
            positions[node] = (x + (k % columns + 0.5) * cell_width, y + _TITLE_BAND + (k // columns + 0.4) * CELL_HEIGHT)
        areas.append(Area(home, x, y, width, height))
        x += width + _AREA_GAP
        shelf = max(shelf, height)
    return positions, areas
