"""The interactive graph report (``report.html``): pyvis for the network model, vis-network
(vendored) to draw it, our page around it — self-contained, safe, readable at 1:1.

- **Self-contained**: the page inlines vis-network (our vendored copy,
  ``reports/vendor/vis-network/``) and its CSS and references nothing outside the file: it
  opens with no network at all (its Content-Security-Policy allows nothing else).
- **Safe**: a Jinja2 template (``reports/templates/report.html.j2``, autoescaped; its script
  and styles are ``report.js`` and ``report.css`` beside it). Data travels as JSON inside
  ``<script type="application/json">`` (``page_templates.script_json``); every name reaches the
  page through ``textContent``. A firm called ``<img src=x onerror=alert(1)>`` shows as text.
- **Readable**: every county or zone is an area with its parks and firms inside
  (``report_layout``), chains with their segments in areas of their own, nodes whose place no
  source states in a labelled area "所在地未说明". Labels are 16 canvas units and the layout is
  packed so that the whole seed graph fits a laptop window with labels at ≥ 12 px; a label that
  would be drawn smaller is not drawn (zoom in). Edges to the prefecture and province are hidden
  unless asked for.
- **Finds things**: filters by county / zone and chain keep only what belongs there and zoom to
  it; a search box finds a node by name, alias or pinyin (``nananshi``, ``naxg``) and focuses it.
- **Says where each fact comes from**: panels in Chinese (relations by the ontology's ``zh``
  labels, English on hover), each sentence once with the relations it supports, its source's
  title and date, and the fact's basis (原文明述 / [推断] / [规划/意向]), confidence and note.
- **Large graphs**: past ``LARGE_GRAPH_NODES`` nodes, firms and projects are aggregated per
  county and chain into one node each.

Example
-------
>>> from chainkg.analyses.embedded import seed_kg
>>> page = render_report_html(seed_kg(), title="泉州")
>>> import re
>>> re.findall(r"<(?:script|link|img)[^>]*(?:src|href)=", page)     # nothing is loaded from anywhere
[]
>>> report_graph(seed_kg()).number_of_nodes() < seed_kg().number_of_nodes()   # empty template segments left out
True
>>> data = report_data(seed_kg())
>>> sorted(set(data["details"][n["id"]]["search"][-2] for n in data["nodes"] if n["label"] == "南安市"))
['nananshi']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from typing import Any

import networkx as nx
from pypinyin import Style, lazy_pinyin

from chainkg.analyses.rows import BASIS_ZH, fact_basis
from chainkg.reports.fact_dates import DEFAULT_STALE_YEARS, STALE_ZH, FactDates
from chainkg.reports.page_templates import package_text, render, vis_network_assets
from chainkg.reports.report_layout import FONT_SIZE, pack_areas
from chainkg.reports.sources import SourceInfo, one_line
from chainkg.reports.vocabulary import CLASS_LABELS, RELATION_LABELS

__all__ = ["CLASS_STYLES", "LARGE_GRAPH_NODES", "REGION", "UNPLACED", "render_report_html", "report_graph",
           "report_data", "in_canonical_order"]

#: Past this many nodes, firms and projects are aggregated.
LARGE_GRAPH_NODES = 1500
#: The home of the areas above the counties (prefecture, province, country).
REGION = "@region"
#: The home of the nodes no source places anywhere.
UNPLACED = "@unplaced"

#: Shape, fill and label colour per class; the first listed class a node has wins. Places and
#: chains are dark boxes with white text inside, firms dots with dark text below (contrast ≥ 4.5).
CLASS_STYLES: dict[str, dict[str, str]] = {
    "AdministrativeArea": {"color": "#2f5f8f", "shape": "box", "font": "#ffffff", "label": "行政区"},
    "DevelopmentZone": {"color": "#23706a", "shape": "box", "font": "#ffffff", "label": "开发区"},
    "IndustrialPark": {"color": "#2e6b28", "shape": "box", "font": "#ffffff", "label": "园区"},
    "Company": {"color": "#f28e2b", "shape": "dot", "font": "#1f1f1f", "label": "企业"},
    "ResearchInstitute": {"color": "#9a5b8f", "shape": "dot", "font": "#1f1f1f", "label": "科研院所"},
    "GovernmentBody": {"color": "#8a6248", "shape": "dot", "font": "#1f1f1f", "label": "政府机构"},
    "Association": {"color": "#9d948f", "shape": "dot", "font": "#1f1f1f", "label": "协会"},
    "StockExchange": {"color": "#d4a615", "shape": "diamond", "font": "#1f1f1f", "label": "交易所"},
    "IndustrialChain": {"color": "#a4262c", "shape": "box", "font": "#ffffff", "label": "产业链"},
    "ChainSegment": {"color": "#fbe3e5", "shape": "box", "font": "#5a1a1f", "label": "环节"},
    "Project": {"color": "#5da24f", "shape": "square", "font": "#1f1f1f", "label": "项目"},
    "Aggregate": {"color": "#d9d9d9", "shape": "box", "font": "#1f1f1f", "label": "汇总"},
}
_STYLE_ORDER = ("Company", "ResearchInstitute", "GovernmentBody", "Association", "StockExchange", "Project",
                "IndustrialPark", "DevelopmentZone", "AdministrativeArea", "IndustrialChain", "ChainSegment")
_FACT_EDGES = {"hostsChain", "operatesIn", "leadsChain", "suppliesTo", "locatedIn", "incubatedBy", "attractedTo",
               "developedBy", "managedBy", "listedOn", "subOrganizationOf"}
_CHAIN_EDGES = ("hostsChain", "operatesIn", "leadsChain")
_MODALITY_ZH = {"stated": "陈述为事实", "intended": "意向/规划"}


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
            homes[node] = anchor or (REGION if "AdministrativeArea" in a.get("classes", ()) else UNPLACED)
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
    return places, chains


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



def _search_keys(name: str, aliases) -> list[str]:
    """Lower-case strings the search box matches: name, aliases, then the name's full pinyin and
    initials (``nananshi``, ``nas``) and those of each alias."""
    keys = [name.lower(), *(a.lower() for a in aliases)]
    for text in (name, *aliases):
        if not text.isascii():
            keys += ["".join(lazy_pinyin(text)).lower(), "".join(lazy_pinyin(text, style=Style.FIRST_LETTER)).lower()]
    # the name's own pinyin last, where a reader (and the module example) expects it
    own = ["".join(lazy_pinyin(name)).lower(), "".join(lazy_pinyin(name, style=Style.FIRST_LETTER)).lower()]
    return [k for k in dict.fromkeys(keys) if k not in own] + own


def _sentence(evidence: dict) -> str:
    return " ".join(str(evidence.get("text") or evidence.get("quote") or "").split())


def _edge_record(u, v, data, sources: Mapping[str, SourceInfo], dates: FactDates) -> dict:
    predicate = data.get("predicate", "")
    zh, en = RELATION_LABELS.get(predicate, (predicate, predicate))
    basis = fact_basis(data.get("confidence"), data.get("modality")) if data.get("sources") else None
    return {
        "from": u, "to": v, "predicate": predicate, "zh": zh, "en": en,
        "confidence": data.get("confidence") if data.get("sources") else None,
        "basis": basis, "basisZh": BASIS_ZH[basis] if basis else None,
        "modality": _MODALITY_ZH.get(data.get("modality") or "", None), "note": data.get("note"),
        "count": data.get("stated_count"), "kind": data.get("leadership_kind"),
        "sources": [{"id": s.rsplit("/", 1)[-1], "title": sources[s].title if s in sources else s.rsplit("/", 1)[-1],
                     "date": sources[s].date if s in sources else None,
                     "table": bool(s in sources and sources[s].kind == "reference_table")}
                    for s in data.get("sources", [])],
        "evidence": _sentences(data.get("evidence", [])),
        # a fact's date (日期不详 when its source gives none); template edges are no facts: no date
        "date": dates.label(data) if data.get("sources") else None,
        "stale": bool(data.get("sources")) and dates.is_stale(data),
    }


def _sentences(evidence: list[dict]) -> list[dict]:
    """Each sentence once (a statement read twice, or from two spellings, carries it twice),
    with the source it was read in."""
    found: dict[str, str] = {}
    for record in evidence:
        text = _sentence(record)
        if text and text not in found:
            found[text] = str(record.get("source") or "").rsplit("/", 1)[-1]
    return [{"text": text, "source": source} for text, source in found.items()]


def report_data(kg: nx.MultiDiGraph, *, large_threshold: int = LARGE_GRAPH_NODES,
                sources: Mapping[str, SourceInfo] | None = None, stale_years: int = DEFAULT_STALE_YEARS,
                as_of: str | None = None) -> dict:
    """Nodes (with positions), edges, areas, filter choices and sources of the report, as plain
    JSON-able data. Each fact's edge carries its date and stale mark (``fact_dates``; reference
    date ``as_of``, else the newest date in ``kg``)."""
    from pyvis.network import Network

    sources = sources or {}
    dates = FactDates(kg, stale_years=stale_years, as_of=as_of)
    shown = report_graph(kg)
    homes = _homes(shown)
    places, chains = _filters(shown, homes)
    large = shown.number_of_nodes() > large_threshold
    if large:
        shown = _aggregate(shown, homes, chains)
        homes = {n: homes.get(n, n.split(":", 1)[-1].split("|", 1)[0]) for n in shown}
        places = {n: places.get(n, {homes[n]}) for n in shown}
        chains = {n: chains.get(n, {n.rsplit("|", 1)[-1]} if n.startswith("aggregate:") else set()) for n in shown}

    names = {n: a.get("name", n) for n, a in shown.nodes(data=True)}
    members = _members(shown, homes)
    positions, areas = pack_areas(members, names)

    net = Network(directed=True)  # pyvis holds the network model; we render the page ourselves
    for node, a in sorted(shown.nodes(data=True)):
        main = "Aggregate" if "Aggregate" in a.get("classes", ()) else _main_class(a.get("classes", ()))
        style = CLASS_STYLES[main]
        x, y = positions[node]
        anchor = node == homes[node]
        net.add_node(node, label=names[node], shape=style["shape"], color=style["color"], x=x, y=y, physics=False,
                     size=8, font={"size": FONT_SIZE + (2 if anchor else 0), "color": style["font"]},
                     widthConstraint={"maximum": 180})
    nodes, _, _, _, _, options = net.get_network_data()
    details = {}
    for node, a in shown.nodes(data=True):
        main = "Aggregate" if "Aggregate" in a.get("classes", ()) else _main_class(a.get("classes", ()))
        details[node] = {
            "name": a.get("name", ""), "nameEn": a.get("name_en"),
            "classZh": CLASS_LABELS.get(main, (CLASS_STYLES[main]["label"],))[0],
            "classEn": CLASS_LABELS.get(main, ("", main))[1],
            "code": a.get("division_code"), "aliases": list(a.get("aliases", ())), "note": a.get("note"),
            "home": homes[node], "places": sorted(places.get(node, ())), "chains": sorted(chains.get(node, ())),
            "search": _search_keys(a.get("name", ""), a.get("aliases", ())),
        }
    for record in nodes:
        record.update({k: details[record["id"]][k] for k in ("home", "places", "chains")})
        record["main"] = details[record["id"]]["classZh"]
    edges = [_edge_record(u, v, d, sources, dates)
             for u, v, d in sorted(shown.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", "")))]
    for edge in edges:
        # ties to the areas above the counties cross the whole page: shown only when asked for
        edge["upper"] = REGION in (homes[edge["from"]], homes[edge["to"]])
        # a node's tie to the area it is drawn in is what the area already shows
        edge["inside"] = edge["predicate"] == "locatedIn" and homes[edge["from"]] == edge["to"]
        # ties between areas (a firm to its chain) cross the page: drawn for a chosen node, or on request
        edge["cross"] = homes[edge["from"]] != homes[edge["to"]]
    group_names = {h: names[h] for h in members if h in shown}
    group_names.update({REGION: "上级行政区", UNPLACED: "所在地未说明"})
    counties = sorted(((n, names[n]) for n in shown if _is_anchor(shown, n)),
                      key=lambda p: (shown.nodes[p[0]].get("division_code") or "9", p[0]))
    chain_choices = sorted(((n, a["name"]) for n, a in shown.nodes(data=True) if "IndustrialChain" in a.get("classes", ())),
                           key=lambda p: p[0])
    return {
        "nodes": nodes, "edges": edges, "details": details, "groups": group_names,
        "areas": [{"home": area.home, "kind": _area_kind(shown, area.home)} for area in areas],
        "counties": counties, "chains": chain_choices, "large": large,
        "legend": [(name, CLASS_STYLES[name]) for name in (*_STYLE_ORDER, *(("Aggregate",) if large else ()))],
        "options": options if isinstance(options, dict) else {},
        "total_nodes": shown.number_of_nodes(),
        "staleZh": STALE_ZH, "staleLegend": dates.legend(),
        "sources": [{"id": s.short_id, "title": s.title, "date": s.date, "table": s.kind == "reference_table"}
                    for s in sources.values()],
    }


def _members(kg, homes) -> dict[str, list[str]]:
    """Each home's nodes in drawing order: the home itself, then each park followed by the firms
    in it, then the rest by name; homes as counties and zones (division-code order), chains,
    the areas above, the unplaced."""
    def order(home: str) -> tuple:
        if home == REGION:
            return (2, "")
        if home == UNPLACED:
            return (3, "")
        if _chain_of(kg, home):
            return (1, home)
        return (0, kg.nodes[home].get("division_code") or "9", home) if home in kg else (0, "9", home)

    grouped: dict[str, list[str]] = defaultdict(list)
    for node in kg:
        grouped[homes[node]].append(node)
    by_name = lambda n: (kg.nodes[n].get("name", ""), n)  # noqa: E731
    members = {}
    for home in sorted(grouped, key=order):
        nodes = grouped[home]
        ordered = [home] if home in nodes else []
        if _chain_of(kg, home):  # a chain's segments upstream to downstream
            stage = {"upstream": 0, "midstream": 1, "downstream": 2}
            ordered += sorted((n for n in nodes if n != home), key=lambda n: (stage.get(kg.nodes[n].get("stage"), 3), by_name(n)))
        else:
            parks = sorted((n for n in nodes if n != home and set(kg.nodes[n].get("classes", ())) & {"IndustrialPark", "DevelopmentZone"}), key=by_name)
            for park in parks:
                ordered.append(park)
                ordered += sorted((n for n in nodes if n not in ordered and park in _located_parents(kg, n)), key=by_name)
            ordered += sorted((n for n in nodes if n not in ordered), key=by_name)
        members[home] = ordered
    return members


def _area_kind(kg, home: str) -> str:
    if home in (REGION, UNPLACED):
        return home[1:]
    if _chain_of(kg, home):
        return "chain"
    return "zone" if "DevelopmentZone" in kg.nodes[home].get("classes", ()) else "county"


def render_report_html(kg: nx.MultiDiGraph, *, title: str = "chainkg", large_threshold: int = LARGE_GRAPH_NODES,
                       sources: Mapping[str, SourceInfo] | None = None, stale_years: int = DEFAULT_STALE_YEARS,
                       as_of: str | None = None) -> str:
    """The whole page as one string: open it from disk, no server, no network. ``sources``
    (:func:`chainkg.reports.sources.source_documents`) gives the panels their titles and dates."""
    vis_js, vis_css = vis_network_assets()
    return render("report.html.j2", title=one_line(title, 120), data=report_data(kg, large_threshold=large_threshold, sources=sources,
                                                                      stale_years=stale_years, as_of=as_of),
                  vis_js=vis_js, vis_css=vis_css,
                  app_js=package_text("templates/report.js"), css=package_text("templates/report.css"))
