"""Stated counts: "6家" in the sentence that puts a place or firm in a chain.

A source often counts what it does not name: 某县一次性招引6家配套企业入驻 says six firms
arrived, none by name. A gap analysis that counts named entries would call that segment
weak (one entry: the county). This module links such a count to the entry it belongs to:
a ``firm_count`` or ``project_count`` observation about the entry's subject, from the same
source, whose evidence overlaps the entry's evidence (the same sentence). The entry then
carries ``stated_count`` and counts as that many local entries.

A lower bound (10多家) counts as its stated floor (10); several counts in one sentence
about the same subject keep the largest. A count the sentence shares between several segments
(6家扫地机器人配套企业和蓝牙耳机企业: how many of each is not said) stays on the chain-level
fact and on no segment: no segment is credited with firms the source did not give it.

Example
-------
>>> from decimal import Decimal
>>> from chainkg.loaders.records import FactSet, Observation, Relation, TextSpan
>>> span = TextSpan("doc", 0, 20, "某县招引6家配套企业入驻")
>>> facts = FactSet(relations=[Relation("area/x", "hostsChain", "chain/y", "doc", evidence=span)],
...                 observations=[Observation("area/x", "firm_count", Decimal(6), "家", "doc", evidence=span)])
>>> [r.stated_count for r in link_stated_counts(facts)]
[6]
"""

from __future__ import annotations

from dataclasses import replace

from chainkg.loaders.records import FactSet, Observation, Relation, TextSpan
from chainkg.loaders.segments import PLACED

__all__ = ["COUNT_MEASURES", "ENTRY_PREDICATES", "link_stated_counts"]


#: Measures that count firms or projects (see the ``ckg:measure`` values in ontology/shapes.ttl).
COUNT_MEASURES = frozenset({"firm_count", "project_count"})
#: Relations that make something a local entry of a chain or segment.
ENTRY_PREDICATES = frozenset({"hostsChain", "operatesIn"})


def _overlap(a: TextSpan, b: TextSpan) -> bool:
    return a.source_id == b.source_id and a.start < b.end and b.start < a.end


def link_stated_counts(facts: FactSet) -> list[Relation]:
    """``facts.relations`` with ``stated_count`` set on every entry whose sentence counts it.

    Relations that already carry a count, or that have no evidence, are returned unchanged.
    """
    counts: dict[tuple[str, str], list[Observation]] = {}
    for observation in facts.observations:
        if observation.measure in COUNT_MEASURES and observation.evidence is not None and observation.value >= 1:
            counts.setdefault((observation.about, observation.source_id), []).append(observation)
    if not counts:
        return facts.relations
    found: dict[int, list[Observation]] = {}  # relation's position → the counts in its sentence
    for position, relation in enumerate(facts.relations):
        evidence = relation.evidence
        if relation.predicate in ENTRY_PREDICATES and relation.stated_count is None and evidence is not None:
            same_sentence = [o for o in counts.get((relation.subject, relation.source_id), ())
                             if o.evidence is not None and _overlap(o.evidence, evidence)]
            if same_sentence:
                found[position] = same_sentence
    placed_per_count: dict[int, int] = {}  # id(observation) → segment facts placed from its sentence
    for position, observations in found.items():
        if facts.relations[position].method == PLACED:
            for observation in observations:
                placed_per_count[id(observation)] = placed_per_count.get(id(observation), 0) + 1
    linked = list(facts.relations)
    for position, observations in found.items():
        relation = facts.relations[position]
        usable = [o for o in observations if relation.method != PLACED or placed_per_count[id(o)] == 1]
        if usable:
            linked[position] = replace(relation, stated_count=max(int(o.value) for o in usable))
    return linked
