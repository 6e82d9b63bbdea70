"""Articles in, facts with provenance out: read text or HTML, extract, resolve, make records.

- **Reading**: ``.txt`` as UTF-8 (else UTF-16, GB 18030 or Big5, detected); ``.html`` through trafilatura, a
  maintained main-text extractor (menus, footers and scripts dropped). For HTML the offsets
  of evidence index the extracted main text, which is what the source document records.
- **Resolution** within and across documents and against the reviewed facts and tables:
  ``loaders.resolve`` (same name, declared alias, name variant, abbreviation, a guessed firm
  that is a park; never two credit codes or a park and a company), each merge recorded with
  its rule and confidence; reviewed entities keep their ids, names and classes.
- **Review decisions** (``loaders.decisions``): rejected facts are left out, accepted ones
  become ``method = reviewed``, merges and splits a person made hold.
- **Records**: the extractor already gives the records every loader produces (``Entity``,
  ``Relation`` with ``method = extracted``, its confidence and evidence span); here they
  take their resolved ids and a plain-text form of each quote, in the article's own named graph.
- **Dates** (``loaders.dates``): an article is dated by the date a user gives it (``dates``:
  ``chainkg build --date FILE=DATE``), else by the ``dates.csv`` beside it, else by a dateline
  in its first lines, else not at all (its facts are undated, and every output says so); each
  fact then by a date in its own sentence (去年 resolved against the article's date) or the article's.

Example
-------
>>> from chainkg.loaders.reviewed import SEED_FACTS
>>> facts = load_articles([SEED_FACTS.parent / "seed_quanzhou_parks_2024q1.txt"])
>>> relation = next(r for r in facts.relations if r.predicate == "listedOn")
>>> facts.entities[relation.subject].name, relation.method
('南王', 'extracted')
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from chainkg.errors import SourceError
from chainkg.loaders.batch import ArticleJob, extract_many
from chainkg.loaders.dates import DATES_MANIFEST, date_facts, document_date, learned_date, read_dates_manifest
from chainkg.loaders.decisions import Decisions, fact_id
from chainkg.loaders.extract import ExtractedDocument, extract_text
from chainkg.loaders.extract_status import STATUS_HOLDERS, resolved_statuses
from chainkg.loaders.gazetteer import chain_gazetteer
from chainkg.loaders.records import Entity, FactSet, Origin, Relation, SourceDocument, TextSpan, entity_identifiers
from chainkg.loaders.resolve import KIND, Resolution, is_abbreviation, located_in, place_key, resolve_entities
from chainkg.loaders.sources import ARTICLE_SUFFIXES, expand_sources
from chainkg.loaders.text import MAX_ARTICLE_BYTES, decode_source, normalize_annotated_text, read_source_file

__all__ = ["ARTICLE_SUFFIXES", "ArticleLoad", "read_article", "extract_file", "source_id", "documents_to_facts", "resolve_documents",
           "load_articles", "load_articles_report", "is_abbreviation", "article_date"]


def read_article(path: str | Path) -> tuple[str, str]:
    """The article's text and how it was read (``text`` or ``html:trafilatura``)."""
    path = Path(path)
    # a regular file within the size cap, in UTF-8, UTF-16, GB 18030 or Big5 (loaders/text.py)
    text = decode_source(read_source_file(path, MAX_ARTICLE_BYTES), path)
    if path.suffix.lower() in (".html", ".htm"):
        import trafilatura

        main = trafilatura.extract(text, include_comments=False, include_tables=True, favor_recall=True)
        if not main:
            raise SourceError(path, "no article text found in this HTML page")
        return main, "html:trafilatura"
    return text, "text"


def extract_file(path: str | Path, document_date=None) -> ExtractedDocument:
    """Read and extract one article file (``document_date`` resolves 昨日 / 去年)."""
    text, _ = read_article(path)
    return extract_text(text, source=source_id(Path(path)), document_date=document_date)


def source_id(path: Path) -> str:
    """The id of an article file's source document: its name's stem, safe in an IRI, ``.extracted``.

    >>> source_id(Path("新闻/d1 泉州.txt"))
    'd1___.extracted'
    """
    return re.sub(r"[^A-Za-z0-9_.\-]", "_", path.stem) + ".extracted"


@lru_cache(maxsize=1)
def _template_chain_ids() -> frozenset[str]:
    return frozenset(entry.chain for entry in chain_gazetteer().values())


def _with_plain_text(span: TextSpan) -> TextSpan:
    """The span with its quote as plain simplified text (annotations removed), for display."""
    return replace(span, plain_text=normalize_annotated_text(span.quote).text)


@dataclass
class ArticleLoad:
    """Facts from articles, and how their entities were resolved (``chainkg resolve --report``)."""

    facts: FactSet
    resolution: Resolution
    #: Each extracted fact kept, by its stable review id (``loaders.decisions.fact_id``).
    reviewable: dict[str, Relation]


def documents_to_facts(documents: Iterable[tuple[ExtractedDocument, Path | None, str]],
                       reviewed: FactSet | None = None, published: dict[str, tuple[str | None, str | None]] | None = None,
                       decisions: Decisions | None = None) -> FactSet:
    """Records from extracted documents, resolved against each other and the reviewed facts.

    Reviewed facts win: a resolved entity keeps its reviewed id and name, and an extracted
    relation that a reviewed one already states is left out. ``published``: source id →
    (the article's date, how it was found), dating its facts (:func:`~chainkg.loaders.dates.date_facts`).
    ``decisions``: a person's review decisions (``loaders.decisions``), applied here.
    """
    return resolve_documents(documents, reviewed, published, decisions).facts


def resolve_documents(documents: Iterable[tuple[ExtractedDocument, Path | None, str]],
                      reviewed: FactSet | None = None, published: dict[str, tuple[str | None, str | None]] | None = None,
                      decisions: Decisions | None = None) -> ArticleLoad:
    """:func:`documents_to_facts`, also returning the resolution (merges, near-misses)."""
    published = published or {}
    decisions = decisions or Decisions()
    facts = FactSet()
    written = [e for e in reviewed.entities.values() if e.types[0] in KIND] if reviewed else []
    extracted: list[Entity] = []
    read: list[tuple[ExtractedDocument, Origin, set[str]]] = []
    places_of: dict[str, str | None] = {e.id: place_key(e.name) for e in written}
    for document, path, how in documents:
        document = _distinct_bodies(document, places_of)
        facts.sources[document.source] = _source_record(document, path, how, published)
        origin = Origin(str(path or document.source))
        uncoded = set()  # a town the division table lacks has no GB/T 2260 code, which every area in the graph carries
        for entity in document.entities:
            if entity.type == "AdministrativeArea" and entity.division_code is None:
                uncoded.add(entity.id)
            elif entity.type in KIND:
                extracted.append(replace(entity, evidence=tuple(_with_plain_text(m) for m in entity.evidence[:3]),
                                         origin=origin))
            elif entity.type == "IndustrialChain" and entity.id not in _template_chain_ids():
                # a chain the text names that no template lists: its record comes from the article
                facts.merge(FactSet(entities={entity.id: replace(
                    entity, evidence=tuple(_with_plain_text(m) for m in entity.evidence[:3]), origin=origin)}))
        read.append((document, origin, uncoded))
    # where each candidate is, by its own sources: two things in two counties are two things
    counties = located_in([*(reviewed.relations if reviewed else ()), *(r for d, _, _ in read for r in d.relations)])
    resolution = resolve_entities([*written, *extracted], {e.id for e in written},
                                  identifiers={e.id: keys for e in written if (keys := entity_identifiers(e))},
                                  merges=decisions.merges, splits=decisions.splits, counties=counties)
    heads = {e.id: e for e in reversed([*written, *extracted])}  # each id's first record
    for entity in extracted:
        resolved = resolution.ids[entity.id]
        if reviewed is not None and resolved in reviewed.entities:
            continue  # the reviewed entity stands as written
        # a guessed firm that is a park takes the park's class
        types = heads[resolved].types if entity.id in resolution.retyped else entity.types
        facts.merge(FactSet(entities={resolved: replace(entity, id=resolved, types=types)}))
    reviewed_keys = {r.key for r in reviewed.relations} if reviewed else set()
    reviewable: dict[str, Relation] = {}
    holders = {i for i, e in facts.entities.items() if e.types[0] in STATUS_HOLDERS} | \
        ({i for i, e in reviewed.entities.items() if e.types[0] in STATUS_HOLDERS} if reviewed else set())
    for document, origin, uncoded in read:
        kept = _relations(document, origin, uncoded, resolution, reviewed_keys, decisions)
        facts.relations.extend(kept.values())
        reviewable.update(kept)
        facts.observations.extend(resolved_statuses(document.statuses, resolution.ids, holders, origin))  # extract_status
    facts = date_facts(facts)
    dated = {(r.key, r.source_id, r.evidence): r for r in facts.relations}
    return ArticleLoad(facts, resolution, {i: dated.get((r.key, r.source_id, r.evidence), r) for i, r in reviewable.items()})


def _distinct_bodies(document: ExtractedDocument, places_of: dict[str, str | None]) -> ExtractedDocument:
    """The document with a new id for an entity whose name opens with another place than the
    entity that first took its id: the extractor ids a name without its place prefix (so that
    晋江市甲乙产业园 and 甲乙产业园 are one park), which would make 甲县人民政府 and 乙县人民政府 one body."""
    renamed = {}
    for entity in document.entities:
        if entity.type not in KIND or entity.type == "AdministrativeArea":
            continue
        code = place_key(entity.name)
        first = places_of.get(entity.id)
        if first is None:
            places_of[entity.id] = code  # the first holder that names its place keeps the id
        elif code is not None and code != first:
            renamed[entity.id] = f"{entity.id}_{code}" if code.isdigit() else f"{entity.id}_{hashlib.sha1(code.encode()).hexdigest()[:6]}"
    if not renamed:
        return document
    return replace(document, entities=[replace(e, id=renamed.get(e.id, e.id)) for e in document.entities],
                   relations=[replace(r, subject=renamed.get(r.subject, r.subject), object=renamed.get(r.object, r.object))
                              for r in document.relations])


def _source_record(document: ExtractedDocument, path: Path | None, how: str,
                   published: dict[str, tuple[str | None, str | None]]) -> SourceDocument:
    data = path.read_bytes() if path is not None and how == "text" else document.text.text.encode("utf-8")
    original = path.read_text(encoding="utf-8", errors="replace") if path is not None and how == "text" else None
    title = next((line.strip() for line in (original or document.text.text).splitlines() if line.strip()), document.source)
    return SourceDocument(
        id=document.source, kind="article", title=normalize_annotated_text(title[:80]).text,
        file=path.resolve() if path is not None else None, sha256=hashlib.sha256(data).hexdigest(),
        note=_note(how, published.get(document.source, (None, None))[1]),
        published=published.get(document.source, (None, None))[0],
        learned=published.get(document.source + "#learned", (None, None))[0] or learned_date(path),
    )


def _relations(document: ExtractedDocument, origin: Origin, uncoded: set[str], resolution: Resolution,
               reviewed_keys: set[tuple[str, str, str]], decisions: Decisions) -> dict[str, Relation]:
    """The document's relations between resolved ids, less the rejected and the reviewed ones, by review id."""
    names = {e.id: e.name for e in document.entities}
    # two names resolved to one entity (安踏 and 安踏体育用品有限公司) may state one fact twice: keep the surest
    kept: dict[tuple[str, str, str], tuple[str, Relation]] = {}
    for relation in document.relations:
        if relation.subject in uncoded or relation.object in uncoded:
            continue
        subject = resolution.ids.get(relation.subject, relation.subject)
        object_ = resolution.ids.get(relation.object, relation.object)
        key = (subject, relation.predicate, object_)
        evidence = _with_plain_text(relation.evidence) if relation.evidence is not None else None
        sentence = relation.evidence.quote if relation.evidence is not None else ""
        reviewed_id = fact_id(document.source, names.get(relation.subject, relation.subject), relation.predicate,
                              names.get(relation.object, relation.object), sentence)
        if reviewed_id in decisions.rejected:
            continue  # a person rejected it: never again from this sentence
        accepted = reviewed_id in decisions.accepted
        if key in reviewed_keys or (not accepted and key in kept and kept[key][1].confidence >= relation.confidence):
            continue
        relation = replace(relation, subject=subject, object=object_, evidence=evidence, origin=origin)
        if accepted:  # a person checked it: certain, and reviewed
            relation = replace(relation, method="reviewed", confidence=Decimal(1))
        kept[key] = (reviewed_id, relation)
    return dict(kept.values())


def _note(how: str, dated_by: str | None) -> str:
    dated = {"user": "; date given by the user", "manifest": f"; date from {DATES_MANIFEST}",
             "dateline": "; date from its dateline"}.get(dated_by or "", "; no date found (its facts are undated)")
    return f"facts extracted by chainkg rules ({how}){dated}"


def article_date(path: Path, text: str, dates: dict[str, str] | None = None) -> tuple[str | None, str | None, str | None]:
    """(published, how it was found: ``user`` / ``manifest`` / ``dateline``, learned) for one article.

    ``dates``: the user's dates by file name or path (``--date FILE=DATE``); then the
    ``dates.csv`` in the article's folder; then a dateline in its first lines.
    """
    dates = dates or {}
    for key in (str(path), path.name, str(path.resolve())):
        if key in dates:
            return dates[key], "user", None
    manifest = _manifest(path.parent.resolve())
    if path.name in manifest and manifest[path.name][0] is not None:
        return manifest[path.name][0], "manifest", manifest[path.name][1]
    found = document_date(normalize_annotated_text(text[:2000]).text)
    learned = manifest[path.name][1] if path.name in manifest else None
    return (found.isoformat(), "dateline", learned) if found else (None, None, learned)


@lru_cache(maxsize=64)
def _manifest(folder: Path) -> dict[str, tuple[str | None, str | None]]:
    path = folder / DATES_MANIFEST
    return read_dates_manifest(path) if path.is_file() else {}


def load_articles(paths: Iterable[str | Path], reviewed: FactSet | None = None, dates: dict[str, str] | None = None,
                  decisions: Decisions | None = None) -> FactSet:
    """Extract every article file (or folder of them) into one resolved fact set, dated (see the module)."""
    return load_articles_report(paths, reviewed, dates, decisions).facts


def load_articles_report(paths: Iterable[str | Path], reviewed: FactSet | None = None,
                         dates: dict[str, str] | None = None, decisions: Decisions | None = None,
                         workers: int | None = None) -> ArticleLoad:
    """:func:`load_articles`, also returning how the entities were resolved. ``workers``:
    processes extracting at once (``loaders.batch.extract_many``; None: its default)."""
    from datetime import date

    _manifest.cache_clear()  # a dates.csv edited since the last load
    jobs, read = [], []
    published: dict[str, tuple[str | None, str | None]] = {}
    for path in expand_sources(paths).articles:
        text, how = read_article(path)
        day, dated_by, learned = article_date(path, text, dates)
        source = source_id(path)
        published[source] = (day, dated_by)
        if learned:
            published[source + "#learned"] = (learned, "manifest")
        # 昨日 / 去年 in the extractor's figures resolve against a day-precise date only
        anchor = date.fromisoformat(day) if day and len(day) == 10 else None
        jobs.append(ArticleJob(text, source, anchor))
        read.append((path if how == "text" else None, how))
    documents = [(document, *how) for document, how in zip(extract_many(jobs, workers), read, strict=True)]
    return resolve_documents(documents, reviewed, published, decisions)
