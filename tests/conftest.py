"""Shared fixtures: the real seed article, the built seed graph, a built out/ folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from chainkg.graph.build import build_seed_dataset
from chainkg.graph.networkx_projection import to_networkx
from chainkg.graph.rdf import union_graph

from _paths import COOKBOOK, SEED_ARTICLE

# The analyses read the build in $CHAINKG_OUT (default out/) when no --data is given: a build a
# developer made in the checkout must not change what the tests see. Tests that want a default
# build set CHAINKG_OUT themselves.
os.environ["CHAINKG_OUT"] = str(Path(tempfile.gettempdir()) / "chainkg-tests-no-default-build")


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article as the user gave it, read from the shared corpus."""
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_dataset():
    return build_seed_dataset()


@pytest.fixture(scope="session")
def seed_graph(seed_dataset):
    return union_graph(seed_dataset)


@pytest.fixture(scope="session")
def seed_kg(seed_graph):
    return to_networkx(seed_graph)


@pytest.fixture(scope="session")
def built_out(tmp_path_factory) -> Path:
    """`chainkg build --out DIR` run once for the session, as a user would."""
    from chainkg.cli import main

    out = tmp_path_factory.mktemp("out")
    assert main(["build", "--out", str(out)]) == 0
    return out


# --- A live Neo4j for the run ------------------------------------------------------------

_NEO4J_RUN: dict = {}


@pytest.fixture(scope="session")
def neo4j_settings():
    """A live Neo4j: the one NEO4J_URI names, else a fresh local server started for the run."""
    import os

    from chainkg.graph.neo4j_server import start_server, stop_server
    from chainkg.settings import Neo4jSettings

    if os.environ.get("NEO4J_URI"):
        settings = Neo4jSettings.resolve()
        _NEO4J_RUN["how"] = f"existing server at {settings.uri} (NEO4J_URI)"
        yield settings
        return
    server = start_server()
    _NEO4J_RUN["how"] = f"server started by the suite at {server.uri} ({server.home})"
    try:
        yield Neo4jSettings(server.uri, server.user, server.password, "neo4j")
    finally:
        stop_server(server, remove_home=True)


@pytest.fixture(scope="session")
def neo4j_store(neo4j_settings):
    from chainkg.graph.neo4j_store import connect

    with connect(neo4j_settings) as store:
        version = store.run("CALL dbms.components() YIELD name, versions, edition "
                            "RETURN name, versions[0] AS version, edition")[0]
        _NEO4J_RUN["version"] = f"{version['name']} {version['version']} {version['edition']}"
        yield store


@pytest.fixture(scope="module")
def loaded_seed(neo4j_store, seed_dataset):
    """The seed dataset freshly loaded, named graphs and all (each test module starts from a clean load)."""
    from chainkg.graph.neo4j_codec import rdf_to_rows

    neo4j_store.clear()
    nodes, relationships = rdf_to_rows(seed_dataset)
    neo4j_store.load(nodes, relationships, progress=False)
    return nodes, relationships


def pytest_terminal_summary(terminalreporter):
    if _NEO4J_RUN:
        terminalreporter.write_line(
            f"Neo4j tests ran against a live {_NEO4J_RUN.get('version', 'Neo4j')}: {_NEO4J_RUN['how']}"
        )


# Property-based tests draw the same examples on every run: the suite stays deterministic.
from hypothesis import settings as _hypothesis_settings  # noqa: E402

_hypothesis_settings.register_profile("deterministic", derandomize=True, database=None)
_hypothesis_settings.load_profile("deterministic")


@pytest.fixture(scope="module")
def cypher(neo4j_store, loaded_seed):
    """Run a cookbook query (by file name) against the loaded seed."""
    def run(name: str, **parameters):
        return neo4j_store.run((COOKBOOK / name).read_text(encoding="utf-8"), **parameters)

    return run
