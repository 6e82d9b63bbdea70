"""First loads at the practical limit: rows → CSV for ``neo4j-admin database import full``.

The offline importer builds a new database from CSV files without transactions. The files
hold exactly the rows the online loader writes (the same ``iri``, labels, properties and
relationship types), so either path gives the same graph.

Example
-------
>>> from chainkg.graph.build import load_facts
>>> from chainkg.graph.neo4j_codec import facts_to_rows
>>> import tempfile, pathlib
>>> files = write_import_csv(*facts_to_rows(load_facts()), pathlib.Path(tempfile.mkdtemp()))
>>> sorted({kind for kind, _ in files})
['nodes', 'relationships']
"""

from __future__ import annotations

import csv
import datetime
import os
import subprocess
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from chainkg.errors import ChainKGError
from chainkg.graph.neo4j_codec import NodeRow, RelationshipRow

__all__ = ["ARRAY_DELIMITER", "write_import_csv", "run_import"]

#: Separates the items of a list cell; ``neo4j-admin`` must be told it (``--array-delimiter``).
#: The unit separator, a character no name or sentence contains.
ARRAY_DELIMITER = "\u001f"


def _type_of(values) -> str:
    sample = next((v for v in values if v is not None), "")
    if isinstance(sample, bool):
        return ":boolean"
    if isinstance(sample, float):
        return ":double"
    if isinstance(sample, int):
        return ":long"
    if isinstance(sample, datetime.date):
        return ":date"
    if isinstance(sample, list):
        # evidence offsets are lists of numbers, names lists of text
        return ":long[]" if sample and all(isinstance(v, int) and not isinstance(v, bool) for v in sample) else ":string[]"
    return ""


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(str(v) for v in value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, quoting=csv.QUOTE_ALL)
        writer.writerow(header)
        writer.writerows(rows)


def write_import_csv(nodes: Sequence[NodeRow], relationships: Sequence[RelationshipRow], folder: Path) -> list[tuple[str, Path]]:
    """One nodes file per label set and one relationships file per type, with typed headers."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[tuple[str, Path]] = []
    by_labels: dict[tuple, list[NodeRow]] = defaultdict(list)
    for node in nodes:
        by_labels[node.labels].append(node)
    for index, (labels, labelled) in enumerate(sorted(by_labels.items())):
        keys = sorted({k for n in labelled for k in n.properties if k != "iri"})
        header = ["iri:ID(Entity)", ":LABEL"] + [k + _type_of(n.properties.get(k) for n in labelled) for k in keys]
        rows = [[n.iri, ARRAY_DELIMITER.join(labels)] + [_cell(n.properties.get(k)) for k in keys] for n in labelled]
        path = folder / f"nodes_{index:02d}.csv"
        _write(path, header, rows)
        files.append(("nodes", path))
    by_type: dict[str, list[RelationshipRow]] = defaultdict(list)
    for relationship in relationships:
        by_type[relationship.type].append(relationship)
    for type_name, typed in sorted(by_type.items()):
        keys = sorted({k for r in typed for k in r.properties})
        header = [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"] + [k + _type_of(r.properties.get(k) for r in typed) for k in keys]
        rows = [[r.start, r.end, type_name] + [_cell(r.properties.get(k)) for k in keys] for r in typed]
        path = folder / f"relationships_{type_name.lower()}.csv"
        _write(path, header, rows)
        files.append(("relationships", path))
    return files


def run_import(home: Path, files: list[tuple[str, Path]], *, database: str = "neo4j") -> float:
    """Run ``neo4j-admin database import full`` into a server folder that is not running.

    Returns the seconds it took. Indexes and constraints are created afterwards, when the
    server is up (``Neo4jStore.ensure_schema``).
    """
    from chainkg.graph.neo4j_server import java_executable, resolve_classpath

    arguments = [f"--{kind}={path}" for kind, path in files]
    # the database name goes first: --nodes / --relationships take several files each
    command = [java_executable(), "-Xmx2g", "-cp", resolve_classpath(), "org.neo4j.cli.AdminTool", "database", "import", "full",
               database, "--multiline-fields=true", f"--array-delimiter={ARRAY_DELIMITER}", "--ignore-empty-strings=true",
               "--overwrite-destination=true", f"--report-file={home / 'logs' / 'import.report'}", *arguments]
    environment = {**os.environ, "NEO4J_HOME": str(home), "NEO4J_CONF": str(home / "conf")}
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env=environment)
    if result.returncode != 0:
        raise ChainKGError(f"neo4j-admin import failed: {(result.stdout + result.stderr).strip()[-1500:]}")
    return time.perf_counter() - started
