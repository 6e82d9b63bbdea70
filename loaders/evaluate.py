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

__all__ = ["Score", "Evaluation", "KIND_OF_TYPE", "match_entities", "evaluate", "evaluate_seed", "GoldEvaluation",
           "GOLD_KINDS", "CONFIDENCE_BANDS", "score_against_gold", "evaluate_gold", "rule_precision_table",
           "misses_by_article"]

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


# -- the development gold set (tests/gold): names written down by a reader -----------------

#: Gold-file keys → the kind of entity they list.
GOLD_KINDS = {"organizations": "organization", "parks": "park", "zones": "zone", "places": "place",
              "projects": "project", "chains": "chain"}
#: Confidence bands the calibration table reports, highest first: (label, lowest confidence).
CONFIDENCE_BANDS = (("≥ 0.9", 0.9), ("0.8–0.9", 0.8), ("0.7–0.8", 0.7), ("0.6–0.7", 0.6), ("< 0.6", 0.0))


@dataclass
class GoldEvaluation:
    """Scores over a gold set: per entity kind, per relation type, per confidence band, per article."""

    entities: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    relations: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    bands: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    #: right and wrong relations per extraction rule (``ExtractedDocument.rules``): each rule's precision
    rules: dict[str, Score] = field(default_factory=lambda: defaultdict(Score))
    articles: dict[str, tuple[Score, Score]] = field(default_factory=dict)
    intentions: int = 0
    intentions_read_as_stated: int = 0
    statements_read_as_intended: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str]] = field(default_factory=list)
    #: (article, fact) for each gold intention found as a stated fact: presence the text does not give
    intentions_as_facts: list[tuple[str, str]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "entities": {k: v.as_dict() for k, v in sorted(self.entities.items())},
            "relations": {k: v.as_dict() for k, v in sorted(self.relations.items())},
            "confidence_bands": {label: self.bands[label].as_dict()["precision"] for label, _ in CONFIDENCE_BANDS
                                 if label in self.bands},
            "confidence_band_counts": {label: self.bands[label].true_positives + self.bands[label].false_positives
                                       for label, _ in CONFIDENCE_BANDS if label in self.bands},
            "rules": {k: v.as_dict() for k, v in sorted(self.rules.items())},
            "articles": {k: {"entities": e.as_dict(), "relations": r.as_dict()} for k, (e, r) in sorted(self.articles.items())},
            "intentions": self.intentions, "intentions_read_as_stated": self.intentions_read_as_stated,
            "statements_read_as_intended": self.statements_read_as_intended,
            "missed": [list(m) for m in self.missed], "spurious": [list(s) for s in self.spurious],
            "intentions_as_facts": [list(m) for m in self.intentions_as_facts],
        }


def _kind(entity) -> str | None:
    return "chain" if entity.type == "IndustrialChain" else KIND_OF_TYPE.get(entity.type)


def _names(entity) -> set[str]:
    return {normalize_name(n) for n in (entity.name, *entity.aliases)}


def score_against_gold(document: ExtractedDocument, gold: dict, result: GoldEvaluation | None = None) -> GoldEvaluation:
    """Add one document's scores against its gold file (parsed YAML) to ``result``.

    An extracted entity is right when one of its names is a gold name of the same kind; a
    relation when its property matches and a name of each end is the gold subject and object.
    Gold relations marked ``intended`` that are found without that modality are counted apart
    (an intention read as a fact is what a planner must never be told).
    """
    result = result if result is not None else GoldEvaluation()
    article = Score(), Score()
    by_kind: dict[str, set[str]] = {GOLD_KINDS[key]: {normalize_name(n) for n in gold.get(key) or []} for key in GOLD_KINDS}
    matched: dict[str, set[str]] = defaultdict(set)
    for entity in document.entities:
        kind = _kind(entity)
        if kind is None:
            continue
        named = _names(entity) & by_kind[kind]
        if named:
            matched[kind] |= named
            result.entities[kind].true_positives += 1
            article[0].true_positives += 1
        else:
            result.entities[kind].false_positives += 1
            article[0].false_positives += 1
            result.spurious.append((document.source, f"{kind}: {entity.name}"))
    for kind, wanted in by_kind.items():
        for name in sorted(wanted - matched[kind]):
            result.entities[kind].false_negatives += 1
            article[0].false_negatives += 1
            result.missed.append((document.source, f"{kind}: {name}"))

    gold_relations = [(normalize_name(r[0]), r[1], normalize_name(r[2]), len(r) > 3 and r[3] == "intended")
                      for r in gold.get("relations") or []]
    entities = {e.id: e for e in document.entities}
    found_gold: set[int] = set()
    for relation in document.relations:
        subject, object_ = entities.get(relation.subject), entities.get(relation.object)
        subjects = _names(subject) if subject else set()
        objects = _names(object_) if object_ else set()
        hits = [i for i, (s, p, o, _) in enumerate(gold_relations)
                if p == relation.predicate and s in subjects and o in objects]
        band = next(label for label, lowest in CONFIDENCE_BANDS if float(relation.confidence) >= lowest)
        rule = result.rules[document.rules.get(relation.key, "(none)")]
        score = result.relations[relation.predicate]
        if hits:
            new = [i for i in hits if i not in found_gold]
            found_gold.update(hits)
            if new:  # a second relation naming the same gold fact is neither new nor wrong
                score.true_positives += 1
                article[1].true_positives += 1
            result.bands[band].true_positives += 1
            rule.true_positives += 1
            for i in hits:
                if gold_relations[i][3] and relation.modality != "intended":
                    result.intentions_read_as_stated += 1
                    s, p, o, _ = gold_relations[i]
                    result.intentions_as_facts.append((document.source, f"{s} {p} {o}"))
                elif not gold_relations[i][3] and relation.modality == "intended":
                    result.statements_read_as_intended += 1
        else:
            score.false_positives += 1
            article[1].false_positives += 1
            result.bands[band].false_positives += 1
            rule.false_positives += 1
            ends = (subject.name if subject else relation.subject, object_.name if object_ else relation.object)
            result.spurious.append((document.source, f"{ends[0]} {relation.predicate} {ends[1]}"))
    for i, (s, p, o, intended) in enumerate(gold_relations):
        result.intentions += intended
        if i not in found_gold:
            result.relations[p].false_negatives += 1
            article[1].false_negatives += 1
            result.missed.append((document.source, f"{s} {p} {o}"))
    result.articles[document.source] = article
    return result


def rule_precision_table(result: GoldEvaluation) -> list[tuple[str, int, int, float]]:
    """(rule, right, found, precision) per extraction rule, most relations first: what
    ``extract_confidence.RULE_COUNTS`` records and the README's table shows.

    >>> result = GoldEvaluation()
    >>> result.rules["a"].true_positives, result.rules["a"].false_positives = 3, 1
    >>> rule_precision_table(result)
    [('a', 3, 4, 0.75)]
    """
    rows = [(name, s.true_positives, s.true_positives + s.false_positives, round(s.precision, 3))
            for name, s in result.rules.items()]
    return sorted(rows, key=lambda row: (-row[2], row[0]))


def misses_by_article(result: GoldEvaluation, only: tuple[str, ...] = ()) -> dict[str, list[tuple[str, str]]]:
    """Per article, in article order: ("missed", what) for each gold name or fact the extractor
    did not find, then ("wrong", what) for each it found that the gold file does not hold, then
    ("as fact", what) for each intention of the gold file it found as a stated fact —
    what a rule writer reads next. ``only`` keeps the lines that name one of these entity kinds
    (``park``) or relation types (``locatedIn``).

    >>> result = GoldEvaluation(missed=[("a", "park: 甲乙产业园"), ("a", "甲乙产业园 locatedIn 晋江市")],
    ...                         spurious=[("a", "zone: 丙丁开发区")])
    >>> misses_by_article(result, only=("park", "zone"))
    {'a': [('missed', 'park: 甲乙产业园'), ('wrong', 'zone: 丙丁开发区')]}
    """
    def wanted(what: str) -> bool:
        words = what.split(" ")
        return not only or any(words[0] == f"{kind}:" or (len(words) > 1 and words[1] == kind) for kind in only)

    table: dict[str, list[tuple[str, str]]] = {}
    for label, lines in (("missed", result.missed), ("wrong", result.spurious), ("as fact", result.intentions_as_facts)):
        for article, what in lines:
            if wanted(what):
                table.setdefault(article, []).append((label, what))
    return {article: table[article] for article in sorted(table)}


def _totals(table: dict[str, Score]) -> None:
    total = Score()
    for name, score in list(table.items()):
        if name != "all":
            total.true_positives += score.true_positives
            total.false_positives += score.false_positives
            total.false_negatives += score.false_negatives
    table["all"] = total


def evaluate_gold(gold_folder: str | Path, corpus: str | Path) -> GoldEvaluation:
    """Extract every article a gold file in ``gold_folder`` names (from ``corpus``) and score it.

    Example
    -------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("晋江市甲乙智能装备产业园导入智能装备。", encoding="utf-8")
    >>> _ = (folder / "a.yaml").write_text(
    ...     "article: a.txt\\nparks: [甲乙智能装备产业园]\\nplaces: [晋江市]\\nchains: [智能装备]\\n"
    ...     "relations:\\n  - [甲乙智能装备产业园, locatedIn, 晋江市]\\n  - [甲乙智能装备产业园, hostsChain, 智能装备]\\n",
    ...     encoding="utf-8")
    >>> scores = evaluate_gold(folder, folder)
    >>> scores.entities["all"].f1, scores.relations["all"].recall
    (1.0, 1.0)
    """
    import yaml

    result = GoldEvaluation()
    files = sorted(Path(gold_folder).glob("*.yaml"))
    if not files:
        raise SourceError(Path(gold_folder), "no gold files (*.yaml) in this folder")
    for path in files:
        try:
            gold = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as error:
            raise SourceError(path, f"not YAML: {error}".splitlines()[0]) from None
        if not isinstance(gold, dict) or not isinstance(gold.get("article"), str):
            raise SourceError(path, "a gold file needs 'article: <file name in the corpus>'", field="article")
        article = Path(corpus) / gold["article"]
        if not article.is_file():
            raise SourceError(path, f"article {article} not found (pass --corpus)", field="article")
        document = extract_text(article.read_text(encoding="utf-8"), source=article.stem)
        score_against_gold(document, gold, result)
    _totals(result.entities)
    _totals(result.relations)
    return result
