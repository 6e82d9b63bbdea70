"""Score extraction against reviewed facts: precision, recall and F1 per entity type and per
relation.

An extracted entity counts as found when one of its names (or its gazetteer id) is a name or
alias of a reviewed entity of the same kind; a relation counts when its subject, property
and object all match a reviewed relation. For articles without a reviewed-facts file the
expectations are written down by reading the article (``tests/expectations/*.yaml``).

Example
-------
>>> from chainkg.loaders.extract import extract_text
>>> from chainkg.loaders.reviewed import SEED_FACTS
>>> report = evaluate_seed(SEED_FACTS)
>>> report.entities["all"].f1 >= 0.9, report.relations["all"].f1 >= 0.8
(True, True)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from chainkg.errors import SourceError
from chainkg.loaders.extract import ExtractedDocument, extract_text
from chainkg.loaders.records import FactSet
from chainkg.loaders.reviewed import PLACES_FACTS, load_reviewed_facts
from chainkg.text import normalize_name

__all__ = ["Score", "Evaluation", "KIND_OF_TYPE", "match_entities", "evaluate", "evaluate_seed"]

KIND_OF_TYPE = {
    "Company": "organization", "ResearchInstitute": "organization", "GovernmentBody": "organization",
    "Association": "organization", "StockExchange": "organization", "IndustrialPark": "park",
    "DevelopmentZone": "zone", "AdministrativeArea": "place", "Project": "project",
}


@dataclass
class Score:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positives + self.false_negatives
        return self.true_positives / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3),
                "tp": self.true_positives, "fp": self.false_positives, "fn": self.false_negatives}


@dataclass
class Evaluation:
    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    missed_entities: list[str] = field(default_factory=list)
    spurious_entities: list[str] = field(default_factory=list)
    missed_relations: list[tuple] = field(default_factory=list)
    spurious_relations: list[tuple] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "entities": {k: v.as_dict() for k, v in sorted(self.entities.items())},
            "relations": {k: v.as_dict() for k, v in sorted(self.relations.items())},
            "missed_entities": self.missed_entities, "spurious_entities": self.spurious_entities,
            "missed_relations": [list(r) for r in self.missed_relations],
            "spurious_relations": [list(r) for r in self.spurious_relations],
        }


def _name_index(facts: FactSet) -> dict[str, str]:
    index: dict[str, str] = {}
    for entity in facts.entities.values():
        for name in (entity.name, *entity.aliases):
            index.setdefault(normalize_name(name), entity.id)
    return index


def match_entities(document: ExtractedDocument, reference: FactSet) -> dict[str, str]:
    """Extracted id → reviewed id, by gazetteer id or by any shared name."""
    index = _name_index(reference)
    mapping = {}
    for entity in document.entities:
        if entity.id in reference.entities or entity.id.startswith("chain/"):
            mapping[entity.id] = entity.id
            continue
        for name in (entity.name, *entity.aliases):
            found = index.get(normalize_name(name))
            if found and KIND_OF_TYPE.get(reference.entities[found].types[0]) == KIND_OF_TYPE.get(entity.type):
                mapping[entity.id] = found
                break
    return mapping


def evaluate(document: ExtractedDocument, gold_entities: dict[str, str], gold_relations: set[tuple],
             reference: FactSet) -> Evaluation:
    """Score one document. ``gold_entities``: reviewed id → kind; ``gold_relations``: (s, p, o) ids."""
    result = Evaluation()
    mapping = match_entities(document, reference)
    predicted: dict[str, str] = {}
    for entity in document.entities:
        kind = KIND_OF_TYPE.get(entity.type)
        if kind is None:
            continue  # chains and figures are scored through the relations that use them
        predicted[mapping.get(entity.id, entity.id)] = kind
    for entity_id, kind in predicted.items():
        if gold_entities.get(entity_id) == kind:
            result.entities[kind].true_positives += 1
        else:
            result.entities[kind].false_positives += 1
            result.spurious_entities.append(entity_id)
    for entity_id, kind in gold_entities.items():
        if predicted.get(entity_id) != kind:
            result.entities[kind].false_negatives += 1
            result.missed_entities.append(entity_id)
    found = {(mapping.get(r.subject, r.subject), r.predicate, mapping.get(r.object, r.object)) for r in document.relations}
    for triple in sorted(found):
        if triple in gold_relations:
            result.relations[triple[1]].true_positives += 1
        else:
            result.relations[triple[1]].false_positives += 1
            result.spurious_relations.append(triple)
    for triple in sorted(gold_relations - found):
        result.relations[triple[1]].false_negatives += 1
        result.missed_relations.append(triple)
    for table in (result.entities, result.relations):
        total = Score()
        for score in list(table.values()):
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
        table["all"] = total
    return result


def evaluate_seed(facts_file: str | Path) -> Evaluation:
    """Extract the article a reviewed-facts file cites and score it against that file."""
    reviewed = load_reviewed_facts(facts_file)
    reference = load_reviewed_facts(PLACES_FACTS).merge(load_reviewed_facts(facts_file))
    source = next(iter(reviewed.sources.values()))
    if source.file is None:
        raise SourceError(Path(facts_file), f"source {source.id!r} names no article file to extract", field="source.file")
    document = extract_text(source.file.read_text(encoding="utf-8"), source=source.id)
    gold_entities = {e.id: KIND_OF_TYPE[e.types[0]] for e in reviewed.entities.values() if e.types[0] in KIND_OF_TYPE}
    gold_entities.update({m.entity_id: KIND_OF_TYPE[reference.entities[m.entity_id].types[0]] for m in reviewed.mentions})
    gold_relations = {r.key for r in reviewed.relations}
    return evaluate(document, gold_entities, gold_relations, reference)
