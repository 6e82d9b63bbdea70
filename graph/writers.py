"""Write a Dataset to files — atomically, and the same bytes for the same graph.

Outputs go to a staging folder inside ``out`` and are moved in only once every one of them
has been written, so a failure half-way leaves the earlier outputs as they were. A staging
folder a killed build left behind is removed by the next build into the same folder.

Every serialization is in a canonical order, so two builds of the same sources give
byte-identical files whatever order the triples reached the store in (Python's string
hashing changes set order from one run to the next): N-Triples lines sorted by code point,
JSON-LD nodes sorted by ``@id`` and every value list sorted, TriG's named graphs sorted by
name. rdflib already writes Turtle with sorted subjects, predicates and objects.

Example
-------
>>> from rdflib import Graph, Literal, URIRef
>>> graph = Graph()
>>> for letter in "cab":
...     _ = graph.add((URIRef(f"urn:x:{letter}"), URIRef("urn:x:p"), Literal(letter)))
>>> print(sorted_ntriples(graph), end="")
<urn:x:a> <urn:x:p> "a" .
<urn:x:b> <urn:x:p> "b" .
<urn:x:c> <urn:x:p> "c" .
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph
from rdflib.plugins.serializers.trig import TrigSerializer

from chainkg.graph.rdf import PREFIXES, union_graph

__all__ = ["JSONLD_CONTEXT", "STAGING_PREFIX", "FileWriter", "write_outputs", "serialize_graph_files",
           "sorted_ntriples", "sorted_jsonld", "remove_stale_staging"]

#: Writes one output file at the path it is given; what it returns is ignored (rdflib's
#: ``serialize`` returns the graph, for one).
FileWriter = Callable[[Path], object]

#: The JSON-LD context written into graph.jsonld: our prefixes, so keys read ``skos:prefLabel``.
JSONLD_CONTEXT = dict(PREFIXES)

#: Staging folders in ``out`` start with this; the lock file inside says whether a build still owns one.
STAGING_PREFIX = ".staging-"
_LOCK = ".lock"


def sorted_ntriples(graph: Graph) -> str:
    """``graph`` as N-Triples, one line per triple, lines in code-point order (canonical order)."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    # split on "\n" only: str.splitlines would also split inside literals on U+2028, U+0085, …
    lines = [line for line in text.split("\n") if line]
    return "".join(line + "\n" for line in sorted(lines))


def _json_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _sorted_node(value: Any) -> Any:
    """A JSON-LD value with every unordered array sorted (``@list`` arrays keep their order)."""
    if isinstance(value, dict):
        return {key: (_sorted_node(item) if key != "@list" else [_sorted_node(v) for v in item])
                for key, item in sorted(value.items())}
    if isinstance(value, list):
        return sorted((_sorted_node(item) for item in value), key=_json_key)
    return value


def sorted_jsonld(text: str) -> str:
    """A JSON-LD document (as rdflib writes it) with its nodes sorted by ``@id`` and its
    arrays and keys sorted — the same graph, in one order.

    >>> print(sorted_jsonld('{"@graph": [{"@id": "b", "p": [2, 1]}, {"@id": "a"}]}'))
    {
      "@graph": [
        {
          "@id": "a"
        },
        {
          "@id": "b",
          "p": [
            1,
            2
          ]
        }
      ]
    }
    """
    return json.dumps(_sorted_node(json.loads(text)), indent=2, ensure_ascii=False)


class _SortedTrigSerializer(TrigSerializer):
    """rdflib's TriG writer with the named graphs in the order of their names (rdflib takes
    them in the store's set order); inside each graph it sorts as its Turtle writer does."""

    def __init__(self, store: Graph):
        super().__init__(store)
        self.contexts.sort(key=lambda context: str(context.identifier))


def _write_trig(dataset: Dataset, path: Path) -> None:
    with open(path, "wb") as handle:
        _SortedTrigSerializer(dataset).serialize(handle, encoding="utf-8")


def serialize_graph_files(dataset: Dataset) -> dict[str, FileWriter]:
    """Writers for graph.ttl, graph.nt, graph.jsonld (union of all sources) and graph.trig."""
    union = union_graph(dataset)

    def jsonld(path: Path) -> None:
        text = union.serialize(format="json-ld", context=JSONLD_CONTEXT, ensure_ascii=False)
        path.write_text(sorted_jsonld(text), encoding="utf-8")

    return {
        "graph.ttl": lambda path: union.serialize(path, format="turtle", encoding="utf-8"),
        "graph.nt": lambda path: path.write_text(sorted_ntriples(union), encoding="utf-8"),
        "graph.jsonld": jsonld,
        "graph.trig": lambda path: _write_trig(dataset, path),
    }


def _locked(folder: Path) -> bool:
    """Whether a live build holds ``folder``'s lock (the kernel drops the lock when it dies)."""
    try:
        import fcntl
    except ImportError:  # no flock (Windows): a staging folder found at start counts as stale
        return False
    try:
        handle = open(folder / _LOCK, "a")
    except OSError:
        return False
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return True
        fcntl.flock(handle, fcntl.LOCK_UN)
        return False


def remove_stale_staging(out_dir: str | Path) -> list[Path]:
    """Remove the staging folders in ``out_dir`` that no running build owns (a build killed
    with SIGKILL leaves its own behind). Returns those removed.

    >>> import tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp())
    >>> (out / ".staging-left-by-a-kill").mkdir()
    >>> [p.name for p in remove_stale_staging(out)]
    ['.staging-left-by-a-kill']
    """
    removed = []
    for folder in sorted(Path(out_dir).glob(STAGING_PREFIX + "*")):
        if folder.is_dir() and not folder.is_symlink() and not _locked(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


@contextmanager
def _staging_folder(out: Path) -> Iterator[Path]:
    """A new staging folder in ``out``, locked while it lives, removed however the block ends
    — also on SIGTERM, which would otherwise end the process without running ``finally``."""
    staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=out))
    lock = open(staging / _LOCK, "w")
    try:
        try:
            import fcntl

            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:
            pass
        with _sigterm_as_exit():
            yield staging
    finally:
        lock.close()
        shutil.rmtree(staging, ignore_errors=True)


@contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """Turn SIGTERM into ``SystemExit(143)`` for the block (main thread only: Python lets only
    it set handlers), so the staging folder is cleaned up; the old handler comes back after."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def exit_on_sigterm(signum, frame):
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, exit_on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_outputs(out_dir: str | Path, writers: dict[str, FileWriter]) -> list[Path]:
    """Run each writer into a staging folder, then move all results into ``out_dir``.

    Staging folders that earlier, killed builds left in ``out_dir`` are removed first.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(out)
    with _staging_folder(out) as staging:
        for name, write in writers.items():
            (staging / name).parent.mkdir(parents=True, exist_ok=True)
            write(staging / name)
        written = []
        for name in writers:
            target = out / name
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, target)
            written.append(target)
        return written
