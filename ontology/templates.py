"""Chain templates as plain records, read from the ontology's chain files.

Example
-------
>>> templates = load_chain_templates()
>>> semiconductor = templates["chain/semiconductor"]
>>> semiconductor.name, len(semiconductor.segments) >= 6
('半导体', True)
>>> [s.name for s in semiconductor.segments if s.stage == "midstream"]
['分立器件', '芯片设计', '晶圆制造', '封装测试']
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, SKOS
from rdflib.term import Node

from chainkg.ontology.terms import CHAIN_FILES, CKG, DATA_NS

__all__ = ["STAGES", "SegmentTemplate", "ChainTemplate", "load_chain_templates", "flow_order"]

STAGES = ("upstream", "midstream", "downstream")


@dataclass(frozen=True)
class SegmentTemplate:
    id: str
    name: str
    name_en: str
    stage: str
    keywords: tuple[str, ...]
    feeds: tuple[str, ...]
    industry_codes: tuple[str, ...]
    aliases: tuple[str, ...] = ()  # its skos:altLabel, as written


@dataclass(frozen=True)
class ChainTemplate:
    id: str
    name: str
    name_en: str
    aliases: tuple[str, ...]
    source: str
    segments: tuple[SegmentTemplate, ...]


def _id(iri: Node) -> str:
    return str(iri).removeprefix(str(DATA_NS))


def _label(graph: Graph, node: Node, language: str) -> str:
    return next((str(label) for label in graph.objects(node, SKOS.prefLabel)
                 if isinstance(label, Literal) and label.language == language), "")


def flow_order(segments, *, id_of=lambda s: s.id):
    """Upstream → downstream; within a stage, along the feeds (depth), then by id.

    Works for anything with ``stage``, ``feeds`` (ids) and an id (``id_of``).
    """
    segments = list(segments)
    ids = {id_of(s) for s in segments}
    fed_by = {id_of(s): [id_of(t) for t in segments if id_of(s) in t.feeds] for s in segments}
    depth: dict[str, int] = {}

    def depth_of(segment_id: str, seen: frozenset = frozenset()) -> int:
        if segment_id not in depth:
            parents = [p for p in fed_by[segment_id] if p in ids and p not in seen]
            depth[segment_id] = 1 + max((depth_of(p, seen | {segment_id}) for p in parents), default=-1)
        return depth[segment_id]

    def stage_index(stage: str) -> int:
        return STAGES.index(stage) if stage in STAGES else len(STAGES)

    return tuple(sorted(segments, key=lambda s: (stage_index(s.stage), depth_of(id_of(s)), id_of(s))))


@lru_cache(maxsize=1)
def load_chain_templates() -> dict[str, ChainTemplate]:
    """Every chain with its segments (ordered upstream → downstream), by chain id."""
    graph = Graph()
    for path in CHAIN_FILES:
        graph.parse(path, format="turtle")
    segments_by_chain: dict[Node, list[SegmentTemplate]] = {}
    for segment in graph.subjects(RDF.type, CKG.ChainSegment):
        chain = graph.value(segment, CKG.segmentOf)
        if chain is None:  # the shapes require one; a segment of no chain is in no template
            continue
        template = SegmentTemplate(
            id=_id(segment),
            name=_label(graph, segment, "zh"),
            name_en=_label(graph, segment, "en"),
            stage=str(graph.value(segment, CKG.stage)),
            keywords=tuple(sorted({str(a) for a in graph.objects(segment, SKOS.altLabel)} | {_label(graph, segment, "zh")},
                                  key=lambda k: (-len(k), k))),
            feeds=tuple(sorted(_id(f) for f in graph.objects(segment, CKG.feeds))),
            industry_codes=tuple(sorted(str(c) for c in graph.objects(segment, CKG.industryCode))),
            aliases=tuple(sorted(str(a) for a in graph.objects(segment, SKOS.altLabel))),
        )
        segments_by_chain.setdefault(chain, []).append(template)
    templates = {}
    for chain in graph.subjects(RDF.type, CKG.IndustrialChain):
        templates[_id(chain)] = ChainTemplate(
            id=_id(chain),
            name=_label(graph, chain, "zh"),
            name_en=_label(graph, chain, "en"),
            aliases=tuple(sorted(str(a) for a in graph.objects(chain, SKOS.altLabel))),
            source=str(graph.value(chain, DCTERMS.source) or ""),
            segments=flow_order(segments_by_chain.get(chain, [])),
        )
    return templates
