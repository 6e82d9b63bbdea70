"""招商 candidates: firms outside a region that work in the segments it lacks, ranked, with
a 推荐理由 (the reasons, in Chinese) and the sentences each reason rests on.

Who is a candidate
------------------
A firm or institute that works in a segment the region lacks (``missing``), plans
(``planned``) or has little of (``weak``) — or in the chain with no segment named — whose
location the sources give (it lies in some administrative area: a firm named with no place
may well be local, so it is listed apart, as *unlocated*, for a planner to check) and that has
**no tie to the region**: it is not located there, and no relation but a chain one links it
to anything located there (it develops or runs no park there, was not attracted or incubated
there, supplies and is supplied by no local firm, belongs to no local group, leads no chain
scoped there; see :meth:`~chainkg.analyses.rows.ChainGraph.region_ties`). Segments the sources
never break down in the region (``unsegmented``, ``not_covered``) are no gap the sources
establish, so they draw no candidate; an empty answer says why (:func:`no_candidates_reason`).

Score (in [0, 1])
-----------------
- **segment fit** (0.55): works in a *missing* segment (1.0), a *planned* one (0.8), a *weak*
  one (0.7), or only in the chain with no segment named (0.3);
- **leadership** (0.25): an explicit 链主 / 龙头 designation (see ``leaders.designation_weight``);
- **proximity** (0.20): same prefecture as the region (1.0), same province (0.5).

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> from chainkg.analyses.gaps import chain_gaps
>>> attraction_candidates(seed_kg(), "半导体", "南安市")   # the seed names no outside chip firm
[]
>>> print(no_candidates_reason(chain_gaps(seed_kg(), "半导体", "南安市")))
南安市的半导体产业链只在整链层面见于来源(未细分到环节),没有可据以招商的缺口
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from chainkg.analyses.engine import as_chain_graph
from chainkg.analyses.gaps import STAGE_ZH, STATUS_ZH, GapReport, gap_outline
from chainkg.analyses.leaders import designation_weight

__all__ = ["WEIGHTS", "Candidate", "CandidateList", "attraction_candidates", "candidate_answer", "no_candidates_reason",
           "candidates_frame", "POOL_BASIS", "PoolCandidate", "PoolAnswer", "pool_candidates"]

WEIGHTS = {"segment_fit": 0.55, "leadership": 0.25, "proximity": 0.20}
_FIT = {"missing": 1.0, "planned": 0.8, "weak": 0.7, "chain": 0.3}


@dataclass(frozen=True)
class Candidate:
    iri: str
    name: str
    score: float
    segments: tuple[str, ...]
    components: dict
    reasons: str
    engine: str
    #: the sentences the reasons rest on (the firm's work in the chain, its designation)
    evidence: tuple[str, ...] = ()
    #: the lowest-confidence basis among those facts: stated / inferred / intended
    basis: str = "stated"

    def to_dict(self) -> dict:
        return asdict(self)


def _proximity(mine: dict, region_ancestors: list) -> tuple[float, str | None]:
    for wanted_level, value in (("prefecture", 1.0), ("province", 0.5)):
        shared = [name for iri, level, name in region_ancestors if level == wanted_level and iri in mine]
        if shared:
            return value, shared[0]
    return 0.0, None


def no_candidates_reason(report: GapReport) -> str:
    """Why a region has no 招商 candidate for a chain, in one Chinese sentence."""
    where, chain = report.region_name, report.chain_name
    if not any(s.status in ("missing", "planned", "weak") for s in report.segments):
        if report.chain_status == "not_covered":
            return f"来源未涉及{where}的{chain}产业链(未覆盖),无从判断缺口"
        if all(s.status == "present" for s in report.segments):
            return f"{where}的{chain}产业链各环节均已有本地主体"
        return f"{where}的{chain}产业链只在整链层面见于来源(未细分到环节),没有可据以招商的缺口"
    return f"来源中没有与{where}无关联、从事{chain}产业链缺口环节的外地企业"


def attraction_candidates(kg, chain: str, region: str, *, top: int | None = None) -> list[Candidate]:
    """Outside firms (no tie to the region) in its missing, planned or weak segments of ``chain``.

    Parameters are as for :func:`~chainkg.analyses.gaps.chain_gaps`; ``top`` keeps the best N.
    """
    return list(candidate_answer(kg, chain, region, top=top))


def candidate_answer(kg, chain: str, region: str, *, top: int | None = None) -> CandidateList:
    """:func:`attraction_candidates` with why there are none (``reason``) and the firms in the
    wanted segments whose location the sources do not give (``unlocated``: check by hand).

    >>> from chainkg.analyses.embedded import seed_kg
    >>> answer = candidate_answer(seed_kg(), "LED", "安溪")
    >>> list(answer), answer.unlocated
    ([], ())
    """
    from chainkg.analyses.rows import fact_basis

    graph = as_chain_graph(kg)
    report = gap_outline(graph, chain, region)  # statuses only: the region's own entries are not listed
    wanting = {s.iri: s for s in report.segments if s.status in ("missing", "planned", "weak")}
    if not wanting:
        return CandidateList([], no_candidates_reason(report))
    # outside firms with no tie to the region (local in all but address: never a 招商 target), in
    # one look-up, not one per firm: thousands of round trips to Neo4j at scale
    rows, places = graph.untied_entries([*wanting, report.chain], report.region)
    region_ancestors = graph.ancestors(report.region) + [(report.region, None, report.region_name)]
    designations = graph.designated(report.chain)
    by_firm: dict[str, list] = {}
    for row in rows:
        by_firm.setdefault(row.entity, []).append(row)
    candidates, unlocated = [], []
    for firm, firm_rows in by_firm.items():
        mine = {iri: (level, name) for iri, level, name in places[firm]}
        if not mine:
            unlocated.append(firm_rows[0].name)  # where it is, the sources do not say
            continue
        segment_rows = [r for r in firm_rows if r.target in wanting]
        if segment_rows:
            fit = max(_FIT[wanting[r.target].status] for r in segment_rows)
            segments = tuple(sorted({wanting[r.target].name for r in segment_rows}))
        else:
            fit, segments = _FIT["chain"], ()
        firm_designations = designations.get(firm, ())
        leadership = designation_weight(firm_designations)
        proximity, shared_place = _proximity(mine, region_ancestors)
        components = {"segment_fit": fit, "leadership": round(leadership, 6), "proximity": proximity}
        score = round(sum(WEIGHTS[name] * value for name, value in components.items()), 6)
        reasons = []
        for r in segment_rows:
            segment = wanting[r.target]
            reasons.append(f"补{STATUS_ZH[segment.status]}环节「{segment.name}」({STAGE_ZH.get(segment.stage, segment.stage)})")
        if not segment_rows:
            reasons.append(f"从事{report.chain_name}产业链(未细分到环节)")
        for d in firm_designations:
            reasons.append(f"{'链主' if d.kind == 'chain_leader' else '龙头'}企业({d.chain_name})")
        if shared_place:
            reasons.append(f"同在{shared_place}")
        cited = segment_rows or firm_rows
        evidence = tuple(dict.fromkeys([*(x for r in cited for x in r.evidence),
                                        *(x for d in firm_designations for x in d.sentences)]))
        bases = {fact_basis(r.confidence, r.modality) for r in cited} | {d.basis for d in firm_designations}
        basis = next((b for b in ("intended", "inferred") if b in bases), "stated")
        candidates.append(Candidate(firm, firm_rows[0].name, score, segments, components,
                                    "；".join(dict.fromkeys(reasons)), graph.engine, evidence, basis))
    candidates.sort(key=lambda c: (-c.score, c.name, c.iri))
    return CandidateList(candidates[:top] if top else candidates, "" if candidates else no_candidates_reason(report),
                         tuple(sorted(unlocated)))


class CandidateList(list):
    """招商 candidates as a list, with why there are none (``reason``), the firms whose location
    is unknown (``unlocated``), and export views."""

    def __init__(self, candidates: list[Candidate] = (), reason: str = "",  # type: ignore[assignment]
                 unlocated: tuple[str, ...] = ()):
        super().__init__(candidates)
        self.reason = reason
        self.unlocated = unlocated

    def to_dict(self) -> list[dict]:
        return [candidate.to_dict() for candidate in self]

    def to_frame(self):
        return candidates_frame(list(self))

    def to_frames(self) -> dict:
        return {"招商候选": self.to_frame()}


def candidates_frame(candidates: list[Candidate]):
    """招商 candidates as a pandas ``DataFrame`` (one row per firm, Chinese headers).

    >>> candidates_frame([]).columns.tolist()[:4]
    ['企业', '得分', '补足环节', '推荐理由']
    """
    import pandas as pd

    from chainkg.analyses.rows import BASIS_ZH

    columns = ["企业", "得分", "补足环节", "推荐理由", "依据", "事实性质", "iri"]
    return pd.DataFrame([[c.name, c.score, "、".join(c.segments), c.reasons, " | ".join(c.evidence),
                          BASIS_ZH[c.basis], c.iri] for c in candidates], columns=columns)


# --- the listed-company pool -------------------------------------------------------------------

#: How a pool candidate is known: a reference table placed it, no source sentence says it.
POOL_BASIS = "reference_table"


@dataclass(frozen=True)
class PoolCandidate:
    """A listed firm outside the graph whose 申万 industry maps to a segment the region wants."""

    code: str
    name: str
    fullname: str
    exchange: str
    industry: str  # 申万 code and name
    segment: str  # the segment (or chain) the mapping row places it on
    segment_status: str  # missing / planned / weak, or chain (the row names only the chain)
    mapping_row: str  # which row of which table placed it, with its basis and why
    basis: str = POOL_BASIS

    def to_dict(self) -> dict:
        return asdict(self)


def pool_candidates(kg, chain: str, region: str, pool) -> list[PoolCandidate]:
    """Listed firms from ``pool`` (:func:`chainkg.loaders.listed.load_listed_pool`) in the
    region's missing, planned or weak segments of ``chain`` — each with its 申万 industry, the
    segment and the table row that placed it. The pool is a separate input: nothing of it
    enters the graph. A pool firm whose full or short name is a local entry of the chain there
    is left out (it is already in the region).

    >>> from pathlib import Path
    >>> from chainkg.analyses.embedded import seed_kg
    >>> from chainkg.loaders.listed import load_listed_pool
    >>> pool = load_listed_pool(Path(__file__).parents[1] / "tests" / "fixtures" / "listed")
    >>> pool_candidates(seed_kg(), "半导体", "南安市", pool)   # the seed names no segment there: no gap
    []
    """
    from chainkg.analyses.gaps import chain_gaps
    from chainkg.loaders.listed import SHENWAN_TABLE, pool_placements

    report = chain_gaps(kg, chain, region)
    wanting = {s.iri.rsplit("/id/", 1)[-1]: s for s in report.segments if s.status in ("missing", "planned", "weak")}
    if not wanting:
        return []
    chain_id = report.chain.rsplit("/id/", 1)[-1]
    local = {e.name for s in report.segments for e in s.entries} | {e.name for e in report.chain_level}
    found = []
    for firm in pool.firms:
        if firm.name in local or firm.fullname in local:
            continue
        for row in pool_placements(firm):
            if row.target in wanting:
                segment, status = wanting[row.target].name, wanting[row.target].status
            elif row.target == chain_id:
                segment, status = report.chain_name, "chain"
            else:
                continue
            found.append(PoolCandidate(
                firm.code, firm.name, firm.fullname, firm.exchange, f"{row.sw_code} {row.sw_name}", segment, status,
                f"{SHENWAN_TABLE.name} line {row.line} ({row.basis}: {row.why})"))
    order = {"missing": 0, "planned": 1, "weak": 2, "chain": 3}
    return sorted(found, key=lambda c: (order[c.segment_status], c.segment, c.code))


class PoolAnswer:
    """招商 candidates from the graph and, apart, from the listed-company pool."""

    def __init__(self, candidates: CandidateList, pool: list[PoolCandidate], folder: str):
        self.candidates, self.pool, self.folder = candidates, pool, folder

    def to_dict(self) -> dict:
        return {"candidates": self.candidates.to_dict(), "pool": [c.to_dict() for c in self.pool],
                "pool_source": self.folder,
                "pool_note": "参考表推定(非来源原文): listed firms placed by their 申万 industry through a mapping table"}

    def to_frames(self) -> dict:
        import pandas as pd

        frames = self.candidates.to_frames()
        frames["上市公司池"] = pd.DataFrame([[c.name, c.fullname, c.code, c.industry, c.segment, c.segment_status,
                                          c.mapping_row, "参考表推定"] for c in self.pool],
                                        columns=["简称", "全称", "代码", "申万行业", "环节", "环节状态", "映射依据", "事实性质"])
        return frames
