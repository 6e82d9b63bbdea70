"""Pick the engine for a graph: networkx in memory, or Cypher in Neo4j."""

from __future__ import annotations

import networkx as nx

from chainkg.analyses.rows import ChainGraph

__all__ = ["as_chain_graph"]


def as_chain_graph(kg) -> ChainGraph:
    """Wrap ``kg`` in the engine that answers from it.

    ``kg`` may be a networkx ``MultiDiGraph`` (the embedded engine), a
    :class:`~chainkg.graph.neo4j_store.Neo4jStore` (the Cypher engine) or an engine already.

    >>> as_chain_graph(nx.MultiDiGraph()).engine
    'embedded'
    """
    if isinstance(kg, nx.MultiDiGraph):
        from chainkg.analyses.embedded import EmbeddedGraph

        return EmbeddedGraph(kg)
    if hasattr(kg, "chain_segments"):
        return kg
    from chainkg.graph.neo4j_store import Neo4jStore

    if isinstance(kg, Neo4jStore):
        from chainkg.analyses.cypher import CypherGraph

        return CypherGraph(kg)
    raise TypeError(f"cannot analyse a {type(kg).__name__}: give a networkx MultiDiGraph or a Neo4jStore")
