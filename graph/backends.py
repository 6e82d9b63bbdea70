"""Backends by kind: the writers that take a fact set into one store or format.

Every backend is a thin writer over :mod:`chainkg.graph.mapping` (the one mapping from records
to backend terms). Each is registered under a kind name with the module and attribute that
implement it, imported only when first used — the way rdflib registers its parsers and
serializers (``rdflib.plugin.register(name, kind, module_path, class_name)``). A new backend is
one module plus one :func:`register_backend` line; the parity tests run every registered one.

Example
-------
>>> from chainkg.graph.build import load_facts
>>> kg = backend("networkx")(load_facts())
>>> kg.number_of_edges() > 100
True
>>> "rdf" in backend_kinds() and "neo4j-rows" in backend_kinds()
True
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from chainkg.errors import ChainKGError

__all__ = ["Backend", "register_backend", "backend", "backend_kinds"]


@dataclass(frozen=True)
class Backend:
    """A writer from a ``FactSet``: ``module.attribute(facts, **options)``."""

    kind: str
    module: str
    attribute: str
    description: str

    def load(self) -> Callable[..., Any]:
        found: Any = importlib.import_module(self.module)
        for part in self.attribute.split("."):
            found = getattr(found, part)
        return found


_BACKENDS: dict[str, Backend] = {}


def register_backend(kind: str, module: str, attribute: str, description: str) -> None:
    """Register (or replace) the writer for ``kind``."""
    _BACKENDS[kind] = Backend(kind, module, attribute, description)


def backend(kind: str) -> Callable[..., Any]:
    """The writer registered for ``kind``."""
    if kind not in _BACKENDS:
        raise ChainKGError(f"no backend {kind!r}; known: {', '.join(sorted(_BACKENDS))}")
    return _BACKENDS[kind].load()


def backend_kinds() -> list[str]:
    """The kinds registered so far (``compact`` once ``chainkg.analyses`` is imported)."""
    return sorted(_BACKENDS)


register_backend("rdf", "chainkg.graph.rdf", "facts_to_dataset", "an rdflib Dataset, a named graph per source")
register_backend("ntriples", "chainkg.graph.streaming", "write_ntriples",
                 "N-Triples or N-Quads streamed to a file (facts, path)")
register_backend("neo4j-rows", "chainkg.graph.neo4j_codec", "facts_to_rows",
                 "Neo4j node and relationship rows, for Neo4jStore.load or neo4j-admin import")
register_backend("networkx", "chainkg.graph.streaming", "facts_to_networkx", "the analysis graph as a networkx MultiDiGraph")
