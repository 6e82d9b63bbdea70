"""Leading enterprises (龙头、链主): who leads a chain or a region, and why — a score in named parts.

Two lists, never mixed:

- :func:`leading_enterprises` — the 龙头 / 链主 list: only firms a source designates (an
  explicit 链主 / 龙头 statement, each with its sentence) or that meet a criterion a named
  reference states (``PARTNER_CRITERION``: the Shanxi 2023 链主 rule of ≥ 15 local partners);
  ``listed_for`` says which.
- :func:`central_firms` — every other firm in the chain or region, ranked by network position
  and size alone: a lead for a planner to check, not a designation.

Components (each in [0, 1]) and their weights in the score:

============================  ======  =====================================================
component                     weight  meaning
============================  ======  =====================================================
``designation``               0.40    an explicit 链主 (1.0) or 龙头 (0.8) statement × its confidence
``local_partners``            0.15    supply partners in the network, capped at 15 (the Shanxi
                                      2023 链主 criterion: ≥ 15 local partner firms)
``pagerank``                  0.10    PageRank in the supply network, relative to the highest
``betweenness``               0.10    betweenness in the supply network, relative to the highest
``segments_spanned``          0.10    segments of the chain it works in, capped at 3
``parks_developed``           0.05    it develops or runs a park
``listed``                    0.05    listed on a stock exchange
``reported_value``            0.05    the largest output / investment / contract figure reported
                                      about it or its parks, on a log scale (10¹⁰ CNY = 1)
============================  ======  =====================================================

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> top = leading_enterprises(seed_kg(), region="惠安县")[0]
>>> top.name, top.designations[0].kind
('南王', 'leading_enterprise')
>>> "龙头" in top.designations[0].sentences[0]
True
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

from chainkg.analyses.engine import as_chain_graph
from chainkg.analyses.names import resolve_chain, resolve_region
from chainkg.analyses.rows import Designation, OrganizationRow

__all__ = ["WEIGHTS", "PARTNER_CRITERION", "LeaderScore", "LeaderList", "leading_enterprises", "central_firms",
           "designation_weight", "leaders_frame"]

WEIGHTS = {
    "designation": 0.40,
    "local_partners": 0.15,
    "pagerank": 0.10,
    "betweenness": 0.10,
    "segments_spanned": 0.10,
    "parks_developed": 0.05,
    "listed": 0.05,
    "reported_value": 0.05,
}
#: Shanxi 2023: a 链主 has at least 15 local upstream / downstream partner firms.
PARTNER_CRITERION = 15
_KIND_WEIGHT = {"chain_leader": 1.0, "leading_enterprise": 0.8}


@dataclass(frozen=True)
class LeaderScore:
    iri: str
    name: str
    score: float
    components: dict
    designations: tuple[Designation, ...]
    local_partners: int
    meets_partner_criterion: bool
    listed_on: tuple[str, ...]
    engine: str
    #: why the firm is on the 龙头 / 链主 list: "designation" or "partner_criterion" (a
    #: reference's rule); "" for a central firm (network position only)
    listed_for: str = ""

    def to_dict(self) -> dict:
        return asdict(self)


def designation_weight(designations: tuple[Designation, ...]) -> float:
    """The strongest explicit designation: 链主 1.0, 龙头 0.8, times its confidence."""
    return max((_KIND_WEIGHT.get(d.kind or "", 0.5) * (d.confidence if d.confidence is not None else 1.0)
                for d in designations), default=0.0)


def _components(row: OrganizationRow, centrality, top_pagerank: float, top_betweenness: float) -> dict:
    partners = centrality.partners if centrality else 0
    return {
        "designation": round(designation_weight(row.designations), 6),
        "local_partners": round(min(partners / PARTNER_CRITERION, 1.0), 6),
        "pagerank": round(centrality.pagerank / top_pagerank, 6) if centrality and top_pagerank else 0.0,
        "betweenness": round(centrality.betweenness / top_betweenness, 6) if centrality and top_betweenness else 0.0,
        "segments_spanned": round(min(len(row.segments) / 3, 1.0), 6),
        "parks_developed": 1.0 if row.parks_developed else 0.0,
        "listed": 1.0 if row.listed_on else 0.0,
        "reported_value": round(min(math.log10(row.reported_cny) / 10, 1.0), 6) if row.reported_cny > 1 else 0.0,
    }


def _scored(kg, chain: str | None, region: str | None) -> list[LeaderScore]:
    """Every firm and institute working in ``chain`` and/or counting for ``region``, best first."""
    graph = as_chain_graph(kg)
    chain_iri = resolve_chain(graph, chain).iri if chain else None
    region_iri = resolve_region(graph, region).iri if region else None
    rows = graph.organizations(chain_iri, region_iri)
    centrality = graph.supply_centrality(region_iri) if rows else {}
    top_pagerank = max((c.pagerank for c in centrality.values()), default=0.0)
    top_betweenness = max((c.betweenness for c in centrality.values()), default=0.0)
    scores = []
    for row in rows:
        node_centrality = centrality.get(row.iri)
        components = _components(row, node_centrality, top_pagerank, top_betweenness)
        score = round(sum(WEIGHTS[name] * value for name, value in components.items()), 6)
        partners = node_centrality.partners if node_centrality else 0
        listed_for = "designation" if row.designations else "partner_criterion" if partners >= PARTNER_CRITERION else ""
        scores.append(LeaderScore(row.iri, row.name, score, components, row.designations, partners,
                                  partners >= PARTNER_CRITERION, row.listed_on, graph.engine, listed_for))
    scores.sort(key=lambda s: (-s.score, s.name, s.iri))
    return scores


def leading_enterprises(kg, chain: str | None = None, region: str | None = None, *, top: int | None = None) -> list[LeaderScore]:
    """The 龙头 / 链主 of ``chain`` (and/or ``region``): firms a source designates, or that meet
    the partner criterion, best first — each designation with its sentence.

    A firm counts for a region when it lies in it (at any depth) or when its 龙头 / 链主
    statement is scoped to it. Scores are rounded to six decimals so that the embedded and
    Cypher engines give identical rankings.

    Example
    -------
    >>> from chainkg.analyses.embedded import seed_kg
    >>> leader = leading_enterprises(seed_kg(), chain="工业母机")[0]
    >>> leader.name, leader.designations[0].kind, leader.components["designation"], leader.listed_for
    ('中国机械总院海西分院', 'chain_leader', 1.0, 'designation')
    """
    found = [s for s in _scored(kg, chain, region) if s.listed_for]
    return found[:top] if top else found


def central_firms(kg, chain: str | None = None, region: str | None = None, *, top: int | None = None) -> list[LeaderScore]:
    """Firms with no designation, ranked by network position and size (the same score parts as
    :func:`leading_enterprises`): candidates for a planner to check, never called 龙头.

    Example
    -------
    >>> from chainkg.analyses.embedded import seed_kg
    >>> [f.name for f in central_firms(seed_kg(), region="丰泽区")]
    ['河钢3D打印增材制造中心']
    """
    found = [s for s in _scored(kg, chain, region) if not s.listed_for]
    return found[:top] if top else found


class LeaderList(list):
    """Leaders (or, with ``central=True``, central firms) as a list with table and export views."""

    def __init__(self, scores: list[LeaderScore] = (), *, central: bool = False):  # type: ignore[assignment]
        super().__init__(scores)
        self.central = central

    def to_dict(self) -> list[dict]:
        return [score.to_dict() for score in self]

    def to_frame(self):
        return leaders_frame(list(self))

    def to_frames(self) -> dict:
        return {"核心企业(网络位置)" if self.central else "龙头链主": self.to_frame()}


def leaders_frame(scores: list[LeaderScore]):
    """Leaders or central firms as a pandas ``DataFrame`` (Chinese headers, one row per firm).

    >>> leaders_frame([]).columns.tolist()[:3]
    ['企业', '得分', '列入依据']
    """
    import pandas as pd

    from chainkg.analyses.rows import BASIS_ZH

    listed = {"designation": "来源认定(龙头/链主)", "partner_criterion": "参考标准:本地配套≥15家", "": "网络位置(非认定)"}
    kinds = {"chain_leader": "链主", "leading_enterprise": "龙头"}
    columns = ["企业", "得分", "列入依据", "认定", "事实性质", "依据", "上市", "本地配套企业数", "iri"]
    return pd.DataFrame([[
        s.name, s.score, listed[s.listed_for],
        "、".join(f"{kinds.get(d.kind or '', d.kind or '')}({d.chain_name})" for d in s.designations),
        "、".join(dict.fromkeys(BASIS_ZH[d.basis] for d in s.designations)),
        " | ".join(dict.fromkeys(x for d in s.designations for x in d.sentences)),
        "、".join(s.listed_on), s.local_partners, s.iri] for s in scores], columns=columns)
