"""招商 candidates: firms outside a region that work in the segments it lacks, ranked, with
a 推荐理由 (the reasons, in Chinese) for each.

Score (in [0, 1]):

- **segment fit** (0.5): works in a *missing* segment (1.0), a *weak* one (0.7), or only in
  the chain with no segment named (0.3);
- **leadership** (0.2): an explicit 链主 / 龙头 designation (see ``leaders.designation_weight``);
- **proximity** (0.2): same prefecture as the region (1.0), same province (0.5);
- **existing ties** (0.1): supply links with firms already in the region (3 or more = 1.0).

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> attraction_candidates(seed_kg(), "半导体", "南安市")   # the seed names no outside chip firm
[]
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from chainkg.analyses.engine import as_chain_graph
from chainkg.analyses.gaps import chain_gaps
from chainkg.analyses.leaders import designation_weight

__all__ = ["Candidate", "attraction_candidates"]

_FIT = {"missing": 1.0, "weak": 0.7, "chain": 0.3}
_STATUS_WORDS = {"missing": "缺失", "weak": "薄弱"}
_STAGE_WORDS = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}


@dataclass(frozen=True)
class Candidate:
    iri: str
    name: str
    score: float
    segments: tuple[str, ...]
    components: dict
    reasons: str
    engine: str

    def to_dict(self) -> dict:
        return asdict(self)


def _proximity(graph, candidate: str, region_ancestors: list) -> tuple[float, str | None]:
    mine = {iri: (level, name) for iri, level, name in graph.ancestors(candidate)}
    for wanted_level, value in (("prefecture", 1.0), ("province", 0.5)):
        shared = [name for iri, level, name in region_ancestors if level == wanted_level and iri in mine]
        if shared:
            return value, shared[0]
    return 0.0, None


def attraction_candidates(kg, chain: str, region: str, *, top: int | None = None) -> list[Candidate]:
    """Outside firms in the region's missing or weak segments of ``chain``, best first.

    Parameters are as for :func:`~chainkg.analyses.gaps.chain_gaps`; ``top`` keeps the best N.
    """
    graph = as_chain_graph(kg)
    report = chain_gaps(graph, chain, region)
    wanting = {s.iri: s for s in report.segments if s.status in ("missing", "weak")}
    rows = graph.entries([*wanting, report.chain], report.region, inside=False)
    region_ancestors = graph.ancestors(report.region) + [(report.region, None, report.region_name)]
    designations = {o.iri: o.designations for o in graph.organizations(report.chain, None)}
    by_firm: dict[str, list] = {}
    for row in rows:
        by_firm.setdefault(row.entity, []).append(row)
    candidates = []
    for firm, firm_rows in by_firm.items():
        segment_rows = [r for r in firm_rows if r.target in wanting]
        if segment_rows:
            fit = max(_FIT[wanting[r.target].status] for r in segment_rows)
            segments = tuple(sorted({wanting[r.target].name for r in segment_rows}))
        else:
            fit, segments = _FIT["chain"], ()
        leadership = designation_weight(designations.get(firm, ()))
        proximity, shared_place = _proximity(graph, firm, region_ancestors)
        ties = graph.ties_to_region(firm, report.region)
        components = {"segment_fit": fit, "leadership": round(leadership, 6), "proximity": proximity,
                      "existing_ties": round(min(ties / 3, 1.0), 6)}
        score = round(0.5 * fit + 0.2 * leadership + 0.2 * proximity + 0.1 * components["existing_ties"], 6)
        reasons = []
        for r in segment_rows:
            segment = wanting[r.target]
            reasons.append(f"补{_STATUS_WORDS[segment.status]}环节「{segment.name}」({_STAGE_WORDS.get(segment.stage, segment.stage)})")
        if not segment_rows:
            reasons.append(f"从事{report.chain_name}产业链(未细分到环节)")
        for d in designations.get(firm, ()):
            reasons.append(f"{'链主' if d.kind == 'chain_leader' else '龙头'}企业({d.chain_name})")
        if shared_place:
            reasons.append(f"同在{shared_place}")
        if ties:
            reasons.append(f"已与本地{ties}家企业有供应关系")
        candidates.append(Candidate(firm, firm_rows[0].name, score, segments, components,
                                    "；".join(dict.fromkeys(reasons)), graph.engine))
    candidates.sort(key=lambda c: (-c.score, c.name, c.iri))
    return candidates[:top] if top else candidates
