"""The whole gap matrix: every chain × every county-level unit, statuses only — for a slide,
a spreadsheet (one sheet per chain) or a notebook.

Rows are a chain's segments upstream → downstream, after one row for the chain as a whole
(its chain-level status, ``整链``); columns are the county-level units (those inside
``region`` when one is given); cells are the Chinese status labels of
:data:`~chainkg.analyses.gaps.STATUS_ZH`.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> matrix = gap_matrix_frames(seed_kg(), "泉州市")
>>> frame = matrix.frames["光电"]
>>> frame.loc[frame["环节"] == "光电应用终端", "安溪县"].item(), frame.loc[frame["环节"] == "衬底", "安溪县"].item()
('强', '缺')
>>> frame.loc[frame["环节"] == "整链", "南安市"].item()
'未覆盖'
"""

from __future__ import annotations

from dataclasses import dataclass

from chainkg.analyses.engine import as_chain_graph
from chainkg.analyses.gaps import STAGE_ZH, STATUS_ZH, gap_statuses
from chainkg.analyses.names import resolve_region

__all__ = ["GapMatrixResult", "gap_matrix_frames", "CHAIN_ROW"]

#: The label of the row that holds a chain's own (chain-level) status.
CHAIN_ROW = "整链"
_SHEET_FORBIDDEN = str.maketrans({c: "_" for c in "[]:*?/\\"})


@dataclass(frozen=True)
class GapMatrixResult:
    """Chain name → DataFrame (rows: 整链 then segments; columns: 位置, 环节, then regions)."""

    frames: dict
    regions: tuple[str, ...]
    engine: str

    def to_frames(self) -> dict:
        """Sheet name → DataFrame, names cut to Excel's 31 characters and rid of the characters it refuses."""
        return {name.translate(_SHEET_FORBIDDEN)[:31]: frame for name, frame in self.frames.items()}

    def to_dict(self) -> dict:
        return {"engine": self.engine, "regions": list(self.regions),
                "chains": {name: frame.to_dict(orient="records") for name, frame in self.frames.items()}}


def _counties(graph, region: str | None) -> list[tuple[str, str]]:
    """(IRI, name) of the county-level units, inside ``region`` when given, in IRI order."""
    counties = [t for t in graph.named_things() if t.admin_level == "county"]
    if region is None:
        return [(t.iri, t.name) for t in counties]
    inside = resolve_region(graph, region)
    if inside.admin_level == "county":
        return [(inside.iri, inside.name)]
    return [(t.iri, t.name) for t in counties if any(a == inside.iri for a, _, _ in graph.ancestors(t.iri))]


def gap_matrix_frames(kg, region: str | None = None) -> GapMatrixResult:
    """Every chain's statuses in every county-level unit (inside ``region`` if given)."""
    import pandas as pd

    graph = as_chain_graph(kg)
    chains = sorted((t for t in graph.named_things() if "IndustrialChain" in t.classes), key=lambda t: t.iri)
    counties = _counties(graph, region)
    statuses = gap_statuses(graph, [c.iri for c in chains], [iri for iri, _ in counties])
    frames = {}
    for chain in chains:
        rows = [{"位置": "", "环节": CHAIN_ROW,
                 **{name: STATUS_ZH[statuses[(chain.iri, iri)][chain.iri]] for iri, name in counties}}]
        for segment in graph.chain_segments(chain.iri):
            rows.append({"位置": STAGE_ZH.get(segment.stage, segment.stage), "环节": segment.name,
                         **{name: STATUS_ZH[statuses[(chain.iri, iri)][segment.iri]] for iri, name in counties}})
        frames[chain.name] = pd.DataFrame(rows, columns=["位置", "环节", *(name for _, name in counties)])
    return GapMatrixResult(frames, tuple(name for _, name in counties), graph.engine)
