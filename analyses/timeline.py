"""Facts over time: the graph "as of" a date, for every analysis and both engines.

Rules (one definition; the embedded view below and the Cypher engine apply the same):

- A relation is **known as of D** when its earliest statement's date (``knownSince``: the
  statements' ``ckg:statedOn``) is not after D. Dates compare as ISO text, so a fact dated by
  month or year counts from the first day of that period (``2024-03`` counts as of
  ``2024-03-01``).
- A later statement supersedes an earlier one for the same relation: a relation a source
  first states as a plan (``modality = intended``: 规划, 拟, 将…) and a later source reports
  done (``statedSince``) counts as **planned** until that later date and as done from it. Two
  statements of the same date that disagree are both kept, with their sentences; the one
  reporting it done decides (as ``mapping.merged_qualifiers`` does for the whole graph).
- An **undated** relation (a statement whose source gives no date: no dateline, no
  ``dates.csv``, no ``--date``) is counted as known at every date — places, chains and
  reviewed facts without a ``published`` date would otherwise vanish — and every answer
  says how many were counted so (:class:`AsOf`). Nothing is guessed: its date stays unknown.
- A project's or park's **status** is its latest status statement known then (规划 → 签约 → 开工
  → 在建 → 投产, ``loaders.extract_status``): planned in 2020 and operating in 2024 counts as
  planned as of 2021 and as operating as of 2024; statements of one date that disagree are all
  kept and the most advanced decides; a thing whose every statement is dated later takes its
  first. A thing with no statement keeps the status the graph gives it. Other figures
  (observations) are not re-dated.
- An answer as of D **quotes only what was said by then**: each evidence sentence carries its
  statement's date (``stated_on``; in Neo4j ``evidenceStatedOn``), and the later ones are left out
  (undated ones stay).

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> view, note = as_of_view(seed_kg(), "2023-12-31")
>>> note.left_out > 0 and view.number_of_edges() < seed_kg().number_of_edges()
True
>>> print(note.text().split(";")[0])
as of 2023-12-31: 47 facts dated after it left out
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import networkx as nx

from chainkg.graph.mapping import STATUS_HISTORY
from chainkg.loaders.dates import iso_date
from chainkg.loaders.extract_status import decided_status

__all__ = ["AsOf", "as_of_view", "graph_as_of", "known_as_of", "modality_as_of", "status_as_of", "check_as_of"]


@dataclass(frozen=True)
class AsOf:
    """What an "as of" answer left out, counted as planned, and took as undated."""

    date: str
    left_out: int = 0  # relations first stated after the date
    planned_then: int = 0  # reported done only after the date: counted as planned
    undated: int = 0  # relations with an undated statement: counted as known at every date

    def text(self) -> str:
        """One line a planner reads beside the answer."""
        return (f"as of {self.date}: {self.left_out} facts dated after it left out; {self.planned_then} reported "
                f"done only later counted as planned; {self.undated} undated facts (date unknown) counted as known "
                "at every date")

    def to_dict(self) -> dict:
        return asdict(self)


def check_as_of(text: str) -> str:
    """A full ISO day for an "as of" question (``2024-03`` → ``2024-03-01``: its first day)."""
    from chainkg.errors import ChainKGError

    found = iso_date(text)
    if found is None:
        raise ChainKGError(f"--as-of: not a date: {text!r} (give YYYY-MM-DD, YYYY-MM or YYYY)")
    parts = found.split("-") + ["01", "01"]
    return "-".join(parts[:3])


def known_as_of(data: dict, date: str) -> bool:
    """Whether an edge (analysis-graph attributes) is known as of ``date`` (undated: yes)."""
    known = data.get("known_since")
    return known is None or known <= date


def modality_as_of(data: dict, date: str) -> str | None:
    """The edge's modality as of ``date``: *intended* while it was only planned then."""
    stated = data.get("stated_since")
    if data.get("modality") != "intended" and stated is not None and stated > date:
        return "intended"
    return data.get("modality")


def status_as_of(attributes: dict, date: str | None) -> str | None:
    """A node's status as of ``date`` (None: now) from its status statements, else its ``status``.

    >>> history = [{"date": "2020", "status": "planned"}, {"date": "2024-03", "status": "in_operation"}]
    >>> status_as_of({"status_history": history}, "2021-01-01"), status_as_of({"status_history": history}, "2024-03-01")
    ('planned', 'in_operation')
    """
    history = attributes.get(STATUS_HISTORY)
    if not history:
        return attributes.get("status")
    return decided_status(((h["date"], h["status"]) for h in history), date)


def as_of_view(kg: nx.MultiDiGraph, date: str) -> tuple[nx.MultiDiGraph, AsOf]:
    """A copy of ``kg`` holding only the relations known as of ``date``, each with its modality
    then, and what was left out (:class:`AsOf`). Edges with no source (the chain templates'
    segments and flows) are no facts: they stay, uncounted."""
    view: nx.MultiDiGraph = nx.MultiDiGraph()
    view.graph.update(kg.graph)
    view.add_nodes_from(kg.nodes(data=True))
    for node, attributes in kg.nodes(data=True):
        if attributes.get(STATUS_HISTORY):
            view.nodes[node]["status"] = status_as_of(attributes, date)
    left_out = planned_then = undated = 0
    for u, v, key, data in kg.edges(keys=True, data=True):
        fact = bool(data.get("sources"))
        if fact and data.get("known_since") is None:
            undated += 1
        if not known_as_of(data, date):
            left_out += 1
            continue
        if fact:  # only the statements made by then, and only their sentences (an undated one's stay)
            data = {**data, "evidence": [e for e in data.get("evidence", []) if (e.get("stated_on") or "") <= date]}
            if data.get("stated_dates"):
                data["stated_dates"] = [d for d in data["stated_dates"] if d <= date]
        modality = modality_as_of(data, date)
        if modality != data.get("modality"):
            planned_then += 1
            data = {**data, "modality": modality}
        view.add_edge(u, v, key=key, **data)
    return view, AsOf(date, left_out, planned_then, undated)


def graph_as_of(kg, date: str | None):
    """The engine that answers from ``kg`` as of ``date`` (None: the whole graph), and its
    :class:`AsOf` note (None without a date).

    ``kg``: a networkx graph (embedded) or a ``Neo4jStore`` (Cypher); the compact engine (arrays
    for a million firms) has no dates per statement and says so.
    """
    from chainkg.analyses.engine import as_chain_graph

    if date is None:
        return as_chain_graph(kg), None
    if isinstance(kg, nx.MultiDiGraph):
        from chainkg.analyses.embedded import EmbeddedGraph

        view, note = as_of_view(kg, date)
        return EmbeddedGraph(view), note
    if not hasattr(kg, "run") and not hasattr(getattr(kg, "store", None), "run"):
        from chainkg.errors import ChainKGError

        raise ChainKGError(f"--as-of: the {type(kg).__name__} engine answers for the whole graph only; ask the "
                           "networkx graph (chainkg.graph.networkx_projection) or the Neo4j store as of a date")
    from chainkg.analyses.cypher import CypherGraph

    store = getattr(kg, "store", kg)
    graph = CypherGraph(store, as_of=date)
    return graph, graph.as_of_note()
