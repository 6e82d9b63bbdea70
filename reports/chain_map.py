"""A chain map (产业链图谱): one chain's segments left to right by stage, 上游 → 中游 → 下游, each
box coloured by its gap status with its local firm count, ``feeds`` arrows between them.

One map per chain and view: the whole prefecture (every column of the gap matrix at once) or
one county / zone. In the prefecture view a segment takes the best status any column has
(强 before 弱 before 规划 before 缺 before 未细分 before 未覆盖) and the sum of the firm counts.

A link ``a → b`` (``a`` feeds ``b``) is

- **strong** (solid) when both ends are present (强),
- **weak** (dashed) when both ends have something local (强, 弱 or 规划) but not both 强,
- **missing** (dotted) when an end has nothing local: the chain breaks there.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> from chainkg.reports.gap_report import gap_matrix
>>> matrix = gap_matrix(seed_kg(), "chain/smart_terminals")
>>> view = map_view(matrix, "永春县")
>>> [(s.name, s.status, s.firms) for s in view.segments][:2]
[('耳机零部件', 'missing', 0), ('扫地机器人零部件', 'weak', 0)]
>>> chain_map_svg(matrix).startswith("<svg")
True
"""

from __future__ import annotations

from dataclasses import dataclass

from chainkg.analyses.gaps import STATUS_ZH, STATUSES, entry_label
from chainkg.reports.page_templates import render

__all__ = ["STAGES", "MapSegment", "MapView", "map_view", "map_views", "map_view_data", "chain_map_svg", "LINK_ZH"]

#: Stages left to right, with the words a planner reads.
STAGES = (("upstream", "上游"), ("midstream", "中游"), ("downstream", "下游"))
#: What each kind of link means, for the legend.
LINK_ZH = {"strong": "强链接（两端都有）", "weak": "弱链接（一端薄弱或仅规划）", "missing": "断链（一端本地没有）"}
_LOCAL = {"present", "weak", "planned"}
_BOX_W, _BOX_H, _COLUMN_GAP, _ROW_GAP, _TOP = 176, 52, 86, 16, 58


@dataclass(frozen=True)
class MapSegment:
    name: str
    stage: str
    status: str
    firms: int
    planned: int
    entries: tuple[str, ...]

    @property
    def mark(self) -> str:
        """The box's second line: status and firm count (``强 · 6 家``)."""
        count = f" · {self.firms} 家" if self.firms else (f" · 规划 {self.planned}" if self.planned and self.status != "planned" else "")
        return STATUS_ZH[self.status] + count


@dataclass(frozen=True)
class MapView:
    label: str  # 全市 or a column's label
    segments: tuple[MapSegment, ...]
    links: tuple[tuple[int, int, str], ...]  # (from index, to index, strong / weak / missing)


def _link(a: str, b: str) -> str:
    if a == b == "present":
        return "strong"
    return "weak" if a in _LOCAL and b in _LOCAL else "missing"


def map_view(matrix, column: str | None = None) -> MapView:
    """The chain map of one column (by label), or of the whole matrix when ``column`` is None."""
    reports = matrix.reports if column is None else [r for (_, label), r in zip(matrix.columns, matrix.reports, strict=True) if label == column]
    segments = []
    for i, (name, stage) in enumerate(matrix.segments):
        cells = [report.segments[i] for report in reports]
        status = min((c.status for c in cells), key=STATUSES.index, default="not_covered")
        entries = tuple(dict.fromkeys(entry_label(e) for c in cells for e in c.entries))
        segments.append(MapSegment(name, stage, status, sum(c.established for c in cells), sum(c.planned for c in cells), entries))
    index = {s.name: i for i, s in enumerate(segments)}
    first = matrix.reports[0].segments if matrix.reports else ()
    links = tuple((i, index[target], _link(segments[i].status, segments[index[target]].status))
                  for i, gap in enumerate(first) for target in gap.feeds if target in index)
    return MapView(column or "全市", tuple(segments), links)


def map_views(matrix) -> list[MapView]:
    """The whole-matrix view first, then one per column."""
    return [map_view(matrix), *(map_view(matrix, label) for _, label in matrix.columns)]


def _geometry(view: MapView) -> tuple[list[dict], int, int]:
    stages = [code for code, _ in STAGES] + sorted({s.stage for s in view.segments} - {code for code, _ in STAGES})
    rows: dict[str, int] = {}
    boxes = []
    for i, segment in enumerate(view.segments):
        column = stages.index(segment.stage)
        row = rows.get(segment.stage, 0)
        rows[segment.stage] = row + 1
        boxes.append({"i": i, "x": 10 + column * (_BOX_W + _COLUMN_GAP), "y": _TOP + row * (_BOX_H + _ROW_GAP)})
    width = 20 + len([s for s in stages if s in rows or s in dict(STAGES)]) * (_BOX_W + _COLUMN_GAP) - _COLUMN_GAP
    height = _TOP + max(rows.values(), default=1) * (_BOX_H + _ROW_GAP) + 44
    return boxes, width, height


def chain_map_svg(matrix, column: str | None = None, *, colours: dict[str, str] | None = None) -> str:
    """The chain map as a standalone SVG picture (boxes carry ``data-segment`` for the page's
    county switch)."""
    from chainkg.reports.gap_report import STATUS_COLOURS

    colours = colours or STATUS_COLOURS
    view = map_view(matrix, column)
    boxes, width, height = _geometry(view)
    for box in boxes:
        segment = view.segments[box["i"]]
        box.update(name=segment.name, mark=segment.mark, fill=colours[segment.status], status=segment.status,
                   dark=segment.status in ("present", "missing"),
                   title=f"{segment.name}：{STATUS_ZH[segment.status]}" + (f"（{'、'.join(segment.entries)}）" if segment.entries else ""))
    links = []
    for a, b, kind in view.links:
        start, end = boxes[a], boxes[b]
        links.append({"kind": kind, "x1": start["x"] + _BOX_W, "y1": start["y"] + _BOX_H / 2,
                      "x2": end["x"] - 4, "y2": end["y"] + _BOX_H / 2, "i": f"{a}-{b}"})
    heads = [{"x": 10 + k * (_BOX_W + _COLUMN_GAP) + _BOX_W / 2, "label": label} for k, (_, label) in enumerate(STAGES)]
    legend = [{"x": 10 + k * 210, "kind": kind, "label": label} for k, (kind, label) in enumerate(LINK_ZH.items())]
    return render("chain_map.svg.j2", width=max(width, 640), height=height, title=f"{matrix.chain_name} 产业链图谱 · {view.label}",
                  boxes=boxes, links=links, heads=heads, legend=legend, box_w=_BOX_W, box_h=_BOX_H,
                  legend_y=height - 16, marker=matrix.chain.rsplit("/", 1)[-1]).strip()


def map_view_data(matrix, colours: dict[str, str]) -> dict:
    """Every view of the chain map as plain data for the page's county switch: per view label,
    each box's fill, mark and hover text, and each link's kind."""
    views = {}
    for view in map_views(matrix):
        views[view.label] = {
            "boxes": [{"fill": colours[s.status], "mark": s.mark, "dark": s.status in ("present", "missing"),
                       "title": f"{s.name}：{STATUS_ZH[s.status]}" + (f"（{'、'.join(s.entries)}）" if s.entries else ""),
                       "status": s.status} for s in view.segments],
            "links": {f"{a}-{b}": kind for a, b, kind in view.links},
        }
    return views
