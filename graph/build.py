"""Sources → checked fact set → Dataset: the build every command starts from.

Example
-------
>>> dataset = build_seed_dataset()
>>> len(list(dataset.graphs())) >= 3   # default graph, chains, places, seed
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph
from rdflib.namespace import RDF

from chainkg.errors import SourceError
from chainkg.graph.iris import entity_id
from chainkg.graph.rdf import facts_to_dataset
from chainkg.loaders.counts import link_stated_counts
from chainkg.loaders.decisions import is_decisions_file, load_decisions
from chainkg.loaders.extract_status import settle_statuses, written_statuses
from chainkg.loaders.records import FactSet
from chainkg.loaders.resolve import Resolution, join_written
from chainkg.loaders.reviewed import PLACES_FACTS, SEED_FACTS, check_references, load_reviewed_facts
from chainkg.loaders.segments import place_on_segments
from chainkg.loaders.sources import expand_sources
from chainkg.ontology import CHAIN_FILES, CKG

if TYPE_CHECKING:
    from chainkg.loaders.articles import ArticleLoad

__all__ = ["DEFAULT_SOURCES", "chain_ids", "load_facts", "load_sources", "build_dataset", "build_seed_dataset"]

#: What ``chainkg build`` reads when given no sources: the reference places and the seed.
DEFAULT_SOURCES: tuple[Path, ...] = (PLACES_FACTS, SEED_FACTS)


@lru_cache(maxsize=1)
def chain_ids() -> frozenset[str]:
    """Ids (``chain/...``) of the chains and segments declared in the ontology's chain files."""
    graph = Graph()
    for path in CHAIN_FILES:
        graph.parse(path, format="turtle")
    subjects = set(graph.subjects(RDF.type, CKG.IndustrialChain)) | set(graph.subjects(RDF.type, CKG.ChainSegment))
    return frozenset(entity_id(s) for s in subjects)


def load_facts(sources: Iterable[str | Path] = DEFAULT_SOURCES, dates: dict[str, str] | None = None,
               decisions: Iterable[str | Path] = (), workers: int | None = None) -> FactSet:
    """Load reviewed-facts files, table mappings and articles (text or HTML; files or folders), check
    cross-references, and place chain-level facts on segments where their words say which.

    Articles are extracted and resolved against the reviewed facts, which win on conflict.
    ``dates``: an article's date by its file name or path (``chainkg build --date FILE=DATE``),
    before a ``dates.csv`` beside it and its dateline (``loaders.articles.article_date``).
    ``decisions``: review decisions files (``loaders.decisions``), besides any ``*.decisions.yaml``
    among the sources. ``workers``: processes extracting articles at once (``loaders.batch``).
    """
    return load_sources(sources, dates, decisions, workers).facts


def load_sources(sources: Iterable[str | Path] = DEFAULT_SOURCES, dates: dict[str, str] | None = None,
                 decisions: Iterable[str | Path] = (), workers: int | None = None) -> ArticleLoad:
    """:func:`load_facts`, also returning how entities were resolved and which facts a review may judge."""
    from chainkg.loaders.articles import ArticleLoad, load_articles_report
    from chainkg.loaders.tables import is_table_mapping, load_table

    facts = FactSet()
    found = expand_sources(sources)
    decisions = list(decisions)
    decision_files = [*decisions, *(p for p in found.reviewed if is_decisions_file(p))]
    for path in decisions:
        if not Path(path).is_file():
            raise SourceError(path, "decisions file not found (chainkg review writes one)")
    review = load_decisions(*decision_files)
    for path in found.reviewed:
        if not is_decisions_file(path):
            facts.merge(load_table(path) if is_table_mapping(path) else load_reviewed_facts(path))
    facts, joined, refused = join_written(facts)  # two tables or files naming one thing: one node
    written = written_statuses(facts)  # dated by their files, before articles add sources of their own
    load = load_articles_report(found.articles, reviewed=facts, dates=dates, decisions=review,
                                workers=workers) if found.articles \
        else ArticleLoad(FactSet(), Resolution(), {})
    load.resolution.merges[:0] = joined
    load.resolution.near_misses[:0] = refused
    facts.merge(load.facts)
    check_references(facts, chain_ids())
    facts.relations.extend(place_on_segments(facts))
    facts.relations = link_stated_counts(facts)
    settle_statuses(facts, written)  # each project's and park's status: its latest statement's, over every source
    return replace(load, facts=facts)


def build_dataset(sources: Iterable[str | Path] = DEFAULT_SOURCES) -> Dataset:
    """Load, check and write the sources into a new ``Dataset``."""
    return facts_to_dataset(load_facts(sources))


def build_seed_dataset() -> Dataset:
    """The bundled Quanzhou seed graph (reference places + the seed article's reviewed facts)."""
    return build_dataset(DEFAULT_SOURCES)
