"""The gap report (``gaps.html`` and ``gaps/<chain>.svg``): for every chain, a matrix of
segments × county-level units and zones coloured by status — as a picture and as a table —
with the chain's leaders and 招商 candidates beside it. Self-contained, like the graph report.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> matrix = gap_matrix(seed_kg(), "chain/optoelectronics")
>>> matrix.status("光电应用终端", "安溪县")
'weak'
>>> svg = matrix_svg(matrix)
>>> svg.startswith("<svg") and "安溪县" in svg
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import networkx as nx

from chainkg.analyses import attraction_candidates, chain_gaps, leading_enterprises
from chainkg.analyses.embedded import EmbeddedGraph
from chainkg.analyses.gaps import GapReport
from chainkg.reports.tables import STAGE_WORDS

__all__ = ["STATUS_COLOURS", "GapMatrix", "gap_matrix", "matrix_svg", "render_gap_report", "gap_report_files"]

STATUS_COLOURS = {"present": "#59a14f", "weak": "#f1ce63", "missing": "#ececec"}
_STATUS_ZH = {"present": "有", "weak": "弱", "missing": "缺"}


@dataclass(frozen=True)
class GapMatrix:
    chain: str
    chain_name: str
    segments: tuple[tuple[str, str], ...]  # (name, stage)
    columns: tuple[tuple[str, str], ...]  # (iri, label)
    reports: tuple[GapReport, ...]  # one per column

    def status(self, segment_name: str, column_label: str) -> str:
        index = next(i for i, (_, label) in enumerate(self.columns) if label == column_label)
        return next(s.status for s in self.reports[index].segments if s.name == segment_name)


def _columns(kg: nx.MultiDiGraph) -> list[tuple[str, str]]:
    """County-level units (not the nominal 金门县) and the zones run by a 管委会, short labels."""
    columns = []
    for node, a in kg.nodes(data=True):
        classes = a.get("classes", ())
        county = "AdministrativeArea" in classes and a.get("admin_level") == "county" and a.get("division_code") != "350527"
        zone = "DevelopmentZone" in classes and any(k == "managedBy" for _, _, k in kg.out_edges(node, keys=True))
        if county or zone:
            short = min([a["name"], *(x for x in a.get("aliases", ()) if not x.isascii())], key=len) if zone else a["name"]
            columns.append((a.get("division_code") or "9" + short, node, short))
    return [(iri, label) for _, iri, label in sorted(columns)]


def gap_matrix(kg: nx.MultiDiGraph, chain: str) -> GapMatrix:
    """Gap reports of one chain for every county-level unit and zone."""
    graph = EmbeddedGraph(kg)
    columns = _columns(kg)
    reports = tuple(chain_gaps(graph, chain, iri) for iri, _ in columns)
    first = reports[0]
    return GapMatrix(first.chain, first.chain_name, tuple((s.name, s.stage) for s in first.segments),
                     tuple(columns), reports)


def matrix_svg(matrix: GapMatrix, *, cell_width: int = 58, cell_height: int = 24) -> str:
    """The matrix as a standalone SVG picture (status colour per cell, 有/弱/缺 written in)."""
    left, top = 190, 56
    width = left + cell_width * len(matrix.columns) + 10
    height = top + cell_height * len(matrix.segments) + 40
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" font-family="Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif" font-size="12">',
             f'<text x="4" y="18" font-size="15" font-weight="bold">{html.escape(matrix.chain_name)} 产业链 · 环节 × 县市区</text>']
    for j, (_, label) in enumerate(matrix.columns):
        x = left + j * cell_width + cell_width / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 8}" text-anchor="middle">{html.escape(label)}</text>')
    for i, (name, stage) in enumerate(matrix.segments):
        y = top + i * cell_height
        parts.append(f'<text x="4" y="{y + 16}">{html.escape(STAGE_WORDS.get(stage, stage))} · {html.escape(name)}</text>')
        for j, report in enumerate(matrix.reports):
            status = report.segments[i].status
            x = left + j * cell_width
            parts.append(f'<rect x="{x}" y="{y}" width="{cell_width - 2}" height="{cell_height - 2}" rx="3" '
                         f'fill="{STATUS_COLOURS[status]}"><title>{html.escape(name)} · '
                         f'{html.escape(matrix.columns[j][1])}: {status}</title></rect>')
            parts.append(f'<text x="{x + cell_width / 2 - 1:.0f}" y="{y + 16}" text-anchor="middle" fill="#333">{_STATUS_ZH[status]}</text>')
    y = top + len(matrix.segments) * cell_height + 22
    for k, (status, colour) in enumerate(STATUS_COLOURS.items()):
        parts.append(f'<rect x="{4 + k * 110}" y="{y - 12}" width="14" height="14" rx="3" fill="{colour}"/>'
                     f'<text x="{22 + k * 110}" y="{y}">{status} {_STATUS_ZH[status]}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(matrix: GapMatrix) -> str:
    head = "".join(f"<th>{html.escape(label)}</th>" for _, label in matrix.columns)
    rows = []
    for i, (name, stage) in enumerate(matrix.segments):
        cells = []
        for report in matrix.reports:
            segment = report.segments[i]
            names = "、".join(e.name for e in segment.entries)
            title = html.escape("；".join(e.evidence[0] for e in segment.entries if e.evidence))
            cells.append(f'<td class="{segment.status}" title="{title}">{_STATUS_ZH[segment.status]}'
                         f'{"<br><small>" + html.escape(names) + "</small>" if names else ""}</td>')
        rows.append(f"<tr><th>{html.escape(STAGE_WORDS.get(stage, stage))} · {html.escape(name)}</th>{''.join(cells)}</tr>")
    return f'<table><thead><tr><th>环节 segment</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def _chain_level(matrix: GapMatrix) -> str:
    items = [f"<li><b>{html.escape(report.region_name)}</b> · {html.escape(e.name)}: “{html.escape(e.evidence[0])}”</li>"
             for report in matrix.reports for e in report.chain_level if e.evidence]
    return f"<p>At chain level (the source names no segment):</p><ul>{''.join(items)}</ul>" if items else ""


def _leaders_and_candidates(kg, matrix: GapMatrix, city: str | None) -> str:
    leaders = leading_enterprises(kg, matrix.chain, None, top=3)
    parts = ["<h3>龙头 / 链主 leaders</h3>"]
    if leaders:
        items = []
        for leader in leaders:
            sentence = next((d.sentences[0] for d in leader.designations if d.sentences), "")
            items.append(f"<li><b>{html.escape(leader.name)}</b> ({leader.score:.2f})"
                         f"{' — “' + html.escape(sentence) + '”' if sentence else ''}</li>")
        parts.append(f"<ol>{''.join(items)}</ol>")
    else:
        parts.append("<p class='muted'>No firm in this chain in the graph.</p>")
    parts.append("<h3>招商 candidates</h3>")
    candidates = attraction_candidates(kg, matrix.chain, city, top=5) if city else []
    if candidates:
        parts.append("<ol>" + "".join(f"<li><b>{html.escape(c.name)}</b> ({c.score:.2f}) — {html.escape(c.reasons)}</li>"
                                      for c in candidates) + "</ol>")
    else:
        parts.append("<p class='muted'>No outside firm in the graph works in the missing or weak segments.</p>")
    return "".join(parts)


def _city(kg) -> str | None:
    return next((n for n, a in kg.nodes(data=True) if a.get("admin_level") == "prefecture" and a.get("division_code") == "350500"), None)


def gap_report_files(kg: nx.MultiDiGraph, *, title: str = "chainkg gap report") -> dict[str, str]:
    """``gaps.html`` and one ``gaps/<chain>.svg`` per chain, as texts by relative path."""
    chains = sorted((n for n, a in kg.nodes(data=True) if "IndustrialChain" in a.get("classes", ())))
    city = _city(kg)
    files: dict[str, str] = {}
    sections, overview = [], []
    for chain in chains:
        matrix = gap_matrix(kg, chain)
        slug = chain.rsplit("/", 1)[-1]
        svg = matrix_svg(matrix)
        files[f"gaps/{slug}.svg"] = svg
        present = sum(s.status != "missing" for report in matrix.reports for s in report.segments)
        overview.append((present, matrix.chain_name, slug))
        sections.append(
            f'<section id="{slug}"><h2>{html.escape(matrix.chain_name)}</h2>'
            f'<div class="row"><div class="picture">{svg}</div><div class="side">{_leaders_and_candidates(kg, matrix, city)}</div></div>'
            f"{_table(matrix)}{_chain_level(matrix)}</section>"
        )
    links = " · ".join(f'<a href="#{slug}">{html.escape(name)}</a> ({present})' for present, name, slug in overview)
    files["gaps.html"] = _PAGE.format(title=html.escape(title), links=links, sections="".join(sections), css=_CSS)
    return files


def render_gap_report(kg: nx.MultiDiGraph, *, title: str = "chainkg gap report") -> str:
    """Just the HTML page (pictures inline)."""
    return gap_report_files(kg, title=title)["gaps.html"]


_CSS = """
body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 16px 24px; color: #222; }
h1 { font-size: 20px; } h2 { font-size: 18px; margin-top: 34px; border-bottom: 1px solid #ddd; } h3 { font-size: 14px; margin: 8px 0 4px; }
.row { display: flex; gap: 24px; flex-wrap: wrap; } .side { max-width: 560px; font-size: 13px; }
table { border-collapse: collapse; font-size: 12px; margin-top: 10px; } th, td { border: 1px solid #ddd; padding: 3px 6px; text-align: center; }
tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
td.present { background: #59a14f; color: #fff; } td.weak { background: #f1ce63; } td.missing { background: #f4f4f4; color: #999; }
.muted { color: #777; } a { color: #4e79a7; }
"""

_PAGE = """<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{title}</title><style>{css}</style></head>
<body><h1>{title}</h1>
<p>Each chain's template segments (上游 → 下游) against Quanzhou's county-level units and zones: <b>有</b> present,
<b>弱</b> weak (one firm or park, or only projects not yet operating), <b>缺</b> missing (the sources say nothing — never guessed).
Hover a cell for its sentences.</p>
<p>{links}</p>
{sections}
</body></html>
"""
