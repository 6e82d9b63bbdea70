"""Articles in, facts with provenance out: read text or HTML, extract, resolve, make records.

- **Reading**: ``.txt`` as UTF-8 (else UTF-16, GB 18030 or Big5, detected); ``.html`` through trafilatura, a
  maintained main-text extractor (menus, footers and scripts dropped). For HTML the offsets
  of evidence index the extracted main text, which is what the source document records.
- **Resolution** within and across documents: names and short forms from the gazetteers
  (晋江 = 晋江市, 台商区 = 泉州台商投资区), a park's name without its place prefix (甲乙智能装备产业园
  = 晋江市甲乙智能装备产业园), brand abbreviations (甲纸 = 甲乙纸业: same first character, the
  short name's characters in order in the long one), and — when reviewed facts are given —
  the reviewed entities' names and aliases, whose ids and names then win.
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
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from chainkg.errors import SourceError
from chainkg.loaders.dates import DATES_MANIFEST, date_facts, document_date, learned_date, read_dates_manifest
from chainkg.loaders.extract import ExtractedDocument, extract_text
from chainkg.loaders.gazetteer import chain_gazetteer
from chainkg.loaders.records import FactSet, Origin, Relation, SourceDocument, TextSpan
from chainkg.loaders.sources import ARTICLE_SUFFIXES, expand_sources
from chainkg.loaders.text import MAX_ARTICLE_BYTES, decode_source, normalize_annotated_text, read_source_file
from chainkg.text import normalize_name

__all__ = ["ARTICLE_SUFFIXES", "read_article", "extract_file", "documents_to_facts", "load_articles", "is_abbreviation",
           "article_date"]

_KIND = {"Company": "organization", "ResearchInstitute": "organization", "GovernmentBody": "organization",
         "Association": "organization", "StockExchange": "organization", "IndustrialPark": "park",
         "DevelopmentZone": "zone", "AdministrativeArea": "place", "Project": "project"}


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
    return extract_text(text, source=_source_id(Path(path)), document_date=document_date)


def _source_id(path: Path) -> str:
    return re.sub(r"[^A-Za-z0-9_.\-]", "_", path.stem) + ".extracted"


def is_abbreviation(short: str, long: str) -> bool:
    """玖纸 abbreviates 玖龙纸业: same first character, its characters in order in the long name.

    >>> is_abbreviation("玖纸", "玖龙纸业"), is_abbreviation("纸业", "玖龙纸业"), is_abbreviation("九牧", "九牧")
    (True, False, False)
    """
    if not 2 <= len(short) <= 3 or len(short) >= len(long) or short[0] != long[0]:
        return False
    position = 0
    for ch in short:
        position = long.find(ch, position)
        if position < 0:
            return False
        position += 1
    return True


class _Resolver:
    """Decides which extracted entities are the same thing, across documents and reviewed facts."""

    def __init__(self, reviewed: FactSet | None):
        self.by_name: dict[tuple[str, str], str] = {}
        self.names: dict[str, set[str]] = {}
        self.kinds: dict[str, str] = {}
        if reviewed is not None:
            for entity in reviewed.entities.values():
                self._remember(entity.id, _KIND.get(entity.types[0], entity.types[0]), (entity.name, *entity.aliases))

    def _remember(self, entity_id: str, kind: str, names) -> None:
        self.kinds[entity_id] = kind
        for name in names:
            key = (kind, normalize_name(name))
            self.by_name.setdefault(key, entity_id)
            self.names.setdefault(entity_id, set()).add(name)

    def resolve(self, entity_id: str, kind: str, names: list[str]) -> str:
        for name in names:
            found = self.by_name.get((kind, normalize_name(name)))
            if found:
                self._remember(found, kind, names)
                return found
        if kind == "organization":
            for other_id, other_names in self.names.items():
                if self.kinds.get(other_id) != kind:
                    continue
                if any(is_abbreviation(a, b) or is_abbreviation(b, a) for a in names for b in other_names):
                    self._remember(other_id, kind, names)
                    return other_id
        self._remember(entity_id, kind, names)
        return entity_id


@lru_cache(maxsize=1)
def _template_chain_ids() -> frozenset[str]:
    return frozenset(entry.chain for entry in chain_gazetteer().values())


def _with_plain_text(span: TextSpan) -> TextSpan:
    """The span with its quote as plain simplified text (annotations removed), for display."""
    return replace(span, plain_text=normalize_annotated_text(span.quote).text)


def documents_to_facts(documents: Iterable[tuple[ExtractedDocument, Path | None, str]],
                       reviewed: FactSet | None = None, published: dict[str, tuple[str | None, str | None]] | None = None,
                       ) -> FactSet:
    """Records from extracted documents, resolved against each other and the reviewed facts.

    Reviewed facts win: a resolved entity keeps its reviewed id and name, and an extracted
    relation that a reviewed one already states is left out. ``published``: source id →
    (the article's date, how it was found), dating its facts (:func:`~chainkg.loaders.dates.date_facts`).
    """
    published = published or {}
    resolver = _Resolver(reviewed)
    reviewed_keys = {r.key for r in reviewed.relations} if reviewed else set()
    facts = FactSet()
    for document, path, how in documents:
        data = path.read_bytes() if path is not None and how == "text" else document.text.text.encode("utf-8")
        original = path.read_text(encoding="utf-8", errors="replace") if path is not None and how == "text" else None
        title = next((line.strip() for line in (original or document.text.text).splitlines() if line.strip()), document.source)
        facts.sources[document.source] = SourceDocument(
            id=document.source, kind="article", title=normalize_annotated_text(title[:80]).text,
            file=path.resolve() if path is not None else None, sha256=hashlib.sha256(data).hexdigest(),
            note=_note(how, published.get(document.source, (None, None))[1]),
            published=published.get(document.source, (None, None))[0],
            learned=published.get(document.source + "#learned", (None, None))[0] or learned_date(path),
        )
        origin = Origin(str(path or document.source))
        ids = {}
        uncoded = set()  # a town the division table lacks has no GB/T 2260 code, which every area in the graph carries
        for entity in document.entities:
            kind = _KIND.get(entity.type)
            if entity.type == "AdministrativeArea" and entity.division_code is None:
                uncoded.add(entity.id)
                continue
            if kind is None:
                ids[entity.id] = entity.id  # chains keep their ontology ids
                if entity.type == "IndustrialChain" and entity.id not in _template_chain_ids():
                    # a chain the text names that no template lists: its record comes from the article
                    facts.merge(FactSet(entities={entity.id: replace(
                        entity, evidence=tuple(_with_plain_text(m) for m in entity.evidence[:3]), origin=origin)}))
                continue
            resolved = resolver.resolve(entity.id, kind, [entity.name, *entity.aliases])
            ids[entity.id] = resolved
            if reviewed is not None and resolved in reviewed.entities:
                continue  # the reviewed entity stands as written
            record = replace(entity, id=resolved, evidence=tuple(_with_plain_text(m) for m in entity.evidence[:3]),
                             origin=origin)
            facts.merge(FactSet(entities={resolved: record}))
        # two names resolved to one entity (安踏 and 安踏体育用品有限公司) may state one fact twice: keep the surest
        kept: dict[tuple[str, str, str], Relation] = {}
        for relation in document.relations:
            if relation.subject in uncoded or relation.object in uncoded:
                continue
            subject, object_ = ids.get(relation.subject, relation.subject), ids.get(relation.object, relation.object)
            key = (subject, relation.predicate, object_)
            if key in reviewed_keys or (key in kept and kept[key].confidence >= relation.confidence):
                continue
            evidence = _with_plain_text(relation.evidence) if relation.evidence is not None else None
            kept[key] = replace(relation, subject=subject, object=object_, evidence=evidence, origin=origin)
        facts.relations.extend(kept.values())
    return date_facts(facts)


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


def load_articles(paths: Iterable[str | Path], reviewed: FactSet | None = None, dates: dict[str, str] | None = None) -> FactSet:
    """Extract every article file (or folder of them) into one resolved fact set, dated (see the module)."""
    from datetime import date

    _manifest.cache_clear()  # a dates.csv edited since the last load
    documents = []
    published: dict[str, tuple[str | None, str | None]] = {}
    for path in expand_sources(paths).articles:
        text, how = read_article(path)
        day, dated_by, learned = article_date(path, text, dates)
        source = _source_id(path)
        published[source] = (day, dated_by)
        if learned:
            published[source + "#learned"] = (learned, "manifest")
        # 昨日 / 去年 in the extractor's figures resolve against a day-precise date only
        anchor = date.fromisoformat(day) if day and len(day) == 10 else None
        documents.append((extract_text(text, source=source, document_date=anchor), path if how == "text" else None, how))
    return documents_to_facts(documents, reviewed, published)
