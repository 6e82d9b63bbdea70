"""What a person should check first: uncertain merges and facts, each with its sentences.

:func:`review_items` lists, most uncertain first, the merges (``loaders.resolve``) and the
extracted facts whose confidence is below a threshold and that no decision covers yet. A
person answers each (``chainkg review``, or :func:`~chainkg.loaders.decisions.record_decision`
in a notebook): accepting a merge keeps it for good (a ``merge`` decision), rejecting it keeps
the two apart (``split``); accepting a fact makes it ``method = reviewed``, rejecting it drops it
from every later build.

Example
-------
>>> from chainkg.graph.build import load_sources
>>> from chainkg.loaders.reviewed import SEED_FACTS, PLACES_FACTS
>>> load = load_sources([PLACES_FACTS, SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt"])
>>> items = review_items(load, below=Decimal("0.9"))
>>> items[0].confidence <= items[-1].confidence
True
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from chainkg.loaders.decisions import Decision, Decisions

if TYPE_CHECKING:
    from chainkg.loaders.articles import ArticleLoad

__all__ = ["DEFAULT_BELOW", "ReviewItem", "review_items", "answer"]

#: Items below this confidence are listed for review (the extractor's 0.9 band is measured
#: right at least nine times in ten: README, "Confidence").
DEFAULT_BELOW = Decimal("0.9")


@dataclass(frozen=True)
class ReviewItem:
    """A merge or a fact to check: its stable id, how sure the tool is, and what the sources say."""

    id: str
    kind: Literal["merge", "fact"]
    confidence: Decimal
    summary: str
    method: str  # the rule (a merge) or the extraction method (a fact)
    sentences: tuple[tuple[str, str], ...]  # (source id, sentence)
    entities: tuple[str, str] | None = None  # a merge's two candidates

    def as_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "confidence": float(self.confidence), "summary": self.summary,
                "method": self.method, "sentences": [{"source": s, "text": t} for s, t in self.sentences],
                "entities": list(self.entities) if self.entities else None}


def review_items(load: ArticleLoad, decisions: Decisions | None = None, below: Decimal = DEFAULT_BELOW) -> list[ReviewItem]:
    """Merges and extracted facts below ``below`` that no decision covers, least sure first."""
    decisions = decisions or Decisions()
    items = []
    entities, candidates = load.facts.entities, load.resolution.candidates
    for merge in load.resolution.merges:
        if merge.confidence >= below or decisions.decided(merge.id, (merge.first, merge.second)):
            continue
        sentences = tuple((source, span.plain_text or span.quote) for cid in (merge.first, merge.second)
                          for span in candidates[cid].evidence[:1] for source in candidates[cid].sources[:1])
        items.append(ReviewItem(merge.id, "merge", merge.confidence, f"{merge.names[1]} = {merge.names[0]}",
                                merge.rule, sentences, (merge.first, merge.second)))
    for fact_id, relation in load.reviewable.items():
        if relation.confidence >= below or relation.method != "extracted" or decisions.decided(fact_id):
            continue
        subject = entities[relation.subject].name if relation.subject in entities else relation.subject
        object_ = entities[relation.object].name if relation.object in entities else relation.object
        modality = " (intended)" if relation.modality == "intended" else ""
        sentence = relation.evidence.plain_text or relation.evidence.quote if relation.evidence else ""
        items.append(ReviewItem(fact_id, "fact", relation.confidence, f"{subject} —{relation.predicate}→ {object_}{modality}",
                                relation.method, ((relation.source_id, sentence),)))
    return sorted(items, key=lambda item: (item.confidence, item.kind, item.id))


def answer(item: ReviewItem, accept: bool, note: str | None = None, by: str | None = None) -> Decision:
    """The decision that accepts or rejects an item: a merge kept or split, a fact kept or dropped."""
    if item.kind == "merge":
        assert item.entities is not None
        return Decision("merge" if accept else "split", id=None, entities=item.entities, note=note, by=by)
    return Decision("accept" if accept else "reject", id=item.id, note=note, by=by)
