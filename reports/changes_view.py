"""The changes section of ``gaps.html``: what :func:`chainkg.analyses.changes.changes` reports
for the last N years up to the page's reference date, by county and chain.

The rules (what *entered*, *now operating* and a *status change* mean, why nothing is listed as *left*) are
``analyses.changes``'s; this module only chooses the window and the order a planner reads:
county, then chain, then date.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> view = changes_view(seed_kg(), "2024-03", 3)
>>> view.since, view.until, len(view.rows) > 0, view.rows[0].date
('2021-03', '2024-03', True, '2024-03')
>>> changes_view(seed_kg(), None, 3) is None
True
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from chainkg.analyses.changes import CHANGE_KINDS, Change, changes
from chainkg.reports.fact_dates import years_before
from chainkg.reports.vocabulary import RELATION_LABELS

__all__ = ["ChangeRow", "ChangesView", "changes_view"]


@dataclass(frozen=True)
class ChangeRow:
    """One change as the page lists it (Chinese labels, the first sentence)."""

    county: str
    chain: str
    date: str
    kind: str
    fact: str
    planned: bool
    sentence: str
    planned_since: str | None


@dataclass(frozen=True)
class ChangesView:
    since: str
    until: str
    years: int
    rows: tuple[ChangeRow, ...]
    undated: int


def _row(change: Change) -> ChangeRow:
    if change.kind == "status_changed":  # 甲项目 在建 → 投产, with the sentences of both dates
        return ChangeRow("、".join(change.counties) or "县区未说明", change.chain or "—", change.date,
                         CHANGE_KINDS[change.kind], f"{change.subject_name} {change.object_name}"
                         + (f"(前次见于 {change.stated_before})" if change.stated_before else ""), False,
                         " → ".join(change.evidence), None)
    relation = RELATION_LABELS.get(change.predicate, (change.predicate,))[0]
    return ChangeRow("、".join(change.counties) or "县区未说明", change.chain or "—", change.date,
                     CHANGE_KINDS[change.kind], f"{change.subject_name} {relation} {change.object_name}",
                     change.status == "intended", change.evidence[0] if change.evidence else "", change.planned_since)


def changes_view(kg: nx.MultiDiGraph, reference: str | None, years: int) -> ChangesView | None:
    """The changes after ``reference`` minus ``years`` years up to ``reference`` (None: no date
    to count back from — the graph holds no dated fact)."""
    if reference is None:
        return None
    since = years_before(reference, years)
    found = changes(kg, since, reference)
    rows = sorted((_row(c) for c in found.changes), key=lambda r: (r.county, r.chain, r.date, r.fact))
    return ChangesView(since, reference, years, tuple(rows), found.undated)
