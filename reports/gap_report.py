"""The gap report (``gaps.html`` and ``gaps/<chain>.svg``): for every chain, a matrix of
segments × county-level units and zones coloured by status — as a picture and as a table —
with the chain's leaders and 招商 candidates beside it. Self-contained, like the graph report.

Columns
-------
Nothing here names a region; the graph says which columns there are:

- **Prefectures** are the areas at ``admin_level`` "prefecture" that a county-level unit or
  zone lies in (``locatedIn``, at any depth). A prefecture nothing lies in (a city named only
  as a place firms come from) gets no columns.
- **Columns** are the county-level units and the zones run by a 管委会 (``managedBy``), the
  zones under their shortest Chinese name. A county the reference data marks *nominal* — its
  note starts with the word ``nominal``, as 金门县's does (administered from Taiwan) — is
  left out: nothing can be found there, and a column of 缺 would read as a finding.
- **Several prefectures**: one set of columns per prefecture, side by side in division-code
  order, each headed by the prefecture's name (in the picture and in the table); 招商
  candidates are listed for each prefecture. Columns under no prefecture come last. A graph
  with one prefecture gives a page without those headings.

The page and the picture are Jinja2 templates (``reports/templates/gaps.html.j2``,
``gaps.svg.j2``), autoescaped: every name is written as text.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> matrix = gap_matrix(seed_kg(), "chain/optoelectronics")
>>> matrix.status("光电应用终端", "安溪县"), matrix.status("衬底", "安溪县"), matrix.status("衬底", "南安市")
('present', 'missing', 'not_covered')
>>> [p.name for p in gap_prefectures(seed_kg())], "金门县" in dict(matrix.columns).values()
(['泉州市'], False)
>>> svg = matrix_svg(matrix)
>>> svg.startswith("<svg") and "安溪县" in svg
True
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import groupby

import networkx as nx

from chainkg.analyses import Candidate, attraction_candidates, chain_gaps, leading_enterprises
from chainkg.analyses.embedded import EmbeddedGraph
from chainkg.analyses.gaps import STATUS_ZH, STATUSES, GapReport
from chainkg.analyses.rows import BASIS_ZH
from chainkg.reports.chain_map import LINK_ZH, chain_map_svg, map_view_data
from chainkg.reports.changes_view import changes_view
from chainkg.reports.fact_dates import DEFAULT_STALE_YEARS, STALE_ZH, FactDates
from chainkg.reports.page_templates import package_text, render, rendered
from chainkg.reports.pyvis_report import in_canonical_order
from chainkg.reports.sources import SourceInfo
from chainkg.reports.tables import STAGE_WORDS

__all__ = ["STATUS_COLOURS", "NOMINAL_MARK", "GapMatrix", "Prefecture", "gap_prefectures", "gap_matrix",
           "matrix_svg", "render_gap_report", "gap_report_files"]

#: One colour per status of ``analyses.gaps.STATUSES``: strong green to warm grey; "not
#: covered" is white so that what the sources never discuss does not read as a finding.
STATUS_COLOURS = {"present": "#59a14f", "weak": "#f1ce63", "planned": "#a0cbe8", "missing": "#e15759",
                  "unsegmented": "#d4d4d4", "not_covered": "#ffffff"}
assert tuple(STATUS_COLOURS) == STATUSES
#: The chain-level row's labels (``GapReport.chain_status``).
_CHAIN_ZH = {"present": "整链有", "planned": "规划", "not_covered": "未覆盖"}
_CHAIN_COLOURS = {"present": "#8cd17d", "planned": "#a0cbe8", "not_covered": "#ffffff"}
#: First word of the note by which reference data marks a unit that exists on paper only.
NOMINAL_MARK = "nominal"


@dataclass(frozen=True)
class Prefecture:
    """A prefecture with columns in the report."""

    iri: str
    name: str
    name_en: str | None
    division_code: str | None


@dataclass(frozen=True)
class GapMatrix:
    chain: str
    chain_name: str
    segments: tuple[tuple[str, str], ...]  # (name, stage)
    columns: tuple[tuple[str, str], ...]  # (iri, label)
    reports: tuple[GapReport, ...]  # one per column
    #: (prefecture name, number of columns) left to right; "" for columns under no prefecture.
    groups: tuple[tuple[str, int], ...] = ()

    def status(self, segment_name: str, column_label: str) -> str:
        index = next(i for i, (_, label) in enumerate(self.columns) if label == column_label)
        return next(s.status for s in self.reports[index].segments if s.name == segment_name)


def _is_nominal(attributes: dict) -> bool:
    return (attributes.get("note") or "").split(maxsplit=1)[:1] == [NOMINAL_MARK]


def _is_column(kg: nx.MultiDiGraph, node: str, attributes: dict) -> bool:
    classes = attributes.get("classes", ())
    if "AdministrativeArea" in classes:
        return attributes.get("admin_level") == "county" and not _is_nominal(attributes)
    return "DevelopmentZone" in classes and any(k == "managedBy" for _, _, k in kg.out_edges(node, keys=True))


def _prefecture_of(kg: nx.MultiDiGraph, node: str) -> str | None:
    """The nearest prefecture above ``node`` along ``locatedIn`` (breadth first)."""
    seen, queue = {node}, deque([node])
    while queue:
        for parent in sorted(v for _, v, k in kg.out_edges(queue.popleft(), keys=True) if k == "locatedIn"):
            if kg.nodes[parent].get("admin_level") == "prefecture":
                return parent
            if parent not in seen:
                seen.add(parent)
                queue.append(parent)
    return None


def _prefecture_key(kg: nx.MultiDiGraph, prefecture: str | None) -> str:
    # division-code order; prefectures without a code after them, columns under none last
    return "~" if prefecture is None else kg.nodes[prefecture].get("division_code") or "9" + prefecture


def _columns(kg: nx.MultiDiGraph) -> list[tuple[str, str, str | None]]:
    """(iri, short label, prefecture) of every column, grouped by prefecture, in code order."""
    columns = []
    for node, a in kg.nodes(data=True):
        if _is_column(kg, node, a):
            zone = "DevelopmentZone" in a.get("classes", ())
            short = min([a["name"], *(x for x in a.get("aliases", ()) if not x.isascii())], key=len) if zone else a["name"]
            prefecture = _prefecture_of(kg, node)
            columns.append((_prefecture_key(kg, prefecture), a.get("division_code") or "9" + short, node, short, prefecture))
    return [(iri, label, prefecture) for _, _, iri, label, prefecture in sorted(columns)]


def gap_prefectures(kg: nx.MultiDiGraph) -> list[Prefecture]:
    """The prefectures the report has columns for, in the columns' order."""
    found = dict.fromkeys(p for _, _, p in _columns(kg) if p is not None)
    return [Prefecture(p, kg.nodes[p].get("name", p), kg.nodes[p].get("name_en"), kg.nodes[p].get("division_code"))
            for p in found]


def gap_matrix(kg: nx.MultiDiGraph, chain: str) -> GapMatrix:
    """Gap reports of one chain for every county-level unit and zone."""
    graph = EmbeddedGraph(kg)
    columns = _columns(kg)
    reports = tuple(chain_gaps(graph, chain, iri) for iri, _, _ in columns)
    first = reports[0]
    groups = tuple((kg.nodes[p].get("name", p) if p else "", len(list(members)))
                   for p, members in groupby(columns, key=lambda c: c[2]))
    return GapMatrix(first.chain, first.chain_name, tuple((s.name, s.stage) for s in first.segments),
                     tuple((iri, label) for iri, label, _ in columns), reports, groups)


def _spans(matrix: GapMatrix) -> list[tuple[str, int, int]]:
    """(prefecture name, first column, number of columns) of each group."""
    spans, start = [], 0
    for name, count in matrix.groups:
        spans.append((name, start, count))
        start += count
    return spans


def matrix_svg(matrix: GapMatrix, *, cell_width: int = 58, cell_height: int = 24,
               stale: frozenset[tuple[int, int]] = frozenset()) -> str:
    """The matrix as a standalone SVG picture: a row for the chain as a whole, then a colour and a
    Chinese status per segment cell (强 5: present, with five entries in operation). ``stale``:
    the (segment, column) cells whose every entry is stale (``fact_dates``), marked 旧."""
    headed = len(matrix.groups) > 1  # a row of prefecture names above the column labels
    left, top = 190, 56 + (20 if headed else 0)
    width = left + cell_width * len(matrix.columns) + 10
    height = top + cell_height * (len(matrix.segments) + 1) + 40
    groups = [{"name": name, "x": f"{left + (start + count / 2) * cell_width:.0f}", "y": top - 28,
               "x0": left + start * cell_width + 2, "x1": left + (start + count) * cell_width - 4}
              for name, start, count in _spans(matrix)] if headed else []
    columns = [{"x": f"{left + j * cell_width + cell_width / 2:.0f}", "label": label}
               for j, (_, label) in enumerate(matrix.columns)]
    rows = []
    for i, (name, stage) in enumerate([(matrix.chain_name, ""), *matrix.segments], start=-1):
        y = top + (i + 1) * cell_height
        cells = []
        for j, report in enumerate(matrix.reports):
            x = left + j * cell_width
            if i < 0:  # the chain-level row
                status, fill, mark = report.chain_status, _CHAIN_COLOURS[report.chain_status], _CHAIN_ZH[report.chain_status]
            else:
                segment = report.segments[i]
                status, fill = segment.status, STATUS_COLOURS[segment.status]
                mark = STATUS_ZH[status] + (f" {segment.established}" if segment.established > 1 else "")
            old = i >= 0 and (i, j) in stale
            cells.append({"x": x, "text_x": f"{x + cell_width / 2 - 1:.0f}", "fill": fill,
                          "title": f"{name} · {matrix.columns[j][1]}：{mark}" + (f"（依据均{STALE_ZH}）" if old else ""),
                          "mark": mark + (" 旧" if old else "")})
        label = "整链" if i < 0 else f"{STAGE_WORDS.get(stage, stage)} · {name}"
        rows.append({"y": y, "text_y": y + 16, "label": label, "cells": cells})
    legend_y = top + (len(matrix.segments) + 1) * cell_height + 22
    legend = [{"x": 4 + k * 100, "text_x": 22 + k * 100, "colour": colour, "label": STATUS_ZH[status]}
              for k, (status, colour) in enumerate(STATUS_COLOURS.items())]
    return render("gaps.svg.j2", width=width, height=height, title=matrix.chain_name, label_y=top - 8,
                  cell_width=cell_width - 2, cell_height=cell_height - 2, groups=groups, columns=columns, rows=rows,
                  legend=legend, legend_y=legend_y).strip()


def _leaders(kg, chain: str) -> list[tuple]:
    """The chain's designated 龙头 / 链主 (at most five), each with its designation (for the
    sentence, basis and note)."""
    return [(leader, next((d for d in leader.designations if d.sentences), None))
            for leader in leading_enterprises(kg, chain, None, top=5)]


def _dated(dates: FactDates, entries, target: str) -> list[dict]:
    """Each entry with its fact's date (None when the graph holds no such edge) and stale mark."""
    dated = []
    for entry in entries:
        data = dates.edge(entry.iri, target, entry.relation)
        dated.append({"entry": entry, "date": None if data is None else dates.label(data),
                      "stale": data is not None and dates.is_stale(data)})
    return dated


def _dated_cells(dates: FactDates, matrix: GapMatrix) -> tuple[list[dict], list[list[dict]]]:
    """The chain-level row's and each segment row's cells: entries dated, and whether the cell
    rests on stale facts only."""
    chain_row = []
    for report in matrix.reports:
        entries = _dated(dates, report.chain_level, matrix.chain)
        chain_row.append({"entries": entries, "stale": bool(entries) and all(e["stale"] for e in entries)})
    rows = []
    for i in range(len(matrix.segments)):
        row = []
        for report in matrix.reports:
            segment = report.segments[i]
            entries = _dated(dates, segment.entries, segment.iri)
            row.append({"entries": entries, "stale": bool(entries) and all(e["stale"] for e in entries)})
        rows.append(row)
    return chain_row, rows


def gap_report_files(kg: nx.MultiDiGraph, *, title: str = "chainkg", sources: Mapping[str, SourceInfo] | None = None,
                     stale_years: int = DEFAULT_STALE_YEARS, as_of: str | None = None) -> dict[str, str]:
    """``gaps.html`` and one ``gaps/<chain>.svg`` per chain, as texts by relative path.

    ``as_of``: the date ``kg`` stands as of (the reference date of the stale marks and of the
    changes section; None: the newest date in ``kg``); ``stale_years``: the stale threshold.
    """
    kg = in_canonical_order(kg)  # ties in the analyses' rankings fall the same way on every run
    dates = FactDates(kg, stale_years=stale_years, as_of=as_of)
    # a matrix needs segments: chains an article names that no template segments get none
    chains = sorted(n for n, a in kg.nodes(data=True) if "IndustrialChain" in a.get("classes", ())
                    and any(key == "segmentOf" for _, _, key in kg.in_edges(n, keys=True)))
    prefectures = gap_prefectures(kg)
    files: dict[str, str] = {}
    sections = []

    def candidates_by_prefecture(chain: str) -> list[tuple[Prefecture | None, list[Candidate]]]:
        found: list[tuple[Prefecture | None, list[Candidate]]] = [
            (p, attraction_candidates(kg, chain, p.iri, top=5)) for p in prefectures]
        return found or [(None, [])]

    for chain in chains:
        matrix = gap_matrix(kg, chain)
        slug = chain.rsplit("/", 1)[-1]
        chain_cells, cells = _dated_cells(dates, matrix)
        stale = frozenset((i, j) for i, row in enumerate(cells) for j, cell in enumerate(row) if cell["stale"])
        svg = matrix_svg(matrix, stale=stale)
        files[f"gaps/{slug}.svg"] = svg
        chain_map = chain_map_svg(matrix)
        files[f"gaps/{slug}-map.svg"] = chain_map
        sections.append({
            "map": rendered(chain_map), "views": map_view_data(matrix, STATUS_COLOURS),
            "slug": slug, "matrix": matrix, "spans": _spans(matrix), "leaders": _leaders(kg, matrix.chain),
            "svg": rendered(svg),
            "chain_level": [(report.region_name, dated) for report, cell in zip(matrix.reports, chain_cells, strict=True)
                            for dated in cell["entries"] if dated["entry"].evidence],
            "chain_cells": chain_cells, "cells": cells,
            "present": sum(report.chain_status != "not_covered" for report in matrix.reports),
            "candidates": candidates_by_prefecture(matrix.chain),
        })
    files["gaps.html"] = render("gaps.html.j2", title=title, css=package_text("templates/gaps.css"),
                                app_js=package_text("templates/gaps.js"), sources=list((sources or {}).values()),
                                columns=[label for _, label, _ in _columns(kg)],
                                status_colours=STATUS_COLOURS, link_zh=LINK_ZH,
                                prefectures=prefectures, sections=sections, stage_words=STAGE_WORDS,
                                status_zh=STATUS_ZH, chain_zh=_CHAIN_ZH, basis_zh=BASIS_ZH,
                                stale_legend=dates.legend(), stale_zh=STALE_ZH,
                                changes=changes_view(kg, dates.reference, stale_years))
    return files


def render_gap_report(kg: nx.MultiDiGraph, *, title: str = "chainkg", sources: Mapping[str, SourceInfo] | None = None,
                      stale_years: int = DEFAULT_STALE_YEARS, as_of: str | None = None) -> str:
    """Just the HTML page (pictures inline)."""
    return gap_report_files(kg, title=title, sources=sources, stale_years=stale_years, as_of=as_of)["gaps.html"]
