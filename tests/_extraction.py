"""Helpers the extraction tests share: a corpus article extracted once, its facts by name."""

from functools import cache

from chainkg.loaders.extract import ExtractedDocument, extract_text

from _paths import CORPUS


@cache
def corpus_document(prefix: str) -> ExtractedDocument:
    """The corpus article whose file name starts with ``prefix`` + ``_``, extracted (once per run)."""
    [path] = CORPUS.glob(f"{prefix}_*.txt")
    return extract_text(path.read_text(encoding="utf-8"), source=path.stem)


def facts(document: ExtractedDocument) -> set[tuple[str, str, str]]:
    """Every relation as (subject name, property, object name)."""
    return {(document.entity(r.subject).name, r.predicate, document.entity(r.object).name) for r in document.relations}


def relation(document: ExtractedDocument, subject: str, predicate: str, object_: str):
    """The relation between two entities named so (StopIteration when there is none)."""
    return next(r for r in document.relations if r.predicate == predicate
                and document.entity(r.subject).name == subject and document.entity(r.object).name == object_)
