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
from chainkg.analyses.gaps import CHAIN_STATUSES, STAGE_ZH, STATUS_ZH, GapReport, entry_label
from chainkg.analyses.leaders import LeaderScore
from chainkg.analyses.rows import BASIS_ZH

__all__ = ["render_table", "render_gaps", "render_leaders", "render_candidates", "render_matrix", "STAGE_WORDS",
           "STATUS_WORDS"]

STAGE_WORDS = STAGE_ZH
STATUS_WORDS = {status: f"{status} {label}" for status, label in STATUS_ZH.items()}
_KIND_WORDS = {"chain_leader": "链主", "leading_enterprise": "龙头"}
_CHAIN_STATUS_WORDS = {"present": "present at chain level 整链有", "planned": "planned 规划", "not_covered": "not covered 未覆盖"}
assert set(_CHAIN_STATUS_WORDS) == set(CHAIN_STATUSES)


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


def _basis_mark(basis: str, note: str | None = None) -> str:
    """`` [推断: note]`` for a fact that is not stated as such; nothing for a stated one."""
    if basis == "stated":
        return ""
    return f" [{BASIS_ZH[basis]}{': ' + note if note else ''}]"


def _sentence(evidence: tuple[str, ...]) -> str:
    return f"“{_clip(evidence[0], 90)}”" if evidence else "(no sentence)"


def render_gaps(report: GapReport) -> str:
    counts = report.counts()
    summary = " · ".join(f"{STATUS_WORDS[status]} {n}" for status, n in counts.items() if n)
    lines = [f"{report.chain_name} · {report.region_name}  ({report.engine})  {summary}",
             f"chain as a whole: {_CHAIN_STATUS_WORDS[report.chain_status]}", ""]
    rows = [[STAGE_WORDS.get(s.stage, s.stage), s.name, STATUS_WORDS[s.status],
             str(s.established) if s.established else "—",
             _clip("、".join(entry_label(e) for e in s.entries) or "—", 40), ", ".join(s.risks)] for s in report.segments]
    lines.append(render_table(["stage", "segment", "status", "in operation", "local entries", "risks"], rows))
    evidence = [(s.name, e) for s in report.segments for e in s.entries]
    if evidence:
        lines += ["", "evidence:"]
        lines += [f"  [{segment}] {entry_label(e)}: {_sentence(e.evidence)}{_basis_mark(e.basis, e.note)}"
                  for segment, e in evidence]
    if report.chain_level:
        lines += ["", "at chain level (the source names no segment):"]
        lines += [f"  {entry_label(e)} ({e.relation}): {_sentence(e.evidence)}{_basis_mark(e.basis, e.note)}"
                  for e in report.chain_level]
    return "\n".join(lines)


def render_leaders(leaders: list[LeaderScore]) -> str:
    central = getattr(leaders, "central", False)
    if not leaders:
        return ("no other firm found for that chain / region" if central
                else "no firm the sources designate 龙头 / 链主 for that chain / region (see --central for firms by network position)")
    rows = []
    for rank, leader in enumerate(leaders, 1):
        kinds = "、".join(dict.fromkeys(_KIND_WORDS.get(d.kind or "", d.kind or "") + f"({d.chain_name})"
                                       + ("" if d.basis == "stated" else f"[{BASIS_ZH[d.basis]}]") for d in leader.designations))
        if not kinds and leader.listed_for == "partner_criterion":
            kinds = "≥15 local partners (reference criterion)"
        top = sorted(((v, k) for k, v in leader.components.items() if v), reverse=True)[:3]
        rows.append([str(rank), leader.name, f"{leader.score:.3f}", kinds or "—",
                     ", ".join(f"{k} {v:.2f}" for v, k in top) or "—"])
    header = ("central firms — network position and size only, not designated 龙头 / 链主:" if central
              else "龙头 / 链主 — firms a source designates (or a reference criterion names):")
    lines = [header, render_table(["#", "firm", "score", "designation", "strongest components"], rows)]
    sentences = [(leader.name, d) for leader in leaders for d in leader.designations if d.sentences]
    if sentences:
        lines += ["", "designations:"]
        lines += [f"  {name} — {_KIND_WORDS.get(d.kind or '', d.kind)} {d.chain_name}: {_sentence(d.sentences)}"
                  f"{_basis_mark(d.basis, d.note)}" for name, d in sentences]
    return "\n".join(lines)


def render_candidates(candidates: list[Candidate]) -> str:
    unlocated = getattr(candidates, "unlocated", ())
    tail = [f"location not given by the sources (may be local: check before approaching): {'、'.join(unlocated)}"] \
        if unlocated else []
    if not candidates:
        reason = getattr(candidates, "reason", "") or "no outside firm works in this region's missing, planned or weak segments"
        return "\n".join([reason, *tail])
    rows = [[str(i), c.name, f"{c.score:.3f}", "、".join(c.segments) or "(chain)", _clip(c.reasons, 60)]
            for i, c in enumerate(candidates, 1)]
    lines = [render_table(["#", "firm", "score", "segments", "推荐理由"], rows), "", "sentences:"]
    lines += [f"  {c.name}: {_sentence(c.evidence)}{_basis_mark(c.basis)}" for c in candidates]
    return "\n".join([*lines, *([""] + tail if tail else [])])


def render_matrix(matrix) -> str:
    """Every chain's statuses × counties (``analyses.matrix.GapMatrixResult``) as text tables."""
    parts = []
    for name, frame in matrix.frames.items():
        rows = [[str(v) for v in row] for row in frame.itertuples(index=False)]
        parts.append(f"{name}\n" + render_table([str(c) for c in frame.columns], rows))
    legend = " · ".join(f"{label} {status}" for status, label in STATUS_ZH.items())
    return "\n\n".join([*parts, legend])


def render_changes(found) -> str:
    """What changed (``analyses.changes.ChangeList``) as a planner's table, each change with its sentence."""
    from chainkg.analyses.changes import CHANGE_KINDS

    window = f"{found.since} → {found.until or '…'}"
    lines = [f"changes {window}  ({found.engine})  {len(found.changes)} changes; "
             f"{found.undated} undated facts (date unknown) in no window; {found.left_note}"]
    rows = [[c.date, f"{c.kind} {CHANGE_KINDS[c.kind]}", "、".join(c.counties) or "—", c.chain or "—",
             f"{c.subject_name} {c.predicate} {c.object_name}", "规划/意向" if c.status == "intended" else "原文明述",
             (c.evidence[0] if c.evidence else "(no sentence: a reviewed or table fact)")[:60]] for c in found.changes]
    lines.append(render_table(["date", "change", "county", "chain", "fact", "basis", "sentence"], rows))
    return "\n".join(lines)
