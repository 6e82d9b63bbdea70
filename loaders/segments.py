"""Placing facts on chain segments from the words around them.

A fact "安溪芯园 hostsChain 光电" whose sentence says 光电产业**应用终端**企业 also tells which
segment of the chain it concerns: the LED chain's downstream application terminals. This
module looks for a segment's words (its ``skos:altLabel`` in ``ontology/chain_templates.ttl``)
in the clauses of the evidence sentence that name the fact's subject — or, failing that, the
chain — and adds the same fact one level down, on the segment, with ``method = placed``, a
lower confidence, the same evidence and a note naming the words. A fact whose words name no
segment stays at chain level (chain gap reports list it as such).

Example
-------
>>> from chainkg.graph.build import load_facts
>>> placed = [r for r in load_facts().relations if r.method == "placed"]
>>> sorted((r.subject, r.object) for r in placed if r.subject == "park/anxi_xinyuan")
[('park/anxi_xinyuan', 'chain/optoelectronics/applications')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from chainkg.loaders.records import FactSet, Relation
from chainkg.ontology.templates import ChainTemplate, load_chain_templates

__all__ = ["PLACED", "PLACEMENT_CONFIDENCE", "place_on_segments"]

#: ``method`` of a fact this module puts on a segment.
PLACED = "placed"

#: A placed fact is at most this sure: the words suggest the segment, a person did not say so.
PLACEMENT_CONFIDENCE = Decimal("0.8")
_PLACEABLE = ("hostsChain", "operatesIn")
_CLAUSE = re.compile(r"[^,，;；。:：!！?？]+")


def _names(facts: FactSet, entity_id: str) -> list[str]:
    entity = facts.entities.get(entity_id)
    return [] if entity is None else [entity.name, *entity.aliases]


def _free_mentions(clause: str, names: list[str], other_names: list[str]) -> bool:
    """Does the clause name one of ``names`` outside a longer name of another entity?"""
    for name in names:
        for match in re.finditer(re.escape(name), clause):
            inside_other = any(
                len(other) > len(name) and name in other
                and any(m.start() <= match.start() and match.end() <= m.end() for m in re.finditer(re.escape(other), clause))
                for other in other_names
            )
            if not inside_other:
                return True
    return False


def _segments_in(clauses: list[str], template: ChainTemplate) -> list[tuple[str, str]]:
    """Segments whose words occur in the clauses; a word inside a longer word of another
    segment does not count (扫地机 inside 扫地机器人配套 names the parts, not the whole unit)."""
    hits: list[tuple[int, int, int, str, str]] = []  # (clause index, start, end, segment id, keyword)
    for index, clause in enumerate(clauses):
        for segment in template.segments:
            for keyword in segment.keywords:
                hits.extend((index, m.start(), m.end(), segment.id, keyword) for m in re.finditer(re.escape(keyword), clause))
    kept = [
        hit for hit in hits
        if not any(o[0] == hit[0] and o[3] != hit[3] and o[1] <= hit[1] and hit[2] <= o[2] and (o[2] - o[1]) > (hit[2] - hit[1])
                   for o in hits)
    ]
    found: dict[str, str] = {}
    for *_, segment_id, keyword in sorted(kept, key=lambda h: (h[0], h[1], -(h[2] - h[1]))):
        found.setdefault(segment_id, keyword)
    return sorted(found.items())


def place_on_segments(facts: FactSet, templates: dict[str, ChainTemplate] | None = None) -> list[Relation]:
    """Segment-level copies of chain-level facts whose evidence names a segment."""
    templates = templates if templates is not None else load_chain_templates()
    all_names = [name for entity in facts.entities.values() for name in (entity.name, *entity.aliases)]
    placed: list[Relation] = []
    for relation in facts.relations:
        template = templates.get(relation.object)
        if relation.predicate not in _PLACEABLE or template is None or relation.evidence is None:
            continue
        clauses = [c.group() for c in _CLAUSE.finditer(relation.evidence.plain_text)]
        subject_names = _names(facts, relation.subject)
        others = [n for n in all_names if n not in subject_names]
        about_subject = [c for c in clauses if _free_mentions(c, subject_names, others)]
        chain_names = [template.name, *template.aliases]
        about_chain = [c for c in clauses if _free_mentions(c, chain_names, others)]
        for segment_id, keyword in _segments_in(about_subject, template) or _segments_in(about_chain, template):
            placed.append(replace(
                relation,
                object=segment_id,
                method=PLACED,
                confidence=min(relation.confidence, PLACEMENT_CONFIDENCE),
                note=f"placed on the segment by the words '{keyword}' ({relation.predicate} {template.name})",
                leadership_kind=None,
            ))
    return placed
