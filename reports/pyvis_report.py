"""An interactive HTML view of the graph (pyvis): nodes styled by class, edges with evidence.

Example
-------
>>> import networkx as nx
>>> kg = nx.MultiDiGraph()
>>> kg.add_node("a", name="南王", classes=["Company"])
>>> kg.add_node("b", name="惠安县", classes=["AdministrativeArea"])
>>> kg.add_edge("a", "b", key="locatedIn", predicate="locatedIn", evidence=[])
'locatedIn'
>>> html = render_report_html(kg)
>>> "locatedIn" in html and "<title>chainkg</title>" in html
True
"""

from __future__ import annotations

import html
import json

import networkx as nx

__all__ = ["CLASS_STYLES", "render_report_html"]

#: Colour and shape per class; the first class of a node that is listed here wins.
CLASS_STYLES: dict[str, dict[str, str]] = {
    "AdministrativeArea": {"color": "#4e79a7", "shape": "box"},
    "DevelopmentZone": {"color": "#76b7b2", "shape": "box"},
    "IndustrialPark": {"color": "#59a14f", "shape": "ellipse"},
    "Company": {"color": "#f28e2b", "shape": "dot"},
    "ResearchInstitute": {"color": "#b07aa1", "shape": "dot"},
    "GovernmentBody": {"color": "#9c755f", "shape": "dot"},
    "Association": {"color": "#bab0ac", "shape": "dot"},
    "StockExchange": {"color": "#edc948", "shape": "diamond"},
    "IndustrialChain": {"color": "#e15759", "shape": "hexagon"},
    "ChainSegment": {"color": "#ff9da7", "shape": "hexagon"},
    "Project": {"color": "#8cd17d", "shape": "square"},
}
_DEFAULT_STYLE = {"color": "#cccccc", "shape": "dot"}


def _style(classes: list[str]) -> tuple[str, dict[str, str]]:
    for name in ("Company", "ResearchInstitute", *CLASS_STYLES):
        if name in classes:
            return name, CLASS_STYLES[name]
    return "Other", _DEFAULT_STYLE


def _node_title(attributes: dict) -> str:
    lines = [attributes.get("name", "")]
    if attributes.get("name_en"):
        lines.append(attributes["name_en"])
    lines.append(" / ".join(attributes.get("classes", [])))
    if attributes.get("division_code"):
        lines.append(f"GB/T 2260: {attributes['division_code']}")
    if attributes.get("aliases"):
        lines.append("别名: " + "、".join(attributes["aliases"]))
    return "\n".join(lines)


def _edge_title(attributes: dict) -> str:
    lines = [attributes.get("predicate", "")]
    if attributes.get("confidence") is not None:
        lines.append(f"confidence {attributes['confidence']:.2f}")
    for evidence in attributes.get("evidence", []):
        lines.append("“" + (evidence.get("text") or evidence.get("quote") or "") + "”")
    return "\n".join(lines)


def render_report_html(kg: nx.MultiDiGraph, *, title: str = "chainkg") -> str:
    """Render ``kg`` as a standalone pyvis page and return its HTML.

    Labels and tooltips are plain text (HTML-escaped), so a hostile name shows as text.
    """
    from pyvis.network import Network

    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line", heading="")
    for node, attributes in sorted(kg.nodes(data=True)):
        group, style = _style(attributes.get("classes", []))
        net.add_node(
            node,
            label=html.escape(attributes.get("name", node)),
            title=html.escape(_node_title(attributes)),
            group=group,
            color=style["color"],
            shape=style["shape"],
        )
    for source, target, attributes in sorted(kg.edges(data=True), key=lambda e: (e[0], e[1], e[2].get("predicate", ""))):
        net.add_edge(source, target, label=attributes.get("predicate", ""), title=html.escape(_edge_title(attributes)),
                     arrows="to", font={"size": 9})
    net.set_options(json.dumps({
        "physics": {"solver": "forceAtlas2Based", "stabilization": {"iterations": 300}},
        "interaction": {"hover": True, "navigationButtons": True},
    }))
    page = net.generate_html(notebook=False)
    return page.replace("<head>", f"<head>\n<title>{html.escape(title)}</title>", 1)
