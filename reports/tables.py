"""Readable text tables of analysis results, for the terminal (CJK-aware column widths).

Example
-------
>>> print(render_table(["名称", "n"], [["南王", "1"]]))
名称  n
----  -
南王  1
"""

from __future__ import annotations

import unicodedata

from chainkg.analyses.candidates import Candidate
from chainkg.analyses.gaps import GapReport
from chainkg.analyses.leaders import LeaderScore

__all__ = ["render_table", "render_gaps", "render_leaders", "render_candidates", "STAGE_WORDS", "STATUS_WORDS"]

STAGE_WORDS = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
STATUS_WORDS = {"present": "present 有", "weak": "weak 弱", "missing": "missing 缺"}
_KIND_WORDS = {"chain_leader": "链主", "leading_enterprise": "龙头"}


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, width: int) -> str:
    if _width(text) <= width:
        return text
    out = ""
    for ch in text:
        if _width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


def render_table(columns: list[str], rows: list[list[str]]) -> str:
    widths = [max([_width(c)] + [_width(r[i]) for r in rows]) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        return "  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def render_gaps(report: GapReport) -> str:
    counts = report.counts()
    lines = [f"{report.chain_name} · {report.region_name}  ({report.engine})  "
             f"present {counts['present']} · weak {counts['weak']} · missing {counts['missing']}", ""]
    rows = [[STAGE_WORDS.get(s.stage, s.stage), s.name, STATUS_WORDS[s.status],
             _clip("、".join(e.name for e in s.entries) or "—", 40), ", ".join(s.risks)] for s in report.segments]
    lines.append(render_table(["stage", "segment", "status", "local entries", "risks"], rows))
    evidence = [(s.name, e) for s in report.segments for e in s.entries]
    if evidence:
        lines += ["", "evidence:"]
        lines += [f"  [{segment}] {e.name}: “{_clip(e.evidence[0], 90)}”" if e.evidence else f"  [{segment}] {e.name}: (no sentence)"
                  for segment, e in evidence]
    if report.chain_level:
        lines += ["", "at chain level (the source names no segment):"]
        lines += [f"  {e.name} ({e.relation}): “{_clip(e.evidence[0], 90)}”" if e.evidence else f"  {e.name} ({e.relation})"
                  for e in report.chain_level]
    return "\n".join(lines)


def render_leaders(leaders: list[LeaderScore]) -> str:
    if not leaders:
        return "no firm found for that chain / region"
    rows = []
    for rank, leader in enumerate(leaders, 1):
        kinds = "、".join(dict.fromkeys(_KIND_WORDS.get(d.kind or "", d.kind or "") + f"({d.chain_name})" for d in leader.designations))
        top = sorted(((v, k) for k, v in leader.components.items() if v), reverse=True)[:3]
        rows.append([str(rank), leader.name, f"{leader.score:.3f}", kinds or "—",
                     ", ".join(f"{k} {v:.2f}" for v, k in top) or "—"])
    lines = [render_table(["#", "firm", "score", "designation", "strongest components"], rows)]
    sentences = [(leader.name, d) for leader in leaders for d in leader.designations if d.sentences]
    if sentences:
        lines += ["", "designations:"]
        lines += [f"  {name} — {_KIND_WORDS.get(d.kind or '', d.kind)} {d.chain_name}: “{_clip(d.sentences[0], 90)}”"
                  for name, d in sentences]
    return "\n".join(lines)


def render_candidates(candidates: list[Candidate]) -> str:
    if not candidates:
        return "no outside firm works in this region's missing or weak segments"
    rows = [[str(i), c.name, f"{c.score:.3f}", "、".join(c.segments) or "(chain)", _clip(c.reasons, 60)]
            for i, c in enumerate(candidates, 1)]
    return render_table(["#", "firm", "score", "segments", "推荐理由"], rows)
