"""What changed between two dates: the quarterly review a planner writes, drafted.

For a window (``since``, ``until``] — ``until`` default: no end — every relation whose
statements' dates (``ckg:statedOn``, rules in :mod:`chainkg.analyses.timeline`) put a change
in it, with its sentences and sources:

===================  ==============================================================================
kind                 when
===================  ==============================================================================
``entered``          first stated in the window (as done, or as a plan: ``status`` says which)
``now_operating``    stated as a plan before the window and reported done within it (规划 → 投产)
``status_changed``   a project's or park's status stated in the window differs from the one stated
                     before (在建 → 投产, ``loaders.extract_status``), or two statements of that date
                     disagree (both shown): ``status_before`` / ``stated_before`` and the new
                     ``statuses``, the sentences of both dates in ``evidence``
===================  ==============================================================================

Nothing is listed as *left*: no source in a chainkg graph states that a firm, park or chain
left a place, and an answer never infers it from silence (``ChangeList.left_note`` says so).
Undated relations (a source with no date) cannot be placed in any window; the answer counts
them (``undated``) instead of listing them. Each change is placed by county (the subject's
county-level units) and chain (the object's, when it is a chain or a segment; for a status change,
the first chain the thing works in). ``region`` keeps the changes of things in one county, zone or
park; ``chain`` those of one chain.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> found = changes(seed_kg(), "2024-01-01")
>>> found.changes[0].kind, found.changes[0].date
('entered', '2024-03')
>>> len([c for c in found.changes if c.kind == "now_operating"])
0
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

import networkx as nx

from chainkg.analyses.timeline import check_as_of
from chainkg.graph.mapping import STATUS_HISTORY
from chainkg.loaders.extract_status import STATUS_ZH, status_rank

__all__ = ["Change", "ChangeList", "changes", "CHANGE_KINDS"]

#: Kinds of change, with their Chinese labels. "Entered" is first *reported* in the window (a
#: planner must not read it as newly founded or built: an article reports what may be old).
CHANGE_KINDS = {"entered": "首次见于来源", "now_operating": "规划转投产", "status_changed": "状态变化"}
_LEFT_NOTE = ("nothing is listed as left: no source states that anything left, and an absence of news is no "
              "evidence of leaving")


@dataclass(frozen=True)
class Change:
    """One relation that changed in the window, with the sentences that say so."""

    kind: str  # one of CHANGE_KINDS
    date: str  # the date of the change (ISO, at the source's precision)
    subject: str
    subject_name: str
    predicate: str
    object: str
    object_name: str
    status: str  # "stated" (done) or "intended" (a plan) at the window's end
    counties: tuple[str, ...]
    chain: str | None
    evidence: tuple[str, ...]
    sources: tuple[str, ...]
    planned_since: str | None = None  # now_operating: when it was first stated as a plan
    status_before: str | None = None  # status_changed: the status stated before, and its date
    stated_before: str | None = None
    statuses: tuple[str, ...] = ()  # status_changed: every status stated on ``date`` (two: they disagree)


@dataclass(frozen=True)
class ChangeList:
    since: str
    until: str | None
    engine: str
    changes: tuple[Change, ...]
    undated: int  # relations with no date: in no window
    left_note: str = field(default=_LEFT_NOTE)

    def to_dict(self) -> dict:
        return asdict(self)

    def to_frames(self) -> dict:
        """One sheet: every change with its county, chain, sentence and sources (Chinese headers)."""
        import pandas as pd

        return {"changes": pd.DataFrame([{
            "变化": CHANGE_KINDS[c.kind], "kind": c.kind, "日期": c.date, "县区": "、".join(c.counties),
            "产业链": c.chain or "", "主体": c.subject_name, "关系": c.predicate, "对象": c.object_name,
            "性质": "规划/意向" if c.status == "intended" else "原文明述", "依据": " | ".join(c.evidence),
            "来源": " ".join(c.sources)} for c in self.changes])}


def _said_by(row: dict, until: str | None) -> tuple[str, ...]:
    """The row's sentences said by ``until`` (each dated by its statement; undated ones stay)."""
    dates = row.get("evidenceDates") or []
    return tuple(text for i, text in enumerate(row["evidence"])
                 if until is None or (dates[i] if i < len(dates) else "") <= until)


def _in_window(date: str | None, since: str, until: str | None) -> bool:
    return date is not None and date > since and (until is None or date <= until)


def _embedded_rows(kg: nx.MultiDiGraph, since: str, until: str | None) -> tuple[list[dict], int]:
    rows, undated = [], 0
    for u, v, key, data in kg.edges(keys=True, data=True):
        if not data.get("sources"):
            continue
        known, stated = data.get("known_since"), data.get("stated_since")
        if known is None:
            undated += 1
            continue
        chain_of = [w for _, w, k in kg.out_edges(v, keys=True) if k == "segmentOf"]
        rows.append({"subject": u, "subjectName": kg.nodes[u].get("name", u), "predicate": key, "object": v,
                     "objectName": kg.nodes[v].get("name", v), "classes": kg.nodes[v].get("classes", []),
                     "chainOf": sorted(chain_of), "knownSince": known, "statedSince": stated,
                     "modality": data.get("modality"), "evidence": [e["text"] for e in data.get("evidence", [])],
                     "evidenceDates": [e.get("stated_on") or "" for e in data.get("evidence", [])],
                     "sources": list(data.get("sources", []))})
    return rows, undated


def _embedded_statuses(kg: nx.MultiDiGraph) -> list[dict]:
    rows = []
    for node, attributes in kg.nodes(data=True):
        if history := attributes.get(STATUS_HISTORY):
            chains = [v if "IndustrialChain" in kg.nodes[v].get("classes", ()) else
                      next((w for _, w, k in kg.out_edges(v, keys=True) if k == "segmentOf"), None)
                      for _, v, k in kg.out_edges(node, keys=True) if k in ("operatesIn", "hostsChain")]
            rows.append({"subject": node, "subjectName": attributes.get("name", node), "statements": history,
                         "chains": [c for c in chains if c]})
    return rows


def _status_changes(row: dict, since: str, until: str | None) -> list[dict]:
    """The dates in the window at which ``row``'s stated status changed (or its statements disagree)."""
    by_date: dict[str, list[dict]] = {}
    for statement in row["statements"]:
        if statement["date"]:
            by_date.setdefault(statement["date"], []).append(statement)
    found, before = [], None
    for day in sorted(by_date):
        group = by_date[day]
        statuses = tuple(sorted({s["status"] for s in group}, key=status_rank))
        decided = statuses[-1]
        changed = before is not None and decided != before[0]
        if (changed or len(statuses) > 1) and _in_window(day, since, until):
            found.append({"date": day, "decided": decided, "statuses": statuses, "before": before,
                          "evidence": (*(before[2] if before else ()), *sorted({s["text"] for s in group if s["text"]})),
                          "sources": tuple(sorted({s["source"] for s in group if s["source"]}))})
        before = (decided, day, tuple(sorted({s["text"] for s in group if s["text"]})))
    return found


def _status_label(statuses: tuple[str, ...], before: tuple | None) -> str:
    now = "/".join(STATUS_ZH[s] for s in statuses) + ("(同日说法不一)" if len(statuses) > 1 else "")
    return f"{STATUS_ZH[before[0]]} → {now}" if before else now


def changes(kg, since: str, until: str | None = None, *, region: str | None = None,
            chain: str | None = None) -> ChangeList:
    """What entered, went from plan to operation or changed status after ``since`` up to ``until``
    (ISO dates); ``region`` / ``chain`` (any of their names): only the changes of things in that
    place, of that chain.

    ``kg``: a networkx graph (embedded) or a ``Neo4jStore`` / ``CypherGraph`` (Cypher); both
    answer the same list (``tests/test_time_changes.py``, ``tests/test_time_status.py``).
    """
    from chainkg.analyses.engine import as_chain_graph
    from chainkg.analyses.names import resolve_chain, resolve_region

    since = check_as_of(since)
    until = check_as_of(until) if until else None
    graph = as_chain_graph(kg)
    if isinstance(kg, nx.MultiDiGraph):
        rows, undated = _embedded_rows(kg, since, until)
        statuses = _embedded_statuses(kg)
    else:
        rows, undated = graph.dated_relations()  # type: ignore[attr-defined]
        statuses = graph.status_statements()  # type: ignore[attr-defined]
    named = {p.iri: p for p in graph.named_things()}

    def counties_of(subject: str) -> tuple[str, ...]:
        if "AdministrativeArea" in named.get(subject, _NOTHING).classes and named[subject].admin_level == "county":
            return (named[subject].name,)
        return tuple(sorted(name for _, level, name in graph.ancestors(subject) if level == "county"))

    found = []
    for row in rows:
        known, stated = row["knownSince"], row["statedSince"]
        intended = row["modality"] == "intended"
        if _in_window(known, since, until):
            kind, date, planned = "entered", known, None
        elif not intended and known <= since and _in_window(stated, since, until):
            kind, date, planned = "now_operating", stated, known
        else:
            continue
        done = not intended and stated is not None and (until is None or stated <= until)
        chain_iri = row["object"] if "IndustrialChain" in row["classes"] else (row["chainOf"][0] if row["chainOf"] else None)
        found.append(Change(kind, date, row["subject"], row["subjectName"], row["predicate"], row["object"],
                            row["objectName"], "stated" if done else "intended", counties_of(row["subject"]),
                            named[chain_iri].name if chain_iri in named else None, _said_by(row, until),
                            tuple(sorted(row["sources"])), planned))
    for row in statuses:
        chains = sorted(named[c].name for c in row["chains"] if c in named)
        for change in _status_changes(row, since, until):
            before = change["before"]
            found.append(Change("status_changed", change["date"], row["subject"], row["subjectName"], "status",
                                change["decided"], _status_label(change["statuses"], before), "stated",
                                counties_of(row["subject"]), chains[0] if chains else None, change["evidence"],
                                change["sources"], None, before[0] if before else None, before[1] if before else None,
                                change["statuses"]))
    if region is not None:
        place = resolve_region(graph, region)
        inside = _within(kg, graph, place.iri, sorted({c.subject for c in found}))
        found = [c for c in found if c.subject in inside]
    if chain is not None:
        wanted = resolve_chain(graph, chain).name
        found = [c for c in found if c.chain == wanted]
    found.sort(key=lambda c: (c.date, c.counties, c.chain or "", c.subject, c.predicate, c.object))
    return ChangeList(since, until, graph.engine, tuple(found), undated)


def _within(kg, graph, region: str, subjects: list[str]) -> set[str]:
    """Which of ``subjects`` are ``region`` or lie in it, at any depth (areas, zones, parks)."""
    if isinstance(kg, nx.MultiDiGraph):
        from chainkg.analyses.embedded import EmbeddedGraph

        return set(subjects) & EmbeddedGraph(kg).members(region)
    return graph.within(region, subjects)


@dataclass(frozen=True)
class _Nothing:
    classes: tuple[str, ...] = ()
    admin_level: str | None = None


_NOTHING = _Nothing()
