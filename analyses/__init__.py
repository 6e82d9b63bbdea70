"""Analyses planners come for — pure functions over the graph, in memory or in Neo4j.

- :func:`chain_gaps` — per segment of a chain in a region: present 强 / weak 弱 / planned 规划 /
  missing 缺 / unsegmented 未细分 / not_covered 未覆盖, with evidence, stated counts and risks
- :func:`gap_matrix_frames` — every chain × county at once, as DataFrames (one per chain)
- :func:`leading_enterprises` — the 龙头 / 链主 a source designates, each with its sentence;
  :func:`central_firms` — the other firms by network position (never called 龙头)
- :func:`attraction_candidates` — firms with no tie to the region that would fill a gap (招商),
  with reasons and the sentences they rest on

Every result has ``to_dict()`` and ``to_frame()`` / ``to_frames()`` (pandas) for exports.
"""

from chainkg.analyses.candidates import Candidate, attraction_candidates
from chainkg.analyses.gaps import GapReport, SegmentGap, chain_gaps, gap_statuses
from chainkg.analyses.leaders import LeaderScore, central_firms, leading_enterprises
from chainkg.analyses.matrix import gap_matrix_frames
from chainkg.graph.backends import register_backend

# The compact engine is a backend too (records → arrays); it lives here, above graph/.
register_backend("compact", "chainkg.analyses.compact", "CompactGraph.from_facts",
                 "numpy arrays answering the analyses, for province-size graphs")

__all__ = [
    "chain_gaps",
    "gap_statuses",
    "gap_matrix_frames",
    "leading_enterprises",
    "central_firms",
    "attraction_candidates",
    "GapReport",
    "SegmentGap",
    "LeaderScore",
    "Candidate",
]
