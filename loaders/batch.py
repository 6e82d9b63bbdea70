"""Many articles at once: one extracting process per core, the documents in the input's order.

Extraction reads one article at a time on one core (the lexical model's session is held to one
thread, ``loaders/lexical.py``); a folder of thousands of articles is spread over processes
instead, each with its own model and gazetteers. An article's document does not depend on
which process read it or on the other articles, so the output is the same at any number of
workers (``tests/test_batch.py``). Starting a worker costs about a second (imports, the model,
the gazetteers), so small batches stay in this process; a progress bar shows on a terminal.

Example
-------
>>> from chainkg.loaders.batch import ArticleJob, extract_many
>>> [d.source for d in extract_many([ArticleJob("甲乙市引进丙丁物流。", "a"), ArticleJob("无。", "b")])]
['a', 'b']
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date

from chainkg.loaders.extract import ExtractedDocument, extract_text

__all__ = ["ArticleJob", "extract_many", "usable_cores", "PARALLEL_FROM"]

#: Fewer articles than this are extracted in this process when the caller does not say how
#: many workers: below it, starting the workers costs more than they save.
PARALLEL_FROM = 60


@dataclass(frozen=True)
class ArticleJob:
    """One article to extract: its text, its source id and the date 昨日 / 去年 resolve against."""

    text: str
    source: str
    document_date: date | None = None


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity where the system tells, else all)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # (not on every system)
        return os.cpu_count() or 1


def _extract(job: ArticleJob) -> ExtractedDocument:
    return extract_text(job.text, source=job.source, document_date=job.document_date)


def extract_many(jobs: Sequence[ArticleJob], workers: int | None = None, progress: bool | None = None) -> list[ExtractedDocument]:
    """Extract every job's article, in order. ``workers``: processes to use (1: this process
    only; None: every usable core when there are at least :data:`PARALLEL_FROM` articles).
    ``progress``: a bar on standard error (None: only on a terminal)."""
    from tqdm import tqdm

    if workers is None:
        workers = usable_cores() if len(jobs) >= PARALLEL_FROM else 1
    workers = max(1, min(workers, len(jobs)))
    bar = tqdm(total=len(jobs), unit="article", desc="extracting", leave=False,
               disable={True: False, False: True, None: None}[progress])
    with bar:
        if workers == 1:
            documents = []
            for job in jobs:
                documents.append(_extract(job))
                bar.update()
            return documents
        # spawned, not forked: the parent may hold a model session and its threads
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            documents = []
            for document in pool.map(_extract, jobs, chunksize=max(1, min(16, len(jobs) // (workers * 8)))):
                documents.append(document)
                bar.update()
            return documents
