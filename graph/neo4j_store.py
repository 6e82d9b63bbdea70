"""Our one module that talks to the Neo4j driver: connect, load, read back, search.

Loads are idempotent and resumable: the schema comes first (a uniqueness constraint on the
``iri`` of ``Entity``, ``SourceDocument``, ``Observation`` and ``NamedGraph`` nodes, a range
index on ``Name.value``, a ``cjk`` full-text index over names and aliases), then batches of
``UNWIND $rows AS row CREATE …`` into an empty database or ``MERGE …`` into one that has
chainkg nodes already, each batch its own transaction. Re-running a load — after
it finished, or after it was killed half-way — ends with exactly the counts of one clean
load. Values always travel as parameters; labels and relationship types are spliced into
Cypher only after being checked against the ontology.

Example
-------
>>> from chainkg.settings import Neo4jSettings
>>> settings = Neo4jSettings("bolt://127.0.0.1:7687", "neo4j", "…")      # doctest: +SKIP
>>> with connect(settings) as store:                                     # doctest: +SKIP
...     store.load(*rdf_to_rows(graph))
...     store.search("九牧")
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import partial

from chainkg.errors import ChainKGError
from chainkg.graph.mapping import NAME_LABEL, NAMES_TYPE, REF_ENTITY_TYPE
from chainkg.graph.neo4j_codec import ENTITY_LABEL, STORAGE_LABELS, NodeRow, RelationshipRow
from chainkg.ontology import CLASSES, RELATIONS
from chainkg.settings import Neo4jSettings

__all__ = ["Neo4jStore", "LoadReport", "LoadChanges", "Written", "connect", "driver_config", "FULLTEXT_INDEX", "NAME_INDEX",
           "DEFAULT_BATCH_SIZE", "HELPER_LABEL"]

FULLTEXT_INDEX = "entity_names"
#: The range index on ``Name.value``: ``MATCH (:Name {value: $x})-[:NAMES]->(n)`` is an index seek.
NAME_INDEX = "name_value"
DEFAULT_BATCH_SIZE = 10_000  # rows per transaction; with two in flight, smaller batches pipeline better than 20k
#: Transactions in flight during a load: the server writes two batches on two cores while
#: the client packs the next.
DEFAULT_WORKERS = 2
_ALLOWED_LABELS = frozenset(CLASSES) | set(STORAGE_LABELS)
_ALLOWED_TYPES = frozenset(term.neo4j_type for term in RELATIONS.values()) | {REF_ENTITY_TYPE}
#: Every label whose nodes chainkg writes, deletes and reads back (Name nodes are derived).
_OWN_LABELS = "|".join((*STORAGE_LABELS, NAME_LABEL))
#: The one label of every node chainkg keeps for itself, not as data (the gap questions' entry
#: counts and their stamp). Neo4j Community has a single user database, so helper data cannot
#: live in a database of its own: it carries this label and no other, and an app that lists
#: nodes or labels leaves it out (``MATCH (n) WHERE NOT n:_ChainkgIndex``; ``db.labels()``
#: minus the labels starting with ``_``). Never exported, never read back as data.
HELPER_LABEL = "_ChainkgIndex"

#: How long the driver tries before a lost server is an error. The defaults (30 s of retries per
#: transaction, 30 s to open a connection, 60 s to get one from the pool) make a server that
#: died mid-load a minute of retries and warnings; a local or LAN server answers in well under
#: a second, and a batch that fails is safe to rerun (loads are idempotent).
MAX_RETRY_SECONDS = 3.0
CONNECTION_TIMEOUT_SECONDS = 3.0
ACQUISITION_TIMEOUT_SECONDS = 5.0


def driver_config(*, verbose: bool = False) -> dict:
    """Keyword arguments for ``GraphDatabase.driver``: bounded retries and timeouts, and the
    server's notifications (an index that does not exist yet, …) off unless ``verbose``.

    >>> driver_config()["notifications_min_severity"], driver_config(verbose=True)["notifications_min_severity"]
    ('OFF', None)
    """
    return {
        "max_transaction_retry_time": MAX_RETRY_SECONDS,
        "connection_timeout": CONNECTION_TIMEOUT_SECONDS,
        "connection_acquisition_timeout": ACQUISITION_TIMEOUT_SECONDS,
        "notifications_min_severity": None if verbose else "OFF",  # None: the server's default
        "warn_notification_severity": "OFF",  # verbose shows them once, through the log (below)
    }


def _driver_logging(verbose: bool) -> None:
    """The driver logs retries and lost connections as warnings, and Python prints a warning of
    a logger with no handler on stderr: a lost server was 25 lines. Quiet unless ``verbose``;
    an application that configures logging still gets them through its own handlers."""
    import logging

    logger = logging.getLogger("neo4j")
    for old in list(logger.handlers):
        if getattr(old, "_chainkg", False):
            logger.removeHandler(old)
    handler: logging.Handler = logging.StreamHandler() if verbose else logging.NullHandler()
    handler._chainkg = True  # type: ignore[attr-defined]
    logger.setLevel(logging.INFO if verbose else logging.NOTSET)
    logger.addHandler(handler)


_SCHEMA = (
    *(f"CREATE CONSTRAINT {label.lower()}_iri IF NOT EXISTS FOR (n:{label}) REQUIRE n.iri IS UNIQUE"
      if label != ENTITY_LABEL else
      f"CREATE CONSTRAINT entity_iri IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.iri IS UNIQUE"
      for label in STORAGE_LABELS),
    f"CREATE INDEX {NAME_INDEX} IF NOT EXISTS FOR (n:{NAME_LABEL}) ON (n.value)",
    f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS FOR (n:{ENTITY_LABEL}) "
    "ON EACH [n.name, n.nameEn, n.aliases, n.aliasesEn] "
    "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
)


@dataclass(frozen=True)
class Written:
    """How a load changed one node or relationship that it wrote.

    ``created``: it did not exist before. Else ``before`` holds the old value of every property
    whose value the load changed (``None``: the property was absent), and for a node whose labels
    grew, ``"labels"`` → its old labels.
    """

    created: bool
    before: dict = field(default_factory=dict)


@dataclass(frozen=True)
class LoadChanges:
    """What a load into a database that held chainkg nodes created or changed (rows it wrote
    again unchanged are left out): nodes by IRI, relationships by (start IRI, type, end IRI).

    Derived data kept in the database (the gap questions' entry counts) is brought up to date
    from this alone, instead of being recomputed over the whole graph.
    """

    nodes: dict[str, Written] = field(default_factory=dict)
    relationships: dict[tuple[str, str, str], Written] = field(default_factory=dict)


@dataclass(frozen=True)
class LoadReport:
    nodes: int
    relationships: int
    batches: int
    seconds: float
    #: what changed, or None after a first load into a database with no chainkg nodes (everything is new)
    changes: LoadChanges | None = None


# The properties whose value a MERGE changed, each with its old value: [[key, old value], …].
# ``before`` is the item's properties before the write (null if it did not exist).
_CHANGED_KEYS = ("CASE WHEN before IS NULL THEN [] ELSE "
                 "[key IN keys(before) + [k IN keys({item}) WHERE NOT k IN keys(before)] "
                 "WHERE before[key] IS NULL OR {item}[key] IS NULL OR before[key] <> {item}[key] | [key, before[key]]] END")


def _written(created: bool, changed: list, old_labels: list | None) -> Written | None:
    """A row's change as the MERGE statements return it, or None if the write changed nothing."""
    if created:
        return Written(True)
    before = {key: value for key, value in changed}
    if old_labels is not None:
        before["labels"] = sorted(old_labels)
    return Written(False, before) if before else None


def _batches(rows: Sequence, size: int) -> Iterator[Sequence]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


def _label_clause(labels: Iterable[str]) -> str:
    labels = sorted(set(labels))
    unknown = [label for label in labels if label not in _ALLOWED_LABELS]
    if unknown:
        raise ChainKGError(f"refusing labels not in the ontology: {unknown}")
    return "".join(f":`{label}`" for label in labels)


def _relationship_type(name: str) -> str:
    if name not in _ALLOWED_TYPES:
        raise ChainKGError(f"refusing relationship type not in the ontology: {name!r}")
    return name


def _translate(error: Exception, settings: Neo4jSettings) -> ChainKGError:
    from neo4j.exceptions import AuthError, ClientError, ServiceUnavailable

    if isinstance(error, AuthError):
        return ChainKGError(f"Neo4j at {settings.uri} refused user {settings.user!r}: wrong user or password")
    if isinstance(error, ServiceUnavailable):
        return ChainKGError(f"cannot reach Neo4j at {settings.uri}: is the server running? ({type(error).__name__})")
    if isinstance(error, ClientError) and "DatabaseNotFound" in (error.code or ""):
        return ChainKGError(f"database {settings.database!r} does not exist on {settings.uri}")
    if isinstance(error, ValueError) and "URI" in str(error):
        return ChainKGError(f"not a Neo4j URI: {settings.uri!r} (expected e.g. bolt://127.0.0.1:7687)")
    return ChainKGError(f"Neo4j at {settings.uri}: {str(error).splitlines()[0] if str(error) else type(error).__name__}")


class Neo4jStore:
    """A connection to one database; use through :func:`connect`."""

    def __init__(self, settings: Neo4jSettings, *, verbose: bool = False):
        from neo4j import GraphDatabase

        self.settings = settings
        _driver_logging(verbose)
        try:
            self._driver = GraphDatabase.driver(settings.uri, auth=(settings.user, settings.password),
                                                **driver_config(verbose=verbose))
            self._driver.verify_connectivity()
            self.run("RETURN 1")
        except ChainKGError:
            raise
        except Exception as error:
            self.close()
            raise _translate(error, settings) from None

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()

    def __enter__(self) -> Neo4jStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def run(self, cypher: str, **parameters) -> list[dict]:
        """Run one query (values as parameters) and return its records as dicts."""
        try:
            records, _, _ = self._driver.execute_query(cypher, parameters, database_=self.settings.database)
        except Exception as error:
            raise _translate(error, self.settings) from None
        return [record.data() for record in records]

    def rows(self, cypher: str, **parameters) -> list[dict]:
        """:meth:`run` for a query that returns plain values only (no nodes, relationships or
        paths): each record's dict built straight from its values, several times faster than
        ``Record.data()`` (17,631 rows of entries: 0.14 s against 1.03 s), which the analyses'
        larger answers (every outside firm of a chain at 1M firms) spent most of their time in.
        """
        try:
            records, _, keys = self._driver.execute_query(cypher, parameters, database_=self.settings.database)
        except Exception as error:
            raise _translate(error, self.settings) from None
        return [dict(zip(keys, record.values(), strict=True)) for record in records]

    def _write(self, cypher: str, rows: Sequence[dict]) -> list[list]:
        """Run ``cypher`` over ``rows`` in one write transaction; return its records as value lists."""
        def work(tx):
            return [record.values() for record in tx.run(cypher, rows=list(rows))]

        try:
            with self._driver.session(database=self.settings.database) as session:
                return session.execute_write(work)
        except Exception as error:
            raise _translate(error, self.settings) from None

    def _element_ids(self, iris: Sequence[str]) -> dict[str, str]:
        """Element ids of the chainkg nodes with these IRIs (those that exist)."""
        found = {}
        for label in STORAGE_LABELS:  # one index seek per label (a label-free match would scan)
            for batch in _batches(list(iris), DEFAULT_BATCH_SIZE):
                found.update(self.run(f"UNWIND $iris AS iri MATCH (n:{label} {{iri: iri}}) "
                                      "RETURN collect([iri, elementId(n)]) AS pairs", iris=batch)[0]["pairs"])
        return found

    def ensure_schema(self, *, wait: bool = True, names: bool = True) -> None:
        """Constraints and indexes (idempotent); waits until they are online unless ``wait`` is False.

        ``names`` also gives every entity that has none its ``Name`` nodes (a graph written by
        ``neo4j-admin import`` has only the ``names`` lists); a load writes them itself.
        """
        for statement in _SCHEMA:
            self.run(statement)
        if wait:
            self.run("CALL db.awaitIndexes(300)")
        if names:
            # One pass, ten thousand entities a transaction (CALL … IN TRANSACTIONS needs an
            # auto-commit query): a loop of LIMIT-ed queries rescanned the named ones every time,
            # 433 s at a million entities. Killed half-way, a rerun names only those still lacking.
            try:
                with self._driver.session(database=self.settings.database) as session:
                    session.run(f"MATCH (n:{ENTITY_LABEL}) WHERE n.names IS NOT NULL "
                                f"AND NOT EXISTS {{ (n)<-[:{NAMES_TYPE}]-(:{NAME_LABEL}) }} "
                                f"CALL (n) {{ UNWIND n.names AS value CREATE (:{NAME_LABEL} {{value: value}})-[:{NAMES_TYPE}]->(n) }} "
                                "IN TRANSACTIONS OF 10000 ROWS").consume()
            except Exception as error:
                raise _translate(error, self.settings) from None

    def clear(self, batch_size: int = 10_000) -> int:
        """Delete every chainkg node and its relationships, in batches. Returns nodes deleted.

        Relationships go first, ``batch_size`` at a time, then the nodes: a batch of nodes that
        holds a hub (a segment or county with a million entries) never deletes its edges in one
        transaction.
        """
        while self.run(f"MATCH (n)-[r]-() WHERE n:{_OWN_LABELS} WITH DISTINCT r LIMIT $limit DELETE r RETURN count(*) AS deleted",
                       limit=batch_size)[0]["deleted"]:
            pass
        deleted = 0
        while True:
            count = self.run(
                f"MATCH (n) WHERE n:{_OWN_LABELS} WITH n LIMIT $limit DETACH DELETE n RETURN count(*) AS deleted",
                limit=batch_size,
            )[0]["deleted"]
            deleted += count
            if count == 0:
                self.run(f"MATCH (n:`{HELPER_LABEL}`) DETACH DELETE n")  # summaries of what was deleted
                return deleted

    def load(self, nodes: Sequence[NodeRow], relationships: Sequence[RelationshipRow], *,
             batch_size: int = DEFAULT_BATCH_SIZE, workers: int = DEFAULT_WORKERS,
             progress: bool | None = None) -> LoadReport:
        """Write nodes, then relationships, in batches (one transaction each, ``workers`` at a time).

        Into a database with no chainkg nodes yet, rows are CREATEd (a first load needs no
        lookups); otherwise MERGEd, so re-running a load — finished or killed half-way —
        ends with the counts of one clean load, and the report's ``changes`` says which nodes
        and relationships the load created or changed (derived data is refreshed from it).
        """
        from tqdm import tqdm

        started = time.perf_counter()
        first_load = not self.run(f"MATCH (n) WHERE n:{_OWN_LABELS} RETURN n.iri LIMIT 1")
        self.ensure_schema(names=False)
        if first_load:
            # The full-text index is built after a first load in one bulk pass instead of being
            # updated node by node. (A load killed half-way leaves it out; the next load puts it
            # back before it writes anything.)
            self.run(f"DROP INDEX {FULLTEXT_INDEX} IF EXISTS")
        by_labels: dict[tuple[str, ...], list[dict]] = defaultdict(list)
        for node in nodes:
            by_labels[node.labels].append(node.properties if node.properties.get("iri") == node.iri
                                          else {**node.properties, "iri": node.iri})
        # An entity's names hang off it as Name nodes (the indexed look-up by any name);
        # a MERGE replaces the ones it had.
        names = (f"FOREACH (value IN coalesce(row.names, []) | "
                 f"CREATE (:{NAME_LABEL} {{value: value}})-[:{NAMES_TYPE}]->(n)) ")
        old_names = (f"WITH n, row, before, beforeLabels CALL (n) {{ MATCH (n)<-[:{NAMES_TYPE}]-(old:{NAME_LABEL}) "
                     "DETACH DELETE old } ")
        node_statements: list[tuple[str, list[dict]]] = []
        merged: dict[str, list[dict]] = defaultdict(list)  # storage label → rows, their labels dynamic
        for labels, rows in sorted(by_labels.items()):
            key = next((label for label in STORAGE_LABELS if label in labels), ENTITY_LABEL)
            clause = _label_clause((*labels, key))  # checked against the ontology in either case
            if first_load:
                node_statements.append((f"UNWIND $rows AS row CREATE (n{clause}) SET n = row "
                                        f"{names if key == ENTITY_LABEL else ''}RETURN n.iri, elementId(n)", rows))
            else:
                merged[key].extend({"labels": sorted(labels), "properties": row} for row in rows)
        for key, rows in sorted(merged.items()):
            # One statement per storage label, labels set dynamically: a small load (one article)
            # into a large graph plans four statements, not one per label set (planning, not
            # writing, is most of its time). The node as it was tells what the load changed.
            named = names.replace("row.names", "row.properties.names") if key == ENTITY_LABEL else ""
            node_statements.append((
                f"UNWIND $rows AS row OPTIONAL MATCH (old:{key} {{iri: row.properties.iri}}) "
                "WITH row, properties(old) AS before, labels(old) AS beforeLabels "
                f"MERGE (n:{key} {{iri: row.properties.iri}}) "
                f"SET n:$(row.labels) SET n = row.properties {old_names if named else ''}{named}"
                f"RETURN n.iri, elementId(n), before IS NULL, {_CHANGED_KEYS.format(item='n')}, "
                "CASE WHEN size(labels(n)) <> size(beforeLabels) THEN beforeLabels END", rows))
        # Relationships find their ends by element id (a direct record read), not by an index
        # seek on the IRI: the ids come back from the node writes, or are looked up once.
        element_ids: dict[str, str] = {}
        changes = None if first_load else LoadChanges()
        batches = 0
        bar = tqdm(total=len(nodes) + len(relationships), unit="row", desc="neo4j load",
                   disable={True: False, False: True, None: None}[progress], leave=False)  # None: only on a terminal
        with bar, ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="neo4j-load") as pool:
            def run_all(cypher: str, rows: list[dict]) -> list[list]:
                """Every batch of ``rows``, ``workers`` transactions at a time (the driver retries a
                transaction the server ends for a lock conflict; each commits whole or not at all)."""
                nonlocal batches

                found = []
                batches_of = list(_batches(rows, batch_size))
                pending = [pool.submit(partial(self._write, cypher), batch) for batch in batches_of]
                try:
                    for batch, future in zip(batches_of, pending, strict=True):
                        found.extend(future.result())
                        bar.update(len(batch))
                except BaseException:
                    # a lost server fails every queued batch in turn, each after its retries:
                    # the first error ends the load
                    for future in pending:
                        future.cancel()
                    raise
                batches += len(batches_of)
                return found

            for cypher, rows in node_statements:
                for iri, element_id, *change in run_all(cypher, rows):
                    element_ids[iri] = element_id
                    if changes is not None and (written := _written(*change)) is not None:
                        changes.nodes[iri] = written
            by_type: dict[str, list[dict]] = defaultdict(list)

            def add(relationship: RelationshipRow) -> bool:
                """File the relationship under its type if both its ends have element ids."""
                start, end = element_ids.get(relationship.start), element_ids.get(relationship.end)
                if start is None or end is None:
                    return False
                by_type[relationship.type].append({"s": start, "e": end, "properties": relationship.properties})
                return True

            waiting = [r for r in relationships if not add(r)]  # an end not written by this load
            if waiting:  # ends loaded earlier (or never: those relationships are skipped, as MATCH would)
                element_ids.update(self._element_ids(sorted({end for r in waiting for end in (r.start, r.end)})))
                for relationship in waiting:
                    add(relationship)
            ends = "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.s MATCH (b) WHERE elementId(b) = row.e "
            if first_load:
                for type_name, rows in sorted(by_type.items()):
                    run_all(f"{ends}CREATE (a)-[r:`{_relationship_type(type_name)}`]->(b) SET r = row.properties", rows)
            else:  # every type in one statement (see the nodes), the relationship as it was beside it
                rows = [{**row, "type": _relationship_type(type_name)} for type_name, typed in sorted(by_type.items())
                        for row in typed]
                for start, type_name, end, *change in run_all(
                        f"{ends}WITH a, b, row, [(a)-[old]->(b) WHERE type(old) = row.type | properties(old)][0] AS before "
                        "MERGE (a)-[r:$(row.type)]->(b) SET r = row.properties "
                        f"WITH a, b, r, before, {_CHANGED_KEYS.format(item='r')} AS changed "
                        "WHERE before IS NULL OR size(changed) > 0 "
                        "RETURN a.iri, type(r), b.iri, before IS NULL, changed, null", rows):
                    assert changes is not None
                    if (written := _written(*change)) is not None:
                        changes.relationships[(start, type_name, end)] = written
        if first_load:
            self.ensure_schema(wait=False, names=False)  # the full-text index again, filled in the background; search waits for it
        return LoadReport(len(nodes), len(relationships), batches, time.perf_counter() - started, changes)

    def read(self) -> tuple[list[NodeRow], list[RelationshipRow]]:
        """Every chainkg node and relationship, back as rows (for :func:`rows_to_rdf`)."""
        stored = "|".join(STORAGE_LABELS)
        nodes = [
            NodeRow(r["iri"], tuple(sorted(r["labels"])), r["properties"])
            for r in self.run(f"MATCH (n) WHERE n:{stored} RETURN n.iri AS iri, labels(n) AS labels, "
                              "properties(n) AS properties ORDER BY iri")
        ]
        relationships = [
            RelationshipRow(r["start"], r["type"], r["end"], r["properties"])
            for r in self.run(f"MATCH (a)-[r]->(b) WHERE a:{stored} AND b:{stored} RETURN a.iri AS start, type(r) AS type, "
                              "b.iri AS end, properties(r) AS properties ORDER BY start, type, end")
        ]
        return nodes, relationships

    def counts(self) -> tuple[int, int]:
        """(chainkg nodes, relationships between them)."""
        nodes = self.run(f"MATCH (n:{ENTITY_LABEL}) RETURN count(n) AS c")[0]["c"]
        relationships = self.run(f"MATCH (:{ENTITY_LABEL})-[r]->(:{ENTITY_LABEL}) RETURN count(r) AS c")[0]["c"]
        return nodes, relationships

    def search(self, text: str, limit: int = 10) -> list[dict]:
        """Full-text search over names and aliases (cjk bigrams), best first."""
        self.run("CALL db.awaitIndex($index, 300)", index=FULLTEXT_INDEX)  # still filling after a first load
        return self.run(
            f"CALL db.index.fulltext.queryNodes('{FULLTEXT_INDEX}', $query) YIELD node, score "
            "RETURN node.name AS name, node.iri AS iri, labels(node) AS labels, score "
            "ORDER BY score DESC, name LIMIT $limit",
            query=_lucene_escape(text), limit=limit,
        )


_LUCENE_SPECIAL = set('+-&|!(){}[]^"~*?:\\/')


def _lucene_escape(text: str) -> str:
    """Search for the words as typed: Lucene operators are escaped."""
    return "".join("\\" + ch if ch in _LUCENE_SPECIAL else ch for ch in text)


def connect(settings: Neo4jSettings, *, verbose: bool = False) -> Neo4jStore:
    """Open a checked connection, or raise one clear :class:`ChainKGError`.

    ``verbose`` shows the server's notifications and the driver's warnings (retries, lost
    connections) on stderr; without it a lost server is one error, in a few seconds.
    """
    return Neo4jStore(settings, verbose=verbose)
