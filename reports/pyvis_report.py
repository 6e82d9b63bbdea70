"""The interactive graph report (``report.html``): pyvis for the network model, vis-network
(vendored) to draw it, our page around it — self-contained, safe, filterable.

- **Self-contained**: pyvis's own templates fetch Bootstrap and vis-network from CDNs even in
  their in-line mode; this page inlines vis-network (our vendored copy,
  ``reports/vendor/vis-network/``) and its CSS, and references nothing outside the file. It
  opens with no network at all.
- **Safe**: the page is a Jinja2 template (``reports/templates/report.html.j2``, autoescaped;
  its script and styles are ``report.js`` and ``report.css`` beside it). Data travels as JSON
  inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped
  (``page_templates.script_json``); every name reaches the page through ``textContent``. A
  firm called ``<img src=x onerror=alert(1)>`` shows as text.
- **Readable**: nodes by class (legend), grouped around their county or zone (drawn as labelled
  areas), chains in their own column; physics settles, then stops. Filters by county / zone
  and by chain; clicking a node or edge shows its names, codes, evidence sentences and sources.
- **Large graphs**: past ``LARGE_GRAPH_NODES`` nodes, firms and projects are aggregated per
  county and chain into one node each, and physics is off.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> page = render_report_html(seed_kg(), title="泉州")
>>> import re
>>> re.findall(r"<(?:script|link|img)[^>]*(?:src|href)=", page)     # nothing is loaded from anywhere
[]
>>> report_graph(seed_kg()).number_of_nodes() < seed_kg().number_of_nodes()   # empty template segments left out
True
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from typing import Any

import networkx as nx

from chainkg.reports.page_templates import package_text, render, vis_network_assets

__all__ = ["CLASS_STYLES", "LARGE_GRAPH_NODES", "render_report_html", "report_graph", "report_data", "in_canonical_order"]

#: Past this many nodes, firms and projects are aggregated and physics is off.
LARGE_GRAPH_NODES = 1500

#: Colour and shape per class; the first listed class a node has wins.
CLASS_STYLES: dict[str, dict[str, str]] = {
    "AdministrativeArea": {"color": "#4e79a7", "shape": "box", "label": "行政区 area"},
    "DevelopmentZone": {"color": "#76b7b2", "shape": "box", "label": "开发区 zone"},
    "IndustrialPark": {"color": "#59a14f", "shape": "ellipse", "label": "园区 park"},
    "Company": {"color": "#f28e2b", "shape": "dot", "label": "企业 company"},
    "ResearchInstitute": {"color": "#b07aa1", "shape": "dot", "label": "科研院所 institute"},
    "GovernmentBody": {"color": "#9c755f", "shape": "dot", "label": "政府机构 government"},
    "Association": {"color": "#bab0ac", "shape": "dot", "label": "协会 association"},
    "StockExchange": {"color": "#edc948", "shape": "diamond", "label": "交易所 exchange"},
    "IndustrialChain": {"color": "#e15759", "shape": "hexagon", "label": "产业链 chain"},
    "ChainSegment": {"color": "#ff9da7", "shape": "hexagon", "label": "环节 segment"},
    "Project": {"color": "#8cd17d", "shape": "square", "label": "项目 project"},
    "Aggregate": {"color": "#bbbbbb", "shape": "database", "label": "汇总 aggregate"},
}
_STYLE_ORDER = ("Company", "ResearchInstitute", "GovernmentBody", "Association", "StockExchange", "Project",
                "IndustrialPark", "DevelopmentZone", "AdministrativeArea", "IndustrialChain", "ChainSegment")
_FACT_EDGES = {"hostsChain", "operatesIn", "leadsChain", "suppliesTo", "locatedIn", "incubatedBy", "attractedTo",
               "developedBy", "managedBy", "listedOn", "subOrganizationOf"}
_CHAIN_EDGES = ("hostsChain", "operatesIn", "leadsChain")


def _main_class(classes) -> str:
    return next((c for c in _STYLE_ORDER if c in classes), "Company")


def in_canonical_order(kg: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``kg`` with its nodes, and each node's edges, in sorted order.

    The layout and the "first county a town lies in" follow the graph's iteration order, and
    that order follows the RDF store's, which changes from run to run: in sorted order, the
    same graph gives the same page byte for byte.

    >>> kg = nx.MultiDiGraph([("b", "a", "locatedIn"), ("a", "c", "locatedIn")])
    >>> list(in_canonical_order(kg)), list(in_canonical_order(kg).edges(keys=True))
    (['a', 'b', 'c'], [('a', 'c', 'locatedIn'), ('b', 'a', 'locatedIn')])
    """
    ordered: nx.MultiDiGraph = nx.MultiDiGraph()
    ordered.graph.update(kg.graph)
    ordered.add_nodes_from(sorted(kg.nodes(data=True), key=lambda item: item[0]))
    edges: list[tuple[Any, Any, Any, dict]] = list(kg.edges(keys=True, data=True))
    for u, v, key, data in sorted(edges, key=lambda edge: (edge[0], edge[1], str(edge[2]))):
        ordered.add_edge(u, v, key=key, **data)
    return ordered


def report_graph(kg: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """What the report draws: the graph without template segments that carry no fact, in
    canonical order (:func:`in_canonical_order`)."""
    drop = [n for n, a in kg.nodes(data=True)
            if "ChainSegment" in a.get("classes", ())
            and not any(k in _FACT_EDGES for _, _, k in kg.in_edges(n, keys=True))]
    shown = in_canonical_order(kg)
    shown.remove_nodes_from(drop)
    return shown


def _located_parents(kg, node):
    return [v for _, v, k in kg.out_edges(node, keys=True) if k == "locatedIn"]


def _ancestors(kg, node) -> list[str]:
    seen, stack, order = {node}, [node], []
    while stack:
        for parent in _located_parents(kg, stack.pop()):
            if parent not in seen:
                seen.add(parent)
                order.append(parent)
                stack.append(parent)
    return order


def _is_anchor(kg, node) -> bool:
    a = kg.nodes[node]
    classes = a.get("classes", ())
    if "AdministrativeArea" in classes:
        return a.get("admin_level") == "county"
    if "DevelopmentZone" in classes:  # zones run by their own 管委会 are places of their own
        return any(k == "managedBy" for _, _, k in kg.out_edges(node, keys=True))
    return False


def _chain_of(kg, node) -> str | None:
    if node not in kg:
        return None
    classes = kg.nodes[node].get("classes", ())
    if "IndustrialChain" in classes:
        return node
    if "ChainSegment" in classes:
        return next((v for _, v, k in kg.out_edges(node, keys=True) if k == "segmentOf"), None)
    return None


def _homes(kg) -> dict[str, str]:
    """The group each node is drawn in: its county or zone, its chain, or a catch-all."""
    homes = {}
    for node, a in kg.nodes(data=True):
        chain = _chain_of(kg, node)
        if chain:
            homes[node] = chain
        elif _is_anchor(kg, node):
            homes[node] = node
        else:
            anchor = next((p for p in _ancestors(kg, node) if _is_anchor(kg, p)), None)
            if anchor is None and "GovernmentBody" in a.get("classes", ()):
                zone = next((u for u, _, k in kg.in_edges(node, keys=True) if k == "managedBy"), None)
                anchor = zone if zone and _is_anchor(kg, zone) else None
            homes[node] = anchor or ("@region" if "AdministrativeArea" in a.get("classes", ()) else "@other")
    return homes


def _filters(kg, homes) -> tuple[dict[str, set], dict[str, set]]:
    """For each node: the counties / zones it belongs to, and the chains it touches."""
    anchors = {n for n in kg if _is_anchor(kg, n)}
    places: dict[str, set] = defaultdict(set)
    chains: dict[str, set] = defaultdict(set)
    for node in kg:
        own = {node} if node in anchors else set()
        places[node] |= own | {p for p in _ancestors(kg, node) if p in anchors}
    for u, v, key in kg.edges(keys=True):
        if key in _CHAIN_EDGES and (chain := _chain_of(kg, v)):
            for node in (u, *_ancestors(kg, u)):
                chains[node].add(chain)
            chains[v].add(chain)
            places[v] |= places[u]
            if v != chain:
                places[chain] |= places[u]
    for node in kg:
        if _chain_of(kg, node):
            chains[node].add(_chain_of(kg, node))
    # areas above the counties (泉州市, 福建省) give context in every county view
    for node, a in kg.nodes(data=True):
        if "AdministrativeArea" in a.get("classes", ()) and a.get("admin_level") in ("prefecture", "province", "country") \
                and not places[node]:
            places[node] = {"*"}
    return places, chains


def _positions(kg, homes) -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    anchors = sorted({h for h in homes.values() if not h.startswith("@") and _chain_of(kg, h) is None},
                     key=lambda n: (kg.nodes[n].get("division_code") or "9", n))
    chain_homes = sorted({h for h in homes.values() if _chain_of(kg, h)})
    centers: dict[str, tuple[float, float]] = {}
    columns = 4
    for i, anchor in enumerate(anchors):
        centers[anchor] = ((i % columns) * 430.0, (i // columns) * 360.0)
    rows = math.ceil(len(anchors) / columns) or 1
    for i, chain in enumerate(chain_homes):
        centers[chain] = (columns * 430.0 + 60 + (i % 2) * 300.0, (i // 2) * 215.0 - 60)
    centers["@region"] = (-400.0, 0.0)
    centers["@other"] = (-400.0, rows * 360.0 * 0.6)
    members: dict[str, list[str]] = defaultdict(list)
    for node in sorted(kg, key=lambda n: (kg.nodes[n].get("name", ""), n)):
        members[homes[node]].append(node)
    positions = {}
    for home, nodes in members.items():
        cx, cy = centers.get(home, (0.0, 0.0))
        others = [n for n in nodes if n != home]
        if home in kg:
            positions[home] = (cx, cy)
        for k, node in enumerate(others):
            angle = k * 2.4  # golden-angle spiral
            radius = 75 + 24 * math.sqrt(k)
            positions[node] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
    return positions, centers


def _edge_record(u, v, data) -> dict:
    evidence = [e.get("text") or e.get("quote") or "" for e in data.get("evidence", [])]
    return {
        "from": u, "to": v, "predicate": data.get("predicate", ""), "label": data.get("predicate", ""),
        "confidence": data.get("confidence"), "sources": [s.rsplit("/", 1)[-1] for s in data.get("sources", [])],
        "evidence": evidence, "kind": data.get("leadership_kind"),
    }


def _aggregate(kg, homes, chains_of) -> nx.MultiDiGraph:
    """Collapse firms and projects into one node per (home, chain)."""
    small: nx.MultiDiGraph[str] = nx.MultiDiGraph()
    group_of = {}
    for node, a in kg.nodes(data=True):
        if {"Company", "ResearchInstitute", "Project"} & set(a.get("classes", ())):
            chain = sorted(chains_of.get(node, {"—"}))[0]
            group = f"aggregate:{homes[node]}|{chain}"
            group_of[node] = group
            if group not in small:
                small.add_node(group, name="", classes=["Aggregate"], members=0)
            small.nodes[group]["members"] += 1
        else:
            small.add_node(node, **a)
    for group in sorted(set(group_of.values())):
        small.nodes[group]["name"] = f"{small.nodes[group]['members']} 家企业/项目"
    seen = set()
    for u, v, key in kg.edges(keys=True):
        a, b = group_of.get(u, u), group_of.get(v, v)
        if a != b and (a, b, key) not in seen:
            seen.add((a, b, key))
            small.add_edge(a, b, key=key, predicate=key, evidence=[], sources=[], confidence=None)
    return small


def report_data(kg: nx.MultiDiGraph, *, large_threshold: int = LARGE_GRAPH_NODES) -> dict:
    """Nodes, edges, groups and filter choices of the report, as plain JSON-able data."""
    from pyvis.network import Network

    shown = report_graph(kg)
    homes = _homes(shown)
    places, chains = _filters(shown, homes)
    large = shown.number_of_nodes() > large_threshold
    if large:
        shown = _aggregate(shown, homes, chains)
        homes = {n: homes.get(n, n.split(":", 1)[-1].split("|", 1)[0]) for n in shown}
        places = {n: places.get(n, {homes[n]}) for n in shown}
        chains = {n: chains.get(n, {n.rsplit("|", 1)[-1]} if n.startswith("aggregate:") else set()) for n in shown}
    positions, centers = _positions(shown, homes)

    net = Network(directed=True)  # pyvis holds the network model; we render the page ourselves
    for node, a in sorted(shown.nodes(data=True)):
        main = _main_class(a.get("classes", ())) if "Aggregate" not in a.get("classes", ()) else "Aggregate"
        style = CLASS_STYLES[main]
        x, y = positions[node]
        # anchors (counties, zones), chains and the areas above them hold the layout still
        fixed = node == homes[node] or _chain_of(shown, node) is not None or homes[node].startswith("@")
        net.add_node(node, label=a.get("name", node), shape=style["shape"], color=style["color"], x=x, y=y,
                     physics=not (fixed or large), size=22 if main in ("IndustrialChain", "AdministrativeArea") else 14,
                     font={"size": 22 if node == homes[node] else 16})
    nodes, _, _, _, _, options = net.get_network_data()
    details = {}
    for node, a in shown.nodes(data=True):
        details[node] = {
            "name": a.get("name", ""), "nameEn": a.get("name_en"), "classes": list(a.get("classes", ())),
            "code": a.get("division_code"), "level": a.get("admin_level"), "aliases": list(a.get("aliases", ())),
            "status": a.get("status"), "stage": a.get("stage"), "home": homes[node],
            "places": sorted(places.get(node, ())), "chains": sorted(chains.get(node, ())),
        }
    for record in nodes:
        record.update({k: details[record["id"]][k] for k in ("home", "places", "chains")})
        record["main"] = _main_class(details[record["id"]]["classes"]) if not large or not record["id"].startswith("aggregate:") else "Aggregate"
    edges = [_edge_record(u, v, d) for u, v, d in sorted(shown.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", "")))]
    for edge in edges:  # only ties inside a group pull: groups stay apart, each settles around its anchor
        edge["physics"] = homes[edge["from"]] == homes[edge["to"]]
    group_names = {h: shown.nodes[h]["name"] for h in sorted(set(homes.values())) if h in shown}
    group_names.update({"@region": "上级行政区", "@other": "其他"})
    counties = sorted(((n, shown.nodes[n]["name"]) for n in shown if _is_anchor(shown, n)),
                      key=lambda p: (shown.nodes[p[0]].get("division_code") or "9", p[0]))
    chain_choices = sorted(((n, a["name"]) for n, a in shown.nodes(data=True) if "IndustrialChain" in a.get("classes", ())),
                           key=lambda p: p[0])
    return {
        "nodes": nodes, "edges": edges, "details": details, "groups": group_names,
        "counties": counties, "chains": chain_choices, "large": large,
        "legend": [(name, CLASS_STYLES[name]) for name in (*_STYLE_ORDER, *(("Aggregate",) if large else ()))],
        "options": json.loads(options) if isinstance(options, str) else options,
        "total_nodes": shown.number_of_nodes(),
    }


def render_report_html(kg: nx.MultiDiGraph, *, title: str = "chainkg", large_threshold: int = LARGE_GRAPH_NODES) -> str:
    """The whole page as one string: open it from disk, no server, no network."""
    vis_js, vis_css = vis_network_assets()
    return render("report.html.j2", title=title, data=report_data(kg, large_threshold=large_threshold),
                  vis_js=vis_js, vis_css=vis_css,
                  app_js=package_text("templates/report.js"), css=package_text("templates/report.css"))
