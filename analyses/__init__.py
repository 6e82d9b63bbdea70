"""Analyses planners come for — pure functions over the graph, in memory or in Neo4j.

- :func:`chain_gaps` — per segment of a chain in a region: present / weak / missing, risks
- :func:`leading_enterprises` — who leads (龙头、链主) and why, as a score in named parts
- :func:`attraction_candidates` — outside firms that would fill a gap (招商), with reasons
"""

from chainkg.analyses.candidates import Candidate, attraction_candidates
from chainkg.analyses.gaps import GapReport, SegmentGap, chain_gaps
from chainkg.analyses.leaders import LeaderScore, leading_enterprises
from chainkg.graph.backends import register_backend

# The compact engine is a backend too (records → arrays); it lives here, above graph/.
register_backend("compact", "chainkg.analyses.compact", "CompactGraph.from_facts",
                 "numpy arrays answering the analyses, for province-size graphs")

__all__ = [
    "chain_gaps",
    "leading_enterprises",
    "attraction_candidates",
    "GapReport",
    "SegmentGap",
    "LeaderScore",
    "Candidate",
]
